// The relocation engine's machine on Windows: reg.exe for both ScratchLocation values (written with an
// argument array, read back through the probe's reader), sc.exe for the obengine service. Runs elevated:
// the wizard starts it for exactly one plan (see README, "Elevation").

import { join } from 'node:path';
import { outputText, type CommandRunner } from '../probes/command-runner.js';
import { KEYS } from '../probes/windows/keys.js';
import { regExeReader, stringValue } from '../probes/windows/registry.js';
import { queryService } from '../probes/windows/service-control.js';
import type { RelocationMachine, ScratchValues } from './relocation-machine.js';

const ENGINE = 'obengine';
const TIMEOUT = { timeoutMs: 30_000 };

export function windowsRelocationMachine(
  run: CommandRunner,
  programData = process.env.ProgramData ?? 'C:\\ProgramData',
): RelocationMachine {
  const reader = regExeReader(run);
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
  return {
    journalPath: join(programData, 'MARS Readiness Wizard', 'relocation-journal.json'),
    isSandbox: false,
    localPath: (path) => path,
    readScratch,
    async writeScratch(values) {
      await write(KEYS.agentConfig, values.scratchLocation);
      await write(KEYS.agentProviderConfig, values.providerScratchLocation);
      return readScratch();
    },
    serviceState: async () => (await queryService(run, ENGINE)).state,
    // sc.exe returns before the service has changed state: the engine polls until it has.
    stopService: () => must('sc', ['stop', ENGINE], 'Stopping the backup engine').catch(ignoreAlready(1062)),
    startService: () => must('sc', ['start', ENGINE], 'Starting the backup engine').catch(ignoreAlready(1056)),
  };
}

/** sc.exe's "already stopped" (1062) and "already running" (1056) are not failures here. */
function ignoreAlready(code: number) {
  return (error: Error) => {
    if (!error.message.includes(String(code))) throw error;
  };
}
