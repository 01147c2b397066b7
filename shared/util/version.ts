// Dotted version numbers ("10.0.17763", "5.1.17763.1"), compared numerically part by part: the contract
// says "10" comes after "9", never as text.

/** Parses "10.0.17763" into [10, 0, 17763]; null when any part is not a whole number. */
export function parseVersion(text: string | null | undefined): number[] | null {
  if (typeof text !== 'string') return null;
  const parts = text.trim().split('.');
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map((p) => Number.parseInt(p, 10));
}

/** Negative, zero or positive as a < b, a = b, a > b. Missing trailing parts count as 0 ("5" = "5.0"). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * Compares only the parts both versions state: "6.2" against "6.2.9200" is equal, since the shorter one
 * does not say which build it means. Used where a missing build must not count as build 0.
 */
export function compareStatedParts(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  return compareVersions(a.slice(0, length), b.slice(0, length));
}

/** Convenience for text versions; null when either does not parse. */
export function compareVersionText(a: string | null | undefined, b: string): number | null {
  const left = parseVersion(a);
  const right = parseVersion(b);
  return left && right ? compareVersions(left, right) : null;
}
