// Which catalogue messages a finding may be said with: its own check's area, and - where the message's id
// names a status in its third part (os.supported.pass.title) - the finding's status. Every rule's findings keep to it (the
// rules' tests assert it of every finding they make; the fix steps keep to the area too), so a saved report that breaks it was edited: a pass
// cannot be said with another check's title, nor a blocker with its check's "all is well".

import type { CheckId, FindingStatus, Status } from './types.js';

const STATUSES: readonly string[] = ['pass', 'fail', 'warn', 'info', 'unknown'] satisfies Status[];

/** Checks whose sentences live in another area of the catalogue: the agent's folders are the agent's words. */
const BORROWED_AREA: Partial<Record<CheckId, string>> = { 'selection.agent-folders': 'agent' };

/** The catalogue area a check's title and detail come from: its id's first part, camel-cased (system-state -> systemState). */
export function messageArea(check: CheckId): string {
  return BORROWED_AREA[check] ?? check.split('.')[0]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Whether a title or detail message fits its finding: the check's area, and no other status named in its id.
 * A waived finding is judged by the status its check gave.
 */
export function wordsFitFinding(check: CheckId, status: FindingStatus, waivedStatus: Status | undefined, id: string): boolean {
  const parts = id.split('.');
  if (parts[0] !== messageArea(check)) return false;
  const judged = status === 'waived' ? waivedStatus : status;
  // The status, where an id names one, is its third part (area, check, status, ...): a later part may be a
  // word of its own (os.systemState.info.title.unknown is an info finding's title about what is not known).
  const named = parts[2];
  return named === undefined || !STATUSES.includes(named) || named === judged;
}

/** Whether a fix step's message fits its finding: the check's area (a step names no status). */
export function stepFitsFinding(check: CheckId, id: string): boolean {
  return id.split('.')[0] === messageArea(check);
}
