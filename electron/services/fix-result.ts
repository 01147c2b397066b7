// What a fix came to, in the shape the wizard gets it: from the engine in this process, or from the
// elevated helper (which sends the same fields), so that both say it alike.

import type { FixAction } from '../../shared/actions/fix-plan.js';
import type { EngineResult } from '../actions/fix-engine.js';

export interface FixResult {
  /** null: there was nothing to recover or discard. */
  outcome: 'done' | 'rolled-back' | 'discarded' | null;
  /** Which fix it was (for a recovery: the one interrupted); null when there was none. */
  action: FixAction | null;
  error: string | null;
  from: string | null;
  to: string | null;
  /** How many items the undo left in place because the fix did not make them (named in `error`). */
  leftInPlace: number;
}

/** A fix run or recovered by the engine; null: there was nothing to recover. */
export function fixResultOf(result: EngineResult | null): FixResult {
  return {
    outcome: result?.outcome ?? null,
    action: result?.journal.plan.action ?? null,
    error: result?.error ?? null,
    from: result?.journal.plan.from ?? null,
    to: result?.journal.plan.to ?? null,
    leftInPlace: result?.journal.leftInPlace ?? 0,
  };
}

/** A record of an interrupted move set aside (kept, renamed to `aside`); null: there was none. */
export function discardResultOf(result: { aside: string } | null): FixResult {
  return { outcome: result ? 'discarded' : null, action: null, error: null, from: result?.aside ?? null, to: null, leftInPlace: 0 };
}
