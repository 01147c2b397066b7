// The catalogue: every language has every English message, with the same ICU arguments, and nothing else;
// each message parses; each area's ids start with the area's name.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en, { AREAS } from '../../../shared/i18n/catalogue/en/index.js';
import { loadCatalogue } from '../../../shared/i18n/load.js';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The arguments a message uses, with their kind ("count:plural", "volume:argument"), and the select keys each select offers. */
function argumentsOf(text: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
        found.add(`${element.value}:${TYPE[element.type]}`);
      }
      if (element.type === TYPE.select) {
        found.add(`${element.value}:select(${Object.keys(element.options).sort().join('|')})`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.plural) {
        found.add(`${element.value}:plural`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(text));
  return [...found].sort();
}

describe('the message catalogue', () => {
  it('has ids that start with their area, in the area file of that name', () => {
    for (const area of AREAS) {
      const file = fileURLToPath(new URL(`../../../shared/i18n/catalogue/en/${area}.json`, import.meta.url));
      for (const id of Object.keys(JSON.parse(readFileSync(file, 'utf8'))))
        expect(id.startsWith(`${area}.`), `${id} in ${area}.json`).toBe(true);
    }
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language}: has every English message, no other, each with English's arguments`, async () => {
      const catalogue: Record<string, string | undefined> = await loadCatalogue(language);
      expect(
        Object.keys(catalogue).filter((id) => !(id in en)),
        'ids English does not have',
      ).toEqual([]);
      expect(
        Object.keys(en).filter((id) => !(id in catalogue)),
        'English ids it lacks',
      ).toEqual([]);
      for (const [id, text] of Object.entries(en)) {
        const translated = catalogue[id]!;
        expect(translated.trim(), `${language} ${id} is empty`).not.toBe('');
        expect(argumentsOf(translated), `${language} ${id}: its arguments`).toEqual(argumentsOf(text));
      }
    });
  }

  it('English parses, and no message is left untranslated by being English in another language (beyond names and units)', async () => {
    for (const text of Object.values(en)) expect(() => parse(text)).not.toThrow();
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const catalogue: Record<string, string | undefined> = await loadCatalogue(language);
      const same = Object.entries(en).filter(([id, text]) => catalogue[id] === text && /[a-z]{3,} [a-z]{3,}/.test(text));
      expect(
        same.map(([id]) => id),
        `${language}: messages still in English`,
      ).toEqual([]);
    }
  });
});
