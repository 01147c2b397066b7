// The Windows side of the cache move, against what reg.exe and sc.exe answer: the exact argument arrays
// (a key with spaces is one argument; nothing goes through a shell), read-back, and sc's exit codes.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalAclDoubt } from '../../../electron/machine/windows/journal-acl.js';
import { windowsMachine } from '../../../electron/machine/windows/windows-machine.js';
import { writeScratch } from '../../../electron/actions/fix-engine.js';
import { journalPath } from '../../../electron/actions/journal.js';
import type { CommandRunner } from '../../../electron/probes/command-runner.js';

const windowsRelocationMachine = (run: CommandRunner, programData = 'C:\\ProgramData') =>
  windowsMachine({ run, env: { ProgramData: programData } });
import { fixture, MISSING_KEY, recordedRunner, reg } from '../../helpers/recorded.js';

const CONFIG = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
const PROVIDER = `${CONFIG}\\CloudBackupProvider`;

describe('windowsRelocationMachine', () => {
  it('writes both values with reg add, as single arguments, and reads them back', async () => {
    const calls: string[][] = [];
    const run = recordedRunner(
      {
        [`reg add ${CONFIG}`]: { stdout: 'The operation completed successfully.\r\n' },
        [`reg add ${PROVIDER}`]: { stdout: 'The operation completed successfully.\r\n' },
        [reg(CONFIG)]: { stdout: fixture('reg-wab-config.txt') },
        [reg(PROVIDER)]: { stdout: fixture('reg-wab-provider.txt') },
      },
      calls,
    );
    const machine = windowsRelocationMachine(run, 'C:\\ProgramData');
    const back = await writeScratch(machine, {
      scratchLocation: "D:\\MARS Cache\\O'Brien",
      providerScratchLocation: "D:\\MARS Cache\\O'Brien",
    });
    expect(calls[0]).toEqual([
      'reg',
      'add',
      CONFIG,
      '/v',
      'ScratchLocation',
      '/t',
      'REG_SZ',
      '/d',
      "D:\\MARS Cache\\O'Brien",
      '/f',
      '/reg:64',
    ]);
    expect(calls[1]?.[2]).toBe(PROVIDER);
    expect(back).toEqual({ scratchLocation: 'D:\\MARS Cache\\Scratch', providerScratchLocation: 'D:\\MARS Cache\\Scratch\\' });
    expect(journalPath(machine.stateDir).replace(/\\/g, '/')).toMatch(/^C:\/ProgramData\/MARS Readiness Wizard\/relocation-journal\.json$/);
  });
  it('deletes a value that was absent before, when undoing', async () => {
    const calls: string[][] = [];
    const run = recordedRunner(
      { 'reg delete': { stdout: 'ok' }, 'reg add': { stdout: 'ok' }, [reg(CONFIG)]: MISSING_KEY, [reg(PROVIDER)]: MISSING_KEY },
      calls,
    );
    expect(await writeScratch(windowsRelocationMachine(run), { scratchLocation: null, providerScratchLocation: 'D:\\X' })).toEqual({
      scratchLocation: null,
      providerScratchLocation: null,
    });
    // The value is not there: deleting it would be reg.exe's exit 1; the state asked for already holds.
    expect(calls.filter((c) => c[1] === 'delete')).toEqual([]);
  });
  it('reports a failed write with what reg.exe said', async () => {
    const run = recordedRunner({ 'reg add': { exitCode: 1, stderr: fixture('reg-denied.stderr.txt') } });
    await expect(
      writeScratch(windowsRelocationMachine(run), { scratchLocation: 'D:\\X', providerScratchLocation: 'D:\\X' }),
    ).rejects.toThrow(/Setting ScratchLocation under .*failed \(exit 1\)/);
  });
  it('stops and starts obengine with sc.exe, taking "already stopped/running" as done', async () => {
    const calls: string[][] = [];
    const run = recordedRunner(
      {
        'sc stop obengine': { exitCode: 1062, stdout: '[SC] ControlService FAILED 1062:\r\n\r\nThe service has not been started.\r\n' },
        'sc start obengine': { exitCode: 1056, stdout: '[SC] StartService FAILED 1056:\r\n' },
        'sc query obengine': { stdout: fixture('sc-obengine-running.txt') },
      },
      calls,
    );
    const machine = windowsRelocationMachine(run);
    await machine.services.stop('obengine');
    await machine.services.start('obengine');
    expect((await machine.services.query('obengine')).state).toBe('running');
    expect(calls.map((c) => c.join(' '))).toEqual(['sc stop obengine', 'sc start obengine', 'sc query obengine']);
  });
  it("fails a service that cannot be started, with sc.exe's words", async () => {
    const run = recordedRunner({
      'sc start obengine': {
        exitCode: 1058,
        stdout: '[SC] StartService FAILED 1058:\r\n\r\nThe service cannot be started, either because it is disabled.\r\n',
      },
    });
    await expect(windowsRelocationMachine(run).services.start('obengine')).rejects.toThrow(
      /Starting obengine failed \(exit 1058: the service is disabled\)/,
    );
  });
});

