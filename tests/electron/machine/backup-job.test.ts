// Whether a backup runs, from the CloudBackup event log as wevtutil prints it: recorded outputs byte for
// byte (UTF-8 and UTF-16LE, with and without a byte-order mark, messages rendered in German and Japanese),
// and wevtutil's exit codes for a missing log, a closed one, a hang and no wevtutil at all.
import { describe, expect, it } from 'vitest';
import {
  backupJobFromEventLog,
  CLOUDBACKUP_CHANNELS,
  newestJobEvent,
  wevtutilArgs,
  wevtutilDescribeArgs,
} from '../../../electron/machine/windows/backup-job.js';
import { runCommand } from '../../../electron/probes/command-runner.js';
import { fixture, recordedRunner, type Recording } from '../../helpers/recorded.js';

const [FIRST, SECOND] = CLOUDBACKUP_CHANNELS;
const query = (channel: string) => ['wevtutil.exe', ...wevtutilArgs(channel)].join(' ');
const describeLog = (channel: string) => ['wevtutil.exe', ...wevtutilDescribeArgs(channel)].join(' ');
const NOT_FOUND: Recording = { exitCode: 15007, stderr: fixture('wevtutil-channel-not-found.stderr.txt') };
const EMPTY: Recording = { stdout: Buffer.alloc(0) };
/** Shortly after the recorded start (2026-12-01T20:11:05.1234567Z). */
const SOON = () => new Date('2026-12-01T21:00:00Z');

/** The two logs' answers: what the query printed and, where it found nothing, what describing the log printed. */
function logs(first: Recording, second: Recording, described: Record<string, Recording> = {}, calls: string[][] = []) {
  return recordedRunner(
    {
      [query(FIRST)]: first,
      [query(SECOND)]: second,
      [describeLog(FIRST)]: { stdout: fixture('wevtutil-gl-cloudbackup.xml') },
      [describeLog(SECOND)]: { stdout: fixture('wevtutil-gl-cloudbackup-operational.xml') },
      ...described,
    },
    calls,
  );
}

describe('the query', () => {
  it('hands wevtutil the XPath as one argument, spaces, brackets and all', () => {
    expect(wevtutilArgs('CloudBackup/Operational')).toEqual([
      'qe',
      'CloudBackup/Operational',
      '/q:*[System[(EventID=1 or EventID=3 or EventID=10 or EventID=11 or EventID=18)]]',
      '/c:1',
      '/rd:true',
      '/f:xml',
    ]);
  });

  it('reaches the program whole through the command runner: no shell splits, globs or reads the parentheses', async () => {
    // A stand-in for wevtutil that prints the arguments it was given.
    const result = await runCommand(
      process.execPath,
      ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...wevtutilArgs(SECOND)],
      {
        timeoutMs: 10_000,
      },
    );
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout.toString())).toEqual(wevtutilArgs(SECOND));
  });

  it('asks both logs, and describes a log only when its query found nothing', async () => {
    const calls: string[][] = [];
    await backupJobFromEventLog(logs(NOT_FOUND, { stdout: fixture('wevtutil-qe-started.xml') }, {}, calls), SOON);
    expect(calls).toEqual([
      ['wevtutil.exe', ...wevtutilArgs('CloudBackup')],
      ['wevtutil.exe', ...wevtutilArgs('CloudBackup/Operational')],
    ]);
  });
});

