// Commander parses the command line, and its own error sentences are English ("error: unknown option").
// This Command says each of them in the current language, from the catalogue (cli.usage.*): by what went
// wrong and its data (the flag, the value, the choices), never by reading commander's words. Commander is
// pinned (package-lock.json); tests/electron/cli/usage-errors.test.ts fails if a version stops calling
// these methods, so that no English sentence slips through unnoticed.

import { Command, Option, type Argument } from 'commander';
import { currentLanguage, formatList, formatNumber, t } from '../../shared/i18n/translate.js';
import { SHOWN_INSTEAD, visibleLines } from '../../shared/report/visible-text.js';

/**
 * Commander's "did you mean" names: in English as commander lists them ("one of --help, --json"), so that
 * its words are unchanged; in another language as that language's or-list.
 */
const suggestions = (similar: string[]) => (currentLanguage() === 'en' ? similar.join(', ') : formatList(similar, 'or'));

// Commander's hooks below are not in its typings (they are internal): each is overridden by its name.
export class SaidCommand extends Command {
  /** Every error names what was typed: its control characters (a \r, an escape) shown as U+FFFD, never obeyed. */
  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(visibleLines(message.replace(/\r/g, SHOWN_INSTEAD)), errorOptions);
  }

  override createCommand(name?: string): SaidCommand {
    return new SaidCommand(name);
  }

  unknownOption(flag: string): never {
    // Commander calls this for every unknown flag, also where the command lets them through.
    if ((this as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return undefined as never;
    const similar = flag.startsWith('--') ? closest(flag, this.longFlags()) : [];
    return this.error(t('cli.usage.unknownOption', { flag, count: similar.length, similar: suggestions(similar) }), {
      code: 'commander.unknownOption',
    });
  }

  unknownCommand(): never {
    const name = this.args[0] ?? '';
    const names = this.commands.flatMap((command) => [command.name(), ...command.aliases()]);
    const similar = closest(name, names);
    return this.error(t('cli.usage.unknownCommand', { name, count: similar.length, similar: suggestions(similar) }), {
      code: 'commander.unknownCommand',
    });
  }

  missingArgument(name: string): never {
    return this.error(t('cli.usage.missingArgument', { name }), { code: 'commander.missingArgument' });
  }

  optionMissingArgument(option: Option): never {
    return this.error(t('cli.usage.optionMissingArgument', { flags: option.flags }), { code: 'commander.optionMissingArgument' });
  }

  missingMandatoryOptionValue(option: Option): never {
    return this.error(t('cli.usage.mandatoryOption', { flags: option.flags }), { code: 'commander.missingMandatoryOptionValue' });
  }

  /** More operands than the command takes (commander's private hook, overridden by name). */
  _excessArguments(received: string[]): void {
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    this.error(
      t('cli.usage.excessArguments', {
        sub: this.parent ? 'yes' : 'no',
        command: this.name(),
        expected: this.registeredArguments.length,
        got: formatNumber(received.length),
      }),
      { code: 'commander.excessArguments' },
    );
  }

  /** Two options that exclude each other (commander's private hook, overridden by name). */
  _conflictingOption(option: Option, conflicting: Option): void {
    this.error(t('cli.usage.conflictingOption', { flags: option.flags, other: conflicting.flags }), {
      code: 'commander.conflictingOption',
    });
  }

  /**
   * A value its option's or argument's parser refused (commander's private hook, overridden by name): the
   * parsers of this tool give their reason in words already; a list of choices is said here.
   */
  _callParseArg(target: Option | Argument, value: string, previous: unknown): unknown {
    const choices = target.argChoices;
    const name = target instanceof Option ? target.flags : target.name();
    if (choices && !choices.includes(value))
      this.error(t('cli.usage.notAChoice', { name, value, choices: formatList(choices, 'or') }), {
        code: 'commander.invalidArgument',
      });
    try {
      return target.parseArg ? target.parseArg(value, previous) : value;
    } catch (error) {
      const { code, exitCode, message } = error as { code?: string; exitCode?: number; message: string };
      if (code !== 'commander.invalidArgument') throw error;
      return this.error(t('cli.usage.invalidValue', { name, value, reason: message }), { code, ...(exitCode ? { exitCode } : {}) });
    }
  }

  /** The long flags this command and those above it take, for "did you mean". */
  private longFlags(): string[] {
    const flags: string[] = [];
    for (let command: Command | null = this as Command; command; command = command.parent)
      flags.push(...command.options.filter((option) => !option.hidden && option.long).map((option) => option.long!));
    // Help is an option of its own kind in commander, not among `options`.
    return [...new Set([...flags, '--help'])];
  }
}

/**
 * The candidates nearest to what was typed, as commander suggests them: at most three edits away (a swap
 * of two neighbours is one), more than 40% of the longer word alike, only the nearest ones.
 */
export function closest(typed: string, candidates: string[]): string[] {
  const flags = typed.startsWith('--');
  const word = flags ? typed.slice(2) : typed;
  let best = 3;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const other = flags ? candidate.slice(2) : candidate;
    if (other.length <= 1) continue;
    const distance = editDistance(word, other);
    const length = Math.max(word.length, other.length);
    if (distance > best || (length - distance) / length <= 0.4) continue;
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else found.push(candidate);
  }
  return found.sort((a, b) => a.localeCompare(b, 'en'));
}

/** Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, changes and swaps. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
