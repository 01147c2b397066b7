// Contract v2's Windows probes - systemStatePrerequisites, antivirus, serviceProxy - against reg.exe's and
// PowerShell's outputs in their own layout (tests/fixtures/windows: CRLF, reg.exe's four-space columns,
// ConvertTo-Json -Compress), and against a stand-in for native-reg whose errors carry Win32 error numbers
// the way native-reg's do (`errno`), which is how "access denied" is told apart without reading words.
import { describe, expect, it } from 'vitest';
import { probeWindows } from '../../../electron/machine/windows/probe-windows.js';
import { windowsMachine } from '../../../electron/machine/windows/windows-machine.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import type { CommandRunner } from '../../../electron/probes/command-runner.js';
import { ProbeNotes } from '../../../electron/probes/notes.js';
import { normalizeProxySetting } from '../../../electron/probes/proxy-setting.js';
import { expandEnvironment, probeWindowsAntivirus } from '../../../electron/probes/windows/antivirus-windows.js';
import { cimAccessDenied, cimNotThere, parseMachineFacts, probeMachineFacts } from '../../../electron/probes/windows/machine-facts.js';
import { fallbackReader, nativeRegReader, type NativeReg } from '../../../electron/probes/windows/registry-native.js';
import {
  binaryValue,
  bytesFromHex,
  cachedReader,
  regExeReader,
  valueNames,
  type RegistryReader,
} from '../../../electron/probes/windows/registry.js';
import {
  parseConnectionSettings,
  probeSystemAccountProxy,
  probeWindowsServiceProxy,
  probeWinHttpProxy,
} from '../../../electron/probes/windows/service-proxy-windows.js';
import {
  probeRebootPending,
  probeSystemStatePrerequisites,
  serviceOf,
  windowsServerBackupOf,
} from '../../../electron/probes/windows/system-state-prerequisites.js';
import type { Track } from '../../../electron/machine/machine.js';
import { validateProfile } from '../../../shared/profile/validate.js';
import { fixture, MISSING_KEY, recordedRunner, reg, server2019, type Recording } from '../../helpers/recorded.js';

const KEY = {
  cbs: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  wu: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
  paths: 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths',
  policyPaths: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Exclusions\\Paths',
  processes: 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Processes',
  policyProcesses: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Exclusions\\Processes',
  winhttp: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections',
  system: 'HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
  systemConnections: 'HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections',
};
const DENIED: Recording = { exitCode: 1, stderr: fixture('reg-denied.stderr.txt') };
const ps = (name: string): Recording => ({ stdout: fixture(name) });

/** The recorded Server 2019, with what its tools printed for the v2 keys: a healthy server that runs as administrator. */
function v2Server(overrides: Record<string, Recording> = {}): Record<string, Recording> {
  return server2019({
    [reg(KEY.cbs)]: MISSING_KEY,
    [reg(KEY.wu)]: MISSING_KEY,
    [reg(KEY.paths)]: { stdout: fixture('reg-defender-exclusion-paths.txt') },
    [reg(KEY.policyPaths)]: { stdout: fixture('reg-defender-policy-exclusion-paths.txt') },
    [reg(KEY.processes)]: { stdout: fixture('reg-defender-exclusion-processes.txt') },
    [reg(KEY.policyProcesses)]: MISSING_KEY,
    [reg(KEY.winhttp)]: { stdout: fixture('reg-winhttp-direct.txt') },
    [reg(KEY.system)]: { stdout: fixture('reg-system-internet-settings.txt') },
    [reg(KEY.systemConnections)]: { stdout: fixture('reg-system-connections-autodetect.txt') },
    ...overrides,
  });
}
const ENV = { COMPUTERNAME: 'FS01', ProgramFiles: 'C:\\Program Files', SystemRoot: 'C:\\Windows' };
const readerOf = (recordings: Record<string, Recording>) => cachedReader(regExeReader(recordedRunner(recordings)));

