// The command line: `mars-readiness check|collect`. Parsing by commander; what each command does lives
// beside it. Exit statuses (docs/checks.md): 0 ready or ready with warnings, 1 not ready (or warnings
// with --strict), 2 bad usage or an invalid profile - and then nothing on stdout.

import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import { SaidCommand } from './said-command.js';
import pc from 'picocolors';
import { DEFAULT_EDITION, EDITION_IDS, type EditionId } from '../../shared/matrix/index.js';
import { buildReport } from '../../shared/report/build.js';
import { PLAIN, type Palette } from '../../shared/report/text.js';
import {
  addFleetOptions,
  formatOf,
  formatOption,
  printReportAs,
  quietFormat,
  refuseFleetOptionsElsewhere,
  refuseJsonWithOtherFormat,
  type FleetFlags,
} from './format.js';
import type { Report } from '../../shared/report/types.js';
import { diagnose } from '../../shared/report/diagnosis.js';
import { osWords } from '../../shared/matrix/os-words.js';
import { liveReport } from '../../shared/report/live-words.js';
import { displayWidth, wrapBlock } from '../../shared/report/wrap.js';
import { stripVTControlCharacters } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP, RENDERER_DIR } from '../app-info.js';
import { formatBytes, formatNumber, t } from '../../shared/i18n/translate.js';
import { list } from '../../shared/i18n/message.js';
import { LANGUAGE_NAMES, LANGUAGES, matchLanguage } from '../../shared/i18n/languages.js';
import { chooseStartLanguage, policyLanguage } from '../i18n/choose-language.js';
import { languageView, lockLanguage, notePolicyPassedOver, useLanguage } from '../i18n/process-language.js';
import { policyPassedOverWords } from '../../shared/i18n/policy.js';
import { visibleText } from '../../shared/report/visible-text.js';
import { loadProfile, loadProfileOrReport, ProfileLoadError, ProfileReadError } from './load-profile.js';
import { sayReportAgain } from '../../shared/report/saved-report.js';
import type { WaiverFile } from '../../shared/report/waivers.js';
import { addEventLogOption, eventLogRefusal, logEvents, type EventLogFlags } from './event-log-option.js';
import { ExplainedError, writeProblem } from '../explained-error.js';
// Probing, fixing and serving load only when asked for: `check --profile` stays quick to start.
import type { Collected, CollectOptions } from '../probes/collect.js';
import type { Machine } from '../machine/machine.js';
import type { FixFlags, FixIo } from './fix.js';
import type { RequestFlags } from './network-request.js';
import { forOutput, redactHelp, redactProfileForOutput, tellRedaction } from './redact-output.js';
import type { DiffFlags } from './diff-command.js';
import { WaiverFileError } from '../../shared/report/waiver-file-error.js';

export const EXIT = { ok: 0, notReady: 1, usage: 2, unexpected: 3 } as const;

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
  // A reader that went away (`| head`) must not turn the rest of a command into a crash: what is left to
  // say is dropped, and a running fix treats it as a stop (fix.ts).
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    columns: terminalColumns(process.stdout.columns, process.env.COLUMNS),
    now: () => new Date(),
  };
}

/**
 * How wide the words are wrapped: COLUMNS where it is a number, as GNU tools honour it (a log viewer, a
 * wide ticket field, a narrow pane), kept between 40 and 1000; else the terminal's width (at most 100, for
 * reading); else 80.
 */
export function terminalColumns(terminal: number | undefined, env: string | undefined): number {
  const asked = env !== undefined && /^\s*\d+\s*$/.test(env) ? Number(env) : NaN;
  if (Number.isFinite(asked)) return Math.min(1000, Math.max(40, asked));
  if (terminal) return Math.max(40, Math.min(terminal, 100));
  return 80;
}

class UsageError extends Error {}

interface ProbeFlags {
  sandbox?: string;
  vaultCredentials?: string;
  select?: string[];
  systemState?: boolean;
  cache?: string;
  offline?: boolean;
  uploadMbps?: number;
  historyDays?: number;
}

interface CheckOptions extends ProbeFlags, FleetFlags, RedactFlag, EventLogFlags {
  profile?: string;
  matrix: EditionId;
  /** --matrix was given on the command line (not its default): a saved report, made against its own edition, refuses another. */
  matrixGiven?: boolean;
  json?: boolean;
  strict?: boolean;
  waivers?: string;
  history?: string | true;
}

