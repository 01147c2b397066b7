// cache.* checks: the agent's cache (scratch) folder - both registry values that name it, whether it
// exists, where it lives, its attributes, the free space beside it, and the Azure temporary disk.
// Matrix row: "Cache folder support" (`cache` of each edition) and the FAQ facts in mars-facts.md.

import type { VolumeFacts } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import { isUncPath, samePath } from '../util/paths.js';
import { GB } from '../util/units.js';
import { formatBytes } from '../i18n/translate.js';
import { volumeOfPath, type RuleContext, type VolumeRef } from './context.js';
import { finding, fix, listInWords } from './finding.js';
import { sumSizes } from './selection.js';

const CONFIG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
const PROVIDER_KEY = `${CONFIG_KEY}\\CloudBackupProvider`;

/** Moving the cache by hand, as an administrator; the wizard's relocate-cache action does the same. */
export const MOVE_CACHE_STEPS = [
  'Stop the backup engine: net stop obengine.',
  'Copy (do not move) the whole cache folder, with its permissions, to a folder on a local, fixed NTFS volume with enough free space.',
  `Set "ScratchLocation" under ${CONFIG_KEY} and under ${PROVIDER_KEY} to the new folder.`,
  'Start the engine (net start obengine) and run a backup now; delete the old folder only after that backup succeeds.',
];

const noCacheFix = fix('helpdesk', [
  'Collect the profile again with this tool on the machine itself; before the agent is installed, name the folder you mean to use for its cache.',
]);

function cacheVolume(ctx: RuleContext): VolumeRef | null {
  const cache = ctx.profile.cache;
  return cache ? volumeOfPath(ctx.profile, cache.path, cache.volume) : null;
}

function volumeEvidence(ref: VolumeRef | null): Record<string, unknown> {
  return { volume: ref?.volume ?? null };
}

export function cacheRegistry(ctx: RuleContext): Finding[] {
  const agent = ctx.profile.agent;
  const a = agent?.scratchLocation;
  const b = agent?.providerScratchLocation;
  const evidence = { '/agent/installed': agent?.installed, '/agent/scratchLocation': a, '/agent/providerScratchLocation': b };
  const base = { evidence, cite: ctx.edition.cache };
  if (agent?.installed === false) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'info',
        title: 'No cache registry values yet',
        detail: 'The agent is not installed; its installer writes both cache location values.',
      }),
    ];
  }
  if (agent?.installed !== true) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'unknown',
        title: 'The cache registry values were not read',
        detail: 'It is not known whether the agent is installed, so its two cache location values were not compared.',
        fix: fix('helpdesk', [`On the machine, look at "ScratchLocation" under ${CONFIG_KEY} and under ${PROVIDER_KEY}.`]),
      }),
    ];
  }
  // The wizard's point-registry fix finds the folder that holds the cache and points both values at it;
  // by hand, the same steps. With neither value set there is nothing to point at.
  const repair = fix(
    'server admin',
    [
      'Find the folder that really holds the cache: it contains the file OnlineBackup.KEK.',
      `With the backup engine stopped, set "ScratchLocation" under ${CONFIG_KEY} and under ${PROVIDER_KEY} to that same folder, then start the engine again.`,
      "If neither folder holds OnlineBackup.KEK, the agent must be registered with the vault again: that needs fresh vault credentials from the Azure portal and the machine's passphrase.",
    ],
    'point-registry',
  );
  const reregister = fix('server admin', [
    "Register the agent with the vault again, in the agent's console (Register Server): this needs vault credentials downloaded from the Recovery Services vault and the passphrase kept when the machine was first registered.",
    'The registration writes both cache values; check again afterwards.',
  ]);
  const missing = [isSet(a) ? null : `Config\\ScratchLocation`, isSet(b) ? null : `Config\\CloudBackupProvider\\ScratchLocation`].filter(
    (x): x is string => x !== null,
  );
  if (missing.length > 0) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'fail',
        title: missing.length === 2 ? 'Neither cache registry value is set' : 'One cache registry value is missing',
        detail: `The agent reads its cache location from two registry values, which must name the same folder; ${listInWords(missing)} ${missing.length === 2 ? 'are' : 'is'} not set. Backups fail with passphrase errors (0x1FC07, 34506) until both agree.`,
        fix: missing.length === 2 ? reregister : repair,
      }),
    ];
  }
  if (!samePath(a!, b!)) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'fail',
        title: 'The two cache registry values disagree',
        detail: `The agent's two cache location values name different folders ("${a}" and "${b}"). Backups fail with passphrase errors (0x1FC07, 34506) until both name the folder that holds the cache.`,
        fix: repair,
      }),
    ];
  }
  return [
    finding(ctx, 'cache.registry', {
      ...base,
      status: 'pass',
      title: 'Both cache registry values agree',
      detail: `Both cache location values name ${a}.`,
    }),
  ];
}