// native-reg's Win32Error: its message is Windows' (localised) text; `errno` is the number that is read.
const win32Error = (errno: number) =>
  Object.assign(new Error('Zugriff verweigert'), { name: 'Win32Error', errno, syscall: 'RegOpenKeyExW' });

/**
 * native-reg as it behaves on Windows for the keys named: `denied` keys fail with errno 5. Every other key
 * fails without an errno, as native-reg's own assertions do off Windows, so the reg.exe recording answers it.
 */
function nativeReg(denied: string[], opened: string[] = []): NativeReg {
  return {
    HKLM: 'HKLM',
    HKCU: 'HKCU',
    HKU: 'HKU',
    Access: { READ: 0x20019, WOW64_64KEY: 0x100 },
    openKey(hkey, subKey) {
      const key = `${String(hkey)}\\${subKey}`;
      opened.push(key);
      if (denied.includes(key)) throw win32Error(5);
      throw new Error('not simulated: reg.exe answers');
    },
    enumValueNames: () => [],
    enumKeyNames: () => [],
    queryValueRaw: () => null,
    parseValue: () => null,
    closeKey() {},
  };
}
const nativeFirst = (recordings: Record<string, Recording>, denied: string[], opened: string[] = []) =>
  cachedReader(fallbackReader(nativeRegReader(nativeReg(denied, opened)), regExeReader(recordedRunner(recordings))));

const track: Track = (_step, work) => work;

async function probed(recordings: Record<string, Recording>, registry: RegistryReader = readerOf(recordings)) {
  const notes = new ProbeNotes();
  const run = recordedRunner(recordings);
  const facts = await probeWindows(run, registry, ENV, null, notes, track);
  return { profile: facts.profile, notes: notes.list };
}

describe('normalizeProxySetting', () => {
  it('writes every proxy setting the one way the profile compares', () => {
    expect(normalizeProxySetting('')).toBe('direct');
    expect(normalizeProxySetting('DIRECT')).toBe('direct');
    expect(normalizeProxySetting('WPAD')).toBe('wpad');
    expect(normalizeProxySetting('pac:HTTP://Wpad.Contoso.local/Proxy.pac/')).toBe('pac:http://wpad.contoso.local/proxy.pac');
    expect(normalizeProxySetting('Proxy.Contoso.com:8080')).toBe('proxy.contoso.com:8080');
    expect(normalizeProxySetting('http://proxy.contoso.com:8080/')).toBe('proxy.contoso.com:8080');
    expect(normalizeProxySetting('http://user:secret@proxy:3128')).toBe('proxy:3128');
    expect(normalizeProxySetting('proxy')).toBe('proxy:80');
    expect(normalizeProxySetting('https://proxy')).toBe('proxy:443');
    expect(normalizeProxySetting('[FD00::1]:8080')).toBe('[fd00::1]:8080');
  });
  it('takes the https entry of a per-protocol list, else the entry without a protocol, else direct', () => {
    expect(normalizeProxySetting('http=a:1;https=b:2')).toBe('b:2');
    expect(normalizeProxySetting('HTTPS=http://B:2/; http=a:1')).toBe('b:2');
    expect(normalizeProxySetting('ftp=f:21;c:3')).toBe('c:3');
    expect(normalizeProxySetting('http=a:1 ftp=f:21')).toBe('direct');
  });
});