/** --redact: names and addresses hidden in what is printed or written (redact-output.ts). */
interface RedactFlag {
  redact?: boolean;
}

interface CollectFlags extends ProbeFlags, RedactFlag {
  out?: string;
  history?: string | true;
}

/** --history [DIR] (check, doctor, collect, diff): the folder of runs; without DIR, the default one on Windows. */
const historyHelp = () => t('cli.option.history');
const waiversHelp = () => t('cli.option.waivers');
const matrixHelp = () => t('cli.option.matrix');

/** A repeatable option: each use adds one value. */
const collectPaths = (value: string, list: string[] = []) => [...list, value];

/** The options that steer probing, shared by `check` (without --profile) and `collect`. */
function addProbeOptions(command: Command): Command {
  return command
    .option('--sandbox <dir>', t('cli.option.sandbox'))
    .option('--select <path>', t('cli.option.select'), collectPaths)
    .option('--system-state', t('cli.option.systemState'))
    .option('--cache <path>', t('cli.option.cache'))
    .option('--vault-credentials <file>', t('cli.option.vaultCredentials'))
    .option('--history-days <n>', t('cli.option.historyDays'), parseDays)
    .option('--offline', t('cli.option.offline'))
    .option('--upload-mbps <n>', t('cli.option.uploadMbps'), parseMbps);
}

function parsePort(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError(t('cli.usage.port', { value }));
  return number;
}

function parseDays(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1 || number > 3650)
    throw new InvalidArgumentError(t('cli.usage.days', { value }));
  return number;
}

function parseMbps(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw new InvalidArgumentError(t('cli.usage.mbps', { value }));
  }
  return number;
}

/**
 * The language a run speaks, chosen before anything is said: --lang (before or after the command), else the
 * policy, the system's language or English (choose-language.ts). False when --lang names a language this
 * tool does not speak: that is said on stderr (in the language the run would otherwise speak), exit 2.
 */
/**
 * A policy value passed over is said as each command starts, so that whoever set it learns why the fleet
 * does not follow it - except to a format a fleet tool reads, whose stderr must stay empty.
 */
function tellPassedOverPolicy(options: { json?: boolean; format?: string }, io: CliIo): void {
  const ignored = languageView().ignoredPolicy;
  if (!ignored || quietFormat(formatOf(options))) return;
  io.stderr(wrapBlock(`${t('cli.language.policyNote', { sentence: policyPassedOverWords(ignored) })}\n`, io.columns));
}

async function startLanguage(argv: readonly string[], io: CliIo): Promise<boolean> {
  const flag = langFlag(argv);
  const known = flag === null ? null : matchLanguage(flag);
  const { language, source, ignoredPolicy } = await chooseStartLanguage({ flag: known === null ? null : flag });
  // --lang is the user's own choice, as the wizard's menu is.
  await useLanguage(language, source === 'flag' ? 'user' : source);
  notePolicyPassedOver(ignoredPolicy ?? null);
  if (flag === null || known !== null) return true;
  const languages = list(LANGUAGES.map((code) => t('cli.language.item', { code, name: LANGUAGE_NAMES[code] })));
  io.stderr(wrapBlock(`${t('cli.language.unknown', { program: APP.name, value: visibleText(flag), languages })}\n`, io.columns));
  return false;
}

/** The value of the last --lang (or --lang=VALUE) before a "--"; null when none is given (or it has no value, which commander says). */
export function langFlag(argv: readonly string[]): string | null {
  let value: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang' && i + 1 < argv.length) value = argv[++i]!;
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value;
}

/** Commander's own headings in the help, in the run's language. */
const HELP_TITLES: Record<string, () => string> = {
  'Usage:': () => t('cli.help.usage'),
  'Options:': () => t('cli.help.options'),
  'Commands:': () => t('cli.help.commands'),
  'Arguments:': () => t('cli.help.arguments'),
  'Global Options:': () => t('cli.help.globalOptions'),
};

