// The names of the documents and sections a finding cites are said in the reader's language (the catalogue's
// matrix area) in the text and HTML reports, a saved report said again, and the `checks` listing; the JSON
// report keeps them as data, the same in every language: only what was already said in the language (each
// finding's title, detail and fix steps) differs between an English and a German run of the same profile.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { speak } from '../../../shared/i18n/translate.js';
import type { Report } from '../../../shared/report/types.js';
import { cliInProcess } from '../../helpers/cli.js';

const KNOWN_ERRORS = fileURLToPath(new URL('../../../samples/profiles/v2-known-errors.json', import.meta.url));

afterAll(() => speak('en', en));

/** The English names the tester saw left untranslated, and what each language says instead. */
const ENGLISH = [
  'Troubleshoot the MARS agent',
  'Backup jobs completed with warning',
  'Basic troubleshooting',
  'Support matrix for backup',
  'Supported operating systems',
];
const SAID = {
  de: ['Problembehandlung für den MARS-Agent: Sicherungsaufträge mit Warnung abgeschlossen', 'Grundlegende Problembehandlung'],
  ja: ['MARS エージェントのトラブルシューティング: バックアップ ジョブが警告付きで完了した', '基本的なトラブルシューティング'],
} as const;
const DOCUMENT = {
  de: 'Problembehandlung für den Microsoft Azure Recovery Services-Agent (MARS)',
  ja: 'Microsoft Azure Recovery Services (MARS) エージェントのトラブルシューティング',
} as const;

const run = (args: string[]) => cliInProcess(args, { columns: 1000 });

/** The report without the words said in its language: what must be byte-identical across languages. */
function neutral(json: string): string {
  const report = JSON.parse(json) as Report;
  return JSON.stringify({
    ...report,
    findings: report.findings.map(({ title: _title, detail: _detail, ...f }) => ({
      ...f,
      fix: f.fix ? { ...f.fix, steps: f.fix.steps.map(() => '') } : null,
    })),
  });
}

describe('document and section names in the reader language', () => {
  for (const language of ['de', 'ja'] as const) {
    it(`${language}: the text report of v2-known-errors names its sections in ${language}, not in English`, async () => {
      const { code, stdout } = await run(['check', '--profile', KNOWN_ERRORS, '--lang', language]);
      expect(code).toBeLessThan(2);
      for (const words of SAID[language]) expect(stdout).toContain(words);
      for (const english of ENGLISH) expect(stdout).not.toContain(english);
    });

    it(`${language}: the HTML report names the troubleshooting article and its section in ${language}`, async () => {
      const { stdout } = await run(['check', '--profile', KNOWN_ERRORS, '--format', 'html', '--lang', language]);
      expect(stdout).toContain(DOCUMENT[language]);
      for (const english of ENGLISH) expect(stdout).not.toContain(english);
    });

    it(`${language}: a saved JSON report said again names its sections in ${language}`, async () => {
      const saved = await run(['check', '--profile', KNOWN_ERRORS, '--json', '--lang', 'en']);
      const file = join(mkdtempSync(join(tmpdir(), 'mars-matrix-names-')), 'report.json');
      writeFileSync(file, saved.stdout);
      const { stdout } = await run(['check', '--profile', file, '--lang', language]);
      for (const words of SAID[language]) expect(stdout).toContain(words);
      for (const english of ENGLISH) expect(stdout).not.toContain(english);
    });
  }

  it('the checks listing names the matrix sections in the language', async () => {
    const de = await run(['checks', '--lang', 'de']);
    expect(de.stdout).toContain('Quelle: Unterstützte Betriebssysteme');
    expect(de.stdout).not.toContain('Supported operating systems');
    const ja = await run(['checks', '--lang', 'ja']);
    expect(ja.stdout).toContain('出典: サポートされているオペレーティング システム');
    expect(ja.stdout).not.toContain('Supported operating systems');
    const zh = await run(['checks', '--lang', 'zh-Hans']);
    expect(zh.stdout).toContain('来源：支持的操作系统');
    // The JSON listing keeps the English names as data.
    const sections = async (language: string) =>
      (JSON.parse((await run(['checks', '--json', '--lang', language])).stdout) as { section: string; sections: unknown }[]).map(
        ({ section, sections }) => ({ section, sections }),
      );
    const english = await sections('en');
    expect(english.map((c) => c.section)).toContain('Supported operating systems');
    expect(await sections('de')).toEqual(english);
  });

  it('keeps the JSON report language-neutral: byte-identical in en and de but for titles, details and fix steps', async () => {
    const english = await run(['check', '--profile', KNOWN_ERRORS, '--json', '--lang', 'en']);
    const german = await run(['check', '--profile', KNOWN_ERRORS, '--json', '--lang', 'de']);
    expect(german.code).toBe(english.code);
    expect(neutral(german.stdout)).toBe(neutral(english.stdout));
    // The sources keep their English names as data.
    const report = JSON.parse(german.stdout) as Report;
    expect(report.findings.map((f) => f.source.section)).toContain('Troubleshoot the MARS agent: Backup jobs completed with warning');
    expect(german.stdout).not.toBe(english.stdout);
  });
});
