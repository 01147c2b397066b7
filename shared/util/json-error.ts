// Why a text is not JSON, in the reader's language. JSON.parse says it in V8's English ("Expected
// double-quoted property name in JSON at position 19"); of that only the position is taken (a number), and
// the sentence is ours: the character found there, its line and column, or that the text ended too soon.
// Where V8 gives no position ("Unexpected token"), that it is not JSON.

import { t } from '../i18n/translate.js';

export function jsonErrorWords(error: unknown, text: string): string {
  const position = /position (\d+)/.exec((error as Error).message ?? '');
  if (text.trim() === '') return t('validation.json.empty');
  if (!position?.[1]) return t('validation.json.invalid');
  const offset = Number(position[1]);
  if (offset >= text.trimEnd().length) return t('validation.json.ends');
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = text.codePointAt(offset);
  const char = found === undefined ? '' : JSON.stringify(String.fromCodePoint(found));
  return t('validation.json.unexpected', { char, line, column });
}
