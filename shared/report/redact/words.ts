// What a redaction hid, in words a helpdesk agent can read aloud: kinds and counts, never the values.

import type { RedactionKind, RedactionSummary } from './redact.js';

const NAMES: Record<RedactionKind, [string, string]> = {
  host: ['machine name', 'machine names'],
  domain: ['domain or organisation name', 'domain or organisation names'],
  user: ['user name', 'user names'],
  ip: ['IP address', 'IP addresses'],
  secret: ['password in an address', 'passwords in addresses'],
};
const EXAMPLE: Record<RedactionKind, string> = { host: 'HOST-1', domain: 'DOMAIN-1', user: 'USER-1', ip: 'IP-1', secret: 'SECRET-1' };

/** One line per kind that was hidden: "2 machine names (HOST-1, HOST-2...), in 5 places". */
export function redactionLines(summary: RedactionSummary): string[] {
  return (Object.keys(NAMES) as RedactionKind[])
    .filter((kind) => summary.kinds[kind].values > 0)
    .map((kind) => {
      const { values, replaced } = summary.kinds[kind];
      return `${values} ${NAMES[kind][values === 1 ? 0 : 1]} (shown as ${EXAMPLE[kind]}${values > 1 ? ' and so on' : ''}), in ${replaced} ${replaced === 1 ? 'place' : 'places'}`;
    });
}

/** The whole sentence: what was hidden, or that nothing needed hiding. */
export function redactionSentence(summary: RedactionSummary, what: 'report' | 'profile' | 'request' = 'report'): string {
  const lines = redactionLines(summary);
  if (lines.length === 0) return `Names and addresses are hidden: this ${what} held none to hide.`;
  return `Names and addresses are hidden: ${lines.join('; ')}. The same name has the same stand-in everywhere in this ${what}.`;
}
