// Volumes, the SMBIOS asset tag and the cache folder's attributes in one Windows PowerShell run (its
// start-up is the slow part, so it happens once). CIM queries rather than wmic, which Windows 11 24H2 and
// Server 2025 no longer have; wmic remains the fallback where PowerShell fails. Inputs reach the script
// through environment variables, never spliced into its code, so no path can break its quoting.
// Contract v2 adds the CIM facts of systemStatePrerequisites (on a server only) and of antivirus to the
// same run, each query in its own try/catch that reports how it failed as numbers (the HRESULT, MI's
// NativeErrorCode) and the exception's type name, never its localised message.

import type { DriveType, VolumeFacts } from '../../../shared/profile/types.js';
import { outputText, type CommandRunner } from '../command-runner.js';
import type { ProbeNotes } from '../notes.js';
import { powershellArgs } from './powershell.js';
import { t } from '../../../shared/i18n/translate.js';

/** Windows file attribute bits (FILE_ATTRIBUTE_*) that the cache and selection checks read. */
export const FILE_ATTRIBUTE = {
  directory: 0x10,
  sparse: 0x200,
  reparsePoint: 0x400,
  compressed: 0x800,
  offline: 0x1000,
  encrypted: 0x4000,
  recallOnOpen: 0x40000,
  recallOnDataAccess: 0x400000,
} as const;

export const MACHINE_FACTS_SCRIPT = `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8
$shell = $null
try { $shell = New-Object -ComObject Shell.Application } catch {}
$volumes = foreach ($d in @(Get-CimInstance -ClassName Win32_LogicalDisk -OperationTimeoutSec 10)) {
  $bitlocker = $null
  if ($shell -and $d.DriveType -ne 4) {
    try { $bitlocker = $shell.NameSpace($d.DeviceID + '\\').Self.ExtendedProperty('System.Volume.BitLockerProtection') } catch {}
  }
  $readme = $null
  if ($d.DriveType -eq 3) { try { $readme = Test-Path -LiteralPath ($d.DeviceID + '\\DATALOSS_WARNING_README.txt') } catch {} }
  [pscustomobject]@{ DeviceID = $d.DeviceID; DriveType = $d.DriveType; FileSystem = $d.FileSystem; Size = $d.Size;
    FreeSpace = $d.FreeSpace; VolumeName = $d.VolumeName; ProviderName = $d.ProviderName; Access = $d.Access;
    BitLocker = $bitlocker; DataLossReadme = $readme }
}
$tag = $null
try { $tag = (Get-CimInstance -ClassName Win32_SystemEnclosure -OperationTimeoutSec 10 | Select-Object -First 1).SMBIOSAssetTag } catch {}
$cache = $null
if ($env:MARS_CACHE_PATH) {
  try { $cache = [int](Get-Item -LiteralPath $env:MARS_CACHE_PATH -Force).Attributes } catch { $cache = $_.Exception.Message }
}
# How a CIM query failed, as numbers: the WBEM HRESULT MI keeps in ErrorData.error_Code (else the
# exception's HResult), MI's NativeErrorCode, and the exception's type name; never the (localised) message.
function Get-CimFailure($record) {
  $e = $record.Exception
  $hresult = $null
  try { $hresult = [int64]$e.ErrorData.CimInstanceProperties['error_Code'].Value } catch {}
  if (-not $hresult) { $hresult = [int64]$e.HResult }
  $native = $null
  if ($e.PSObject.Properties['NativeErrorCode']) { try { $native = [int]$e.NativeErrorCode } catch {} }
  [pscustomobject]@{ HResult = $hresult; NativeErrorCode = $native; Type = $e.GetType().FullName }
}
# DFS Replication's replicated folders; no such namespace (WBEM_E_INVALID_NAMESPACE, CIM status 3) means
# the role is not installed: none.
$dfsr = @()
try { $dfsr = @(Get-CimInstance -Namespace root\\microsoftdfs -ClassName DfsrReplicatedFolderInfo -OperationTimeoutSec 10 -ErrorAction Stop | ForEach-Object { $_.RootPath }) }
catch {
  $f = Get-CimFailure $_
  if (-not ($f.NativeErrorCode -eq 3 -or $f.HResult -eq 2147749902 -or $f.HResult -eq -2147217394)) { $dfsr = $null }
}
$wsb = $null; $services = $null; $systemDrive = $null
if ($env:MARS_SYSTEM_STATE -eq '1') {
  try {
    $feature = @(Get-CimInstance -ClassName Win32_OptionalFeature -Filter "Name='WindowsServerBackup'" -OperationTimeoutSec 10 -ErrorAction Stop)
    $wsb = [pscustomobject]@{ Value = $(if ($feature.Count -gt 0) { [int]$feature[0].InstallState } else { $null }) }
  } catch { $wsb = [pscustomobject]@{ Error = (Get-CimFailure $_) } }
  try {
    $list = @(Get-CimInstance -ClassName Win32_Service -Filter "Name='RpcSs' OR Name='EventSystem' OR Name='SENS' OR Name='VSS' OR Name='SWPRV'" -OperationTimeoutSec 10 -ErrorAction Stop |
      ForEach-Object { [pscustomobject]@{ Name = $_.Name; StartMode = $_.StartMode; State = $_.State } })
    $services = [pscustomobject]@{ Value = $list }
  } catch { $services = [pscustomobject]@{ Error = (Get-CimFailure $_) } }
  try {
    $systemDrive = [pscustomobject]@{ Value = (Get-CimInstance -ClassName Win32_OperatingSystem -OperationTimeoutSec 10 -ErrorAction Stop | Select-Object -First 1).SystemDrive }
  } catch { $systemDrive = [pscustomobject]@{ Error = (Get-CimFailure $_) } }
}
$defender = $null
try {
  $mp = @(Get-CimInstance -Namespace root\\Microsoft\\Windows\\Defender -ClassName MSFT_MpComputerStatus -OperationTimeoutSec 10 -ErrorAction Stop)
  $defender = [pscustomobject]@{ Value = $(if ($mp.Count -gt 0 -and $null -ne $mp[0].RealTimeProtectionEnabled) { [bool]$mp[0].RealTimeProtectionEnabled } else { $null }) }
} catch { $defender = [pscustomobject]@{ Error = (Get-CimFailure $_) } }
ConvertTo-Json -Compress -Depth 5 -InputObject ([pscustomobject]@{ Volumes = @($volumes); AssetTag = $tag; CacheAttributes = $cache; DfsrRoots = $dfsr;
  WindowsServerBackup = $wsb; Services = $services; SystemDrive = $systemDrive; Defender = $defender })
`;

