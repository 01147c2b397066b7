// `check --format` and `doctor --format`: how the report is printed. `text` (the default) for a terminal,
// `json` the contract's report (the same as `--json`, which stays), `html` the page the wizard saves, and
// `markdown` for a ticket or a chat. `--json` with another format asks for two outputs: a usage error that
// names both, before anything is probed.

import { Option, type Command } from 'commander';
import { ExplainedError } from '../explained-error.js';
import { renderHtml } from '../../shared/report/html.js';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { renderText, type TextOptions } from '../../shared/report/text.js';
import type { Report } from '../../shared/report/types.js';

export const REPORT_FORMATS = ['text', 'json', 'html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The option itself; no default, so that a --format given beside --json can be told from none. */
export function formatOption(): Option {
  return new Option(
    '--format <format>',
    'how to print the report: text (the default), json (as --json), html (the page the wizard saves) or markdown (for a ticket or a chat)',
  ).choices(REPORT_FORMATS);
}

/** A preAction hook: --json and a --format other than json are refused (exit 2), naming both. */
export function refuseJsonWithOtherFormat(command: Command): void {
  const { json, format } = command.opts<{ json?: boolean; format?: ReportFormat }>();
  if (json && format !== undefined && format !== 'json')
    throw new ExplainedError(
      `--json and --format ${format} ask for two different outputs: give one of them (--json is the same as --format json).`,
    );
}

export function formatOf(options: { json?: boolean; format?: string }): ReportFormat {
  if (options.json) return 'json';
  return (REPORT_FORMATS as readonly string[]).includes(options.format ?? '') ? (options.format as ReportFormat) : 'text';
}

/** The report as the format says; `json` is what JSON prints (the doctor's adds its diagnosis). */
export function renderReportAs(format: ReportFormat, report: Report, json: unknown, text: TextOptions): string {
  if (format === 'json') return `${JSON.stringify(json, null, 2)}\n`;
  if (format === 'html') return renderHtml(report);
  if (format === 'markdown') return renderMarkdown(report);
  return renderText(report, text);
}
