// A count and the word after it agree: "1 bloqueante", "2 bloqueantes", and in French "0 bloquant" (French
// counts 0 as one). Each count message that had a word fixed in the plural (or a "(s)") is said with 0, 1
// and 2 in German, French and Spanish, and English keeps its words.
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { loadCatalogue, speakLanguage } from '../../../shared/i18n/load.js';
import type { Language } from '../../../shared/i18n/languages.js';
import type { Arg, MessageId } from '../../../shared/i18n/message.js';
import { speak, t } from '../../../shared/i18n/translate.js';

/** Every count of a report at n, waivers shown. */
const counts = (n: number) => ({ fail: n, warn: n, unknown: n, pass: n, info: n, waived: n, withWaivers: 'yes', hasWaived: 'yes' });

/** What each message says with every count at 0, 1 and 2, per language. */
const EXPECTED: Partial<Record<Language, Record<string, [zero: string, one: string, two: string]>>> = {
  en: {
    'report.text.counts': [
      '0 blocking, 0 warnings, 0 unknown, 0 passed, 0 for information, 0 waived',
      '1 blocking, 1 warning, 1 unknown, 1 passed, 1 for information, 1 waived',
      '2 blocking, 2 warnings, 2 unknown, 2 passed, 2 for information, 2 waived',
    ],
    'report.diff.count.new': ['0 new', '1 new', '2 new'],
    'report.wrap.shortened': ['x… (0 more characters)', 'x… (1 more character)', 'x… (2 more characters)'],
  },
  es: {
    'report.text.counts': [
      '0 bloqueantes, 0 advertencias, 0 desconocidos, 0 correctos, 0 para información, 0 exentos',
      '1 bloqueante, 1 advertencia, 1 desconocido, 1 correcto, 1 para información, 1 exento',
      '2 bloqueantes, 2 advertencias, 2 desconocidos, 2 correctos, 2 para información, 2 exentos',
    ],
    'report.event.counts': [
      '0 bloqueantes, 0 advertencias, 0 desconocidos, 0 correctos, 0 exentos.',
      '1 bloqueante, 1 advertencia, 1 desconocido, 1 correcto, 1 exento.',
      '2 bloqueantes, 2 advertencias, 2 desconocidos, 2 correctos, 2 exentos.',
    ],
    'report.summary.counts': [
      '0 bloqueos, 0 advertencias, 0 desconocidos, 0 correctos, 0 exentos.',
      '1 bloqueo, 1 advertencia, 1 desconocido, 1 correcto, 1 exento.',
      '2 bloqueos, 2 advertencias, 2 desconocidos, 2 correctos, 2 exentos.',
    ],
    'wizard.verdict.counts': [
      '0 bloqueos, 0 advertencias, 0 desconocidos, 0 superados, 0 exentos.',
      '1 bloqueo, 1 advertencia, 1 desconocido, 1 superado, 1 exento.',
      '2 bloqueos, 2 advertencias, 2 desconocidos, 2 superados, 2 exentos.',
    ],
    'report.diff.count.new': ['0 nuevos', '1 nuevo', '2 nuevos'],
    'report.diff.count.regressed': ['0 peores que antes', '1 peor que antes', '2 peores que antes'],
    'report.wrap.shortened': ['x… (0 caracteres más)', 'x… (1 carácter más)', 'x… (2 caracteres más)'],
  },
  fr: {
    'report.text.counts': [
      '0 bloquant, 0 avertissement, 0 inconnu, 0 réussi, 0 pour information, 0 en dérogation',
      '1 bloquant, 1 avertissement, 1 inconnu, 1 réussi, 1 pour information, 1 en dérogation',
      '2 bloquants, 2 avertissements, 2 inconnus, 2 réussis, 2 pour information, 2 en dérogation',
    ],
    'report.event.counts': [
      '0 bloquant, 0 avertissement, 0 inconnu, 0 réussi, 0 en dérogation.',
      '1 bloquant, 1 avertissement, 1 inconnu, 1 réussi, 1 en dérogation.',
      '2 bloquants, 2 avertissements, 2 inconnus, 2 réussis, 2 en dérogation.',
    ],
    'report.counts': [
      '0 problème bloquant, 0 avertissement, 0 inconnu, 0 réussi, 0 pour information, 0 en dérogation',
      '1 problème bloquant, 1 avertissement, 1 inconnu, 1 réussi, 1 pour information, 1 en dérogation',
      '2 problèmes bloquants, 2 avertissements, 2 inconnus, 2 réussis, 2 pour information, 2 en dérogation',
    ],
    'wizard.verdict.counts': [
      '0 point bloquant, 0 avertissement, 0 inconnu, 0 réussi, 0 exempté.',
      '1 point bloquant, 1 avertissement, 1 inconnu, 1 réussi, 1 exempté.',
      '2 points bloquants, 2 avertissements, 2 inconnus, 2 réussis, 2 exemptés.',
    ],
    'report.diff.count.new': ['0 nouveau', '1 nouveau', '2 nouveaux'],
    'report.diff.count.changed': ['0 modifié', '1 modifié', '2 modifiés'],
    'report.wrap.shortened': ['x… (0 caractère de plus)', 'x… (1 caractère de plus)', 'x… (2 caractères de plus)'],
    'machine.eventLog.notWritten': [
      "0 événement n'a pas été écrit dans le journal Application : r",
      "1 événement n'a pas été écrit dans le journal Application : r",
      "2 événements n'ont pas été écrits dans le journal Application : r",
    ],
  },
  de: {
    'report.text.counts': [
      '0 blockierend, 0 Warnungen, 0 unbekannt, 0 bestanden, 0 zur Information, 0 ausgenommen',
      '1 blockierend, 1 Warnung, 1 unbekannt, 1 bestanden, 1 zur Information, 1 ausgenommen',
      '2 blockierend, 2 Warnungen, 2 unbekannt, 2 bestanden, 2 zur Information, 2 ausgenommen',
    ],
    'report.summary.counts': [
      '0 blockierende Probleme, 0 Warnungen, 0 unbekannt, 0 bestanden, 0 ausgenommen.',
      '1 blockierendes Problem, 1 Warnung, 1 unbekannt, 1 bestanden, 1 ausgenommen.',
      '2 blockierende Probleme, 2 Warnungen, 2 unbekannt, 2 bestanden, 2 ausgenommen.',
    ],
    'report.wrap.shortened': ['x… (0 weitere Zeichen)', 'x… (1 weiteres Zeichen)', 'x… (2 weitere Zeichen)'],
  },
};

