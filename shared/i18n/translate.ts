// Saying things in the reader's language: the one place that turns catalogue messages, numbers, sizes,
// lists and dates into words. The language is chosen once for the process (the CLI's --lang, the wizard's
// menu) and every sentence of the rules, the reports, the CLI and the pages goes through here, so that a
// change of language is one call, and English is never written anywhere else.

import IntlMessageFormat, { type Formatters } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en, { type Catalogue } from './catalogue/en/index.js';
import type { Language } from './languages.js';
import type { Arg, MessageId, Msg } from './message.js';
import { dateOf } from '../util/date-of.js';

/** A catalogue as FormatJS takes it: ICU source text, or (the pseudo-locale's) parsed messages. */
export type Messages = Record<MessageId, string | MessageFormatElement[]>;

// IntlMessageFormat asks Intl.NumberFormat which of the given locales it supports before every message,
// and that first question loads ICU's number data (some 25 ms, a fifth of the CLI's start). Our locales
// are our own, always valid tags: they are taken as they are, and number data loads only when a message
// formats a number. An Intl.Locale is made once a tag, not once a message (it cannot change: some 0.5 ms of
// a report's hundred sentences).
const intlLocales = new Map<string, Intl.Locale>();
IntlMessageFormat.resolveLocale = (locales) => {
  const tag = Array.isArray(locales) ? locales[0]! : (locales as string);
  let locale = intlLocales.get(tag);
  if (locale === undefined) intlLocales.set(tag, (locale = new Intl.Locale(tag)));
  return locale;
};

/** Intl's formatters, one of each kind and options per process, shared by every message. */
function memo<A extends unknown[], T>(make: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(...args)));
    return value;
  };
}
const intlNumberFormat = memo((locales?: string | string[], options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locales, options));

/**
 * English's plain number format ("1,204", "0.5", "54,400") without Intl: making the first NumberFormat
 * loads ICU's number data, some 25 ms of the CLI's start, for what a few lines do as well. Grouping on or
 * off, at most three decimals, as Intl's default; anything else (other languages, other options, huge or
 * odd values) goes to Intl.
 */
const plainEnglish = (grouping: boolean): Pick<Intl.NumberFormat, 'format'> => ({
  format(value: number | bigint | string) {
    // ICU rounds the number's shortest decimal form (1.0005 to 1.001), half away from zero: so does this.
    const text = typeof value === 'number' ? String(Math.abs(value)) : '';
    if (typeof value !== 'number' || !/^\d+(\.\d+)?$/.test(text) || Math.abs(value) >= 1e15) {
      return intlNumberFormat('en', grouping ? undefined : { useGrouping: false }).format(value as number);
    }
    const [whole = '', fraction = ''] = text.split('.');
    const rounded = (BigInt(whole + fraction.slice(0, 3).padEnd(3, '0')) + ((fraction[3] ?? '0') >= '5' ? 1n : 0n))
      .toString()
      .padStart(4, '0');
    const integer = rounded.slice(0, -3);
    const decimals = rounded.slice(-3).replace(/0+$/, '');
    const grouped = grouping ? integer.replace(/\B(?=(\d{3})+$)/g, ',') : integer;
    // Intl keeps the minus of a negative number that rounds to zero, and of -0 itself.
    const sign = value < 0 || Object.is(value, -0) ? '-' : '';
    return `${sign}${grouped}${decimals !== '' ? `.${decimals}` : ''}`;
  },
});
const ENGLISH_NUMBERS = { grouped: plainEnglish(true), ungrouped: plainEnglish(false) };

function numberFormat(locales?: string | string[], options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const english = locales === 'en' || (Array.isArray(locales) && locales.length === 1 && locales[0] === 'en');
  const keys = options ? Object.keys(options) : [];
  if (english && keys.length === 0) return ENGLISH_NUMBERS.grouped as Intl.NumberFormat;
  if (english && keys.length === 1 && options?.useGrouping === false) return ENGLISH_NUMBERS.ungrouped as Intl.NumberFormat;
  return intlNumberFormat(locales, options);
}