export interface LogicalDisk {
  DeviceID: string;
  DriveType: number | null;
  FileSystem: string | null;
  Size: number | string | null;
  FreeSpace: number | string | null;
  VolumeName: string | null;
  ProviderName: string | null;
  Access: number | null;
  BitLocker?: number | null;
  DataLossReadme?: boolean | null;
}

export interface MachineFacts {
  volumes: VolumeFacts[] | null;
  assetTag: string | null;
  /** The cache folder's attribute bits, or the reason they could not be read. */
  cacheAttributes: number | string | null;
  /** Folders DFS Replication replicates ([] when it is not installed); null when that could not be read. */
  dfsrRoots: string[] | null;
  /** The CIM facts of contract v2's sections; null when PowerShell gave no answer (cimUnanswered says why). */
  cim: CimFacts | null;
  /** Why `cim` is null, in words; null when PowerShell answered. */
  cimUnanswered: string | null;
}

/**
 * How one CIM query failed, as PowerShell reported it: the HRESULT (unsigned; WBEM_E_* for WMI's own errors),
 * MI's NativeErrorCode (CIM status: 2 access denied, 3 invalid namespace, 5 invalid class) and the
 * exception's type name, each null where it had none.
 */
export interface CimError {
  hresult: number | null;
  nativeErrorCode: number | null;
  type: string | null;
}

/** A query's answer, or how it failed. */
export type CimAnswer<T> = { value: T } | { error: CimError };

export interface CimService {
  name: string;
  /** Win32_Service.StartMode: Boot, System, Auto, Manual, Disabled (fixed tokens, not localised). */
  startMode: string | null;
  /** Win32_Service.State: Running, Stopped, Start Pending, ... (fixed tokens, not localised). */
  state: string | null;
}

