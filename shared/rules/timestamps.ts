// Date-times of the profile (capturedAt, a file's last-write time, an event's time), as instants that
// compare exactly: whole seconds since 1970 plus the fraction as written, so that two spellings of one
// instant (`...:55Z`, `...:55.000Z`, `...T01:12:55+01:00`) are equal and no digit of a fraction is lost.

export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  seconds: number;
  /** The fraction of a second, as its digits without trailing zeros ("" for none). */
  fraction: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 date-time (the schema's `date-time`) as an instant; null when absent or not one. */
export function parseInstant(text: string | null | undefined): Instant | null {
  if (typeof text !== 'string') return null;
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const offset = match[8] ? 0 : (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 3600 + Number(match[11]) * 60);
  // setUTCFullYear, unlike Date.UTC, keeps the years 0-99 as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const seconds = date.getTime() / 1000 - offset;
  return { seconds, fraction: (match[7] ?? '').replace(/0+$/, '') };
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.seconds !== b.seconds) return Math.sign(a.seconds - b.seconds);
  const length = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(length, '0');
  const fb = b.fraction.padEnd(length, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Whether `later` - `earlier` is more than `limit` whole seconds (a negative difference never is). */
export function moreThanSecondsApart(later: Instant, earlier: Instant, limit: number): boolean {
  const whole = later.seconds - earlier.seconds;
  if (whole !== limit) return whole > limit;
  return compareInstants({ seconds: 0, fraction: later.fraction }, { seconds: 0, fraction: earlier.fraction }) > 0;
}

/** The difference in seconds, for sentences (not for deciding: see moreThanSecondsApart). */
export function secondsBetween(later: Instant, earlier: Instant): number {
  return later.seconds - earlier.seconds + (Number(`0.${later.fraction || '0'}`) - Number(`0.${earlier.fraction || '0'}`));
}
