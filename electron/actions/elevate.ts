// The one elevated step of the product: on Windows, the cache move runs in a short-lived process started
// through UAC for exactly one plan (written to a file the helper re-checks against the machine), while
// the wizard stays unelevated and follows the journal the helper writes.

import { readFile } from 'node:fs/promises';
import { psLiteral } from '../../shared/actions/powershell-script.js';
import type { RelocatePlan } from '../../shared/actions/relocate-plan.js';
import { outputText, type CommandRunner } from '../probes/command-runner.js';
import type { Journal } from './journal.js';
import { POWERSHELL_OPTIONS } from '../probes/windows/powershell.js';

/**
 * powershell.exe with an encoded command (no quoting of our own to get wrong) that starts `program` with
 * `args` through UAC ("RunAs"), waits, and passes its exit code on. Start-Process joins ArgumentList with
 * spaces, so each argument is wrapped in double quotes, which no Windows path can contain.
 */
export function elevationCommand(program: string, args: string[]): { command: string; args: string[] } {
  for (const arg of [program, ...args])
    if (arg.includes('"')) throw new Error(`an argument for the elevated helper contains a double quote: ${arg}`);
  const list = args.map((a) => psLiteral(`"${a}"`)).join(', ');
  const script = `$p = Start-Process -FilePath ${psLiteral(program)} -ArgumentList @(${list}) -Verb RunAs -Wait -PassThru -WindowStyle Hidden; exit $p.ExitCode`;
  return {
    command: 'powershell.exe',
    args: [...POWERSHELL_OPTIONS, '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')],
  };
}

export interface ElevatedOutcome {
  exitCode: number | null;
  /** The helper's journal once it has finished; null if it never started (UAC refused, say). */
  journal: Journal | null;
  failure: string | null;
}

/** Runs the helper and relays the journal's step states while it works. */
export async function runElevated(
  run: CommandRunner,
  command: { command: string; args: string[] },
  journalPath: string,
  plan: RelocatePlan,
  onJournal: (journal: Journal) => void,
): Promise<ElevatedOutcome> {
  const readOurs = async () => {
    const text = await readFile(journalPath, 'utf8').catch(() => null);
    if (!text) return null;
    const journal = JSON.parse(text) as Journal;
    return journal.plan.to === plan.to && journal.plan.from === plan.from ? journal : null;
  };
  const timer = setInterval(() => void readOurs().then((j) => j && onJournal(j)), 500);
  try {
    const result = await run(command.command, command.args, { timeoutMs: 6 * 60 * 60 * 1000 });
    const journal = await readOurs();
    const cancelled = /canceled by the user|abgebrochen|annulée/i.test(outputText(result.stderr));
    return {
      exitCode: result.exitCode,
      journal,
      failure: result.failure ?? (cancelled ? 'the administrator prompt (UAC) was declined' : null),
    };
  } finally {
    clearInterval(timer);
  }
}
