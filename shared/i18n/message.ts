// A sentence as data: a catalogue message's id and its arguments. Findings keep these beside their words,
// so a report made in one language can be read in another, and a report's JSON stays language-neutral.

import type { MessageId } from './catalogue/en/index.js';

export type { MessageId };

/** What a message's placeholder can be given; each kind is JSON, so it travels in a report. */
export type Arg = string | number | Msg | ListArg | BytesArg | DateTimeArg | UtcArg;

export interface Msg {
  id: MessageId;
  args?: Record<string, Arg>;
}

/** Items joined the language's way ("a, b and c", "a、b、c"): `and` for a conjunction, `or` for a disjunction. */
export interface ListArg {
  list: Arg[];
  type?: 'and' | 'or';
}

/** A size in bytes, shown in binary units and the language's number format ("1.5 TB", "1,5 To"). */
export interface BytesArg {
  bytes: number;
}

/** A moment (ISO 8601), shown as the reader's local date and time. */
export interface DateTimeArg {
  dateTime: string;
}

/** A moment (ISO 8601) in UTC, as a report's sentence says it ("1 Dec 2026 at 02:41 UTC"). */
export interface UtcArg {
  utc: string;
}

export function m(id: MessageId, args?: Record<string, Arg>): Msg {
  return args ? { id, args } : { id };
}

export function list(items: readonly Arg[], type: 'and' | 'or' = 'and'): ListArg {
  return type === 'and' ? { list: [...items] } : { list: [...items], type };
}

export function bytes(value: number): BytesArg {
  return { bytes: value };
}

export function dateTime(iso: string): DateTimeArg {
  return { dateTime: iso };
}

export function utc(iso: string): UtcArg {
  return { utc: iso };
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && typeof (value as Msg).id === 'string' && !('list' in value);
}
