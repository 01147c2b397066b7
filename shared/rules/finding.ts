// Building findings. Every finding of every rule goes through `finding()`, which enforces the contract's
// shape: a fix on every fail, warn and unknown, none on pass and info, and the edition's citation (its
// section and, contract v2, that section's address on learn.microsoft.com).

import { formatNumber, say } from '../i18n/translate.js';
import type { Msg } from '../i18n/message.js';
import type { Citation } from '../matrix/types.js';
import type { ActionId, CheckId, Finding, Fixer, Status } from '../report/types.js';
import type { RuleContext } from './context.js';

/** A sentence of a finding: a catalogue message (plain text only where a rule is not yet in the catalogue). */
export type Words = Msg | string;

/** A fix as a rule states it: its steps as messages, said in the current language by `finding()`. */
export interface FixParts {
  who: Fixer;
  steps: Words[];
  action: ActionId | null;
}

export interface FindingParts {
  subject?: string | null;
  status: Status;
  title: Words;
  detail: Words;
  evidence: Record<string, unknown>;
  fix?: FixParts | null;
  cite: Citation;
}

function words(part: Words): string {
  return typeof part === 'string' ? part : say(part);
}

export function finding(ctx: RuleContext, check: CheckId, parts: FindingParts): Finding {
  const needsFix = parts.status === 'fail' || parts.status === 'warn' || parts.status === 'unknown';
  if (needsFix && !parts.fix) throw new Error(`${check}: a ${parts.status} finding needs a fix`);
  const fixParts = needsFix ? (parts.fix ?? null) : null;
  const steps = fixParts?.steps ?? [];
  const allMessages = [parts.title, parts.detail, ...steps].every((part) => typeof part !== 'string');
  return {
    check,
    subject: parts.subject ?? null,
    status: parts.status,
    title: words(parts.title),
    detail: words(parts.detail),
    evidence: normalizeEvidence(parts.evidence),
    fix: fixParts ? { who: fixParts.who, steps: steps.map(words), action: fixParts.action } : null,
    source: {
      edition: ctx.edition.id,
      date: ctx.edition.date,
      document: parts.cite.document ?? ctx.edition.document,
      section: parts.cite.section,
      url: parts.cite.url,
    },
    ...(allMessages ? { messages: { title: parts.title as Msg, detail: parts.detail as Msg, steps: steps as Msg[] } } : {}),
  };
}

/** A profile value that was not probed (undefined) is shown as null: JSON has no "absent" value. */
function normalizeEvidence(evidence: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(evidence).map(([key, value]) => [key, value === undefined ? null : value]));
}

export function fix(who: Fixer, steps: Words[], action: FixParts['action'] = null): FixParts {
  return { who, steps, action };
}

/** The worst of several statuses, in the order that decides a finding: fail, warn, unknown, pass. */
export function worst(statuses: Status[]): Status {
  for (const status of ['fail', 'warn', 'unknown', 'info'] as const) if (statuses.includes(status)) return status;
  return 'pass';
}

/** "a, b and c" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

let pluralRules: Intl.PluralRules | null = null;

/** "1 warning", "2 warnings", "1,204 files": the count and the word in the form English's plural rules pick. */
export function plural(count: number, one: string, many = `${one}s`): string {
  pluralRules ??= new Intl.PluralRules('en-US');
  return `${formatNumber(count)} ${pluralRules.select(count) === 'one' ? one : many}`;
}

/** "once", "twice", "1,204 times": how often something was seen. */
export function timesWords(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${formatNumber(count)} times`;
}
