// The agent's mounted System State disks (CBSSBVol_<ID>), from PowerShell's JSON of Win32_Volume's labels:
// recorded outputs, and the answers that are no answer (nothing, `null`, garbage, a failure) as null.
import { describe, expect, it } from 'vitest';
import {
  mountedSystemStateDisks,
  parseSystemStateDisks,
  SYSTEM_STATE_DISKS_SCRIPT,
} from '../../../electron/machine/windows/system-state-disks.js';
import { fixture, recordedRunner, type Recording } from '../../helpers/recorded.js';

const FIRST = 'CBSSBVol_4f2a9c7e-1d3b-4a8e-9f60-2b7c5d1e0a93';
const SECOND = 'CBSSBVol_0b8e6d2f-7a4c-4e1b-8d35-9c2f1a6b7e40';
const powershell = (recording: Recording, calls: string[][] = []) => recordedRunner({ 'powershell.exe': recording }, calls);

describe('mountedSystemStateDisks', () => {
  it('lists every CBSSBVol label PowerShell printed, asking CIM (not localised text) in one script argument', async () => {
    const calls: string[][] = [];
    expect(await mountedSystemStateDisks(powershell({ stdout: fixture('powershell-cbssbvol-two.json') }, calls))).toEqual([FIRST, SECOND]);
    expect(calls).toEqual([
      ['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', SYSTEM_STATE_DISKS_SCRIPT],
    ]);
    expect(SYSTEM_STATE_DISKS_SCRIPT).toMatch(/Get-CimInstance -ClassName Win32_Volume -Property Label/);
  });

  it('takes one label PowerShell unwrapped from its array', async () => {
    expect(await mountedSystemStateDisks(powershell({ stdout: fixture('powershell-cbssbvol-one-unwrapped.json') }))).toEqual([FIRST]);
  });

  it('an empty array: none mounted', async () => {
    expect(await mountedSystemStateDisks(powershell({ stdout: fixture('powershell-cbssbvol-none.json') }))).toEqual([]);
  });

  it('reads the JSON written as UTF-16LE too', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('powershell-cbssbvol-two.json').toString(), 'utf16le')]);
    expect(await mountedSystemStateDisks(powershell({ stdout: utf16 }))).toEqual([FIRST, SECOND]);
  });

  it.each([
    ["nothing at all (a PowerShell that prints nothing, as Wine's stub does)", ''],
    ['`null`', 'null\r\n'],
    ['garbage', 'Get-CimInstance : Zugriff verweigert\r\n'],
    ['an object', '{"Label":"CBSSBVol_1"}'],
    ['an array of other things', '[1,2]'],
  ])('cannot tell from %s: null', async (_what, stdout) => {
    expect(await mountedSystemStateDisks(powershell({ stdout }))).toBeNull();
  });

  it('a failed PowerShell (exit 1, as $ErrorActionPreference Stop makes it) or one that hangs: null', async () => {
    expect(await mountedSystemStateDisks(powershell({ exitCode: 1, stdout: fixture('powershell-cbssbvol-none.json') }))).toBeNull();
    expect(await mountedSystemStateDisks(powershell({ timedOut: true }))).toBeNull();
    expect(await mountedSystemStateDisks(recordedRunner({}))).toBeNull();
  });

  it('keeps only CBSSBVol labels, whatever their case', () => {
    expect(parseSystemStateDisks('["cbssbvol_A","Data","CBSSBVOL_B"]')).toEqual(['cbssbvol_A', 'CBSSBVOL_B']);
  });
});
