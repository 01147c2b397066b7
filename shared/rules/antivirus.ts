// agent.antivirus (contract v2): whether Microsoft Defender leaves the agent alone. Its real-time scanning
// must exclude the cache folder, the agent's bin folder and the process cbengine.exe; otherwise backups
// can fail with access errors (0x80070005, SalChecksumStoreInitializationFailed, ...). Only Defender is
// probed; unelevated, Windows hides its exclusion lists, and unreadable is never "not excluded".
// Section: the edition's `antivirus` (troubleshooting article).

import { list, m, type Msg } from '../i18n/message.js';
import type { Finding, Status } from '../report/types.js';
import { normalizeWindowsPath, samePath, isWithin } from '../util/paths.js';
import { agentFolderWords, known, underInstallPath } from './agent-folders.js';
import type { RuleContext } from './context.js';
import { finding, fix, worst } from './finding.js';

const P = '/antivirus';
const ENGINE = 'cbengine.exe';

type Cover = 'covered' | 'uncovered' | 'unknown';

interface Target {
  /** What it is: the cache folder, the bin folder, or the engine's process. */
  what: 'cache' | 'bin' | 'engine';
  /** The folder, or the process name; null when the install path it needs is not known. */
  name: string | null;
  cover: Cover;
}

/** A path exclusion covers a folder that lies within it; a trailing `\*` is ignored, other wildcards match only themselves. */
function pathCovers(exclusion: string, folder: string): boolean {
  return isWithin(folder, exclusion.replace(/[\\/]\*$/, ''));
}

/**
 * How the process exclusions cover cbengine.exe: by its name, by its full path, or by `<installPath>\bin\*`
 * exactly (Defender's folder form covers the processes in that folder, not below it). With the install path
 * unknown, an entry that may be one of the last two leaves it unknown.
 */
function engineCover(processes: readonly string[], installPath: string | null): Cover {
  if (processes.some((entry) => entry.toLowerCase() === ENGINE)) return 'covered';
  if (installPath !== null) {
    const bin = underInstallPath(installPath, 'bin');
    return processes.some((entry) => samePath(entry, `${bin}\\${ENGINE}`) || samePath(entry, `${bin}\\*`)) ? 'covered' : 'uncovered';
  }
  const maybe = processes.some((entry) => {
    const path = normalizeWindowsPath(entry);
    return path.endsWith(`\\bin\\${ENGINE}`) || path.endsWith('\\bin\\*');
  });
  return maybe ? 'unknown' : 'uncovered';
}

function folderCover(paths: readonly string[] | null, folder: string | null): Cover {
  if (folder === null || paths === null) return 'unknown';
  return paths.some((exclusion) => pathCovers(exclusion, folder)) ? 'covered' : 'uncovered';
}

export function agentAntivirus(ctx: RuleContext): Finding[] {
  const agent = ctx.profile.agent;
  if (agent?.installed !== true) return [];
  const facts = ctx.profile.antivirus;
  if (facts === undefined) return [];
  const cite = ctx.edition.antivirus;
  if (facts === null) {
    return [
      finding(ctx, 'agent.antivirus', {
        evidence: { [P]: null },
        cite,
        status: 'unknown',
        title: m('agent.antivirus.unreadable.title'),
        detail: m('agent.antivirus.unreadable.detail'),
        fix: unknownFix,
      }),
    ];
  }
  const realTime = facts.defenderRealTimeProtection ?? null;
  const paths = facts.exclusionPaths ?? null;
  const processes = facts.exclusionProcesses ?? null;
  const installPath = known(agent.installPath) ? agent.installPath : null;
  const cachePath = ctx.profile.cache?.path;
  const evidence = {
    [`${P}/defenderRealTimeProtection`]: realTime,
    [`${P}/exclusionPaths`]: paths,
    [`${P}/exclusionProcesses`]: processes,
    '/cache/path': cachePath ?? null,
    '/agent/installPath': agent.installPath ?? null,
  };
  const base = { evidence, cite };
  if (realTime === false) {
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status: 'info',
        title: m('agent.antivirus.off.title'),
        detail: m('agent.antivirus.off.detail', { engine: ENGINE }),
      }),
    ];
  }
  if (realTime === null) {
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status: 'unknown',
        title: m('agent.antivirus.realTimeUnknown.title'),
        detail: m('agent.antivirus.realTimeUnknown.detail'),
        fix: unknownFix,
      }),
    ];
  }

  const cacheFolder = known(cachePath) ? cachePath : installPath !== null ? underInstallPath(installPath, 'Scratch') : null;
  const binFolder = installPath !== null ? underInstallPath(installPath, 'bin') : null;
  const targets: Target[] = [
    { what: 'cache', name: cacheFolder, cover: folderCover(paths, cacheFolder) },
    { what: 'bin', name: binFolder, cover: folderCover(paths, binFolder) },
    { what: 'engine', name: ENGINE, cover: processes === null ? 'unknown' : engineCover(processes, installPath) },
  ];
  const statusOf: Record<Cover, Status> = { uncovered: 'warn', unknown: 'unknown', covered: 'pass' };
  const status = worst(targets.map((target) => statusOf[target.cover]));
  // The engine by its process name; a folder in words, with its path when it is known.
  const named = (target: Target): Msg | string => (target.what === 'engine' ? ENGINE : agentFolderWords(target.what, target.name));

  if (status === 'warn') {
    const uncovered = targets.filter((target) => target.cover === 'uncovered');
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status,
        title: m('agent.antivirus.warn.title'),
        detail: m('agent.antivirus.warn.detail', { targets: list(uncovered.map(named)) }),
        fix: fix('server admin', [
          ...uncovered.map((target) =>
            m('agent.antivirus.fix.run', {
              command:
                target.what === 'engine'
                  ? `Add-MpPreference -ExclusionProcess "${ENGINE}"`
                  : `Add-MpPreference -ExclusionPath "${target.name}"`,
            }),
          ),
          m('agent.antivirus.warn.fix.elsewhere'),
          m('agent.fix.checkAgain'),
        ]),
      }),
    ];
  }
  if (status === 'unknown') {
    const open = targets.filter((target) => target.cover === 'unknown');
    const why = [
      paths === null || processes === null ? m('agent.antivirus.why.adminOnly') : null,
      installPath === null ? m('agent.antivirus.why.installPathUnknown') : null,
    ].filter((reason) => reason !== null);
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status,
        title: m('agent.antivirus.unknown.title'),
        detail: m('agent.antivirus.unknown.detail', {
          targets: list(open.map(named)),
          hasWhy: why.length > 0 ? 'yes' : 'no',
          why: list(why),
        }),
        fix: unknownFix,
      }),
    ];
  }
  return [
    finding(ctx, 'agent.antivirus', {
      ...base,
      status: 'pass',
      title: m('agent.antivirus.pass.title'),
      detail: m('agent.antivirus.pass.detail', { targets: list(targets.map(named)) }),
    }),
  ];
}

const unknownFix = fix('helpdesk', [
  m('agent.antivirus.unknown.fix.asAdmin'),
  m('agent.antivirus.unknown.fix.askAdmin', {
    command: 'Get-MpPreference | Select-Object DisableRealtimeMonitoring, ExclusionPath, ExclusionProcess',
  }),
]);