describe('reading the newest job event', () => {
  it('a start with no end after it is a job running since its SystemTime', async () => {
    expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: fixture('wevtutil-qe-started.xml') }), SOON)).toEqual({
      running: true,
      since: '2026-12-01T20:11:05.123Z',
    });
  });

  it.each(['wevtutil-qe-started-utf16-bom.xml', 'wevtutil-qe-started-utf16.xml'])(
    'reads the start written as UTF-16LE (%s)',
    async (name) => {
      expect(fixture(name).subarray(0, 4).toString('hex')).toMatch(name.includes('bom') ? /^fffe3c00/ : /^3c004500/);
      expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: fixture(name) }), SOON)).toEqual({
        running: true,
        since: '2026-12-01T20:11:05.123Z',
      });
    },
  );

  it("an end (<EventID Qualifiers='0'>3</EventID>) is no job running", async () => {
    expect(fixture('wevtutil-qe-completed-qualifiers.xml').toString()).toContain("<EventID Qualifiers='0'>3</EventID>");
    expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: fixture('wevtutil-qe-completed-qualifiers.xml') }), SOON)).toEqual({
      running: false,
    });
  });

  it("takes the event's id and time from its <System>, not an <EventID> or a TimeCreated in its EventData", async () => {
    const xml = fixture('wevtutil-qe-started-eventid-in-data.xml');
    expect(xml.toString()).toMatch(/<EventData>.*<EventID>3<\/EventID>/);
    expect(newestJobEvent(xml.toString())).toEqual({ id: 1, time: '2026-12-01T20:11:05.1234567Z' });
    expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: xml }), SOON)).toEqual({
      running: true,
      since: '2026-12-01T20:11:05.123Z',
    });
    // Not from where an element happens to come first either.
    const dataFirst =
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><EventData><EventID>3</EventID></EventData><System><EventID>1</EventID><TimeCreated SystemTime='2026-12-01T20:11:05.0000000Z'/></System></Event>";
    expect(newestJobEvent(dataFirst)).toEqual({ id: 1, time: '2026-12-01T20:11:05.0000000Z' });
  });

  it('an event without a <System> or an id is no event; a start without a time cannot be dated', async () => {
    expect(newestJobEvent("<Event xmlns='x'><EventData><EventID>1</EventID></EventData></Event>")).toBeNull();
    const undated = "<Event xmlns='x'><System><EventID>1</EventID></System></Event>\r\n";
    expect(newestJobEvent(undated)).toEqual({ id: 1, time: null });
    expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: undated }), SOON)).toEqual({
      running: null,
      why: 'the newest backup start in the CloudBackup event log has no readable time',
    });
    const idless = "<Event xmlns='x'><System><EventID>one</EventID></System></Event>\r\n";
    expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: idless }), SOON)).toEqual({
      running: null,
      why: 'wevtutil printed events of the CloudBackup/Operational log without a readable event id',
    });
  });

  it('goes by the ids alone: a German message speaking of an end, a Japanese one of a start, change nothing', async () => {
    const de = fixture('wevtutil-qe-started-rendered-de.xml');
    const ja = fixture('wevtutil-qe-completed-rendered-ja.xml');
    expect(de.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(de.toString('utf8')).toContain('Die Sicherung wurde abgeschlossen');
    expect(ja.subarray(2).toString('utf16le')).toContain('バックアップを開始しました');
    expect(await backupJobFromEventLog(logs({ stdout: de }, NOT_FOUND), SOON)).toEqual({
      running: true,
      since: '2026-12-01T20:11:05.123Z',
    });
    expect(await backupJobFromEventLog(logs({ stdout: ja }, NOT_FOUND), SOON)).toEqual({ running: false });
  });

  it('with events in both logs, the newest decides', async () => {
    const start = { stdout: fixture('wevtutil-qe-started-rendered-de.xml') }; // 20:11 in CloudBackup
    const end = { stdout: fixture('wevtutil-qe-completed-qualifiers.xml') }; // 21:42 in CloudBackup/Operational
    expect(await backupJobFromEventLog(logs(start, end), SOON)).toEqual({ running: false });
    const laterStart = {
      stdout: Buffer.from(fixture('wevtutil-qe-started.xml').toString().replace('2026-12-01T20:11:05', '2026-12-01T22:30:00')),
    };
    expect(await backupJobFromEventLog(logs(laterStart, end), () => new Date('2026-12-01T23:00:00Z'))).toEqual({
      running: true,
      since: '2026-12-01T22:30:00.123Z',
    });
  });

  it('a start over a day old with no end is not taken for a running job: it is unknown, and says so', async () => {
    const result = await backupJobFromEventLog(
      logs(NOT_FOUND, { stdout: fixture('wevtutil-qe-started.xml') }),
      () => new Date('2026-12-03T09:00:00Z'),
    );
    expect(result).toEqual({
      running: null,
      why: 'a backup started 2026-12-01T20:11:05.123Z, over a day ago, and the CloudBackup event log shows no end to it',
    });
    // 23 hours after it: still a job running.
    expect(
      await backupJobFromEventLog(logs(NOT_FOUND, { stdout: fixture('wevtutil-qe-started.xml') }), () => new Date('2026-12-02T19:11:00Z')),
    ).toMatchObject({
      running: true,
    });
  });
});

