// A finding's words for a report of this machine, probed just now (check or doctor without --profile).
// The rules write for a profile that may have been collected anywhere, so an unknown says "the profile
// does not say ..." and its fix may say "collect the profile again with this tool on the machine itself" -
// advice that makes no sense to someone who has just done exactly that. Here those sentences say what is
// true of a live check instead (the probes could not tell; read the notes printed above), and the steps
// that only say to collect again are left out. The JSON report keeps the rules' own words; the wizard has
// its own wording (gui-words.ts). Pure.

import type { Finding, Report } from './types.js';

/** Phrases of a detail, as the rules write them for a profile, and how a live check says them. */
const DETAIL: readonly [RegExp, string][] = [
  [/\bThe profile does not say\b/g, "This machine's probes could not tell"],
  [/\bthe profile does not say\b/g, 'the probes could not tell'],
  [/\bThe profile lacks\b/g, 'The probes could not read'],
  [/\bthe profile lacks\b/g, 'the probes could not read'],
  [/\bThe profile holds no test of ([^.]+)\./g, '$1 was not tested.'],
  [/\bthe profile holds none of\b/g, "this machine's registry holds none of"],
  [/\bwhich the profile does not describe\b/g, 'which the probes did not describe'],
];

const NOTES = 'Read the notes printed before the report for why it could not be read, put that right, then check again.';

/** Whole steps (null: left out) and, after them, clauses within a step. */
const STEPS: readonly [RegExp, string | null][] = [
  [/^(Or )?[Cc]ollect the profile (again )?(with this tool )?on the machine itself\.$/, null],
  [/^Collect the profile again with this tool on the machine itself, so that .+\.$/, NOTES],
  [
    /^Collect the profile again with this tool on the machine itself; before the agent is installed, name the folder you mean to use for its cache\.$/,
    'Before the agent is installed, name the folder you mean to use for its cache (--cache PATH), then check again.',
  ],
  [
    /^(Choose what to back up in the wizard|Scan the selection in the wizard) \(or pass --select\),? and collect the profile on the machine itself\.$/,
    'Name what you mean to back up with --select PATH (and --system-state), then check again.',
  ],
  // The scan ran: what it could not tell, running it again does not tell either.
  [/^To see example paths of each kind, scan on the machine itself \(the wizard, or check --select PATH\)\.$/, null],
  [/,? or collect the profile (again )?(with this tool )?on the machine itself\.$/, '.'],
];

export function liveDetail(detail: string): string {
  return DETAIL.reduce((text, [pattern, words]) => text.replace(pattern, words), detail);
}

/** The steps of a fix as a live check says them; when none is left, the one that points to the notes. */
export function liveSteps(steps: readonly string[]): string[] {
  const shown: string[] = [];
  for (const step of steps) {
    const whole = STEPS.find(([pattern]) => pattern.test(step) && pattern.source.startsWith('^'));
    if (whole) {
      if (whole[1] !== null) shown.push(whole[1]);
      continue;
    }
    shown.push(STEPS.filter(([pattern]) => !pattern.source.startsWith('^')).reduce((text, [p, w]) => text.replace(p, w ?? ''), step));
  }
  return steps.length > 0 && shown.length === 0 ? [NOTES] : [...new Set(shown)];
}

function liveFinding(f: Finding): Finding {
  return { ...f, detail: liveDetail(f.detail), fix: f.fix ? { ...f.fix, steps: liveSteps(f.fix.steps) } : null };
}

/** The report as a live check's text, HTML and Markdown say it. */
export function liveReport<R extends Report>(report: R): R {
  return { ...report, findings: report.findings.map(liveFinding) };
}
