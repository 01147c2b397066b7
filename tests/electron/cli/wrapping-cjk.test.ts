// The installed program's `fix relocate-cache --dry-run` at 80 columns, in Japanese, Chinese and English:
// the cache's path (which holds spaces) and the measured rate ("65.5 MB/s") each stay whole on one line, the
// registry value's name is not run into the path after its colon, and no line is wider than 80 display
// columns (a CJK character counted as two).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../../shared/report/wrap.js';
import { cliProcess, flat } from '../../helpers/cli.js';

const CACHE = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch';
const KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
const RATE = /\d[\d.,]* [KMGT]?B\/s/g;

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mars wrap-cjk-'));
  roots.push(dir);
  cpSync(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url).pathname, dir, { recursive: true });
  return dir;
}

const count = (text: string, what: string) => text.split(what).length - 1;

describe('fix --dry-run wrapped at 80 columns', () => {
  const dir = sandbox();
  for (const language of ['ja', 'zh-Hans', 'en']) {
    it(`${language}: keeps the cache's path and the rate whole, every line within 80 columns`, async () => {
      const result = await cliProcess(
        ['fix', 'relocate-cache', '--to', 'D:\\MARSCache', '--sandbox', dir, '--dry-run', '--lang', language],
        { COLUMNS: '80' },
      );
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.split('\n');
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      // Every time the path is said (flat() joins a break after a backslash), it is whole on one line.
      const said = count(flat(result.stdout), CACHE);
      expect(said).toBeGreaterThanOrEqual(5);
      expect(lines.reduce((n, line) => n + count(line, CACHE), 0)).toBe(said);
      // The rate measured (its figure varies) is on one line with its unit.
      expect(result.stdout.match(RATE)).toHaveLength(1);
      expect(result.stdout).not.toMatch(/\d\n\s*[KMGT]?B\/s/);
      // The registry value's name ends its line or is followed by the whole path; never "...: C:\" then the rest.
      for (const line of lines.filter((l) => l.includes(`${KEY}\\ScratchLocation`)))
        expect(line).toMatch(new RegExp(String.raw`ScratchLocation[:：](?: ${CACHE.replaceAll('\\', '\\\\')}.*)?$`));
      expect(result.stdout).not.toMatch(/ScratchLocation[:：] ?C:\\\n/);
    });
  }

  it('ja: the folder left as it is, whole, with the remark after it', async () => {
    const result = await cliProcess(['fix', 'relocate-cache', '--to', 'D:\\MARSCache', '--sandbox', dir, '--dry-run', '--lang', 'ja'], {
      COLUMNS: '80',
    });
    expect(result.stdout).toContain(`\n  ${CACHE} (バックアップ\n  が成功した後にご自身で削除してください)\n`);
    expect(result.stdout).toMatch(/\n\d[\d.]* [KMGT]?B\/s で読み取った結果から算出\)。/);
  });
});
