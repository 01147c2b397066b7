// `mars-readiness diff` and `--history`, run in process (and as the installed program, bin/, where the
// exit status of a process or many processes at once are the point): two samples compared, a
// profile against itself, a report against a profile, the JSON form, the exit status (1 only when
// something got worse or something new blocks), the history folder kept by check, doctor and collect and
// compared by `diff --history` (what is not a run left out with a note; fewer than two runs said, exit 0),
// and bad inputs (a file that is neither, a missing one) refused with a sentence that names them (exit 2,
// nothing on stdout).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportDiff } from '../../../shared/report/diff.js';
import { cliInProcess, cliProcess, flat } from '../../helpers/cli.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../samples/profiles/${name}.json`, import.meta.url));
const SANDBOX = fileURLToPath(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url));
const dir = () => mkdtempSync(join(tmpdir(), 'mars-diff-'));
/** A run in this process at a moment of its own, as one run after another is: its history file a name of its own. */
const at = (minute: number) => ({ columns: 1000, now: () => new Date(Date.UTC(2026, 10, 25, 12, minute)) });

describe('diff OLD NEW', () => {
  it('says nothing changed between a profile and itself (exit 0)', async () => {
    const run = await cliInProcess(['diff', sample('pre-install'), sample('pre-install')], { columns: 1000 });
    expect(run.code).toBe(0);
    expect(flat(run.stdout)).toContain('Verdict: Not ready, as before.');
    expect(flat(run.stdout)).toMatch(/Nothing changed: \d+ findings, each with the same status as before\./);
  });

  it('lists what got worse, with exit 1, and what was resolved, with exit 0, between two samples', async () => {
    const worse = await cliProcess(['diff', sample('healthy-server'), sample('cache-problems')]);
    expect(worse.code).toBe(1);
    const text = flat(worse.stdout);
    expect(text).toContain('Verdict: was Ready, now Not ready.');
    expect(text).toContain('Worse than before (4)');
    expect(text).toContain('The two cache registry values disagree: was passed, now blocks backup.');
    expect(text).toContain('These are two different machines');
    const better = await cliInProcess(['diff', sample('cache-problems'), sample('healthy-server')], { columns: 1000 });
    expect(better.code).toBe(0);
    expect(flat(better.stdout)).toContain('Resolved (4)');
    expect(flat(better.stdout)).toContain('Both cache registry values agree: was blocks backup, now passed.');
  });

  it('prints the difference as JSON with --json, matched by check id and subject', async () => {
    const run = await cliInProcess(['diff', sample('azure-vm'), sample('pre-install'), '--json'], { columns: 1000 });
    expect(run.code).toBe(1);
    const diff = JSON.parse(run.stdout) as ReportDiff;
    expect(Object.keys(diff)).toEqual(['from', 'to', 'resolved', 'new', 'regressed', 'improved', 'changed', 'unchanged', 'notes']);
    expect(diff.new).toEqual([]);
    expect(diff.regressed).toContainEqual(
      expect.objectContaining({ check: 'network.endpoints', subject: '*.blob.core.windows.net', was: 'pass', now: 'fail' }),
    );
    // E: passed on the Azure VM and blocks here: the same check and subject, so worse, not new.
    expect(diff.regressed).toContainEqual(expect.objectContaining({ check: 'volume.supported', subject: 'E:', was: 'pass', now: 'fail' }));
    expect(diff.resolved).toContainEqual(expect.objectContaining({ check: 'cache.azure-temporary', was: 'warn' }));
    expect(diff.from.host).toBe('az-web-03');
  });

  it('lists a finding the older one did not have as new, and exits 1 when it blocks', async () => {
    const run = await cliInProcess(['diff', sample('healthy-server'), sample('v2-clock-skew')], { columns: 1000 });
    expect(run.code).toBe(1);
    expect(flat(run.stdout)).toMatch(/New \(1\) - .*: blocks backup\. host\.clock/);
  });

  it('compares a report with a profile, checking the profile against the report’s edition of the matrix', async () => {
    const folder = dir();
    const report = join(folder, 'old.json');
    const old = await cliInProcess(['check', '--profile', sample('old-os'), '--matrix', '2019-02', '--json'], { columns: 1000 });
    writeFileSync(report, old.stdout);
    const same = await cliInProcess(['diff', report, sample('old-os'), '--json'], { columns: 1000 });
    const diff = JSON.parse(same.stdout) as ReportDiff;
    expect(diff.to.matrix.edition).toBe('2019-02');
    expect(diff.notes).toEqual([]);
    expect(diff.resolved.length + diff.new.length + diff.regressed.length + diff.improved.length + diff.changed.length).toBe(0);
    expect(same.code).toBe(0);
    const current = await cliInProcess(['diff', report, sample('old-os'), '--matrix', 'current', '--json'], { columns: 1000 });
    expect((JSON.parse(current.stdout) as ReportDiff).notes.join(' ')).toContain(
      'different editions of the support matrix (2019-02 and current)',
    );
  });

  it('counts a waived finding by the status its check gave: a waiver is not a repair', async () => {
    const folder = dir();
    const waivers = join(folder, 'waivers.json');
    writeFileSync(
      waivers,
      JSON.stringify({
        schemaVersion: 1,
        waivers: [
          { check: 'volume.supported', subject: 'E:', justification: 'Moving soon', approvedBy: 'Jane Doe', expires: '2099-01-01' },
        ],
      }),
    );
    const waived = join(folder, 'waived.json');
    writeFileSync(
      waived,
      (await cliInProcess(['check', '--profile', sample('pre-install'), '--waivers', waivers, '--json'], { columns: 1000 })).stdout,
    );
    const run = await cliInProcess(['diff', sample('pre-install'), waived, '--json'], { columns: 1000 });
    const diff = JSON.parse(run.stdout) as ReportDiff;
    expect(diff.resolved).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('refuses a file that is neither a report nor a profile, a missing file, a broken report and a wrong count of files (exit 2)', async () => {
    const folder = dir();
    const other = join(folder, 'other.json');
    writeFileSync(other, JSON.stringify({ name: 'not a report' }));
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, JSON.stringify({ schemaVersion: 1, findings: 'none' }));
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'hello');
    const cases: [string[], string][] = [
      [
        [other, sample('azure-vm')],
        `${other} is neither a readiness report (as check --json writes it) nor a machine profile (as collect writes it).`,
      ],
      [[join(folder, 'missing.json'), sample('azure-vm')], 'missing.json cannot be read: there is no such file'],
      [[sample('azure-vm'), broken], 'is not a readiness report this version can compare'],
      [[sample('azure-vm'), text], 'notes.txt is not JSON'],
      [[sample('azure-vm')], 'give two files to compare, the older first (diff OLD NEW), or --history [DIR]; 1 was given'],
    ];
    for (const [args, words] of cases) {
      const run = await cliInProcess(['diff', ...args], { columns: 1000 });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(flat(run.stderr)).toContain(words);
    }
  });
});