/** An option's help with its choices and default, as commander says them, in the run's language. */
function optionDescription(option: Option): string {
  const choices = option.argChoices?.map((choice) => JSON.stringify(choice)).join(', ');
  const shown = option.defaultValue !== undefined && (option.required || option.optional);
  const value = shown ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : '';
  if (choices === undefined && !shown) return option.description;
  const kind = choices !== undefined && shown ? 'both' : choices !== undefined ? 'choices' : 'default';
  const extra = t('cli.help.extra', { kind, choices: choices ?? '', value });
  return option.description ? `${option.description} ${extra}` : extra;
}

export async function runCli(argv: string[], io: CliIo, probe: Prober = defaultProber): Promise<number> {
  if (!(await startLanguage(argv, io))) return EXIT.usage;
  let exitCode: number = EXIT.ok;
  const help = t('cli.option.help');
  const program = new SaidCommand()
    .name(APP.name)
    .description(t('cli.program.description'))
    .version(APP.version, '-V, --version', t('cli.option.version'))
    .option('--lang <language>', t('cli.option.lang'))
    .helpOption('-h, --help', help)
    .helpCommand('help [command]', help)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(wrapBlock(text, io.columns)) })
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => HELP_TITLES[title]?.() ?? title,
      optionDescription,
      // Columns, not characters: a Japanese or Chinese character takes two, and such text has no spaces to
      // break at, so the help is wrapped as the reports are (shared/report/wrap.ts).
      displayWidth: (text) => displayWidth(stripVTControlCharacters(text)),
      boxWrap: (text, width) => wrapBlock(text, width),
    })
    .showHelpAfterError(t('cli.program.helpAfterError'))
    .hook('preAction', (_program, command) => tellPassedOverPolicy(command.opts(), io));

  const checkCommand = program
    .command('check')
    .description(t('cli.check.description'))
    .option('--profile <file>', t('cli.check.option.profile'))
    .addOption(new Option('--matrix <edition>', matrixHelp()).choices(EDITION_IDS).default(DEFAULT_EDITION))
    .option('--json', t('cli.check.option.json'))
    .addOption(formatOption())
    .option('--strict', t('cli.option.strict'))
    .option('--redact', redactHelp())
    .option('--waivers <file>', waiversHelp())
    .option('--history [dir]', historyHelp())
    .allowExcessArguments(false)
    .hook('preAction', refuseJsonWithOtherFormat)
    .hook('preAction', refuseFleetOptionsElsewhere)
    .action(async (options: CheckOptions, command: Command) => {
      exitCode = await check({ ...options, matrixGiven: command.getOptionValueSource('matrix') === 'cli' }, io, probe);
    });
  addProbeOptions(checkCommand);
  addFleetOptions(checkCommand);
  addEventLogOption(checkCommand);

  const doctorCommand = program
    .command('doctor')
    .description(t('cli.doctor.description'))
    .option('--profile <file>', t('cli.doctor.option.profile'))
    .addOption(new Option('--matrix <edition>', matrixHelp()).choices(EDITION_IDS).default(DEFAULT_EDITION))
    .option('--json', t('cli.doctor.option.json'))
    .addOption(formatOption())
    .option('--strict', t('cli.option.strict'))
    .option('--redact', redactHelp())
    .option('--waivers <file>', waiversHelp())
    .option('--history [dir]', historyHelp())
    .allowExcessArguments(false)
    .hook('preAction', refuseJsonWithOtherFormat)
    .hook('preAction', refuseFleetOptionsElsewhere)
    .action(async (options: CheckOptions, command: Command) => {
      exitCode = await check({ ...options, matrixGiven: command.getOptionValueSource('matrix') === 'cli' }, io, probe, { doctor: true });
    });
  addProbeOptions(doctorCommand);
  addFleetOptions(doctorCommand);
  addEventLogOption(doctorCommand);

  const collectCommand = program
    .command('collect')
    .description(t('cli.collect.description'))
    .option('--out <file>', t('cli.collect.option.out'))
    .option('--redact', redactHelp())
    .option('--history [dir]', historyHelp())
    .allowExcessArguments(false)
    .action(async (options: CollectFlags) => {
      exitCode = await collect(options, io, probe);
    });
  addProbeOptions(collectCommand);

  const requestCommand = program
    .command('network-request')
    .description(t('cli.networkRequest.description'))
    .option('--profile <file>', t('cli.networkRequest.option.profile'))
    .addOption(new Option('--matrix <edition>', matrixHelp()).choices(EDITION_IDS).default(DEFAULT_EDITION))
    .addOption(new Option('--format <format>', t('cli.networkRequest.option.format')).choices(['markdown', 'csv']))
    .option('--out <file>', t('cli.networkRequest.option.out'))
    .option('--redact', redactHelp())
    .allowExcessArguments(false)
    .action(async (options: CheckOptions & RequestFlags) => {
      exitCode = await requestForNetworkTeam(options, io, probe);
    });
  addProbeOptions(requestCommand);

  program
    .command('diff')
    .description(t('cli.diff.description'))
    .argument('[files...]', t('cli.diff.argument.files'))
    .option('--history [dir]', t('cli.diff.option.history'))
    .addOption(new Option('--matrix <edition>', t('cli.diff.option.matrix')).choices(EDITION_IDS))
    .option('--json', t('cli.diff.option.json'))
    .action(async (files: string[], options: DiffFlags) => {
      exitCode = await (await import('./diff-command.js')).runDiff(files, options, io);
    });

  program
    .command('web')
    .description(t('cli.web.description'))
    .option('--port <n>', t('cli.web.option.port'), parsePort)
    .option('--sandbox <dir>', t('cli.web.option.sandbox'))
    .allowExcessArguments(false)
    .action(async (options: { port?: number; sandbox?: string }) => {
      exitCode = await web(options, io);
    });

  program
    .command('checks')
    .description(t('cli.checks.description'))
    .option('--json', t('cli.checks.option.json'))
    .allowExcessArguments(false)
    .action(async (options: { json?: boolean }) => {
      exitCode = (await import('./checks-command.js')).printChecks(options, io);
    });

  program
    .command('fleet')
    .description(t('cli.fleet.description'))
    .command('intune-rules')
    .description(t('cli.fleet.intuneRules.description'))
    .option('--out <file>', t('cli.fleet.intuneRules.option.out'))
    .allowExcessArguments(false)
    .action(async (options: { out?: string }) => {
      exitCode = await intuneRules(options, io);
    });

  const fixCommand = program.command('fix').description(t('cli.fix.description'));
  const actions = [
    ['relocate-cache', t('cli.fix.relocateCache.description')],
    ['point-registry', t('cli.fix.pointRegistry.description')],
    ['start-engine', t('cli.fix.startEngine.description')],
  ] as const;
  for (const [action, description] of actions) {
    const command = fixCommand.command(action).description(description);
    if (action === 'relocate-cache')
      command
        .option('--to <path>', t('cli.fix.option.to'))
        .option('--select <path>', t('cli.fix.option.select'), collectPaths)
        .option('--system-state', t('cli.fix.option.systemState'));
    command
      .option('--sandbox <dir>', t('cli.fix.option.sandbox'))
      .option('--dry-run', t('cli.fix.option.dryRun'))
      .option('--json', t('cli.fix.option.json'))
      .option('--script', t('cli.fix.option.script'))
      .option('--yes', t('cli.fix.option.yes'))
      .allowExcessArguments(false)
      .action(async (options: FixFlags) => {
        const fix = await import('./fix.js');
        exitCode = await fix.runFixCommand(() => fix.runFixAction(action, options, fixIo(io)), fixIo(io), APP.name);
      });
  }
  fixCommand
    .command('resume')
    .description(t('cli.fix.resume.description'))
    .option('--sandbox <dir>', t('cli.fix.resume.option.sandbox'))
    .option('--discard', t('cli.fix.resume.option.discard'))
    .option('--yes', t('cli.fix.resume.option.yes'))
    .allowExcessArguments(false)
    .action(async (options: { sandbox?: string; discard?: boolean; yes?: boolean }) => {
      const fix = await import('./fix.js');
      exitCode = await fix.runFixCommand(() => fix.resume(options, fixIo(io)), fixIo(io), APP.name);
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
      // A command of subcommands given none (fleet, fix) shows its help on stderr as an error: bad usage.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ProfileLoadError) {
      io.stderr(
        wrapBlock(
          error.sentence
            ? `${t('cli.profile.sentence', { program: APP.name, file: error.file, stdin: error.file === '-' ? 'yes' : 'no', sentence: error.sentence })}\n`
            : `${t(error instanceof ProfileReadError ? 'cli.profile.unusable' : 'cli.profile.invalid', { program: APP.name, file: error.file, stdin: error.file === '-' ? 'yes' : 'no' })}\n${problemLines(error.problems)}`,
          io.columns,
        ),
      );
      return EXIT.usage;
    }
    if (error instanceof WaiverFileError) {
      io.stderr(
        wrapBlock(`${t('cli.waivers.unusable', { program: APP.name, file: error.file })}\n${problemLines(error.problems)}`, io.columns),
      );
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof ExplainedError) {
      io.stderr(wrapBlock(`${t('cli.error.line', { program: APP.name, message: error.message })}\n`, io.columns));
      return EXIT.usage;
    }
    // A failure this version did not foresee: one sentence, not a stack trace (MARS_READINESS_DEBUG=1 for
    // that), and an exit status of its own, so that a fleet script does not read it as "not ready".
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    io.stderr(wrapBlock(`${t('cli.error.unexpected', { program: APP.name, message })}\n`, io.columns));
    if (process.env.MARS_READINESS_DEBUG === '1' && stack) io.stderr(`${stack}\n`);
    return EXIT.unexpected;
  }
}