describe('robocopy', () => {
  it('copies with ACLs, owners and attributes, one argument per path', async () => {
    const { robocopyArgs } = await import('../../../electron/machine/windows/windows-machine.js');
    expect(robocopyArgs('C:\\Program Files\\Agent\\Scratch', 'D:\\MARS Cache')).toEqual([
      'C:\\Program Files\\Agent\\Scratch',
      'D:\\MARS Cache',
      '/E',
      '/COPYALL',
      '/DCOPY:DAT',
      '/XJ',
      '/R:1',
      '/W:1',
      '/NP',
      '/NFL',
      '/NDL',
      '/NJH',
      '/NJS',
    ]);
  });
  it('reads its exit codes as a bit mask: below 8 is success', async () => {
    const { robocopySucceeded } = await import('../../../electron/machine/windows/windows-machine.js');
    expect([0, 1, 2, 3, 4, 5, 6, 7].every((code) => robocopySucceeded(code))).toBe(true);
    expect([8, 9, 16, null].some((code) => robocopySucceeded(code))).toBe(false);
  });
  it("fails the copy step with robocopy's own error line", async () => {
    const run = recordedRunner({
      robocopy: {
        exitCode: 16,
        stdout: '2026/11/25 10:00:00 ERROR 5 (0x00000005) Accessing Source Directory C:\\x\\\r\nAccess is denied.\r\n',
      },
    });
    await expect(windowsRelocationMachine(run).files.copyTree('C:\\x', 'D:\\y', {})).rejects.toThrow(
      /robocopy could not copy the cache \(exit 16: a fatal error/,
    );
  });
});

describe('the journal on Windows: written only by administrators, or not acted on', () => {
  const DIR = 'C:\\ProgramData\\MARS Readiness Wizard';
  const FILE = `${DIR}\\relocation-journal.json`;
  const USER = 'S-1-5-21-1004336348-1177238915-682003330-1001';
  const acl = (folder: string, file: string) => ({ stdout: `${DIR}|${folder}\r\n${FILE}|${file}\r\n` });

  it('locks the folder down by SID, in argument arrays: no inheritance, Users read only, owned by Administrators', async () => {
    const calls: string[][] = [];
    const programData = mkdtempSync(join(tmpdir(), 'mars-programdata-'));
    const machine = windowsRelocationMachine(recordedRunner({ icacls: { stdout: 'processed 1 files' } }, calls), programData);
    await machine.protectStateDir();
    const folder = join(programData, 'MARS Readiness Wizard');
    expect(existsSync(folder)).toBe(true);
    expect(calls).toEqual([
      ['icacls', folder, '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX'],
      ['icacls', folder, '/setowner', '*S-1-5-32-544'],
    ]);
  });

  it('trusts a journal only administrators, SYSTEM or TrustedInstaller may write, whoever owns the file', () => {
    expect(journalAclDoubt(acl('S-1-5-32-544|S-1-5-18,S-1-5-32-544', `${USER}|S-1-5-18,S-1-5-32-544`).stdout)).toBeNull();
  });

  it('distrusts a folder someone else owns, or a folder or file someone else may write', () => {
    expect(journalAclDoubt(acl(`${USER}|S-1-5-32-544`, 'S-1-5-32-544|S-1-5-32-544').stdout)).toBe(
      `${DIR} is owned by ${USER}, not by the administrators`,
    );
    expect(journalAclDoubt(acl('S-1-5-32-544|S-1-5-32-544,S-1-5-32-545', 'S-1-5-32-544|').stdout)).toBe(
      `${DIR} may be written by S-1-5-32-545, not only by the administrators`,
    );
    expect(journalAclDoubt(acl('S-1-5-32-544|S-1-5-32-544', `S-1-5-32-544|${USER}`).stdout)).toMatch(
      /relocation-journal\.json may be written by S-1-5-21-/,
    );
    expect(journalAclDoubt('')).toMatch(/could not be checked/);
  });

  it('asks PowerShell with the journal path in the environment, and doubts when PowerShell cannot answer', async () => {
    const seen: Record<string, string>[] = [];
    const ok = recordedRunner({ 'powershell.exe': acl('S-1-5-32-544|S-1-5-32-544', 'S-1-5-32-544|S-1-5-32-544') });
    const machine = windowsRelocationMachine(async (c, a, o) => (seen.push(o.env ?? {}), ok(c, a, o)), 'C:\\ProgramData');
    expect(await machine.stateDoubt(journalPath(machine.stateDir))).toBeNull();
    expect(seen[0]).toEqual({ MARS_JOURNAL: journalPath(machine.stateDir) });
    const denied = windowsRelocationMachine(
      recordedRunner({ 'powershell.exe': { exitCode: 1, stderr: 'Get-Acl : Attempted to perform an unauthorized operation.' } }),
      'C:\\ProgramData',
    );
    expect(await denied.stateDoubt(journalPath(denied.stateDir))).toBe('who may write it could not be checked (PowerShell exited with 1)');
  });
});
