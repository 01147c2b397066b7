// What every view (text, HTML, Markdown, the wizard) says of waivers (shared/report/waivers.ts): a waived
// finding's waiver in two sentences, and a note for each waiver that expired or covered nothing. Apart
// from waivers.ts so that the wizard's pages do not bundle the waiver file's schema.

import { areaOf } from '../rules/catalogue.js';
import { t } from '../i18n/translate.js';
import type { Finding, Report, WaiverRef } from './types.js';

/** "cache.azure-temporary", or "network.endpoints (*.blob.core.windows.net)": a waiver by what it covers. */
export function waiverName(ref: Pick<WaiverRef, 'check' | 'subject'>): string {
  return ref.subject === null ? ref.check : t('report.waiver.name', { check: ref.check, subject: ref.subject });
}

/** What a waived finding says of its waiver, in two sentences. */
export function waivedWords(finding: Finding): string | null {
  if (finding.status !== 'waived' || !finding.waiver || !finding.waivedStatus) return null;
  const { justification, approvedBy, expires } = finding.waiver;
  const reason = /[.!?]$/.test(justification.trim()) ? justification.trim() : `${justification.trim()}.`;
  return t('report.waiver.waived', { expires, approvedBy, reason, status: finding.waivedStatus, restore: restoreOf(finding) });
}

/** One sentence per waiver that expired or covered nothing; none for a report made without --waivers. */
export function waiverNotes(report: Pick<Report, 'waivers'>): string[] {
  if (!report.waivers) return [];
  return [
    ...report.waivers.expired.map((ref) => t('report.waiver.expired', { name: waiverName(ref), expires: ref.expires })),
    ...report.waivers.unused.map((ref) => t('report.waiver.unused', { name: waiverName(ref) })),
  ];
}

/** Whether a fail of this finding's check blocks restoring rather than backing up (as statusLabel says it). */
const restoreOf = (finding: Finding) => (areaOf(finding.check) === 'restore' ? 'yes' : 'no');
