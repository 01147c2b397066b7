// The network team's request as Markdown (for a ticket or an email) and as CSV (for a spreadsheet or a
// firewall tool's import; RFC 4180, as --format csv writes it).

import { csvField } from '../fleet/csv.js';
import { escapeMarkdown, markdownCode } from '../markdown.js';
import { visibleText } from '../visible-text.js';
import type { NetworkRequest, RequestRow } from './build.js';

const machineOf = (request: NetworkRequest) => request.host ?? 'this machine';

/** What to say when the test reached everything: the request is then empty. */
export function nothingToAsk(request: NetworkRequest): string {
  return `Nothing to ask the network team: the test on ${machineOf(request)} reached all ${request.addresses} addresses the MARS agent needs.`;
}

const tagWords = (row: RequestRow) => row.serviceTag ?? 'None: allow the name itself on the proxy or firewall';

export function renderRequestMarkdown(request: NetworkRequest): string {
  // A profile's words (a host, what the test said) are shown, never read as markup or HTML, on one line.
  const cell = (text: string) => escapeMarkdown(visibleText(text));
  // In a table a pipe ends the cell even inside a code span, unless escaped.
  const codeCell = (text: string) => markdownCode(visibleText(text)).replace(/\|/g, '\\|');
  const lines = [`# Network access for the MARS backup agent on ${cell(machineOf(request))}`, ''];
  if (request.rows.length === 0) {
    lines.push(nothingToAsk(request), '');
  } else {
    const when = request.capturedAt ? ` (tested ${request.capturedAt.slice(0, 10)})` : '';
    lines.push(
      `Please let ${cell(machineOf(request))}${when} reach the Microsoft addresses below. The Azure Backup agent (MARS) needs each of them to register with the vault and to back up; the test could not reach them, or could not test them.`,
      '',
      '| Address (pattern) | Host tested | Port | Protocol | What failed | Why the agent needs it | Service tag to allow | TLS inspection |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...request.rows.map(
        (row) =>
          `| ${codeCell(row.pattern)} | ${cell(row.host)} | ${row.port} | ${row.protocol} | ${cell(row.failed)} | ${cell(row.why)} | ${cell(tagWords(row))} | ${cell(row.tlsInspection)} |`,
      ),
      '',
    );
    const said = request.rows.filter((row) => row.testSaid);
    if (said.length > 0) lines.push('What the test said:', '', ...said.map((row) => `- ${cell(row.host)}: ${cell(row.testSaid!)}`), '');
    lines.push('A wildcard address cannot be tested itself: one host stood for each. Allow the whole pattern, not only that host.', '');
  }
  for (const note of request.notes) lines.push(`Note: ${cell(note)}`, '');
  lines.push(
    `Made by ${request.tool.name} ${request.tool.version} against the support matrix ${request.edition.id} (${request.edition.date}).`,
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
