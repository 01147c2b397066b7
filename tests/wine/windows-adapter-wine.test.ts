// Parts of the Windows adapter under Wine that the main Wine tier does not reach, run by the Windows build
// of Node (windows-adapter-under-wine.mjs): the move's two safety probes against Wine's real wevtutil.exe
// and powershell.exe - what those tools do there, and what the probes make of it - and the robocopy copy's
// progress and Stop on win32, with a Windows Node child standing in for robocopy (Wine's copies nothing).
// Skipped, with the reason printed, where wine64 can be neither found nor installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWineMachine, DIST_URL, ROOT, WINE, wineMissing, z, type WineMachine } from './wine-prefix.js';

const missing = wineMissing();
if (missing) console.log(`SKIPPED the Wine tier of the Windows adapter's probes and copy: ${missing}.`);

let machine: WineMachine | null = null;
let out: Record<string, any> = {};
let seconds = 0;

beforeAll(() => {
  if (missing) return;
  const started = Date.now();
  machine = createWineMachine();
  const resultFile = join(machine.prefix, 'windows-adapter.json');
  // Windows Node's stdout under Wine must be a file, not a pipe: it is ignored, the results go to a file.
  const args = [machine.nodeExe, z(join(ROOT, 'tests', 'wine', 'windows-adapter-under-wine.mjs')), z(resultFile), DIST_URL];
  spawnSync(WINE, args, { env: machine.env, stdio: 'ignore', timeout: 60_000 });
  out = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { error: 'no results written' };
  seconds = (Date.now() - started) / 1000;
}, 120_000);

afterAll(() => machine?.dispose());

describe.skipIf(missing !== null)("the Windows adapter under Wine: wevtutil, PowerShell, and robocopy's Stop", () => {
  it('ran as win32, in under 30 s with the prefix made', () => {
    expect(out.error).toBeUndefined();
    expect(out.platform).toBe('win32');
    expect(seconds).toBeLessThan(30);
  });

  it("Wine's wevtutil.exe is a stub: every query and description exits 0 and prints nothing, for any log", () => {
    // Windows' wevtutil exits 15007 for a log that is not there; Wine's (8.0) only logs a "fixme: stub" line
    // (silenced here by WINEDEBUG=-all) and exits 0 with nothing on stdout - even for the System log, which
    // every Windows has.
    const silent = { exitCode: 0, stdoutBytes: 0, stderrBytes: 0, failure: null };
    for (const channel of ['CloudBackup', 'CloudBackup/Operational', 'System'])
      expect(out.wevtutil[channel]).toEqual({ query: silent, describe: silent });
  });

  it('so whether a backup runs is unknown, with the reason: silence is not taken for an empty log', () => {
    // The query's silence alone would read as "no job events", i.e. running: false (as the first draft of the
    // probe concluded); the log's description is asked for as proof that the log is there, and Wine's stub
    // gives none - so the probe cannot tell, and says why. It stops at the first log: nothing the second
    // could say would make a log it cannot read safe.
    expect(out.backupJob).toEqual({
      running: null,
      why: 'wevtutil.exe answered nothing for the CloudBackup event log and could not describe it (exit 0, printing nothing), so an empty log cannot be told from a tool that does not read logs',
    });
  });

  it("Wine's powershell.exe runs no script (exit 0, nothing printed): the System State disks are unknown (null), not none", () => {
    expect(out.powershell).toEqual({ exitCode: 0, stdoutBytes: 0, stderrBytes: 0, failure: null });
    expect(out.systemStateDisks).toBeNull();
  });

  it("history under Wine: the event log cannot be told (null, with the reason), the agent's UTF-16 logs are read from a Windows path", () => {
    const h = out.history;
    expect(h.temp).toMatch(/^[A-Za-z]:\\/);
    expect(h.events.why).toMatch(/cannot be told from a tool that does not read logs/);
    expect(h.facts).toEqual({
      windowDays: 14,
      events: null,
      errorCodes: [
        { code: 'SalLowDiskSpace', source: 'errlog', count: 1 },
        { code: '0x80070070', source: 'errlog', count: 1 },
        { code: '0x80070002', source: 'failed-files', count: 1 },
      ],
    });
    expect(h.notes.map((n: { field: string }) => n.field)).toEqual(['/history/events']);
  });

  it('robocopy on win32: progress while it runs (a half-written file counted by its bytes), then Stop kills the process', () => {
    const r = out.robocopyStop;
    expect(r.calls).toEqual([{ command: 'robocopy', first: [r.from, r.to], signal: true }]);
    expect(r.error).toBe('the move was stopped during the copy');
    expect(r.events.length).toBeGreaterThanOrEqual(1);
    for (const [i, e] of r.events.entries()) {
      expect(e).toMatchObject({ totalFiles: 6, totalBytes: 6 * 32 * 1024 });
      if (i > 0) expect(e.bytes).toBeGreaterThanOrEqual(r.events[i - 1].bytes);
    }
    expect(r.events.at(-1).files).toBeGreaterThanOrEqual(2);
    expect(r.events.at(-1).files).toBeLessThan(6);
    expect(r.events.some((e: { files: number; bytes: number }) => e.bytes > e.files * 32 * 1024)).toBe(true);
    // The stand-in was seen alive while it copied, and is gone afterwards (killed, not left to finish):
    // nothing more lands in the target.
    expect(r.aliveDuring).toBe(true);
    expect(r.aliveAfter).toBe(false);
    expect(r.landedAtStop).toBeLessThan(6);
    expect(r.landedLater).toBe(r.landedAtStop);
  });
});
