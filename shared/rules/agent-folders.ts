// selection.agent-folders (contract v2): the agent's own folders must stay out of its backup. When a selected
// folder is, or holds, the cache (scratch) folder or the agent's bin folder, the backup fails
// (SalFileProviderUnInitializationFailed) unless both are excluded - and the profile does not record the
// backup's exclusions, so this can only warn.

import type { Finding } from '../report/types.js';
import { isWithin } from '../util/paths.js';
import type { RuleContext } from './context.js';
import { finding, fix, listInWords } from './finding.js';

/** A path the profile states: a string with more than white space. */
export function known(path: string | null | undefined): path is string {
  return typeof path === 'string' && path.trim() !== '';
}

/** `<installPath>\<name>`, with one backslash between them. */
export function underInstallPath(installPath: string, name: string): string {
  return `${installPath.replace(/[\\/]+$/, '')}\\${name}`;
}

interface AgentFolder {
  what: string;
  path: string;
}

export function selectionAgentFolders(ctx: RuleContext): Finding[] {
  const selection = ctx.profile.selection;
  if (!selection) return [];
  const cachePath = ctx.profile.cache?.path;
  const installPath = ctx.profile.agent?.installPath;
  const folders: AgentFolder[] = [];
  if (known(cachePath)) folders.push({ what: 'the cache folder', path: cachePath });
  if (known(installPath)) folders.push({ what: "the agent's bin folder", path: underInstallPath(installPath, 'bin') });
  if (folders.length === 0) return [];

  const evidence = {
    '/cache/path': cachePath,
    '/agent/installPath': installPath,
    '/selection/items': selection.items.map((item) => item.path),
  };
  const base = { evidence, cite: ctx.edition.cache };
  const hits = selection.items.flatMap((item) =>
    folders.filter((folder) => isWithin(folder.path, item.path)).map((folder) => ({ item: item.path, folder })),
  );
  if (hits.length > 0) {
    const inside = [...new Map(hits.map((hit) => [hit.folder.path, hit.folder])).values()];
    const items = [...new Set(hits.map((hit) => hit.item))];
    return [
      finding(ctx, 'selection.agent-folders', {
        ...base,
        status: 'warn',
        title: "The agent's own folders are in the backup",
        detail: `${listInWords(items)} ${items.length === 1 ? 'is selected for backup and holds' : 'are selected for backup and hold'} ${listInWords(inside.map((folder) => `${folder.what} (${folder.path})`))}. Unless the cache folder and the bin folder are both excluded from the backup, every backup fails (error SalFileProviderUnInitializationFailed). This profile does not say which folders the backup excludes.`,
        fix: fix('user', [
          `In the agent's console, open Schedule Backup, go to "Select Items to Backup" > Exclusion Settings, and exclude ${listInWords(folders.map((folder) => folder.path))}, with their subfolders.`,
          'Or select folders that do not hold them.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'selection.agent-folders', {
      ...base,
      status: 'pass',
      title: "The agent's own folders are not in the backup",
      detail:
        selection.items.length === 0
          ? 'Nothing is selected for backup yet.'
          : `None of the selected folders holds ${folders.map((folder) => `${folder.what} (${folder.path})`).join(' or ')}.`,
    }),
  ];
}
