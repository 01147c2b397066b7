// `check --format` and `doctor --format`: how the report is printed. `text` (the default) for a terminal,
// `json` the contract's report (the same as `--json`, which stays), `html` the page the wizard saves, and
// `markdown` for a ticket or a chat. `--json` with another format asks for two outputs: a usage error that
// names both, before anything is probed.
//
// The formats fleet tools read (shared/report/fleet/): `intune-detection` (one line of at most 2,048
// characters, nothing on stderr, exit 1 when not ready), `intune-compliance` (the compressed JSON of an
// Intune custom compliance script; exit 0 for any verdict), `configmgr` (one value for a configuration item:
// the verdict, or with --configmgr-check ID that check's status; exit 0 for any verdict) and `csv` (header
// and row on stdout, or with --append FILE the row appended to a shared file under a lock).

import { Option, type Command } from 'commander';
import { ExplainedError, writeProblem } from '../explained-error.js';
import { t } from '../../shared/i18n/translate.js';
import { renderHtml } from '../../shared/report/html.js';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { renderText, type TextOptions } from '../../shared/report/text.js';
import type { Report } from '../../shared/report/types.js';
import { renderConfigMgr } from '../../shared/report/fleet/configmgr.js';
import { csvHeader, csvRow } from '../../shared/report/fleet/csv.js';
import { renderIntuneCompliance } from '../../shared/report/fleet/intune-compliance.js';
import { renderIntuneDetection } from '../../shared/report/fleet/intune-detection.js';
import { isCheckId } from '../../shared/report/fleet/worst.js';

export const REPORT_FORMATS = ['text', 'json', 'html', 'markdown', 'intune-detection', 'intune-compliance', 'configmgr', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The option itself; no default, so that a --format given beside --json can be told from none. */
export function formatOption(): Option {
  return new Option('--format <format>', t('cli.format.option.format')).choices(REPORT_FORMATS);
}

/** The options that go with one fleet format each: --append FILE (csv), --configmgr-check ID (configmgr). */
export interface FleetFlags {
  append?: string;
  configmgrCheck?: string;
}

export function addFleetOptions(command: Command): Command {
  return command
    .option('--append <file>', t('cli.format.option.append'))
    .option('--configmgr-check <id>', t('cli.format.option.configmgrCheck'));
}

/** A preAction hook: --append only with --format csv, --configmgr-check only with --format configmgr, a known check id. */
export function refuseFleetOptionsElsewhere(command: Command): void {
  const { json, format, append, configmgrCheck } = command.opts<{ json?: boolean } & FleetFlags & { format?: ReportFormat }>();
  // Which format was asked for, as the messages' select takes it: --json, none (the default, text), or --format NAME.
  const shown = { shown: json ? 'json' : format === undefined ? 'default' : 'format', format: format ?? '' };
  if (append !== undefined && (json || format !== 'csv')) throw new ExplainedError(t('cli.format.appendOnlyCsv', shown));
  if (append !== undefined && append.trim() === '-') throw new ExplainedError(t('cli.format.appendStdout'));
  if (configmgrCheck !== undefined && (json || format !== 'configmgr'))
    throw new ExplainedError(t('cli.format.configmgrCheckOnlyConfigmgr', shown));
  if (configmgrCheck !== undefined && !isCheckId(configmgrCheck))
    throw new ExplainedError(t('cli.format.configmgrCheckUnknown', { id: configmgrCheck }));
}

/** A preAction hook: --json and a --format other than json are refused (exit 2), naming both. */
export function refuseJsonWithOtherFormat(command: Command): void {
  const { json, format } = command.opts<{ json?: boolean; format?: ReportFormat }>();
  if (json && format !== undefined && format !== 'json') throw new ExplainedError(t('cli.format.jsonWithFormat', { format }));
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
  if (format === 'intune-detection') return `${renderIntuneDetection(report)}\n`;
  if (format === 'intune-compliance') return `${renderIntuneCompliance(report)}\n`;
  if (format === 'configmgr') return `${renderConfigMgr(report)}\n`;
  if (format === 'csv') return csvHeader() + csvRow(report);
  return renderText(report, text);
}

/** Whether a format prints nothing on stderr: Intune's detection script keeps stdout and fails on stderr. */
/** The formats a fleet tool reads from stdout alone, where a note on stderr can count as a failed script. */
export const quietFormat = (format: ReportFormat): boolean =>
  format === 'intune-detection' || format === 'intune-compliance' || format === 'configmgr' || format === 'csv';

/**
 * Prints the report as the format says and returns the exit status: `verdictExit` (what the verdict and
 * --strict give), except for intune-compliance and configmgr, whose readers take the value, not the status.
 */
export async function printReportAs(
  format: ReportFormat,
  report: Report,
  json: unknown,
  text: TextOptions,
  flags: FleetFlags,
  stdout: (text: string) => void,
  verdictExit: number,
): Promise<number> {
  if (format === 'configmgr') {
    const check = flags.configmgrCheck;
    stdout(`${renderConfigMgr(report, check !== undefined && isCheckId(check) ? check : null)}\n`);
    return 0;
  }
  if (format === 'csv' && flags.append !== undefined) {
    const file = flags.append;
    const { appendCsvRow } = await import('./csv-append.js');
    await appendCsvRow(file, csvHeader(), csvRow(report)).catch((error: NodeJS.ErrnoException) => {
      throw new ExplainedError(t('cli.format.appendFailed', { file, ...writeProblem(error) }));
    });
    return verdictExit;
  }
  stdout(renderReportAs(format, report, json, text));
  return format === 'intune-compliance' ? 0 : verdictExit;
}
