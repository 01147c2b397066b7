// backup.offline-seeding: will the first upload take so long that seeding by disk is the better way.
// Matrix row: "Support for initial offline backup".

import type { Finding } from '../report/types.js';
import { MEGABIT, TB } from '../util/units.js';
import { formatBytes, formatDuration } from '../i18n/translate.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { sumSizes } from './selection.js';

const DAY = 86_400;

export function backupOfflineSeeding(ctx: RuleContext): Finding[] {
  const selection = ctx.profile.selection;
  if (!selection) return [];
  const rules = ctx.edition.offlineSeeding;
  // T: with some sizes null, the known ones are a lower bound of it (contract v2).
  const sizes = sumSizes(selection.items);
  const total = Number(sizes.known);
  const mbps = ctx.profile.network?.uploadMbps ?? null;
  const base = {
    evidence: { selectedBytes: sizes.complete ? total : null, knownSelectedBytes: total, '/network/uploadMbps': mbps },
    cite: rules,
  };
  const noSystemState = ' System State cannot be seeded offline: it always goes over the network.';
  const atLeast = sizes.complete ? '' : 'at least ';
  const seedFix = fix('server admin', [
    'Consider offline seeding: the first copy travels to Azure on disks (Azure Data Box), and later backups send only changes.',
    'Or back up the most important folders first and add the rest over several days.',
  ]);
  if (mbps !== null && mbps > 0 && takesLonger(sizes.known, mbps, rules.maxFirstUploadDays * DAY)) {
    const seconds = (total * 8) / (mbps * MEGABIT);
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'warn',
        title: 'The first backup will take more than a week',
        detail: `At ${mbps} Mbps, sending ${atLeast}${formatBytes(total)} takes ${sizes.complete ? 'about' : 'at least'} ${formatDuration(seconds)}, more than ${rules.maxFirstUploadDays} days.${noSystemState}`,
        fix: seedFix,
      }),
    ];
  }
  if (mbps === 0) {
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'unknown',
        title: 'The upload speed is given as 0',
        detail: `The profile gives an upload speed of 0 Mbps, and the length of the first upload cannot be worked out from that.${noSystemState}`,
        fix: fix('user', ['Measure the upload speed of this connection and give it (on the command line: --upload-mbps N).']),
      }),
    ];
  }
  if (!sizes.complete) {
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'unknown',
        title: 'The size of the first backup is not known',
        detail: `Not every selected item has a known size, so the time of the first upload cannot be estimated.${noSystemState}`,
        fix: fix('user', ['Let the wizard scan the selection (on the command line: --select PATH).']),
      }),
    ];
  }
  if (mbps !== null) {
    const seconds = (total * 8) / (mbps * MEGABIT);
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'pass',
        title: 'The first backup fits the network',
        detail: `At ${mbps} Mbps, sending ${formatBytes(total)} takes about ${formatDuration(seconds)}.${noSystemState}`,
      }),
    ];
  }
  if (sizes.known >= BigInt(rules.largeFirstBackupTB * TB)) {
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'info',
        title: 'The first backup is large',
        detail: `The selection is ${formatBytes(total)}. Without a known upload speed its duration cannot be estimated; at this size, offline seeding by disk is worth considering.${noSystemState}`,
      }),
    ];
  }
  return [
    finding(ctx, 'backup.offline-seeding', {
      ...base,
      status: 'pass',
      title: 'The first backup is of ordinary size',
      detail: `The selection is ${formatBytes(total)}, under ${rules.largeFirstBackupTB} TB.${noSystemState}`,
    }),
  ];
}

/**
 * bytes × 8 / (mbps × 10^6) > seconds, exactly: mbps, a double, is an exact binary fraction num / 2^k, so
 * the comparison is one of integers: bytes × 8 × 2^k > seconds × 10^6 × num.
 */
export function takesLonger(bytes: bigint, mbps: number, seconds: number): boolean {
  let num = mbps;
  let scale = 1n;
  while (!Number.isInteger(num)) {
    num *= 2;
    scale *= 2n;
  }
  return bytes * 8n * scale > BigInt(seconds) * BigInt(MEGABIT) * BigInt(num);
}
