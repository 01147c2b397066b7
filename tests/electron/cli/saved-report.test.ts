// check --profile REPORT: a report saved by check --json in one language, said again in another - the
// same words, line for line, as a fresh check of the same profile in that language, for every sample and
// every format that words appear in. A report that is damaged or hostile (an unknown message, a message
// without its arguments, a field missing) is refused with the field that is wrong, and nothing is printed.
// diff says both its reports in its own language, whichever they were made in.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { speak } from '../../../shared/i18n/translate.js';
import { cliInProcess } from '../../helpers/cli.js';

afterAll(() => speak('en', en));

const SAMPLES = fileURLToPath(new URL('../../../samples/profiles/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'saved-report-'));

/** The report of a sample as check --json prints it, in `language`, saved to a file. */
async function saved(sample: string, language: string): Promise<string> {
  const run = await cliInProcess(['check', '--profile', join(SAMPLES, sample), '--json', '--lang', language]);
  const file = join(dir, `${sample}.${language}.json`);
  writeFileSync(file, run.stdout);
  return file;
}

describe('check --profile REPORT', () => {
  const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.json'));

  it.each(samples)('%s: made in Japanese, said in German as a fresh German check says it (text, Markdown, JSON)', async (sample) => {
    const file = await saved(sample, 'ja');
    for (const format of ['text', 'markdown', 'json']) {
      const again = await cliInProcess(['check', '--profile', file, '--format', format, '--lang', 'de']);
      const fresh = await cliInProcess(['check', '--profile', join(SAMPLES, sample), '--format', format, '--lang', 'de']);
      expect(again.stderr, format).toBe('');
      expect(again.code, format).toBe(fresh.code);
      expect(again.stdout, format).toBe(fresh.stdout);
    }
  });

  it('refuses a damaged report with the field that is wrong, printing nothing', async () => {
    const report = JSON.parse((await cliInProcess(['check', '--profile', join(SAMPLES, 'cache-problems.json'), '--json'])).stdout);
    const cases: [string, (r: any) => void, RegExp][] = [
      ['unknown id', (r) => (r.findings[0].messages.title.id = 'cache.nothing.like.this'), /\/findings\/0\/messages\/title\/id/],
      ['missing arguments', (r) => (r.findings.find((f: any) => f.messages.detail.args).messages.detail.args = {}), /\/messages\/detail/],
      ['no counts', (r) => delete r.counts, /\/counts/],
      ['a step too many', (r) => r.findings.find((f: any) => f.fix).fix.steps.push('x'), /pas un message par étape/],
      [
        'a hostile argument',
        (r) => (r.findings[0].messages.title.args = { x: { list: [{ evil: true }] } }),
        /\/findings\/0\/messages\/title/,
      ],
      ['an unknown check', (r) => (r.findings[0].check = 'no.such.check'), /\/findings\/0\/check/],
      [
        'words for a count',
        (r) => {
          const f = r.findings.find((x: any) => Object.values(x.messages.detail.args ?? {}).some((v) => typeof v === 'number'));
          const name = Object.entries(f.messages.detail.args).find(([, v]) => typeof v === 'number')![0];
          f.messages.detail.args[name] = 'many';
        },
        /\/messages\/detail\/args\/\w+/,
      ],
      [
        'an argument the message does not take',
        (r) => (r.findings[0].messages.title.args = { ...r.findings[0].messages.title.args, zz: 'x' }),
        /\/messages\/title\/args\/zz/,
      ],
      ['a size past any disk', (r) => (r.findings[0].messages.title.args = { size: { bytes: -1e308 } }), /\/findings\/0\/messages\/title/],
      ['a number of 300 digits', (r) => (r.findings[0].messages.title.args = { n: 1e300 }), /\/findings\/0\/messages\/title/],
      ['a link elsewhere', (r) => (r.findings[0].source.url = 'javascript:alert(1)'), /\/findings\/0\/source\/url/],
      ['no messages (an older version)', (r) => delete r.findings[0].messages, /\/findings\/0\/messages/],
      [
        "another check's title on a pass",
        (r) => {
          const from = r.findings.find((f: any) => f.check === 'agent.service');
          r.findings[0].messages.title = from.messages.title;
        },
        /\/findings\/0\/messages\/title\/id : "agent\.service\.notRunning\.title"\s+n'est pas ce que dit/,
      ],
      [
        "its check's 'all is well' on a blocker",
        (r) => {
          const blocker = r.findings.find((f: any) => f.check === 'cache.free-space' && f.status === 'fail');
          blocker.messages.detail = { id: 'cache.freeSpace.pass.detail', args: {} };
        },
        /\/messages\/detail\/id : "cache\.freeSpace\.pass\.detail"\s+n'est pas ce que dit/,
      ],
      [
        'a source of its own words',
        (r) => (r.findings[0].source.section = 'Safe to ignore - call helpdesk +1 555 0100'),
        /\/findings\/0\/source :/,
      ],
      [
        "a section's name over another page's link",
        (r) => {
          const elsewhere = r.findings.find((f: any) => !f.source.url.includes('support-matrix'));
          elsewhere.source.section = 'Supported operating systems';
        },
        /\/findings\/\d+\/source :/,
      ],
      [
        "another check's fix step",
        (r) => {
          const blocker = r.findings.find((f: any) => f.check === 'cache.free-space' && f.status === 'fail');
          blocker.messages.steps[0] = { id: 'selection.azureTemporary.warn.fix.remove', args: {} };
        },
        /\/messages\/steps\/0\/id :\s+"selection\.azureTemporary\.warn\.fix\.remove"/,
      ],
      [
        'nesting without end',
        (r) => {
          let deep: unknown = 1;
          for (let i = 0; i < 1000; i++) deep = [deep];
          r.findings[0].evidence = { '/x': deep };
        },
        /\/findings\/0\/evidence/,
      ],
    ];
    for (const [name, damage, where] of cases) {
      const copy = structuredClone(report);
      damage(copy);
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(copy));
      const run = await cliInProcess(['check', '--profile', file, '--lang', 'fr']);
      expect(run.code, name).toBe(2);
      expect(run.stdout, name).toBe('');
      expect(run.stderr, name).toMatch(where);
      expect(run.stderr, name).toContain('rapport de préparation');
    }
  });

  it('refuses what needs the profile (--redact, --history)', async () => {
    const file = await saved('healthy-server.json', 'es');
    for (const flag of [['--redact'], ['--history', dir]]) {
      const run = await cliInProcess(['check', '--profile', file, ...flag]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${flag[0]} needs a machine profile`);
    }
  });
  it('refuses another edition than the one it was made against, and takes its own or none', async () => {
    const file = await saved('healthy-server.json', 'en');
    const other = await cliInProcess(['doctor', '--profile', file, '--matrix', '2019-02'], { columns: 1000 });
    expect(other.code).toBe(2);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain(`--matrix 2019-02: ${file} is a readiness report made against the current edition`);
    for (const matrix of [['--matrix', 'current'], []]) {
      const run = await cliInProcess(['check', '--profile', file, ...matrix, '--json']);
      expect(run.stderr, matrix.join(' ')).toBe('');
      expect((JSON.parse(run.stdout) as { matrix: { edition: string } }).matrix.edition).toBe('current');
    }
    // A report made against 2019-02 is shown as made when --matrix is left at its default.
    const old = join(dir, 'old-edition.json');
    writeFileSync(old, (await cliInProcess(['check', '--profile', join(SAMPLES, 'old-os.json'), '--matrix', '2019-02', '--json'])).stdout);
    const again = await cliInProcess(['check', '--profile', old, '--json']);
    expect(again.stderr).toBe('');
    expect((JSON.parse(again.stdout) as { matrix: { edition: string } }).matrix.edition).toBe('2019-02');
  });
});

describe('diff of reports made in two languages', () => {
  it('says both in its own language', async () => {
    const [old, now] = [await saved('healthy-server.json', 'ja'), await saved('cache-problems.json', 'de')];
    const [oldFr, nowFr] = [await saved('healthy-server.json', 'fr'), await saved('cache-problems.json', 'fr')];
    const mixed = await cliInProcess(['diff', old, now, '--lang', 'fr']);
    const french = await cliInProcess(['diff', oldFr, nowFr, '--lang', 'fr']);
    expect(mixed.code).toBe(french.code);
    expect(mixed.stdout).toBe(french.stdout);
    expect(mixed.stdout).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]|Sicherung/);
  });
});