/** Probes this machine; injected so that tests can stand in a recorded machine. */
export type Prober = (options: CollectOptions) => Promise<Collected>;
const defaultProber: Prober = async (options) => (await import('../probes/collect.js')).collectProfile(options);

async function probeThisMachine(flags: ProbeFlags, io: CliIo, probe: Prober, quiet = false): Promise<Collected> {
  const machine = await openMachineFor(flags.sandbox);
  const selection = flags.select || flags.systemState ? { paths: flags.select ?? [], systemState: flags.systemState === true } : null;
  let lastReport = 0;
  const collected = await probe({
    machine,
    selection,
    onScanProgress: (p) => {
      // A line a second on a terminal; nothing when stderr is a file or a pipe.
      if (quiet || !process.stderr.isTTY || Date.now() - lastReport < 1000) return;
      lastReport = Date.now();
      io.stderr(
        `${t('cli.scan.progress', { files: p.files, size: formatBytes(p.bytes), rate: formatNumber(p.filesPerSecond), folder: p.current })}\n`,
      );
    },
    cachePath: flags.cache ?? null,
    vaultCredentials: flags.vaultCredentials ?? null,
    ...(flags.historyDays !== undefined ? { historyDays: flags.historyDays } : {}),
    offline: flags.offline === true,
    uploadMbps: flags.uploadMbps ?? null,
  });
  // With --redact the notes are said after the report is redacted, in its placeholders (redact-output.ts).
  if (!quiet && !(flags as RedactFlag).redact)
    for (const note of collected.notes) io.stderr(wrapBlock(`${t('cli.note', { field: note.field, reason: note.reason })}\n`, io.columns));
  return collected;
}

