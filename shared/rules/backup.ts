// backup.offline-seeding: will the first upload take so long that seeding by disk is the better way.
// Matrix row: "Support for initial offline backup".

import type { Finding } from '../report/types.js';
import { MEGABIT, TB } from '../util/units.js';
import { bytes, m, type Msg } from '../i18n/message.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { sumSizes } from './selection.js';

const DAY = 86_400;

/** A duration as a message (common.units.*), in minutes, hours or days as formatDuration says it, kept as data. */
function duration(seconds: number): Msg {
  if (!Number.isFinite(seconds)) return m('common.units.forever');
  const hours = seconds / 3600;
  if (hours < 1) return m('common.units.minutes', { count: Math.max(1, Math.round(seconds / 60)) });
  if (hours < 48) return m('common.units.hours', { count: Math.round(hours) });
  return m('common.units.days', { count: Math.round(hours / 24) });
}

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
  const seedFix = fix('server admin', [m('backup.offlineSeeding.fix.seed'), m('backup.offlineSeeding.fix.inStages')]);
  if (mbps !== null && mbps > 0 && takesLonger(sizes.known, mbps, rules.maxFirstUploadDays * DAY)) {
    const seconds = (total * 8) / (mbps * MEGABIT);
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'warn',
        title: m('backup.offlineSeeding.warn.title'),
        detail: m('backup.offlineSeeding.warn.detail', {
          mbps,
          size: bytes(total),
          complete: sizes.complete ? 'yes' : 'no',
          duration: duration(seconds),
          days: rules.maxFirstUploadDays,
        }),
        fix: seedFix,
      }),
    ];
  }
  if (mbps === 0) {
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'unknown',
        title: m('backup.offlineSeeding.zeroSpeed.title'),
        detail: m('backup.offlineSeeding.zeroSpeed.detail'),
        fix: fix('user', [m('backup.offlineSeeding.zeroSpeed.fix')]),
      }),
    ];
  }
  if (!sizes.complete) {
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'unknown',
        title: m('backup.offlineSeeding.unknownSize.title'),
        detail: m('backup.offlineSeeding.unknownSize.detail'),
        fix: fix('user', [m('backup.offlineSeeding.unknownSize.fix')]),
      }),
    ];
  }
  if (mbps !== null) {
    const seconds = (total * 8) / (mbps * MEGABIT);
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'pass',
        title: m('backup.offlineSeeding.pass.title'),
        detail: m('backup.offlineSeeding.pass.detail', { mbps, size: bytes(total), duration: duration(seconds) }),
      }),
    ];
  }
  if (sizes.known >= BigInt(rules.largeFirstBackupTB * TB)) {
    return [
      finding(ctx, 'backup.offline-seeding', {
        ...base,
        status: 'info',
        title: m('backup.offlineSeeding.large.title'),
        detail: m('backup.offlineSeeding.large.detail', { size: bytes(total) }),
      }),
    ];
  }
  return [
    finding(ctx, 'backup.offline-seeding', {
      ...base,
      status: 'pass',
      title: m('backup.offlineSeeding.ordinary.title'),
      detail: m('backup.offlineSeeding.ordinary.detail', { size: bytes(total), largeTB: rules.largeFirstBackupTB }),
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
