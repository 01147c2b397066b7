// Runs under Wine with the Windows build of Node: parts of the Windows adapter that the main Wine tier
// (under-wine.mjs) does not reach. (1) The two probes the move asks before it starts - is a backup running
// (wevtutil and the CloudBackup event log), are System State disks mounted (PowerShell and CIM) - against
// Wine's own wevtutil.exe and powershell.exe, and what those tools answered, raw. (2) The robocopy copy's
// progress and Stop on win32: Wine's robocopy copies nothing, so a Windows Node child stands in for it and
// copies a half file at a time; Stop must kill it (TerminateProcess, under Wine). Writes everything to the
// file named by its first argument; windows-adapter-wine.test.ts asserts on it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const [resultFile, distUrl] = process.argv.slice(2);
const load = (path) => import(`${distUrl}/${path}`);
const out = { platform: process.platform };
const raw = (result) => ({
  exitCode: result.exitCode,
  stdoutBytes: result.stdout.length,
  stderrBytes: result.stderr.length,
  failure: result.failure,
});

const FILES = 6;
const FILE_BYTES = 32 * 1024;
/** robocopy's stand-in: writes its pid beside the target, then each file half first and the rest 250 ms later; exit 1. */
const CHILD_ROBOCOPY = `
const fs = require('fs'), path = require('path');
const [from, to] = process.argv.slice(1);
fs.writeFileSync(to + '.pid', String(process.pid));
const files = fs.readdirSync(from).sort();
let i = 0;
const next = () => {
  if (i === files.length) process.exit(1);
  const name = files[i++], data = fs.readFileSync(path.join(from, name)), target = path.join(to, name);
  fs.mkdirSync(to, { recursive: true });
  fs.writeFileSync(target, data.subarray(0, data.length / 2));
  setTimeout(() => { fs.appendFileSync(target, data.subarray(data.length / 2)); next(); }, 250);
};
next();
`;

try {
  const { runCommand } = await load('electron/probes/command-runner.js');
  const { backupJobFromEventLog, CLOUDBACKUP_CHANNELS, wevtutilArgs, wevtutilDescribeArgs } = await load(
    'electron/machine/windows/backup-job.js',
  );
  const { mountedSystemStateDisks, SYSTEM_STATE_DISKS_SCRIPT } = await load('electron/machine/windows/system-state-disks.js');
  const { powershellArgs } = await load('electron/probes/windows/powershell.js');
  const { windowsMachine } = await load('electron/machine/windows/windows-machine.js');

  out.backupJob = await backupJobFromEventLog(runCommand);
  out.systemStateDisks = await mountedSystemStateDisks(runCommand);
  out.wevtutil = {};
  for (const channel of [...CLOUDBACKUP_CHANNELS, 'System']) {
    out.wevtutil[channel] = {
      query: raw(await runCommand('wevtutil.exe', wevtutilArgs(channel), { timeoutMs: 15_000 })),
      describe: raw(await runCommand('wevtutil.exe', wevtutilDescribeArgs(channel), { timeoutMs: 15_000 })),
    };
  }
  out.powershell = raw(await runCommand('powershell.exe', powershellArgs(SYSTEM_STATE_DISKS_SCRIPT), { timeoutMs: 30_000 }));

  // The history section: the event-log query's failure path (Wine's stub wevtutil) and the agent's log
  // files read from a Windows path, UTF-16 as the engine writes them.
  const { agentEventsFromLog } = await load('electron/machine/windows/backup-job.js');
  const { probeHistory, HISTORY_EVENT_IDS } = await load('electron/probes/history/probe-history.js');
  const { ProbeNotes } = await load('electron/probes/notes.js');
  const capturedAt = new Date();
  const window = { capturedAt, windowDays: 14 };
  const temp = join(mkdtempSync(join(tmpdir(), 'mars-agent-')), 'Temp');
  mkdirSync(temp, { recursive: true });
  const day = `${String(capturedAt.getUTCMonth() + 1).padStart(2, '0')}/${String(capturedAt.getUTCDate()).padStart(2, '0')}`;
  const line = ['1F3C', '0A1C', day, '02:40:58.442', '05', 'scratchmanager.cpp(233)', '9E1B7D3F', 'FATAL', 'SalLowDiskSpace hr=0x80070070'];
  writeFileSync(
    join(temp, 'CBEngineCurr.errlog'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${line.join('\t')}\r\n`, 'utf16le')]),
  );
  writeFileSync(join(temp, 'LastBackupFailedFiles01.txt'), 'C:\\Data\\Ledger.xlsx\t0x80070002\r\n');
  const notes = new ProbeNotes();
  out.history = {
    temp,
    events: await agentEventsFromLog(runCommand, HISTORY_EVENT_IDS, window),
    facts: await probeHistory({ agentEvents: (ids, w) => agentEventsFromLog(runCommand, ids, w), tempFolder: temp }, window, notes),
    notes: notes.list,
  };

  // The copy, stopped once two files have landed.
  const root = mkdtempSync(join(tmpdir(), 'mars-robocopy-'));
  const from = join(root, 'Scratch');
  const to = join(root, 'MARS Cache');
  for (let i = 0; i < FILES; i++) {
    const path = join(from, `chunk ${i}.bin`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.alloc(FILE_BYTES, 65 + i));
  }
  const calls = [];
  const run = (command, args, options) => {
    calls.push({ command, args: [...args], signal: options.signal !== undefined });
    return runCommand(process.execPath, ['-e', CHILD_ROBOCOPY, ...args], options);
  };
  const machine = windowsMachine({ run, env: { ...process.env, ProgramData: join(root, 'ProgramData') } });
  const stop = new globalThis.AbortController();
  const events = [];
  const started = Date.now();
  const pidOf = () => (existsSync(`${to}.pid`) ? Number(readFileSync(`${to}.pid`, 'utf8')) : null);
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // That the check tells a live process, seen while it copies.
  let aliveDuring = null;
  let error = null;
  try {
    await machine.files.copyTree(from, to, {
      signal: stop.signal,
      onProgress: (p) => {
        events.push(p);
        aliveDuring ??= pidOf() === null ? null : alive(pidOf());
        if (p.files >= 2) stop.abort();
      },
    });
  } catch (e) {
    error = String(e?.message ?? e);
  }
  const pid = pidOf();
  for (let waited = 0; pid !== null && alive(pid) && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  const landed = () => (existsSync(to) ? readdirSync(to).length : 0);
  const landedAtStop = landed();
  await new Promise((r) => setTimeout(r, 750));
  out.robocopyStop = {
    calls: calls.map((c) => ({ command: c.command, first: c.args.slice(0, 2), signal: c.signal })),
    from,
    to,
    error,
    seconds: (Date.now() - started) / 1000,
    events,
    pid,
    aliveDuring,
    aliveAfter: pid === null ? null : alive(pid),
    landedAtStop,
    landedLater: landed(),
  };
} catch (error) {
  out.error = String(error?.stack ?? error);
}
writeFileSync(resultFile, JSON.stringify(out, null, 2));