/** The options that only steer probing: given with --profile, they would be ignored, so they are refused. */
const PROBE_ONLY: [keyof ProbeFlags, string][] = [
  ['sandbox', '--sandbox'],
  ['select', '--select'],
  ['systemState', '--system-state'],
  ['cache', '--cache'],
  ['vaultCredentials', '--vault-credentials'],
  ['historyDays', '--history-days'],
  ['offline', '--offline'],
  ['uploadMbps', '--upload-mbps'],
];

async function check(options: CheckOptions, io: CliIo, probe: Prober, mode: { doctor?: boolean } = {}): Promise<number> {
  const probing = PROBE_ONLY.filter(([key]) => options[key] !== undefined && options[key] !== false).map(([, flag]) => flag);
  if (options.profile && probing.length > 0) {
    throw new UsageError(t('cli.usage.probeWithProfile', { flags: list(probing), count: probing.length }));
  }
  const eventLogProblem = eventLogRefusal(options);
  if (eventLogProblem) throw new UsageError(eventLogProblem);
  refuseRedactedHistory(options);
  // The waiver file and the history folder are checked before anything is probed.
  const waivers = options.waivers !== undefined ? await (await import('./load-waivers.js')).loadWaivers(options.waivers) : null;
  const history = options.history !== undefined ? await import('../services/report-history.js') : null;
  const historyFolder = history && options.history !== undefined ? history.historyFolderOf(options.history) : null;
  const loaded = options.profile ? await loadProfileOrReport(options.profile) : null;
  if (loaded?.kind === 'report') return showSavedReport(loaded.report, options, io, waivers, mode);
  const { profile, examples, interruptedFix, notes } = loaded
    ? { profile: loaded.profile, examples: undefined, interruptedFix: null, notes: [] }
    : await probeThisMachine(options, io, probe, quietFormat(formatOf(options)));
  const built = buildReport(profile, {
    edition: options.matrix,
    toolVersion: APP.version,
    now: io.now(),
    ...(examples ? { examples } : {}),
    interruptedFix: interruptedFix ?? null,
  });
  const report = waivers ? (await import('../../shared/report/waivers.js')).applyWaivers(built, waivers) : built;
  const { report: shown, summary: redaction } = forOutput(report, profile, options.redact, quietFormat(formatOf(options)) ? [] : notes, io);
  const json = mode.doctor ? { ...shown, diagnosis: diagnose(shown) } : shown;
  if (history && historyFolder !== null) {
    const kept = await history.keepInHistory(
      historyFolder,
      'report',
      json.generatedAt,
      json.host.name,
      `${JSON.stringify(json, null, 2)}\n`,
    );
    if (!quietFormat(formatOf(options))) io.stderr(wrapBlock(`${t('cli.history.reportKept', { file: kept })}\n`, io.columns));
  }
  const text = {
    width: io.columns,
    palette: palette(io),
    historyFirst: mode.doctor === true,
    // This machine, probed now: on one that is not Windows the Windows-only checks fold into one line.
    ...(options.profile ? {} : { machine: { family: profile.os.family, osName: osWords(profile.os) } }),
  };
  const format = formatOf(options);
  // This machine, probed now: no "collect the profile again" in what people read (the JSON keeps the rules' words).
  const readable = options.profile ? shown : liveReport(shown);
  const exit = await printReportAs(format, readable, json, text, options, io.stdout, exitCodeOf(report, options.strict === true));
  tellRedaction(format, redaction, io, quietFormat(format));
  if (options.eventLog) {
    const problem = await logEvents(report);
    if (problem && !quietFormat(format)) io.stderr(wrapBlock(`${t('cli.eventLog.problem', { program: APP.name, problem })}\n`, io.columns));
  }
  return exit;
}

