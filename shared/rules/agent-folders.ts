// selection.agent-folders (contract v2): the agent's own folders must stay out of its backup. When a selected
// folder is, or holds, the cache (scratch) folder or the agent's bin folder, the backup fails
// (SalFileProviderUnInitializationFailed) unless both are excluded - and the profile does not record the
// backup's exclusions, so this can only warn.

import { list, m, type Msg } from '../i18n/message.js';
import type { Finding } from '../report/types.js';
import { isWithin } from '../util/paths.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

/** A path the profile states: a string with more than white space. */
export function known(path: string | null | undefined): path is string {
  return typeof path === 'string' && path.trim() !== '';
}

/** `<installPath>\<name>`, with one backslash between them. */
export function underInstallPath(installPath: string, name: string): string {
  return `${installPath.replace(/[\\/]+$/, '')}\\${name}`;
}

interface AgentFolder {
  /** The folder in words, with its path: "the cache folder (D:\Scratch)". */
  what: Msg;
  path: string;
}

/** One of the agent's folders in words, with its path in brackets when it is known. */
export function agentFolderWords(which: 'cache' | 'bin', path: string | null): Msg {
  return m(which === 'cache' ? 'agent.folder.cache' : 'agent.folder.bin', { hasPath: path !== null ? 'yes' : 'no', path: path ?? '' });
}

export function selectionAgentFolders(ctx: RuleContext): Finding[] {
  const selection = ctx.profile.selection;
  if (!selection) return [];
  const cachePath = ctx.profile.cache?.path;
  const installPath = ctx.profile.agent?.installPath;
  const folders: AgentFolder[] = [];
  if (known(cachePath)) folders.push({ what: agentFolderWords('cache', cachePath), path: cachePath });
  if (known(installPath)) {
    const bin = underInstallPath(installPath, 'bin');
    folders.push({ what: agentFolderWords('bin', bin), path: bin });
  }
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
        title: m('agent.folders.warn.title'),
        detail: m('agent.folders.warn.detail', {
          items: list(items),
          count: items.length,
          folders: list(inside.map((folder) => folder.what)),
          error: 'SalFileProviderUnInitializationFailed',
        }),
        fix: fix('user', [
          m('agent.folders.warn.fix.exclude', { paths: list(folders.map((folder) => folder.path)) }),
          m('agent.folders.warn.fix.selectOther'),
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'selection.agent-folders', {
      ...base,
      status: 'pass',
      title: m('agent.folders.pass.title'),
      detail:
        selection.items.length === 0
          ? m('agent.folders.pass.nothingSelected')
          : m('agent.folders.pass.detail', {
              folders: list(
                folders.map((folder) => folder.what),
                'or',
              ),
            }),
    }),
  ];
}
