// `--format intune-compliance`: what an Intune custom compliance discovery script prints, one line of
// compressed JSON, an object of setting name -> value: one setting per catalogue check (its worst status,
// `absent` when it gave no finding) and `verdict`. `fleet intune-rules` writes the rules file that goes
// with it (Microsoft's custom compliance JSON): one rule per check, compliant unless the status is `fail`.

import { currentLanguage, t } from '../../i18n/translate.js';
import { learnUrl, type Language } from '../../i18n/languages.js';
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
  RemediationStrings: { Language: string; Title: string; Description: string }[];
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

/** Intune's name for each language of a remediation string: the rules' words are in the language this run speaks. */
const INTUNE_LANGUAGES: Record<Language, string> = { en: 'en_US', de: 'de_DE', fr: 'fr_FR', es: 'es_ES', ja: 'ja_JP', 'zh-Hans': 'zh_CN' };

/** The rules file: a device is compliant with a check unless that check blocks (`fail`). */
export function intuneComplianceRules(edition: EditionId = DEFAULT_EDITION): IntuneRules {
  return {
    Rules: checkReference().map((check) => ({
      SettingName: check.id,
      Operator: 'NotEquals',
      DataType: 'String',
      Operand: 'fail',
      MoreInfoUrl: learnUrl(learnMoreUrl(check.id, edition), currentLanguage()),
      RemediationStrings: [
        {
          Language: INTUNE_LANGUAGES[currentLanguage()],
          Title: t('report.fleet.rules.title', { title: check.title }),
          Description: t('report.fleet.rules.description', { description: check.description }),
        },
      ],
    })),
  };
}
