// `--redact` on check, doctor, collect and network-request: what is printed or written is the redacted
// report (and profile), and the program says what it hid - in the text report itself, or in a note on
// stderr for the formats that are files (JSON, HTML, Markdown); never for the fleet formats, whose
// readers take stdout alone and count anything on stderr as a failure.

import type { MachineProfile } from '../../shared/profile/types.js';
import { redactTogether, type RedactionSummary } from '../../shared/report/redact/redact.js';
import { redactionSentence } from '../../shared/report/redact/words.js';
import type { Report } from '../../shared/report/types.js';
import { wrapBlock } from '../../shared/report/wrap.js';
import { t } from '../../shared/i18n/translate.js';

/** --redact's help, in the run's language. */
export const redactHelp = (): string => t('cli.option.redact');

export interface RedactedOutput {
  report: Report;
  profile: MachineProfile;
  summary: RedactionSummary | null;
}

/** What the probes could not tell, one `note:` line each, said here in the redaction's placeholders. */
export interface Note {
  field: string;
  reason: string;
}
type NoteIo = { stderr: (text: string) => void; columns: number };

const sayNotes = (notes: readonly Note[], io: NoteIo) => {
  for (const note of notes) io.stderr(wrapBlock(`${t('cli.note', { field: note.field, reason: note.reason })}\n`, io.columns));
};

/**
 * The report and profile as they are to be written: redacted together when asked (the probes' notes with
 * them, then said on stderr, so that a note names a folder as the report does), else as they are.
 */
export function forOutput(
  report: Report,
  profile: MachineProfile,
  redact: boolean | undefined,
  notes: readonly Note[],
  io: NoteIo,
): RedactedOutput {
  if (!redact) return { report, profile, summary: null };
  const { values, summary } = redactTogether([profile, report, notes] as const);
  sayNotes(values[2], io);
  return { report: { ...values[1], redactions: summary } as Report, profile: values[0], summary };
}

/** A profile redacted on its own (collect --redact): it stays a valid profile, so what was hidden is said on stderr. */
export function redactProfileForOutput(profile: MachineProfile, notes: readonly Note[], io: NoteIo): MachineProfile {
  const { values, summary } = redactTogether([profile, notes] as const);
  sayNotes(values[1], io);
  io.stderr(redactionNote(summary, io.columns, 'profile'));
  return values[0];
}

/** The note for stderr. */
export function redactionNote(summary: RedactionSummary, columns: number, what: 'report' | 'profile' | 'request' = 'report'): string {
  return wrapBlock(`${t('cli.redact.note', { sentence: redactionSentence(summary, what) })}\n`, columns);
}

/** The paragraph that ends a redacted text report. */
export function redactionParagraph(summary: RedactionSummary, columns: number): string {
  return `\n${wrapBlock(`${redactionSentence(summary)}\n`, columns)}`;
}

/** Says what was hidden where the format has room for it: text in the report, JSON, HTML and Markdown on stderr. */
export function tellRedaction(
  format: string,
  summary: RedactionSummary | null,
  io: { stdout: (text: string) => void; stderr: (text: string) => void; columns: number },
  quiet: boolean,
): void {
  if (!summary || quiet) return;
  if (format === 'text') io.stdout(redactionParagraph(summary, io.columns));
  else io.stderr(redactionNote(summary, io.columns, format === 'request' ? 'request' : 'report'));
}
