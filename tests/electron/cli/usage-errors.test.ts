// Commander's own errors (an unknown option or command, a missing value, too many operands, a value not
// among the choices) are said in the run's language from the catalogue, by SaidCommand. In English they
// read as commander's own words, its "did you mean" included: SaidCommand and a plain Command given the
// same options and the same mistakes write the same line.
import { Command, CommanderError, Option } from 'commander';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closest, SaidCommand } from '../../../electron/cli/said-command.js';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { formatList, speak, t } from '../../../shared/i18n/translate.js';
import { cliProcess } from '../../helpers/cli.js';

afterAll(() => speak('en', en));

const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C', LANGUAGE: '' };

/** What a program (SaidCommand or commander's own) writes on stderr for these arguments. */
function errorOf(make: () => Command, argv: string[]): string {
  let written = '';
  const program = make()
    .exitOverride()
    .configureOutput({ writeErr: (text) => (written += text), writeOut: () => {} });
  program.option('--profile <file>').option('--json').option('--strict');
  program.addOption(new Option('--matrix <edition>').choices(['current', '2019-02']));
  program
    .command('check')
    .option('--redact')
    .option('--history-days <n>')
    .action(() => {});
  program
    .command('collect')
    .option('--out <file>')
    .action(() => {});
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
  }
  return written;
}

describe('usage errors', () => {
  it('in English, as commander says them, "did you mean" included', () => {
    const cases = [
      ['--profle', 'x'],
      ['--jsno'],
      ['--stric'],
      ['--zzzzzz'],
      ['chek'],
      ['colect'],
      ['check', '--redcat'],
      ['check', '--histroy-days', '3'],
      ['check', '--profle', 'x'],
      // Two names that come as close: commander lists them with a comma.
      ['--heon'],
      ['--profile'],
      ['check', '--history-days'],
    ];
    for (const argv of cases)
      expect(
        errorOf(() => new SaidCommand(), argv),
        argv.join(' '),
      ).toBe(errorOf(() => new Command(), argv));
  });

  it('suggests what commander would, for any typo', () => {
    const words = ['profile', 'json', 'strict', 'matrix', 'help', 'version', 'history-days', 'redact', 'out'];
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.string({ unit: fc.constantFrom(...'aeiorstnjx-'), maxLength: 3 }),
        fc.nat(8),
        (word, noise, at) => {
          const typo = `--${word.slice(0, at)}${noise}${word.slice(at + noise.length)}`;
          if (words.includes(typo.slice(2))) return true;
          return errorOf(() => new SaidCommand(), [typo]) === errorOf(() => new Command(), [typo]);
        },
      ),
      { numRuns: 300 },
    );
    expect(closest('--jsn', ['--json', '--jsx'])).toEqual(['--json', '--jsx']);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('in %s, from the catalogue, through the real CLI', async (language) => {
    await speakLanguage(language);
    const cases: [string[], string][] = [
      [['check', '--profle', 'x'], t('cli.usage.unknownOption', { flag: '--profle', count: 1, similar: '--profile' })],
      [['chek'], t('cli.usage.unknownCommand', { name: 'chek', count: 1, similar: 'check' })],
      [['check', '--profile'], t('cli.usage.optionMissingArgument', { flags: '--profile <file>' })],
      [['check', 'extra'], t('cli.usage.excessArguments', { sub: 'yes', command: 'check', expected: 0, got: '1' })],
      [
        ['check', '--matrix', '1999'],
        t('cli.usage.notAChoice', { name: '--matrix <edition>', value: '1999', choices: formatList(['current', '2019-02'], 'or') }),
      ],
    ];
    for (const [argv, said] of cases) {
      const run = await cliProcess([...argv, '--lang', language], { ...NO_LOCALE, COLUMNS: '1000' });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.startsWith(`${said}\n`), `${argv.join(' ')}: ${run.stderr}`).toBe(true);
      expect(run.stderr).not.toMatch(/unknown option|Did you mean|Allowed choices|too many arguments|argument missing/);
    }
  });
});
