// cache.* checks: the agent's cache (scratch) folder - both registry values that name it, whether it
// exists, where it lives, its attributes, the free space beside it, and the Azure temporary disk.
// Matrix row: "Cache folder support" (`cache` of each edition) and the FAQ facts in mars-facts.md.

import type { VolumeFacts } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import { isUncPath, samePath } from '../util/paths.js';
import { GB } from '../util/units.js';
import { bytes, list, m, type Msg } from '../i18n/message.js';
import { volumeOfPath, type RuleContext, type VolumeRef } from './context.js';
import { finding, fix } from './finding.js';
import { sumSizes } from './selection.js';

const CONFIG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
const PROVIDER_KEY = `${CONFIG_KEY}\\CloudBackupProvider`;

/** Moving the cache by hand, as an administrator; the wizard's relocate-cache action does the same. */
export const MOVE_CACHE_STEPS: Msg[] = [
  m('cache.move.stopEngine'),
  m('cache.move.copy'),
  m('cache.move.setValues', { configKey: CONFIG_KEY, providerKey: PROVIDER_KEY }),
  m('cache.move.startEngine'),
];

const noCacheFix = fix('helpdesk', [m('cache.noCache.fix')]);

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
        title: m('cache.registry.notInstalled.title'),
        detail: m('cache.registry.notInstalled.detail'),
      }),
    ];
  }
  if (agent?.installed !== true) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'unknown',
        title: m('cache.registry.unread.title'),
        detail: m('cache.registry.unread.detail'),
        fix: fix('helpdesk', [m('cache.registry.unread.fix', { configKey: CONFIG_KEY, providerKey: PROVIDER_KEY })]),
      }),
    ];
  }
  // The wizard's point-registry fix finds the folder that holds the cache and points both values at it;
  // by hand, the same steps. With neither value set there is nothing to point at.
  const repair = fix(
    'server admin',
    [
      m('cache.registry.fix.findFolder'),
      m('cache.registry.fix.pointBoth', { configKey: CONFIG_KEY, providerKey: PROVIDER_KEY }),
      m('cache.registry.fix.noKek'),
    ],
    'point-registry',
  );
  const reregister = fix('server admin', [m('cache.registry.fix.register'), m('cache.registry.fix.checkAfter')]);
  const missing = [isSet(a) ? null : `Config\\ScratchLocation`, isSet(b) ? null : `Config\\CloudBackupProvider\\ScratchLocation`].filter(
    (x): x is string => x !== null,
  );
  if (missing.length > 0) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'fail',
        title: missing.length === 2 ? m('cache.registry.missing.titleBoth') : m('cache.registry.missing.titleOne'),
        detail: m('cache.registry.missing.detail', { values: list(missing), count: missing.length }),
        fix: missing.length === 2 ? reregister : repair,
      }),
    ];
  }
  if (!samePath(a!, b!)) {
    return [
      finding(ctx, 'cache.registry', {
        ...base,
        status: 'fail',
        title: m('cache.registry.disagree.title'),
        detail: m('cache.registry.disagree.detail', { first: a!, second: b! }),
        fix: repair,
      }),
    ];
  }
  return [
    finding(ctx, 'cache.registry', {
      ...base,
      status: 'pass',
      title: m('cache.registry.pass.title'),
      detail: m('cache.registry.pass.detail', { folder: a! }),
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
        title: m('cache.folder.unknown.title'),
        detail: cache ? m('cache.folder.unknown.detail', { path: cache.path }) : m('cache.noCache.whereFolder'),
        fix: noCacheFix,
      }),
    ];
  }
  if (cache.exists === false) {
    return [
      finding(ctx, 'cache.folder', {
        ...base,
        status: 'fail',
        title: m('cache.folder.missing.title'),
        detail: m('cache.folder.missing.detail', { path: cache.path }),
        fix: fix(
          'server admin',
          [m('cache.folder.missing.fix.volume'), m('cache.folder.missing.fix.otherValue'), m('cache.folder.missing.fix.reregister')],
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
      title: m('cache.folder.pass.title'),
      detail: m('cache.folder.pass.detail', { path: cache.path }),
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
        title: m('cache.location.unknown.title'),
        detail: m('cache.noCache.whereAgentFolder'),
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
        title: m('cache.location.networkShare.title'),
        detail: m('cache.location.networkShare.detail', { path: cache.path }),
        fix: moveFix,
      }),
    ];
  }
  if (!ref.volume) {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'unknown',
        title: m('cache.location.undescribed.title'),
        detail: m('cache.location.undescribed.detail', { path: cache.path, volume: ref.id }),
        fix: fix('helpdesk', [m('cache.location.undescribed.fix')]),
      }),
    ];
  }
  const problems = unusableVolumeProblems(ref.volume);
  if (problems.length > 0) {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'fail',
        title: m('cache.location.unusable.title'),
        detail: m('cache.location.unusable.detail', { path: cache.path, volume: ref.id, problems: list(problems) }),
        fix: moveFix,
      }),
    ];
  }
  if (!ref.volume.driveType || ref.volume.driveType === 'unknown') {
    return [
      finding(ctx, 'cache.location', {
        ...base,
        status: 'unknown',
        title: m('cache.location.driveKind.title'),
        detail: m('cache.location.driveKind.detail', { volume: ref.id }),
        fix: fix('helpdesk', [m('cache.location.driveKind.fix')]),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.location', {
      ...base,
      status: 'pass',
      title: m('cache.location.pass.title'),
      detail: m('cache.location.pass.detail', { path: cache.path, volume: ref.id }),
    }),
  ];
}