/** The arguments each message is given besides its count. */
function argsFor(id: string, n: number): Record<string, Arg> {
  if (id === 'report.wrap.shortened') return { text: 'x', more: n };
  if (id === 'machine.eventLog.notWritten') return { count: n, reason: 'r' };
  if (id.startsWith('report.diff.count.')) return { count: n };
  return counts(n);
}

describe('a count and its word agree', () => {
  afterAll(() => speak('en', en));

  for (const [language, messages] of Object.entries(EXPECTED) as [Language, Record<string, [string, string, string]>][]) {
    it(`${language}: says 0, 1 and 2 with the word in the right number`, async () => {
      await speakLanguage(language);
      for (const [id, expected] of Object.entries(messages)) {
        expect(
          [0, 1, 2].map((n) => t(id as MessageId, argsFor(id, n))),
          `${language} ${id}`,
        ).toEqual(expected);
      }
    });
  }

  it('no German, French or Spanish message writes a plural as "(s)", "(x)", "(e)", "(n)" or "(en)"', async () => {
    for (const language of ['de', 'fr', 'es'] as const) {
      const catalogue: Record<string, string | undefined> = await loadCatalogue(language);
      const shortcuts = Object.entries(catalogue).filter(([, text]) => /\p{L}\((s|x|e|n|en|es)\)/u.test(text ?? ''));
      expect(
        shortcuts.map(([id]) => id),
        `${language}: plurals written as a shortcut`,
      ).toEqual([]);
    }
  });
});
