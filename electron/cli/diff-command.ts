// `mars-readiness diff OLD NEW` and `diff --history [DIR]`: what changed between two reports or two
// profiles of a machine (shared/report/diff.ts). A profile is checked first, against the edition of the
// matrix --matrix names - by default the one of the report it is compared with, else the current one - so
// that both sides are held against the same rows. Exit status 0, or 1 when something got worse or something
// new blocks; 2 for a file that cannot be read or is neither a report nor a profile. With --history, a
// file of the folder that cannot be read as either is left out with a note naming it, and a machine with
// fewer than two runs kept is said in a sentence, exit status 0: a first scheduled run is no failure.

import { DEFAULT_EDITION, EDITION_IDS, type EditionId } from '../../shared/matrix/index.js';
import { decodeProfileText } from '../../shared/profile/decode-profile-text.js';
import { parseProfile, ProfileLoadError } from '../../shared/profile/parse-profile.js';
import { buildReport } from '../../shared/report/build.js';
import { diffFails, diffReports, renderDiffText, type ComparableReport } from '../../shared/report/diff.js';
import { APP } from '../app-info.js';
import { ExplainedError } from '../explained-error.js';
import { COMPARABLE_REPORT, historyFolderOf, listHistory, type HistoryEntry } from '../services/report-history.js';
import { NotARegularFile, readRegularFile } from '../util/read-regular-file.js';
import { MAX_DEPTH, savedReportProblem, sayReportAgain, tooDeepAt } from '../../shared/report/saved-report.js';
import { wrapBlock } from '../../shared/report/wrap.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import type { Report } from '../../shared/report/types.js';
import { t } from '../../shared/i18n/translate.js';

export interface DiffFlags {
  history?: string | true;
  matrix?: EditionId;
  json?: boolean;
}

export interface DiffIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  columns: number;
  now: () => Date;
}

/** Twice what the wizard accepts of a profile: a report of a large selection is longer than its profile. */
const MAX_BYTES = 40 * 1024 * 1024;

type Side = { kind: 'report'; report: ComparableReport } | { kind: 'profile'; profile: MachineProfile; name: string };

/** What is wrong with a file that is not a side to compare; `detail` is the system's reason or the report's problem. */
type NotASideKind = 'folder' | 'tooLarge' | 'unreadable' | 'missing' | 'notJson' | 'notComparable' | 'neither';

/**
 * A file that is not a side to compare: its message is the sentence for diff OLD NEW; diff --history says
 * the same kind in its note (`leftOutNote`), the file left out.
 */
class NotASide extends ExplainedError {
  constructor(
    readonly file: string,
    readonly kind: NotASideKind,
    readonly detail = '',
  ) {
    super(t('cli.diff.notASide', { file, kind, detail }));
  }
}

/** The note of diff --history for a run left out of the comparison (a detail's own last . or : dropped). */
function leftOutNote(file: string, kind: NotASideKind | 'invalidProfile', detail: string): string {
  return t('cli.diff.leftOut', { file, kind, detail: detail.replace(/[.:]$/, '') });
}

async function readSide(file: string): Promise<Side> {
  // A regular file only, opened without blocking: a pipe named like a report must not hang the command.
  const bytes = await readRegularFile(file, { maxBytes: MAX_BYTES }).catch((error: Error) => {
    if (!(error instanceof NotARegularFile)) throw error;
    if (error.kind === 'folder' || error.kind === 'tooLarge') throw new NotASide(file, error.kind);
    throw new NotASide(file, 'unreadable', error.message);
  });
  if (bytes === undefined) throw new NotASide(file, 'missing');
  let value: unknown;
  try {
    value = JSON.parse(decodeProfileText(bytes));
  } catch {
    throw new NotASide(file, 'notJson');
  }
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (object && 'findings' in object) {
    const deep = tooDeepAt(value);
    const problem = deep ? t('validation.report.tooDeep', { pointer: deep, depth: MAX_DEPTH }) : COMPARABLE_REPORT(value);
    if (problem) throw new NotASide(file, 'notComparable', problem);
    // Said again in this run's language where it can be (two reports made in two languages read as one);
    // a report without whole messages (an older version's) is compared with the words it has.
    const report = savedReportProblem(value) === null ? sayReportAgain(value as Report) : value;
    return { kind: 'report', report: report as ComparableReport };
  }
  if (object && 'os' in object) return { kind: 'profile', profile: parseProfile(file, bytes), name: file };
  throw new NotASide(file, 'neither');
}

/** The two latest runs of one machine that can be read (the newest valid one, and its host's one before). */
async function latestTwoValid(folder: string, io: DiffIo): Promise<{ sides: [Side, Side] } | { runs: number; host: string | null }> {
  const entries = await listHistory(folder);
  const found: { entry: HistoryEntry; side: Side }[] = [];
  for (const entry of entries.reverse()) {
    if (found.length > 0 && entry.host !== found[0]!.entry.host) continue;
    try {
      found.push({ entry, side: await readSide(entry.path) });
    } catch (error) {
      // A profile that does not validate: its first problem is enough to say why it is left out.
      const note =
        error instanceof NotASide
          ? leftOutNote(entry.path, error.kind, error.detail)
          : error instanceof ProfileLoadError
            ? leftOutNote(entry.path, 'invalidProfile', error.sentence ?? error.problems[0] ?? '')
            : null;
      if (note === null) throw error;
      io.stderr(wrapBlock(`${note}\n`, io.columns));
      continue;
    }
    if (found.length === 2) return { sides: [found[1]!.side, found[0]!.side] };
  }
  return { runs: found.length, host: found[0]?.entry.host ?? null };
}

export async function runDiff(paths: string[], flags: DiffFlags, io: DiffIo): Promise<number> {
  let sides: Side[];
  if (flags.history !== undefined) {
    if (paths.length > 0) throw new ExplainedError(t('cli.diff.filesAndHistory'));
    const folder = historyFolderOf(flags.history);
    const latest = await latestTwoValid(folder, io);
    if (!('sides' in latest)) {
      const sentence = t('cli.diff.nothingYet', {
        runs: latest.runs,
        hasHost: latest.host ? 'yes' : 'no',
        host: latest.host ?? '',
        folder,
      });
      // JSON readers get null (no difference yet), people the sentence.
      if (flags.json) {
        io.stdout('null\n');
        io.stderr(wrapBlock(`${sentence}\n`, io.columns));
      } else io.stdout(wrapBlock(`${sentence}\n`, io.columns));
      return 0;
    }
    sides = latest.sides;
  } else {
    if (paths.length !== 2) throw new ExplainedError(t('cli.diff.twoFiles', { count: paths.length }));
    sides = [await readSide(paths[0]!), await readSide(paths[1]!)];
  }
  const reportEdition = sides.map((s) => (s.kind === 'report' ? s.report.matrix.edition : null)).find((e) => e !== null);
  const edition: EditionId =
    flags.matrix ?? ((EDITION_IDS as readonly string[]).includes(reportEdition ?? '') ? (reportEdition as EditionId) : DEFAULT_EDITION);
  const [from, to] = sides.map((side) =>
    side.kind === 'report'
      ? side.report
      : buildReport(side.profile, {
          edition,
          toolVersion: APP.version,
          now: side.profile.capturedAt ? new Date(side.profile.capturedAt) : io.now(),
        }),
  ) as [ComparableReport, ComparableReport];
  const diff = diffReports(from, to);
  io.stdout(flags.json ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffText(diff, io.columns));
  return diffFails(diff) ? 1 : 0;
}
