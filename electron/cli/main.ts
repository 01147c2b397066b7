// The command line: `mars-readiness check|collect`. Parsing by commander; what each command does lives
// beside it. Exit statuses (docs/checks.md): 0 ready or ready with warnings, 1 not ready (or warnings
// with --strict), 2 bad usage or an invalid profile - and then nothing on stdout.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
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
import { wrapBlock } from '../../shared/report/wrap.js';
import { listInWords } from '../../shared/rules/finding.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP, RENDERER_DIR } from '../app-info.js';
import { formatBytes, formatNumber } from '../../shared/i18n/translate.js';
import { loadProfile, ProfileLoadError } from './load-profile.js';
import { addEventLogOption, eventLogRefusal, logEvents, type EventLogFlags } from './event-log-option.js';
import { ExplainedError } from '../explained-error.js';
// Probing, fixing and serving load only when asked for: `check --profile` stays quick to start.
import type { Collected, CollectOptions } from '../probes/collect.js';
import type { Machine } from '../machine/machine.js';
import type { FixFlags, FixIo } from './fix.js';
import type { RequestFlags } from './network-request.js';
import { forOutput, REDACT_HELP, redactProfileForOutput, tellRedaction } from './redact-output.js';
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
const HISTORY_HELP =
  'also keep this run in a history folder, one file per run named by time and host (default on Windows: %ProgramData%\\MarsReadiness\\history)';
const WAIVERS_HELP =
  'a waiver file (JSON): the blockers, warnings and unknowns it covers are shown as waived, counted apart, and leave the verdict';

/** A repeatable option: each use adds one value. */
const collectPaths = (value: string, list: string[] = []) => [...list, value];

/** The options that steer probing, shared by `check` (without --profile) and `collect`. */
function addProbeOptions(command: Command): Command {
  return command
    .option('--sandbox <dir>', 'examine a sandbox machine (a folder standing for a Windows machine) instead of this one')
    .option('--select <path>', 'a folder or volume to back up, scanned for what MARS skips (repeatable)', collectPaths)
    .option('--system-state', 'System State will be backed up too')
    .option('--cache <path>', "the cache folder to examine (default: the one the agent's registry names)")
    .option(
      '--vault-credentials <file>',
      'a vault credentials file to check (its name, age, form and tenant only: the secret in it is never kept)',
    )
    .option('--history-days <n>', "how many days of the agent's job history to read (default 14)", parseDays)
    .option('--offline', 'do not test the network (the endpoints are then reported as unknown)')
    .option('--upload-mbps <n>', 'the upload bandwidth, in megabits per second, for the first-backup estimate', parseMbps);
}

