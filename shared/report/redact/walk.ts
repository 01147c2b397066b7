// Which strings of a report or a profile hold what a machine's owner may want hidden, and which never do:
// enumerations, check ids, versions, times and the matrix's citations are left exactly as they are, so
// that a redacted report or profile keeps to its contract. Evidence is keyed by JSON pointer: its keys
// are read as the path they point at ("/network/proxy" is the path network, proxy). Any other key may be
// data itself (the evidence of the files checks is keyed by the selected folder's path), and is redacted
// as a string is.

/** Fields whose strings are fixed words, numbers in text, or Microsoft's own: never redacted. */
const LEFT_ALONE = new Set([
  'schemaVersion',
  'tool',
  'matrix',
  'generatedAt',
  'capturedAt',
  'verdict',
  'counts',
  'check',
  'status',
  'who',
  'action',
  'source',
  'os',
  'software',
  'restoreTarget',
  'fileSystem',
  'driveType',
  'bitlocker',
  'id',
  'pattern',
  'code',
  'startType',
  'state',
  'serviceState',
  'time',
  'lastWriteTime',
  'aadTenantId',
  'windowDays',
]);

/** Each string of a JSON value (keys that are data included) with the path of keys that leads to it. */
export function eachString(
  value: unknown,
  visit: (text: string, path: readonly string[], isKey: boolean) => void,
  path: string[] = [],
): void {
  if (typeof value === 'string') visit(value, path, false);
  else if (Array.isArray(value)) for (const item of value) eachString(item, visit, path);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      const next = [...path, ...keySegments(key, path)];
      if (next.some((segment) => LEFT_ALONE.has(segment))) continue;
      if (isData(key, path)) visit(key, path, true);
      eachString(item, visit, next);
    }
}

/** A copy of a JSON value with each string (and key) that may be redacted passed through `change`. */
export function mapStrings<T>(value: T, change: (text: string, path: readonly string[]) => string, path: string[] = []): T {
  if (typeof value === 'string') return change(value, path) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, change, path)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const next = [...path, ...keySegments(key, path)];
      if (next.some((segment) => LEFT_ALONE.has(segment))) copy[key] = item;
      else copy[isData(key, path) ? change(key, path) : key] = mapStrings(item, change, next);
    }
    return copy as T;
  }
  return value;
}

/** The keys of a finding's evidence are JSON pointers into the profile (or plain words). */
const isPointer = (key: string, path: readonly string[]) =>
  path[path.length - 1] === 'evidence' && (key.startsWith('/') || /^\w+$/.test(key));

/** A key that is data (a path, an address), not a field's name: field names hold none of \\ / : . or a space. */
const isData = (key: string, path: readonly string[]) => !isPointer(key, path) && /[\\/:. ]/.test(key);

/** A key, or the segments of a JSON pointer used as a key. */
function keySegments(key: string, path: readonly string[]): string[] {
  return isPointer(key, path) && key.startsWith('/') ? key.slice(1).split('/').filter(Boolean) : [key];
}
