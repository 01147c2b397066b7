// Hiding the names and addresses of a machine in what is written about it (`--redact`, the wizard's "Hide
// names and addresses"): host, domain and user names, IP addresses and the user parts of paths become
// placeholders (HOST-1, DOMAIN-1, USER-1, IP-1), the same value the same placeholder in every field of
// everything redacted together, so that a report and its profile still agree with each other. Fixed words,
// versions, times and the matrix's citations are never touched, so what is redacted keeps to its contract.
// The summary counts what was hidden by kind, and never holds a value that was hidden.

import type { MachineProfile } from '../../profile/types.js';
import type { Report } from '../types.js';
import { findIdentifiers } from './identifiers.js';
import { Placeholders, REDACTION_KINDS, type RedactionKind } from './placeholders.js';
import { replacer } from './replace.js';
import { mapStrings } from './walk.js';

export type { RedactionKind } from './placeholders.js';
export { REDACTION_KINDS } from './placeholders.js';

/** What one redaction hid: per kind, how many different values and how many places; `total` the places. */
export interface RedactionSummary {
  kinds: Record<RedactionKind, { values: number; replaced: number }>;
  total: number;
}

export interface Redacted<T> {
  value: T;
  summary: RedactionSummary;
  /** Up to `samples` redacted texts in which something was replaced, for a preview (placeholders only). */
  samples: string[];
}

/**
 * Redacts several values together (a profile and the report built from it, say): names are looked for in
 * all of them first, so the same name gets the same placeholder in each.
 */
export function redactTogether<T extends readonly unknown[]>(values: T, samples = 5): { values: T } & Omit<Redacted<T>, 'value'> {
  const placeholders = findIdentifiers(values, new Placeholders());
  const replacing = replacer(placeholders);
  const redacted = values.map((value) => mapStrings(value, replacing.replace)) as unknown as T;
  const kinds = Object.fromEntries(
    REDACTION_KINDS.map((kind) => {
      const count = replacing.tally().get(kind);
      return [kind, { values: count?.values.size ?? 0, replaced: count?.replaced ?? 0 }];
    }),
  ) as RedactionSummary['kinds'];
  const total = REDACTION_KINDS.reduce((sum, kind) => sum + kinds[kind].replaced, 0);
  return { values: redacted, summary: { kinds, total }, samples: replacing.changed().slice(0, samples) };
}

/** One value redacted on its own. */
export function redact<T>(value: T, samples = 5): Redacted<T> {
  const { values, summary, samples: changed } = redactTogether([value] as const, samples);
  return { value: values[0], summary, samples: changed };
}

/** A report as JSON carries what was hidden: `redactions`, kinds and counts. */
export type RedactedReport = Report & { redactions: RedactionSummary };

/** A report and the profile it was built from, redacted together; the report says what was hidden. */
export function redactReportAndProfile(
  report: Report,
  profile: MachineProfile,
): { report: RedactedReport; profile: MachineProfile; summary: RedactionSummary; samples: string[] } {
  const { values, summary, samples } = redactTogether([profile, report] as const);
  return { profile: values[0], report: { ...values[1], redactions: summary }, summary, samples };
}
