// From a validated profile and a matrix edition to the report: run every check, count, decide.

import { EDITIONS } from '../matrix/index.js';
import type { EditionId } from '../matrix/types.js';
import type { MachineProfile } from '../profile/types.js';
import { CHECKS } from '../rules/catalogue.js';
import { offerProblem } from '../actions/offer.js';
import { makeContext, type SkipExamples } from '../rules/context.js';
import type { Counts, Finding, Report, Verdict } from './types.js';
import { m } from '../i18n/message.js';
import { say } from '../i18n/translate.js';

export const TOOL_NAME = 'mars-readiness';

export interface BuildOptions {
  edition: EditionId;
  toolVersion: string;
  /** When the report is made; injected so that tests and saved reports are reproducible. */
  now: Date;
  /** Example paths from a live scan, shown with the kinds of files the agent skips. */
  examples?: SkipExamples;
  /** A live check's interrupted fix, in words (a profile cannot carry one): its own finding. */
  interruptedFix?: string | null;
}

export function evaluate(
  profile: MachineProfile,
  edition: EditionId,
  examples: SkipExamples = {},
  interruptedFix: string | null = null,
): Finding[] {
  const ctx = { ...makeContext(profile, EDITIONS[edition], examples), interruptedFix };
  return CHECKS.flatMap((check) => check.run(ctx)).map((f) => withOfferableAction(f, profile));
}

/**
 * A finding names a fix action only when the wizard can really carry it out on this machine; otherwise its
 * steps say why not (the steps by hand stay).
 */
function withOfferableAction(finding: Finding, profile: MachineProfile): Finding {
  const action = finding.fix?.action;
  if (!finding.fix || !action) return finding;
  const problem = offerProblem(action, profile);
  if (!problem) return finding;
  const step = m('actions.offer.cannotHere', { problem });
  return {
    ...finding,
    fix: { ...finding.fix, action: null, steps: [...finding.fix.steps, say(step)] },
    ...(finding.messages ? { messages: { ...finding.messages, steps: [...finding.messages.steps, step] } } : {}),
  };
}

/** A count per status; `waived` only where a finding is waived (--waivers). */
export function countStatuses(findings: readonly Finding[]): Counts {
  const counts: Counts = { pass: 0, warn: 0, fail: 0, info: 0, unknown: 0 };
  let waived = 0;
  for (const f of findings) {
    if (f.status === 'waived') waived++;
    else counts[f.status]++;
  }
  return waived > 0 ? { ...counts, waived } : counts;
}

/** not-ready if anything fails; ready-with-warnings if anything warns or is unknown; else ready. */
export function verdictOf(counts: Counts): Verdict {
  if (counts.fail > 0) return 'not-ready';
  if (counts.warn > 0 || counts.unknown > 0) return 'ready-with-warnings';
  return 'ready';
}

export function buildReport(profile: MachineProfile, options: BuildOptions): Report {
  const edition = EDITIONS[options.edition];
  const findings = evaluate(profile, options.edition, options.examples, options.interruptedFix ?? null);
  const counts = countStatuses(findings);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    matrix: { edition: edition.id, date: edition.date },
    generatedAt: options.now.toISOString(),
    host: {
      name: profile.host?.name ?? null,
      azureVm: profile.host?.azureVm ?? null,
      role: profile.host?.role ?? null,
      os: profile.os.caption ?? null,
      capturedAt: profile.capturedAt ?? null,
    },
    verdict: verdictOf(counts),
    counts,
    findings,
  };
}
