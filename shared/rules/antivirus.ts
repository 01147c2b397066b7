// agent.antivirus (contract v2): whether Microsoft Defender leaves the agent alone. Its real-time scanning
// must exclude the cache folder, the agent's bin folder and the process cbengine.exe; otherwise backups
// can fail with access errors (0x80070005, SalChecksumStoreInitializationFailed, ...). Only Defender is
// probed; unelevated, Windows hides its exclusion lists, and unreadable is never "not excluded".
// Section: the edition's `antivirus` (troubleshooting article).

import type { Finding, Status } from '../report/types.js';
import { normalizeWindowsPath, samePath, isWithin } from '../util/paths.js';
import { known, underInstallPath } from './agent-folders.js';
import type { RuleContext } from './context.js';
import { finding, fix, listInWords, worst } from './finding.js';

const P = '/antivirus';
const ENGINE = 'cbengine.exe';

type Cover = 'covered' | 'uncovered' | 'unknown';

interface Target {
  /** What it is, in words. */
  what: string;
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
        title: "Microsoft Defender's settings could not be read",
        detail: "Nothing of Microsoft Defender's settings could be read, so whether it scans the agent's folders is not known.",
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
        title: "Defender's real-time protection is off",
        detail:
          "Microsoft Defender's real-time protection is off, so Defender does not get in the agent's way. Other antivirus products are not examined: if one is installed, exclude the agent's cache folder, its bin folder and cbengine.exe there.",
      }),
    ];
  }
  if (realTime === null) {
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status: 'unknown',
        title: "Whether Defender scans the agent's folders is not known",
        detail: "Whether Microsoft Defender's real-time protection is on could not be read.",
        fix: unknownFix,
      }),
    ];
  }

  const cacheFolder = known(cachePath) ? cachePath : installPath !== null ? underInstallPath(installPath, 'Scratch') : null;
  const binFolder = installPath !== null ? underInstallPath(installPath, 'bin') : null;
  const targets: Target[] = [
    { what: 'the cache folder', name: cacheFolder, cover: folderCover(paths, cacheFolder) },
    { what: "the agent's bin folder", name: binFolder, cover: folderCover(paths, binFolder) },
    { what: 'the backup engine process', name: ENGINE, cover: processes === null ? 'unknown' : engineCover(processes, installPath) },
  ];
  const statusOf: Record<Cover, Status> = { uncovered: 'warn', unknown: 'unknown', covered: 'pass' };
  const status = worst(targets.map((target) => statusOf[target.cover]));
  const named = (target: Target) =>
    target.name && target.name !== ENGINE ? `${target.what} (${target.name})` : target.name === ENGINE ? ENGINE : target.what;

  if (status === 'warn') {
    const uncovered = targets.filter((target) => target.cover === 'uncovered');
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status,
        title: "Defender scans the agent's files",
        detail: `Microsoft Defender's real-time protection is on and does not exclude ${listInWords(uncovered.map(named))}. While Defender scans them, backups can fail or slow down with access errors.`,
        fix: fix('server admin', [
          ...uncovered.map((target) =>
            target.name === ENGINE
              ? `In an administrator PowerShell, run: Add-MpPreference -ExclusionProcess "${ENGINE}"`
              : `In an administrator PowerShell, run: Add-MpPreference -ExclusionPath "${target.name}"`,
          ),
          'Or add the same exclusions in Windows Security > Virus & threat protection > Manage settings > Exclusions, or in the Group Policy that manages Defender here.',
          'Check again.',
        ]),
      }),
    ];
  }
  if (status === 'unknown') {
    const open = targets.filter((target) => target.cover === 'unknown');
    const why = [
      paths === null || processes === null ? 'Windows shows the exclusion lists to administrators only' : null,
      installPath === null ? 'the folder the agent is installed in is not known' : null,
    ].filter((reason): reason is string => reason !== null);
    return [
      finding(ctx, 'agent.antivirus', {
        ...base,
        status,
        title: "Whether Defender excludes the agent's files is not known",
        detail: `Microsoft Defender's real-time protection is on; whether it excludes ${listInWords(open.map(named))} is not known${why.length > 0 ? `: ${listInWords(why)}` : ''}.`,
        fix: unknownFix,
      }),
    ];
  }
  return [
    finding(ctx, 'agent.antivirus', {
      ...base,
      status: 'pass',
      title: "Defender excludes the agent's files",
      detail: `Microsoft Defender's real-time protection is on, and it excludes ${listInWords(targets.map(named))}.`,
    }),
  ];
}

const unknownFix = fix('helpdesk', [
  'Collect the profile again on this machine as an administrator: Windows shows the Defender exclusions to administrators only.',
  'Or ask an administrator to run, in PowerShell: Get-MpPreference | Select-Object DisableRealtimeMonitoring, ExclusionPath, ExclusionProcess',
]);
