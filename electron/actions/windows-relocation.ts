// The relocation engine's machine on Windows: reg.exe for both ScratchLocation values (written with an
// argument array, read back through the probe's reader), sc.exe for the obengine service. Runs elevated:
// the wizard starts it for exactly one plan (see README, "Elevation"). The copy is robocopy's.

import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { outputText, type CommandRunner } from '../probes/command-runner.js';
import { KEYS } from '../probes/windows/keys.js';
import { stringValue, type RegistryReader } from '../probes/windows/registry.js';
import { windowsRegistryReader } from '../probes/windows/registry-native.js';
import { queryService } from '../probes/windows/service-control.js';
import { listTree, type CopiedFile, type CopyOptions } from './copy-tree.js';
import type { RelocationMachine, ScratchValues } from './relocation-machine.js';
import { JOURNAL_ACL_SCRIPT, journalAclDoubt, protectJournalFolderArgs } from './journal-acl.js';
import { powershellArgs } from '../probes/windows/powershell.js';

const ENGINE = 'obengine';
const TIMEOUT = { timeoutMs: 30_000 };

export function windowsRelocationMachine(
  run: CommandRunner,
  programData = process.env.ProgramData ?? 'C:\\ProgramData',
  // Read-back through native-reg where it loads: reg.exe prints in the console's code page, which garbles
  // non-ASCII paths (seen under Wine); its arguments, passed through CreateProcessW, do not.
  reader: RegistryReader = windowsRegistryReader(run, { cache: false }),
): RelocationMachine {
  const readScratch = async (): Promise<ScratchValues> => ({
    scratchLocation: stringValue(await reader.readKey(KEYS.agentConfig), 'ScratchLocation'),
    providerScratchLocation: stringValue(await reader.readKey(KEYS.agentProviderConfig), 'ScratchLocation'),
  });
  const must = async (command: string, args: string[], what: string) => {
    const result = await run(command, args, TIMEOUT);
    if (result.failure || result.exitCode !== 0) {
      throw new Error(
        `${what} failed: ${result.failure ?? (outputText(result.stderr).trim() || outputText(result.stdout).trim() || `exit ${result.exitCode}`)}`,
      );
    }
  };
  const write = (key: string, value: string | null) =>
    value === null
      ? must('reg', ['delete', key, '/v', 'ScratchLocation', '/f', '/reg:64'], `Deleting ScratchLocation under ${key}`)
      : must(
          'reg',
          ['add', key, '/v', 'ScratchLocation', '/t', 'REG_SZ', '/d', value, '/f', '/reg:64'],
          `Setting ScratchLocation under ${key}`,
        );
  const journalPath = join(programData, 'MARS Readiness Wizard', 'relocation-journal.json');
  return {
    journalPath,
    isSandbox: false,
    async prepareJournalFolder() {
      await mkdir(dirname(journalPath), { recursive: true });
      for (const args of protectJournalFolderArgs(dirname(journalPath))) await must('icacls', args, "Protecting the journal's folder");
    },
    async journalDoubt() {
      const result = await run('powershell.exe', powershellArgs(JOURNAL_ACL_SCRIPT), {
        timeoutMs: 20_000,
        env: { MARS_JOURNAL: journalPath },
      });
      if (result.failure || result.exitCode !== 0)
        return `who may write it could not be checked (${result.failure ?? (outputText(result.stderr).trim().split('\n')[0] || `exit ${result.exitCode}`)})`;
      return journalAclDoubt(outputText(result.stdout));
    },
    localPath: (path) => path,
    readScratch,
    async writeScratch(values) {
      await write(KEYS.agentConfig, values.scratchLocation);
      await write(KEYS.agentProviderConfig, values.providerScratchLocation);
      return readScratch();
    },
    serviceState: async () => (await queryService(run, ENGINE)).state,
    // sc.exe returns before the service has changed state: the engine polls until it has.
    copy: (from, to, options) => robocopy(run, from, to, options),
    stopService: () => must('sc', ['stop', ENGINE], 'Stopping the backup engine').catch(ignoreAlready(1062)),
    startService: () => must('sc', ['start', ENGINE], 'Starting the backup engine').catch(ignoreAlready(1056)),
  };
}

/**
 * robocopy keeps what the cache needs and Node's copy would lose on Windows: the folder's and files'
 * access control lists (only SYSTEM and Administrators may read the cache), owners and attributes.
 * Its exit code is a bit mask: below 8 the copy succeeded (1 files copied, 2 extra files, 4 mismatches),
 * 8 and above something failed.
 */
export function robocopyArgs(from: string, to: string): string[] {
  return [from, to, '/E', '/COPYALL', '/DCOPY:DAT', '/XJ', '/R:1', '/W:1', '/NP', '/NFL', '/NDL', '/NJH', '/NJS'];
}

export function robocopySucceeded(exitCode: number | null): boolean {
  return exitCode !== null && exitCode < 8;
}

async function robocopy(run: CommandRunner, from: string, to: string, options: CopyOptions): Promise<CopiedFile[]> {
  const result = await run('robocopy', robocopyArgs(from, to), { timeoutMs: 6 * 60 * 60 * 1000 });
  if (result.failure || !robocopySucceeded(result.exitCode)) {
    const said = outputText(result.stdout)
      .trim()
      .split('\n')
      .filter((l) => /error|fehler|erreur/i.test(l))
      .slice(0, 3)
      .join(' ');
    throw new Error(`robocopy could not copy the cache (${result.failure ?? `exit ${result.exitCode}`})${said ? `: ${said}` : ''}`);
  }
  const files = (await listTree(to)).filter((e) => e.kind === 'file').map((e) => ({ path: e.rel, size: e.size }));
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  options.onProgress?.({ files: files.length, bytes: totalBytes, totalFiles: files.length, totalBytes, current: '' });
  await options.afterFile?.(files.length, files.length);
  return files;
}

/** sc.exe's "already stopped" (1062) and "already running" (1056) are not failures here. */
function ignoreAlready(code: number) {
  return (error: Error) => {
    if (!error.message.includes(String(code))) throw error;
  };
}
