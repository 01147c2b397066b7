// What makes two findings the same finding, across two reports or between a waiver and a report: the check
// id and the subject, the subject compared the way the rules compare it - a volume as a Windows path
// (`e:\` is `E:`), an error code as a number where it is one (`0x0001FC07` is `0x1FC07`), anything else
// (an address pattern, a prerequisite's name) without regard to case.

import { errorCodeKey } from '../rules/error-codes.js';
import { normalizeWindowsPath } from '../util/paths.js';
import type { CheckId } from './types.js';

/** The comparable form of a finding's subject for its check; null stays null (the check's one finding). */
export function subjectKey(check: CheckId, subject: string | null): string | null {
  if (subject === null) return null;
  if (check.startsWith('volume.')) return normalizeWindowsPath(subject);
  if (check === 'history.known-error') return errorCodeKey(subject);
  return subject.toLowerCase();
}

/** One string per finding: the check id and its subject's comparable form. */
export function findingKey(finding: { check: CheckId; subject: string | null }): string {
  const subject = subjectKey(finding.check, finding.subject);
  return subject === null ? finding.check : `${finding.check}\u0000${subject}`;
}
