// The network team's request as Markdown (for a ticket or an email) and as CSV (for a spreadsheet or a
// firewall tool's import; RFC 4180, as --format csv writes it).

import { csvField } from '../fleet/csv.js';
import { escapeMarkdown, markdownCode } from '../markdown.js';
import { visibleText } from '../visible-text.js';
import type { NetworkRequest, RequestRow } from './build.js';
import { t } from '../../i18n/translate.js';

/** What to say when the test reached everything: the request is then empty. */
export function nothingToAsk(request: NetworkRequest): string {
  return request.host
    ? t('report.network.nothing', { machine: request.host, count: request.addresses })
    : t('report.network.nothingUnnamed', { count: request.addresses });
}

const tagWords = (row: RequestRow) => row.serviceTag ?? t('report.network.noTag');

/** The table's columns, in its order. */
const COLUMNS = [
  'report.network.column.pattern',
  'report.network.column.host',
  'report.network.column.port',
  'report.network.column.protocol',
  'report.network.column.failed',
  'report.network.column.why',
  'report.network.column.tag',
  'report.network.column.tls',
] as const;

export function renderRequestMarkdown(request: NetworkRequest): string {
  // A profile's words (a host, what the test said) are shown, never read as markup or HTML, on one line.
  const cell = (text: string) => escapeMarkdown(visibleText(text));
  // In a table a pipe ends the cell even inside a code span, unless escaped.
  const codeCell = (text: string) => markdownCode(visibleText(text)).replace(/\|/g, '\\|');
  const lines = [
    `# ${request.host ? t('report.network.heading', { machine: cell(request.host) }) : t('report.network.headingUnnamed')}`,
    '',
  ];
  if (request.rows.length === 0) {
    lines.push(nothingToAsk(request), '');
  } else {
    lines.push(
      t('report.network.please', {
        named: request.host ? 'yes' : 'no',
        machine: request.host ? cell(request.host) : '',
        tested: request.capturedAt ? 'yes' : 'no',
        date: request.capturedAt ? request.capturedAt.slice(0, 10) : '',
      }),
      '',
      `| ${COLUMNS.map((id) => escapeMarkdown(t(id))).join(' | ')} |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...request.rows.map(
        (row) =>
          `| ${codeCell(row.pattern)} | ${cell(row.host)} | ${row.port} | ${row.protocol} | ${cell(row.failed)} | ${cell(row.why)} | ${cell(tagWords(row))} | ${cell(row.tlsInspection)} |`,
      ),
      '',
    );
    const said = request.rows.filter((row) => row.testSaid);
    if (said.length > 0)
      lines.push(
        t('report.network.testSaid'),
        '',
        ...said.map((row) => `- ${t('report.markdown.pointed', { state: cell(row.host), title: cell(row.testSaid!) })}`),
        '',
      );
    lines.push(t('report.network.wildcard'), '');
  }
  for (const note of request.notes) lines.push(t('report.text.note', { note: cell(note) }), '');
  lines.push(
    t('report.network.made', {
      tool: `${request.tool.name} ${request.tool.version}`,
      edition: request.edition.id,
      date: request.edition.date,
    }),
    '',
  );
  return lines.join('\n');
}

export const REQUEST_CSV_HEADER = [
  'pattern',
  'host_tested',
  'port',
  'protocol',
  'what_failed',
  'outcome',
  'test_said',
  'why_needed',
  'service_tag',
  'tls_inspection',
] as const;

export function renderRequestCsv(request: NetworkRequest): string {
  const line = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;
  return (
    line(REQUEST_CSV_HEADER) +
    request.rows
      .map((row) =>
        line([
          row.pattern,
          row.host,
          String(row.port),
          row.protocol,
          row.failed,
          row.outcome,
          row.testSaid ?? '',
          row.why,
          row.serviceTag ?? '',
          row.tlsInspection,
        ]),
      )
      .join('')
  );
}
