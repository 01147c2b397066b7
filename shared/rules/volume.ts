// volume.* checks, one finding per volume that holds selected items: can the agent back up from it, and
// is what is selected on it within the size limit. Matrix rows: "Supported drives or volumes for backup"
// and the size limits (`sizeLimits`).

import type { Finding } from '../report/types.js';
import { GB } from '../util/units.js';
import { compareVersions } from '../util/version.js';
import { unusableVolumeProblems } from './cache.js';
import { windowsVersion, type RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { bytes, list, m } from '../i18n/message.js';
import { itemsByVolume, sumSizes, type VolumeGroup } from './selection.js';

export function volumeSupported(ctx: RuleContext): Finding[] {
  return itemsByVolume(ctx.profile).map((group) => supportedFinding(ctx, group));
}

function supportedFinding(ctx: RuleContext, { ref, items }: VolumeGroup): Finding {
  const volume = ref.volume;
  const base = { subject: ref.id, evidence: { volume: volume ?? null, items: items.map((i) => i.path) }, cite: ctx.edition.volumes };
  const paths = list(items.map((i) => i.path));
  const count = items.length;
  const elsewhere = fix('server admin', [m('volume.supported.fix.backUpWhereStored'), m('volume.supported.fix.removeFromSelection')]);
  // Any known failing fact fails the volume, even when another fact is unknown (contract v2).
  const problems = [
    ...(ref.unc && volume?.driveType !== 'network' ? [m('volume.supported.problem.networkShare')] : []),
    ...(volume ? unusableVolumeProblems(volume) : []),
  ];
  if (volume?.fileSystem != null && volume.fileSystem.trim().toUpperCase() !== 'NTFS')
    problems.push(m('volume.supported.problem.fileSystem', { fileSystem: volume.fileSystem }));
  if (problems.length > 0) {
    return finding(ctx, 'volume.supported', {
      ...base,
      status: 'fail',
      title: m('volume.supported.fail.title', { volume: ref.id }),
      detail: m('volume.supported.fail.detail', { paths, count, volume: ref.id, problems: list(problems) }),
      fix: volume?.bitlocker === 'locked' && problems.length === 1 ? fix('user', [m('volume.supported.fix.unlock')]) : elsewhere,
    });
  }
  if (!volume) {
    return finding(ctx, 'volume.supported', {
      ...base,
      status: 'unknown',
      title: m('volume.supported.undescribed.title', { volume: ref.id }),
      detail: m('volume.supported.undescribed.detail', { paths, count, volume: ref.id }),
      fix: fix('helpdesk', [m('volume.supported.undescribed.fix')]),
    });
  }
  if (!volume.driveType || volume.driveType === 'unknown' || volume.fileSystem == null) {
    const what = [
      !volume.driveType || volume.driveType === 'unknown' ? m('volume.supported.unknown.driveKind') : null,
      volume.fileSystem == null ? m('volume.supported.unknown.fileSystem') : null,
    ].filter((x) => x !== null);
    return finding(ctx, 'volume.supported', {
      ...base,
      status: 'unknown',
      title: m('volume.supported.unknown.title', { volume: ref.id }),
      detail: m('volume.supported.unknown.detail', { volume: ref.id, what: list(what) }),
      fix: fix('helpdesk', [m('volume.supported.unknown.fix', { volume: ref.id })]),
    });
  }
  return finding(ctx, 'volume.supported', {
    ...base,
    status: 'pass',
    title: m('volume.supported.pass.title', { volume: ref.id }),
    detail: m('volume.supported.pass.detail', { volume: ref.id, deduplicated: volume.deduplicated === true ? 'yes' : 'no' }),
  });
}

export function volumeSizeLimit(ctx: RuleContext): Finding[] {
  // Only Windows has these limits; a profile of another OS gets no finding (contract v2).
  if (ctx.profile.os.family !== 'windows') return [];
  return itemsByVolume(ctx.profile).map((group) => sizeLimitFinding(ctx, group));
}

function sizeLimitFinding(ctx: RuleContext, { ref, items }: VolumeGroup): Finding {
  // The limit follows the Windows version (os.version's major.minor), whether or not the OS is identified or listed.
  const version = windowsVersion(ctx.profile);
  const rows = ctx.edition.sizeLimits;
  const row = version ? rows.find((r) => compareVersions(version, r.fromVersion) >= 0) : undefined;
  // Without the version, only what is over every limit fails, and what is over 90% of every limit warns.
  const limitGB = row?.limitGB ?? Math.max(...rows.map((r) => r.limitGB));
  const limit = BigInt(limitGB) * BigInt(GB);
  const sizes = sumSizes(items);
  const total = Number(sizes.known);
  const base = {
    subject: ref.id,
    evidence: {
      '/os/version': ctx.profile.os.version,
      items: Object.fromEntries(items.map((i) => [i.path, i.sizeBytes ?? null])),
    },
    cite: row ?? rows[0] ?? ctx.edition.volumes,
  };
  const known = row ? 'yes' : 'no';
  const words = {
    amount: m('volume.sizeLimit.amount', { size: bytes(total), complete: sizes.complete ? 'yes' : 'no', volume: ref.id }),
    limit: m('volume.sizeLimit.limit', { known, limitGB }),
  };
  const split = fix('server admin', [
    m('volume.sizeLimit.fix.split'),
    row && row.limitGB < 54_400 ? m('volume.sizeLimit.fix.upgrade', { limitGB: 54_400 }) : m('volume.sizeLimit.fix.exclude'),
  ]);
  if (sizes.known > limit) {
    return finding(ctx, 'volume.size-limit', {
      ...base,
      status: 'fail',
      title: m('volume.sizeLimit.fail.title', { volume: ref.id }),
      detail: m('volume.sizeLimit.fail.detail', words),
      fix: split,
    });
  }
  if (sizes.known * 10n > limit * 9n) {
    return finding(ctx, 'volume.size-limit', {
      ...base,
      status: 'warn',
      title: m('volume.sizeLimit.warn.title', { volume: ref.id }),
      detail: m('volume.sizeLimit.warn.detail', { ...words, known, limitGB }),
      fix: split,
    });
  }
  if (!row || !sizes.complete) {
    const missing = [
      !row ? m('volume.sizeLimit.unknown.windowsVersion') : null,
      !sizes.complete ? m('volume.sizeLimit.unknown.itemSizes') : null,
    ].filter((x) => x !== null);
    return finding(ctx, 'volume.size-limit', {
      ...base,
      status: 'unknown',
      title: m('volume.sizeLimit.unknown.title', { volume: ref.id }),
      detail: m('volume.sizeLimit.unknown.detail', { missing: list(missing) }),
      fix: fix('helpdesk', [m('volume.sizeLimit.unknown.fix')]),
    });
  }
  return finding(ctx, 'volume.size-limit', {
    ...base,
    status: 'pass',
    title: m('volume.sizeLimit.pass.title', { volume: ref.id }),
    detail: m('volume.sizeLimit.pass.detail', words),
  });
}