describe('reading REG_BINARY and Win32 error numbers', () => {
  it('gives the bytes reg.exe printed as hex', () => {
    const read = { status: 'ok' as const, values: new Map([['winhttpsettings', { type: 'REG_BINARY', data: '1800000000' }]]), subkeys: [] };
    expect(binaryValue(read, 'WinHttpSettings')).toEqual(Buffer.from([0x18, 0, 0, 0, 0]));
    expect(binaryValue(read, 'Other')).toBeNull();
    expect(bytesFromHex('ABC')).toBeNull();
    expect(bytesFromHex('zz')).toBeNull();
  });
  it('reads HKU in process, keeps native-reg errno as win32Error, and does not ask reg.exe again after access denied', async () => {
    const opened: string[] = [];
    const calls: string[][] = [];
    const sz = (text: string) => Object.assign(Buffer.from(`${text}\0`, 'utf16le'), { type: 1 });
    const bin = (hex: string) => Object.assign(Buffer.from(hex, 'hex'), { type: 3 });
    const values: Record<string, Buffer & { type: number }> = {
      AutoConfigURL: sz('http://wpad/proxy.pac'),
      ZonesSecurityUpgrade: bin('8d0c5a4a7a8fd801'),
    };
    const fake: NativeReg = {
      ...nativeReg([]),
      openKey(hkey, subKey) {
        opened.push(`${String(hkey)}\\${subKey}`);
        if (subKey.includes('Defender')) throw win32Error(5);
        return `${String(hkey)}\\${subKey}`;
      },
      enumValueNames: () => Object.keys(values),
      queryValueRaw: (_h, name) => values[name ?? ''] ?? null,
      parseValue: (v) => (v?.type === 1 ? v.toString('utf16le').replace(/\0+$/, '') : (v as Buffer)),
    };
    const reader = fallbackReader(nativeRegReader(fake), regExeReader(recordedRunner({}, calls)));
    const system = await reader.readKey('HKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings');
    expect(opened[0]).toBe('HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings');
    expect(system.status === 'ok' && system.values.get('autoconfigurl')?.data).toBe('http://wpad/proxy.pac');
    // Binary stays hex text, as reg.exe prints it; binaryValue gives the bytes back.
    expect(system.status === 'ok' && system.values.get('zonessecurityupgrade')?.data).toBe('8D0C5A4A7A8FD801');
    expect(binaryValue(system, 'ZonesSecurityUpgrade')).toEqual(Buffer.from('8d0c5a4a7a8fd801', 'hex'));
    expect(valueNames(system)).toEqual(['AutoConfigURL', 'ZonesSecurityUpgrade']);
    expect(await reader.readKey(KEY.paths)).toEqual({ status: 'error', reason: 'Zugriff verweigert', win32Error: 5 });
    expect(calls).toEqual([]);
  });
  it('keeps the native error number when reg.exe fails too and can tell none', async () => {
    const fake: NativeReg = {
      ...nativeReg([]),
      openKey() {
        throw win32Error(1018); // ERROR_KEY_DELETED
      },
    };
    const reader = fallbackReader(nativeRegReader(fake), regExeReader(recordedRunner({ [reg(KEY.paths)]: DENIED })));
    expect(await reader.readKey(KEY.paths)).toMatchObject({ status: 'error', win32Error: 1018 });
  });
  it('keeps value names as Windows spells them from reg.exe too', async () => {
    const read = await readerOf(v2Server()).readKey(KEY.paths);
    expect(valueNames(read)).toEqual(['%ProgramFiles%\\Microsoft Azure Recovery Services Agent\\bin', 'D:\\MARS Cache']);
  });
});

