// How every view orders a report: areas with blockers first, and within an area the worst findings
// first, otherwise the catalogue's order. The terminal, the HTML page and the wizard share it.

import { areaOf, areaWords, CHECKS, type Area } from '../rules/catalogue.js';

export { areaWords };
import type { CheckId, Finding, FindingStatus, Report } from './types.js';
import { t } from '../i18n/translate.js';
import type { MessageId } from '../i18n/message.js';

/** A table of words said in the current language each time one is read (the catalogue's ids behind it). */
export function saidWords<K extends string>(ids: Record<K, MessageId>): Readonly<Record<K, string>> {
  const words = {} as Record<K, string>;
  for (const [key, id] of Object.entries(ids) as [K, MessageId][])
    Object.defineProperty(words, key, { get: () => t(id), enumerable: true });
  return words;
}

// A waived finding (--waivers) comes after what still needs doing, before what is fine.
export const SEVERITY: Record<FindingStatus, number> = { fail: 0, warn: 1, unknown: 2, waived: 3, info: 4, pass: 5 };
const CHECK_ORDER = new Map(CHECKS.map((check, index) => [check.id, index]));

export interface AreaGroup {
  area: Area;
  name: string;
  findings: Finding[];
  worst: FindingStatus;
}

export function groupFindings(findings: readonly Finding[]): AreaGroup[] {
  const groups = new Map<Area, Finding[]>();
  for (const f of findings) {
    const area = areaOf(f.check);
    groups.set(area, [...(groups.get(area) ?? []), f]);
  }
  const order = (f: Finding) => SEVERITY[f.status] * 1000 + (CHECK_ORDER.get(f.check) ?? 0);
  return [...groups.entries()]
    .map(([area, list]) => {
      const sorted = [...list].sort((a, b) => order(a) - order(b));
      return { area, name: areaWords(area), findings: sorted, worst: sorted[0]!.status };
    })
    .sort((a, b) => SEVERITY[a.worst] - SEVERITY[b.worst]);
}

export const STATUS_WORDS: Readonly<Record<FindingStatus, string>> = saidWords({
  fail: 'report.status.fail',
  warn: 'report.status.warn',
  unknown: 'report.status.unknown',
  waived: 'report.status.waived',
  info: 'report.status.info',
  pass: 'report.status.pass',
});
/**
 * A finding's status in words, for its check: a fail of a restore check blocks restoring, not backing up
 * ("Blocks restore"); every other status reads as STATUS_WORDS says.
 */
export function statusLabel(status: FindingStatus, check?: CheckId): string {
  if (status === 'fail' && check !== undefined && areaOf(check) === 'restore') return t('report.status.failRestore');
  return STATUS_WORDS[status];
}
export const VERDICT_WORDS: Readonly<Record<Report['verdict'], string>> = saidWords({
  ready: 'report.verdict.ready',
  'ready-with-warnings': 'report.verdict.readyWithWarnings',
  'not-ready': 'report.verdict.notReady',
});

/** The machine as a report heads it: its name and its Windows, either alone, or `fallback` when it has neither. */
export function machineWords(host: Pick<Report['host'], 'name' | 'os'>, fallback: MessageId | null = null): string {
  const { name, os } = host;
  if (name && os) return t('report.machine.nameAndOs', { name, os });
  return name || os || (fallback ? t(fallback) : '');
}
