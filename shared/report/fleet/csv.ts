// `--format csv`: one row per machine per run, for a spreadsheet of the fleet, under a fixed header.
// Fields are quoted as RFC 4180 says (only where needed, quotes doubled), rows end in CRLF.

import { STATUSES, type Report } from '../types.js';
import { checksWith } from './worst.js';

export const CSV_HEADER = [
  'timestamp',
  'host',
  'os',
  'verdict',
  ...STATUSES,
  // Findings a waiver file covers (--waivers; 0 without one): counted apart, never as passed.
  'waived',
  'blockers',
  'warnings',
  'tool_version',
  'matrix_edition',
] as const;

/**
 * One field: quoted when it holds a comma, a quote, a CR or an LF (or starts or ends with a space). A field
 * that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a CR: a host name can be
 * anything) is given a leading apostrophe first, as OWASP advises for CSV files meant to be opened in one.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

export function csvHeader(): string {
  return csvLine(CSV_HEADER);
}

/** The report's row, with its line end. Blockers and warnings are check ids, separated by spaces. */
export function csvRow(report: Report): string {
  return csvLine([
    report.generatedAt,
    report.host.name ?? '',
    report.host.os ?? '',
    report.verdict,
    ...STATUSES.map((status) => String(report.counts[status])),
    String(report.counts.waived ?? 0),
    checksWith(report, 'fail').join(' '),
    checksWith(report, 'warn').join(' '),
    report.tool.version,
    report.matrix.edition,
  ]);
}
