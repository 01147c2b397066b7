// files.* checks: kinds of files the agent skips or refuses, OneDrive folders and cloud placeholders,
// and DFS Replication folders. Matrix row: "Supported file types for backup".

import type { SkippedCounts } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix, listInWords, plural } from './finding.js';

/** The kinds files.skipped counts, with the words for them and what to do about each. */
const SKIPPED_KINDS: { key: keyof SkippedCounts; one: string; many: string; remedy: string }[] = [
  {
    key: 'hardLinks',
    one: 'hard link',
    many: 'hard links',
    remedy: 'Hard links: back up the file through one path only, or replace the extra links with copies.',
  },
  {
    key: 'reparsePoints',
    one: 'reparse point (symbolic link, junction or mount point)',
    many: 'reparse points (symbolic links, junctions or mount points)',
    remedy: 'Links and junctions: select the folder they point to instead.',
  },
  {
    key: 'encryptedSparse',
    one: 'file both encrypted and sparse',
    many: 'files both encrypted and sparse',
    remedy: 'Encrypted sparse files: decrypt them or make them non-sparse, or exclude them.',
  },
  {
    key: 'compressedStreams',
    one: 'compressed stream',
    many: 'compressed streams',
    remedy: 'Compressed streams: exclude them, or store the data uncompressed.',
  },
  {
    key: 'sparseStreams',
    one: 'sparse stream',
    many: 'sparse streams',
    remedy: 'Sparse streams: exclude them, or copy the data to plain files.',
  },
];

export function filesSkipped(ctx: RuleContext): Finding[] {
  const items = ctx.profile.selection?.items ?? [];
  const scanned = items.filter((item) => item.skipped != null);
  const totals = SKIPPED_KINDS.map((kind) => ({ kind, count: scanned.reduce((sum, item) => sum + (item.skipped?.[kind.key] ?? 0), 0) }));
  const evidence = { skipped: Object.fromEntries(items.map((item) => [item.path, item.skipped ?? null])) };
  const base = { evidence, cite: ctx.edition.fileKinds };
  if (scanned.length === 0) {
    return [
      finding(ctx, 'files.skipped', {
        ...base,
        status: 'unknown',
        title: 'The selected files were not scanned',
        detail:
          items.length === 0
            ? 'Nothing is selected yet, so no files were scanned for the kinds the agent skips.'
            : 'None of the selected folders was scanned for the kinds of files the agent skips.',
        fix: fix('user', ['Choose what to back up in the wizard and let it scan the folders (on the command line: --select PATH).']),
      }),
    ];
  }
  const found = totals.filter((t) => t.count > 0);
  // Example paths, when a live scan gave them: a few of each kind, across the items.
  const examplesOf = (key: keyof SkippedCounts) => [...new Set(items.flatMap((item) => ctx.examples[item.path]?.[key] ?? []))].slice(0, 3);
  const withExamples = (t: (typeof totals)[number]) => {
    const seen = examplesOf(t.kind.key);
    return `${plural(t.count, t.kind.one, t.kind.many)}${seen.length > 0 ? ` (such as ${seen.join(', ')})` : ''}`;
  };
  const anyExamples = found.some((t) => examplesOf(t.kind.key).length > 0);
  const unscanned = items.length - scanned.length;
  const partly = unscanned > 0 ? ` ${plural(unscanned, 'selected item was', 'selected items were')} not scanned.` : '';
  if (found.length > 0) {
    return [
      finding(ctx, 'files.skipped', {
        ...base,
        status: 'warn',
        title: 'Some selected files will be skipped',
        detail: `The agent skips these without backing them up: ${listInWords(found.map(withExamples))}.${partly}`,
        fix: fix('user', [
          ...found.map((t) => t.kind.remedy),
          anyExamples
            ? 'Look at the example paths above and check that nothing you need is among them.'
            : 'To see example paths of each kind, scan on the machine itself (the wizard, or check --select PATH).',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'files.skipped', {
      ...base,
      status: 'pass',
      title: 'No skipped kinds of files',
      detail: `The scanned folders hold none of the kinds of files the agent skips.${partly}`,
    }),
  ];
}

export function filesOneDrive(ctx: RuleContext): Finding[] {
  const selection = ctx.profile.selection;
  if (!selection) return [];
  const affected = selection.items.filter((item) => item.oneDrive === true || (item.skipped?.cloudPlaceholders ?? 0) > 0);
  const evidence = {
    items: Object.fromEntries(
      selection.items.map((i) => [i.path, { oneDrive: i.oneDrive ?? null, cloudPlaceholders: i.skipped?.cloudPlaceholders ?? null }]),
    ),
  };
  const base = { evidence, cite: ctx.edition.fileKinds };
  if (affected.length > 0) {
    const placeholders = affected.reduce((sum, item) => sum + (item.skipped?.cloudPlaceholders ?? 0), 0);
    return [
      finding(ctx, 'files.onedrive', {
        ...base,
        status: 'warn',
        title: 'OneDrive or cloud-only files are selected',
        detail: `${listInWords(affected.map((i) => i.path))} ${affected.length === 1 ? 'holds' : 'hold'} OneDrive-synced or cloud-only files${placeholders > 0 ? ` (${plural(placeholders, 'placeholder')} whose content is not on this disk)` : ''}. The agent does not back these up.`,
        fix: fix('user', [
          'Remove OneDrive folders from the selection: OneDrive keeps its own copy in the cloud.',
          'If these files must be in this backup, make them "Always keep on this device" and move them out of the OneDrive folder.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'files.onedrive', {
      ...base,
      status: 'pass',
      title: 'No OneDrive files selected',
      detail: 'No selected item is a OneDrive folder or holds cloud-only files.',
    }),
  ];
}

export function filesDfsr(ctx: RuleContext): Finding[] {
  const cite = ctx.edition.dfsrUnsupported;
  const selection = ctx.profile.selection;
  if (!cite || !selection) return [];
  const replicated = selection.items.filter((item) => item.dfsReplicated === true);
  const evidence = { items: Object.fromEntries(selection.items.map((i) => [i.path, i.dfsReplicated ?? null])) };
  if (replicated.length > 0) {
    return [
      finding(ctx, 'files.dfsr', {
        evidence,
        cite,
        status: 'fail',
        title: 'DFS Replication folders are selected',
        detail: `${listInWords(replicated.map((i) => i.path))} ${replicated.length === 1 ? 'is' : 'are'} replicated with DFS Replication, and the agent does not support backing up such folders.`,
        fix: fix('server admin', [
          'Remove the replicated folders from the selection.',
          'Protect them another way, for example with Azure Files and Azure File Sync or a backup of the replication member with a supported method.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'files.dfsr', {
      evidence,
      cite,
      status: 'pass',
      title: 'No DFS Replication folders selected',
      detail: 'No selected item is replicated with DFS Replication.',
    }),
  ];
}