/** Each absent where it was not asked (not a server) or not reported (an older script's answer). */
export interface CimFacts {
  /** Win32_OptionalFeature WindowsServerBackup's InstallState; null: no such instance. */
  windowsServerBackup?: CimAnswer<number | null>;
  /** The instances of Win32_Service among RpcSs, EventSystem, SENS, VSS and SWPRV (a missing one: not installed). */
  services?: CimAnswer<CimService[]>;
  /** Win32_OperatingSystem.SystemDrive ("C:"). */
  systemDrive?: CimAnswer<string | null>;
  /** MSFT_MpComputerStatus.RealTimeProtectionEnabled; null: no instance, or no value. */
  defenderRealTimeProtection?: CimAnswer<boolean | null>;
}

/** WBEM_E_* HRESULTs (unsigned) and the CIM status codes MI reports as NativeErrorCode for the same failures. */
export const WBEM_E = { accessDenied: 0x80041003, invalidNamespace: 0x8004100e, invalidClass: 0x80041010 } as const;
export const CIM_STATUS = { accessDenied: 2, invalidNamespace: 3, invalidClass: 5 } as const;
/** E_ACCESSDENIED: DCOM's access denied, which WMI can answer too. */
const E_ACCESSDENIED = 0x80070005;

/** The namespace or the class does not exist (WBEM_E_INVALID_NAMESPACE, WBEM_E_INVALID_CLASS, or MI's codes for them). */
export function cimNotThere(error: CimError): boolean {
  return (
    error.hresult === WBEM_E.invalidNamespace ||
    error.hresult === WBEM_E.invalidClass ||
    error.nativeErrorCode === CIM_STATUS.invalidNamespace ||
    error.nativeErrorCode === CIM_STATUS.invalidClass
  );
}

export function cimAccessDenied(error: CimError): boolean {
  return error.hresult === WBEM_E.accessDenied || error.hresult === E_ACCESSDENIED || error.nativeErrorCode === CIM_STATUS.accessDenied;
}

/** A CIM failure in words for a note: its numbers, and what they mean where it is one of the known ones. */
export function describeCimError(error: CimError): string {
  const parts: string[] = [];
  if (error.hresult !== null) parts.push(`HRESULT 0x${error.hresult.toString(16).toUpperCase().padStart(8, '0')}`);
  if (error.nativeErrorCode !== null) parts.push(t('probes.cim.status', { code: String(error.nativeErrorCode) }));
  if (error.type) parts.push(error.type);
  const numbers = parts.length > 0 ? parts.join(', ') : t('probes.cim.noCode');
  if (cimAccessDenied(error)) return t('probes.cim.accessDenied', { codes: numbers });
  if (cimNotThere(error)) return t('probes.cim.notThere', { codes: numbers });
  return t('probes.cim.failed', { codes: numbers });
}

const DRIVE_TYPES: Record<number, DriveType> = { 2: 'removable', 3: 'fixed', 4: 'network', 5: 'optical', 6: 'ram' };

/** System.Volume.BitLockerProtection: 1 on, 3 encrypting, 4 decrypting, 5 suspended (all readable), 2 off, 6 locked. */
export function bitlockerOf(value: number | null | undefined): VolumeFacts['bitlocker'] {
  if (value === 2) return 'off';
  if (value === 6) return 'locked';
  if (value === 1 || value === 3 || value === 4 || value === 5) return 'unlocked';
  return 'unknown';
}

/** Win32_LogicalDisk as the profile describes a volume. */
export function volumeFromLogicalDisk(disk: LogicalDisk): VolumeFacts {
  const size = toNumber(disk.Size);
  return {
    id: disk.DeviceID.toUpperCase(),
    label: disk.VolumeName || null,
    fileSystem: disk.FileSystem || null,
    driveType: DRIVE_TYPES[disk.DriveType ?? 0] ?? 'unknown',
    sizeBytes: size,
    freeBytes: toNumber(disk.FreeSpace),
    // Access: 1 readable only, 2 writeable, 3 read/write, 4 write once; 0 or absent: not reported.
    readOnly: disk.Access === 1 ? true : disk.Access === 2 || disk.Access === 3 ? false : null,
    // A drive letter with no size is a card reader or an optical drive with no medium in it.
    online: size !== null,
    bitlocker: bitlockerOf(disk.BitLocker),
    deduplicated: null,
    azureTemporary: disk.DataLossReadme ?? null,
    remotePath: disk.DriveType === 4 ? disk.ProviderName || null : null,
  };
}

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(number) && number >= 0 ? number : null;
}

