// The Windows adapter of the Machine port - the product. Registry reads through native-reg (reg.exe where
// it does not load), writes through reg.exe (its arguments pass through CreateProcessW, so non-ASCII paths
// stay intact), services through sc.exe, the copy through robocopy (which keeps the access control lists
// the cache needs), the state folder under ProgramData locked down with icacls, and fixes in a helper
// started through UAC. Every command: an argument array and a timeout; every failure judged by its exit
// code, never by its (localised) words.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { listTree, type CopiedFile, type CopyOptions, type CopyProgress, type Entry } from '../../actions/copy-tree.js';
import { outputText, runCommand, type CommandRunner } from '../../probes/command-runner.js';
import type { ProbeNotes } from '../../probes/notes.js';
import { powershellArgs } from '../../probes/windows/powershell.js';
import { windowsRegistryReader } from '../../probes/windows/registry-native.js';
import type { RegistryReader } from '../../probes/windows/registry.js';
import { queryService } from '../../probes/windows/service-control.js';
import type { ElevatedLauncher, Machine, PathFacts, ServicePort, Track } from '../machine.js';
import { JOURNAL_ACL_SCRIPT, journalAclDoubt, protectJournalFolderArgs } from './journal-acl.js';
import { launchThroughUac } from './elevate.js';
import { probeWindows } from './probe-windows.js';
import { windowsPathFacts } from './windows-path-facts.js';
import { agentEventsFromLog, backupJobFromEventLog } from './backup-job.js';
import { mountedSystemStateDisks } from './system-state-disks.js';
import { t } from '../../../shared/i18n/translate.js';
import { m } from '../../../shared/i18n/message.js';

const TIMEOUT = { timeoutMs: 30_000 };
/** sc.exe's exit codes for "already running" and "not started": the state asked for is already there. */
const ERROR_SERVICE_ALREADY_RUNNING = 1056;
const ERROR_SERVICE_NOT_ACTIVE = 1062;

export interface WindowsMachineOptions {
  run?: CommandRunner;
  /** Reads for the probes (cached per collection); the engine's read-backs go through an uncached reader. */
  registry?: RegistryReader;
  env?: NodeJS.ProcessEnv;
  /** The service manager, replaced where Windows cannot host obengine (the Wine tier); probes read it too. */
  services?: ServicePort;
  /** How the elevated helper starts, replaced where there is no UAC (the Wine tier). */
  launchElevated?: ElevatedLauncher;
}