const FORMATTERS: Formatters = {
  getNumberFormat: numberFormat,
  getDateTimeFormat: memo((...args) => new Intl.DateTimeFormat(...args)),
  getPluralRules: memo((...args) => new Intl.PluralRules(...args)),
};

interface Speaker {
  language: Language;
  /** The tag given to Intl (the pseudo-locale speaks English's formats). */
  locale: string;
  messages: Partial<Messages>;
  /** Each message's formatter, made the first time it is said. */
  formats: Map<string, IntlMessageFormat>;
}

function makeSpeaker(language: Language, messages: Partial<Messages>, locale: string = language): Speaker {
  return { language, locale, messages, formats: new Map() };
}

let speaker: Speaker = makeSpeaker('en', en);

/**
 * From now on, say everything in this language with this catalogue. `locale` is the tag given to Intl for
 * numbers, lists and dates (the pseudo-locale speaks English's formats).
 */
export function speak(language: Language, messages: Partial<Messages>, locale: string = language): void {
  if (language === speaker.language && locale === speaker.locale && messages === speaker.messages) return;
  speaker = makeSpeaker(language, messages, locale);
}

/**
 * A message as IntlMessageFormat takes it. The CLI's bundle carries English already parsed, each message
 * as the JSON of its parsed form behind U+0001 (scripts/build-cli-bundle.js), which no message text holds.
 */
function precompiled(message: string | MessageFormatElement[]): string | MessageFormatElement[] {
  return typeof message === 'string' && message.charCodeAt(0) === 1 ? (JSON.parse(message.slice(1)) as MessageFormatElement[]) : message;
}

/** The language everything is said in now. */
export function currentLanguage(): Language {
  return speaker.language;
}

/** The English catalogue: every message there is, in the language the code is written in. */
export function englishCatalogue(): Catalogue {
  return en;
}

/** A catalogue message in the current language. An id the catalogue lacks is a bug in the caller, and throws. */
export function t(id: MessageId, args?: Record<string, Arg>): string {
  if (!Object.hasOwn(en, id)) throw new Error(`no message "${id}" in the catalogue`);
  const values = args ? Object.fromEntries(Object.entries(args).map(([key, value]) => [key, resolve(value)])) : undefined;
  let format = speaker.formats.get(id);
  if (!format) {
    // A message a catalogue lacks is said in English (the catalogue test keeps every language complete).
    const message = speaker.messages[id] ?? en[id];
    format = new IntlMessageFormat(precompiled(message), speaker.locale, undefined, { formatters: FORMATTERS });
    speaker.formats.set(id, format);
  }
  return String(format.format(values));
}

const english: Speaker = makeSpeaker('en', en);

/**
 * A catalogue message in English, whatever the current language: for words a profile records (a probe's
 * endpoint error, shared/profile/endpoint-error.ts), which travel between machines and are said again in
 * each reader's language. Arguments are plain strings and numbers.
 */
export function tEnglish(id: MessageId, args?: Record<string, string | number>): string {
  return String(englishFormat(id).format(args));
}

function englishFormat(id: MessageId): IntlMessageFormat {
  if (!Object.hasOwn(en, id)) throw new Error(`no message "${id}" in the catalogue`);
  let format = english.formats.get(id);
  if (!format) english.formats.set(id, (format = new IntlMessageFormat(precompiled(en[id]), 'en', undefined, { formatters: FORMATTERS })));
  return format;
}

/** The kind of value an argument of a message takes: a number (number, plural), a choice (select), or words. */
export type ArgumentKind = 'number' | 'choice' | 'words';

// The parser's element types (@formatjs/icu-messageformat-parser's TYPE), by number: its enum is not needed at run time.
const ELEMENT = { argument: 1, number: 2, select: 5, plural: 6 } as const;
const argumentKinds = new Map<MessageId, ReadonlyMap<string, ArgumentKind>>();

