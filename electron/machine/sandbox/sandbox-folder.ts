// A sandbox machine's folder: it stands for a Windows machine, for training, demos and tests.
//   machine.json   what files cannot show: host, OS, software, volumes (kinds and sizes), folder attributes
//   registry.json  keys and values ({ "HKLM\\...": { "Name": { "type": "REG_SZ", "data": "..." } } })
//   services.json  service states ({ "obengine": "running" })
//   drives/C/...   the drives' files
// Writes are atomic (electron/util/atomic-file.ts), so a crash never leaves half a file.

import { lstatSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Type } from '@sinclair/typebox';
import { compileSchema } from '../../../shared/util/schema.js';
import { canonicalWindowsPath } from '../../../shared/util/paths.js';
import { writeFileAtomically } from '../../util/atomic-file.js';
import { readRegularFile } from '../../util/read-regular-file.js';
import { join, resolve, sep } from 'node:path';
import type {
  AntivirusFacts,
  ClockFacts,
  ServiceProxyFacts,
  SystemStatePrerequisites,
  FolderAttributes,
  HostFacts,
  NetworkFacts,
  OsFacts,
  ServiceState,
  SoftwareFacts,
  VolumeFacts,
} from '../../../shared/profile/types.js';
import type { KeyRead, RegistryReader, RegistryValue } from '../../probes/windows/registry.js';
import { ExplainedError } from '../../explained-error.js';
import { t } from '../../../shared/i18n/translate.js';

export interface MachineFile {
  host?: HostFacts;
  os: OsFacts;
  software?: SoftwareFacts;
  volumes: VolumeFacts[];
  /** Attributes of folders, by Windows path (files cannot carry NTFS attributes here). */
  folderAttributes?: Record<string, FolderAttributes>;
  agentVersion?: string | null;
  offlineSeeding?: boolean;
  /**
   * A backup job the agent runs now, as the CloudBackup event log would show it: `true` or the time it
   * started; `null`: the log cannot be read (training the "cannot tell" case). Absent: none runs.
   */
  backupRunning?: boolean | string | null;
  /** What the machine's owner means to back up, when the scan is not told otherwise. */
  selection?: { paths: string[]; systemState: boolean };
  /** The user's OneDrive folders and the folders DFS Replication replicates. */
  oneDriveRoots?: string[];
  dfsrRoots?: string[];
  /** The network as this machine would find it (a sandbox has none of its own). */
  network?: NetworkFacts;
  /** The moment this machine stands for (ISO 8601), when its recorded logs tell of a day gone by; absent: now. */
  now?: string;
  /** When files were last written, by Windows path (ISO 8601): a copy of the folder keeps no file times. */
  fileTimes?: Record<string, string>;
  /**
   * Contract v2 sections as this machine's probes would find them (CIM, Defender, the clock, the engine's
   * proxy): passed to the profile as they are. Its history is not here: it comes from the sandbox's event
   * log file and the agent's logs under drives/.
   */
  systemStatePrerequisites?: SystemStatePrerequisites | null;
  antivirus?: AntivirusFacts | null;
  clock?: ClockFacts | null;
  serviceProxy?: ServiceProxyFacts | null;
}

type RegistryFile = Record<string, Record<string, RegistryValue>>;
type ServicesFile = Record<string, ServiceState>;

/** A UTC time as machine.json writes one; that it names a real moment is checked after the pattern. */
const INSTANT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';

