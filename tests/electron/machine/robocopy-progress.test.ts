// The Windows copy's progress and its Stop: robocopy stood in for by programs that copy a real tree into
// the target a half file at a time, so that what the adapter measures while "robocopy" runs is real. One
// finishes (exit 1), one fails (exit 8), and two are stopped halfway: one injected, whose kill is counted,
// and one a real child process, which must be gone afterwards.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CopyOptions, CopyProgress } from '../../../electron/actions/copy-tree.js';
import { listTree } from '../../../electron/actions/copy-tree.js';
import { windowsMachine } from '../../../electron/machine/windows/windows-machine.js';
import { runCommand, type CommandResult, type CommandRunner } from '../../../electron/probes/command-runner.js';

const FILE_BYTES = 64 * 1024;
const FILES = 8;
/** How long a simulated robocopy leaves each file half written: most polls (every 500 ms) see one. */
const HALF_MS = 250;
let root = '';
let from = '';
let to = '';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mars-robocopy-'));
  from = join(root, 'Scratch');
  to = join(root, 'MARS Cache');
  for (let i = 0; i < FILES; i++) {
    const path = join(from, i < 2 ? '' : 'Recovery Points', `chunk ${i}.bin`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.alloc(FILE_BYTES, 65 + i));
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ok = (exitCode: number | null, extra: Partial<CommandResult> = {}): CommandResult => ({
  exitCode,
  stdout: Buffer.alloc(0),
  stderr: Buffer.alloc(0),
  timedOut: false,
  missing: false,
  failure: null,
  ...extra,
});

interface Simulation {
  run: CommandRunner;
  /** robocopy has returned. */
  ended: boolean;
  kills: number;
  calls: { command: string; args: readonly string[]; signal: boolean }[];
}

/**
 * An injected robocopy: copies the tree from its first argument to its second, each file half first, then
 * the rest HALF_MS later; exits with `exitCode` after `files` files. Its "child" is killed when the signal
 * aborts: it stops writing and answers as the runner does for an aborted command.
 */
function simulatedRobocopy(exitCode: number, files = FILES): Simulation {
  const sim: Simulation = { ended: false, kills: 0, calls: [], run: async () => ok(null) };
  sim.run = async (command, args, options) => {
    sim.calls.push({ command, args, signal: options.signal !== undefined });
    const [source, target] = args as [string, string];
    let killed = false;
    const child = { kill: () => ((killed = true), sim.kills++) };
    options.signal?.addEventListener('abort', () => child.kill(), { once: true });
    const entries = (await listTree(source)).filter((e) => e.kind === 'file').slice(0, files);
    for (const entry of entries) {
      if (killed) break;
      const data = readFileSync(join(source, entry.rel));
      await mkdir(dirname(join(target, entry.rel)), { recursive: true });
      await writeFile(join(target, entry.rel), data.subarray(0, data.length / 2));
      await sleep(HALF_MS);
      if (killed) break;
      await appendFile(join(target, entry.rel), data.subarray(data.length / 2));
    }
    sim.ended = true;
    return killed ? ok(null, { aborted: true, failure: 'robocopy was stopped' }) : ok(exitCode);
  };
  return sim;
}

function copyWith(run: CommandRunner, options: CopyOptions) {
  return windowsMachine({ run, env: { ProgramData: join(root, 'ProgramData') } }).files.copyTree(from, to, options);
}

function expectMonotonic(events: CopyProgress[]) {
  for (const [i, e] of events.entries()) {
    expect(e.totalFiles).toBe(FILES);
    expect(e.totalBytes).toBe(FILES * FILE_BYTES);
    expect(e.files).toBeLessThanOrEqual(e.totalFiles);
    expect(e.bytes).toBeLessThanOrEqual(e.totalBytes);
    if (i > 0) {
      expect(e.files).toBeGreaterThanOrEqual(events[i - 1]!.files);
      expect(e.bytes).toBeGreaterThanOrEqual(events[i - 1]!.bytes);
    }
  }
}

describe('robocopy with progress', () => {
  it('reports bytes and files of the totals while it runs, reaches them, and hands the verifier every file after', async () => {
    const sim = simulatedRobocopy(1);
    const events: (CopyProgress & { during: boolean })[] = [];
    const copied: { rel: string; during: boolean }[] = [];
    const after: [number, number][] = [];
    const files = await copyWith(sim.run, {
      onProgress: (p) => events.push({ ...p, during: !sim.ended }),
      onFileCopied: (rel) => copied.push({ rel, during: !sim.ended }),
      afterFile: (done, total) => void after.push([done, total]),
    });
    const during = events.filter((e) => e.during);
    // 8 files x 250 ms: about four polls while it runs, each mid-copy.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.some((e) => e.bytes > 0 && e.bytes < FILES * FILE_BYTES)).toBe(true);
    // A half-written file counts its bytes so far, not as a file copied.
    expect(during.some((e) => e.bytes > e.files * FILE_BYTES)).toBe(true);
    expect(during.every((e) => e.current === '' || existsSync(join(to, e.current)))).toBe(true);
    expectMonotonic(events);
    expect(events.at(-1)).toMatchObject({ files: FILES, bytes: FILES * FILE_BYTES });
    const listed = (await listTree(from)).filter((e) => e.kind === 'file').map((e) => ({ path: e.rel, size: e.size }));
    expect(files).toEqual(listed);
    for (const f of files) expect(readFileSync(join(to, f.path)).equals(readFileSync(join(from, f.path)))).toBe(true);
    // The verifier starts once robocopy is done (a file may be written to until then); afterFile counts up to the total.
    expect(copied).toEqual(listed.map((f) => ({ rel: f.path, during: false })));
    expect(after).toEqual(listed.map((_, i) => [i + 1, FILES]));
    expect(sim.calls).toEqual([{ command: 'robocopy', args: expect.arrayContaining([from, to, '/E', '/COPYALL']), signal: false }]);
  });

  it('fails on exit 8 (some files not copied), reporting what landed and handing the verifier nothing', async () => {
    const sim = simulatedRobocopy(8, 4);
    const events: CopyProgress[] = [];
    const copied: string[] = [];
    await expect(copyWith(sim.run, { onProgress: (p) => events.push(p), onFileCopied: (rel) => copied.push(rel) })).rejects.toThrow(
      'robocopy could not copy the cache (exit 8: some files or folders could not be copied)',
    );
    expect(events.length).toBeGreaterThanOrEqual(1);
    expectMonotonic(events);
    expect(events.at(-1)!.files).toBeLessThanOrEqual(4);
    expect(copied).toEqual([]);
  });

  it('kills robocopy when Stop is pressed halfway, and fails as stopped', async () => {
    const sim = simulatedRobocopy(1);
    const stop = new AbortController();
    const events: CopyProgress[] = [];
    const copied: string[] = [];
    await expect(
      copyWith(sim.run, {
        signal: stop.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.files >= 2) stop.abort();
        },
        onFileCopied: (rel) => copied.push(rel),
      }),
    ).rejects.toThrow('the move was stopped during the copy');
    expect(sim.calls[0]?.signal).toBe(true);
    expect(sim.kills).toBe(1);
    expect(sim.ended).toBe(true);
    expectMonotonic(events);
    expect(events.at(-1)!.files).toBeLessThan(FILES);
    expect(copied).toEqual([]);
  });

  it('does not start robocopy once stopped', async () => {
    const sim = simulatedRobocopy(1);
    const stop = new AbortController();
    stop.abort();
    await expect(copyWith(sim.run, { signal: stop.signal })).rejects.toThrow('the move was stopped during the copy');
    expect(sim.calls).toEqual([]);
  });
});

