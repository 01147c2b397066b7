// The sandbox adapter of the Machine port: a folder standing for a Windows machine (sandbox-folder.ts
// reads and writes its files). Its probes are the Windows probes over the sandbox's registry and services,
// its files live under drives/, and fixes run in this process - nothing real is at stake, so failpoints
// are honoured here.

import { join } from 'node:path';
import { copyTree } from '../../actions/copy-tree.js';
import { outputText } from '../../probes/command-runner.js';
import { eventsFromXml } from '../../probes/windows/cloudbackup-log.js';
import { lastWritten } from '../../probes/history/agent-logs.js';
import { readRegularFile } from '../../util/read-regular-file.js';
import type { FolderAttributes } from '../../../shared/profile/types.js';
import { isWithin } from '../../../shared/util/paths.js';
import { lstatPathFacts } from '../lstat-path-facts.js';
import type { Machine } from '../machine.js';
import { probeSandbox } from './probe-sandbox.js';
import { SandboxFolder } from './sandbox-folder.js';
import { t } from '../../../shared/i18n/translate.js';

/** Where a sandbox keeps its CloudBackup event log. */
export const SANDBOX_EVENT_LOG = 'eventlog/CloudBackup.xml';
/** An event log larger than this is not a sandbox's: refused rather than read. */
const MAX_EVENT_LOG = 64 * 1024 * 1024;

export async function openSandboxMachine(dir: string): Promise<Machine> {
  return sandboxMachine(await SandboxFolder.open(dir));
}

export function sandboxMachine(folder: SandboxFolder): Machine {
  const declared = (windowsPath: string): FolderAttributes =>
    Object.entries(folder.machine.folderAttributes ?? {})
      .filter(([path]) => isWithin(windowsPath, path))
      .sort((a, b) => b[0].length - a[0].length)[0]?.[1] ?? { encrypted: false, compressed: false, sparse: false, reparsePoint: false };
  const reader = folder.registryReader();
  return {
    kind: 'sandbox',
    // A getter: said in the language of the moment, which the wizard's menu can change after the machine is opened.
    get label() {
      const name = folder.machine.host?.name ?? '';
      return t('machine.label.sandbox', { named: name === '' ? 'no' : 'yes', name, dir: folder.dir });
    },
    registry: {
      readKey: (key) => reader.readKey(key),
      writeString: (key, name, value) => folder.writeRegistryString(key, name, value),
      deleteValue: (key, name) => folder.deleteRegistryValue(key, name),
    },
    services: {
      query: async (name) => ({ state: await folder.serviceState(name), reason: null }),
      start: (name) => folder.setServiceState(name, 'running'),
      stop: (name) => folder.setServiceState(name, 'stopped'),
    },
    files: {
      localPath: (path) => folder.localPath(path),
      pathFacts: (path) => lstatPathFacts(path, (p) => folder.localPath(p), declared),
      copyTree: (from, to, options) => copyTree(from, to, options),
      // A sandbox stands for Windows, but its files are this machine's: they are walked with lstat.
      scanOptions: () => ({ enumeration: 'lstat' }),
      // machine.json's fileTimes, by Windows path; any other file: its own time.
      lastWritten: async (localPath) => {
        const declared = Object.entries(folder.machine.fileTimes ?? {}).find(([path]) => {
          try {
            return folder.localPath(path) === localPath;
          } catch {
            return false;
          }
        });
        return declared ? Date.parse(declared[1]) : lastWritten(localPath);
      },
    },
    recordedSelection: async () => {
      const selection = (await folder.refresh()).selection;
      return selection ? { paths: [...selection.paths], systemState: selection.systemState === true } : null;
    },
    probe: async (cachePath, notes, track) => {
      await folder.refresh();
      return track('agent', probeSandbox(folder, cachePath, notes));
    },
    // The sandbox's machine.json says what its event log would: a job running, none, or a log unreadable.
    backupJob: async () => {
      const running = (await folder.refresh()).backupRunning;
      if (running === null) return { running: null, why: t('machine.sandbox.logMarkedUnreadable') };
      if (running === undefined || running === false) return { running: false };
      return { running: true, since: typeof running === 'string' ? running : null };
    },
    // Its volumes are the ones machine.json lists, with their labels and whether they are online.
    systemStateDisks: async () =>
      (await folder.refresh()).volumes.filter((v) => /^cbssbvol_/i.test(v.label ?? '') && v.online !== false).map((v) => v.label!),
    // Its event log is a file, eventlog/CloudBackup.xml, as `wevtutil qe CloudBackup /f:xml` prints it; none: no log.
    agentEvents: async () => {
      let bytes: Buffer | undefined;
      try {
        bytes = await readRegularFile(join(folder.dir, SANDBOX_EVENT_LOG), { maxBytes: MAX_EVENT_LOG });
      } catch (error) {
        return { why: t('machine.sandbox.logUnreadable', { file: SANDBOX_EVENT_LOG, reason: (error as Error).message }) };
      }
      if (bytes === undefined || bytes.length === 0) return { events: [] };
      const { events, unreadable } = eventsFromXml(outputText(bytes));
      // Bytes that hold no event are not an empty log: what they are cannot be told.
      if (events.length === 0)
        return {
          why: t('machine.sandbox.logEmpty', { file: SANDBOX_EVENT_LOG, what: unreadable > 0 ? 'noId' : 'noXml' }),
        };
      return { events };
    },
    stateDir: folder.dir,
    protectStateDir: async () => {},
    stateDoubt: async () => null,
    fixes: { mode: 'in-process' },
    failpoints: true,
  };
}
