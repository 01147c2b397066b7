// The placeholders of one redaction: each name or address found gets one, numbered per kind in the order
// the values were first met (HOST-1 is the first host name), and the same value - compared without regard
// to case, as Windows and DNS compare names - always gets the same one.

export const REDACTION_KINDS = ['host', 'domain', 'user', 'ip', 'secret'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

const PREFIX: Record<RedactionKind, string> = { host: 'HOST', domain: 'DOMAIN', user: 'USER', ip: 'IP', secret: 'SECRET' };

/** A placeholder, or a host and domain pair of them (HOST-2.DOMAIN-1): what redacting once more leaves alone. */
export const PLACEHOLDER = /^(?:HOST|DOMAIN|USER|IP|SECRET)-\d+(?:\.(?:DOMAIN|HOST)-\d+)*$/i;

export interface Placeholder {
  kind: RedactionKind;
  /** The value as it was first met (kept in memory only: never written out). */
  value: string;
  placeholder: string;
  /**
   * Whether the value is replaced wherever it stands as a word, or only where it stands in its own place
   * (a whole field, a path's user folder, a share's server, an address's host): a host called BACKUP or a
   * user called admin must not turn every "backup" or "server admin" of the report's sentences into one.
   */
  anywhere: boolean;
  /** A FQDN's host and domain, whose placeholders make up its own: hiding it hides them too. */
  parts: Placeholder[];
}

export class Placeholders {
  private readonly byValue = new Map<string, Placeholder>();
  private readonly counts = new Map<RedactionKind, number>();

  /** The placeholder of a value, made on first sight; null for an empty value or one that is a placeholder. */
  add(kind: RedactionKind, value: string, parts?: Placeholder[]): Placeholder | null {
    const trimmed = value.trim();
    if (trimmed === '' || PLACEHOLDER.test(trimmed)) return null;
    const key = trimmed.toLowerCase();
    const known = this.byValue.get(key);
    if (known) return known;
    let placeholder: string;
    if (parts) placeholder = parts.map((part) => part.placeholder).join('.');
    else {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      placeholder = `${PREFIX[kind]}-${n}`;
    }
    const entry: Placeholder = { kind, value: trimmed, placeholder, anywhere: isDistinctive(trimmed), parts: parts ?? [] };
    this.byValue.set(key, entry);
    return entry;
  }

  get(value: string): Placeholder | undefined {
    return this.byValue.get(value.trim().toLowerCase());
  }

  all(): Placeholder[] {
    return [...this.byValue.values()];
  }
}

/**
 * Words our own sentences use, and names too short to be told from a drive letter or an abbreviation:
 * values like these are replaced only in their own places, never as a word of a sentence.
 */
const COMMON_WORDS = new Set(
  (
    'admin administrator administrators agent app application azure backup backups cache client computer ' +
    'data default desktop direct disk domain file files folder guest home host laptop local localhost machine ' +
    'mail microsoft network office pc proxy public scratch server service share shares storage system test ' +
    'user users vault web windows wpad'
  ).split(' '),
);

function isDistinctive(value: string): boolean {
  return value.length >= 3 && !COMMON_WORDS.has(value.toLowerCase());
}
