// A value checked against a TypeBox schema (shared/util/schema.ts): the first problem with its JSON
// pointer, said from the catalogue by the kind of error - in English and in the run's language, never in
// TypeBox's own English.
import { Type } from '@sinclair/typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { compileSchema } from '../../../shared/util/schema.js';

afterEach(() => speakLanguage('en'));

const check = compileSchema(
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 5, pattern: '^[a-z]+$' }),
      count: Type.Integer({ minimum: 0, maximum: 9 }),
      kind: Type.Union([Type.Literal('json'), Type.Literal('html')]),
      either: Type.Union([Type.String(), Type.Number()]),
      version: Type.Literal(1),
      items: Type.Array(Type.Boolean(), { minItems: 1, maxItems: 2 }),
      nothing: Type.Null(),
      fix: Type.Union([Type.Object({ who: Type.Union([Type.Literal('user'), Type.Literal('helpdesk')]) }), Type.Null()]),
    },
    { additionalProperties: false },
  ),
);
const GOOD = { name: 'ab', count: 3, kind: 'json', either: 'x', version: 1, items: [true], nothing: null, fix: null };

// Each bad value, and what is said of it in English.
const BAD: [Record<string, unknown>, string][] = [
  [{ ...GOOD, name: undefined }, '/name: is required but missing'],
  [{ ...GOOD, extra: 1 }, '/extra: is not a field it may have (unknown field)'],
  [{ ...GOOD, name: 7 }, '/name: must be a string'],
  [{ ...GOOD, name: '' }, '/name: is shorter than 1 character'],
  [{ ...GOOD, name: 'abcdef' }, '/name: is longer than 5 characters'],
  [{ ...GOOD, name: 'AB' }, '/name: does not have the expected form (^[a-z]+$)'],
  [{ ...GOOD, count: 1.5 }, '/count: must be a whole number'],
  [{ ...GOOD, count: -1 }, '/count: must be 0 or more'],
  [{ ...GOOD, count: 10 }, '/count: must be 9 or less'],
  [{ ...GOOD, kind: 'pdf' }, '/kind: must be one of "json", "html"'],
  [{ ...GOOD, either: true }, '/either: is none of the forms allowed here'],
  [{ ...GOOD, version: 2 }, '/version: must be 1'],
  [{ ...GOOD, items: [] }, '/items: has fewer than 1 item'],
  [{ ...GOOD, items: [true, false, true] }, '/items: has more than 2 items'],
  [{ ...GOOD, items: 'yes' }, '/items: must be an array'],
  [{ ...GOOD, nothing: 0 }, '/nothing: must be null'],
  // A field of one form of a union: named itself, not the union.
  [{ ...GOOD, fix: { who: 'boss' } }, '/fix/who: must be one of "user", "helpdesk"'],
];

// A union of forms with one that refers to itself (as a report's message argument is): a value is said
// against the form it could be meant for - of that form's type, an object sharing a field - not against
// whichever form's error happens to lie deepest.
const checkArg = compileSchema(
  Type.Object({
    message: Type.Recursive((self) =>
      Type.Object({
        id: Type.String(),
        args: Type.Optional(
          Type.Record(
            Type.String(),
            Type.Union([
              Type.String({ maxLength: 10 }),
              Type.Number(),
              self,
              Type.Object({ dateTime: Type.String({ pattern: '^\\d{4}-' }) }),
            ]),
          ),
        ),
      }),
    ),
  }),
);
const withArg = (arg: unknown) => ({ message: { id: 'x', args: { n: arg } } });
const ARG_BAD: [unknown, string][] = [
  [{ a: 1 }, '/message/args/n: is none of the forms allowed here'],
  [JSON.parse('{"__proto__": {"a": 1}}'), '/message/args/n: is none of the forms allowed here'],
  ['x'.repeat(11), '/message/args/n: is longer than 10 characters'],
  [{ dateTime: 5 }, '/message/args/n/dateTime: must be a string'],
  [{ dateTime: 'soon' }, '/message/args/n/dateTime: does not have the expected form (^\\d{4}-)'],
  // The form that refers to the message itself: a message with a wrong id, or with a bad argument of its own.
  [{ id: 5 }, '/message/args/n/id: must be a string'],
  [{ id: 'y', args: { m: { a: 1 } } }, '/message/args/n/args/m: is none of the forms allowed here'],
  [{ id: 'y', args: { m: 'y'.repeat(20) } }, '/message/args/n/args/m: is longer than 10 characters'],
  [true, '/message/args/n: is none of the forms allowed here'],
];

describe('compileSchema, a union of forms', () => {
  it('passes each form', () => {
    for (const arg of ['short', 3, { id: 'y', args: { m: 1, k: { id: 'z' } } }, { dateTime: '2026-01' }])
      expect(checkArg(withArg(arg))).toBeNull();
  });
  it.each(ARG_BAD)('says the form the value was meant for, or none: %j', (arg, said) => expect(checkArg(withArg(arg))).toBe(said));
  it('says a field left out of an empty object, not that it is no form', () =>
    expect(check({ ...GOOD, fix: {} })).toBe('/fix/who: is required but missing'));
});

describe('compileSchema', () => {
  it('passes a value of the form', () => expect(check(GOOD)).toBeNull());
  it.each(BAD)('says what is wrong, and where: %j', (value, said) => expect(check(value)).toBe(said));
  it('says the root when the value is not even an object', () => expect(check('x')).toBe('/: must be an object'));
  it('says it in every language, none of it TypeBox’s English', async () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      await speakLanguage(language);
      for (const [value, english] of BAD) {
        const said = check(value)!;
        expect(said.split(':')[0], language).toBe(english.split(':')[0]);
        expect(said, language).not.toBe(english);
        expect(said, language).not.toMatch(/Expected|Unexpected/);
      }
    }
  });
});