export function parseMachineFacts(text: string): MachineFacts {
  const parsed = JSON.parse(text) as {
    Volumes?: LogicalDisk[] | null;
    AssetTag?: string | null;
    CacheAttributes?: number | string | null;
    DfsrRoots?: string[] | string | null;
    WindowsServerBackup?: unknown;
    Services?: unknown;
    SystemDrive?: unknown;
    Defender?: unknown;
  };
  // ConvertTo-Json writes a one-element array as the element itself.
  const dfsr = parsed.DfsrRoots;
  const cim: CimFacts = {};
  const wsb = cimAnswer(parsed.WindowsServerBackup, (v) => (typeof v === 'number' && Number.isInteger(v) ? v : null));
  if (wsb) cim.windowsServerBackup = wsb;
  const services = cimAnswer(parsed.Services, servicesOf);
  if (services) cim.services = services;
  const systemDrive = cimAnswer(parsed.SystemDrive, (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null));
  if (systemDrive) cim.systemDrive = systemDrive;
  const defender = cimAnswer(parsed.Defender, (v) => (typeof v === 'boolean' ? v : null));
  if (defender) cim.defenderRealTimeProtection = defender;
  return {
    volumes: (parsed.Volumes ?? []).filter((d) => d && typeof d.DeviceID === 'string').map(volumeFromLogicalDisk),
    assetTag: typeof parsed.AssetTag === 'string' ? parsed.AssetTag.trim() : null,
    cacheAttributes: parsed.CacheAttributes ?? null,
    dfsrRoots: dfsr === null || dfsr === undefined ? null : (Array.isArray(dfsr) ? dfsr : [dfsr]).filter((r) => typeof r === 'string'),
    cim,
    cimUnanswered: null,
  };
}

/** `{ Value: ... }` or `{ Error: { HResult, NativeErrorCode, Type } }`; undefined for anything else (not asked). */
function cimAnswer<T>(raw: unknown, value: (v: unknown) => T): CimAnswer<T> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.Error === 'object' && record.Error !== null) return { error: cimErrorOf(record.Error as Record<string, unknown>) };
  if ('Value' in record) return { value: value(record.Value) };
  return undefined;
}

function cimErrorOf(raw: Record<string, unknown>): CimError {
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  const hresult = int(raw.HResult);
  return {
    // .NET's HResult is signed (-2147217405); MI's error_Code unsigned (2147749891): the same 0x80041003.
    hresult: hresult !== null && hresult >= -0x80000000 && hresult <= 0xffffffff && hresult !== 0 ? hresult >>> 0 : null,
    nativeErrorCode: int(raw.NativeErrorCode),
    type: typeof raw.Type === 'string' && raw.Type !== '' ? raw.Type : null,
  };
}

function servicesOf(raw: unknown): CimService[] {
  // A one-service answer may come as the object itself; no service at all as null.
  const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return list
    .filter(
      (s): s is Record<string, unknown> => typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>).Name === 'string',
    )
    .map((s) => ({ name: s.Name as string, startMode: text(s.StartMode), state: text(s.State) }));
}

/** `wmic logicaldisk get ... /format:csv`: UTF-16 or ANSI, CRLF, a blank first line, columns in alphabetical order. */
export function parseWmicCsv(text: string): VolumeFacts[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const header = (lines.shift()?.split(',') ?? []).map((h) => h.toLowerCase());
  return lines.map((line) => {
    const cells = line.split(',');
    return volumeFromWmicRow((name) => cells[header.indexOf(name.toLowerCase())]);
  });
}

/**
 * `wmic logicaldisk get ...` in its default table form: each column as wide as its widest cell, its header
 * starting where its cells start (so a label with spaces stays whole). Header names in any case: Wine
 * writes DeviceId where Windows writes DeviceID.
 */
export function parseWmicTable(text: string): VolumeFacts[] {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r+$/, ''))
    .filter((l) => l.trim() !== '');
  const headerLine = lines.shift() ?? '';
  const columns = [...headerLine.matchAll(/\S+/g)].map((m) => ({ name: m[0].toLowerCase(), start: m.index }));
  return lines.map((line) => {
    const cell = (name: string) => {
      const at = columns.findIndex((c) => c.name === name.toLowerCase());
      return at < 0 ? undefined : line.slice(columns[at]!.start, columns[at + 1]?.start ?? line.length).trim();
    };
    return volumeFromWmicRow(cell);
  });
}

