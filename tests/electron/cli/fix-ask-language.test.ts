// The CLI's own question before a fix takes the language's yes, as the fix --script prompts do (the same
// catalogue words: script.ask.yesWords), as well as y and yes; and it says what to type.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixAction } from '../../../electron/cli/fix.js';
import { speakLanguage } from '../../../shared/i18n/load.js';
import type { Language } from '../../../shared/i18n/languages.js';

const roots: string[] = [];
afterAll(async () => {
  roots.forEach((r) => rmSync(r, { recursive: true, force: true }));
  await speakLanguage('en');
});

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mars ask-'));
  roots.push(dir);
  cpSync(new URL('../../../samples/sandboxes/engine-stopped/', import.meta.url).pathname, dir, { recursive: true });
  return dir;
}

/** Runs fix start-engine on a fresh copy, answering the question with `answer`; what was asked and said. */
async function answered(language: Language, answer: string): Promise<{ code: number; question: string; said: string }> {
  await speakLanguage(language);
  let said = '';
  let question = '';
  const code = await runFixAction(
    'start-engine',
    { sandbox: sandbox() },
    {
      stdout: (t) => (said += t),
      stderr: (t) => (said += t),
      interactive: true,
      env: {},
      ask: async (q) => {
        question = q;
        return answer;
      },
    },
  );
  return { code, question, said };
}

describe('fix asks in the language of the run', () => {
  it('takes ja, j, y and yes under --lang de, and says so in the question', async () => {
    for (const answer of ['ja', 'Ja', ' j ', 'y', 'YES']) {
      const run = await answered('de', answer);
      expect(run.question).toContain('Fortfahren? (ja/N; auch j, y oder yes)');
      expect(run.question).not.toContain('[y/N]');
      expect(run.said).not.toContain('Es wurde nichts geändert.');
      expect(run.code, `answer ${JSON.stringify(answer)}`).toBe(0);
    }
  });

  it('refuses nein, n and an empty answer under --lang de, and changes nothing', async () => {
    for (const answer of ['nein', '', 'n', 'jein']) {
      const run = await answered('de', answer);
      expect(run.code, `answer ${JSON.stringify(answer)}`).toBe(1);
      expect(run.said).toContain('Es wurde nichts geändert.');
    }
  });

  it("takes each language's own yes, and English takes only y and yes", async () => {
    const yes: [Language, string, string][] = [
      ['fr', 'oui', '(oui/N ; o, y ou yes aussi)'],
      ['es', 'sí', '(sí/N; también si, s, y o yes)'],
      ['ja', 'はい', '(はい/N、y または yes も可)'],
      ['zh-Hans', '是', '(是/N，也可输入 y 或 yes)'],
      ['en', 'yes', 'Go ahead? (y/N)'],
    ];
    for (const [language, answer, hint] of yes) {
      const run = await answered(language, answer);
      expect(run.question).toContain(hint);
      expect(run.code, `${language} ${answer}`).toBe(0);
    }
    expect((await answered('en', 'ja')).code).toBe(1);
  });
});
