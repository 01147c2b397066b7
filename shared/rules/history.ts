// history.* checks (contract v2): what the agent recorded about its last jobs - after a failure, the doctor.
// history.last-backup reads the agent's CloudBackup event log: the latest finished job decides. Microsoft
// does not document these event ids; they come from public monitoring scripts (3 completed, 10 with warnings,
// 11 with errors, 18 a scheduled backup that failed to start). history.known-error explains the error codes
// of the agent's own logs (the table in error-codes.ts). Both only when the agent is installed.

import type { HistoryErrorCode, HistoryEvent } from '../profile/types.js';
import type { Finding, Status } from '../report/types.js';
import type { RuleContext } from './context.js';
import { errorCodeKey, knownErrorCode, windowsErrorMessage } from './error-codes.js';
import { finding, fix } from './finding.js';
import { list, m, utc, type Msg } from '../i18n/message.js';
import { compareInstants, parseInstant, type Instant } from './timestamps.js';

const P = '/history';

/** The events that end a job, with the status each gives. */
const JOB_ENDS: Record<number, { status: Status }> = {
  3: { status: 'pass' },
  10: { status: 'warn' },
  11: { status: 'fail' },
  18: { status: 'fail' },
};
const SEVERITY: Record<Status, number> = { fail: 0, warn: 1, unknown: 2, info: 3, pass: 4 };

const readLogFix = fix('helpdesk', [m('history.lastBackup.readLog.collectAsAdmin'), m('history.lastBackup.readLog.eventViewer')]);

/** The latest finished job; of several at the same time, the worst. */
export function latestJob(events: readonly HistoryEvent[]): { event: HistoryEvent; at: Instant } | null {
  let latest: { event: HistoryEvent; at: Instant } | null = null;
  for (const event of events) {
    const end = JOB_ENDS[event.id];
    const at = parseInstant(event.time);
    if (!end || !at) continue;
    if (!latest) {
      latest = { event, at };
      continue;
    }
    const order = compareInstants(at, latest.at);
    if (order > 0 || (order === 0 && SEVERITY[end.status] < SEVERITY[JOB_ENDS[latest.event.id]!.status])) latest = { event, at };
  }
  return latest;
}

export function historyLastBackup(ctx: RuleContext): Finding[] {
  if (ctx.profile.agent?.installed !== true) return [];
  const history = ctx.profile.history;
  if (history === undefined) return [];
  const cite = ctx.edition.jobHistory;
  if (history === null) {
    return [
      finding(ctx, 'history.last-backup', {
        evidence: { [P]: null },
        cite,
        status: 'unknown',
        title: m('history.lastBackup.unreadable.title'),
        detail: m('history.lastBackup.unreadable.detail'),
        fix: readLogFix,
      }),
    ];
  }
  const events = history.events ?? null;
  const evidence = { [`${P}/windowDays`]: history.windowDays, [`${P}/events`]: events };
  const base = { evidence, cite };
  const days = history.windowDays;
  if (events === null) {
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'unknown',
        title: m('history.lastBackup.logUnreadable.title'),
        detail: m('history.lastBackup.logUnreadable.detail'),
        fix: readLogFix,
      }),
    ];
  }
  const latest = latestJob(events);
  if (!latest) {
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'info',
        title: m('history.lastBackup.none.title', { days }),
        detail: m('history.lastBackup.none.detail', { days }),
      }),
    ];
  }
  const end = JOB_ENDS[latest.event.id]!;
  const when = utc(latest.event.time);
  if (end.status === 'fail') {
    const didNotStart = latest.event.id === 18;
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'fail',
        title: m('history.lastBackup.fail.title', { didNotStart: didNotStart ? 'yes' : 'no' }),
        detail: m('history.lastBackup.fail.detail', { didNotStart: didNotStart ? 'yes' : 'no', when }),
        fix: fix('server admin', [
          m('history.lastBackup.fail.fix.readJob'),
          ...(didNotStart ? [m('history.lastBackup.fail.fix.checkEngine')] : []),
          m('history.lastBackup.fail.fix.putRight'),
        ]),
      }),
    ];
  }
  if (end.status === 'warn') {
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'warn',
        title: m('history.lastBackup.warn.title'),
        detail: m('history.lastBackup.warn.detail', { when }),
        fix: fix('server admin', [m('history.lastBackup.warn.fix.skippedFiles'), m('history.lastBackup.warn.fix.putRight')]),
      }),
    ];
  }
  return [
    finding(ctx, 'history.last-backup', {
      ...base,
      status: 'pass',
      title: m('history.lastBackup.pass.title'),
      detail: m('history.lastBackup.pass.detail', { when }),
    }),
  ];
}

const SOURCES: Record<HistoryErrorCode['source'], Msg> = {
  errlog: m('history.knownError.source.errlog'),
  'failed-files': m('history.knownError.source.failedFiles'),
};

export function historyKnownError(ctx: RuleContext): Finding[] {
  if (ctx.profile.agent?.installed !== true) return [];
  const history = ctx.profile.history;
  if (history === undefined) return [];
  const fallback = ctx.edition.errorCodes.failedFiles;
  const codes = history === null ? null : (history.errorCodes ?? null);
  if (codes === null) {
    return [
      finding(ctx, 'history.known-error', {
        evidence: history === null ? { [P]: null } : { [`${P}/errorCodes`]: null },
        cite: fallback,
        status: 'unknown',
        title: m('history.knownError.unreadable.title'),
        detail: m('history.knownError.unreadable.detail'),
        fix: fix('helpdesk', [m('history.knownError.unreadable.fix.collectAsAdmin'), m('history.knownError.unreadable.fix.lookInTemp')]),
      }),
    ];
  }
  const groups = new Map<string, HistoryErrorCode[]>();
  for (const entry of codes) {
    const key = errorCodeKey(entry.code);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].map((entries) => {
    const first = entries[0]!;
    const known = knownErrorCode(first.code);
    const count = entries.reduce((sum, entry) => sum + entry.count, 0);
    const where = list([...new Set(entries.map((entry) => entry.source))].map((source) => SOURCES[source]));
    const seen = m('history.knownError.seen', { count, where, days: history!.windowDays });
    const evidence = { [`${P}/errorCodes`]: entries, [`${P}/windowDays`]: history!.windowDays };
    const windowsMeaning = known ? null : windowsErrorMessage(first.code);
    if (!known) {
      return finding(ctx, 'history.known-error', {
        subject: first.code,
        evidence,
        cite: fallback,
        status: 'info',
        title: m('history.knownError.unknownCode.title', { code: first.code }),
        detail: windowsMeaning
          ? m('history.knownError.unknownCode.windowsDetail', { code: first.code, meaning: windowsMeaning, seen })
          : m('history.knownError.unknownCode.detail', { code: first.code, seen }),
      });
    }
    const checks = m('history.knownError.checks', {
      number: known.checks.length === 0 ? 'none' : known.checks.length === 1 ? 'one' : 'many',
      checks: list(known.checks),
    });
    return finding(ctx, 'history.known-error', {
      subject: known.code,
      evidence,
      cite: known.cite(ctx.edition),
      status: 'warn',
      title: m('history.knownError.known.title', { code: known.code, meaning: known.messages.meaning }),
      detail: m('history.knownError.known.detail', {
        code: known.code,
        meaning: known.messages.meaning,
        cause: known.messages.cause,
        checks,
        seen,
      }),
      fix: fix('server admin', known.messages.steps),
    });
  });
}
