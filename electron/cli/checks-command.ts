// `mars-readiness checks [--json]`: the check catalogue - what each check looks at, the statuses it can give
// and the matrix section it enforces - as text grouped by area, or as JSON (an array, one object a check).
// The same data makes docs/checks.md (scripts/generate-checks-doc.js).

import pc from 'picocolors';
import { DEFAULT_EDITION, EDITION_IDS, EDITIONS } from '../../shared/matrix/index.js';
import { displayWidth, wrapIndented as wrap } from '../../shared/report/wrap.js';
import { STATUSES } from '../../shared/report/types.js';
import { areaWords, checkReference, type CheckReference } from '../../shared/rules/catalogue.js';
import { STATUS_MEANINGS } from '../../shared/rules/check-docs.js';
import type { CliIo } from './main.js';
import { t } from '../../shared/i18n/translate.js';
import { sectionWords } from '../../shared/matrix/citation-words.js';

export function printChecks(options: { json?: boolean }, io: CliIo): number {
  const checks = checkReference();
  io.stdout(options.json ? `${JSON.stringify(checks, null, 2)}\n` : renderChecks(checks, io));
  return 0;
}

function renderChecks(checks: CheckReference[], io: CliIo): string {
  const width = Math.max(40, io.columns);
  const bold = io.color ? pc.createColors(true).bold : (text: string) => text;
  const current = EDITIONS[DEFAULT_EDITION];
  const lines = wrap(t('cli.checks.intro', { count: checks.length, edition: current.id, date: current.date }), width, '');
  lines.push('', bold(t('cli.checks.statuses')));
  for (const status of STATUSES) lines.push(...wrap(`${status}: ${STATUS_MEANINGS[status]}`, width, '  ', '    '));
  const areas = [...new Set(checks.map((check) => check.area))];
  for (const area of areas) {
    lines.push('', bold(areaWords(area)));
    for (const check of checks.filter((c) => c.area === area)) {
      lines.push(...titleLines(check, width, bold));
      const facts = [
        check.description,
        ...(check.when ? [t('cli.checks.runs', { when: check.when })] : []),
        ...(check.subject ? [t('cli.checks.subject', { subject: check.subject })] : []),
        t('cli.checks.reads', { reads: check.reads.join(', ') }),
        t('cli.checks.statusList', { statuses: check.statuses.join(', ') }),
        t('cli.checks.section', { section: check.sections[DEFAULT_EDITION].map(sectionWords).join('; ') }),
        ...otherEditions(check),
      ];
      for (const fact of facts) lines.push(...wrap(fact, width, '    ', '      '));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The narrowest column a title is wrapped in beside its check's name; narrower, it goes under the name. */
const TITLE_ROOM = 24;

/**
 * A check's name and its title, the title wrapped within the width with a hanging indent under its first
 * word ("  selection.azure-temporary  Ausgewählte Daten auf dem temporären" / then aligned under "Ausgewählte").
 * When the name leaves too little room beside it (a long name, a narrow terminal), or a word of the title
 * would not fit there, the title goes on the lines under the name, indented as the facts are.
 */
function titleLines(check: CheckReference, width: number, bold: (text: string) => string): string[] {
  const lead = `  ${check.id}  `;
  const column = ' '.repeat(displayWidth(lead));
  const room = width - column.length;
  const longest = Math.max(0, ...check.title.split(' ').map(displayWidth));
  if (room >= TITLE_ROOM && longest <= room) {
    // The name is plain while wrapping (bold's escapes take no column), then made bold on the first line.
    const [first = lead, ...rest] = wrap(check.title, width, lead, column);
    return [`  ${bold(check.id)}  ${first.slice(lead.length)}`, ...rest];
  }
  return [`  ${bold(check.id)}`, ...wrap(check.title, width, '    ', '      ')];
}

/** A line for each other edition whose sections differ from the default edition's. */
function otherEditions(check: CheckReference): string[] {
  return EDITION_IDS.filter((edition) => edition !== DEFAULT_EDITION)
    .filter((edition) => check.sections[edition].join('; ') !== check.section)
    .map((edition) =>
      check.sections[edition].length === 0
        ? t('cli.checks.notInEdition', { edition })
        : t('cli.checks.inEdition', { edition, sections: check.sections[edition].map(sectionWords).join('; ') }),
    );
}
