// One error type with a code, and one table from codes to what callers see: the API's error codes (the
// wizard) and the CLI's exit statuses. Errors written for users keep their sentence wherever they go;
// only what this version did not foresee becomes "internal" (exit 3).

import { ArgumentError } from '../shared/api/arguments.js';
import type { ApiErrorCode } from '../shared/api/wizard-api.js';
import { ExplainedError } from './explained-error.js';
import { DamagedJournalError } from './actions/journal.js';
import { LockedError } from './actions/machine-lock.js';
import { RecoveryPendingError } from './actions/fix-engine.js';
import { NotAFileError } from './util/atomic-file.js';

export class AppError extends ExplainedError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The code of any error: its own when it has one, else by its kind. */
export function errorCode(error: unknown): ApiErrorCode {
  if (error instanceof AppError) return error.code;
  if (error instanceof ArgumentError || error instanceof NotAFileError) return 'invalid-argument';
  if (error instanceof LockedError) return 'busy';
  if (error instanceof RecoveryPendingError || error instanceof DamagedJournalError) return 'recovery-pending';
  // Every other sentence written for users (the engine's among them): the machine does not allow it now.
  if (error instanceof ExplainedError) return 'refused';
  return 'internal';
}

/**
 * The CLI's exit statuses for `fix` (check's are 0, 1, 2, 3 by verdict): 0 done (or nothing to do),
 * 1 not done (refused, undone, declined or stopped), 2 bad usage or input, 3 unforeseen, 4 another process
 * holds the fix lock, 5 an interrupted move needs attention first.
 */
export const FIX_EXIT: Record<ApiErrorCode, number> = {
  'invalid-argument': 2,
  'invalid-profile': 2,
  cancelled: 1,
  refused: 1,
  declined: 1,
  busy: 4,
  'recovery-pending': 5,
  unsupported: 2,
  internal: 3,
};
