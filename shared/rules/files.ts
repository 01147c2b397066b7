// files.* checks: kinds of files the agent skips or refuses, OneDrive folders and cloud placeholders,
// and DFS Replication folders. Matrix row: "Supported file types for backup".

import type { SkippedCounts } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { list, m, type MessageId } from '../i18n/message.js';

/** The kinds files.skipped counts, with the message that counts them and what to do about each. */
const SKIPPED_KINDS: { key: keyof SkippedCounts; words: MessageId; remedy: MessageId }[] = [
  { key: 'hardLinks', words: 'files.skipped.kind.hardLinks', remedy: 'files.skipped.remedy.hardLinks' },
  { key: 'reparsePoints', words: 'files.skipped.kind.reparsePoints', remedy: 'files.skipped.remedy.reparsePoints' },
  { key: 'encryptedSparse', words: 'files.skipped.kind.encryptedSparse', remedy: 'files.skipped.remedy.encryptedSparse' },
  { key: 'compressedStreams', words: 'files.skipped.kind.compressedStreams', remedy: 'files.skipped.remedy.compressedStreams' },
  { key: 'sparseStreams', words: 'files.skipped.kind.sparseStreams', remedy: 'files.skipped.remedy.sparseStreams' },
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
        title: m('files.skipped.unscanned.title'),
        detail: items.length === 0 ? m('files.skipped.unscanned.nothingSelected') : m('files.skipped.unscanned.detail'),
        fix: fix('user', [m('files.skipped.unscanned.fix')]),
      }),
    ];
  }
  const found = totals.filter((t) => t.count > 0);
  // Example paths, when a live scan gave them: a few of each kind, across the items.
  const examplesOf = (key: keyof SkippedCounts) => [...new Set(items.flatMap((item) => ctx.examples[item.path]?.[key] ?? []))].slice(0, 3);
  const withExamples = (t: (typeof totals)[number]) => {
    const seen = examplesOf(t.kind.key);
    // The example paths are data, shown as they are, one after the other.
    return m(t.kind.words, { count: t.count, hasExamples: seen.length > 0 ? 'yes' : 'no', examples: seen.join(', ') });
  };
  const anyExamples = found.some((t) => examplesOf(t.kind.key).length > 0);
  const unscanned = items.length - scanned.length;

  if (found.length > 0) {
    return [
      finding(ctx, 'files.skipped', {
        ...base,
        status: 'warn',
        title: m('files.skipped.warn.title'),
        detail: m('files.skipped.warn.detail', { kinds: list(found.map(withExamples)), unscanned }),
        fix: fix('user', [
          ...found.map((t) => m(t.kind.remedy)),
          anyExamples ? m('files.skipped.warn.fix.lookAtExamples') : m('files.skipped.warn.fix.scanForExamples'),
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'files.skipped', {
      ...base,
      status: 'pass',
      title: m('files.skipped.pass.title'),
      detail: m('files.skipped.pass.detail', { unscanned }),
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
        title: m('files.oneDrive.warn.title'),
        detail: m('files.oneDrive.warn.detail', { paths: list(affected.map((i) => i.path)), count: affected.length, placeholders }),
        fix: fix('user', [m('files.oneDrive.warn.fix.remove'), m('files.oneDrive.warn.fix.keepOnDevice')]),
      }),
    ];
  }
  return [
    finding(ctx, 'files.onedrive', {
      ...base,
      status: 'pass',
      title: m('files.oneDrive.pass.title'),
      detail: m('files.oneDrive.pass.detail'),
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
        title: m('files.dfsr.fail.title'),
        detail: m('files.dfsr.fail.detail', { paths: list(replicated.map((i) => i.path)), count: replicated.length }),
        fix: fix('server admin', [m('files.dfsr.fail.fix.remove'), m('files.dfsr.fail.fix.protect')]),
      }),
    ];
  }
  return [
    finding(ctx, 'files.dfsr', {
      evidence,
      cite,
      status: 'pass',
      title: m('files.dfsr.pass.title'),
      detail: m('files.dfsr.pass.detail'),
    }),
  ];
}
