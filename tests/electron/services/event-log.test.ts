// Writing events with eventcreate.exe, against a recording runner: its full path under SystemRoot, an
// argument array (a description full of quotes and spaces arrives as one argument), a timeout on each;
// the first refusal stops the rest, and why is told by what happened (not there, timed out, exit status),
// never by eventcreate's words.
import { describe, expect, it } from 'vitest';
import type { CommandResult, CommandRunner } from '../../../electron/probes/command-runner.js';
import { EVENT_TIMEOUT_MS, eventcreatePath, writeEvents } from '../../../electron/services/event-log.js';
import type { LogEvent } from '../../../shared/report/event-log.js';

const done = (exitCode: number | null, extra: Partial<CommandResult> = {}): CommandResult => ({
  exitCode,
  stdout: Buffer.from('SUCCESS: words that differ in every language'),
  stderr: Buffer.alloc(0),
  timedOut: false,
  missing: false,
  failure: null,
  ...extra,
});

function recorder(results: CommandResult[]) {
  const calls: { command: string; args: readonly string[]; timeoutMs: number }[] = [];
  const run: CommandRunner = async (command, args, options) => {
    calls.push({ command, args, timeoutMs: options.timeoutMs });
    return results[calls.length - 1] ?? done(0);
  };
  return { run, calls };
}

const EVENTS: LogEvent[] = [
  { id: 100, type: 'ERROR', description: 'MARS readiness of FS01: Not ready.' },
  { id: 140, type: 'ERROR', description: 'Blocks backup: "C:\\Program Files\\x" /T INFORMATION & del *' },
  { id: 180, type: 'WARNING', description: 'Warning: w' },
];

describe('writeEvents', () => {
  it('runs eventcreate once per event with the source, type, id and description as separate arguments', async () => {
    const { run, calls } = recorder([]);
    const outcome = await writeEvents(EVENTS, run, 'C:\\Windows\\System32\\eventcreate.exe');
    expect(outcome).toEqual({ written: 3, problem: null });
    expect(calls[1]).toEqual({
      command: 'C:\\Windows\\System32\\eventcreate.exe',
      args: ['/L', 'APPLICATION', '/SO', 'MARS Readiness', '/T', 'ERROR', '/ID', '140', '/D', EVENTS[1]!.description],
      timeoutMs: EVENT_TIMEOUT_MS,
    });
  });

  it('stops at the first refusal and says how many were not written and why, by the exit status', async () => {
    const { run, calls } = recorder([done(0), done(1)]);
    const outcome = await writeEvents(EVENTS, run, 'eventcreate.exe');
    expect(calls).toHaveLength(2);
    expect(outcome.written).toBe(1);
    expect(outcome.problem).toBe(
      '2 events were not written to the Application log: eventcreate refused it (exit status 1). Install the MSI, which registers the event source "MARS Readiness", or run this once as an administrator',
    );
  });

  it('tells a missing eventcreate and one that hung apart', async () => {
    const missing = await writeEvents(
      EVENTS.slice(0, 1),
      recorder([done(null, { missing: true })]).run,
      'C:\\W\\System32\\eventcreate.exe',
    );
    expect(missing.problem).toBe('1 event was not written to the Application log: C:\\W\\System32\\eventcreate.exe is not on this machine');
    const hung = await writeEvents(EVENTS, recorder([done(null, { timedOut: true })]).run, 'eventcreate.exe');
    expect(hung.problem).toBe(
      `3 events were not written to the Application log: eventcreate did not finish within ${EVENT_TIMEOUT_MS / 1000} s`,
    );
  });
});

describe('eventcreatePath', () => {
  it('is under SystemRoot, whatever the PATH says', () => {
    expect(eventcreatePath({ SystemRoot: 'D:\\WINNT', PATH: 'C:\\evil' })).toBe('D:\\WINNT\\System32\\eventcreate.exe');
    expect(eventcreatePath({})).toBe('C:\\Windows\\System32\\eventcreate.exe');
  });
});
