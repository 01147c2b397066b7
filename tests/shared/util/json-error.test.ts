// Why a text is not JSON (shared/util/json-error.ts): where, and what was found there, in the reader's
// language - none of JSON.parse's English.
import { afterEach, describe, expect, it } from 'vitest';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { jsonErrorWords } from '../../../shared/util/json-error.js';

afterEach(() => speakLanguage('en'));

const errorOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonErrorWords(error, text);
  }
  throw new Error(`${text} is JSON`);
};

describe('jsonErrorWords', () => {
  it('says the character, its line and its column', () => {
    expect(errorOf('{ "a": 1,\n  "b": [1 }\n}')).toBe('"}" at line 2, column 11 is not what JSON allows there');
    expect(errorOf('{"schemaVersion":1,}')).toBe('"}" at line 1, column 20 is not what JSON allows there');
    // Where the engine gives no position, that it is not JSON.
    expect(errorOf('not json')).toBe('the text is not JSON');
  });
  it('says a text that ends too soon, and an empty one', () => {
    expect(errorOf('{"schemaVersion":1,')).toBe('the text ends before the JSON is complete');
    expect(errorOf('[1,2\n')).toBe('the text ends before the JSON is complete');
    expect(errorOf('  ')).toBe('the file is empty');
  });
  it('says it in Japanese, with no English of the engine', async () => {
    await speakLanguage('ja');
    const said = errorOf('{"schemaVersion":1,}');
    expect(said).toBe('1 行目、20 列目の "}" は、JSON のその位置では使えません');
    expect(errorOf('{"schemaVersion":1,')).toBe('JSON が完結する前にテキストが終わっています');
  });
});
