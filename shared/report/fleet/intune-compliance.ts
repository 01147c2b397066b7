// `--format intune-compliance`: what an Intune custom compliance discovery script prints, one line of
// compressed JSON, an object of setting name -> value: one setting per catalogue check (its worst status,
// `absent` when it gave no finding) and `verdict`. `fleet intune-rules` writes the rules file that goes
// with it (Microsoft's custom compliance JSON): one rule per check, compliant unless the status is `fail`.

import { CHECK_DOCS } from '../../rules/check-docs.js';
import { checkReference } from '../../rules/catalogue.js';
import { DEFAULT_EDITION, EDITIONS, type EditionId } from '../../matrix/index.js';
import type { Citation } from '../../matrix/types.js';
import type { CheckId, Report } from '../types.js';
import { checkStates } from './worst.js';

/** The discovery script's line, without its line end. */
export function renderIntuneCompliance(report: Report): string {
  return JSON.stringify({ verdict: report.verdict, ...Object.fromEntries(checkStates(report)) });
}

export interface IntuneRule {
  SettingName: string;
  Operator: 'NotEquals';
  DataType: 'String';
  Operand: string;
  MoreInfoUrl: string;
  RemediationStrings: { Language: 'en_US'; Title: string; Description: string }[];
}

export interface IntuneRules {
  Rules: IntuneRule[];
}

const MATRIX_URL = 'https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent';

/** The Learn more link of a check: the first section it enforces in the edition, else the matrix itself. */
export function learnMoreUrl(check: CheckId, edition: EditionId = DEFAULT_EDITION): string {
  const cited = CHECK_DOCS[check].cites(EDITIONS[edition]);
  const rows: readonly Citation[] = cited === null ? [] : Array.isArray(cited) ? cited : [cited as Citation];
  return rows.find((row) => /^https:\/\//.test(row.url))?.url ?? MATRIX_URL;
}

/** The rules file: a device is compliant with a check unless that check blocks (`fail`). */
export function intuneComplianceRules(edition: EditionId = DEFAULT_EDITION): IntuneRules {
  return {
    Rules: checkReference().map((check) => ({
      SettingName: check.id,
      Operator: 'NotEquals',
      DataType: 'String',
      Operand: 'fail',
      MoreInfoUrl: learnMoreUrl(check.id, edition),
      RemediationStrings: [
        {
          Language: 'en_US',
          Title: `MARS backup readiness: ${check.title} blocks backups`,
          Description: `${check.description} Run "mars-readiness check" on this device: the report says what blocks and how to fix it.`,
        },
      ],
    })),
  };
}
