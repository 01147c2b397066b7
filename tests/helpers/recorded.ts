// A command runner that replays recorded outputs, byte for byte as Windows printed them, keyed by the
// command and its arguments. Any command it was not told about is "not available on this machine".
import { readFileSync } from 'node:fs';
import type { CommandResult, CommandRunner } from '../../electron/probes/command-runner.js';

export const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/windows/${name}`, import.meta.url));

export interface Recording {
  stdout?: string | Buffer;
  stderr?: string | Buffer;
  exitCode?: number | null;
  timedOut?: boolean;
}

export function recordedRunner(recordings: Record<string, Recording>, calls: string[][] = []): CommandRunner {
  return async (command, args) => {
    calls.push([command, ...args]);
    const key = [command, ...args].join(' ');
    const match = Object.entries(recordings).find(([pattern]) => key === pattern || key.startsWith(`${pattern} `));
    if (!match) return result({ exitCode: null }, { missing: true, failure: `${command} is not available on this machine` });
    const recording = match[1];
    if (recording.timedOut) return result({ exitCode: null }, { timedOut: true, failure: `${command} did not answer within 5 s` });
    return result(recording, {});
  };
}

function result(recording: Recording, extra: Partial<CommandResult>): CommandResult {
  const bytes = (value: string | Buffer | undefined) => (typeof value === 'string' ? Buffer.from(value) : (value ?? Buffer.alloc(0)));
  return {
    exitCode: recording.exitCode === undefined ? 0 : recording.exitCode,
    stdout: bytes(recording.stdout),
    stderr: bytes(recording.stderr),
    timedOut: false,
    missing: false,
    failure: null,
    ...extra,
  };
}

const reg = (key: string) => `reg query ${key} /reg:64`;
export const MISSING_KEY: Recording = { exitCode: 1, stderr: fixture('reg-missing.stderr.txt') };

/** A Windows Server 2019 with the agent installed, as its tools answered. */
export function server2019(overrides: Record<string, Recording> = {}): Record<string, Recording> {
  return {
    [reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')]: { stdout: fixture('reg-currentversion-server2019.txt') },
    [reg('HKLM\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions')]: { stdout: fixture('reg-productoptions-server.txt') },
    [reg('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment')]: { stdout: fixture('reg-environment.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full')]: { stdout: fixture('reg-ndp-v4-full.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\PowerShell\\3\\PowerShellEngine')]: { stdout: fixture('reg-powershell3.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\PowerShell\\1\\PowerShellEngine')]: MISSING_KEY,
    [reg('HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client')]: MISSING_KEY,
    [reg('HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319')]: { stdout: fixture('reg-dotnet-crypto.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup')]: { stdout: fixture('reg-wab-setup.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config')]: { stdout: fixture('reg-wab-config.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider')]: { stdout: fixture('reg-wab-provider.txt') },
    [reg('HKLM\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Setup')]: MISSING_KEY,
    [reg('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings')]: { stdout: fixture('reg-internet-settings.txt') },
    // No one syncs OneDrive on this server.
    [reg('HKCU\\Software\\Microsoft\\OneDrive\\Accounts')]: MISSING_KEY,
    [reg('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\SyncRootManager')]: MISSING_KEY,
    'sc query obengine': { stdout: fixture('sc-obengine-running.txt') },
    'sc query WindowsAzureGuestAgent': { exitCode: 1060, stdout: fixture('sc-missing.txt') },
    'netsh winhttp show proxy': { stdout: fixture('netsh-direct.txt') },
    'powershell.exe': { stdout: fixture('powershell-machine-facts.json') },
    ...overrides,
  };
}

export { reg };