/** A real process standing in for robocopy: writes its pid beside the target, then copies as the injected one does. */
const CHILD_ROBOCOPY = `
const fs = require('fs'), path = require('path');
const [from, to] = process.argv.slice(1);
fs.writeFileSync(to + '.pid', String(process.pid));
const files = fs.readdirSync(from, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  .map((e) => path.relative(from, path.join(e.parentPath ?? e.path, e.name))).sort();
let i = 0;
const next = () => {
  if (i === files.length) process.exit(1);
  const rel = files[i++], data = fs.readFileSync(path.join(from, rel)), out = path.join(to, rel);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, data.subarray(0, data.length / 2));
  setTimeout(() => { fs.appendFileSync(out, data.subarray(data.length / 2)); next(); }, ${HALF_MS});
};
next();
`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('robocopy as a real child process', () => {
  const childRun: CommandRunner = (command, args, options) => {
    expect(command).toBe('robocopy');
    return runCommand(process.execPath, ['-e', CHILD_ROBOCOPY, ...args], options);
  };
  const landed = () => (existsSync(to) ? readdirSync(to, { recursive: true }).length : 0);

  it('runs to its end (exit 1) with progress from the tree it writes', async () => {
    const events: CopyProgress[] = [];
    const files = await copyWith(childRun, { onProgress: (p) => events.push(p) });
    expect(files).toHaveLength(FILES);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expectMonotonic(events);
    expect(events.at(-1)).toMatchObject({ files: FILES, bytes: FILES * FILE_BYTES });
  });

  it('is killed on Stop: the process is gone and writes nothing more', async () => {
    const stop = new AbortController();
    const events: CopyProgress[] = [];
    await expect(
      copyWith(childRun, {
        signal: stop.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.files >= 2) stop.abort();
        },
      }),
    ).rejects.toThrow('the move was stopped during the copy');
    const pid = Number(readFileSync(`${to}.pid`, 'utf8'));
    for (let waited = 0; alive(pid) && waited < 3000; waited += 50) await sleep(50);
    expect(alive(pid)).toBe(false);
    const count = landed();
    await sleep(2 * HALF_MS);
    expect(landed()).toBe(count);
    expectMonotonic(events);
    expect(events.at(-1)!.files).toBeLessThan(FILES);
  });
});

