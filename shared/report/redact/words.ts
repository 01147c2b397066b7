// What a redaction hid, in words a helpdesk agent can read aloud: kinds and counts, never the values.

import type { RedactionKind, RedactionSummary } from './redact.js';
import { t } from '../../i18n/translate.js';

const KINDS: readonly RedactionKind[] = ['host', 'domain', 'user', 'ip', 'secret'];
const EXAMPLE: Record<RedactionKind, string> = { host: 'HOST-1', domain: 'DOMAIN-1', user: 'USER-1', ip: 'IP-1', secret: 'SECRET-1' };

/** One line per kind that was hidden: "2 machine names (shown as HOST-1 and so on), in 5 places". */
export function redactionLines(summary: RedactionSummary): string[] {
  return KINDS.filter((kind) => summary.kinds[kind].values > 0).map((kind) => {
    const { values, replaced } = summary.kinds[kind];
    return t('report.redact.kind', { kind, values, example: EXAMPLE[kind], replaced });
  });
}

/** The whole sentence: what was hidden, or that nothing needed hiding. */
export function redactionSentence(summary: RedactionSummary, what: 'report' | 'profile' | 'request' = 'report'): string {
  const lines = redactionLines(summary);
  if (lines.length === 0) return t('report.redact.none', { what });
  return t('report.redact.hidden', { what, lines: lines.join(t('report.titles.separator')) });
}
