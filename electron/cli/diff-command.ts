// `mars-readiness diff OLD NEW` and `diff --history [DIR]`: what changed between two reports or two
// profiles of a machine (shared/report/diff.ts). A profile is checked first, against the edition of the
// matrix --matrix names - by default the one of the report it is compared with, else the current one - so
// that both sides are held against the same rows. Exit status 0, or 1 when something got worse or something
// new blocks; 2 for a file that cannot be read or is neither a report nor a profile.

import { stat, readFile } from 'node:fs/promises';
import { DEFAULT_EDITION, EDITION_IDS, type EditionId } from '../../shared/matrix/index.js';
import { decodeProfileText } from '../../shared/profile/decode-profile-text.js';
import { parseProfile } from '../../shared/profile/parse-profile.js';
import { buildReport } from '../../shared/report/build.js';
import { diffFails, diffReports, renderDiffText, type ComparableReport } from '../../shared/report/diff.js';
import { APP } from '../app-info.js';
import { ExplainedError } from '../explained-error.js';
import { COMPARABLE_REPORT, historyFolderOf, latestTwo } from '../services/report-history.js';
import type { MachineProfile } from '../../shared/profile/types.js';

export interface DiffFlags {
  history?: string | true;
  matrix?: EditionId;
  json?: boolean;
}

export interface DiffIo {
  stdout: (text: string) => void;
  columns: number;
  now: () => Date;
}

/** Twice what the wizard accepts of a profile: a report of a large selection is longer than its profile. */
const MAX_BYTES = 40 * 1024 * 1024;

type Side = { kind: 'report'; report: ComparableReport } | { kind: 'profile'; profile: MachineProfile; name: string };

async function readSide(file: string): Promise<Side> {
  const size = await stat(file).then(
    (s) => (s.isDirectory() ? -1 : s.size),
    (error: NodeJS.ErrnoException) => {
      throw new ExplainedError(`${file} cannot be read: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}`);
    },
  );
  if (size < 0) throw new ExplainedError(`${file} is a folder: give a report or a profile file (or diff --history ${file}).`);
  if (size > MAX_BYTES) throw new ExplainedError(`${file} is larger than 40 MB: that is neither a readiness report nor a machine profile.`);
  const bytes = await readFile(file);
  let value: unknown;
  try {
    value = JSON.parse(decodeProfileText(bytes));
  } catch {
    throw new ExplainedError(`${file} is not JSON: give a readiness report (check --json) or a machine profile (collect).`);
  }
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (object && 'findings' in object) {
    const problem = COMPARABLE_REPORT(value);
    if (problem) throw new ExplainedError(`${file} is not a readiness report this version can compare: ${problem}.`);
    return { kind: 'report', report: value as ComparableReport };
  }
  if (object && 'os' in object) return { kind: 'profile', profile: parseProfile(file, bytes), name: file };
  throw new ExplainedError(
    `${file} is neither a readiness report (as check --json writes it) nor a machine profile (as collect writes it).`,
  );
}

export async function runDiff(paths: string[], flags: DiffFlags, io: DiffIo): Promise<number> {
  let files: [string, string];
  if (flags.history !== undefined) {
    if (paths.length > 0) throw new ExplainedError('give two files to compare, or --history, not both.');
    const folder = historyFolderOf(flags.history);
    const pair = await latestTwo(folder);
    if (!pair)
      throw new ExplainedError(
        `the history folder ${folder} does not hold two runs of one machine yet, so there is nothing to compare: run check (or collect) with --history again later.`,
      );
    files = [pair.older.path, pair.newer.path];
  } else {
    if (paths.length !== 2)
      throw new ExplainedError(
        `give two files to compare, the older first (diff OLD NEW), or --history [DIR]; ${paths.length === 0 ? 'none was given' : `${paths.length} ${paths.length === 1 ? 'was' : 'were'} given`}.`,
      );
    files = [paths[0]!, paths[1]!];
  }
  const sides = [await readSide(files[0]), await readSide(files[1])];
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
