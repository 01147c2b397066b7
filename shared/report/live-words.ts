// A finding's words for a report of this machine, probed just now (check or doctor without --profile).
// The rules write for a profile that may have been collected anywhere, so an unknown says "the profile
// does not say ..." and its fix may say "collect the profile again with this tool on the machine itself" -
// advice that makes no sense to someone who has just done exactly that. Here those sentences say what is
// true of a live check instead (the probes could not tell; read the notes printed above), and the steps
// that only say to collect again are left out. The JSON report keeps the rules' own words; the wizard has
// its own wording (gui-words.ts). Pure.
//
// The sentences that stand in for a whole step come from the catalogue. The phrases changed inside a
// detail or a step are the rules' English ones: in another language a finding's steps are matched by the
// English text of the messages it was said from, and its detail keeps the rules' words.

import type { Finding, Report } from './types.js';
import { currentLanguage, englishCatalogue, say, t } from '../i18n/translate.js';
import type { MessageId, Msg } from '../i18n/message.js';

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

const NOTES: MessageId = 'guidance.live.notes';

/** Whole steps (null: left out) and, after them, clauses within a step. */
const STEPS: readonly [RegExp, MessageId | string | null][] = [
  [/^(Or )?[Cc]ollect the profile (again )?(with this tool )?on the machine itself\.$/, null],
  [/^Collect the profile again with this tool on the machine itself, so that .+\.$/, NOTES],
  [
    /^Collect the profile again with this tool on the machine itself; before the agent is installed, name the folder you mean to use for its cache\.$/,
    'guidance.live.nameCache',
  ],
  [
    /^(Choose what to back up in the wizard|Scan the selection in the wizard) \(or pass --select\),? and collect the profile on the machine itself\.$/,
    'guidance.live.nameSelection',
  ],
  // The scan ran: what it could not tell, running it again does not tell either.
  [/^To see example paths of each kind, scan on the machine itself \(the wizard, or check --select PATH\)\.$/, null],
  // (English only: a clause of a rule's own step.)
  [/,? or collect the profile (again )?(with this tool )?on the machine itself\.$/, '.'],
];

export function liveDetail(detail: string): string {
  return DETAIL.reduce((text, [pattern, words]) => text.replace(pattern, words), detail);
}

/** The steps of a fix as a live check says them; when none is left, the one that points to the notes. */
export function liveSteps(steps: readonly string[], messages?: readonly Msg[]): string[] {
  // In another language, each step is known by the English text of its message (its arguments left as they are).
  const english = currentLanguage() !== 'en' && messages?.length === steps.length;
  const shown: string[] = [];
  steps.forEach((step, i) => {
    const source = english ? (englishCatalogue()[messages[i]!.id] ?? step) : step;
    const whole = STEPS.find(([pattern]) => pattern.test(source) && pattern.source.startsWith('^'));
    if (whole) {
      if (whole[1] !== null) shown.push(t(whole[1] as MessageId));
      return;
    }
    shown.push(
      english
        ? say(messages[i]!)
        : STEPS.filter(([pattern]) => !pattern.source.startsWith('^')).reduce((text, [p, w]) => text.replace(p, w ?? ''), step),
    );
  });
  return steps.length > 0 && shown.length === 0 ? [t(NOTES)] : [...new Set(shown)];
}

function liveFinding(f: Finding): Finding {
  const detail = currentLanguage() === 'en' ? liveDetail(f.detail) : f.detail;
  return { ...f, detail, fix: f.fix ? { ...f.fix, steps: liveSteps(f.fix.steps, f.messages?.steps) } : null };
}

/** The report as a live check's text, HTML and Markdown say it. */
export function liveReport<R extends Report>(report: R): R {
  return { ...report, findings: report.findings.map(liveFinding) };
}