describe('logs that are empty, missing or closed', () => {
  it('an empty log (no events, exit 0) that wevtutil can describe: no job', async () => {
    const calls: string[][] = [];
    expect(await backupJobFromEventLog(logs(EMPTY, NOT_FOUND, {}, calls), SOON)).toEqual({ running: false });
    expect(calls.map((c) => c.slice(0, 2).join(' '))).toEqual(['wevtutil.exe qe', 'wevtutil.exe gl', 'wevtutil.exe qe']);
  });

  it("a wevtutil that prints nothing for the query nor the description (as Wine's stub does) cannot tell", async () => {
    expect(await backupJobFromEventLog(logs(EMPTY, NOT_FOUND, { [describeLog(FIRST)]: EMPTY }), SOON)).toEqual({
      running: null,
      why: 'wevtutil.exe answered nothing for the CloudBackup event log and could not describe it (exit 0, printing nothing), so an empty log cannot be told from a tool that does not read logs',
    });
    // A description of some other log is no description of this one.
    const other = { stdout: fixture('wevtutil-gl-cloudbackup-operational.xml') };
    expect(await backupJobFromEventLog(logs(EMPTY, NOT_FOUND, { [describeLog(FIRST)]: other }), SOON)).toMatchObject({ running: null });
  });

  it('a missing first log (exit 15007) and a start in the second: a job running', async () => {
    expect(await backupJobFromEventLog(logs(NOT_FOUND, { stdout: fixture('wevtutil-qe-started-utf16-bom.xml') }), SOON)).toEqual({
      running: true,
      since: '2026-12-01T20:11:05.123Z',
    });
  });

  it('neither log there (15007 twice): the agent has never logged, so no job of its runs', async () => {
    expect(await backupJobFromEventLog(logs(NOT_FOUND, NOT_FOUND), SOON)).toEqual({ running: false });
  });

  it('access denied (exit 5, German words): unknown, and the reason says to run as an administrator', async () => {
    const denied = { exitCode: 5, stderr: fixture('wevtutil-access-denied-de.stderr.txt') };
    expect(await backupJobFromEventLog(logs(NOT_FOUND, denied), SOON)).toEqual({
      running: null,
      why: 'the CloudBackup/Operational event log is closed to this account: run the wizard as an administrator',
    });
    // A closed log may hold a running job's start, even when the other says the last job ended.
    expect(await backupJobFromEventLog(logs({ stdout: fixture('wevtutil-qe-completed-rendered-ja.xml') }, denied), SOON)).toMatchObject({
      running: null,
    });
  });

  it('any other exit code: unknown, with the code', async () => {
    expect(await backupJobFromEventLog(logs({ exitCode: 87 }, NOT_FOUND), SOON)).toEqual({
      running: null,
      why: 'the CloudBackup event log could not be read (wevtutil exited with 87)',
    });
  });

  it('wevtutil hanging: unknown, saying it did not answer', async () => {
    expect(await backupJobFromEventLog(logs({ timedOut: true }, NOT_FOUND), SOON)).toEqual({
      running: null,
      why: 'the CloudBackup event log could not be read (wevtutil.exe did not answer within 5 s)',
    });
  });

  it('no wevtutil.exe: unknown, saying so', async () => {
    expect(await backupJobFromEventLog(recordedRunner({}), SOON)).toEqual({
      running: null,
      why: 'wevtutil.exe, which reads the event log, is not on this machine',
    });
  });

  it('waits for wevtutil no longer than 15 s a call', async () => {
    const waits: number[] = [];
    const run = logs(NOT_FOUND, EMPTY);
    await backupJobFromEventLog((c, a, o) => (waits.push(o.timeoutMs), run(c, a, o)), SOON);
    expect(waits).toEqual([15_000, 15_000, 15_000]);
  });
});
