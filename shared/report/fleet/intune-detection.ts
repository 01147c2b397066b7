// `--format intune-detection`: the one line an Intune Remediations detection script prints (at most
// 2,048 characters; Intune keeps no more), with the verdict and the blockers' check ids and titles. The
// exit status (1 not ready) is what Intune acts on; the CLI sets it.

import type { Report } from '../types.js';
import { t } from '../../i18n/translate.js';

export const INTUNE_DETECTION_MAX = 2048;

/** One line: control characters (ESC, NUL, NEL, ...) and runs of white space become one space. */
// eslint-disable-next-line no-control-regex
const oneLine = (text: string) => text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();

/**
 * Text cut to at most `max` characters as Intune counts them (UTF-16 units, the length of a .NET string),
 * never inside a character, ending in "…" when it was cut.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}

/** The line, without its line end. */
export function renderIntuneDetection(report: Report, max = INTUNE_DETECTION_MAX): string {
  const blockers = report.findings.filter((f) => f.status === 'fail');
  // Waived findings (--waivers) are counted apart, after the verdict: never among the blockers.
  const waived = report.counts.waived ?? 0;
  if (blockers.length === 0)
    return shorten(oneLine(t('report.fleet.detection.clear', { verdict: report.verdict, warnings: report.counts.warn, waived })), max);
  const items = blockers.map((f) =>
    f.subject
      ? t('report.fleet.detection.itemOfSubject', { check: f.check, title: f.title, subject: f.subject })
      : t('report.fleet.detection.item', { check: f.check, title: f.title }),
  );
  return shorten(
    oneLine(
      t('report.fleet.detection.blocked', {
        verdict: report.verdict,
        waived,
        count: blockers.length,
        items: items.join(t('report.titles.separator')),
      }),
    ),
    max,
  );
}
