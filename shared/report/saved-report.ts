// A readiness report read back from its file (what `check --json` printed, in whatever language), to be
// said again in the reader's language (`check --profile REPORT`). It is checked whole before anything is
// shown: its form (the report format), each message id against the catalogue and each message's arguments
// against their kinds, so that a damaged or hostile file is refused with the field that is wrong, never
// half-shown. Only the findings' messages are said again: ids, statuses and evidence stay as saved.

import { Type, type TSchema } from '@sinclair/typebox';
import en from '../i18n/catalogue/en/index.js';
import { isMsg, type Arg, type Msg } from '../i18n/message.js';
import { englishArgumentKinds, say, t } from '../i18n/translate.js';
import { CHECKS } from '../rules/catalogue.js';
import { countStatuses, verdictOf } from './build.js';
import { compileSchema } from '../util/schema.js';
import { relocalizeReport } from './relocalize.js';
import type { Counts, Report } from './types.js';
import { stepFitsFinding, wordsFitFinding } from './words-fit.js';
import { citationFits } from '../matrix/citation-words.js';

const text = (maxLength = 100_000) => Type.String({ maxLength });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const STATUS = Type.Union(['pass', 'warn', 'fail', 'info', 'unknown'].map((s) => Type.Literal(s)));
const COUNT = Type.Integer({ minimum: 0 });

/** A message as data, arguments nested as deep as a sentence needs (a list of clauses of messages). */
const MESSAGE = Type.Recursive((self) => {
  const arg = Type.Union([
    text(),
    // No count or size in a report is past a quadrillion: a number beyond is a tampered one, said in 300 digits.
    Type.Number({ minimum: -1e15, maximum: 1e15 }),
    self,
    Type.Object({
      list: Type.Array(Type.Any(), { maxItems: 10_000 }),
      type: Type.Optional(Type.Union([Type.Literal('and'), Type.Literal('or')])),
    }),
    Type.Object({ bytes: Type.Number({ minimum: 0, maximum: 2 ** 63 }) }, { additionalProperties: false }),
    Type.Object({ dateTime: text(64) }, { additionalProperties: false }),
    Type.Object({ utc: text(64) }, { additionalProperties: false }),
  ]);
  return Type.Object(
    { id: Type.String({ maxLength: 200 }), args: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), arg)) },
    { additionalProperties: false },
  );
});

const FINDING = Type.Object({
  check: Type.Union(CHECKS.map((c) => Type.Literal(c.id))),
  subject: nullable(text()),
  status: Type.Union([STATUS, Type.Literal('waived')]),
  title: text(),
  detail: text(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  fix: nullable(
    Type.Object({
      steps: Type.Array(text()),
      who: Type.Union(['user', 'helpdesk', 'server admin', 'network team'].map((s) => Type.Literal(s))),
      action: nullable(Type.Union(['relocate-cache', 'point-registry', 'start-engine'].map((s) => Type.Literal(s)))),
    }),
  ),
  // Only Microsoft's documentation: the HTML report makes this a link.
  source: Type.Object({
    edition: text(40),
    date: text(40),
    document: text(),
    section: text(),
    url: Type.String({ maxLength: 2000, pattern: '^https://learn\\.microsoft\\.com/' }),
  }),
  messages: Type.Optional(Type.Object({ title: MESSAGE, detail: MESSAGE, steps: Type.Array(MESSAGE) })),
});

const REPORT = Type.Object({
  schemaVersion: Type.Literal(1),
  tool: Type.Object({ name: text(200), version: text(100) }),
  matrix: Type.Object({ edition: text(40), date: text(40) }),
  generatedAt: text(64),
  host: Type.Object({
    name: nullable(text(1000)),
    azureVm: nullable(Type.Boolean()),
    role: nullable(text(1000)),
    os: nullable(text(1000)),
    capturedAt: nullable(text(64)),
  }),
  verdict: Type.Union([Type.Literal('ready'), Type.Literal('ready-with-warnings'), Type.Literal('not-ready')]),
  counts: Type.Object({ pass: COUNT, warn: COUNT, fail: COUNT, info: COUNT, unknown: COUNT, waived: Type.Optional(COUNT) }),
  findings: Type.Array(FINDING, { maxItems: 100_000 }),
});

const checkForm = compileSchema(REPORT);

/** Deeper than any report nests (a message in a list in a message...): refused before it is walked. */
export const MAX_DEPTH = 64;

/** Where a JSON value nests deeper than `max`, walked without recursion; null when it does not. */
export function tooDeepAt(value: unknown, max = MAX_DEPTH): string | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [node, at, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return at || '/';
    for (const [key, child] of Object.entries(node)) stack.push([child, `${at}/${key}`, depth + 1]);
  }
  return null;
}