export function windowsMachine(options: WindowsMachineOptions = {}): Machine {
  const run = options.run ?? runCommand;
  const env = options.env ?? process.env;
  const programData = env.ProgramData ?? 'C:\\ProgramData';
  // Read-back after a write must see the registry as it is now: never cached. reg.exe prints in the console's
  // code page, which garbles non-ASCII paths (seen under Wine), so reads go through native-reg where it loads.
  const reader = options.registry ?? windowsRegistryReader(run, { cache: false });
  const stateDir = join(programData, 'MARS Readiness Wizard');
  const must = async (command: string, args: string[], what: Action, accepted: number[] = []) => {
    const result = await run(command, args, TIMEOUT);
    const action = m('machine.windows.action', { name: '', key: '', ...what });
    if (result.failure) throw new Error(t('machine.windows.actionFailed', { action, reason: result.failure }));
    if (result.exitCode !== 0 && !accepted.includes(result.exitCode ?? -1))
      throw new Error(
        t('machine.windows.actionExited', { action, code: String(result.exitCode), known: windowsErrorName(result.exitCode) ?? 'none' }),
      );
  };
  const services: ServicePort = options.services ?? {
    query: (name) => queryService(run, name),
    start: (name) => must('sc', ['start', name], { action: 'start', name }, [ERROR_SERVICE_ALREADY_RUNNING]),
    stop: (name) => must('sc', ['stop', name], { action: 'stop', name }, [ERROR_SERVICE_NOT_ACTIVE]),
  };
  return {
    kind: 'windows',
    // A getter: said in the language of the moment, which the wizard's menu can change after the machine is opened.
    get label() {
      return t('machine.label.windows', { name: env.COMPUTERNAME ?? 'Windows' });
    },
    registry: {
      readKey: (key) => reader.readKey(key),
      writeString: (key, name, value) =>
        must('reg', ['add', key, '/v', name, '/t', 'REG_SZ', '/d', value, '/f', '/reg:64'], { action: 'set', name, key }),
      // reg.exe exits 1 when the value is not there: deleting what is absent leaves the state asked for.
      deleteValue: async (key, name) => {
        const read = await reader.readKey(key);
        if (read.status === 'missing' || (read.status === 'ok' && !read.values.has(name.toLowerCase()))) return;
        await must('reg', ['delete', key, '/v', name, '/f', '/reg:64'], { action: 'delete', name, key });
      },
    },
    services,
    files: {
      localPath: (path) => path,
      pathFacts: (path): Promise<PathFacts> => windowsPathFacts(run, path),
      copyTree: (from, to, copyOptions) => robocopy(run, from, to, copyOptions),
      scanOptions: () => ({ enumeration: 'windows' }),
    },
    probe: (cachePath: string | null, notes: ProbeNotes, track: Track) =>
      probeWindows(run, options.registry ?? windowsRegistryReader(run), env, cachePath, notes, track, (name) => services.query(name)),
    stateDir,
    async protectStateDir() {
      await mkdir(stateDir, { recursive: true });
      for (const args of protectJournalFolderArgs(stateDir)) await must('icacls', args, { action: 'protect' });
    },
    async stateDoubt(file) {
      const result = await run('powershell.exe', powershellArgs(JOURNAL_ACL_SCRIPT), { timeoutMs: 20_000, env: { MARS_JOURNAL: file } });
      if (result.failure || result.exitCode !== 0)
        return t('machine.journal.unchecked', {
          reason: result.failure ?? t('probes.command.exitedWith', { command: 'PowerShell', code: String(result.exitCode) }),
        });
      return journalAclDoubt(outputText(result.stdout));
    },
    backupJob: () => backupJobFromEventLog(run),
    systemStateDisks: () => mountedSystemStateDisks(run),
    agentEvents: (ids, window) => agentEventsFromLog(run, ids, window),
    fixes: { mode: 'elevated-helper' },
    failpoints: false,
    launchElevated: options.launchElevated ?? ((program, args, signal) => launchThroughUac(run, program, args, signal)),
  };
}

/** What a command of `must` does, said by machine.windows.action. */
type Action = { action: 'start' | 'stop'; name: string } | { action: 'set' | 'delete'; name: string; key: string } | { action: 'protect' };

/** Names the Win32 errors a user may meet here (machine.windows.actionExited's `known`); the number alone is what is judged. */
export function windowsErrorName(code: number | null): string | null {
  const names: Record<number, string> = {
    5: 'accessDenied',
    1051: 'dependents',
    1053: 'noAnswer',
    1058: 'disabled',
    1060: 'notInstalled',
    1223: 'declined',
  };
  return code !== null ? (names[code] ?? null) : null;
}

/**
 * robocopy keeps what the cache needs and Node's copy would lose on Windows: the folder's and files'
 * access control lists (only SYSTEM and Administrators may read the cache), owners and attributes.
 * Its exit code is a bit mask: below 8 the copy succeeded (1 files copied, 2 extra files, 4 mismatches),
 * 8 and above something failed (8 some files not copied, 16 a fatal error).
 */
export function robocopyArgs(from: string, to: string): string[] {
  return [from, to, '/E', '/COPYALL', '/DCOPY:DAT', '/XJ', '/R:1', '/W:1', '/NP', '/NFL', '/NDL', '/NJH', '/NJS'];
}

export function robocopySucceeded(exitCode: number | null): boolean {
  return exitCode !== null && exitCode < 8;
}

export function robocopyFailure(exitCode: number | null): string {
  if (exitCode === null) return t('machine.robocopy.unfinished');
  return t('machine.robocopy.failed', { fatal: exitCode & 16 ? 'yes' : 'no', code: String(exitCode) });
}

/** How often the copy's progress is measured while robocopy runs (it prints none we read: /NP, and its words are localised). */
const ROBOCOPY_POLL_MS = 500;