describe('runCommand with a signal', () => {
  const script = (code: string) => [process.execPath, ['-e', code]] as const;

  it('kills the command when the signal aborts, and says it was stopped', async () => {
    const stop = new AbortController();
    const started = Date.now();
    setTimeout(() => stop.abort(), 100);
    const [command, args] = script('setTimeout(() => {}, 30000)');
    const result = await runCommand(command, args, { timeoutMs: 60_000, signal: stop.signal });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ exitCode: null, aborted: true, timedOut: false, missing: false, failure: `${command} was stopped` });
  });

  it('starts nothing for a signal already aborted', async () => {
    const stop = new AbortController();
    stop.abort();
    const marker = join(root, 'ran');
    const [command, args] = script(`require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`);
    const result = await runCommand(command, args, { timeoutMs: 10_000, signal: stop.signal });
    expect(result).toMatchObject({ exitCode: null, aborted: true });
    await sleep(300);
    expect(existsSync(marker)).toBe(false);
  });

  it('leaves the rest as it was: exit codes, timeouts, a signal that never aborts', async () => {
    const [command, args] = script('process.exit(3)');
    const exited = await runCommand(command, args, { timeoutMs: 10_000, signal: new AbortController().signal });
    expect(exited).toEqual({
      exitCode: 3,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      timedOut: false,
      missing: false,
      failure: null,
    });
    const [slow, slowArgs] = script('setTimeout(() => {}, 30000)');
    const timedOut = await runCommand(slow, slowArgs, { timeoutMs: 200, signal: new AbortController().signal });
    expect(timedOut).toMatchObject({ exitCode: null, timedOut: true, failure: `${slow} did not answer within 200 ms` });
    expect(timedOut.aborted).toBeUndefined();
  });
});