/**
 * check --profile REPORT: a report saved before (check --json, in any language), said again in this run's
 * language and format, its findings, statuses and evidence as saved. What needs the machine's profile
 * (--redact, --history) is refused; waivers apply to its findings as to a fresh report's.
 */
async function showSavedReport(
  saved: Report,
  options: CheckOptions,
  io: CliIo,
  waivers: WaiverFile | null,
  mode: { doctor?: boolean },
): Promise<number> {
  const needsProfile = [options.redact ? '--redact' : null, options.history !== undefined ? '--history' : null].filter((f) => f !== null);
  if (needsProfile.length > 0) throw new UsageError(t('cli.usage.savedReport', { flag: list(needsProfile), file: options.profile! }));
  if (options.matrixGiven && options.matrix !== saved.matrix.edition)
    throw new UsageError(t('cli.usage.savedReportEdition', { given: options.matrix, file: options.profile!, made: saved.matrix.edition }));
  const said = sayReportAgain(saved);
  const report = waivers ? (await import('../../shared/report/waivers.js')).applyWaivers(said, waivers) : said;
  const json = mode.doctor ? { ...report, diagnosis: diagnose(report) } : report;
  const format = formatOf(options);
  const text = { width: io.columns, palette: palette(io), historyFirst: mode.doctor === true };
  return printReportAs(format, report, json, text, options, io.stdout, exitCodeOf(report, options.strict === true));
}

/**
 * --redact with --history: the history is read back by diff --history on this machine, by host; redacted,
 * every machine would be HOST-1 and diff would compare different machines as one.
 */
function refuseRedactedHistory(options: RedactFlag & { history?: string | true }): void {
  if (options.redact && options.history !== undefined) throw new UsageError(t('cli.usage.redactWithHistory'));
}