/** Each argument of an English message and the kind of value it takes: what a report read back is held to. */
export function englishArgumentKinds(id: MessageId): ReadonlyMap<string, ArgumentKind> {
  let kinds = argumentKinds.get(id);
  if (kinds) return kinds;
  const found = new Map<string, ArgumentKind>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      const { type } = element;
      if (type === ELEMENT.number || type === ELEMENT.plural) found.set(element.value, 'number');
      else if (type === ELEMENT.select) found.set(element.value, 'choice');
      else if (type === ELEMENT.argument && !found.has(element.value)) found.set(element.value, 'words');
      if (type === ELEMENT.select || type === ELEMENT.plural) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(englishFormat(id).getAst());
  argumentKinds.set(id, (kinds = found));
  return kinds;
}

/** A message kept as data (a finding's title, detail or step), in the current language. */
export function say(message: Msg): string {
  return t(message.id, message.args);
}

function resolve(arg: Arg): string | number {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  if ('list' in arg)
    return formatList(
      arg.list.map((item) => String(resolve(item))),
      arg.type,
    );
  if ('bytes' in arg) return formatBytes(arg.bytes);
  if ('dateTime' in arg) return formatDateTime(arg.dateTime);
  if ('utc' in arg) return formatUtc(arg.utc);
  return say(arg);
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Sentences one after another, as the language writes them: a space between them, but none after a
 * full-width full stop (Japanese and Chinese put no space after 。, ！ or ？).
 */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.join(' ').replace(/([。！？]) /gu, '$1');
}

/**
 * "a, b and c" ("a, b und c", "a、b、c"); `or` for "a, b or c". English lists as the tool has always
 * written them, without the serial comma (British English's list format).
 */
export function formatList(items: readonly string[], type: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  // English's is joined here, as en-GB's ListFormat would: making that formatter costs the CLI 5 ms.
  if (speaker.locale === 'en') return `${items.slice(0, -1).join(', ')} ${type} ${items[items.length - 1]}`;
  const key = `${speaker.locale} ${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(speaker.locale, { type: type === 'and' ? 'conjunction' : 'disjunction' });
    listFormats.set(key, format);
  }
  return format.format(items);
}

/**
 * A number the language's way ("1,204", "1.204", "1 204"): the same formatter ICU messages use for
 * `{n, number}` and `#`, so a number reads alike in and out of a sentence.
 */
export function formatNumber(value: number): string {
  return FORMATTERS.getNumberFormat(speaker.locale).format(value);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Bytes in words for people: "1.5 TB", "320 GB", "12 MB". Binary units, as the matrix uses them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return t('common.units.size', { value: formatNumber(unit === 0 ? bytes : Number(value.toFixed(digits))), unit: BYTE_UNITS[unit]! });
}

/** A duration in minutes, hours or days, for upload estimates. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return t('common.units.forever');
  const hours = seconds / 3600;
  if (hours < 1) return t('common.units.minutes', { count: Math.max(1, Math.round(seconds / 60)) });
  if (hours < 48) return t('common.units.hours', { count: Math.round(hours) });
  return t('common.units.days', { count: Math.round(hours / 24) });
}

/** A moment (ISO 8601) in UTC, as a report's sentence says it: "1 Dec 2026 at 02:41 UTC"; the text itself when it is not one. */
export function formatUtc(text: string): string {
  const date = dateOf(text);
  if (Number.isNaN(date.getTime())) return text;
  // English as the tool has always written it: day, short month, year (British English's order).
  const locale = speaker.language === 'en' ? 'en-GB' : speaker.locale;
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
  return t('common.time.utc', { day, time });
}

/** A moment (ISO 8601) as the reader's local date and time; the text itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return FORMATTERS.getDateTimeFormat(speaker.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
