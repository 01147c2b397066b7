// backup.offline-seeding: will the first upload take so long that seeding by disk is the better way.
// Matrix row: "Support for initial offline backup".

import type { Finding } from '../report/types.js';
import { formatBytes, formatDuration, MEGABIT, TB } from '../util/units.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { selectionTotal } from './selection.js';

const DAY = 86_400;

export function backupOfflineSeeding(ctx: RuleContext): Finding[] {
  const selection = ctx.profile.selection;
  if (!selection) return [];
  const rules = ctx.edition.offlineSeeding;
  const total = selectionTotal(ctx.profile);
  const mbps = ctx.profile.network?.uploadMbps ?? null;
  const base = { evidence: { selectedBytes: total, '/network/uploadMbps': mbps }, cite: rules };
  const noSystemState = ' System State cannot be seeded offline: it always goes over the network.';
  const seedFix = fix('server admin', [
    'Consider offline seeding: the first copy travels to Azure on disks (Azure Data Box), and later backups send only changes.',
    'Or back up the most important folders first and add the rest over several days.',
  ]);
  if (total === null) {
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
    const seconds = mbps > 0 ? (total * 8) / (mbps * MEGABIT) : total > 0 ? Infinity : 0;
    const estimate = `At ${mbps} Mbps, sending ${formatBytes(total)} takes about ${formatDuration(seconds)}`;
    if (seconds > rules.maxFirstUploadDays * DAY) {
      return [
        finding(ctx, 'backup.offline-seeding', {
          ...base,
          status: 'warn',
          title: 'The first backup will take more than a week',
          detail: `${estimate}, more than ${rules.maxFirstUploadDays} days.${noSystemState}`,
          fix: seedFix,
        }),
      ];
    }
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'pass',
        title: 'The first backup fits the network',
        detail: `${estimate}.${noSystemState}`,
      }),
    ];
  }
  if (total >= rules.largeFirstBackupTB * TB) {
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