/** network-request: the profile as check has it (loaded, or probed with the same options), then the request. */
async function requestForNetworkTeam(options: CheckOptions & RequestFlags, io: CliIo, probe: Prober): Promise<number> {
  const command = await import('./network-request.js');
  command.refuseOffline(options);
  const probing = PROBE_ONLY.filter(([key]) => options[key] !== undefined && options[key] !== false).map(([, flag]) => flag);
  if (options.profile && probing.length > 0)
    throw new UsageError(t('cli.usage.probeWithProfile', { flags: list(probing), count: probing.length }));
  const { profile, notes } = options.profile
    ? { profile: await loadProfile(options.profile), notes: [] }
    : await probeThisMachine(options, io, probe);
  const report = buildReport(profile, { edition: options.matrix, toolVersion: APP.version, now: io.now() });
  return command.networkRequest(options, { profile, report, notes }, io);
}

async function intuneRules(options: { out?: string }, io: CliIo): Promise<number> {
  const { intuneComplianceRules } = await import('../../shared/report/fleet/intune-compliance.js');
  const text = `${JSON.stringify(intuneComplianceRules(), null, 2)}\n`;
  if (!options.out) io.stdout(text);
  else {
    const { writeFileAtomically } = await import('../util/atomic-file.js');
    await writeFileAtomically(options.out, text, { createFolder: false }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(t('cli.fleet.intuneRules.writeFailed', { file: options.out!, ...writeProblem(error) }));
    });
    io.stderr(`${t('cli.fleet.intuneRules.written', { file: options.out })}\n`);
  }
  return EXIT.ok;
}

async function collect(options: CollectFlags, io: CliIo, probe: Prober): Promise<number> {
  refuseRedactedHistory(options);
  const history = options.history !== undefined ? await import('../services/report-history.js') : null;
  const historyFolder = history && options.history !== undefined ? history.historyFolderOf(options.history) : null;
  const { profile: probed, notes } = await probeThisMachine(options, io, probe);
  const profile = options.redact ? redactProfileForOutput(probed, notes, io) : probed;
  const text = `${JSON.stringify(profile, null, 2)}\n`;
  if (history && historyFolder !== null) {
    const time = profile.capturedAt ?? io.now().toISOString();
    const kept = await history.keepInHistory(historyFolder, 'profile', time, profile.host?.name ?? null, text);
    io.stderr(wrapBlock(`${t('cli.history.profileKept', { file: kept })}\n`, io.columns));
  }
  if (!options.out) io.stdout(text);
  else {
    const { writeFileAtomically } = await import('../util/atomic-file.js');
    await writeFileAtomically(options.out, text, { createFolder: false }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(t('cli.collect.writeFailed', { file: options.out!, ...writeProblem(error) }));
    });
    io.stderr(`${t('cli.collect.written', { file: options.out })}\n`);
  }
  return EXIT.ok;
}

function fixIo(io: CliIo): FixIo {
  // A person at a terminal can answer, with or without colour (NO_COLOR must not skip the question).
  return {
    stdout: (text) => io.stdout(wrapBlock(text, io.columns)),
    stderr: (text) => io.stderr(wrapBlock(text, io.columns)),
    data: io.stdout,
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    env: process.env,
  };
}

/** The machine a command works on: a sandbox's folder errors are usage errors (exit 2). */
async function openMachineFor(sandbox: string | undefined): Promise<Machine> {
  const { openMachine } = await import('../machine/open-machine.js');
  return openMachine({ sandbox }).catch((error: Error) => {
    throw new UsageError(error.message);
  });
}

async function web(options: { port?: number; sandbox?: string }, io: CliIo): Promise<number> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new UsageError(t('cli.web.notBuilt', { folder: RENDERER_DIR }));
  }
  // --lang chose this run's language; the wizard's menu still cannot go past the machine's policy.
  if (languageView().source === 'user' && (await policyLanguage())) lockLanguage();
  const machine = await openMachineFor(options.sandbox);
  const { startWebServer } = await import('../web/server.js');
  const { nodeHelperProgram } = await import('../helper/node-helper.js');
  const server = await startWebServer({
    rendererDir: RENDERER_DIR,
    machine,
    helper: nodeHelperProgram(options.sandbox ?? null),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  io.stdout(`${t('cli.web.serving', { url: server.url })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}

/** The problems of a file, one indented line each. */
const problemLines = (problems: readonly string[]) => problems.map((p) => `  ${p}\n`).join('');

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