function volumeFromWmicRow(cell: (name: string) => string | undefined): VolumeFacts {
  const get = (name: string) => {
    const value = cell(name);
    return value === undefined || value === '' ? null : value;
  };
  const number = (name: string) => (get(name) === null ? null : Number(get(name)));
  return volumeFromLogicalDisk({
    DeviceID: get('DeviceID') ?? '?',
    DriveType: number('DriveType'),
    FileSystem: get('FileSystem'),
    Size: get('Size'),
    FreeSpace: get('FreeSpace'),
    VolumeName: get('VolumeName'),
    ProviderName: get('ProviderName'),
    Access: number('Access'),
  });
}

const WMIC_ALL = 'Access,DeviceID,DriveType,FileSystem,FreeSpace,ProviderName,Size,VolumeName';
const WMIC_CORE = 'DeviceID,DriveType,FileSystem,FreeSpace,Size,VolumeName';

/**
 * The wmic fallback, tried in turn. CSV is the easiest to read. Its XSL file is missing on some localised
 * Windows installs, where the table form still answers. Wine's wmic (seen in the Wine tier) knows neither
 * the CSV format nor the Access and ProviderName properties, and fails the whole query for one of them.
 */
const WMIC_ATTEMPTS: { args: string[]; parse: (text: string) => VolumeFacts[]; lacksReadOnly?: boolean }[] = [
  { args: ['logicaldisk', 'get', WMIC_ALL, '/format:csv'], parse: parseWmicCsv },
  { args: ['logicaldisk', 'get', WMIC_ALL], parse: parseWmicTable },
  { args: ['logicaldisk', 'get', WMIC_CORE], parse: parseWmicTable, lacksReadOnly: true },
];

async function volumesFromWmic(run: CommandRunner, notes: ProbeNotes): Promise<VolumeFacts[] | null> {
  let firstFailure: string | null = null;
  for (const attempt of WMIC_ATTEMPTS) {
    const wmic = await run('wmic', attempt.args, { timeoutMs: 10_000 });
    if (!wmic.failure && wmic.exitCode === 0) {
      // Besides BitLocker states and the Azure temporary disk, the core form lacks read-only and network paths.
      notes.add('/volumes', t('probes.wmic.partial', { readOnly: attempt.lacksReadOnly ? 'lacking' : 'read' }));
      return attempt.parse(outputText(wmic.stdout));
    }
    firstFailure ??= wmic.failure ?? t('probes.command.exit', { code: String(wmic.exitCode) });
    if (wmic.failure) break; // missing or hung: asking again in another form will not help
  }
  notes.add('/volumes', t('probes.wmic.failed', { reason: firstFailure ?? '' }));
  return null;
}

export interface MachineFactsOptions {
  /** Ask also what System State backups need (Windows Server Backup, the services, the system drive): servers only. */
  systemState?: boolean;
}

export async function probeMachineFacts(
  run: CommandRunner,
  cachePath: string | null,
  notes: ProbeNotes,
  options: MachineFactsOptions = {},
): Promise<MachineFacts> {
  const env: Record<string, string> = {
    ...(cachePath ? { MARS_CACHE_PATH: cachePath } : {}),
    ...(options.systemState ? { MARS_SYSTEM_STATE: '1' } : {}),
  };
  // Each CIM query has 10 s of its own; the whole run gets longer now that it asks more.
  const result = await run('powershell.exe', powershellArgs(MACHINE_FACTS_SCRIPT), {
    timeoutMs: options.systemState ? 40_000 : 30_000,
    env,
  });
  let unanswered: string;
  if (!result.failure && result.exitCode === 0) {
    try {
      return parseMachineFacts(outputText(result.stdout));
    } catch (error) {
      unanswered = t('probes.machineFacts.answerUnreadable', { reason: (error as Error).message });
      notes.add('/volumes', t('probes.machineFacts.tryingWmic', { reason: unanswered }));
    }
  } else {
    const why = result.failure ?? outputText(result.stderr).trim().split('\n')[0];
    unanswered = t('probes.machineFacts.unanswered', { reason: why || t('probes.command.exit', { code: String(result.exitCode) }) });
    notes.add('/volumes', t('probes.machineFacts.volumesFailed', { reason: why ?? '' }));
  }
  return {
    volumes: await volumesFromWmic(run, notes),
    assetTag: null,
    cacheAttributes: null,
    dfsrRoots: null,
    cim: null,
    cimUnanswered: unanswered,
  };
}
