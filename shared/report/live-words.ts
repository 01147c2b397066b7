// A finding's words for a report of this machine, probed just now (check or doctor without --profile).
// The rules write for a profile that may have been collected anywhere, so an unknown says "the profile
// does not say ..." and its fix may say "collect the profile again with this tool on the machine itself" -
// advice that makes no sense to someone who has just done exactly that. Here those sentences say what is
// true of a live check instead (the probes could not tell; read the notes printed above), and the steps
// that only say to collect again are left out. The JSON report keeps the rules' own words; the wizard has
// its own wording (gui-words.ts). Pure.
//
// A step is known by the id of the message it was said from (a finding's `messages.steps`), so the steps
// are said for a live check in every language; the phrases changed inside a detail are the rules' English
// ones (a detail in another language keeps the rules' words).

import type { Finding, Report } from './types.js';
import { currentLanguage, say } from '../i18n/translate.js';
import { m, type MessageId, type Msg } from '../i18n/message.js';

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

/** What a live check says instead of a step, by the id of the step's message: another message, or null to leave it out. */
const STEPS: Partial<Record<MessageId, MessageId | null>> = {
  // "(Or) collect the profile again with this tool on the machine itself."
  'network.tls12.unread.fix.collectAgain': null,
  'software.fix.collectAgain': null,
  'os.supported.unknown.fix.collect': null,
  'systemState.services.unknownFix.collect': null,
  // "Collect the profile again with this tool on the machine itself, so that ..."
  'cache.location.undescribed.fix': NOTES,
  'os.supported.undetermined.unknown.fix.collect': NOTES,
  'os.systemState.unknown.fix': NOTES,
  'cache.noCache.fix': 'guidance.live.nameCache',
  'cache.freeSpace.unknown.fix': 'guidance.live.nameSelection',
  'volume.sizeLimit.unknown.fix': 'guidance.live.nameSelection',
  // The scan ran: what it could not tell, running it again does not tell either.
  'files.skipped.warn.fix.scanForExamples': null,
  // A step that ends "or collect the profile again on the machine itself": said without that (as the wizard says it here).
  'network.tls12.unknown.fix': 'gui.step.findWinver.live',
  'software.dotnet.undetermined.fix.winver': 'gui.step.runWinver.live',
  'restore.instantRestore.unknown.fix': 'gui.step.readRelease.live',
};

export function liveDetail(detail: string): string {
  return DETAIL.reduce((text, [pattern, words]) => text.replace(pattern, words), detail);
}

/** The steps of a fix, as the messages a live check says them from; when none is left, the one that points to the notes. */
export function liveStepMessages(steps: readonly Msg[]): Msg[] {
  const shown = new Map<string, Msg>();
  for (const step of steps) {
    const instead = Object.hasOwn(STEPS, step.id) ? STEPS[step.id] : step.id;
    if (instead === null || instead === undefined) continue;
    const message = instead === step.id ? step : step.args ? m(instead, step.args) : m(instead);
    shown.set(JSON.stringify(message), message);
  }
  return steps.length > 0 && shown.size === 0 ? [m(NOTES)] : [...shown.values()];
}

/** The steps of a fix as a live check says them, from the messages they were said from (else as they are). */
export function liveSteps(steps: readonly string[], messages?: readonly Msg[]): string[] {
  if (messages?.length !== steps.length) return [...steps];
  return [...new Set(liveStepMessages(messages).map(say))];
}

function liveFinding(f: Finding): Finding {
  const detail = currentLanguage() === 'en' ? liveDetail(f.detail) : f.detail;
  if (!f.fix) return { ...f, detail };
  const messages = f.messages;
  if (messages?.steps.length !== f.fix.steps.length) return { ...f, detail };
  // The messages change with the steps, so that the report can still be said again in another language.
  const steps = liveStepMessages(messages.steps);
  return { ...f, detail, fix: { ...f.fix, steps: steps.map(say) }, messages: { ...messages, steps } };
}

/** The report as a live check's text, HTML and Markdown say it. */
export function liveReport<R extends Report>(report: R): R {
  return { ...report, findings: report.findings.map(liveFinding) };
}