/** A ScratchLocation value counts as set when it is a string with more than white space (contract v2). */
function isSet(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Both cache values are set and name different folders, or only one is set. */
function valuesDisagree(profile: RuleContext['profile']): boolean {
  const set = [profile.agent?.scratchLocation, profile.agent?.providerScratchLocation].filter(isSet);
  return set.length === 1 || (set.length === 2 && !samePath(set[0]!, set[1]!));
}

export function cacheFolder(ctx: RuleContext): Finding[] {
  if (ctx.profile.agent?.installed !== true) return [];
  const cache = ctx.profile.cache;
  const base = { evidence: { '/cache/path': cache?.path, '/cache/exists': cache?.exists }, cite: ctx.edition.cache };
  if (!cache || cache.exists == null) {
    return [
      finding(ctx, 'cache.folder', {
        ...base,
        status: 'unknown',
        title: 'Whether the cache folder exists is not known',
        detail: cache ? `The profile does not say whether ${cache.path} exists.` : 'The profile does not say where the cache folder is.',
        fix: noCacheFix,
      }),
    ];
  }
  if (cache.exists === false) {
    return [
      finding(ctx, 'cache.folder', {
        ...base,
        status: 'fail',
        title: 'The cache folder is missing',
        detail: `The registry names ${cache.path} as the agent's cache, and that folder does not exist. Backups fail (for example with 0x80070003) until the cache is back.`,
        fix: fix(
          'server admin',
          [
            'If the volume that held it is offline or its letter changed, bring it back or restore the drive letter.',
            "If the other cache registry value names the folder that holds the cache, point both values at it (the wizard's fix for the two values does it).",
            'If it was deleted, re-register the machine with the vault using its passphrase.',
          ],
          // The two values disagree: the other may name the real cache, which point-registry finds.
          valuesDisagree(ctx.profile) ? 'point-registry' : null,
        ),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.folder', {
      ...base,
      status: 'pass',
      title: 'The cache folder exists',
      detail: `The cache folder ${cache.path} exists.`,
    }),
  ];
}

export function cacheLocation(ctx: RuleContext): Finding[] {
  const cache = ctx.profile.cache;
  const ref = cacheVolume(ctx);
  const base = {
    evidence: { '/cache/path': cache?.path, '/cache/volume': cache?.volume, ...volumeEvidence(ref) },
    cite: ctx.edition.cache,
  };
  if (!cache || !ref) {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'unknown',
        title: 'The cache location is not known',
        detail: "The profile does not say where the agent's cache folder is.",
        fix: noCacheFix,
      }),
    ];
  }
  const moveFix = fix('server admin', MOVE_CACHE_STEPS, 'relocate-cache');
  if (isUncPath(cache.path) || ref.unc) {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'fail',
        title: 'The cache is on a network share',
        detail: `The cache folder ${cache.path} is on a network share; the agent needs it on a local volume of this machine.`,
        fix: moveFix,
      }),
    ];
  }
  if (!ref.volume) {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'unknown',
        title: 'The cache volume is not known',
        detail: `The cache folder ${cache.path} is on volume ${ref.id}, which the profile does not describe.`,
        fix: fix('helpdesk', ['Collect the profile again with this tool on the machine itself, so that every volume is described.']),
      }),
    ];
  }
  const problems = unusableVolumeProblems(ref.volume);
  if (problems.length > 0) {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'fail',
        title: `The cache is on a volume the agent cannot use`,
        detail: `The cache folder ${cache.path} is on ${ref.id}, which ${listInWords(problems)}. The cache must be on a local, fixed, online, writable volume.`,
        fix: moveFix,
      }),
    ];
  }
  if (!ref.volume.driveType || ref.volume.driveType === 'unknown') {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'unknown',
        title: 'The kind of the cache volume is not known',
        detail: `The cache folder is on ${ref.id}, and whether that is a local fixed disk could not be told.`,
        fix: fix('helpdesk', [
          'In File Explorer, check that the drive is a local disk (not a network or USB drive), or collect the profile again on the machine.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.location', {
      ...base,
      status: 'pass',
      title: 'The cache is on a suitable volume',
      detail: `The cache folder ${cache.path} is on ${ref.id}, a local, fixed, online volume.`,
    }),
  ];
}

/**
 * Why a volume cannot hold the cache or the data backed up, in words; empty when nothing is wrong. A RAM
 * disk is not a fixed disk (contract v2): it fails cache.location and volume.supported.
 */
