// The history section (contract v2): the CloudBackup log's events in the window, read through wevtutil as
// Windows prints it, and the error codes of the agent's own logs (CBEngineCurr.errlog's FATAL lines in the
// window, the LastBackupFailedFiles lists written in it), from files as the agent writes them (UTF-16 with
// a mark, CRLF). Then the failed-backup sandbox end to end, through collect and the doctor.
import { cpSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentEventsFromLog } from '../../../electron/machine/windows/backup-job.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import { agentLogCodes, codesInLine, errlogCodes, errlogDay, tally } from '../../../electron/probes/history/agent-logs.js';
import { outputText as logText } from '../../../electron/probes/command-runner.js';
import { HISTORY_EVENT_IDS, historyEvents, probeHistory } from '../../../electron/probes/history/probe-history.js';
import { ProbeNotes } from '../../../electron/probes/notes.js';
import { CLOUDBACKUP_CHANNELS, eventQueryArgs, wevtutilDescribeArgs } from '../../../electron/probes/windows/cloudbackup-log.js';
import { buildReport } from '../../../shared/report/build.js';
import { diagnose } from '../../../shared/report/diagnosis.js';
import { validateProfile } from '../../../shared/profile/validate.js';
import { fixture, recordedRunner, type Recording } from '../../helpers/recorded.js';

const CAPTURED = new Date('2026-12-01T07:45:00Z');
const WINDOW = { capturedAt: CAPTURED, windowDays: 14 };
const dir = mkdtempSync(join(tmpdir(), 'mars-history-'));
const FAILED_SANDBOX = fileURLToPath(new URL('../../../samples/sandboxes/last-backup-failed/', import.meta.url));

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const errlogLine = (date: string, severity: string, message: string) =>
  ['1F3C', '0A1C', date, '02:40:58.442', '05', 'scratchmanager.cpp(233)', '9E1B7D3F', severity, message].join('\t');

function tempFolder(files: Record<string, string | Buffer>, name = `t${Math.random().toString(36).slice(2)}`): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(folder, file), content);
  return folder;
}

describe('codes in a line', () => {
  it("takes the table's codes (any case, 0x compared as numbers) and HRESULT failures, nothing else", () => {
    expect(codesInLine('Write failed hr=0x80070070 (SalLowDiskSpace), see E:\\Shares\\x.docx')).toEqual(['0x80070070', 'SalLowDiskSpace']);
    expect(codesInLine('activation 0x0001FC07 and sallowdiskspace')).toEqual(['0x0001FC07', 'sallowdiskspace']);
    // Not failures: a success HRESULT, a short hex number, a word that is no code of the table.
    expect(codesInLine('hr=0x00000000 id 0x1234 Ledger2026 FATAL')).toEqual([]);
    // Glued to other letters, a code is part of another word.
    expect(codesInLine('xSalLowDiskSpace 0x80070005y')).toEqual([]);
  });

  it('never throws and only returns tokens the schema allows as codes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (line) => {
        for (const code of codesInLine(line)) expect(code).toMatch(/^(0x[0-9A-Fa-f]{5,8}|[A-Za-z][A-Za-z0-9]{2,79})$/);
      }),
    );
  });

  it('counts each spelling of one code together, under its first spelling', () => {
    expect(tally(['0x0001FC07', '0x1fc07', 'SalLowDiskSpace', 'SALLOWDISKSPACE'], 'errlog')).toEqual([
      { code: '0x0001FC07', source: 'errlog', count: 2 },
      { code: 'SalLowDiskSpace', source: 'errlog', count: 2 },
    ]);
  });
});

