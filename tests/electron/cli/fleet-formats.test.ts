import * as attackFs from 'node:fs';
import { execFileSync as attackExec } from 'node:child_process';
import { tmpdir as attackTmp } from 'node:os';
import { join as attackJoin } from 'node:path';
import { appendCsvRow } from '../../../electron/cli/csv-append.js';
import { csvField, csvHeader as csvHeaderLine } from '../../../shared/report/fleet/csv.js';
// The formats fleet tools read, through the CLI (electron/cli/format.ts), run in process, and as the
// installed program (bin/) where a process is the point: what each consumer parses, on every sample; the
// exit statuses they act on; the options that go with one format only; the rules file of `fleet
// intune-rules`; and `--format csv --append` from many processes at once into one file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { CSV_HEADER } from '../../../shared/report/fleet/csv.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import type { IntuneRules } from '../../../shared/report/fleet/intune-compliance.js';
import { cliInProcess, cliProcess } from '../../helpers/cli.js';
import { parseCsv } from '../../helpers/csv.js';
import { sample, SAMPLES } from '../../helpers/profiles.js';

const samplePath = (name: string) => fileURLToPath(new URL(`${name}.json`, SAMPLES));
const NAMES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const SANDBOX = fileURLToPath(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url));
const tempDir = () => mkdtempSync(join(tmpdir(), 'mars-fleet-'));
const verdictOf = async (name: string) =>
  (JSON.parse((await cliInProcess(['check', '--profile', samplePath(name), '--json'])).stdout) as { verdict: string }).verdict;

describe('--format intune-detection', () => {
  it('prints one line of at most 2,048 characters and nothing on stderr, exit 1 only when not ready, on every sample', async () => {
    for (const name of NAMES) {
      const verdict = await verdictOf(name);
      for (const command of ['check', 'doctor']) {
        const run = await cliInProcess([command, '--profile', samplePath(name), '--format', 'intune-detection']);
        expect(run.stderr).toBe('');
        expect(run.stdout.endsWith('\n')).toBe(true);
        const lines = run.stdout.slice(0, -1).split('\n');
        expect(lines).toHaveLength(1);
        expect([...lines[0]!].length).toBeLessThanOrEqual(2048);
        expect(lines[0]).toContain(verdict);
        expect(run.code).toBe(verdict === 'not-ready' ? 1 : 0);
      }
    }
  });

  it('as a process: stdout one line, stderr empty, exit statuses 1 and 0', async () => {
    const bad = await cliProcess(['check', '--profile', samplePath('cache-problems'), '--format', 'intune-detection']);
    expect(bad).toMatchObject({ code: 1, stderr: '' });
    expect(bad.stdout).toMatch(/^MARS readiness: not-ready; 3 blockers: [^\n]*cache\.free-space[^\n]*\n$/);
    const good = await cliProcess(['check', '--profile', samplePath('healthy-server'), '--format', 'intune-detection']);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toMatch(/^MARS readiness: ready[^\n]*\n$/);
  });

  it('keeps the notes of probing off stderr in every format a fleet tool reads (they still show in text)', async () => {
    const probe = async () => ({
      profile: sample('healthy-server'),
      notes: [{ field: '/cache/freeBytes', reason: 'the volume could not be read' }],
    });
    const run = async (format: string) => {
      let stdout = '';
      let stderr = '';
      const io = {
        stdout: (t: string) => (stdout += t),
        stderr: (t: string) => (stderr += t),
        color: false,
        columns: 80,
        now: () => new Date(),
      };
      const code = await runCli(['check', '--sandbox', SANDBOX, '--format', format], io, probe);
      return { code, stdout, stderr };
    };
    const quiet = await run('intune-detection');
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
    expect(quiet.stdout.split('\n')).toHaveLength(2);
    for (const format of ['intune-compliance', 'configmgr', 'csv']) expect((await run(format)).stderr, format).toBe('');
    expect((await run('text')).stderr).toMatch(/note: \/cache\/freeBytes/);
  });
});