describe('--history', () => {
  it('keeps each run of check, doctor and collect in the folder, named by time and host, and diff --history compares the two latest', async () => {
    const folder = join(dir(), 'history');
    const first = await cliInProcess(['check', '--profile', sample('healthy-server'), '--json', '--history', folder], at(0));
    expect(first.code).toBe(0);
    expect(flat(first.stderr)).toContain(`The report is kept in ${folder}`);
    const kept = readdirSync(folder);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z_FS01\.report\.json$/);
    expect(JSON.parse(readFileSync(join(folder, kept[0]!), 'utf8'))).toEqual(JSON.parse(first.stdout));

    // Not enough runs of one machine yet: said, and no failure (a first scheduled run).
    const early = await cliInProcess(['diff', '--history', folder], { columns: 1000 });
    expect(early.code).toBe(0);
    expect(flat(early.stdout)).toContain(`Nothing to compare yet: 1 run kept of FS01 in ${folder}.`);
    const earlyJson = await cliInProcess(['diff', '--history', folder, '--json'], { columns: 1000 });
    expect(earlyJson.code).toBe(0);
    expect(JSON.parse(earlyJson.stdout)).toBeNull();
    expect(flat(earlyJson.stderr)).toContain('Nothing to compare yet: 1 run kept');
    const empty = await cliInProcess(['diff', '--history', dir()], { columns: 1000 });
    expect(empty.code).toBe(0);
    expect(flat(empty.stdout)).toContain('Nothing to compare yet: 0 runs kept');

    const second = await cliInProcess(
      ['doctor', '--profile', sample('healthy-server'), '--format', 'intune-detection', '--history', folder],
      at(1),
    );
    expect(second.stderr).toBe('');
    expect(readdirSync(folder)).toHaveLength(2);
    const same = await cliInProcess(['diff', '--history', folder], { columns: 1000 });
    expect(same.code).toBe(0);
    expect(flat(same.stdout)).toContain('Nothing changed');

    const collected = await cliInProcess(['collect', '--sandbox', SANDBOX, '--offline', '--history', folder], at(2));
    expect(collected.code).toBe(0);
    const profiles = readdirSync(folder).filter((name) => name.endsWith('.profile.json'));
    expect(profiles).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(folder, profiles[0]!), 'utf8'))).toEqual(JSON.parse(collected.stdout));
  });

  it('keeps every run of 40 processes started at once: a name taken in the same millisecond is never overwritten', async () => {
    const folder = join(dir(), 'history');
    const runs = await Promise.all(
      Array.from({ length: 40 }, () =>
        cliProcess(['check', '--profile', sample('azure-vm'), '--history', folder, '--format', 'json'], {}, 60_000),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual(Array.from({ length: 40 }, () => 0));
    const kept = readdirSync(folder);
    expect(kept).toHaveLength(40);
    expect(kept.every((name) => /_az-web-03\.report\.json$/.test(name))).toBe(true);
    // Each file holds a whole report, and each run's own (each was printed and kept alike).
    const printed = new Set(runs.map((run) => run.stdout));
    expect(new Set(kept.map((name) => readFileSync(join(folder, name), 'utf8')))).toEqual(printed);
  }, 120_000);

  it('leaves out a file or folder named like a run that is not one, with a note naming it, and compares the two latest valid runs', async () => {
    const folder = join(dir(), 'history');
    // The same machine, FS01, then with its clock off.
    const skewed = join(dir(), 'skewed.json');
    const profile = JSON.parse(readFileSync(sample('v2-clock-skew'), 'utf8')) as { host: { name: string } };
    profile.host.name = 'FS01';
    writeFileSync(skewed, JSON.stringify(profile));
    for (const [minute, file] of [sample('healthy-server'), skewed].entries())
      expect((await cliInProcess(['check', '--profile', file, '--history', folder, '--format', 'json'], at(minute))).code).toBeLessThan(2);
    const bad = '2030-01-01T00-00-00.000Z_FS01.report.json';
    const folderLikeRun = '2030-01-02T00-00-00.000Z_FS01.report.json';
    const notJson = '2030-01-03T00-00-00.000Z_FS01.profile.json';
    writeFileSync(join(folder, bad), '{}');
    mkdirSync(join(folder, folderLikeRun));
    writeFileSync(join(folder, notJson), 'not json');
    const pipe = '2030-01-04T00-00-00.000Z_FS01.report.json';
    const piped = process.platform !== 'win32' && spawnSync('mkfifo', [join(folder, pipe)]).status === 0;
    const run = await cliInProcess(['diff', '--history', folder], { columns: 1000 });
    expect(run.code).toBe(1);
    const notes = flat(run.stderr);
    for (const name of [bad, folderLikeRun, notJson, ...(piped ? [pipe] : [])])
      expect(notes).toContain(`note: ${join(folder, name)} is left out of the comparison: it `);
    expect(notes).toContain(`${bad} is left out of the comparison: it is neither a readiness report`);
    expect(notes).toContain(`${folderLikeRun} is left out of the comparison: it is a folder.`);
    expect(flat(run.stdout)).toMatch(/New \(1\) - .*: blocks backup\. host\.clock/);
  });

  it('wants a folder where there is no default one, and refuses a file as the folder (exit 2, nothing printed)', async () => {
    if (process.platform !== 'win32') {
      const run = await cliInProcess(['check', '--profile', sample('azure-vm'), '--history'], { columns: 1000 });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(flat(run.stderr)).toContain('--history needs a folder on this machine');
    }
    const file = join(dir(), 'a-file');
    writeFileSync(file, 'x');
    const run = await cliInProcess(['check', '--profile', sample('azure-vm'), '--history', file], { columns: 1000 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(flat(run.stderr)).toContain(`could not be kept in the history folder ${file}`);
    const missing = await cliInProcess(['diff', '--history', join(file, 'nothing')], { columns: 1000 });
    expect(missing.code).toBe(2);
    expect(existsSync(join(file, 'nothing'))).toBe(false);
  });
});
