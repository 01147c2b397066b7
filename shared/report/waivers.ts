// Waivers (`check --waivers FILE`): a file of accepted risks, each naming a finding (check id and subject),
// why it is accepted, who approved it and until when. A blocker, warning or unknown a waiver covers becomes
// `waived` - never `pass` - keeping the status its check gave (`waivedStatus`) and the waiver's terms; the
// counts and the verdict are made again without it. A waiver past its date no longer applies and the
// report says so; one that covers nothing is reported as unused. Pure: the CLI reads the file, this reads
// its text and the report.
//
// The file (JSON, UTF-8 or UTF-16 with its mark):
//   { "schemaVersion": 1,
//     "waivers": [ { "check": "cache.azure-temporary", "subject": null, "justification": "...",
//                    "approvedBy": "Jane Doe", "expires": "2026-12-31" } ] }
// `subject` null or left out: the check's finding without a subject; a text: the finding of that subject,
// compared as the rules compare it (subject-key.ts). `expires`: the last day the waiver applies (UTC).

import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { decodeProfileText } from '../profile/decode-profile-text.js';
import { jsonErrorWords } from '../util/json-error.js';
import { problemWords } from '../util/schema.js';
import { countStatuses, verdictOf } from './build.js';
import { isCheckId } from './fleet/worst.js';
import { findingKey } from './subject-key.js';
import { WaiverFileError } from './waiver-file-error.js';
import { t } from '../i18n/translate.js';
import type { CheckId, Finding, Report, WaivableStatus, WaiverNotes, WaiverRef } from './types.js';

const text = (description: string, maxLength: number) => Type.String({ minLength: 1, maxLength, description });

const WAIVER = Type.Object(
  {
    check: text('a check id, such as cache.azure-temporary ("mars-readiness checks" lists them)', 100),
    subject: Type.Optional(
      Type.Union([text('', 1000), Type.Null()], {
        description: 'the subject as the report names it (such as E: or *.blob.core.windows.net), or null for a check without one',
      }),
    ),
    justification: text('a sentence that says why the risk is accepted', 2000),
    approvedBy: text('the name of the person who approved the waiver', 200),
    expires: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date written as YYYY-MM-DD, such as 2026-12-31' }),
  },
  { additionalProperties: false },
);

export const WAIVER_FILE_SCHEMA = Type.Object(
  {
    schemaVersion: Type.Literal(1, { description: 'the number 1' }),
    waivers: Type.Array(WAIVER, { maxItems: 1000, description: 'a list of waivers' }),
  },
  { additionalProperties: false },
);

export type WaiverFile = Static<typeof WAIVER_FILE_SCHEMA>;
export type Waiver = WaiverFile['waivers'][number];

export { WaiverFileError };

let compiled: ReturnType<typeof TypeCompiler.Compile<typeof WAIVER_FILE_SCHEMA>> | null = null;

/** The waiver file from the bytes of `file` (its name is for the messages), checked whole; else a WaiverFileError. */
export function parseWaivers(file: string, bytes: Uint8Array): WaiverFile {
  const source = decodeProfileText(bytes);
  if (source.trim() === '') throw new WaiverFileError(file, [t('report.waivers.empty')]);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new WaiverFileError(file, [t('report.waivers.notJson', { reason: jsonErrorWords(error, source) })]);
  }
  compiled ??= TypeCompiler.Compile(WAIVER_FILE_SCHEMA);
  const typed = compiled.Check(value);
  // Both kinds of problem at once, one per field: what the schema refuses, then what it cannot say.
  const problems = typed ? [] : describeErrors([...compiled.Errors(value)]);
  const said = new Set(problems.map((p) => p.slice(0, p.indexOf(': '))));
  problems.push(...meaningProblems(value).filter((p) => !said.has(p.slice(0, p.indexOf(': ')))));
  if (problems.length > 0 || !typed) throw new WaiverFileError(file, problems);
  return value as WaiverFile;
}

/**
 * What the schema cannot say: a real check id and date, words that are more than spaces, one waiver per
 * finding. Read from whatever the file holds, so that these come with the schema's own problems.
 */