/**
 * Why a volume cannot hold the cache or the data backed up, as clauses that follow the volume ("is
 * offline": `cache.problem.*`, said inside a sentence's list); empty when nothing is wrong. A RAM disk is
 * not a fixed disk (contract v2): it fails cache.location and volume.supported.
 */
export function unusableVolumeProblems(volume: VolumeFacts): Msg[] {
  const problems = locationProblems(volume);
  if (volume.driveType === 'ram') problems.push(m('cache.problem.ramDisk'));
  return problems;
}

/**
 * Those problems but a RAM disk: the fix planners (shared/actions/relocate-plan.ts) say what they hold
 * against a RAM disk in their own words.
 */
export function locationProblems(volume: VolumeFacts): Msg[] {
  const problems: Msg[] = [];
  if (volume.driveType === 'network')
    problems.push(
      volume.remotePath ? m('cache.problem.networkDriveAt', { remotePath: volume.remotePath }) : m('cache.problem.networkDrive'),
    );
  if (volume.driveType === 'removable') problems.push(m('cache.problem.removable'));
  if (volume.driveType === 'optical') problems.push(m('cache.problem.optical'));
  if (volume.online === false) problems.push(m('cache.problem.offline'));
  if (volume.readOnly === true) problems.push(m('cache.problem.readOnly'));
  if (volume.bitlocker === 'locked') problems.push(m('cache.problem.bitlockerLocked'));
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
        title: m('cache.attributes.unknown.title'),
        detail: m('cache.noCache.whereAgentFolder'),
        fix: noCacheFix,
      }),
    ];
  }
  const problems = [
    attributes?.encrypted ? m('cache.attributes.problem.encrypted') : null,
    attributes?.compressed ? m('cache.attributes.problem.compressed') : null,
    attributes?.sparse ? m('cache.attributes.problem.sparse') : null,
    attributes?.reparsePoint ? m('cache.attributes.problem.reparsePoint') : null,
    ref?.volume?.deduplicated === true ? m('cache.attributes.problem.deduplicated', { volume: ref.id }) : null,
  ].filter((x) => x !== null);
  if (problems.length > 0) {
    return [
      finding(ctx, 'cache.attributes', {
        ...base,
        status: 'fail',
        title: m('cache.attributes.fail.title'),
        detail: m('cache.attributes.fail.detail', { path: cache.path, problems: list(problems) }),
        fix: fix('server admin', [m('cache.attributes.fail.fix'), ...MOVE_CACHE_STEPS], 'relocate-cache'),
      }),
    ];
  }
  if (!attributes) {
    return [
      finding(ctx, 'cache.attributes', {
        ...base,
        status: 'unknown',
        title: m('cache.attributes.unknown.title'),
        detail: m('cache.attributes.unread.detail', { path: cache.path }),
        fix: fix('helpdesk', [m('cache.attributes.unread.fix', { path: cache.path })]),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.attributes', {
      ...base,
      status: 'pass',
      title: m('cache.attributes.pass.title'),
      detail: m('cache.attributes.pass.detail', { path: cache.path }),
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
  const systemStateArg = systemState ? 'yes' : 'no';
  const unknownFinding = (missing: Msg[]) =>
    finding(ctx, 'cache.free-space', {
      ...base,
      status: 'unknown',
      title: m('cache.freeSpace.unknown.title'),
      detail: m('cache.freeSpace.unknown.detail', { systemState: systemStateArg, missing: list(missing) }),
      fix: fix('helpdesk', [m('cache.freeSpace.unknown.fix')]),
    });
  const sizesMissing = selection && !sizes.complete ? m('cache.freeSpace.missing.itemSizes') : null;
  if (!selection || !cache || !ref?.volume || free == null) {
    const missing = [
      !selection ? m('cache.freeSpace.missing.selection') : sizesMissing,
      !cache || !ref
        ? m('cache.freeSpace.missing.cache')
        : !ref.volume
          ? m('cache.freeSpace.missing.volume', { volume: ref.id })
          : free == null
            ? m('cache.freeSpace.missing.free', { volume: ref.id })
            : null,
    ].filter((x) => x !== null);
    return [unknownFinding(missing)];
  }
  // fail when F < 5% of T + S, warn when F < 10% of T + S' (S = 30 GB, S' = 35 GB with System State, else 0),
  // in exact integers: the byte counts, once scaled by 100, can pass what a double holds exactly.
  const failNeed = [rules.failBelowPercent, systemState ? rules.systemStateFailGB : 0] as const;
  const warnNeed = [rules.warnBelowPercent, systemState ? rules.systemStateWarnGB : 0] as const;
  const isBelow = ([percent, extraGB]: readonly [number, number]) =>
    BigInt(free) * 100n < sizes.known * BigInt(percent) + BigInt(extraGB * GB) * 100n;
  const needed = ([percent, extraGB]: readonly [number, number]) => bytes((total * percent) / 100 + extraGB * GB);
  const complete = sizes.complete ? 'yes' : 'no';
  const moveFix = fix('server admin', [m('cache.freeSpace.fix'), ...MOVE_CACHE_STEPS], 'relocate-cache');
  const amounts = m('cache.freeSpace.amounts', {
    volume: ref.id,
    free: bytes(free),
    selected: bytes(total),
    complete,
    systemState: systemStateArg,
  });
  if (isBelow(failNeed)) {
    return [
      finding(ctx, 'cache.free-space', {
        ...base,
        status: 'fail',
        title: m('cache.freeSpace.fail.title'),
        detail: m('cache.freeSpace.fail.detail', {
          amounts,
          percent: rules.failBelowPercent,
          systemState: systemStateArg,
          complete,
          needed: needed(failNeed),
        }),
        fix: moveFix,
      }),
    ];
  }
  if (isBelow(warnNeed)) {
    return [
      finding(ctx, 'cache.free-space', {
        ...base,
        status: 'warn',
        title: m('cache.freeSpace.warn.title'),
        detail: m('cache.freeSpace.warn.detail', {
          amounts,
          percent: rules.warnBelowPercent,
          systemState: systemStateArg,
          complete,
          needed: needed(warnNeed),
        }),
        fix: moveFix,
      }),
    ];
  }
  if (!sizes.complete) return [unknownFinding([m('cache.freeSpace.missing.itemSizes')])];
  return [
    finding(ctx, 'cache.free-space', {
      ...base,
      status: 'pass',
      title: m('cache.freeSpace.pass.title'),
      detail: m('cache.freeSpace.pass.detail', { amounts, needed: needed(warnNeed) }),
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
        title: m('cache.azureTemporary.unknown.title'),
        detail: !cache
          ? m('cache.noCache.whereFolder')
          : ref
            ? m('cache.azureTemporary.unknown.detail', { volume: ref.id })
            : m('cache.azureTemporary.unknown.detailNoVolume'),
        fix: fix('helpdesk', [m('cache.azureTemporary.unknown.fix')]),
      }),
    ];
  }
  if (flag) {
    return [
      finding(ctx, 'cache.azure-temporary', {
        ...base,
        status: 'warn',
        title: m('cache.azureTemporary.warn.title'),
        detail: m('cache.azureTemporary.warn.detail', { volume: ref.id }),
        fix: fix('server admin', MOVE_CACHE_STEPS, 'relocate-cache'),
      }),
    ];
  }
  return [
    finding(ctx, 'cache.azure-temporary', {
      ...base,
      status: 'pass',
      title: m('cache.azureTemporary.pass.title'),
      detail: m('cache.azureTemporary.pass.detail', { volume: ref.id }),
    }),
  ];
}
