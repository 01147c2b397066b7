// The installed program's `checks` listing fits the terminal in every language: each check's title is
// wrapped beside its name with a hanging indent aligned to the title's column, so that no line is wider than
// COLUMNS (display columns, a CJK character counted as two); its name stays bold in colour. And the reports
// keep a number with its unit at the widths a tester found them cut (doctor in French, check in English).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { displayWidth } from '../../../shared/report/wrap.js';
import { cliInProcess, cliProcess } from '../../helpers/cli.js';

/** Lines wider than the width; a web address alone on its line is the one exception (it is never cut, so that it opens). */
const overlong = (text: string, width: number) =>
  text
    .split('\n')
    .filter((line) => displayWidth(line) > width && !/^\s*https?:\/\/\S+$/.test(line))
    .map((line) => `(${displayWidth(line)}) ${line}`);
const ANSI = /\x1b\[[0-9;]*m/g;

describe('checks at 80 and 60 columns', () => {
  for (const language of LANGUAGES)
    it(`${language}: no line is wider than the terminal`, async () => {
      for (const columns of ['80', '60']) {
        const result = await cliProcess(['checks', '--lang', language], { COLUMNS: columns });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout.split('\n').length).toBeGreaterThan(100);
        expect(overlong(result.stdout, Number(columns)), `${language} at ${columns}`).toEqual([]);
      }
    });

  it('de: a long title goes on under its first word, not under the check’s name', async () => {
    const result = await cliProcess(['checks', '--lang', 'de'], { COLUMNS: '80' });
    expect(result.stdout).toContain(
      '\n  selection.azure-temporary  Ausgewählte Daten auf dem temporären\n                             Azure-Datenträger\n    Warnt, ',
    );
  });

  it('keeps the name bold in colour, and the lines within the width', async () => {
    const result = await cliInProcess(['checks', '--lang', 'es'], { color: true, columns: 80 });
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((line) => line.replace(ANSI, '').startsWith('  selection.agent-folders  '));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/^ {2}\x1b\[1mselection\.agent-folders\x1b\[22m {2}\S/);
    // The title goes on under its own column (2 + the name + 2), plain.
    expect(lines[at + 1]).toMatch(/^ {27}[^\s\x1b]/);
    expect(overlong(result.stdout.replace(ANSI, ''), 80)).toEqual([]);
  });
});

describe('a number kept with its unit in the reports', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('doctor in French at 80 and 70 columns: "19,5 Ko", "30 Go"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mars units-'));
    roots.push(dir);
    cpSync(fileURLToPath(new URL('../../../samples/sandboxes/last-backup-failed/', import.meta.url)), dir, { recursive: true });
    const at80 = await cliProcess(['doctor', '--sandbox', dir, '--offline', '--lang', 'fr'], { COLUMNS: '80' });
    expect(at80.stdout).toContain('la sélection représente\n           19,5 Ko avec l’état du système.');
    const at70 = await cliProcess(['doctor', '--sandbox', dir, '--offline', '--lang', 'fr'], { COLUMNS: '70' });
    expect(at70.stdout).toContain('jusqu’à avoir au moins\n                30 Go libres');
    for (const out of [at80.stdout, at70.stdout]) {
      // No number at the end of a line with its unit starting the next.
      expect(out).not.toMatch(/\d\n\s*(?:octets|[KMGT]o|%)[\s.,;)]/);
      expect(overlong(out, out === at80.stdout ? 80 : 70)).toEqual([]);
    }
  });

  it('check in English at 80 columns: "14 days"', async () => {
    const profile = fileURLToPath(new URL('../../../samples/profiles/v2-known-errors.json', import.meta.url));
    const result = await cliProcess(['check', '--profile', profile], { COLUMNS: '80' });
    expect(result.stdout).toContain('error log, within the last\n           14 days.');
    expect(result.stdout).not.toMatch(/\d\n\s*days\b/);
  });
});
