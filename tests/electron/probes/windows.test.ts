// The Windows probes against what Windows' own tools printed (tests/fixtures/windows): CRLF, UTF-16
// without a byte-order mark (wmic), localised words (German sc and netsh), a missing wmic, access denied,
// a hung command.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputText } from '../../../electron/probes/command-runner.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import { windowsMachine } from '../../../electron/machine/windows/windows-machine.js';
import { ProbeNotes } from '../../../electron/probes/notes.js';
import { probeWindowsAgent } from '../../../electron/probes/windows/agent-windows.js';
import {
  bitlockerOf,
  MACHINE_FACTS_SCRIPT,
  parseMachineFacts,
  parseWmicCsv,
  parseWmicTable,
  probeMachineFacts,
} from '../../../electron/probes/windows/machine-facts.js';
import { probeWindowsOs, probeWindowsSoftware } from '../../../electron/probes/windows/os-windows.js';
import { fileVersionFromBytes } from '../../../electron/probes/windows/pe-version.js';
import { parseNetshProxy } from '../../../electron/probes/windows/proxy-windows.js';
import { cachedReader, parseRegQuery, regExeReader } from '../../../electron/probes/windows/registry.js';
import { parseScQuery, queryService } from '../../../electron/probes/windows/service-control.js';
import { proxyUrl, touchesAny } from '../../../electron/probes/collect.js';
import { probeOneDriveRoots } from '../../../electron/probes/windows/onedrive.js';
import { buildReport } from '../../../shared/report/build.js';
import { fixture, MISSING_KEY, recordedRunner, reg, server2019 } from '../../helpers/recorded.js';

const text = (name: string) => outputText(fixture(name));
const registryOf = (recordings = server2019()) => cachedReader(regExeReader(recordedRunner(recordings)));