describe("the error log's dates (MM/dd, no year)", () => {
  it('takes the year of capturedAt, or the year before when the day would lie after it', () => {
    expect(new Date(errlogDay('12/01', CAPTURED)!).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(errlogDay('12/31', new Date('2027-01-03T10:00:00Z'))!).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(new Date(errlogDay('02/29', new Date('2028-03-01T00:00:00Z'))!).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
  it('refuses what is not a calendar day', () => {
    for (const field of ['13/01', '02/30', '1/5', '12-01', '', 'FATAL']) expect(errlogDay(field, CAPTURED)).toBeNull();
  });
  it('keeps FATAL lines dated in the window only', () => {
    const text = [
      errlogLine('12/01', 'FATAL', 'SalLowDiskSpace hr=0x80070070'),
      errlogLine('12/01', 'WARNING', 'retry after 0x80070002'),
      errlogLine('11/17', 'FATAL', 'on the first day of the window 0x80070005'),
      errlogLine('11/16', 'FATAL', 'a day too old 0x8007045D'),
      errlogLine('12/02', 'FATAL', 'after capturedAt: last year, so out 0x80070020'),
      'FATAL\twithout a date 0x80070021',
    ].join('\r\n');
    expect(errlogCodes(text, WINDOW)).toEqual(['SalLowDiskSpace', '0x80070070', '0x80070005']);
  });
});

describe("the agent's Temp folder", () => {
  it('reads the UTF-16 error log and the failed-files lists written in the window', async () => {
    const folder = tempFolder({
      'CBEngineCurr.errlog': utf16(`${errlogLine('12/01', 'FATAL', 'SalLowDiskSpace hr=0x80070070')}\r\n`),
      'LastBackupFailedFiles9E1B.txt': 'E:\\Shares\\Ledger.xlsx\t0x80070002\r\nE:\\Shares\\Q4.xlsx\t0x80070002\r\n',
      'LastBackupFailedFilesOLD.txt': 'E:\\Shares\\old.xlsx\t0x80070005\r\n',
      'unrelated.txt': '0x80070005',
    });
    // Last night's list was written within the window, the old one before the window began; a list written
    // after capturedAt (a clock put back, a copy) is not of this window either.
    const at = (ms: number) => ms / 1000;
    utimesSync(
      join(folder, 'LastBackupFailedFiles9E1B.txt'),
      at(CAPTURED.getTime() - 5 * 3_600_000),
      at(CAPTURED.getTime() - 5 * 3_600_000),
    );
    const old = at(CAPTURED.getTime() - 20 * 86_400_000);
    utimesSync(join(folder, 'LastBackupFailedFilesOLD.txt'), old, old);
    writeFileSync(join(folder, 'LastBackupFailedFilesLATER.txt'), 'E:\\Shares\\later.xlsx\t0x80070005\r\n');
    utimesSync(join(folder, 'LastBackupFailedFilesLATER.txt'), at(CAPTURED.getTime() + 86_400_000), at(CAPTURED.getTime() + 86_400_000));
    const notes = new ProbeNotes();
    expect(await agentLogCodes(folder, WINDOW, notes)).toEqual([
      { code: 'SalLowDiskSpace', source: 'errlog', count: 1 },
      { code: '0x80070070', source: 'errlog', count: 1 },
      { code: '0x80070002', source: 'failed-files', count: 2 },
    ]);
    expect(notes.list).toEqual([]);
  });

  it('gives [] when the files are not there, or hold no code', async () => {
    expect(await agentLogCodes(join(dir, 'no-such-folder'), WINDOW, new ProbeNotes())).toEqual([]);
    expect(
      await agentLogCodes(tempFolder({ 'CBEngineCurr.errlog': 'nothing\tat\t12/01\tFATAL\tall\r\n' }), WINDOW, new ProbeNotes()),
    ).toEqual([]);
  });

  it('gives null with a note when the error log is not a file (a folder in its place, as a denied read looks to root)', async () => {
    const folder = tempFolder({});
    mkdirSync(join(folder, 'CBEngineCurr.errlog'));
    const notes = new ProbeNotes();
    expect(await agentLogCodes(folder, WINDOW, notes)).toBeNull();
    expect(notes.list[0]!.reason).toMatch(/CBEngineCurr\.errlog exists but could not be read/);
  });

  it('reads UTF-16 without a mark and UTF-8 with one', () => {
    expect(logText(Buffer.from('a\tFATAL', 'utf16le'))).toBe('a\tFATAL');
    expect(logText(Buffer.from('\uFEFFa\tFATAL', 'utf8'))).toBe('a\tFATAL');
  });
});

describe('the events of the window', () => {
  it('keeps the ids history needs with a time in the window, oldest first, each once', () => {
    const { kept, undated } = historyEvents(
      [
        { id: 11, time: '2026-12-01T02:41:17.5532109Z' },
        { id: 11, time: '2026-12-01T02:41:17.5532109Z' },
        { id: 1, time: '2026-12-01T02:00:03.1187462Z' },
        { id: 3, time: '2026-11-01T02:00:00Z' },
        { id: 2, time: '2026-11-30T02:00:00Z' },
        { id: 10, time: null },
      ],
      WINDOW,
    );
    // Times as Windows wrote them, to the tenth of a microsecond.
    expect(kept).toEqual([
      { id: 1, time: '2026-12-01T02:00:03.1187462Z' },
      { id: 11, time: '2026-12-01T02:41:17.5532109Z' },
    ]);
    expect(undated).toBe(1);
  });

  it('asks wevtutil for those ids within the window, as one argument each', () => {
    const args = eventQueryArgs('CloudBackup', { ids: HISTORY_EVENT_IDS, count: 5000, withinMs: 14 * 86_400_000 });
    expect(args).toEqual([
      'qe',
      'CloudBackup',
      '/q:*[System[(EventID=1 or EventID=3 or EventID=10 or EventID=11 or EventID=14 or EventID=16 or EventID=18) and TimeCreated[timediff(@SystemTime) <= 1209600000]]]',
      '/c:5000',
      '/rd:true',
      '/f:xml',
    ]);
  });

  const [FIRST, SECOND] = CLOUDBACKUP_CHANNELS;
  const query = (channel: string) => `wevtutil.exe qe ${channel}`;
  const describeLog = (channel: string) => ['wevtutil.exe', ...wevtutilDescribeArgs(channel)].join(' ');
  const NOT_FOUND: Recording = { exitCode: 15007, stderr: fixture('wevtutil-channel-not-found.stderr.txt') };
  const read = (recordings: Record<string, Recording>) =>
    agentEventsFromLog(recordedRunner(recordings), HISTORY_EVENT_IDS, WINDOW, () => CAPTURED);

  it('reads UTF-16 event XML as wevtutil writes it to a file or pipe', async () => {
    const result = await read({ [query(FIRST)]: NOT_FOUND, [query(SECOND)]: { stdout: fixture('wevtutil-qe-started-utf16.xml') } });
    expect(result).toEqual({ events: [{ id: 1, time: '2026-12-01T20:11:05.1234567Z' }] });
  });

  it('is [] when neither log exists, and when a log that exists holds none', async () => {
    expect(await read({ [query(FIRST)]: NOT_FOUND, [query(SECOND)]: NOT_FOUND })).toEqual({ events: [] });
    expect(
      await read({
        [query(FIRST)]: { stdout: Buffer.alloc(0) },
        [describeLog(FIRST)]: { stdout: fixture('wevtutil-gl-cloudbackup.xml') },
        [query(SECOND)]: NOT_FOUND,
      }),
    ).toEqual({ events: [] });
  });

  it('cannot tell (why, never []) when the log is closed to this account, localised words and all', async () => {
    const result = await read({ [query(FIRST)]: { exitCode: 5, stderr: fixture('wevtutil-access-denied-de.stderr.txt') } });
    expect(result).toEqual({ why: 'the CloudBackup event log is closed to this account: run the wizard as an administrator' });
  });

  it("cannot tell when wevtutil answers nothing and cannot describe the log (Wine's stub)", async () => {
    const result = await read({ [query(FIRST)]: { stdout: Buffer.alloc(0) }, [describeLog(FIRST)]: { stdout: Buffer.alloc(0) } });
    expect('why' in result && result.why).toMatch(/cannot be told from a tool that does not read logs/);
  });

  it('makes events null with a note, and still reads the files, when the log cannot be read', async () => {
    const notes = new ProbeNotes();
    const folder = tempFolder({ 'CBEngineCurr.errlog': utf16(`${errlogLine('12/01', 'FATAL', 'SalLowDiskSpace')}\r\n`) });
    const facts = await probeHistory({ agentEvents: async () => ({ why: 'closed' }), tempFolder: folder }, WINDOW, notes);
    expect(facts).toEqual({ windowDays: 14, events: null, errorCodes: [{ code: 'SalLowDiskSpace', source: 'errlog', count: 1 }] });
    expect(notes.list).toEqual([{ field: '/history/events', reason: 'closed' }]);
  });

  it('makes errorCodes null when the install path is not known', async () => {
    const notes = new ProbeNotes();
    const facts = await probeHistory({ agentEvents: async () => ({ events: [] }), tempFolder: null }, WINDOW, notes);
    expect(facts).toEqual({ windowDays: 14, events: [], errorCodes: null });
    expect(notes.list[0]!.field).toBe('/history/errorCodes');
  });
});

describe('the failed-backup sandbox', () => {
  const copy = () => {
    const target = mkdtempSync(join(tmpdir(), 'mars-failed-'));
    cpSync(FAILED_SANDBOX, target, { recursive: true });
    return target;
  };

  it('collects a valid version-2 profile with last night’s failure, its codes and the window asked for', async () => {
    const machine = await openSandboxMachine(copy());
    const { profile } = await collectProfile({ machine, offline: true, historyDays: 3 });
    expect(validateProfile(profile).ok).toBe(true);
    expect(profile.capturedAt).toBe('2026-12-01T07:45:00Z');
    expect(profile.history!.windowDays).toBe(3);
    // Three days back from 1 Dec 07:45 is 28 Nov 07:45: the jobs of 29 Nov, 30 Nov and 1 Dec, not 28 Nov's at 02:00.
    expect(profile.history!.events!.map((e) => e.id)).toEqual([1, 3, 1, 10, 1, 11]);
    expect(profile.history!.errorCodes).toEqual([
      { code: 'SalLowDiskSpace', source: 'errlog', count: 2 },
      { code: '0x80070070', source: 'errlog', count: 2 },
      { code: '0x80070002', source: 'failed-files', count: 2 },
    ]);
    expect(profile.clock).toEqual({ skewSeconds: 2, referenceHost: 'login.microsoftonline.com' });
  });

  it('puts the cause at the top: the full cache disk, pointing at free space and the move', async () => {
    const machine = await openSandboxMachine(copy());
    const { profile } = await collectProfile({ machine, offline: true });
    const report = buildReport(profile, { edition: 'current', toolVersion: 'test', now: CAPTURED });
    const diagnosis = diagnose(report)!;
    expect(diagnosis.outcome).toBe('failed');
    expect(diagnosis.at).toBe('2026-12-01T02:41:17.5532109Z');
    expect(diagnosis.cause).toMatch(/cache folder is too full/);
    expect(diagnosis.codes[0]).toMatchObject({ code: 'SalLowDiskSpace', stillThere: true });
    expect(diagnosis.codes[0]!.checks).toEqual([
      expect.objectContaining({ check: 'cache.free-space', status: 'fail', action: 'relocate-cache' }),
    ]);
  });

  it('has no history when its event log file is gone and the agent has no logs: events [], codes []', async () => {
    const target = copy();
    const { rmSync } = await import('node:fs');
    rmSync(join(target, 'eventlog'), { recursive: true });
    rmSync(join(target, 'drives/C/Program Files/Microsoft Azure Recovery Services Agent/Temp'), { recursive: true });
    const { profile } = await collectProfile({ machine: await openSandboxMachine(target), offline: true });
    expect(profile.history).toEqual({ windowDays: 14, events: [], errorCodes: [] });
  });
});

describe('the sandbox event log attacked', () => {
  const copy = () => {
    const target = mkdtempSync(join(tmpdir(), 'mars-failed-'));
    cpSync(FAILED_SANDBOX, target, { recursive: true });
    return target;
  };
  const LOG = 'eventlog/CloudBackup.xml';
  const eventsOf = async (dir: string) => {
    const notes = new ProbeNotes();
    const machine = await openSandboxMachine(dir);
    return { read: await machine.agentEvents(HISTORY_EVENT_IDS, WINDOW), notes };
  };

  it.runIf(process.platform === 'linux')('is unreadable, at once, when the log is a named pipe or a device (never a hang)', async () => {
    const { rmSync, symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    for (const make of [(path: string) => execFileSync('mkfifo', [path]), (path: string) => symlinkSync('/dev/zero', path)]) {
      const dir = copy();
      rmSync(join(dir, LOG));
      make(join(dir, LOG));
      const started = Date.now();
      const { read } = await eventsOf(dir);
      expect(Date.now() - started).toBeLessThan(2000);
      expect('why' in read && read.why).toMatch(/could not be read \(it is not a regular file/);
    }
  });

  it('cannot tell, rather than saying "no backup", when the log holds bytes but no event', async () => {
    for (const junk of [Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42]), Buffer.from('<Events>nothing</Events>')]) {
      const dir = copy();
      writeFileSync(join(dir, LOG), junk);
      const { read } = await eventsOf(dir);
      expect('why' in read).toBe(true);
    }
  });

  it('reads UTF-16 big-endian with its mark', async () => {
    const dir = copy();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, LOG), 'utf8');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    writeFileSync(join(dir, LOG), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const { read } = await eventsOf(dir);
    expect('events' in read && read.events.length).toBe(8);
  });

  it('makes events null when an event has no readable time: it could be the last job', async () => {
    const dir = copy();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, LOG), 'utf8').replace("SystemTime='2026-12-01T02:41:17.5532109Z'", "SystemTime='yesterday'");
    writeFileSync(join(dir, LOG), text);
    const { profile, notes } = await collectProfile({ machine: await openSandboxMachine(dir), offline: true });
    expect(profile.history!.events).toBeNull();
    expect(notes.find((n) => n.field === '/history/events')!.reason).toMatch(/1 event of the CloudBackup log had no readable time/);
  });

  it('refuses a machine.json whose now is no moment in time, naming the field', async () => {
    const { readFileSync } = await import('node:fs');
    for (const now of ['2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-12-01T23:59:60Z', '2026-12-32T00:00:00Z']) {
      const dir = copy();
      const machine = JSON.parse(readFileSync(join(dir, 'machine.json'), 'utf8'));
      writeFileSync(join(dir, 'machine.json'), JSON.stringify({ ...machine, now }));
      await expect(openSandboxMachine(dir)).rejects.toThrow(/\/now: ".*" is not a moment in time/);
    }
  });

  it('counts a failed-files list by the time machine.json gives it, whatever its copy says', async () => {
    const dir = copy();
    const list = join(dir, 'drives/C/Program Files/Microsoft Azure Recovery Services Agent/Temp/LastBackupFailedFiles9E1B.txt');
    // The copy's own time lies years after the sandbox's moment; the declared time decides.
    utimesSync(list, 2_000_000_000, 2_000_000_000);
    const { profile } = await collectProfile({ machine: await openSandboxMachine(dir), offline: true });
    expect(profile.history!.errorCodes).toContainEqual({ code: '0x80070002', source: 'failed-files', count: 2 });
  });
});
