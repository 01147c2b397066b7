// What every view (text, HTML, Markdown, the wizard) says of waivers (shared/report/waivers.ts): a waived
// finding's waiver in two sentences, and a note for each waiver that expired or covered nothing. Apart
// from waivers.ts so that the wizard's pages do not bundle the waiver file's schema.

import { statusLabel } from './grouping.js';
import type { Finding, Report, WaiverRef } from './types.js';

/** "cache.azure-temporary", or "network.endpoints (*.blob.core.windows.net)": a waiver by what it covers. */
export function waiverName(ref: Pick<WaiverRef, 'check' | 'subject'>): string {
  return ref.subject === null ? ref.check : `${ref.check} (${ref.subject})`;
}

/** What a waived finding says of its waiver, in two sentences. */
export function waivedWords(finding: Finding): string | null {
  if (finding.status !== 'waived' || !finding.waiver || !finding.waivedStatus) return null;
  const { justification, approvedBy, expires } = finding.waiver;
  const reason = /[.!?]$/.test(justification.trim()) ? justification.trim() : `${justification.trim()}.`;
  return `Waived until ${expires}, approved by ${approvedBy}: ${reason} Without the waiver: ${statusLabel(finding.waivedStatus, finding.check).toLowerCase()}.`;
}

/** One sentence per waiver that expired or covered nothing; none for a report made without --waivers. */
export function waiverNotes(report: Pick<Report, 'waivers'>): string[] {
  if (!report.waivers) return [];
  return [
    ...report.waivers.expired.map(
      (ref) =>
        `The waiver for ${waiverName(ref)} expired on ${ref.expires} and no longer applies: renew it or take it out of the waiver file.`,
    ),
    ...report.waivers.unused.map(
      (ref) =>
        `The waiver for ${waiverName(ref)} is unused: nothing in this report that blocks, warns or is unknown matches it. Check its check id and subject, or take it out.`,
    ),
  ];
}
