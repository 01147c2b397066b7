// --lang on every command, and the language a run starts in without it: the flag (a tag in any of its
// forms, before or after the command), else the system's locale (LANG here; the policy and Windows'
// display language are tested in tests/electron/i18n). An unknown language is bad usage: exit 2, the value
// and the languages named on stderr, nothing on stdout. The JSON report keeps its ids, statuses and
// evidence whatever the language; its titles and details are said in it, and its messages are the same.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cliInProcess, cliProcess, flat } from '../../helpers/cli.js';
import type { Report } from '../../../shared/report/types.js';

const CACHE_PROBLEMS = fileURLToPath(new URL('../../../samples/profiles/cache-problems.json', import.meta.url));

/** No locale from the machine running the tests: each test says the one it means. */
const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C', LANGUAGE: '' };

describe('--lang', () => {
  it('says the report in German, before or after the command, as a tag in any form', async () => {
    for (const args of [
      ['check', '--profile', CACHE_PROBLEMS, '--lang', 'de'],
      ['--lang', 'de', 'check', '--profile', CACHE_PROBLEMS],
      ['check', '--lang=de-DE', '--profile', CACHE_PROBLEMS],
    ]) {
      const run = await cliProcess(args, NO_LOCALE);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout.split('\n')[0], args.join(' ')).toBe('MARS-Bereitschaft: NICHT BEREIT');
    }
    const english = await cliProcess(['check', '--profile', CACHE_PROBLEMS], NO_LOCALE);
    expect(english.stdout.split('\n')[0]).toBe('MARS readiness: NOT READY');
  });

  it('says the help in the language too, --lang among the global options of a command', async () => {
    const help = await cliProcess(['check', '--help', '--lang', 'fr_FR.UTF-8'], NO_LOCALE);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Utilisation : mars-readiness check/);
    expect(help.stdout).toContain('Options globales :');
    expect(help.stdout).toContain('--lang <language>');
  });

  it('refuses a language it does not speak: exit 2, the value and the languages on stderr, stdout empty', async () => {
    for (const value of ['xx', 'zh-TW']) {
      const run = await cliProcess(['check', '--profile', CACHE_PROBLEMS, '--lang', value], NO_LOCALE);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const said = flat(run.stderr);
      expect(said).toContain(`--lang ${value}: this tool does not speak that language`);
      for (const language of ['en (English)', 'de (Deutsch)', 'fr (Français)', 'es (Español)', 'ja (日本語)', 'zh-Hans (简体中文)'])
        expect(said).toContain(language);
    }
  });

  it('names a value with a carriage return or an escape in it, shown and not obeyed, and never crashes', async () => {
    for (const args of [
      ['check', '--profile', CACHE_PROBLEMS, '--lang', 'de\r\u001b[2J'],
      ['check', '--profile', CACHE_PROBLEMS, '--matrix', 'x\r\u001b[2J'],
    ]) {
      const run = await cliInProcess(args, { columns: 40 });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(/[\r\u001b]/);
      expect(run.stderr).toContain('\uFFFD[2J');
    }
  });

  it('keeps the JSON report language-neutral: ids, statuses, evidence and messages as in English, the words in Japanese', async () => {
    const [english, japanese] = await Promise.all([
      cliProcess(['check', '--profile', CACHE_PROBLEMS, '--json'], NO_LOCALE),
      cliProcess(['check', '--profile', CACHE_PROBLEMS, '--json', '--lang', 'ja'], NO_LOCALE),
    ]);
    expect(japanese.code).toBe(english.code);
    const en = JSON.parse(english.stdout) as Report;
    const ja = JSON.parse(japanese.stdout) as Report;
    const neutral = (report: Report) =>
      report.findings.map((f) => ({ check: f.check, subject: f.subject, status: f.status, evidence: f.evidence, messages: f.messages }));
    expect(neutral(ja)).toEqual(neutral(en));
    expect(ja.verdict).toBe(en.verdict);
    expect(ja.counts).toEqual(en.counts);
    expect(en.findings.every((f) => f.messages !== undefined)).toBe(true);
    // The words themselves are Japanese (said from the same messages).
    expect(ja.findings.filter((f, i) => f.title !== en.findings[i]!.title).length).toBeGreaterThan(0);
    expect(ja.findings.some((f) => /[\u3040-\u30ff]/.test(f.title))).toBe(true);
  });

  it('speaks the system locale without --lang: LANG=fr_FR.UTF-8 gives French', async () => {
    const run = await cliProcess(['check', '--profile', CACHE_PROBLEMS], { ...NO_LOCALE, LANG: 'fr_FR.UTF-8' });
    expect(run.code).toBe(1);
    // French puts a (no-break) space before the colon.
    expect(run.stdout.split('\n')[0]).toMatch(/^Préparation MARS\s:\sPAS PRÊT$/);
    // And the flag beats the locale.
    const flagged = await cliProcess(['check', '--profile', CACHE_PROBLEMS, '--lang', 'en'], { ...NO_LOCALE, LANG: 'fr_FR.UTF-8' });
    expect(flagged.stdout.split('\n')[0]).toBe('MARS readiness: NOT READY');
  });

  it('says its own errors in the language', async () => {
    const run = await cliProcess(['check', '--profile', CACHE_PROBLEMS, '--sandbox', '/tmp', '--lang', 'es'], NO_LOCALE);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(flat(run.stderr)).toContain('--sandbox dirige el examen de este equipo; con --profile no se examina nada.');
  });
});