function meaningProblems(value: unknown): string[] {
  const problems: string[] = [];
  const waivers = (value as { waivers?: unknown } | null)?.waivers;
  if (!Array.isArray(waivers)) return problems;
  const seen = new Map<string, number>();
  waivers.forEach((waiver: unknown, index) => {
    if (typeof waiver !== 'object' || waiver === null) return;
    const { check, subject, expires, justification, approvedBy } = waiver as Record<string, unknown>;
    const at = `/waivers/${index}`;
    if (typeof check === 'string' && check !== '' && !isCheckId(check))
      problems.push(`${at}/check: ${t('report.waivers.noSuchCheck', { check })}`);
    if (typeof expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(expires) && !isRealDate(expires))
      problems.push(`${at}/expires: ${t('report.waivers.notADate', { expires })}`);
    for (const [field, text] of [
      ['justification', justification],
      ['approvedBy', approvedBy],
    ] as const)
      if (typeof text === 'string' && text !== '' && text.trim() === '') problems.push(`${at}/${field}: ${t('report.waivers.onlySpaces')}`);
    if (typeof subject === 'string' && subject !== '' && subject.trim() === '')
      problems.push(`${at}/subject: ${t('report.waivers.blankSubject')}`);
    if (typeof check !== 'string' || !isCheckId(check) || (subject !== undefined && subject !== null && typeof subject !== 'string'))
      return;
    const key = findingKey({ check, subject: subject ?? null });
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${at}: ${t('report.waivers.duplicate', { first: `/waivers/${first}` })}`);
    else seen.set(key, index);
  });
  return problems;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** One sentence per field the schema refused: the missing field, else the first thing wrong with it. */
function describeErrors(errors: ValueError[]): string[] {
  const byPath = new Map<string, ValueError>();
  for (const error of errors) {
    const kept = byPath.get(error.path);
    if (!kept || (error.type === ValueErrorType.ObjectRequiredProperty && kept.type !== ValueErrorType.ObjectRequiredProperty))
      byPath.set(error.path, error);
  }
  return [...byPath.values()].map((error) => `${error.path || '/'}: ${describeError(error)}`);
}

/** The fields whose schema says what they must be (its description, in the catalogue's words). */
const WANTED: Record<string, string> = {
  check: 'check',
  subject: 'subject',
  justification: 'justification',
  approvedBy: 'approvedBy',
  expires: 'expires',
  schemaVersion: 'schemaVersion',
  waivers: 'waivers',
};

function describeError(error: ValueError): string {
  const wanted = (error.schema as TSchema).description ? WANTED[error.path.split('/').pop() ?? ''] : undefined;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return t('report.waivers.missing');
    case ValueErrorType.ObjectAdditionalProperties:
      return t('report.waivers.notAField');
    case ValueErrorType.StringMinLength:
      return t('report.waivers.empty.field');
    case ValueErrorType.StringMaxLength:
      return t('report.waivers.tooLong', { max: (error.schema as { maxLength?: number }).maxLength ?? 0 });
    case ValueErrorType.ArrayMaxItems:
      return t('report.waivers.tooMany', { max: 1000 });
    case ValueErrorType.Object:
      return error.path === '' ? t('report.waivers.notAFile') : t('report.waivers.notAWaiver');
    case ValueErrorType.Array:
      return t('report.waivers.notAList');
    default:
      // Anything else in the schema's own words, as every TypeBox-checked file says it.
      return wanted ? t('report.waivers.mustBe', { field: wanted }) : problemWords(error);
  }
}

/** The day a report was made (UTC), against which expiry dates are read. */
const dayOf = (report: Pick<Report, 'generatedAt'>) => report.generatedAt.slice(0, 10);

/** A waiver expires at the end of its day: on the day after, it no longer applies. */
export const hasExpired = (waiver: Pick<Waiver, 'expires'>, day: string): boolean => waiver.expires < day;

const isWaivable = (status: Finding['status']): status is WaivableStatus => status === 'fail' || status === 'warn' || status === 'unknown';

const refOf = (waiver: Waiver): WaiverRef => ({ check: waiver.check as CheckId, subject: waiver.subject ?? null, expires: waiver.expires });

/**
 * The report with the file's waivers applied: covered findings `waived`, counts (with `waived`) and verdict
 * made again, and `waivers` saying which waivers expired and which covered nothing.
 */
export function applyWaivers(report: Report, file: WaiverFile): Report {
  const day = dayOf(report);
  const active = new Map<string, Waiver>();
  const expired: WaiverRef[] = [];
  for (const waiver of file.waivers) {
    if (hasExpired(waiver, day)) expired.push(refOf(waiver));
    else active.set(findingKey({ check: waiver.check as CheckId, subject: waiver.subject ?? null }), waiver);
  }
  const used = new Set<string>();
  const findings = report.findings.map((finding): Finding => {
    const key = findingKey(finding);
    const waiver = active.get(key);
    if (!waiver || !isWaivable(finding.status)) return finding;
    used.add(key);
    return {
      ...finding,
      status: 'waived',
      waivedStatus: finding.status,
      waiver: { justification: waiver.justification, approvedBy: waiver.approvedBy, expires: waiver.expires },
    };
  });
  const unused = [...active.entries()].filter(([key]) => !used.has(key)).map(([, waiver]) => refOf(waiver));
  const waived = findings.filter((f) => f.status === 'waived').length;
  // A report made with --waivers counts its waived findings, none too.
  const counts = { ...countStatuses(findings), waived };
  const waivers: WaiverNotes = { expired, unused };
  return { ...report, verdict: verdictOf(counts), counts, findings, waivers };
}