describe('the CIM part of the PowerShell answer', () => {
  it('reads the healthy server: the feature, the five services, the system drive, Defender', () => {
    const facts = parseMachineFacts(fixture('powershell-machine-facts.json').toString('utf8'));
    expect(facts.cim).toEqual({
      windowsServerBackup: { value: 1 },
      services: {
        value: [
          { name: 'EventSystem', startMode: 'Auto', state: 'Running' },
          { name: 'RpcSs', startMode: 'Auto', state: 'Running' },
          { name: 'SENS', startMode: 'Auto', state: 'Running' },
          { name: 'swprv', startMode: 'Manual', state: 'Stopped' },
          { name: 'VSS', startMode: 'Manual', state: 'Stopped' },
        ],
      },
      systemDrive: { value: 'C:' },
      defenderRealTimeProtection: { value: true },
    });
  });
  it('reads failures as numbers, a signed .NET HResult as the same HRESULT, and a one-service answer unwrapped', () => {
    const facts = parseMachineFacts(
      JSON.stringify({
        Volumes: [],
        Services: { Value: { Name: 'VSS', StartMode: 'Disabled', State: 'Stopped' } },
        Defender: { Error: { HResult: -2147217394, NativeErrorCode: null, Type: 'System.Management.ManagementException' } },
        SystemDrive: { Error: { HResult: 2147749891, NativeErrorCode: 2, Type: 'Microsoft.Management.Infrastructure.CimException' } },
      }),
    );
    expect(facts.cim?.services).toEqual({ value: [{ name: 'VSS', startMode: 'Disabled', state: 'Stopped' }] });
    const defender = facts.cim?.defenderRealTimeProtection;
    expect(defender && 'error' in defender && defender.error.hresult).toBe(0x8004100e);
    expect(defender && 'error' in defender && cimNotThere(defender.error)).toBe(true);
    const drive = facts.cim?.systemDrive;
    expect(drive && 'error' in drive && cimAccessDenied(drive.error)).toBe(true);
    // Not asked (a workstation, or an older script): absent, not "not installed".
    expect(facts.cim).not.toHaveProperty('windowsServerBackup');
  });
  it('asks for the System State facts only when told to, through the environment', async () => {
    const seen: Record<string, string>[] = [];
    const run = recordedRunner({ 'powershell.exe': ps('powershell-machine-facts.json') });
    const spy: CommandRunner = async (c, a, o) => (seen.push(o.env ?? {}), run(c, a, o));
    await probeMachineFacts(spy, null, new ProbeNotes(), { systemState: true });
    await probeMachineFacts(spy, null, new ProbeNotes());
    expect(seen).toEqual([{ MARS_SYSTEM_STATE: '1' }, {}]);
  });
});

