// Why a probed field is null or unknown. The profile has no room for reasons (its schema is closed), so
// probes write them here; the CLI prints them beside the report and the wizard shows them.

import { formatWait } from './command-runner.js';
import { t } from '../../shared/i18n/translate.js';

export interface ProbeNote {
  /** JSON pointer of the profile field the note explains. */
  field: string;
  reason: string;
}

export class ProbeNotes {
  readonly list: ProbeNote[] = [];

  add(field: string, reason: string): void {
    if (!this.list.some((n) => n.field === field && n.reason === reason)) this.list.push({ field, reason });
  }
}

/** Runs `work`; on an exception, notes why and gives `fallback` - a probe never fails the whole collection. */
export async function guarded<T>(notes: ProbeNotes, field: string, fallback: T, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    notes.add(field, t('probes.note.couldNotBeRead', { reason: (error as Error).message }));
    return fallback;
  }
}

/** Resolves to `fallback` (and notes it) when `promise` takes longer than `ms`: for calls that cannot be cancelled. */
export function withTimeout<T>(promise: Promise<T>, ms: number, notes: ProbeNotes, field: string, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      notes.add(field, t('probes.note.noAnswer', { wait: formatWait(ms) }));
      resolve(fallback);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        notes.add(field, t('probes.note.couldNotBeRead', { reason: (error as Error).message }));
        resolve(fallback);
      },
    );
  });
}