// What each file of a sandbox must look like before anything acts on it: a fix runs on what they say.
// (machine.json's facts are the profile's own and are checked as the profile is; here, its frame.)
const FILE_SCHEMAS = {
  'machine.json': Type.Object(
    {
      os: Type.Object({}, { additionalProperties: true }),
      volumes: Type.Array(Type.Object({ id: Type.String() }, { additionalProperties: true })),
      now: Type.Optional(Type.String({ pattern: INSTANT })),
      fileTimes: Type.Optional(Type.Record(Type.String(), Type.String({ pattern: INSTANT }))),
      // true, the time a job started (ISO 8601), or null: the log cannot be read.
      backupRunning: Type.Optional(
        Type.Union([Type.Boolean(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' }), Type.Null()]),
      ),
    },
    { additionalProperties: true },
  ),
  'registry.json': Type.Record(
    Type.String(),
    Type.Record(
      Type.String(),
      Type.Object({ type: Type.String(), data: Type.Union([Type.String(), Type.Number()]) }, { additionalProperties: false }),
    ),
  ),
  'services.json': Type.Record(
    Type.String(),
    Type.Union(
      (['running', 'stopped', 'starting', 'stopping', 'not-installed', 'unknown'] satisfies ServiceState[]).map((state) =>
        Type.Literal(state),
      ),
    ),
  ),
} as const;
const CHECKS = Object.fromEntries(Object.entries(FILE_SCHEMAS).map(([name, schema]) => [name, compileSchema(schema)])) as Record<
  keyof typeof FILE_SCHEMAS,
  (value: unknown) => string | null
>;

export class SandboxError extends ExplainedError {}

/** The entry of `dir` that is `name` in some case; `name` itself when it is there as it is, or nothing matches. */
function nameAsStored(dir: string, name: string): string {
  try {
    lstatSync(join(dir, name));
    return name;
  } catch {
    try {
      return readdirSync(dir).find((entry) => entry.toLowerCase() === name.toLowerCase()) ?? name;
    } catch {
      return name;
    }
  }
}

export class SandboxFolder {
  private constructor(
    readonly dir: string,
    private current: MachineFile,
  ) {}

  /** machine.json as last read: read again by refresh() before each probe and each look a fix takes. */
  get machine(): MachineFile {
    return this.current;
  }

  /**
   * Reads machine.json again (checked as on open): what it says can change while the wizard is open - a
   * backup starting, a System State disk mounted, a disk filling up - as on a real machine.
   */
  async refresh(): Promise<MachineFile> {
    this.current = await readChecked<MachineFile>(this.dir, 'machine.json');
    return this.current;
  }

  static async open(dir: string): Promise<SandboxFolder> {
    const root = resolve(dir);
    const info = await stat(root).catch(() => null);
    if (!info?.isDirectory()) throw new SandboxError(t('machine.sandbox.notAFolder', { dir }));
    for (const name of Object.keys(FILE_SCHEMAS) as (keyof typeof FILE_SCHEMAS)[]) {
      if (!(await stat(join(root, name)).catch(() => null))) throw new SandboxError(t('machine.sandbox.lacks', { dir, name }));
      await readChecked(root, name);
    }
    return new SandboxFolder(root, await readChecked<MachineFile>(root, 'machine.json'));
  }

  /** Where a Windows path of this machine lives in the sandbox folder: D:\A\B -> <dir>/drives/D/A/B. */
  localPath(windowsPath: string): string {
    if (!/^([A-Za-z]):(?:[\\/](.*))?$/.test(windowsPath.trim()))
      throw new SandboxError(t('machine.sandbox.notOnDrive', { path: windowsPath }));
    // `.` and `..` resolved as Windows resolves them (`D:\A\..\B` is `D:\B`); above a drive's root, refused.
    const canonical = canonicalWindowsPath(windowsPath);
    if (!canonical) throw new SandboxError(t('machine.sandbox.aboveRoot', { path: windowsPath }));
    const match = /^([A-Za-z]):(?:\\(.*))?$/.exec(canonical)!;
    const segments = (match[2] ?? '').split('\\').filter(Boolean);
    const drives = join(this.dir, 'drives');
    // Windows paths ignore case: each name is the one the folder holds, in any case ("e:\\shares" is E:\\Shares).
    let path = join(drives, match[1]!.toUpperCase());
    for (const segment of segments) path = join(path, nameAsStored(path, segment));
    if (!path.startsWith(drives + sep)) throw new SandboxError(t('machine.sandbox.outside', { path: windowsPath }));
    return path;
  }

  get journalPath(): string {
    return join(this.dir, 'relocation-journal.json');
  }

  registryReader(): RegistryReader {
    return {
      readKey: async (key): Promise<KeyRead> => {
        const registry = await readChecked<RegistryFile>(this.dir, 'registry.json');
        const found = Object.entries(registry).find(([k]) => k.toLowerCase() === key.toLowerCase());
        if (!found) return { status: 'missing' };
        // Subkeys: the keys one level below this one that the file names.
        const prefix = `${found[0].toLowerCase()}\\`;
        const subkeys = Object.keys(registry)
          .filter((k) => k.toLowerCase().startsWith(prefix) && !k.slice(prefix.length).includes('\\'))
          .map((k) => k.slice(prefix.length));
        return { status: 'ok', values: new Map(Object.entries(found[1]).map(([name, value]) => [name.toLowerCase(), value])), subkeys };
      },
    };
  }

  async writeRegistryString(key: string, name: string, value: string): Promise<void> {
    const file = join(this.dir, 'registry.json');
    const registry = await readChecked<RegistryFile>(this.dir, 'registry.json');
    const existing = Object.keys(registry).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    registry[existing] = { ...registry[existing], [name]: { type: 'REG_SZ', data: value } };
    await writeJsonAtomically(file, registry);
  }

  async deleteRegistryValue(key: string, name: string): Promise<void> {
    const file = join(this.dir, 'registry.json');
    const registry = await readChecked<RegistryFile>(this.dir, 'registry.json');
    const existing = Object.keys(registry).find((k) => k.toLowerCase() === key.toLowerCase());
    if (existing && registry[existing]) {
      delete registry[existing][name];
      await writeJsonAtomically(file, registry);
    }
  }

  async serviceState(name: string): Promise<ServiceState> {
    const services = await readChecked<ServicesFile>(this.dir, 'services.json');
    return services[name] ?? 'not-installed';
  }

  async setServiceState(name: string, state: ServiceState): Promise<void> {
    const file = join(this.dir, 'services.json');
    const services = await readChecked<ServicesFile>(this.dir, 'services.json');
    if (!(name in services)) throw new SandboxError(t('machine.sandbox.noService', { name }));
    services[name] = state;
    await writeJsonAtomically(file, services);
  }
}

/** A sandbox file, read and checked every time: a fix acts on what it says, as it is now. */
async function readChecked<T>(dir: string, name: keyof typeof FILE_SCHEMAS): Promise<T> {
  const value = await readJson<T>(join(dir, name));
  const problem = CHECKS[name](value) ?? (name === 'machine.json' ? timesProblem(value as MachineFile) : null);
  if (problem) throw new SandboxError(t('machine.sandbox.badFile', { path: join(dir, name), problem }));
  return value;
}

/** A time the pattern lets through but the calendar does not have (13th month, 30 February, second 60). */
function timesProblem(machine: MachineFile): string | null {
  const times: [string, string][] = [
    ...(machine.now !== undefined ? [['/now', machine.now] as [string, string]] : []),
    ...Object.entries(machine.fileTimes ?? {}).map(([path, time]): [string, string] => [`/fileTimes/${path}`, time]),
  ];
  for (const [pointer, time] of times) {
    const date = new Date(time);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== time.slice(0, 19))
      return t('machine.sandbox.badTime', { pointer, time });
  }
  return null;
}

/** A sandbox file is small: more than this is not one. */
const MAX_SANDBOX_FILE = 16 * 1024 * 1024;

async function readJson<T>(path: string): Promise<T> {
  try {
    const bytes = await readRegularFile(path, { maxBytes: MAX_SANDBOX_FILE });
    if (bytes === undefined) throw new Error(t('machine.sandbox.missing'));
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    throw new SandboxError(t('probes.note.itemUnreadable', { item: path, reason: (error as Error).message }));
  }
}

/** A sandbox file written whole or not at all, as the engine's journal is. */
function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  return writeFileAtomically(path, `${JSON.stringify(value, null, 2)}\n`, { createFolder: false });
}
