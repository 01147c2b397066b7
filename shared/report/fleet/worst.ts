// What every fleet output reads of a report: each catalogue check's worst status (`absent` when the check
// gave no finding, as for a row the edition lacks), and the checks that block or warn.

import { CHECKS } from '../../rules/catalogue.js';
import type { CheckId, FindingStatus, Report } from '../types.js';

/** `waived` only in a report made with --waivers: a blocker, warning or unknown that a waiver covers. */
export type CheckState = FindingStatus | 'absent';

const WORST_FIRST: readonly FindingStatus[] = ['fail', 'warn', 'unknown', 'waived', 'info', 'pass'];

/** The worst status of one check's findings (fail, warn, unknown, waived, info, pass in that order), or `absent`. */
export function worstStatusOf(report: Report, check: CheckId): CheckState {
  let worst: CheckState = 'absent';
  for (const f of report.findings) {
    if (f.check !== check) continue;
    if (worst === 'absent' || WORST_FIRST.indexOf(f.status) < WORST_FIRST.indexOf(worst)) worst = f.status;
  }
  return worst;
}

/** Every catalogue check with its worst status, in the catalogue's order. */
export function checkStates(report: Report): [CheckId, CheckState][] {
  return CHECKS.map(({ id }) => [id, worstStatusOf(report, id)]);
}

/** The checks with at least one finding of this status, each once, in the report's order. */
export function checksWith(report: Report, status: FindingStatus): CheckId[] {
  return [...new Set(report.findings.filter((f) => f.status === status).map((f) => f.check))];
}

/** Whether a string names a check of the catalogue. */
export function isCheckId(value: string): value is CheckId {
  return CHECKS.some(({ id }) => id === value);
}
