// history.* checks (contract v2): what the agent recorded about its last jobs - after a failure, the doctor.
// history.last-backup reads the agent's CloudBackup event log: the latest finished job decides. Microsoft
// does not document these event ids; they come from public monitoring scripts (3 completed, 10 with warnings,
// 11 with errors, 18 a scheduled backup that failed to start). history.known-error explains the error codes
// of the agent's own logs (the table in error-codes.ts). Both only when the agent is installed.

import type { HistoryErrorCode, HistoryEvent } from '../profile/types.js';
import type { Finding, Status } from '../report/types.js';
import type { RuleContext } from './context.js';
import { errorCodeKey, knownErrorCode, windowsErrorMeaning } from './error-codes.js';
import { finding, fix, listInWords, plural, timesWords } from './finding.js';
import { compareInstants, parseInstant, utcWords, type Instant } from './timestamps.js';

const P = '/history';

/** The events that end a job, with what each says and its status. */
const JOB_ENDS: Record<number, { status: Status; words: string }> = {
  3: { status: 'pass', words: 'completed' },
  10: { status: 'warn', words: 'completed with warnings' },
  11: { status: 'fail', words: 'completed with errors' },
  18: { status: 'fail', words: 'was a scheduled backup that failed to start' },
};
const SEVERITY: Record<Status, number> = { fail: 0, warn: 1, unknown: 2, info: 3, pass: 4 };

const readLogFix = fix('helpdesk', [
  "Collect the profile again on this machine as an administrator: the agent's event log may be closed to other accounts.",
  "Or open Event Viewer > Applications and Services Logs > CloudBackup, or the Jobs pane of the agent's console.",
]);

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
        title: "The agent's job history could not be read",
        detail: 'Nothing of what the agent recorded about its recent backups could be read, so how the last backup went is not known.',
        fix: readLogFix,
      }),
    ];
  }
  const events = history.events ?? null;
  const evidence = { [`${P}/windowDays`]: history.windowDays, [`${P}/events`]: events };
  const base = { evidence, cite };
  const days = plural(history.windowDays, 'day');
  if (events === null) {
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'unknown',
        title: 'How the last backup went is not known',
        detail: "The agent's event log (CloudBackup) could not be read, so how the last backup went is not known.",
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
        title: `No backup finished in the last ${days}`,
        detail: `The agent's event log records no backup that finished in the last ${days}. A new agent, or one whose backups are not scheduled yet, looks like this.`,
      }),
    ];
  }
  const end = JOB_ENDS[latest.event.id]!;
  const when = utcWords(latest.event.time);
  if (end.status === 'fail') {
    const didNotStart = latest.event.id === 18;
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'fail',
        title: didNotStart ? 'The last scheduled backup did not start' : 'The last backup failed',
        detail: didNotStart
          ? `The latest backup job in the agent's event log, at ${when}, was a scheduled backup that failed before it started. Nothing was backed up by it.`
          : `The latest backup job in the agent's event log, at ${when}, completed with errors: data that should have been backed up was not.`,
        fix: fix('server admin', [
          "Open the agent's console (Microsoft Azure Backup), select the job in the Jobs pane and read its details. The error codes of the agent's logs, where this report found any, are explained in its other Backup history findings.",
          ...(didNotStart
            ? [
                'Check that the backup engine (obengine) runs, and that the task under Task Scheduler > Microsoft > OnlineBackup is enabled and runs as SYSTEM.',
              ]
            : []),
          'Put right what the other findings of this report name, then run Back Up Now and check that it completes.',
        ]),
      }),
    ];
  }
  if (end.status === 'warn') {
    return [
      finding(ctx, 'history.last-backup', {
        ...base,
        status: 'warn',
        title: 'The last backup skipped some files',
        detail: `The latest backup job in the agent's event log, at ${when}, completed with warnings: at least one file was not backed up, the rest were.`,
        fix: fix('server admin', [
          "The skipped files, each with its error code, are listed in the LastBackupFailedFiles files in the Temp folder of the agent's installation folder. The codes this report found are explained in its other Backup history findings.",
          'Put right what those codes point to, or exclude files that cannot be backed up (Schedule Backup > Exclusion Settings).',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'history.last-backup', {
      ...base,
      status: 'pass',
      title: 'The last backup completed',
      detail: `The latest backup job in the agent's event log, at ${when}, completed.`,
    }),
  ];
}

const SOURCES: Record<HistoryErrorCode['source'], string> = {
  errlog: "the backup engine's error log",
  'failed-files': 'the lists of files that backups skipped',
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
        title: "The agent's error logs could not be read",
        detail:
          "The error codes in the agent's own logs (its error log and the lists of files a backup skipped) could not be read, so what went wrong lately is not known.",
        fix: fix('helpdesk', [
          'Collect the profile again on this machine as an administrator.',
          "Or look in the Temp folder of the agent's installation folder at CBEngineCurr.errlog and the LastBackupFailedFiles files.",
        ]),
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
    const where = listInWords([...new Set(entries.map((entry) => SOURCES[entry.source]))]);
    const times = timesWords(count);
    const seen = `It appears ${times} in ${where}, within the last ${plural(history!.windowDays, 'day')}.`;
    const evidence = { [`${P}/errorCodes`]: entries, [`${P}/windowDays`]: history!.windowDays };
    if (!known) {
      return finding(ctx, 'history.known-error', {
        subject: first.code,
        evidence,
        cite: fallback,
        status: 'info',
        title: `Error ${first.code} in the agent's logs`,
        detail: windowsErrorMeaning(first.code)
          ? `The agent recorded error ${first.code}: ${windowsErrorMeaning(first.code)}. This tool has no check for its cause. ${seen}`
          : `The agent recorded error ${first.code}, which this tool cannot explain. ${seen}`,
      });
    }
    const checks =
      known.checks.length === 0
        ? 'No check of this tool looks at that cause.'
        : known.checks.length === 1
          ? `This report's check ${known.checks[0]} tells whether that is still so.`
          : `This report's checks ${listInWords(known.checks)} tell whether that is still so.`;
    return finding(ctx, 'history.known-error', {
      subject: known.code,
      evidence,
      cite: known.cite(ctx.edition),
      status: 'warn',
      title: `Error ${known.code}: ${known.meaning}`,
      detail: `The agent recorded error ${known.code}: ${known.meaning}. Usually ${known.cause}. ${checks} ${seen}`,
      fix: fix('server admin', known.steps),
    });
  });
}