describe('--format intune-compliance and fleet intune-rules', () => {
  it('prints one line of JSON with one key per check and the verdict, exit 0 for any verdict', async () => {
    for (const name of NAMES) {
      const run = await cliInProcess(['check', '--profile', samplePath(name), '--format', 'intune-compliance']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
      const settings = JSON.parse(run.stdout) as Record<string, string>;
      expect(Object.keys(settings).sort()).toEqual(['verdict', ...CHECKS.map((c) => c.id)].sort());
      expect(settings.verdict).toBe(await verdictOf(name));
    }
  });

  it('writes the rules file: one rule per catalogue check, each naming a setting the compliance output prints', async () => {
    const out = join(tempDir(), 'rules.json');
    const run = await cliInProcess(['fleet', 'intune-rules', '--out', out], { columns: 1000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const { Rules } = JSON.parse(readFileSync(out, 'utf8')) as IntuneRules;
    expect(Rules).toHaveLength(CHECKS.length);
    const keys = Object.keys(
      JSON.parse((await cliInProcess(['check', '--profile', samplePath('pre-install'), '--format', 'intune-compliance'])).stdout) as object,
    );
    for (const rule of Rules) {
      expect(keys).toContain(rule.SettingName);
      expect(Object.keys(rule).sort()).toEqual(['DataType', 'MoreInfoUrl', 'Operand', 'Operator', 'RemediationStrings', 'SettingName']);
      expect(rule).toMatchObject({ Operator: 'NotEquals', DataType: 'String', Operand: 'fail' });
    }
    const toStdout = await cliInProcess(['fleet', 'intune-rules']);
    expect(JSON.parse(toStdout.stdout)).toEqual({ Rules });
    expect((await cliInProcess(['fleet', 'intune-rules', '--out', join(tempDir(), 'no', 'such', 'rules.json')])).code).toBe(2);
  });
});

describe('--format configmgr', () => {
  it('prints exactly one line, the verdict or one check’s status, exit 0 for any verdict', async () => {
    for (const name of NAMES) {
      const run = await cliInProcess(['check', '--profile', samplePath(name), '--format', 'configmgr']);
      expect(run).toMatchObject({ code: 0, stderr: '', stdout: `${await verdictOf(name)}\n` });
    }
    const check = await cliInProcess(
      ['check', '--profile', samplePath('cache-problems'), '--format', 'configmgr', '--configmgr-check', 'cache.free-space'],
      { columns: 1000 },
    );
    expect(check).toMatchObject({ code: 0, stdout: 'fail\n' });
    const absent = await cliInProcess([
      'doctor',
      '--profile',
      samplePath('cache-problems'),
      '--format',
      'configmgr',
      '--configmgr-check',
      'host.clock',
    ]);
    expect(absent).toMatchObject({ code: 0, stdout: 'absent\n' });
  });
});

describe('options that go with one format', () => {
  it('refuses --append and --configmgr-check beside another format, and an unknown check id, exit 2, stdout empty', async () => {
    const cases: [string[], RegExp][] = [
      [['--append', 'x.csv'], /--append .*the default format \(text\)/],
      [['--format', 'json', '--append', 'x.csv'], /--append .*--format json/],
      [['--json', '--append', 'x.csv', '--format', 'csv'], /--json and --format csv/],
      [['--format', 'csv', '--configmgr-check', 'os.supported'], /--configmgr-check .*--format csv/],
      [['--format', 'configmgr', '--configmgr-check', 'no.such'], /--configmgr-check no\.such: no check has that id/],
    ];
    for (const [args, message] of cases) {
      for (const command of ['check', 'doctor']) {
        const run = await cliInProcess([command, '--profile', samplePath('healthy-server'), ...args], { columns: 1000 });
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
      }
    }
  });
});

describe('--format csv', () => {
  it('prints the header and one row on stdout, on every sample, with the exit status of the verdict', async () => {
    for (const name of NAMES) {
      const run = await cliInProcess(['check', '--profile', samplePath(name), '--format', 'csv']);
      const rows = parseCsv(run.stdout);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toEqual([...CSV_HEADER]);
      expect(rows[1]![3]).toBe(await verdictOf(name));
      expect(run.code).toBe(rows[1]![3] === 'not-ready' ? 1 : 0);
    }
  });

  it('appends rows under one header, and a host name with a comma, quotes and new lines reads back unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'fleet.csv');
    const host = 'FS01, "main"\nfloor 2';
    const profile = sample('healthy-server');
    profile.host!.name = host;
    writeFileSync(join(dir, 'odd.json'), JSON.stringify(profile));
    for (const path of [samplePath('cache-problems'), join(dir, 'odd.json'), samplePath('healthy-server')]) {
      const run = await cliInProcess(['check', '--profile', path, '--format', 'csv', '--append', file]);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('');
    }
    const rows = parseCsv(readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.map((r) => r[1])).toEqual(['host', 'APP02', host, 'FS01']);
    expect(rows[1]![CSV_HEADER.indexOf('blockers')]).toBe('cache.registry cache.attributes cache.free-space');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('writes the header into an existing empty file, and refuses a folder that does not exist (exit 2)', async () => {
    const file = join(tempDir(), 'empty.csv');
    writeFileSync(file, '');
    await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--format', 'csv', '--append', file]);
    expect(parseCsv(readFileSync(file, 'utf8'))[0]).toEqual([...CSV_HEADER]);
    const missing = await cliInProcess([
      'check',
      '--profile',
      samplePath('healthy-server'),
      '--format',
      'csv',
      '--append',
      join(tempDir(), 'no', 'f.csv'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/its folder does not exist/);
  });

  // Real processes at once, as a share's logon script runs them: 8 of them, 5 rows each (each run is 0.4 s of
  // starting Node; the lock itself is raced harder in one process below, 200 appends at once).
  it('takes 8 processes appending 5 rows each to one file: 40 intact rows under one header', { timeout: 240_000 }, async () => {
    const file = join(tempDir(), 'share.csv');
    const profiles = ['healthy-server', 'cache-problems', 'v2-known-errors', 'old-os'];
    const worker = async (n: number) => {
      for (let i = 0; i < 5; i++) {
        const run = await cliProcess([
          'check',
          '--profile',
          samplePath(profiles[(n + i) % profiles.length]!),
          '--format',
          'csv',
          '--append',
          file,
        ]);
        expect(run.stderr).toBe('');
        expect([0, 1]).toContain(run.code);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
    const rows = parseCsv(readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(41);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.filter((r) => r[0] === 'timestamp')).toHaveLength(1);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(CSV_HEADER.length);
      expect(row[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
      expect(['ready', 'ready-with-warnings', 'not-ready']).toContain(row[3]);
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('--append, attacked', () => {
  const HEADER = 'timestamp,host\r\n';
  const dir = attackFs.mkdtempSync(attackJoin(attackTmp(), 'mars-csv-attack-'));

  it('keeps 200 appends at once to one file whole: one header, every row once', async () => {
    const file = attackJoin(dir, 'raced.csv');
    await Promise.all(Array.from({ length: 200 }, (_, i) => appendCsvRow(file, HEADER, `${i},host-${i}\r\n`)));
    const lines = attackFs.readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('timestamp,host');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).sort()).toEqual(Array.from({ length: 200 }, (_, i) => `${i},host-${i}`).sort());
    expect(attackFs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('gives up on a stale lock it cannot remove (a folder), rather than spinning', async () => {
    const file = attackJoin(dir, 'folder-lock.csv');
    attackFs.mkdirSync(`${file}.lock`);
    const old = (Date.now() - 120_000) / 1000;
    attackFs.utimesSync(`${file}.lock`, old, old);
    const started = Date.now();
    const work = appendCsvRow(file, HEADER, 'a,b\r\n');
    // It waits as for a live lock (up to 60 s), sleeping between looks: the event loop stays free.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    await new Promise((r) => setTimeout(r, 500));
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(5);
    attackExec('rmdir', [`${file}.lock`]);
    await work;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(attackFs.readFileSync(file, 'utf8')).toBe(`${HEADER}a,b\r\n`);
  });

  it.runIf(process.platform === 'linux')('refuses a pipe at once and leaves no lock behind', async () => {
    const file = attackJoin(dir, 'pipe.csv');
    attackExec('mkfifo', [file]);
    await expect(appendCsvRow(file, HEADER, 'a,b\r\n')).rejects.toThrow(/pipe\.csv (cannot be appended to|is not a regular file)/);
    expect(() => attackFs.readFileSync(`${file}.lock`)).toThrow();
  });

  it('starts a new line after a last line left without its end, and refuses another table', async () => {
    const partial = attackJoin(dir, 'partial.csv');
    attackFs.writeFileSync(partial, `${HEADER}partial`);
    await appendCsvRow(partial, HEADER, 'a,b\r\n');
    expect(attackFs.readFileSync(partial, 'utf8')).toBe(`${HEADER}partial\r\na,b\r\n`);
    const other = attackJoin(dir, 'other.csv');
    attackFs.writeFileSync(other, 'x,y,z\r\n1,2,3\r\n');
    await expect(appendCsvRow(other, HEADER, 'a,b\r\n')).rejects.toThrow(/another kind of table/);
    expect(attackFs.readFileSync(other, 'utf8')).toBe('x,y,z\r\n1,2,3\r\n');
  });

  it('locks the file, not the name: a link to a locked file waits for its lock', async () => {
    const target = attackJoin(dir, 'target.csv');
    attackFs.symlinkSync(target, attackJoin(dir, 'link.csv'));
    attackFs.writeFileSync(`${target}.lock`, 'held');
    let done = false;
    const work = appendCsvRow(attackJoin(dir, 'link.csv'), HEADER, 'a,b\r\n').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    attackExec('rm', [`${target}.lock`]);
    await work;
    expect(attackFs.readFileSync(target, 'utf8')).toBe(`${HEADER}a,b\r\n`);
  });

  it('defuses a field a spreadsheet would run as a formula', async () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const start of ['+', '-', '@']) expect(csvField(`${start}1`)).toBe(`'${start}1`);
    expect(csvField('APP02')).toBe('APP02');
  });
});

describe('--append, attacked again (issue 16)', () => {
  const args = (file: string, profile = 'healthy-server') => [
    'check',
    '--profile',
    samplePath(profile),
    '--format',
    'csv',
    '--append',
    file,
  ];
  const header = CSV_HEADER.join(',');

  it('takes over at once a fresh lock whose process is gone from this host, and waits for another host’s', async () => {
    const dir = tempDir();
    const file = join(dir, 'fleet.csv');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(`${file}.lock`, JSON.stringify({ host: hostname(), pid: dead }));
    const started = Date.now();
    const run = await cliInProcess(args(file), { columns: 1000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(parseCsv(readFileSync(file, 'utf8'))).toHaveLength(2);
    expect(existsSync(`${file}.lock`)).toBe(false);

    // Another host's process cannot be asked: its lock is waited on until it is 30 s old.
    writeFileSync(`${file}.lock`, JSON.stringify({ host: `not-${hostname()}`, pid: dead }));
    let done = false;
    const work = appendCsvRow(file, csvHeaderLine(), 'a,b\r\n').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(`${file}.lock`, old, old);
    await work;
    expect(readFileSync(file, 'utf8').endsWith('a,b\r\n')).toBe(true);
  });

  it('appends to a file Excel saved again (a byte-order mark, LF line ends, quoted fields), with its own line ends', async () => {
    const file = join(tempDir(), 'excel.csv');
    const quoted = CSV_HEADER.map((name) => `"${name}"`).join(',');
    writeFileSync(file, `\uFEFF${quoted}\nold,row\n`);
    const run = await cliInProcess(args(file), { columns: 1000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`\uFEFF${quoted}\nold,row\n`)).toBe(true);
    expect(text).not.toContain('\r');
    const rows = parseCsv(text.slice(1).replace(/\n/g, '\r\n'));
    expect(rows).toHaveLength(3);
    expect(rows[2]![1]).toBe('FS01');
    expect(rows[2]).toHaveLength(CSV_HEADER.length);

    // A header with CRLF line ends and a BOM: the row keeps CRLF.
    const crlf = join(tempDir(), 'bom.csv');
    writeFileSync(crlf, `\uFEFF${header}\r\n`);
    expect((await cliInProcess(args(crlf), { columns: 1000 })).code).toBe(0);
    expect(parseCsv(readFileSync(crlf, 'utf8').slice(1))).toHaveLength(2);
  });

  it('says which column of another header differs, and writes nothing', async () => {
    const file = join(tempDir(), 'other.csv');
    const other = header.replace(',verdict,', ',result,');
    writeFileSync(file, `${other}\r\n`);
    const run = await cliInProcess(args(file), { columns: 1000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds another kind of table (column 4 is "result" where this tool\'s header has "verdict")');
    expect(readFileSync(file, 'utf8')).toBe(`${other}\r\n`);
    const shorter = join(tempDir(), 'short.csv');
    writeFileSync(shorter, 'timestamp,host\r\n');
    expect((await cliInProcess(args(shorter), { columns: 1000 })).stderr).toContain('its first line ends before column 3 ("os")');
  });

  it('refuses --append - (standard output is not a file to append to), exit 2', async () => {
    const run = await cliInProcess(args('-'), { columns: 1000 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--append - names standard output, which is not a file to append to');
  });

  it.runIf(process.platform !== 'win32')('says a dangling link is a link to something that does not exist', async () => {
    const dir = tempDir();
    const link = join(dir, 'fleet.csv');
    symlinkSync(join(dir, 'gone', 'fleet.csv'), link);
    const run = await cliInProcess(args(link), { columns: 1000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${link} is a link to something that does not exist`);
    expect(run.stderr).not.toContain('its folder does not exist');
  });
});

// A small disk of its own, to fill: only root can mount one, only Linux has tmpfs, and a container may forbid it.
const smallDisk = mkdtempSync(join(tmpdir(), 'mars-csv-full-'));
const diskMounted =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', smallDisk], { timeout: 10_000 }).status === 0;
if (!diskMounted) console.log('SKIPPED the full-disk test of --append: a 64 KB tmpfs could not be mounted (it needs root on Linux).');
afterAll(() => {
  if (diskMounted) spawnSync('umount', [smallDisk], { timeout: 10_000 });
});

describe.runIf(diskMounted)('--append on a full disk', () => {
  it('fails (exit 2) and leaves no lock behind, so that the next run appends at once', async () => {
    const file = join(smallDisk, 'fleet.csv');
    writeFileSync(file, '');
    const filler = join(smallDisk, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(1024 * 1024));
    } catch {
      /* the disk is full now */
    }
    const full = await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--format', 'csv', '--append', file], {
      columns: 1000,
    });
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/ENOSPC|no space/i);
    expect(existsSync(`${file}.lock`)).toBe(false);
    rmSync(filler);
    const started = Date.now();
    const next = await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--format', 'csv', '--append', file], {
      columns: 1000,
    });
    expect(next.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(parseCsv(readFileSync(file, 'utf8'))).toHaveLength(2);
  });
});

describe('fleet without a subcommand', () => {
  it('prints its help on stderr and exits 2 (bad usage); fleet --help still exits 0', async () => {
    const run = await cliProcess(['fleet']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: mars-readiness fleet');
    expect(run.stderr).toContain('intune-rules');
    const help = await cliProcess(['fleet', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: mars-readiness fleet');
  });
});