function parsePort(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port number (0 to 65535).`);
  return number;
}

function parseDays(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1 || number > 3650)
    throw new InvalidArgumentError(`give a whole number of days from 1 to 3650, such as 14 ("${value}" is not one).`);
  return number;
}

function parseMbps(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw new InvalidArgumentError(`"${value}" is not a bandwidth: give megabits per second, such as 20 or 0.5.`);
  }
  return number;
}

export async function runCli(argv: string[], io: CliIo, probe: Prober = defaultProber): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name(APP.name)
    .description('Checks a Windows machine against the Azure Backup MARS agent support matrix.')
    .version(APP.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(wrapBlock(text, io.columns)) })
    .showHelpAfterError('(run with --help for usage)');

  const checkCommand = program
    .command('check')
    .description('check a machine profile (or, later, this machine) and print a readiness report')
    .option('--profile <file>', 'evaluate a saved machine profile instead of probing this machine (- reads standard input)')
    .addOption(new Option('--matrix <edition>', 'support matrix edition').choices(EDITION_IDS).default(DEFAULT_EDITION))
    .option('--json', 'print the report as JSON, and nothing else, on stdout (the same as --format json)')
    .addOption(formatOption())
    .option('--strict', 'exit with 1 on warnings and unknowns too')
    .option('--redact', REDACT_HELP)
    .option('--waivers <file>', WAIVERS_HELP)
    .option('--history [dir]', HISTORY_HELP)
    .allowExcessArguments(false)
    .hook('preAction', refuseJsonWithOtherFormat)
    .hook('preAction', refuseFleetOptionsElsewhere)
    .action(async (options: CheckOptions) => {
      exitCode = await check(options, io, probe);
    });
  addProbeOptions(checkCommand);
  addFleetOptions(checkCommand);
  addEventLogOption(checkCommand);

  const doctorCommand = program
    .command('doctor')
    .description("explain the agent's last backup: when it failed, why, and what of this machine still causes it")
    .option('--profile <file>', 'explain a saved machine profile instead of probing this machine (- reads standard input)')
    .addOption(new Option('--matrix <edition>', 'support matrix edition').choices(EDITION_IDS).default(DEFAULT_EDITION))
    .option('--json', "print the report as JSON with the doctor's diagnosis, and nothing else, on stdout (the same as --format json)")
    .addOption(formatOption())
    .option('--strict', 'exit with 1 on warnings and unknowns too')
    .option('--redact', REDACT_HELP)
    .option('--waivers <file>', WAIVERS_HELP)
    .option('--history [dir]', HISTORY_HELP)
    .allowExcessArguments(false)
    .hook('preAction', refuseJsonWithOtherFormat)
    .hook('preAction', refuseFleetOptionsElsewhere)
    .action(async (options: CheckOptions) => {
      exitCode = await check(options, io, probe, { doctor: true });
    });
  addProbeOptions(doctorCommand);
  addFleetOptions(doctorCommand);
  addEventLogOption(doctorCommand);

  const collectCommand = program
    .command('collect')
    .description("write this machine's profile (JSON), to open here or on another machine")
    .option('--out <file>', 'write the profile to this file instead of stdout')
    .option('--redact', REDACT_HELP)
    .option('--history [dir]', HISTORY_HELP)
    .allowExcessArguments(false)
    .action(async (options: CollectFlags) => {
      exitCode = await collect(options, io, probe);
    });
  addProbeOptions(collectCommand);

  const requestCommand = program
    .command('network-request')
    .description(
      'write a request for the network team: each Microsoft address the test could not reach or did not test, its port, what failed, why the agent needs it, the service tag to allow and the TLS inspection to leave off',
    )
    .option('--profile <file>', 'make the request from a saved machine profile instead of testing this machine (- reads standard input)')
    .addOption(new Option('--matrix <edition>', 'support matrix edition').choices(EDITION_IDS).default(DEFAULT_EDITION))
    .addOption(
      new Option('--format <format>', 'markdown (the default: for a ticket or an email) or csv (for a spreadsheet)').choices([
        'markdown',
        'csv',
      ]),
    )
    .option('--out <file>', 'write the request to this file instead of stdout')
    .option('--redact', REDACT_HELP)
    .allowExcessArguments(false)
    .action(async (options: CheckOptions & RequestFlags) => {
      exitCode = await requestForNetworkTeam(options, io, probe);
    });
  addProbeOptions(requestCommand);

  program
    .command('diff')
    .description('say what changed between two reports or profiles of a machine: resolved, new, worse and better')
    .argument('[files...]', 'the older and the newer report or profile (JSON)')
    .option('--history [dir]', 'compare the two latest runs of one machine in the history folder (default on Windows as for check)')
    .addOption(
      new Option(
        '--matrix <edition>',
        'the matrix edition a profile is checked against (default: that of the report beside it, else current)',
      ).choices(EDITION_IDS),
    )
    .option('--json', 'print the difference as JSON, and nothing else, on stdout')
    .action(async (files: string[], options: DiffFlags) => {
      exitCode = await (await import('./diff-command.js')).runDiff(files, options, io);
    });

  program
    .command('web')
    .description('serve the wizard to a browser on this machine (127.0.0.1 only), for servers without a desktop')
    .option('--port <n>', 'the port to listen on (default: any free one)', parsePort)
    .option('--sandbox <dir>', 'let the wizard examine and fix a sandbox machine instead of this one')
    .allowExcessArguments(false)
    .action(async (options: { port?: number; sandbox?: string }) => {
      exitCode = await web(options, io);
    });

  program
    .command('checks')
    .description('list the checks: what each reads, the statuses it can give and the matrix section it enforces')
    .option('--json', 'print the list as JSON, and nothing else, on stdout')
    .allowExcessArguments(false)
    .action(async (options: { json?: boolean }) => {
      exitCode = (await import('./checks-command.js')).printChecks(options, io);
    });

  program
    .command('fleet')
    .description('files for fleet tools')
    .command('intune-rules')
    .description('write the Intune custom compliance rules that go with --format intune-compliance (one rule per check)')
    .option('--out <file>', 'write the rules to this file instead of stdout')
    .allowExcessArguments(false)
    .action(async (options: { out?: string }) => {
      exitCode = await intuneRules(options, io);
    });

  const fixCommand = program.command('fix').description('fix what a finding names (the wizard does the same, after asking)');
  const actions = [
    ['relocate-cache', "move the agent's cache folder safely: copy, verify, switch both registry values, restart; undone on any failure"],
    [
      'point-registry',
      'point both cache registry values at the folder that holds the cache (OnlineBackup.KEK), restart; undone on any failure',
    ],
    ['start-engine', 'start the backup engine (obengine), wait until it runs and check that it stays running'],
  ] as const;
  for (const [action, description] of actions) {
    const command = fixCommand.command(action).description(description);
    if (action === 'relocate-cache')
      command
        .option('--to <path>', 'the folder to move the cache to (new or empty, on a local fixed NTFS volume)')
        .option('--select <path>', 'a folder that will be backed up (repeatable): the new folder must lie outside it', collectPaths)
        .option('--system-state', 'System State will be backed up too (the space needed grows by 35 GB)');
    command
      .option('--sandbox <dir>', 'work on a sandbox machine instead of this one')
      .option('--dry-run', 'show the plan and change nothing')
      .option('--json', 'with --dry-run: the plan as JSON')
      .option('--script', 'print an equivalent PowerShell script instead of running')
      .option('--yes', 'go ahead without asking')
      .allowExcessArguments(false)
      .action(async (options: FixFlags) => {
        const fix = await import('./fix.js');
        exitCode = await fix.runFixCommand(() => fix.runFixAction(action, options, fixIo(io)), fixIo(io), APP.name);
      });
  }
  fixCommand
    .command('resume')
    .description('finish or undo an interrupted fix')
    .option('--sandbox <dir>', 'the sandbox machine the move ran on')
    .option('--discard', 'set aside a record that cannot be acted on (it is kept, renamed), after someone has looked at it')
    .option('--yes', 'with --discard: go ahead without asking')
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
            ? `${APP.name}: ${error.file}: ${error.sentence}\n`
            : `${APP.name}: the profile ${error.file} is invalid:\n${error.problems.map((p) => `  ${p}\n`).join('')}`,
          io.columns,
        ),
      );
      return EXIT.usage;
    }
    if (error instanceof WaiverFileError) {
      io.stderr(
        wrapBlock(
          `${APP.name}: the waiver file ${error.file} cannot be used:\n${error.problems.map((p) => `  ${p}\n`).join('')}`,
          io.columns,
        ),
      );
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof ExplainedError) {
      io.stderr(wrapBlock(`${APP.name}: ${error.message}\n`, io.columns));
      return EXIT.usage;
    }
    // A failure this version did not foresee: one sentence, not a stack trace (MARS_READINESS_DEBUG=1 for
    // that), and an exit status of its own, so that a fleet script does not read it as "not ready".
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    io.stderr(wrapBlock(`${APP.name}: an unexpected error stopped the command: ${message}\n`, io.columns));
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
        `scanning: ${formatNumber(p.files)} files, ${formatBytes(p.bytes)}, ${formatNumber(p.filesPerSecond)} files/s, in ${p.current}\n`,
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
    for (const note of collected.notes) io.stderr(wrapBlock(`note: ${note.field}: ${note.reason}\n`, io.columns));
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
    throw new UsageError(
      `${listInWords(probing)} ${probing.length === 1 ? 'steers' : 'steer'} probing this machine; with --profile nothing is probed. Use one or the other.`,
    );
  }
  const eventLogProblem = eventLogRefusal(options);
  if (eventLogProblem) throw new UsageError(eventLogProblem);
  refuseRedactedHistory(options);
  // The waiver file and the history folder are checked before anything is probed.
  const waivers = options.waivers !== undefined ? await (await import('./load-waivers.js')).loadWaivers(options.waivers) : null;
  const history = options.history !== undefined ? await import('../services/report-history.js') : null;
  const historyFolder = history && options.history !== undefined ? history.historyFolderOf(options.history) : null;
  const { profile, examples, interruptedFix, notes } = options.profile
    ? { profile: await loadProfile(options.profile), examples: undefined, interruptedFix: null, notes: [] }
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
    if (!quietFormat(formatOf(options))) io.stderr(wrapBlock(`The report is kept in ${kept}.\n`, io.columns));
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
    if (problem && !quietFormat(format)) io.stderr(wrapBlock(`${APP.name}: ${problem}.\n`, io.columns));
  }
  return exit;
}

/**
 * --redact with --history: the history is read back by diff --history on this machine, by host; redacted,
 * every machine would be HOST-1 and diff would compare different machines as one.
 */
function refuseRedactedHistory(options: RedactFlag & { history?: string | true }): void {
  if (options.redact && options.history !== undefined)
    throw new UsageError(
      '--redact and --history cannot be used together: the history is kept for diff --history on this machine, and redacted every machine would be HOST-1 and be compared as one. Keep the history without --redact, and redact what you send.',
    );
}

/** network-request: the profile as check has it (loaded, or probed with the same options), then the request. */
async function requestForNetworkTeam(options: CheckOptions & RequestFlags, io: CliIo, probe: Prober): Promise<number> {
  const command = await import('./network-request.js');
  command.refuseOffline(options);
  const probing = PROBE_ONLY.filter(([key]) => options[key] !== undefined && options[key] !== false).map(([, flag]) => flag);
  if (options.profile && probing.length > 0)
    throw new UsageError(
      `${listInWords(probing)} ${probing.length === 1 ? 'steers' : 'steer'} probing this machine; with --profile nothing is probed. Use one or the other.`,
    );
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
      throw new UsageError(
        `the rules could not be written to ${options.out}: ${error.code === 'ENOENT' ? 'its folder does not exist' : error.message}`,
      );
    });
    io.stderr(`The Intune compliance rules are in ${options.out}.\n`);
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
    io.stderr(wrapBlock(`The profile is kept in ${kept}.\n`, io.columns));
  }
  if (!options.out) io.stdout(text);
  else {
    const { writeFileAtomically } = await import('../util/atomic-file.js');
    await writeFileAtomically(options.out, text, { createFolder: false }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `the profile could not be written to ${options.out}: ${error.code === 'ENOENT' ? 'its folder does not exist' : error.message}`,
      );
    });
    io.stderr(`The profile of this machine is in ${options.out}.\n`);
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
    throw new UsageError(`the wizard's pages are not built (${RENDERER_DIR} is missing): run "npm run build" first.`);
  }
  const machine = await openMachineFor(options.sandbox);
  const { startWebServer } = await import('../web/server.js');
  const { nodeHelperProgram } = await import('../helper/node-helper.js');
  const server = await startWebServer({
    rendererDir: RENDERER_DIR,
    machine,
    helper: nodeHelperProgram(options.sandbox ?? null),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  io.stdout(`The wizard is at ${server.url}\nOpen it in a browser on this machine; press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
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
