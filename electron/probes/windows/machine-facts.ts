// Volumes, the SMBIOS asset tag and the cache folder's attributes in one Windows PowerShell run (its
// start-up is the slow part, so it happens once). CIM queries rather than wmic, which Windows 11 24H2 and
// Server 2025 no longer have; wmic remains the fallback where PowerShell fails. Inputs reach the script
// through environment variables, never spliced into its code, so no path can break its quoting.

import type { DriveType, VolumeFacts } from '../../../shared/profile/types.js';
import { outputText, type CommandRunner } from '../command-runner.js';
import type { ProbeNotes } from '../notes.js';
import { powershellArgs } from './powershell.js';

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
# DFS Replication's replicated folders; no such namespace means the role is not installed: none.
$dfsr = @()
try { $dfsr = @(Get-CimInstance -Namespace root\\microsoftdfs -ClassName DfsrReplicatedFolderInfo -OperationTimeoutSec 10 -ErrorAction Stop | ForEach-Object { $_.RootPath }) }
catch { if ($_.Exception.Message -notmatch 'Invalid namespace|0x8004100e') { $dfsr = $null } }
ConvertTo-Json -Compress -Depth 4 -InputObject ([pscustomobject]@{ Volumes = @($volumes); AssetTag = $tag; CacheAttributes = $cache; DfsrRoots = $dfsr })
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
  };
  // ConvertTo-Json writes a one-element array as the element itself.
  const dfsr = parsed.DfsrRoots;
  return {
    volumes: (parsed.Volumes ?? []).filter((d) => d && typeof d.DeviceID === 'string').map(volumeFromLogicalDisk),
    assetTag: typeof parsed.AssetTag === 'string' ? parsed.AssetTag.trim() : null,
    cacheAttributes: parsed.CacheAttributes ?? null,
    dfsrRoots: dfsr === null || dfsr === undefined ? null : (Array.isArray(dfsr) ? dfsr : [dfsr]).filter((r) => typeof r === 'string'),
  };
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
const WMIC_ATTEMPTS: { args: string[]; parse: (text: string) => VolumeFacts[]; lacks?: string }[] = [
  { args: ['logicaldisk', 'get', WMIC_ALL, '/format:csv'], parse: parseWmicCsv },
  { args: ['logicaldisk', 'get', WMIC_ALL], parse: parseWmicTable },
  { args: ['logicaldisk', 'get', WMIC_CORE], parse: parseWmicTable, lacks: 'whether a volume is read-only, and network paths' },
];

async function volumesFromWmic(run: CommandRunner, notes: ProbeNotes): Promise<VolumeFacts[] | null> {
  let firstFailure: string | null = null;
  for (const attempt of WMIC_ATTEMPTS) {
    const wmic = await run('wmic', attempt.args, { timeoutMs: 10_000 });
    if (!wmic.failure && wmic.exitCode === 0) {
      const lacking = ['BitLocker states', 'the Azure temporary disk', ...(attempt.lacks ? [attempt.lacks] : [])];
      notes.add('/volumes', `${lacking.join(', ')} were not read (wmic could not tell them)`);
      return attempt.parse(outputText(wmic.stdout));
    }
    firstFailure ??= wmic.failure ?? `exit ${wmic.exitCode}`;
    if (wmic.failure) break; // missing or hung: asking again in another form will not help
  }
  notes.add('/volumes', `wmic could not list the volumes either (${firstFailure})`);
  return null;
}

export async function probeMachineFacts(run: CommandRunner, cachePath: string | null, notes: ProbeNotes): Promise<MachineFacts> {
  const env: Record<string, string> = cachePath ? { MARS_CACHE_PATH: cachePath } : {};
  const result = await run('powershell.exe', powershellArgs(MACHINE_FACTS_SCRIPT), {
    timeoutMs: 20_000,
    env,
  });
  if (!result.failure && result.exitCode === 0) {
    try {
      return parseMachineFacts(outputText(result.stdout));
    } catch (error) {
      notes.add('/volumes', `PowerShell's answer could not be read (${(error as Error).message}); trying wmic`);
    }
  } else {
    notes.add(
      '/volumes',
      `PowerShell could not list the volumes (${result.failure ?? outputText(result.stderr).trim().split('\n')[0]}); trying wmic`,
    );
  }
  return { volumes: await volumesFromWmic(run, notes), assetTag: null, cacheAttributes: null, dfsrRoots: null };
}
