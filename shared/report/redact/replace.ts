// Putting the placeholders in: first where a name stands in its own place (a share's server, a path's user
// folder, an address's host and user, a host before its :port, a OneDrive folder's organisation, a whole
// field), then, for names distinctive enough, wherever they stand as a word. Each replacement is counted
// by kind, so that the summary can say what was hidden without saying what it was.

import { oneDriveOrganisations, SHARE_SERVER, URL_IN_TEXT, USER_FOLDER_INSIDE, USER_FOLDER_LAST } from './identifiers.js';
import type { Placeholder, Placeholders, RedactionKind } from './placeholders.js';

const HOST_BEFORE_PORT = /(?<![\p{L}\p{N}._-])([\p{L}\p{N}][\p{L}\p{N}._-]*|\[[0-9a-f:.%]+\])(?=:\d{1,5}(?!\d))/giu;

export interface Replacing {
  /** The text with its names and addresses replaced. */
  replace(text: string): string;
  /** How many replacements of each kind were made, and of how many different values. */
  tally(): Map<RedactionKind, { values: Set<string>; replaced: number }>;
  /** Redacted texts in which something was replaced, in the order met (for a preview). */
  changed(): string[];
}

export function replacer(placeholders: Placeholders): Replacing {
  const counts = new Map<RedactionKind, { values: Set<string>; replaced: number }>();
  const changed: string[] = [];
  const anywhere = anywherePattern(placeholders.all());
  const organisations = oneDriveOrganisations(placeholders);
  const tally = (entry: Placeholder): void => {
    if (entry.parts.length > 0) return entry.parts.forEach(tally);
    const count = counts.get(entry.kind) ?? { values: new Set<string>(), replaced: 0 };
    count.values.add(entry.value.toLowerCase());
    count.replaced += 1;
    counts.set(entry.kind, count);
  };
  const use = (entry: Placeholder): string => {
    tally(entry);
    return entry.placeholder;
  };
  const inPlace = (value: string): string => {
    const entry = placeholders.get(value);
    return entry ? use(entry) : value;
  };

  const replace = (text: string): string => {
    const whole = placeholders.get(text);
    let result = whole ? use(whole) : text;
    if (!whole) {
      result = result.replace(URL_IN_TEXT, (match: string, user?: string, secret?: string, host?: string) => {
        const scheme = match.slice(0, match.indexOf('://') + 3);
        const credentials = user || secret ? `${user ? inPlace(user) : ''}${secret ? `:${inPlace(secret)}` : ''}@` : '';
        return `${scheme}${credentials}${host ? inPlace(host.replace(/^\[(.*)\]$/, '$1')) : ''}`;
      });
      result = result.replace(SHARE_SERVER, (match: string, server: string) => match.replace(server, inPlace(server)));
      for (const pattern of [USER_FOLDER_INSIDE, USER_FOLDER_LAST])
        result = result.replace(
          pattern,
          (_match: string, before: string, name: string) =>
            before + inPlace(name.replace(/\.+$/, '')) + name.slice(name.replace(/\.+$/, '').length),
        );
      if (organisations) result = result.replace(organisations, (_match: string, before: string, name: string) => before + inPlace(name));
      result = result.replace(HOST_BEFORE_PORT, (host: string) => inPlace(host.replace(/^\[(.*)\]$/, '$1')));
      if (anywhere) result = result.replace(anywhere, (value: string) => inPlace(value));
    }
    if (result !== text && !changed.includes(result)) changed.push(result);
    return result;
  };
  return { replace, tally: () => counts, changed: () => changed };
}

/** One expression for every value distinctive enough to be replaced as a word, the longest first. */
function anywherePattern(entries: readonly Placeholder[]): RegExp | null {
  const words = entries
    .filter((entry) => entry.anywhere)
    .map((entry) => entry.value)
    .sort((a, b) => b.length - a.length)
    .map((value) => {
      const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // An address must not be part of a longer one (10.0.0.5 in 10.0.0.50, fe80::1 in fe80::1:5).
      return /^[\d.:a-f%]+$/i.test(value) && /[.:]/.test(value)
        ? `(?<![\\w:.])${escaped}(?![\\w:]|\\.\\d)`
        : `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`;
    });
  return words.length === 0 ? null : new RegExp(words.join('|'), 'giu');
}