describe('reg query output', () => {
  it('reads values of the key only, typed, by lower-cased name, from CRLF output', () => {
    const values = parseRegQuery(text('reg-currentversion-server2019.txt'));
    expect(values.get('currentmajorversionnumber')).toEqual({ type: 'REG_DWORD', data: 10 });
    expect(values.get('productname')).toEqual({ type: 'REG_SZ', data: 'Windows Server 2019 Standard' });
    expect(values.has('accessibility')).toBe(false);
  });
  it('keeps spaces inside names and data, and REG_EXPAND_SZ as written', () => {
    expect(parseRegQuery(text('reg-wab-config.txt')).get('scratchlocation')?.data).toBe('D:\\MARS Cache\\Scratch');
    expect(parseRegQuery(text('reg-environment.txt')).get('comspec')).toEqual({
      type: 'REG_EXPAND_SZ',
      data: '%SystemRoot%\\system32\\cmd.exe',
    });
  });
  it('tells a missing key from a denied one, and a hung reg.exe from both', async () => {
    const reader = regExeReader(
      recordedRunner({
        [reg('HKLM\\A')]: MISSING_KEY,
        [reg('HKLM\\B')]: { exitCode: 1, stderr: fixture('reg-denied.stderr.txt') },
        [reg('HKLM\\C')]: { timedOut: true },
      }),
    );
    expect(await reader.readKey('HKLM\\A')).toEqual({ status: 'missing' });
    expect(await reader.readKey('HKLM\\B')).toEqual({ status: 'error', reason: 'Access is denied.' });
    expect(await reader.readKey('HKLM\\C')).toMatchObject({ status: 'error', reason: expect.stringMatching(/did not answer/) });
  });
  it('passes the key as one argument, spaces and all, and reads the 64-bit view', async () => {
    const calls: string[][] = [];
    await regExeReader(recordedRunner(server2019(), calls)).readKey('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config');
    expect(calls[0]).toEqual(['reg', 'query', 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config', '/reg:64']);
  });
});

describe('OS and software from the registry', () => {
  it('reads Windows Server 2019', async () => {
    const notes = new ProbeNotes();
    expect(await probeWindowsOs(registryOf(), notes)).toEqual({
      family: 'windows',
      caption: 'Microsoft Windows Server 2019 Standard',
      version: '10.0.17763',
      productType: 'server',
      editionId: 'ServerStandard',
      installationType: 'Server',
      architecture: 'x64',
      servicePack: 0,
    });
    expect(notes.list).toEqual([]);
  });
  it('reads 2008 R2 from CurrentVersion and CSDVersion', async () => {
    const os = await probeWindowsOs(
      registryOf(
        server2019({
          [reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')]: { stdout: fixture('reg-currentversion-2008r2.txt') },
        }),
      ),
      new ProbeNotes(),
    );
    expect(os).toMatchObject({ version: '6.1.7601', servicePack: 1, editionId: 'ServerEnterprise' });
  });
  it('calls Windows 11 by its name although ProductName says Windows 10', async () => {
    const os = await probeWindowsOs(
      registryOf(
        server2019({ [reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')]: { stdout: fixture('reg-currentversion-win11.txt') } }),
      ),
      new ProbeNotes(),
    );
    expect(os).toMatchObject({ version: '10.0.26100', caption: 'Microsoft Windows 11 Pro' });
  });
  it('leaves fields null and says why when the registry denies access', async () => {
    const notes = new ProbeNotes();
    const os = await probeWindowsOs(
      registryOf(
        server2019({
          [reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')]: { exitCode: 1, stderr: fixture('reg-denied.stderr.txt') },
        }),
      ),
      notes,
    );
    expect(os).toMatchObject({ version: null, editionId: null, servicePack: null });
    expect(notes.list).toContainEqual({ field: '/os/version', reason: expect.stringMatching(/Access is denied/) });
  });
  it('reads .NET, PowerShell and the TLS values, absent SCHANNEL values as null', async () => {
    expect(await probeWindowsSoftware(registryOf(), new ProbeNotes())).toEqual({
      dotnetRelease: 528372,
      powershellVersion: '5.1.17763.1',
      tls12: { schannelClientEnabled: null, schannelClientDisabledByDefault: null, dotnetStrongCrypto: true, dotnetSystemDefaultTls: true },
    });
  });
  it('reports .NET 4 as 0 when its key is absent', async () => {
    const software = await probeWindowsSoftware(
      registryOf(server2019({ [reg('HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full')]: MISSING_KEY })),
      new ProbeNotes(),
    );
    expect(software.dotnetRelease).toBe(0);
  });
});

describe('service state with sc.exe', () => {
  it('reads the state number, whatever language the labels are in', () => {
    expect(parseScQuery(text('sc-obengine-running.txt'))).toEqual({ number: '4', name: 'RUNNING' });
    expect(parseScQuery(text('sc-obengine-stopped-de.txt'))).toEqual({ number: '1', name: 'STOPPED' });
  });
  it('maps exit 1060 to not-installed and a paused service to unknown with a reason', async () => {
    expect(
      await queryService(recordedRunner({ 'sc query obengine': { exitCode: 1060, stdout: fixture('sc-missing.txt') } }), 'obengine'),
    ).toEqual({ state: 'not-installed', reason: null });
    expect(await queryService(recordedRunner({ 'sc query obengine': { stdout: fixture('sc-paused.txt') } }), 'obengine')).toEqual({
      state: 'unknown',
      reason: 'the service is paused',
    });
    expect((await queryService(recordedRunner({ 'sc query obengine': { timedOut: true } }), 'obengine')).state).toBe('unknown');
  });
});

describe('the agent', () => {
  it('reads install path, version, both scratch locations and the service', async () => {
    const read: string[] = [];
    const { agent, role } = await probeWindowsAgent(
      registryOf(),
      (name) => queryService(recordedRunner(server2019()), name),
      new ProbeNotes(),
      async (path) => {
        read.push(path);
        return '2.0.9615.0';
      },
    );
    expect(agent).toEqual({
      installed: true,
      version: '2.0.9615.0',
      installPath: 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\',
      scratchLocation: 'D:\\MARS Cache\\Scratch',
      providerScratchLocation: 'D:\\MARS Cache\\Scratch\\',
      serviceState: 'running',
    });
    expect(read[0]).toMatch(/Microsoft Azure Recovery Services Agent[\\/]+bin[\\/]cbengine\.exe$/);
    expect(role).toBe('direct');
  });
  it('says not installed when the Setup key is absent', async () => {
    const recordings = server2019({
      [reg('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup')]: MISSING_KEY,
      'sc query obengine': { exitCode: 1060, stdout: fixture('sc-missing.txt') },
    });
    const { agent, role } = await probeWindowsAgent(
      registryOf(recordings),
      (name) => queryService(recordedRunner(recordings), name),
      new ProbeNotes(),
      async () => null,
    );
    expect(agent).toMatchObject({ installed: false, version: null, serviceState: 'not-installed' });
    expect(role).toBeNull();
  });
  it('reads the file version from VS_FIXEDFILEINFO', () => {
    const info = Buffer.alloc(64);
    info.writeUInt32LE(0xfeef04bd, 16);
    info.writeUInt32LE(0x00010000, 20);
    info.writeUInt32LE((2 << 16) | 0, 24);
    info.writeUInt32LE((9615 << 16) | 7, 28);
    expect(fileVersionFromBytes(info)).toBe('2.0.9615.7');
    expect(fileVersionFromBytes(Buffer.alloc(64))).toBeNull();
  });
});

describe('volumes', () => {
  it('reads PowerShell CIM JSON: kinds, sizes, BitLocker, offline and read-only drives, non-ASCII labels', () => {
    const facts = parseMachineFacts(text('powershell-machine-facts.json'));
    expect(facts.volumes?.map((v) => [v.id, v.driveType, v.bitlocker, v.online, v.readOnly])).toEqual([
      ['C:', 'fixed', 'unlocked', true, null],
      ['D:', 'fixed', 'off', true, null],
      ['F:', 'fixed', 'locked', false, null],
      ['G:', 'removable', 'unknown', true, true],
      ['Z:', 'network', 'unknown', true, null],
    ]);
    expect(facts.volumes?.[1]?.label).toBe('Données');
    expect(facts.volumes?.[4]?.remotePath).toBe('\\\\nas01\\backup');
    expect(facts.assetTag).toBe('7783-7084-3265-9085-8269-3286-77');
    expect(facts.cacheAttributes).toBe(2064);
    // ConvertTo-Json writes a one-element list as its element: still a list of roots here.
    expect(facts.dfsrRoots).toEqual(['E:\\Shares\\Replicated']);
  });
  it('writes the PowerShell script with single backslashes where PowerShell needs them', () => {
    expect(MACHINE_FACTS_SCRIPT).toContain('-Namespace root\\microsoftdfs ');
    expect(MACHINE_FACTS_SCRIPT).toContain("$d.DeviceID + '\\'");
    expect(MACHINE_FACTS_SCRIPT).toContain("'\\DATALOSS_WARNING_README.txt'");
  });
  it("finds OneDrive folders in the environment, in the user's accounts and in every user's sync roots, each once", async () => {
    // reg.exe's layout: the key, its values, then its subkeys as full paths; CRLF.
    const printed = (key: string, values: [string, string][], subkeys: string[] = []) => ({
      stdout: ['', key, ...values.map(([n, v]) => `    ${n}    REG_SZ    ${v}`), '', ...subkeys.map((k) => `${key}\\${k}`), ''].join(
        '\r\n',
      ),
    });
    const ACCOUNTS = 'HKEY_CURRENT_USER\\Software\\Microsoft\\OneDrive\\Accounts';
    const ROOTS = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\SyncRootManager';
    const hk = (key: string) => key.replace('HKEY_CURRENT_USER', 'HKCU').replace('HKEY_LOCAL_MACHINE', 'HKLM');
    const bob = 'OneDrive!S-1-5-21-1-2-3-1002!Personal';
    const notes = new ProbeNotes();
    const roots = await probeOneDriveRoots(
      regExeReader(
        recordedRunner({
          [reg(hk(ACCOUNTS))]: printed(ACCOUNTS, [['LastUpdate', 'x']], ['Business1', 'Personal']),
          [reg(`${hk(ACCOUNTS)}\\Business1`)]: printed(`${ACCOUNTS}\\Business1`, [['UserFolder', 'C:\\Users\\amira\\OneDrive - Contoso']]),
          [reg(`${hk(ACCOUNTS)}\\Personal`)]: printed(`${ACCOUNTS}\\Personal`, [['UserFolder', 'C:\\Users\\amira\\OneDrive']]),
          [reg(hk(ROOTS))]: printed(ROOTS, [], ['OneDrive!S-1-5-21-1-2-3-1001!Business1', 'Dropbox!S-1-5-21-1-2-3-1001!1', bob]),
          [reg(`${hk(ROOTS)}\\OneDrive!S-1-5-21-1-2-3-1001!Business1\\UserSyncRoots`)]: printed(`${ROOTS}\\x`, [
            ['S-1-5-21-1-2-3-1001', 'C:\\Users\\amira\\onedrive - contoso'],
          ]),
          [reg(`${hk(ROOTS)}\\${bob}\\UserSyncRoots`)]: { exitCode: 1, stderr: 'ERROR: Access is denied.' },
        }),
      ),
      { OneDrive: 'C:\\Users\\amira\\OneDrive - Contoso', OneDriveConsumer: '', Path: 'x' },
      notes,
    );
    // Dropbox's sync root is not OneDrive's; the same folder spelt in another case counts once.
    expect(roots).toEqual(['C:\\Users\\amira\\OneDrive - Contoso', 'C:\\Users\\amira\\OneDrive']);
    expect(notes.list).toEqual([
      {
        field: '/selection',
        reason: expect.stringMatching(/^some OneDrive folders may be missed: .*UserSyncRoots \(Access is denied\.\) could not be read$/),
      },
    ]);
  });
  it('tells OneDrive and DFS Replication folders by the roots they lie in or hold', () => {
    const roots = ['C:\\Users\\amira\\OneDrive - Contoso'];
    expect(touchesAny('C:\\Users\\amira\\onedrive - contoso\\Docs', roots)).toBe(true);
    expect(touchesAny('C:\\Users\\amira', roots)).toBe(true);
    expect(touchesAny('C:\\Users\\amira\\Documents', roots)).toBe(false);
    expect(touchesAny('E:\\Shares', null)).toBeNull();
  });
  it('reads wmic CSV written as UTF-16 with CR CR LF line ends', () => {
    const volumes = parseWmicCsv(outputText(fixture('wmic-logicaldisk.csv')));
    expect(volumes.map((v) => [v.id, v.driveType, v.fileSystem, v.sizeBytes, v.online])).toEqual([
      ['C:', 'fixed', 'NTFS', 136365211648, true],
      ['D:', 'fixed', 'NTFS', 2199023255552, true],
      ['E:', 'optical', null, null, false],
      ['Z:', 'network', 'NTFS', 2199023255552, true],
    ]);
  });
  it("reads wmic's table form as Wine's wmic printed it (UTF-16, DeviceId in its own case)", () => {
    const volumes = parseWmicTable(outputText(fixture('wmic-logicaldisk-table-wine.txt')));
    expect(volumes.map((v) => [v.id, v.driveType, v.fileSystem, v.sizeBytes, v.freeBytes, v.label, v.readOnly])).toEqual([
      ['C:', 'fixed', 'NTFS', 82252800000, 71612358656, null, null],
      ['Z:', 'fixed', 'NTFS', 82252800000, 71612358656, null, null],
    ]);
  });
  it("reads wmic's table form with labels that have spaces, empty cells and a network drive", () => {
    // The layout of Windows' wmic table: alphabetical columns, each as wide as its widest cell plus two.
    const rows = [
      ['Access', 'DeviceID', 'DriveType', 'FileSystem', 'FreeSpace', 'ProviderName', 'Size', 'VolumeName'],
      ['0', 'C:', '3', 'NTFS', '52428800000', '', '136365211648', 'Local Disk'],
      ['0', 'D:', '5', '', '', '', '', ''],
      ['0', 'Z:', '4', 'NTFS', '1099511627776', '\\\\files\\Backup Data', '2199023255552', 'Données partagées'],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)) + 2);
    const table = `${rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('')).join('\r\r\n')}\r\r\n`;
    const volumes = parseWmicTable(outputText(Buffer.from(`\ufeff${table}`, 'utf16le')));
    expect(volumes.map((v) => [v.id, v.driveType, v.fileSystem, v.label, v.online, v.remotePath])).toEqual([
      ['C:', 'fixed', 'NTFS', 'Local Disk', true, null],
      ['D:', 'optical', null, null, false, null],
      ['Z:', 'network', 'NTFS', 'Données partagées', true, '\\\\files\\Backup Data'],
    ]);
  });
  it("falls back from wmic's CSV (XSL file missing) to its table form, and to fewer columns when wmic knows fewer (Wine)", async () => {
    const all = 'wmic logicaldisk get Access,DeviceID,DriveType,FileSystem,FreeSpace,ProviderName,Size,VolumeName';
    const calls: string[][] = [];
    const notes = new ProbeNotes();
    const facts = await probeMachineFacts(
      recordedRunner(
        {
          'powershell.exe': { exitCode: 1, stderr: 'powershell is not supported' },
          [`${all} /format:csv`]: { exitCode: 1, stdout: 'Invalid XSL format (or) file name.' },
          [all]: { exitCode: 255 },
          'wmic logicaldisk get DeviceID,DriveType,FileSystem,FreeSpace,Size,VolumeName': {
            stdout: fixture('wmic-logicaldisk-table-wine.txt'),
          },
        },
        calls,
      ),
      null,
      notes,
    );
    expect(calls.map((c) => (c[0] === 'wmic' ? c.at(-1) : c[0]))).toEqual([
      'powershell.exe',
      '/format:csv',
      'Access,DeviceID,DriveType,FileSystem,FreeSpace,ProviderName,Size,VolumeName',
      'DeviceID,DriveType,FileSystem,FreeSpace,Size,VolumeName',
    ]);
    expect(facts.volumes?.map((v) => v.id)).toEqual(['C:', 'Z:']);
    expect(notes.list.map((n) => n.reason).join(' ')).toMatch(/whether a volume is read-only, and network paths were not read/);
  });
  it('asks wmic once when it is missing, not once per form', async () => {
    const calls: string[][] = [];
    await probeMachineFacts(recordedRunner({ 'powershell.exe': { exitCode: 1 } }, calls), null, new ProbeNotes());
    expect(calls.filter((c) => c[0] === 'wmic')).toHaveLength(1);
  });
  it('maps every BitLocker protection value', () => {
    expect([0, 1, 2, 3, 4, 5, 6, null].map((v) => bitlockerOf(v))).toEqual([
      'unknown',
      'unlocked',
      'off',
      'unlocked',
      'unlocked',
      'unlocked',
      'locked',
      'unknown',
    ]);
  });
  it('falls back to wmic when PowerShell hangs, and says so', async () => {
    const notes = new ProbeNotes();
    const facts = await probeMachineFacts(
      recordedRunner({ 'powershell.exe': { timedOut: true }, wmic: { stdout: fixture('wmic-logicaldisk.csv') } }),
      null,
      notes,
    );
    expect(facts.volumes).toHaveLength(4);
    expect(notes.list.map((n) => n.reason).join(' ')).toMatch(/PowerShell could not list the volumes.*did not answer/);
  });
  it('gives no volumes, with reasons, when PowerShell fails and wmic is missing (Windows 11 24H2)', async () => {
    const notes = new ProbeNotes();
    const facts = await probeMachineFacts(
      recordedRunner({ 'powershell.exe': { exitCode: 1, stderr: 'Get-CimInstance : Access denied' } }),
      null,
      notes,
    );
    expect(facts.volumes).toBeNull();
    expect(notes.list.map((n) => n.reason).join(' ')).toMatch(/wmic could not list the volumes either \(wmic is not available/);
  });
  it('hands the cache path to PowerShell in the environment, never inside the script', async () => {
    const seen: Record<string, string>[] = [];
    const run = recordedRunner({ 'powershell.exe': { stdout: fixture('powershell-machine-facts.json') } });
    await probeMachineFacts(async (c, a, o) => (seen.push(o.env ?? {}), run(c, a, o)), 'D:\\O\'Brien $(rm) "x"\\Scratch', new ProbeNotes());
    expect(seen[0]).toEqual({ MARS_CACHE_PATH: 'D:\\O\'Brien $(rm) "x"\\Scratch' });
  });
});

describe('proxy', () => {
  it('reads netsh in English and German, and direct access as none', () => {
    expect(parseNetshProxy(text('netsh-direct.txt'))).toBeNull();
    expect(parseNetshProxy(text('netsh-proxy.txt'))).toBe('proxy.contoso.local:3128');
    expect(parseNetshProxy(text('netsh-proxy-de.txt'))).toBe('http=proxy:80;https=proxy:8443');
  });
  it('turns a proxy setting into a URL, preferring the HTTPS entry', () => {
    expect(proxyUrl('proxy.contoso.local:3128')).toBe('http://proxy.contoso.local:3128');
    expect(proxyUrl('http=proxy:80;https=proxy:8443')).toBe('http://proxy:8443');
    expect(proxyUrl('http://user:pw@p:8080')).toBe('http://user:pw@p:8080');
    expect(proxyUrl(null)).toBeNull();
  });
});

describe('collect on a recorded Windows Server 2019', () => {
  it('writes a profile the schema accepts, which checks as expected', async () => {
    const { profile, notes } = await collectProfile({
      machine: windowsMachine({ run: recordedRunner(server2019()), env: { COMPUTERNAME: 'FS01' } }),
      offline: true,
      now: () => new Date('2026-11-25T10:00:00Z'),
    });
    expect(profile).toMatchObject({
      capturedAt: '2026-11-25T10:00:00Z',
      host: { name: 'FS01', azureVm: true, role: 'direct' },
      os: { version: '10.0.17763' },
      agent: { installed: true, serviceState: 'running' },
      cache: {
        path: 'D:\\MARS Cache\\Scratch',
        volume: 'D:',
        attributes: { compressed: true, encrypted: false, sparse: false, reparsePoint: false },
      },
      network: { proxy: { winhttp: null, system: 'proxy.contoso.local:8080', environment: null }, uploadMbps: null },
    });
    expect(profile.network).not.toHaveProperty('endpoints');
    expect(notes).toContainEqual({ field: '/network/endpoints', reason: 'not tested: --offline' });
    const report = buildReport(profile, { edition: 'current', toolVersion: 't', now: new Date() });
    const status = (check: string) => report.findings.find((f) => f.check === check)?.status;
    expect(status('os.supported')).toBe('pass');
    expect(status('cache.registry')).toBe('pass');
    expect(status('cache.attributes')).toBe('fail');
    expect(report.findings.filter((f) => f.check === 'network.endpoints').every((f) => f.status === 'unknown')).toBe(true);
  });
  it('asks the registry where OneDrive syncs only when there is a selection to judge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mars onedrive-'));
    const asked = (calls: string[][]) => calls.filter((c) => c.join(' ').includes('OneDrive\\Accounts')).length;
    const without: string[][] = [];
    await collectProfile({ machine: windowsMachine({ run: recordedRunner(server2019(), without), env: {} }), offline: true });
    expect(asked(without)).toBe(0);
    const withSelection: string[][] = [];
    const { profile } = await collectProfile({
      machine: windowsMachine({ run: recordedRunner(server2019(), withSelection), env: { OneDrive: dir } }),
      offline: true,
      selection: { paths: [dir], systemState: false },
    });
    expect(asked(withSelection)).toBe(1);
    expect(profile.selection?.items[0]?.oneDrive).toBe(true);
  });
});