/**
 * The copy through robocopy, with progress while it runs and a stop at any moment. robocopy's own output
 * is localised text, so progress is measured instead: the source is listed first for the totals, then
 * every ROBOCOPY_POLL_MS what has landed in the target is summed (a file counts as copied once it has its
 * original's size; its bytes count up to that size). A walk of the target is never started while the last
 * one runs, nor sooner after it than it took, so that on a slow disk measuring costs at most half the time.
 * Aborting `options.signal` kills robocopy; the copy then fails as stopped, and the engine rolls back.
 * The verifier learns of the files (onFileCopied) once robocopy has finished: before, a file may still be
 * written to.
 */
async function robocopy(run: CommandRunner, from: string, to: string, options: CopyOptions): Promise<CopiedFile[]> {
  const stopped = () => new Error(t('machine.robocopy.stopped'));
  if (options.signal?.aborted) throw stopped();
  // The totals: the source as it is now (the engine has stopped the agent, nothing writes there). Unlistable,
  // robocopy still runs and says what is wrong; there is just no progress to show until it ends.
  const source = await listTree(from).catch(() => null);
  const meter = source ? new LandedMeter(to, source) : null;
  let polling: Promise<void> | null = null;
  let notBefore = 0;
  const poll = (landed: LandedMeter, report: (progress: CopyProgress) => void) => {
    if (polling || Date.now() < notBefore) return;
    const started = Date.now();
    polling = landed
      .measure()
      .then((progress) => {
        if (progress) report(progress);
      })
      // A display that fails does not fail the copy (nor may it reject where no one awaits it).
      .catch(() => undefined)
      .finally(() => {
        polling = null;
        notBefore = Date.now() + (Date.now() - started);
      });
  };
  const onProgress = options.onProgress;
  const timer = meter && onProgress ? setInterval(() => poll(meter, onProgress), ROBOCOPY_POLL_MS) : null;
  let result: Awaited<ReturnType<CommandRunner>>;
  try {
    result = await run('robocopy', robocopyArgs(from, to), {
      timeoutMs: 6 * 60 * 60 * 1000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    if (timer) clearInterval(timer);
    await polling;
  }
  if (result.aborted || options.signal?.aborted) throw stopped();
  if (result.failure || !robocopySucceeded(result.exitCode))
    throw new Error(t('machine.robocopy.couldNotCopy', { reason: result.failure ?? robocopyFailure(result.exitCode) }));
  const tree = await listTree(to);
  const files = tree.filter((e) => e.kind === 'file').map((e) => ({ path: e.rel, size: e.size }));
  const last = meter ? await meter.measure(tree) : null;
  const copiedBytes = files.reduce((sum, f) => sum + f.size, 0);
  options.onProgress?.(last ?? { files: files.length, bytes: copiedBytes, totalFiles: files.length, totalBytes: copiedBytes, current: '' });
  for (const [i, file] of files.entries()) {
    options.onFileCopied?.(file.path);
    await options.afterFile?.(i + 1, files.length);
  }
  return files;
}

/** What of a listed source has landed in a target so far; never less than it said before. */
class LandedMeter {
  private readonly sizes: Map<string, number>;
  private readonly totalBytes: number;
  private files = 0;
  private bytes = 0;
  private current = '';

  constructor(
    private readonly target: string,
    source: Entry[],
  ) {
    this.sizes = new Map(source.filter((e) => e.kind === 'file').map((e) => [e.rel, e.size]));
    this.totalBytes = [...this.sizes.values()].reduce((sum, size) => sum + size, 0);
  }

  /** One walk of the target (lstat of every file), or the listing given; null when it could not be walked (not made yet, say). */
  async measure(listing?: Entry[]): Promise<CopyProgress | null> {
    const landed = listing ?? (await listTree(this.target).catch(() => null));
    if (!landed) return null;
    let files = 0;
    let bytes = 0;
    let partial: string | null = null;
    for (const entry of landed) {
      const size = entry.kind === 'file' ? this.sizes.get(entry.rel) : undefined;
      if (size === undefined) continue;
      bytes += Math.min(entry.size, size);
      if (entry.size >= size) files++;
      else partial ??= entry.rel;
    }
    if (files > this.files || bytes > this.bytes) this.current = partial ?? landed.filter((e) => this.sizes.has(e.rel)).at(-1)?.rel ?? '';
    this.files = Math.max(this.files, files);
    this.bytes = Math.max(this.bytes, bytes);
    return { files: this.files, bytes: this.bytes, totalFiles: this.sizes.size, totalBytes: this.totalBytes, current: this.current };
  }
}