/** Why a value is not a report that can be said again ("<pointer>: <what is wrong>"); null when it is one. */
export function savedReportProblem(value: unknown): string | null {
  const deep = tooDeepAt(value);
  if (deep) return t('validation.report.tooDeep', { pointer: deep, depth: MAX_DEPTH });
  const problem = checkForm(value);
  if (problem) return problem;
  const findings = (value as Report).findings;
  for (const [index, finding] of findings.entries()) {
    const messages = finding.messages;
    const at = `/findings/${index}/messages`;
    // A report of a version before messages: its words are all it has, in the language it was made in.
    if (!messages) return t('validation.report.noMessages', { pointer: at });
    if (!citationFits(finding.source)) return t('validation.report.sourceElsewhere', { pointer: `/findings/${index}/source` });
    // Each message its finding's own: the title and detail of its check and status, the steps of its check.
    const said: [string, unknown, boolean][] = [
      ...(['title', 'detail'] as const).map((part): [string, unknown, boolean] => [part, messages[part]?.id, true]),
      ...(messages.steps ?? []).map((step, i): [string, unknown, boolean] => [`steps/${i}`, step?.id, false]),
    ];
    for (const [part, id, judgedByStatus] of said) {
      if (typeof id !== 'string' || !Object.hasOwn(en, id)) continue; // an unknown id is said below
      const fits = judgedByStatus
        ? wordsFitFinding(finding.check, finding.status, finding.waivedStatus, id)
        : stepFitsFinding(finding.check, id);
      if (!fits)
        return t('validation.report.notItsWords', {
          pointer: `${at}/${part}/id`,
          id: JSON.stringify(id),
          check: finding.check,
          status: finding.status,
        });
    }
    const wrong =
      messageProblem(messages.title, `${at}/title`) ??
      messageProblem(messages.detail, `${at}/detail`) ??
      messages.steps.map((step, i) => messageProblem(step, `${at}/steps/${i}`)).find((p) => p !== null) ??
      (finding.fix && finding.fix.steps.length !== messages.steps.length ? t('validation.report.steps', { pointer: `${at}/steps` }) : null);
    if (wrong) return wrong;
  }
  return null;
}

/**
 * A message whose id this version does not know, or that cannot be said with the arguments it has: each
 * argument one the message takes, of the kind it takes (a number for a count, a word for a choice), a
 * message inside it held to the same.
 */
function messageProblem(message: Msg, at: string): string | null {
  if (typeof message.id !== 'string' || !Object.hasOwn(en, message.id))
    return t('validation.report.unknownId', { pointer: `${at}/id`, id: JSON.stringify(String(message.id).slice(0, 80)) });
  const kinds = englishArgumentKinds(message.id);
  for (const [name, value] of Object.entries(message.args ?? {})) {
    const kind = kinds.get(name);
    const fits = kind === 'number' ? typeof value === 'number' : kind === 'choice' ? typeof value === 'string' : kind === 'words';
    if (!fits) return t('validation.report.cannotSay', { pointer: `${at}/args/${name}` });
    const inner = argumentProblem(value, `${at}/args/${name}`);
    if (inner) return inner;
  }
  try {
    say(message);
    return null;
  } catch {
    return t('validation.report.cannotSay', { pointer: at });
  }
}

/** A message inside an argument (itself, or an item of a list), held to what its own message takes. */
function argumentProblem(value: Arg, at: string): string | null {
  if (isMsg(value)) return messageProblem(value, at);
  if (typeof value === 'object' && 'list' in value)
    for (const [i, item] of value.list.entries()) {
      const inner = argumentProblem(item, `${at}/list/${i}`);
      if (inner) return inner;
    }
  return null;
}

/**
 * The report said again in the current language (its findings' titles, details and steps), its counts and
 * verdict worked out again from its findings: a file's own verdict is never taken on trust.
 */
export function sayReportAgain(report: Report): Report {
  const said = relocalizeReport(report);
  const counts = countStatuses(said.findings);
  // A report made with --waivers counts its waived findings, none too.
  const recounted: Counts = report.counts.waived === undefined ? counts : { ...counts, waived: counts.waived ?? 0 };
  return { ...said, counts: recounted, verdict: verdictOf(recounted) };
}
