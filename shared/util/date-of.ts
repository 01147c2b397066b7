/**
 * A time the profile may hold as a Date: a leap second (23:59:60, which the date-time format allows and
 * JavaScript's Date does not) reads as the last moment of its minute. Invalid Date when it is no time.
 */
export function dateOf(text: string): Date {
  return new Date(text.replace(/(T\d{2}:\d{2}):60(\.\d+)?(?=Z|[+-]\d{2}:?\d{2}$)/i, '$1:59.999'));
}