export function unusableVolumeProblems(volume: VolumeFacts): string[] {
  const problems = locationProblems(volume);
  if (volume.driveType === 'ram') problems.push('is a RAM disk (not a fixed disk, and emptied at every restart)');
  return problems;
}

/**
 * Those problems but a RAM disk: the fix planners (shared/actions/relocate-plan.ts) say what they hold
 * against a RAM disk in their own words.
 */
export function locationProblems(volume: VolumeFacts): string[] {
  const problems: string[] = [];
  if (volume.driveType === 'network') problems.push(`is a network drive${volume.remotePath ? ` (${volume.remotePath})` : ''}`);
  if (volume.driveType === 'removable') problems.push('is removable media');
  if (volume.driveType === 'optical') problems.push('is an optical drive');
  if (volume.online === false) problems.push('is offline');
  if (volume.readOnly === true) problems.push('is read-only');
  if (volume.bitlocker === 'locked') problems.push('is locked by BitLocker');
  return problems;
}

export function cacheAttributes(ctx: RuleContext): Finding[] {
  const cache = ctx.profile.cache;
  const ref = cacheVolume(ctx);
  const attributes = cache?.attributes;
  const base = {
    evidence: { '/cache/path': cache?.path, '/cache/attributes': attributes, deduplicated: ref?.volume?.deduplicated ?? null },
    cite: ctx.edition.cache,
  };
  if (!cache) {
    return [
      finding(ctx, 'cache.attributes', {
        ...base,
        status: 'unknown',
        title: "The cache folder's attributes are not known",
        detail: "The profile does not say where the agent's cache folder is.",
        fix: noCacheFix,
      }),
    ];
  }
  const problems = [
    attributes?.encrypted ? 'encrypted' : null,
    attributes?.compressed ? 'compressed' : null,
    attributes?.sparse ? 'sparse' : null,
    attributes?.reparsePoint ? 'a reparse point (a link or junction to somewhere else)' : null,
    ref?.volume?.deduplicated === true ? `on a deduplicated volume (${ref.id})` : null,
  ].filter((x): x is string => x !== null);
  if (problems.length > 0) {
    return [
      finding(ctx, 'cache.attributes', {
        ...base,
        status: 'fail',
        title: 'The cache folder has attributes the agent does not support',
        detail: `The cache folder ${cache.path} is ${listInWords(problems)}. The agent needs a plain folder: not encrypted, compressed, sparse, a link, or on a deduplicated volume.`,
        fix: fix(
          'server admin',
          [
            'Clear the attribute with the engine stopped (folder Properties > Advanced: untick compress and encrypt), or move the cache to a plain folder as follows.',
            ...MOVE_CACHE_STEPS,
          ],
          'relocate-cache',
        ),
      }),
    ];
  }
  if (!attributes) {
    return [
      finding(ctx, 'cache.attributes', {
        ...base,
        status: 'unknown',
        title: "The cache folder's attributes are not known",
        detail: `Whether ${cache.path} is encrypted, compressed, sparse or a link could not be read.`,
        fix: fix('helpdesk', [
          `On the machine, run: fsutil file queryattributes "${cache.path}" (or look at the folder's Properties > Advanced).`,
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.attributes', {
      ...base,
      status: 'pass',
      title: 'The cache folder is a plain folder',
      detail: `${cache.path} is not encrypted, compressed, sparse or a link.`,
    }),
  ];
}

export function cacheFreeSpace(ctx: RuleContext): Finding[] {
  const { cache, selection } = ctx.profile;
  const ref = cacheVolume(ctx);
  const rules = ctx.edition.cache;
  // T: the selected items' sizes; with some null, the known ones are a lower bound (contract v2).
  const sizes = sumSizes(selection?.items ?? []);
  const total = Number(sizes.known);
  const systemState = selection?.systemState === true;
  const free = ref?.volume?.freeBytes;
  const base = {
    evidence: {
      '/cache/path': cache?.path,
      '/selection/systemState': selection?.systemState,
      selectedBytes: selection && sizes.complete ? total : null,
      knownSelectedBytes: selection ? total : null,
      freeBytes: free,
      volume: ref?.id ?? null,
    },
    cite: rules,
  };
  const unknownFinding = (missing: string[]) =>
    finding(ctx, 'cache.free-space', {
      ...base,
      status: 'unknown',
      title: 'Whether the cache has room is not known',
      detail: `The cache needs free space of 5 to 10% of the data backed up${systemState ? ', plus room for System State' : ''}; the profile lacks ${listInWords(missing)}.`,
      fix: fix('helpdesk', ['Choose what to back up in the wizard (or pass --select), and collect the profile on the machine itself.']),
    });
  const sizesMissing = selection && !sizes.complete ? 'the size of every selected item' : null;
  if (!selection || !cache || !ref?.volume || free == null) {
    const missing = [
      !selection ? 'what will be backed up (no selection)' : sizesMissing,
      !cache || !ref
        ? 'where the cache is'
        : !ref.volume
          ? `the volume ${ref.id} that holds the cache`
          : free == null
            ? `the free space on ${ref.id}`
            : null,
    ].filter((x): x is string => x !== null);
    return [unknownFinding(missing)];
  }
  // fail when F < 5% of T + S, warn when F < 10% of T + S' (S = 30 GB, S' = 35 GB with System State, else 0),
  // in exact integers: the byte counts, once scaled by 100, can pass what a double holds exactly.
  const failNeed = [rules.failBelowPercent, systemState ? rules.systemStateFailGB : 0] as const;
  const warnNeed = [rules.warnBelowPercent, systemState ? rules.systemStateWarnGB : 0] as const;
  const isBelow = ([percent, extraGB]: readonly [number, number]) =>
    BigInt(free) * 100n < sizes.known * BigInt(percent) + BigInt(extraGB * GB) * 100n;
  const needed = ([percent, extraGB]: readonly [number, number]) => formatBytes((total * percent) / 100 + extraGB * GB);
  const extra = systemState ? ' plus room for System State' : '';
  const atLeast = sizes.complete ? '' : 'at least ';
  const moveFix = fix(
    'server admin',
    ['Free space on the cache volume or grow it, or move the cache to a volume with more room as follows.', ...MOVE_CACHE_STEPS],
    'relocate-cache',
  );
  const amounts = `${ref.id} has ${formatBytes(free)} free; the selection is ${atLeast}${formatBytes(total)}${systemState ? ' with System State' : ''}${sizes.complete ? '' : ' (some item sizes are not known)'}`;
  if (isBelow(failNeed)) {
    return [
      finding(ctx, 'cache.free-space', {
        ...base,
        status: 'fail',
        title: 'Not enough free space for the cache',
        detail: `${amounts}. The cache needs at least ${rules.failBelowPercent}% of the selection${extra} (${atLeast}${needed(failNeed)}); with less, backups stop with low-disk-space errors.`,
        fix: moveFix,
      }),
    ];
  }
  if (isBelow(warnNeed)) {
    return [
      finding(ctx, 'cache.free-space', {
        ...base,
        status: 'warn',
        title: 'Free space for the cache is tight',
        detail: `${amounts}. That is above the minimum, but below the ${rules.warnBelowPercent}% of the selection${extra} (${atLeast}${needed(warnNeed)}) that leaves room to grow.`,
        fix: moveFix,
      }),
    ];
  }
  if (!sizes.complete) return [unknownFinding(['the size of every selected item'])];
  return [
    finding(ctx, 'cache.free-space', {
      ...base,
      status: 'pass',
      title: 'The cache has room',
      detail: `${amounts}: more than the ${needed(warnNeed)} the cache needs.`,
    }),
  ];
}

export function cacheAzureTemporary(ctx: RuleContext): Finding[] {
  if (ctx.profile.host?.azureVm !== true) return [];
  const cache = ctx.profile.cache;
  const ref = cacheVolume(ctx);
  const flag = ref?.volume?.azureTemporary;
  const base = {
    evidence: { '/host/azureVm': true, '/cache/path': cache?.path, azureTemporary: flag ?? null, volume: ref?.id ?? null },
    cite: ctx.edition.azureVm,
  };
  if (!cache || !ref?.volume || flag == null) {
    return [
      finding(ctx, 'cache.azure-temporary', {
        ...base,
        status: 'unknown',
        title: 'Whether the cache is on the temporary disk is not known',
        detail: !cache
          ? 'The profile does not say where the cache folder is.'
          : `It is not known whether ${ref?.id ?? 'the cache volume'} is this Azure VM's temporary disk.`,
        fix: fix('helpdesk', ["Look for DATALOSS_WARNING_README.txt at the root of the cache's drive: it marks the temporary disk."]),
      }),
    ];
  }
  if (flag) {
    return [
      finding(ctx, 'cache.azure-temporary', {
        ...base,
        status: 'warn',
        title: "The cache is on the Azure VM's temporary disk",
        detail: `${ref.id} is this Azure VM's temporary disk, which is wiped when the VM is moved, resized or redeployed. The cache would be lost and backups would fail.`,
        fix: fix('server admin', MOVE_CACHE_STEPS, 'relocate-cache'),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.azure-temporary', {
      ...base,
      status: 'pass',
      title: 'The cache is on a lasting disk',
      detail: `${ref.id} is not this Azure VM's temporary disk.`,
    }),
  ];
}
