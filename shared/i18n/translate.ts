// Saying things in the reader's language: the one place that turns catalogue messages, numbers, sizes,
// lists and dates into words. The language is chosen once for the process (the CLI's --lang, the wizard's
// menu) and every sentence of the rules, the reports, the CLI and the pages goes through here, so that a
// change of language is one call, and English is never written anywhere else.

import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en, { type Catalogue } from './catalogue/en/index.js';
import type { Language } from './languages.js';
import type { Arg, MessageId, Msg } from './message.js';

/** A catalogue as FormatJS takes it: ICU source text, or (the pseudo-locale's) parsed messages. */
export type Messages = Record<MessageId, string | MessageFormatElement[]>;

interface Speaker {
  language: Language;
  intl: IntlShape<string>;
}

const cache = createIntlCache();

function makeSpeaker(language: Language, messages: Partial<Messages>, locale: string = language): Speaker {
  const intl = createIntl<string>(
    {
      locale,
      defaultLocale: 'en',
      // A message a catalogue lacks is said in English (the catalogue test keeps every language complete).
      messages: { ...en, ...messages } as Record<string, string>,
      onError: (error) => {
        throw error;
      },
    },
    cache,
  );
  return { language, intl };
}

let speaker: Speaker = makeSpeaker('en', en);

/**
 * From now on, say everything in this language with this catalogue. `locale` is the tag given to Intl for
 * numbers, lists and dates (the pseudo-locale speaks English's formats).
 */
export function speak(language: Language, messages: Partial<Messages>, locale: string = language): void {
  speaker = makeSpeaker(language, messages, locale);
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
  return speaker.intl.formatMessage({ id }, values);
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
  return say(arg);
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * "a, b and c" ("a, b und c", "a、b、c"); `or` for "a, b or c". English lists as the tool has always
 * written them, without the serial comma (British English's list format).
 */
export function formatList(items: readonly string[], type: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const locale = speaker.intl.locale === 'en' ? 'en-GB' : speaker.intl.locale;
  const key = `${locale} ${type}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(locale, { type: type === 'and' ? 'conjunction' : 'disjunction' })));
  return format.format(items);
}

/**
 * A number the language's way ("1,204", "1.204", "1 204"). Integers below a thousand are written the same
 * in all our languages, and English's short decimals are the number's own text: neither makes a formatter,
 * which spares a report without large numbers ICU's start (some 10 ms of the CLI's).
 */
export function formatNumber(value: number): string {
  const plain = String(value);
  if (!Object.is(value, -0) && (/^-?\d{1,3}$/.test(plain) || (speaker.language === 'en' && /^-?\d{1,3}\.\d{1,3}$/.test(plain)))) {
    return plain;
  }
  return speaker.intl.formatNumber(value);
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

/** A moment (ISO 8601) as the reader's local date and time; the text itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return speaker.intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
}
