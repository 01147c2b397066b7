// volume.* checks, one finding per volume that holds selected items: can the agent back up from it, and
// is what is selected on it within the size limit. Matrix rows: "Supported drives or volumes for backup"
// and the size limits (`sizeLimits`).

import type { Finding } from '../report/types.js';
import { formatBytes, formatNumber, GB } from '../util/units.js';
import { compareVersions } from '../util/version.js';
import { unusableVolumeProblems } from './cache.js';
import { windowsVersion, type RuleContext } from './context.js';
import { finding, fix, listInWords } from './finding.js';
import { itemsByVolume, sumSizes, type VolumeGroup } from './selection.js';

export function volumeSupported(ctx: RuleContext): Finding[] {
  return itemsByVolume(ctx.profile).map((group) => supportedFinding(ctx, group));
}

function supportedFinding(ctx: RuleContext, { ref, items }: VolumeGroup): Finding {
  const volume = ref.volume;
  const base = { subject: ref.id, evidence: { volume: volume ?? null, items: items.map((i) => i.path) }, cite: ctx.edition.volumes };
  const paths = listInWords(items.map((i) => i.path));
  const elsewhere = fix('server admin', [
    'Back up this data from the machine where it is stored on a local NTFS disk, or move it to one.',
    "Remove it from this machine's selection.",
  ]);
  // Any known failing fact fails the volume, even when another fact is unknown (contract v2).
  const problems = [
    ...(ref.unc && volume?.driveType !== 'network' ? ['is a network share'] : []),
    ...(volume ? unusableVolumeProblems(volume) : []),
  ];
  if (volume?.fileSystem != null && volume.fileSystem.trim().toUpperCase() !== 'NTFS') problems.push(`uses ${volume.fileSystem}, not NTFS`);
  if (problems.length > 0) {
    return finding(ctx, 'volume.supported', {
      ...base,
      status: 'fail',
      title: `The agent cannot back up from ${ref.id}`,
      detail: `${paths} ${items.length === 1 ? 'is' : 'are'} on ${ref.id}, which ${listInWords(problems)}. The agent backs up only local, fixed, online, writable NTFS volumes that are unlocked when the backup starts.`,
      fix:
        volume?.bitlocker === 'locked' && problems.length === 1
          ? fix('user', ['Unlock the drive (BitLocker) and keep it unlocked, or set it to unlock automatically, before backups run.'])
          : elsewhere,
    });
  }
  if (!volume) {
    return finding(ctx, 'volume.supported', {
      ...base,
      status: 'unknown',
      title: `${ref.id} is not described`,
      detail: `${paths} ${items.length === 1 ? 'is' : 'are'} on ${ref.id}, which the profile does not describe, so it is not known whether the agent can back it up.`,
      fix: fix('helpdesk', ['Check that the path is right, and collect the profile again on the machine itself.']),
    });
  }
  if (!volume.driveType || volume.driveType === 'unknown' || volume.fileSystem == null) {
    const what = [
      !volume.driveType || volume.driveType === 'unknown' ? 'what kind of drive it is' : null,
      volume.fileSystem == null ? 'its file system' : null,
    ].filter((x): x is string => x !== null);
    return finding(ctx, 'volume.supported', {
      ...base,
      status: 'unknown',
      title: `Whether ${ref.id} can be backed up is not known`,
      detail: `For ${ref.id}, the profile does not say ${listInWords(what)}.`,
      fix: fix('helpdesk', [`In File Explorer, open the Properties of ${ref.id}: it should be a local disk with the NTFS file system.`]),
    });
  }
  const dedup =
    volume.deduplicated === true
      ? ' It is deduplicated: the agent backs up the full, rehydrated size of the data, so the upload is larger than the space used on disk.'
      : '';
  return finding(ctx, 'volume.supported', {
    ...base,
    status: 'pass',
    title: `${ref.id} can be backed up`,
    detail: `${ref.id} is a local, fixed NTFS volume.${dedup}`,
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
  const limitWords = row
    ? `the limit for one volume on this Windows is ${formatNumber(limitGB)} GB`
    : `that is more than the largest limit for one volume, ${formatNumber(limitGB)} GB, on any Windows`;
  const amounts = `${formatBytes(total)}${sizes.complete ? '' : ' or more (some item sizes are not known)'} is selected on ${ref.id}`;
  const split = fix('server admin', [
    'Split the data across several volumes, or back up part of it with another policy or machine.',
    row && row.limitGB < 54_400
      ? 'Upgrading to Windows Server 2012 or later raises the limit to 54,400 GB per volume.'
      : 'Exclude what need not be backed up.',
  ]);
  if (sizes.known > limit) {
    return finding(ctx, 'volume.size-limit', {
      ...base,
      status: 'fail',
      title: `Too much selected on ${ref.id}`,
      detail: `${amounts}; ${limitWords}. The agent cannot back up more than that from one volume.`,
      fix: split,
    });
  }
  if (sizes.known * 10n > limit * 9n) {
    return finding(ctx, 'volume.size-limit', {
      ...base,
      status: 'warn',
      title: `${ref.id} is close to the size limit`,
      detail: row
        ? `${amounts}; ${limitWords}: over 90% of it, so growth will soon stop backups.`
        : `${amounts}, over 90% of ${formatNumber(limitGB)} GB, the largest limit for one volume on any Windows, so growth will soon stop backups.`,
      fix: split,
    });
  }
  if (!row || !sizes.complete) {
    const missing = [!row ? 'the Windows version (os.version)' : null, !sizes.complete ? 'the size of every selected item' : null].filter(
      (x): x is string => x !== null,
    );
    return finding(ctx, 'volume.size-limit', {
      ...base,
      status: 'unknown',
      title: `Whether ${ref.id} is within the size limit is not known`,
      detail: `The limit on what one volume can back up depends on the Windows version, and the profile does not say ${listInWords(missing)}.`,
      fix: fix('helpdesk', ['Scan the selection in the wizard (or pass --select) and collect the profile on the machine itself.']),
    });
  }
  return finding(ctx, 'volume.size-limit', {
    ...base,
    status: 'pass',
    title: `${ref.id} is within the size limit`,
    detail: `${amounts}; ${limitWords}.`,
  });
}