describe('systemStatePrerequisites', () => {
  it('on a healthy server: installed, the services as CIM told them, C:, no restart pending', async () => {
    const { profile, notes } = await probed(v2Server());
    expect(profile.systemStatePrerequisites).toEqual({
      windowsServerBackup: 'installed',
      services: {
        RpcSs: { startType: 'auto', state: 'running' },
        EventSystem: { startType: 'auto', state: 'running' },
        SENS: { startType: 'auto', state: 'running' },
        VSS: { startType: 'manual', state: 'stopped' },
        SWPRV: { startType: 'manual', state: 'stopped' },
      },
      systemVolume: 'C:',
      rebootPending: false,
    });
    expect(notes.filter((n) => n.field.startsWith('/systemStatePrerequisites'))).toEqual([]);
  });
  it('Windows Server Backup with no instance is not installed; a disabled VSS is disabled', async () => {
    const { profile } = await probed(v2Server({ 'powershell.exe': ps('powershell-v2-feature-not-installed.json') }));
    expect(profile.systemStatePrerequisites?.windowsServerBackup).toBe('not-installed');
    expect(profile.systemStatePrerequisites?.services?.VSS).toEqual({ startType: 'disabled', state: 'stopped' });
    expect(profile.systemStatePrerequisites?.services?.RpcSs).toEqual({ startType: 'auto', state: 'running' });
  });
  it('InstallState 4 (Unknown) is null, with a note; the drive letter is upper-cased', async () => {
    const { profile, notes } = await probed(v2Server({ 'powershell.exe': ps('powershell-v2-feature-unknown.json') }));
    expect(profile.systemStatePrerequisites?.windowsServerBackup).toBeNull();
    expect(profile.systemStatePrerequisites?.systemVolume).toBe('C:');
    expect(notes).toContainEqual({
      field: '/systemStatePrerequisites/windowsServerBackup',
      reason: expect.stringMatching(/InstallState 4/),
    });
  });
  it('maps every InstallState and every service token', () => {
    expect([1, 2, 3, 4, 0, null].map(windowsServerBackupOf)).toEqual([
      'installed',
      'not-installed',
      'not-installed',
      null,
      null,
      'not-installed',
    ]);
    expect(serviceOf({ name: 'VSS', startMode: 'Boot', state: 'Start Pending' })).toEqual({ startType: 'boot', state: 'starting' });
    expect(serviceOf({ name: 'VSS', startMode: 'System', state: 'Stop Pending' })).toEqual({ startType: 'system', state: 'stopping' });
    expect(serviceOf({ name: 'VSS', startMode: 'Manual', state: 'Continue Pending' })).toEqual({ startType: 'manual', state: 'paused' });
    expect(serviceOf({ name: 'VSS', startMode: 'Unknown', state: 'Unknown' })).toEqual({ startType: null, state: null });
    expect(serviceOf(undefined)).toEqual({ startType: null, state: 'not-installed' });
  });
  it('a service CIM does not list is not installed', async () => {
    const notes = new ProbeNotes();
    const facts = await probeSystemStatePrerequisites(
      { services: { value: [{ name: 'RpcSs', startMode: 'Auto', state: 'Running' }] } },
      null,
      readerOf(v2Server()),
      notes,
    );
    expect(facts?.services?.SWPRV).toEqual({ startType: null, state: 'not-installed' });
    expect(facts?.services?.RpcSs).toEqual({ startType: 'auto', state: 'running' });
  });
  it('WBEM access denied leaves the CIM facts null with notes that say so, while the restart is still read', async () => {
    const { profile, notes } = await probed(v2Server({ 'powershell.exe': ps('powershell-v2-wbem-denied.json') }));
    expect(profile.systemStatePrerequisites).toEqual({
      windowsServerBackup: null,
      services: null,
      systemVolume: null,
      rebootPending: false,
    });
    expect(notes).toContainEqual({
      field: '/systemStatePrerequisites/services',
      reason: expect.stringMatching(/access denied \(HRESULT 0x80041003, CIM status 2/),
    });
  });
  it('a restart is pending when either key exists', async () => {
    const pending = await probed(v2Server({ [reg(KEY.cbs)]: { stdout: fixture('reg-cbs-rebootpending.txt') } }));
    expect(pending.profile.systemStatePrerequisites?.rebootPending).toBe(true);
    const wu = await probeRebootPending(
      readerOf(v2Server({ [reg(KEY.wu)]: { stdout: '\r\nHKEY_LOCAL_MACHINE\\x\r\n\r\n' }, [reg(KEY.cbs)]: DENIED })),
      new ProbeNotes(),
    );
    expect(wu).toBe(true);
  });
  it('not known when a key fails otherwise than missing, and says which', async () => {
    const notes = new ProbeNotes();
    expect(await probeRebootPending(readerOf(v2Server({ [reg(KEY.wu)]: DENIED })), notes)).toBeNull();
    expect(notes.list).toEqual([
      {
        field: '/systemStatePrerequisites/rebootPending',
        reason: expect.stringContaining('Auto Update\\RebootRequired (Access is denied.)'),
      },
    ]);
  });
  it('is null as a whole, with a note, when PowerShell failed and the restart keys cannot be read', async () => {
    const { profile, notes } = await probed(v2Server({ 'powershell.exe': { exitCode: 1 }, [reg(KEY.cbs)]: DENIED, [reg(KEY.wu)]: DENIED }));
    expect(profile.systemStatePrerequisites).toBeNull();
    expect(notes).toContainEqual({
      field: '/systemStatePrerequisites',
      reason: expect.stringMatching(/^nothing of it could be read: .*PowerShell/),
    });
  });
  it('is left out on a workstation, and PowerShell is not asked for it', async () => {
    const calls: string[][] = [];
    const seen: Record<string, string>[] = [];
    const recordings = v2Server({
      [reg('HKLM\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions')]: { stdout: fixture('reg-productoptions-workstation.txt') },
      [reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')]: { stdout: fixture('reg-currentversion-win11.txt') },
      'powershell.exe': ps('powershell-v2-workstation.json'),
    });
    const run = recordedRunner(recordings, calls);
    const notes = new ProbeNotes();
    const facts = await probeWindows(
      async (c, a, o) => (c === 'powershell.exe' && seen.push(o.env ?? {}), run(c, a, o)),
      readerOf(recordings),
      ENV,
      null,
      notes,
      track,
    );
    expect(facts.profile.os?.productType).toBe('workstation');
    expect(facts.profile).not.toHaveProperty('systemStatePrerequisites');
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty('MARS_SYSTEM_STATE');
    expect(calls.some((c) => c.join(' ').includes('RebootPending'))).toBe(false);
    expect(facts.profile.antivirus?.defenderRealTimeProtection).toBe(true);
  });
});

describe('antivirus', () => {
  it("unites Defender's own and its policy lists, expands %variables%, counts a path once whatever its case", async () => {
    const { profile, notes } = await probed(v2Server());
    expect(profile.antivirus).toEqual({
      defenderRealTimeProtection: true,
      exclusionPaths: ['C:\\Program Files\\Microsoft Azure Recovery Services Agent\\bin', 'D:\\MARS Cache', 'C:\\Windows\\Temp\\*'],
      exclusionProcesses: ['cbengine.exe'],
    });
    expect(notes.filter((n) => n.field.startsWith('/antivirus'))).toEqual([]);
  });
  it('expands variables in any case, and leaves unknown ones as Windows does', () => {
    expect(expandEnvironment('%programfiles%\\x;%NOPE%\\y', { ProgramFiles: 'C:\\Program Files' })).toBe('C:\\Program Files\\x;%NOPE%\\y');
  });
  it('Defender absent (invalid namespace, invalid class): real-time protection false; missing keys add nothing', async () => {
    const absent = { [reg(KEY.paths)]: MISSING_KEY, [reg(KEY.policyPaths)]: MISSING_KEY, [reg(KEY.processes)]: MISSING_KEY };
    for (const answer of ['powershell-v2-feature-not-installed.json', 'powershell-v2-feature-unknown.json']) {
      const { profile } = await probed(v2Server({ 'powershell.exe': ps(answer), ...absent }));
      expect(profile.antivirus).toEqual({ defenderRealTimeProtection: false, exclusionPaths: [], exclusionProcesses: [] });
    }
  });
  it('access denied on the exclusion keys (native-reg errno 5): null, not none, and a note to run as administrator', async () => {
    const recordings = v2Server();
    const opened: string[] = [];
    const { profile, notes } = await probed(recordings, nativeFirst(recordings, [KEY.paths, KEY.processes], opened));
    expect(opened).toContain(KEY.paths);
    expect(profile.antivirus).toEqual({ defenderRealTimeProtection: true, exclusionPaths: null, exclusionProcesses: null });
    expect(notes).toContainEqual({
      field: '/antivirus/exclusionPaths',
      reason: expect.stringMatching(/ERROR_ACCESS_DENIED 5\); run as administrator to read Defender's exclusions$/),
    });
    expect(notes.map((n) => n.field)).toContain('/antivirus/exclusionProcesses');
  });
  it('a key reg.exe cannot read (its exit 1 tells no more) is null too, though it cannot say it was denied', async () => {
    const { profile, notes } = await probed(v2Server({ [reg(KEY.policyProcesses)]: DENIED }));
    expect(profile.antivirus?.exclusionProcesses).toBeNull();
    expect(profile.antivirus?.exclusionPaths).toHaveLength(3);
    expect(notes).toContainEqual({ field: '/antivirus/exclusionProcesses', reason: expect.stringContaining('(Access is denied.)') });
  });
  it('WBEM access denied: real-time protection null, with a note', async () => {
    const { profile, notes } = await probed(v2Server({ 'powershell.exe': ps('powershell-v2-wbem-denied.json') }));
    expect(profile.antivirus?.defenderRealTimeProtection).toBeNull();
    expect(notes).toContainEqual({ field: '/antivirus/defenderRealTimeProtection', reason: expect.stringMatching(/access denied/) });
  });
  it('null as a whole, with a note, when nothing could be read', async () => {
    const notes = new ProbeNotes();
    const facts = await probeWindowsAntivirus(
      null,
      'PowerShell did not answer',
      readerOf(v2Server({ [reg(KEY.paths)]: DENIED, [reg(KEY.processes)]: DENIED })),
      ENV,
      notes,
    );
    expect(facts).toBeNull();
    expect(notes.list).toEqual([
      { field: '/antivirus', reason: expect.stringMatching(/^nothing of Microsoft Defender's settings could be read: /) },
    ]);
  });
});

describe('serviceProxy', () => {
  const winhttp = (file: string) =>
    probeWinHttpProxy(readerOf(v2Server({ [reg(KEY.winhttp)]: { stdout: fixture(file) } })), new ProbeNotes());
  it('reads WinHttpSettings: direct, a proxy, the https entry of a per-protocol list', async () => {
    expect(await winhttp('reg-winhttp-direct.txt')).toBe('direct');
    expect(await winhttp('reg-winhttp-proxy.txt')).toBe('proxy.contoso.com:8080');
    expect(await winhttp('reg-winhttp-per-protocol.txt')).toBe('b:2');
  });
  it('no value, or no key: direct; a key that cannot be read, or a blob that cannot be, null with a note', async () => {
    expect(await winhttp('reg-winhttp-no-value.txt')).toBe('direct');
    expect(await probeWinHttpProxy(readerOf(v2Server({ [reg(KEY.winhttp)]: MISSING_KEY })), new ProbeNotes())).toBe('direct');
    const notes = new ProbeNotes();
    expect(await probeWinHttpProxy(readerOf(v2Server({ [reg(KEY.winhttp)]: DENIED })), notes)).toBeNull();
    const truncated = '\r\nHKEY_LOCAL_MACHINE\\x\r\n    WinHttpSettings    REG_BINARY    18000000000000000300000016000000707278\r\n\r\n';
    expect(await probeWinHttpProxy(readerOf(v2Server({ [reg(KEY.winhttp)]: { stdout: truncated } })), notes)).toBeNull();
    expect(notes.list.map((n) => n.field)).toEqual(['/serviceProxy/winhttp', '/serviceProxy/winhttp']);
  });
  it('decodes the blob layout: flags, proxy server, bypass list, auto-config URL', () => {
    const hex = fixture('reg-system-connections-autodetect.txt')
      .toString('latin1')
      .match(/DefaultConnectionSettings +REG_BINARY +([0-9A-F]+)/)![1]!;
    expect(parseConnectionSettings(Buffer.from(hex, 'hex'))).toEqual({ flags: 9, proxyServer: '', bypassList: '', autoConfigUrl: null });
    const proxy = fixture('reg-winhttp-proxy.txt')
      .toString('latin1')
      .match(/REG_BINARY +([0-9A-F]+)/)![1]!;
    expect(parseConnectionSettings(Buffer.from(proxy, 'hex'))).toEqual({
      flags: 3,
      proxyServer: 'proxy.contoso.com:8080',
      bypassList: '<local>',
      autoConfigUrl: null,
    });
    expect(parseConnectionSettings(Buffer.alloc(8))).toBeNull();
  });
  it("Local System's settings: PAC first, then its proxy, then auto-detection, else direct", async () => {
    const system = (overrides: Record<string, Recording>) => probeSystemAccountProxy(readerOf(v2Server(overrides)), new ProbeNotes());
    expect(await system({ [reg(KEY.system)]: { stdout: fixture('reg-system-internet-settings-pac.txt') } })).toBe(
      'pac:http://wpad.contoso.local/proxy.pac',
    );
    expect(await system({ [reg(KEY.system)]: { stdout: fixture('reg-system-internet-settings-proxy.txt') } })).toBe(
      'proxy.contoso.local:8443',
    );
    expect(await system({})).toBe('wpad');
    expect(await system({ [reg(KEY.systemConnections)]: { stdout: fixture('reg-system-connections-direct.txt') } })).toBe('direct');
    expect(await system({ [reg(KEY.systemConnections)]: MISSING_KEY })).toBe('direct');
  });
  it('HKU\\S-1-5-18 denied (errno 5): null with a note, never direct; probe left for the collector', async () => {
    const recordings = v2Server();
    const notes = new ProbeNotes();
    const facts = await probeWindowsServiceProxy(nativeFirst(recordings, [KEY.system]), notes);
    expect(facts).toEqual({ winhttp: 'direct', systemAccount: null, probe: null });
    expect(notes.list).toEqual([
      { field: '/serviceProxy/systemAccount', reason: expect.stringMatching(/ERROR_ACCESS_DENIED 5\); run as administrator/) },
    ]);
    const connectionsDenied = new ProbeNotes();
    expect(await probeSystemAccountProxy(readerOf(v2Server({ [reg(KEY.systemConnections)]: DENIED })), connectionsDenied)).toBeNull();
    expect(connectionsDenied.list).toHaveLength(1);
  });
});

describe('collect on the recorded server with the v2 sections', () => {
  it('writes all three sections into a profile the schema accepts', async () => {
    const { profile } = await collectProfile({
      machine: windowsMachine({ run: recordedRunner(v2Server()), registry: readerOf(v2Server()), env: ENV }),
      offline: true,
      now: () => new Date('2026-11-25T10:00:00Z'),
    });
    expect(profile.schemaVersion).toBe(2);
    expect(profile.systemStatePrerequisites?.windowsServerBackup).toBe('installed');
    expect(profile.antivirus?.exclusionProcesses).toEqual(['cbengine.exe']);
    expect(profile.serviceProxy).toEqual({ winhttp: 'direct', systemAccount: 'wpad', probe: null });
    expect(validateProfile(profile)).toMatchObject({ ok: true });
  });
  it('fills serviceProxy.probe with the proxy the endpoint test used, and the clock from its answers (none here: no DNS)', async () => {
    const { profile } = await collectProfile({
      machine: windowsMachine({ run: recordedRunner(v2Server()), registry: readerOf(v2Server()), env: ENV }),
      network: {
        lookup: async () => {
          throw Object.assign(new Error('no DNS in this test'), { code: 'ENOTFOUND' });
        },
        budgetMs: 2000,
      },
    });
    // netsh says direct, the environment names no proxy: the test went direct, as WinHTTP does; Local System uses WPAD.
    expect(profile.serviceProxy).toEqual({ winhttp: 'direct', systemAccount: 'wpad', probe: 'direct' });
    expect(profile.clock).toEqual({ skewSeconds: null, referenceHost: null });
    expect(validateProfile(profile)).toMatchObject({ ok: true });
  });
  it('and when everything fails (PowerShell, the keys), still a valid profile, the failures null', async () => {
    const failing = v2Server({
      'powershell.exe': { timedOut: true },
      [reg(KEY.cbs)]: DENIED,
      [reg(KEY.wu)]: DENIED,
      [reg(KEY.paths)]: DENIED,
      [reg(KEY.processes)]: DENIED,
      [reg(KEY.winhttp)]: DENIED,
      [reg(KEY.system)]: DENIED,
    });
    const { profile, notes } = await collectProfile({
      machine: windowsMachine({ run: recordedRunner(failing), registry: readerOf(failing), env: ENV }),
      offline: true,
    });
    expect(profile.systemStatePrerequisites).toBeNull();
    expect(profile.antivirus).toBeNull();
    expect(profile.serviceProxy).toEqual({ winhttp: null, systemAccount: null, probe: null });
    expect(validateProfile(profile)).toMatchObject({ ok: true });
    expect(notes.map((n) => n.field)).toEqual(expect.arrayContaining(['/systemStatePrerequisites', '/antivirus', '/serviceProxy/winhttp']));
  });
});
