// `mars-readiness checks [--json]`: the check catalogue - what each check looks at, the statuses it can give
// and the matrix section it enforces - as text grouped by area, or as JSON (an array, one object a check).
// The same data makes docs/checks.md (scripts/generate-checks-doc.js).

import pc from 'picocolors';
import { DEFAULT_EDITION, EDITION_IDS, EDITIONS } from '../../shared/matrix/index.js';
import { wrapIndented as wrap } from '../../shared/report/wrap.js';
import { STATUSES } from '../../shared/report/types.js';
import { AREA_NAMES, checkReference, type CheckReference } from '../../shared/rules/catalogue.js';
import { STATUS_MEANINGS } from '../../shared/rules/check-docs.js';
import type { CliIo } from './main.js';

export function printChecks(options: { json?: boolean }, io: CliIo): number {
  const checks = checkReference();
  io.stdout(options.json ? `${JSON.stringify(checks, null, 2)}\n` : renderChecks(checks, io));
  return 0;
}

function renderChecks(checks: CheckReference[], io: CliIo): string {
  const width = Math.max(40, io.columns);
  const bold = io.color ? pc.createColors(true).bold : (text: string) => text;
  const current = EDITIONS[DEFAULT_EDITION];
  const lines = wrap(
    `${checks.length} checks. "Reads" are fields of the machine profile (JSON pointers; * is any element of a list); the matrix sections are those of the ${current.id} support matrix (${current.date}), the one "check" uses unless --matrix names another.`,
    width,
    '',
  );
  lines.push('', bold('Statuses'));
  for (const status of STATUSES) lines.push(...wrap(`${status}: ${STATUS_MEANINGS[status]}`, width, '  ', '    '));
  const areas = [...new Set(checks.map((check) => check.area))];
  for (const area of areas) {
    lines.push('', bold(AREA_NAMES[area]));
    for (const check of checks.filter((c) => c.area === area)) {
      lines.push(`  ${bold(check.id)}  ${check.title}`);
      const facts = [
        check.description,
        ...(check.when ? [`Runs ${check.when}.`] : []),
        ...(check.subject ? [`Subject: ${check.subject}.`] : []),
        `Reads: ${check.reads.join(', ')}`,
        `Statuses: ${check.statuses.join(', ')}`,
        `Matrix section: ${check.section}`,
        ...otherEditions(check),
      ];
      for (const fact of facts) lines.push(...wrap(fact, width, '    ', '      '));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A line for each other edition whose sections differ from the default edition's. */
function otherEditions(check: CheckReference): string[] {
  return EDITION_IDS.filter((edition) => edition !== DEFAULT_EDITION)
    .filter((edition) => check.sections[edition].join('; ') !== check.section)
    .map((edition) =>
      check.sections[edition].length === 0
        ? `Not checked with the ${edition} matrix, which has no such row.`
        : `With the ${edition} matrix: ${check.sections[edition].join('; ')}`,
    );
}
