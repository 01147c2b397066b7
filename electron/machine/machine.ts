// The one port through which the main process reaches a machine: its registry, its services, its files
// (with their attributes, links never followed), its probes, where a fix keeps its journal, and how a fix
// is allowed to run there. Three adapters stand side by side, one folder each: windows/ (the product),
// sandbox/ (a folder standing for a Windows machine: training and tests) and linux/ (this machine, for
// real). Everything above the port - the probes' composition, the plan, the engine, the helper - is
// written once against it and never asks which adapter it has.

import type { TargetFolderFacts } from '../../shared/actions/relocate-plan.js';
import type { BackupJobFacts } from '../../shared/actions/fix-plan.js';
import type { MachineProfile, ProxyFacts } from '../../shared/profile/types.js';
import type { ScanStep } from '../../shared/api/wizard-api.js';
import type { CopiedFile, CopyOptions } from '../actions/copy-tree.js';
import type { ProbeNotes } from '../probes/notes.js';
import type { RegistryReader } from '../probes/windows/registry.js';
import type { ServiceQuery } from '../probes/windows/service-control.js';
import type { ScanOptions } from '../probes/selection/scanner.js';
import type { EventsRead } from '../probes/history/probe-history.js';
import type { LogWindow } from '../probes/history/agent-logs.js';

export type MachineKind = 'windows' | 'sandbox' | 'linux' | 'other';

export interface RegistryPort extends RegistryReader {
  /** Writes a REG_SZ value (the key is created if missing). */
  writeString(key: string, name: string, value: string): Promise<void>;
  /** Deletes a value; a value that is not there is not an error. */
  deleteValue(key: string, name: string): Promise<void>;
}

export interface ServicePort {
  query(name: string): Promise<ServiceQuery>;
  /** Asks the service manager to start or stop; callers poll query() until the state has changed. */
  start(name: string): Promise<void>;
  stop(name: string): Promise<void>;
}

/** What a folder path looks like now, read without following any link: what the plan judges a target by. */
export type PathFacts = TargetFolderFacts;

export interface FilePort {
  /** A Windows path of the machine as a path this process can open. */
  localPath(windowsPath: string): string;
  pathFacts(windowsPath: string): Promise<PathFacts>;
  /** Copies a folder (local paths), keeping what the platform must keep: on Windows, the access control lists. */
  copyTree(from: string, to: string, options: CopyOptions): Promise<CopiedFile[]>;
  /** How the selection scan lists folders on this machine. */
  scanOptions(): Pick<ScanOptions, 'enumeration'>;
  /**
   * When a file (a local path) was last written, where the machine says it otherwise than the file's own
   * time: a sandbox declares its logs' times, which a copy of its folder would lose. Absent: the file's time.
   */
  lastWritten?(localPath: string): Promise<number | null>;
}

/** What a machine's probes tell, before the selection and the network are added. */
export interface PlatformFacts {
  profile: Omit<MachineProfile, 'schemaVersion' | 'network'>;
  proxy: ProxyFacts;
  /** Where OneDrive syncs (asked only when there is a selection to judge); null: could not be told. */
  oneDriveRoots?: () => Promise<string[] | null>;
  /** Which folders DFS Replication replicates; null: could not be told. */
  dfsrRoots?: string[] | null;
  /** The selection the machine's owner recorded (sandboxes), used when the caller names none. */
  defaultSelection?: { paths: string[]; systemState: boolean } | null;
  /** An offline-seeding initial backup is running (the cache must not move then); null: cannot be told. */
  offlineSeeding?: boolean | null;
  /**
   * The moment the machine stands for, where that is not now: a sandbox whose recorded logs tell of a
   * night gone by (its machine.json `now`). The profile's capturedAt and the history window start there.
   */
  now?: Date;
  /** Recorded network facts (sandboxes have no network of their own). */
  recordedNetwork?: MachineProfile['network'] | null;
}

export type Track = <T>(step: ScanStep, work: Promise<T>) => Promise<T>;

/**
 * How a fix runs on this machine: in this process (a sandbox), in an elevated helper started through UAC
 * (Windows), or not at all (Linux: there is no agent), with the sentence that says why.
 */
export type FixMode = { mode: 'in-process' } | { mode: 'elevated-helper' } | { mode: 'none'; reason: string };

/** Starts the elevated helper: through UAC on Windows; injected in tests (a plain child process). */
export type ElevatedLauncher = (program: string, args: string[], signal: AbortSignal) => Promise<LaunchOutcome>;

export interface LaunchOutcome {
  /** The helper's exit status; null when it never started. */
  exitCode: number | null;
  /** Why it did not start or finish, in words (the administrator prompt declined, say); null otherwise. */
  failure: string | null;
  /** The prompt was declined (Windows' ERROR_CANCELLED, 1223). */
  declined: boolean;
}

export interface Machine {
  kind: MachineKind;
  /** Which machine this is, in words: "this machine (APP01)", "the sandbox machine in /tmp/x". */
  label: string;
  registry: RegistryPort;
  services: ServicePort;
  files: FilePort;
  /**
   * The selection the machine's owner recorded (a sandbox's machine.json `selection`), offered to the
   * wizard's user as a choice; null or absent where there is none.
   */
  recordedSelection?(): Promise<{ paths: string[]; systemState: boolean } | null>;
  /** Runs the platform's probes (no admin rights needed). */
  probe(cachePath: string | null, notes: ProbeNotes, track: Track): Promise<PlatformFacts>;
  /** A folder that survives a crash of this process, where fixes keep their journal, lock and log. */
  stateDir: string;
  /**
   * Makes the state folder writable by administrators only, where the platform has access control: the
   * elevated helper acts on what the journal says, so no one else may be able to write it.
   */
  protectStateDir(): Promise<void>;
  /** Why a file found in the state folder cannot be trusted (someone else could have written it); null if it can. */
  stateDoubt(file: string): Promise<string | null>;
  /**
   * Whether the agent runs a backup job now (Windows: a job start in the CloudBackup event log with no end
   * after it); `running: null` with the reason where the machine cannot tell. Never throws.
   */
  backupJob(): Promise<BackupJobFacts>;
  /**
   * The labels of the agent's System State disks (CBSSBVol_<ID>) mounted now, found by enumerating every
   * volume, drive letter or not; null when the volumes cannot be listed. Never throws.
   */
  systemStateDisks(): Promise<string[] | null>;
  /**
   * The agent's CloudBackup event log: its events with these ids in the window (Windows: wevtutil; a
   * sandbox: its eventlog/CloudBackup.xml). `why` where it cannot be read. Never throws.
   */
  agentEvents(ids: readonly number[], window: LogWindow): Promise<EventsRead>;
  fixes: FixMode;
  /** Failpoints (MARS_READINESS_FAILPOINT) are honoured only where nothing real is at stake. */
  failpoints: boolean;
  /** Windows only: how the elevated helper is started. */
  launchElevated?: ElevatedLauncher;
}
