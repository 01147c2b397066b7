// `check --waivers FILE` and `doctor --waivers FILE`, run in process (and once as the installed program,
// bin/, for the exit status a process gives): a waiver that covers a finding turns it `waived` (never passed) in every format and takes it
// out of the verdict and the exit status; an expired one no longer applies and says so; one that covers
// nothing is unused; a bad file is refused with the field named (exit 2, nothing on stdout). Without
// --waivers the JSON report is exactly what it was.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report/types.js';
import { cliInProcess, cliProcess, flat, type CliResult } from '../../helpers/cli.js';
import { parseCsv } from '../../helpers/csv.js';

const PRE_INSTALL = fileURLToPath(new URL('../../../samples/profiles/pre-install.json', import.meta.url));
const AZURE_VM = fileURLToPath(new URL('../../../samples/profiles/azure-vm.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mars-waivers-'));
let n = 0;
function waiverFile(content: unknown): string {
  const path = join(dir, `waivers-${++n}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const waiver = (check: string, subject: string | null | undefined, expires = '2099-12-31') => ({
  check,
  ...(subject !== undefined ? { subject } : {}),
  justification: 'The firewall change CHG-1234 is open',
  approvedBy: 'Jane Doe',
  expires,
});
const file = (...waivers: unknown[]) => waiverFile({ schemaVersion: 1, waivers });

// pre-install.json: blocks on volume.supported E: and network.endpoints *.blob.core.windows.net, is not
// known on cache.attributes, warns on files.skipped and files.onedrive.
const BOTH_BLOCKERS = [waiver('volume.supported', 'e:\\'), waiver('network.endpoints', '*.BLOB.core.windows.net')];

type Run = (args: string[]) => Promise<CliResult>;
/** In this process, its words unwrapped as the installed program's are in the tests (COLUMNS=1000). */
const inProcess: Run = (args) => cliInProcess(args, { columns: 1000 });

async function report(args: string[], run: Run = inProcess): Promise<{ code: number; report: Report; stderr: string }> {
  const { code, stdout, stderr } = await run(['check', '--profile', PRE_INSTALL, '--json', ...args]);
  return { code, report: JSON.parse(stdout) as Report, stderr };
}

describe('check --waivers', () => {
  it('waives what an active waiver covers, subjects compared as the rules compare them, and the verdict follows', async () => {
    const before = await report([]);
    expect(before.code).toBe(1);
    expect(before.report.verdict).toBe('not-ready');
    // The installed program, a process of its own: the exit status it gives is the verdict's.
    const after = await report(['--waivers', file(...BOTH_BLOCKERS)], cliProcess);
    expect(after.code).toBe(0);
    expect(after.report.verdict).toBe('ready-with-warnings');
    const waived = after.report.findings.filter((f) => f.status === 'waived');
    expect(waived.map((f) => [f.check, f.subject, f.waivedStatus])).toEqual(
      expect.arrayContaining([
        ['volume.supported', 'E:', 'fail'],
        ['network.endpoints', '*.blob.core.windows.net', 'fail'],
      ]),
    );
    expect(waived).toHaveLength(2);
    expect(waived[0]!.waiver).toEqual({
      justification: 'The firewall change CHG-1234 is open',
      approvedBy: 'Jane Doe',
      expires: '2099-12-31',
    });
    expect(after.report.counts).toEqual({ ...before.report.counts, fail: before.report.counts.fail - 2, waived: 2 });
    // Never counted as passed.
    expect(after.report.counts.pass).toBe(before.report.counts.pass);
    expect(after.report.waivers).toEqual({ expired: [], unused: [] });
  });

  it('--strict still fails on the warnings and unknowns left, and passes once they are waived too', async () => {
    expect((await report(['--waivers', file(...BOTH_BLOCKERS), '--strict'])).code).toBe(1);
    const all = file(
      ...BOTH_BLOCKERS,
      waiver('cache.attributes', null),
      waiver('files.skipped', undefined),
      waiver('files.onedrive', null),
    );
    const run = await report(['--waivers', all, '--strict']);
    expect(run.report.verdict).toBe('ready');
    expect(run.report.counts.waived).toBe(5);
    expect(run.code).toBe(0);
  });

  it('an expired waiver no longer applies, and the report names it and its date', async () => {
    const run = await report(['--waivers', file(waiver('volume.supported', 'E:', '2020-01-31'), BOTH_BLOCKERS[1])]);
    expect(run.code).toBe(1);
    expect(run.report.verdict).toBe('not-ready');
    expect(run.report.findings.find((f) => f.check === 'volume.supported' && f.subject === 'E:')!.status).toBe('fail');
    expect(run.report.waivers!.expired).toEqual([{ check: 'volume.supported', subject: 'E:', expires: '2020-01-31' }]);
    const text = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', file(waiver('volume.supported', 'E:', '2020-01-31'))]);
    expect(flat(text.stdout)).toContain('Note: The waiver for volume.supported (E:) expired on 2020-01-31 and no longer applies');
  });

  it('a waiver applies through its expiry day, and not the day after (the report is made now)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const run = await report(['--waivers', file(waiver('volume.supported', 'E:', today))], (args) =>
      cliInProcess(args, { columns: 1000, now: () => new Date() }),
    );
    expect(run.report.counts.waived).toBe(1);
  });

  it('a wrong subject, a subject on a check without one, and a finding that passes leave the report as it was, as unused waivers', async () => {
    const waivers = file(waiver('volume.supported', 'F:'), waiver('network.endpoints', null), waiver('volume.supported', 'C:'));
    const run = await report(['--waivers', waivers]);
    expect(run.code).toBe(1);
    expect(run.report.counts.waived).toBe(0);
    expect(run.report.findings.some((f) => f.status === 'waived')).toBe(false);
    expect(run.report.waivers!.unused.map((w) => [w.check, w.subject])).toEqual([
      ['volume.supported', 'F:'],
      ['network.endpoints', null],
      ['volume.supported', 'C:'],
    ]);
    const text = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers]);
    expect(flat(text.stdout)).toContain('The waiver for volume.supported (F:) is unused');
    expect(flat(text.stdout)).toContain('0 waived');
  });

  it('shows waived findings as Waived, never as passed, in text, HTML, Markdown and the fleet formats', async () => {
    const waivers = file(...BOTH_BLOCKERS);
    const text = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers]);
    expect(text.stdout).toMatch(/^ {2}WAIVED {3}\*\.blob\.core\.windows\.net cannot be reached$/m);
    expect(flat(text.stdout)).toContain(
      'Waived until 2099-12-31, approved by Jane Doe: The firewall change CHG-1234 is open. Without the waiver: blocks backup.',
    );
    expect(flat(text.stdout)).toContain('0 blocking, 2 warnings, 1 unknown, 20 passed, 5 for information, 2 waived');
    expect(text.stdout).not.toMatch(/PASS {5}\*\.blob\.core\.windows\.net/);

    const html = (await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers, '--format', 'html'])).stdout;
    expect(html).toContain('<h2>Waived</h2>');
    expect(html).toMatch(/<section class="finding waived"[^>]*><p class="status">Waived /);
    expect(html).toContain('2 waived');
    const md = (await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers, '--format', 'markdown'])).stdout;
    expect(md).toContain('## Waived (2)');
    expect(md).toContain('Waived - Volumes.');

    const detection = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers, '--format', 'intune-detection']);
    expect(detection.code).toBe(0);
    expect(detection.stdout).toBe('MARS readiness: ready-with-warnings; no blockers, 2 warnings, 2 waived\n');
    const compliance = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers, '--format', 'intune-compliance']);
    expect(JSON.parse(compliance.stdout)).toMatchObject({
      verdict: 'ready-with-warnings',
      'volume.supported': 'waived',
      'network.endpoints': 'waived',
    });
    const configmgr = await inProcess([
      'check',
      '--profile',
      PRE_INSTALL,
      '--waivers',
      waivers,
      '--format',
      'configmgr',
      '--configmgr-check',
      'volume.supported',
    ]);
    expect(configmgr.stdout).toBe('waived\n');
    const csv = parseCsv((await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', waivers, '--format', 'csv'])).stdout);
    const row = Object.fromEntries(csv[0]!.map((h, i) => [h, csv[1]![i]]));
    expect(row).toMatchObject({ verdict: 'ready-with-warnings', fail: '0', waived: '2', blockers: '' });
  });

  it('doctor takes waivers too', async () => {
    const run = await inProcess(['doctor', '--profile', PRE_INSTALL, '--json', '--waivers', file(...BOTH_BLOCKERS)]);
    expect(run.code).toBe(0);
    const doctor = JSON.parse(run.stdout) as Report & { diagnosis: unknown };
    expect(doctor.counts.waived).toBe(2);
    expect('diagnosis' in doctor).toBe(true);
  });

  it('without --waivers the JSON report has no field of waivers', async () => {
    const run = await inProcess(['check', '--profile', AZURE_VM, '--json']);
    const plain = JSON.parse(run.stdout) as Record<string, unknown> & Report;
    expect(Object.keys(plain)).toEqual(['schemaVersion', 'tool', 'matrix', 'generatedAt', 'host', 'verdict', 'counts', 'findings']);
    expect(Object.keys(plain.counts)).toEqual(['pass', 'warn', 'fail', 'info', 'unknown']);
    for (const f of plain.findings)
      expect(Object.keys(f)).toEqual(['check', 'subject', 'status', 'title', 'detail', 'evidence', 'fix', 'source', 'messages']);
  });
});

describe('check --waivers with a bad file', () => {
  const refused = async (path: string) => {
    const run = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    return flat(run.stderr);
  };

  it('names an unknown check id', async () => {
    expect(await refused(file(waiver('cache.nonsense', null)))).toContain(
      '/waivers/0/check: no check has the id "cache.nonsense" ("mars-readiness checks" lists them)',
    );
  });

  it('names each bad field of a malformed file, and a file that is not JSON, empty or missing', async () => {
    const stderr = await refused(
      waiverFile({
        schemaVersion: 1,
        waivers: [
          { check: 'os.supported', subject: 3, justification: '', approvedBy: 'x', expires: '31/12/2026', note: 'x' },
          { check: 'os.supported' },
        ],
      }),
    );
    expect(stderr).toContain('the waiver file');
    expect(stderr).toContain('/waivers/0/note: is not a field of a waiver file');
    expect(stderr).toContain('/waivers/0/subject: must be the subject as the report names it');
    expect(stderr).toContain('/waivers/0/justification: must not be empty');
    expect(stderr).toContain('/waivers/0/expires: must be a date written as YYYY-MM-DD, such as 2026-12-31');
    expect(stderr).toContain('/waivers/1/justification: is required but missing');
    expect(await refused(file(waiver('os.supported', null, '2026-02-30')))).toContain(
      '/waivers/0/expires: 2026-02-30 is not a date of the calendar',
    );
    expect(await refused(file(waiver('os.supported', null), waiver('os.supported', undefined)))).toContain(
      '/waivers/1: waives the same finding as /waivers/0',
    );
    expect(await refused(waiverFile({ waivers: [] }))).toContain('/schemaVersion: is required but missing');
    expect(await refused(waiverFile('{ "schemaVersion": 1,'))).toContain('is not valid JSON');
    expect(await refused(waiverFile(''))).toContain('cannot be used: the file is empty: a waiver file is a JSON object');
    expect(await refused(join(dir, 'no-such-file.json'))).toContain('cannot be used: the file cannot be read: there is no such file');
  });

  it('says an empty waiver file with its subject, the file, in every language', async () => {
    const empty = waiverFile('');
    const said: Record<string, string> = {
      en: 'the file is empty:',
      de: 'Die Datei ist leer:',
      fr: 'le fichier est vide',
      es: 'el archivo está vacío:',
      ja: 'ファイルが空です:',
      'zh-Hans': '该文件为空：',
    };
    for (const [language, words] of Object.entries(said)) {
      const run = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', empty, '--lang', language]);
      expect(run.code).toBe(2);
      // The problem's line begins with its subject, never with a bare verb ("is empty", "est vide", "为空").
      expect(run.stderr.split('\n')[1]!.trim().startsWith(words)).toBe(true);
    }
  });

  it.runIf(process.platform !== 'win32')('refuses a named pipe, a device and a folder at once, without waiting on them', async () => {
    const pipe = join(dir, 'waivers.fifo');
    execFileSync('mkfifo', [pipe]);
    const started = Date.now();
    const run = await inProcess(['check', '--profile', PRE_INSTALL, '--waivers', pipe]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(flat(run.stderr)).toContain(`the waiver file ${pipe} cannot be used`);
    expect(flat(run.stderr)).toContain('the file cannot be read: it is not a regular file (a named pipe or a device?)');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await refused('/dev/zero')).toContain('the file cannot be read: it is not a regular file');
    expect(await refused(dir)).toContain('the file cannot be read: it is a folder, not a file');
  });

  it('is refused before anything is probed', async () => {
    const run = await inProcess(['check', '--offline', '--waivers', join(dir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('note:');
  });
});
