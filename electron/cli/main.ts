// The command line: `mars-readiness check|collect`. Parsing by commander; what each command does lives
// beside it. Exit statuses (contract/checks.md): 0 ready or ready with warnings, 1 not ready (or warnings
// with --strict), 2 bad usage or an invalid profile - and then nothing on stdout.

import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import { DEFAULT_EDITION, EDITION_IDS, type EditionId } from '../../shared/matrix/index.js';
import { buildReport } from '../../shared/report/build.js';
import { PLAIN, renderText, type Palette } from '../../shared/report/text.js';
import type { Report } from '../../shared/report/types.js';
import { APP } from '../app-info.js';
import { loadProfile, ProfileLoadError } from './load-profile.js';

export const EXIT = { ok: 0, notReady: 1, usage: 2 } as const;

/** Where the CLI writes and what it knows of its terminal; injected so that tests run it in process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour only when stdout is a terminal (and NO_COLOR is not set). */
  color: boolean;
  columns: number;
  now: () => Date;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    columns: Math.min(process.stdout.columns || 80, 100),
    now: () => new Date(),
  };
}

class UsageError extends Error {}

interface CheckOptions {
  profile?: string;
  matrix: EditionId;
  json?: boolean;
  strict?: boolean;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name(APP.name)
    .description('Checks a Windows machine against the Azure Backup MARS agent support matrix.')
    .version(APP.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('check')
    .description('check a machine profile (or, later, this machine) and print a readiness report')
    .option('--profile <file>', 'evaluate a saved machine profile instead of probing this machine (- reads standard input)')
    .addOption(new Option('--matrix <edition>', 'support matrix edition').choices(EDITION_IDS).default(DEFAULT_EDITION))
    .option('--json', 'print the report as JSON, and nothing else, on stdout')
    .option('--strict', 'exit with 1 on warnings and unknowns too')
    .allowExcessArguments(false)
    .action(async (options: CheckOptions) => {
      exitCode = await check(options, io);
    });

  program
    .command('collect')
    .description("write this machine's profile")
    .option('--out <file>', 'write the profile to this file instead of stdout')
    .allowExcessArguments(false)
    .action(() => {
      throw new UsageError(
        'collect cannot probe this machine yet: live probes are not built. Write a profile by hand (see samples/profiles) and run check --profile FILE.',
      );
    });

  try {
    if (argv.length === 0) {
      io.stderr(program.helpInformation());
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (error instanceof ProfileLoadError) {
      io.stderr(`${APP.name}: the profile ${error.file} is invalid:\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`${APP.name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  if (!options.profile) {
    throw new UsageError(
      'check cannot probe this machine yet: live probes are not built. Pass a saved profile with --profile FILE (samples in samples/profiles).',
    );
  }
  const profile = await loadProfile(options.profile);
  const report = buildReport(profile, { edition: options.matrix, toolVersion: APP.version, now: io.now() });
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, { width: io.columns, palette: palette(io) }));
  return exitCodeOf(report, options.strict === true);
}

export function exitCodeOf(report: Report, strict: boolean): number {
  if (report.verdict === 'not-ready') return EXIT.notReady;
  if (strict && report.verdict === 'ready-with-warnings') return EXIT.notReady;
  return EXIT.ok;
}

function palette(io: CliIo): Palette {
  if (!io.color) return PLAIN;
  const c = pc.createColors(true);
  return { red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan, dim: c.dim, bold: c.bold };
}
