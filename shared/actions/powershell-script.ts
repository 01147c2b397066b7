// Any fix's plan as a Windows PowerShell 5.1 script, for administrators who would rather run it themselves
// (`fix --script`). It is made from the very plan the engine (electron/actions/fix-engine.ts) carries out:
// every precondition the plan lists is checked again, each by its own snippet from CHECKS (a Record over
// PRECONDITION_IDS, so none can be left without one), then the plan's own steps run in order, and any
// failure is undone as the engine undoes it. Where the engine compares a copy byte for byte, the script
// compares size and SHA-256 (what PowerShell does well). Unlike the engine it keeps no journal: it cannot
// recover from a power cut or a Ctrl+C, and says so in its header.
// Every path and every other piece of plan data is a single-quoted PowerShell literal (psLiteral),
// assigned once to a variable: no character in one can run as code, and the rest of the script refers to
// the variables only. Comments never hold a path.

import {
  ACTION_STEPS,
  ENGINE_SERVICE_NAME,
  PRECONDITION_IDS,
  registryChanges,
  stepWords,
  type FixPlan,
  type FixStepId,
  type PreconditionId,
} from './fix-plan.js';
import { CACHE_KEY_FILE } from './point-registry-plan.js';

/** A PowerShell single-quoted string: nothing inside is expanded; a quote is written twice. */
export function psLiteral(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** The wizard's journal of an interrupted fix (electron/actions/journal.ts), under %ProgramData%. */
export const JOURNAL_RELATIVE_PATH = 'MARS Readiness Wizard\\relocation-journal.json';
/** The robocopy options the engine copies with (electron/machine/windows/windows-machine.ts, robocopyArgs). */
export const ROBOCOPY_OPTIONS = ['/E', '/COPYALL', '/DCOPY:DAT', '/XJ', '/R:1', '/W:1', '/NP', '/NFL', '/NDL', '/NJH', '/NJS'] as const;
/** The marker each precondition's check opens with; a test holds the markers equal to the plan's list. */
export const PRECONDITION_MARKER = '# precondition: ';
/** The line that opens the steps, after the last check. */
export const STEPS_HEADING = '# ==== The steps ====';

/** Text made safe for a `#` comment: one line, no control characters. */
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters and line breaks are exactly what must not reach a comment
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** A literal, or $null for a value that is not set. */
const literalOrNull = (value: string | null) => (value === null ? '$null' : psLiteral(value));

/** A registry path as PowerShell's registry drive names it: HKLM\X becomes HKLM:\X. */
function registryDrivePath(key: string): string {
  if (!/^HKLM\\/.test(key)) throw new Error(`the plan changes a value outside HKLM (${key})`);
  return `HKLM:\\${key.slice('HKLM\\'.length)}`;
}

const TIMEOUT = "'00:01:00'";

/**
 * One check per precondition. Each throws a plain sentence when what the plan checked does not hold on
 * the machine now (or, where the machine cannot tell, warns and asks before going on). None parses
 * localised text: exit codes, CIM properties, registry values, error ids and .NET APIs only.
 */
const CHECKS: Record<PreconditionId, (plan: FixPlan) => string> = {
  'same-host': (plan) =>
    [
      plan.host === null ? '# The plan names no computer ($PlanHost is $null), so any computer passes.' : null,
      `if ($null -ne $PlanHost -and -not [string]::Equals($env:COMPUTERNAME, $PlanHost, [StringComparison]::OrdinalIgnoreCase)) {
  throw "This script was made for the computer $($PlanHost), but this is $($env:COMPUTERNAME): make the script again on this computer."
}`,
    ]
      .filter((line) => line !== null)
      .join('\n'),
  'agent-installed': () => `if (-not (Test-Path -LiteralPath $SetupKey)) {
  throw 'The Azure Backup (MARS) agent is not installed on this computer (its registry key HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup is missing): install it first.'
}`,
  'service-known': () => `$engineService = Get-Service -Name $EngineName -ErrorAction SilentlyContinue
if ($null -eq $engineService) {
  throw 'The backup engine service (obengine) is not installed: repair the agent first.'
}`,
  'no-recovery-pending': () => `if (Test-Path -LiteralPath $JournalFile) {
  $journal = $null
  try { $journal = Get-Content -LiteralPath $JournalFile -Raw -Encoding UTF8 | ConvertFrom-Json } catch { $journal = $null }
  if ($null -eq $journal -or $journal.state -ne 'closed') {
    throw "An interrupted fix of the wizard is recorded in $($JournalFile): finish or undo it first (mars-readiness fix resume), then run this again."
  }
}`,
  'no-backup-running': () => `# The agent's CloudBackup logs: the newest job event of both - a start (1) or an end (3 done, 10 with
# warnings, 11 with errors, 18 a scheduled backup that failed to start) - tells. Read by event id and error id,
# never by message; a log that is there but cannot be read leaves it unknown.
$backupUnknown = $null
$jobEvents = @()
foreach ($channel in @('CloudBackup', 'CloudBackup/Operational')) {
  $listErrors = $null
  if ($null -eq (Get-WinEvent -ListLog $channel -ErrorAction SilentlyContinue -ErrorVariable listErrors)) {
    $failed = @($listErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'NoMatchingLogsFound*' })
    if ($failed.Count -gt 0) { $backupUnknown = "the $($channel) event log could not be read ($($failed[0].Exception.Message))"; break }
    continue
  }
  $readErrors = $null
  $jobEvents += @(Get-WinEvent -FilterHashtable @{ LogName = $channel; Id = 1, 3, 10, 11, 18 } -MaxEvents 1 -ErrorAction SilentlyContinue -ErrorVariable readErrors)
  $failed = @($readErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*' })
  if ($failed.Count -gt 0) { $backupUnknown = "the $($channel) event log could not be read ($($failed[0].Exception.Message))"; break }
}
# With neither log there, or no job event in one, no job of the agent's runs (as the wizard reads it).
$newestJob = $jobEvents | Sort-Object -Property TimeCreated -Descending | Select-Object -First 1
if ($null -eq $backupUnknown -and $null -ne $newestJob -and $newestJob.Id -eq 1) {
  # A start with no end after it is a running job; one older than a day is not trusted either way (as the wizard does).
  if ($newestJob.TimeCreated -gt (Get-Date).AddDays(-1)) {
    throw "A backup is running now (it started $($newestJob.TimeCreated)): wait until it has finished, or stop it in the agent's console, then run this again."
  }
  $backupUnknown = "a backup started $($newestJob.TimeCreated), over a day ago, and the CloudBackup event log shows no end to it"
}
if ($null -ne $backupUnknown) {
  Write-Warning "Whether a backup is running now could not be told: $($backupUnknown). Look in the agent's console (Microsoft Azure Backup, Jobs) that none is running."
  $answer = Read-Host 'Is no backup running, so that this may go on? (y/N)'
  if ($answer -notmatch '^(y|yes)$') { throw 'Stopped before any change: a backup may be running.' }
}`,
  'no-offline-seeding': () => `# Nothing on the machine tells reliably whether an offline-seeding (Azure Import/Export or Data Box)
# initial backup is running, so the script cannot check it: it asks, and stops unless told none runs.
Write-Warning 'The cache must not move while an offline-seeding initial backup runs. Look in the agent''s console (Microsoft Azure Backup, Jobs) that none is running.'
$answer = Read-Host 'Is no offline-seeding initial backup running, so that this may go on? (y/N)'
if ($answer -notmatch '^(y|yes)$') { throw 'Stopped before any change: an offline-seeding backup may be running.' }`,
  'source-exists': () => `if (-not (Test-Path -LiteralPath $From -PathType Container)) {
  throw "The current cache folder $($From) does not exist, so there is nothing to copy: register the agent again instead."
}`,
  'source-holds-key': () => `if (-not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $CacheKeyFile)) -PathType Leaf)) {
  throw "$($To) does not hold $($CacheKeyFile), so it is not the agent's cache: nothing was changed. Check again with the wizard."
}`,
  'target-path-valid': () => `if ($To -notmatch '^[A-Za-z]:\\\\' -or $To.Length -gt 32000) {
  throw "$($To) is not a full local Windows path such as D:\\MARS\\Cache."
}
$toSegments = @($To.Substring(3).TrimEnd('\\').Split('\\'))
if ($toSegments.Count -eq 0 -or $toSegments[0] -eq '') { throw "$($To) is the root of a drive: name a folder on it." }
foreach ($segment in $toSegments) {
  if ($segment -eq '') { throw "$($To) has an empty folder name (two backslashes in a row)." }
  if ($segment -match '[<>:"|?*\\x00-\\x1f]') { throw "The folder name $($segment) holds a character Windows does not allow." }
  if ($segment -match '^(con|prn|aux|nul|com[0-9\\u00b9\\u00b2\\u00b3]|lpt[0-9\\u00b9\\u00b2\\u00b3])(\\..*)?$') { throw "$($segment) is a name Windows reserves for devices." }
  if ($segment -match '[ .]$') { throw "The folder name $($segment) ends with a space or a dot, which Windows does not keep." }
  if ($segment.Length -gt 255) { throw 'A folder name in the new path is longer than 255 characters.' }
}`,
  'target-not-system-folder': () => `$topFolder = $To.Substring(3).Split('\\')[0]
if (@('windows', '$recycle.bin', 'system volume information') -contains $topFolder) {
  throw "$($To) is in $($topFolder), a folder Windows keeps for itself: choose a folder of your own."
}`,
  'target-apart-from-source': () => `if ((Test-Within $To $From) -or (Test-Within $From $To)) {
  throw "$($To) and the current cache folder $($From) overlap (one lies inside the other, or they are the same folder): choose a folder beside the cache."
}`,
  'target-outside-selection': () => `foreach ($selectedItem in $Selected) {
  if (Test-Within $To $selectedItem) {
    throw "$($To) lies inside $($selectedItem), which is selected for backup: the agent fails when its cache folder is backed up. Choose a folder outside the data you back up."
  }
}`,
  'target-volume-local': () => `$targetVolume = Get-TargetVolume
if ([string]$targetVolume.DriveType -notin @('Fixed', '3')) {
  throw "The drive $($TargetDrive) is a $($targetVolume.DriveType) drive: the cache must be on a local, fixed disk."
}
# OperationalStatus is there from Windows Server 2016 on; older systems do not report it.
if ($null -ne $targetVolume.OperationalStatus -and [string]$targetVolume.OperationalStatus -notin @('OK', '2')) {
  throw "The drive $($TargetDrive) is not working normally (its status is $($targetVolume.OperationalStatus))."
}
$targetDisk = Get-CimInstance -ClassName Win32_LogicalDisk | Where-Object { $_.DeviceID -eq $TargetDrive }
if ($null -ne $targetDisk -and $targetDisk.Access -eq 1) { throw "The drive $($TargetDrive) is read-only." }
if (Test-Path -LiteralPath ($TargetDrive + '\\DATALOSS_WARNING_README.txt')) {
  throw "The drive $($TargetDrive) is this Azure VM's temporary disk, wiped when the VM is redeployed."
}`,
  'target-volume-ntfs': () => `$targetVolume = Get-TargetVolume
# FileSystem is the name on every version; FileSystemType (Windows Server 2016 on) says the same.
if (@([string]$targetVolume.FileSystem, [string]$targetVolume.FileSystemType) -notcontains 'NTFS') {
  throw "The drive $($TargetDrive) uses $($targetVolume.FileSystem); the cache needs NTFS."
}
if (Get-Command -Name Get-DedupVolume -ErrorAction SilentlyContinue) {
  if (Get-DedupVolume -Volume $TargetDrive -ErrorAction SilentlyContinue) { throw "The drive $($TargetDrive) is deduplicated, which the cache does not support." }
}`,
  'target-volume-qualifies': () => `# BitLocker, where its module is installed (servers without the feature have none, and nothing to lock).
if (Get-Command -Name Get-BitLockerVolume -ErrorAction SilentlyContinue) {
  $bitlocker = Get-BitLockerVolume -MountPoint $TargetDrive -ErrorAction SilentlyContinue
  if ($null -ne $bitlocker -and [string]$bitlocker.LockStatus -eq 'Locked') {
    throw "The drive $($TargetDrive) is locked by BitLocker: unlock it first."
  }
}`,
  'target-free-space': () => `$targetVolume = Get-TargetVolume
if ($targetVolume.SizeRemaining -lt $NeededBytes) {
  throw "The drive $($TargetDrive) has $($targetVolume.SizeRemaining) bytes free; the cache needs $($NeededBytes)."
}`,
  'target-no-link':
    () => `# Every part of the path that exists, from the drive down: a link, junction or mount point (a reparse point) sends the copy elsewhere.
$walked = $TargetDrive + '\\'
foreach ($segment in @($To.Substring(3).TrimEnd('\\').Split('\\'))) {
  $walked = [IO.Path]::Combine($walked, $segment)
  if (-not (Test-Path -LiteralPath $walked)) { break }
  if (([IO.File]::GetAttributes($walked) -band [IO.FileAttributes]::ReparsePoint) -ne 0) {
    throw "$($walked) is a link (a symbolic link, junction or mount point) to somewhere else: choose a path without links."
  }
}`,
  'target-new-or-empty':
    () => `if (Test-Path -LiteralPath $To -PathType Leaf) { throw "$($To) is a file, not a folder: choose a new or empty folder." }
if ((Test-Path -LiteralPath $To -PathType Container) -and $null -ne (Get-ChildItem -LiteralPath $To -Force | Select-Object -First 1)) {
  throw "The folder $($To) is not empty: choose a new or empty folder, so that nothing in it is mixed with the cache."
}
for ($above = [IO.Path]::GetDirectoryName($To); $above; $above = [IO.Path]::GetDirectoryName($above)) {
  if (Test-Path -LiteralPath $above -PathType Leaf) { throw "$($above) is a file, so no folder can be made inside it: choose another path." }
}`,
  'target-plain-folder': () => `# The target's own attributes, or those a new folder inherits from the nearest folder above it.
$nearest = $To
while ($nearest -and -not (Test-Path -LiteralPath $nearest -PathType Container)) { $nearest = [IO.Path]::GetDirectoryName($nearest) }
if ($nearest) {
  $attributes = [IO.File]::GetAttributes($nearest)
  $unwanted = @(foreach ($flag in @('Compressed', 'Encrypted', 'SparseFile')) { if (($attributes -band [IO.FileAttributes]$flag) -ne 0) { $flag } })
  if ($unwanted.Count -gt 0) {
    throw "$($nearest) is $($unwanted -join ', '), so the new folder would be too; the cache needs a plain folder."
  }
}`,
  'no-system-state-disks':
    () => `$systemStateDisks = @(Get-CimInstance -ClassName Win32_Volume -Property Label | Where-Object { $_.Label -like 'CBSSBVol_*' } | ForEach-Object { [string]$_.Label })
if ($systemStateDisks.Count -gt 0) {
  throw "The agent's System State disks $($systemStateDisks -join ', ') are mounted: unmount the CBSSBVol_<ID> disks in Disk Management first, then run this again."
}`,
  'service-stopped': () => `$engineStatus = [string](Get-Service -Name $EngineName).Status
if ($engineStatus -ne 'Stopped') {
  throw "The backup engine is not stopped (it is $($engineStatus)): there is nothing to start. Check again in a minute."
}`,
};

/** What each step does, in PowerShell (its title is said before it, by fixScript). */
const STEPS: Record<FixStepId, (plan: FixPlan) => string> = {
  'stop-service': () => `# Only a running engine is stopped, and only one this script stopped is started again if the fix is undone.
$engineService = Get-Service -Name $EngineName
# The service is asked to stop and waited for at most a minute (Stop-Service would wait for ever).
if ($engineService.Status -ne 'Stopped') {
  $StoppedEngine = $true
  if ($engineService.Status -ne 'StopPending') { $engineService.Stop() }
}
$engineService.WaitForStatus('Stopped', ${TIMEOUT})`,
  copy: () => `# What the copy writes, listed from the original before anything is made: the undo removes only this.
$CopyStarted = $true
$cacheTree = @(Get-CacheTree $From)
foreach ($entry in $cacheTree) { if (-not $entry.Folder) { $CopiedFiles.Add($entry.Path) } }
# The folders that do not exist yet: the target and any missing folder above it, then the cache's own.
$missingFolders = @()
for ($folder = $To; $folder -and -not (Test-Path -LiteralPath $folder); $folder = [IO.Path]::GetDirectoryName($folder)) { $missingFolders = @($folder) + $missingFolders }
if ($missingFolders.Count -eq 0 -and $null -ne (Get-ChildItem -LiteralPath $To -Force | Select-Object -First 1)) { throw "$($To) is no longer empty." }
foreach ($folder in $missingFolders) { $CreatedFolders.Add($folder) }
foreach ($entry in $cacheTree) {
  if ($entry.Folder -and -not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $entry.Path)))) { $CreatedFolders.Add([IO.Path]::Combine($To, $entry.Path)) }
}
foreach ($folder in $missingFolders) { [void][IO.Directory]::CreateDirectory($folder) }
# robocopy with the engine's options: permissions, owner, attributes and times; junctions left out.
$robocopySource = $From.TrimEnd('\\')
if ($robocopySource -match '^[A-Za-z]:$') { $robocopySource += '\\.' }
& $Robocopy $robocopySource $To ${ROBOCOPY_OPTIONS.join(' ')} | Out-Null
if ($LASTEXITCODE -ge 8) { throw "robocopy could not copy the cache (exit code $($LASTEXITCODE))." }`,
  verify: () => `# Every file the copy holds: there, the same length, the same SHA-256 as the original.
foreach ($relative in $CopiedFiles) {
  $original = [IO.Path]::Combine($From, $relative)
  $copy = [IO.Path]::Combine($To, $relative)
  if (-not (Test-Path -LiteralPath $copy -PathType Leaf)) { throw "$($copy) is missing from the copy." }
  if ((Get-Item -LiteralPath $copy -Force).Length -ne (Get-Item -LiteralPath $original -Force).Length) { throw "$($copy) differs in size from the original." }
  if ((Get-FileHash -LiteralPath $copy -Algorithm SHA256).Hash -ne (Get-FileHash -LiteralPath $original -Algorithm SHA256).Hash) { throw "$($copy) differs in content from the original." }
}
Write-Host "All $($CopiedFiles.Count) files match the original."`,
  'set-registry': () => `$RegistryChanged = $true
foreach ($change in $Registry) {
  Set-ItemProperty -LiteralPath $change.Key -Name $change.Name -Value $change.After -Type String
}
foreach ($change in $Registry) {
  $readBack = Get-RegistryText $change.Key $change.Name
  if ($readBack -ne $change.After) { throw "$($change.Key)\\$($change.Name) did not keep the new value (it reads $($readBack))." }
}`,
  'start-service': () => `# Asked to start and waited for at most a minute (Start-Service would wait for ever).
$engineService = Get-Service -Name $EngineName
if ($engineService.Status -eq 'StopPending') { $engineService.WaitForStatus('Stopped', ${TIMEOUT}) }
if ($engineService.Status -eq 'Stopped') { $engineService.Start() }
$engineService.WaitForStatus('Running', ${TIMEOUT})`,
  reprobe: (plan) =>
    [
      `# A service that fails on start runs for a moment: look again a few seconds later.
Start-Sleep -Seconds 5
$afterwards = @()
if ((Get-Service -Name $EngineName).Status -ne 'Running') { $afterwards += 'the backup engine is not running' }`,
      plan.to === null
        ? null
        : `foreach ($change in $Registry) {
  if ((Get-RegistryText $change.Key $change.Name) -ne $To) { $afterwards += "$($change.Key)\\$($change.Name) does not name $($To)" }
}
${
  plan.steps.some((s) => s.id === 'copy')
    ? `if ($CopiedFiles.Count -gt 0 -and -not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $CopiedFiles[0])) -PathType Leaf)) { $afterwards += "$($To) does not hold the cache" }`
    : `if (-not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $CacheKeyFile)) -PathType Leaf)) { $afterwards += "$($To) does not hold the cache" }`
}`,
      `if ($afterwards.Count -gt 0) { throw ('Afterwards, ' + ($afterwards -join '; ') + '.') }`,
    ]
      .filter((part) => part !== null)
      .join('\n'),
};

/** Helper functions, each emitted only when a check or step uses it. */
const HELPERS = {
  paths: `function Get-FullFolderPath([string]$Path) {
  # The path made absolute ('.' and '..' resolved), ending in one backslash, for comparisons.
  if ($Path -match '^[A-Za-z]:$') { $Path += '\\' }
  return ([IO.Path]::GetFullPath($Path).TrimEnd('\\') + '\\')
}
function Test-Within([string]$Path, [string]$Folder) {
  # $Path is $Folder itself or lies below it, compared case-insensitively as full paths.
  return (Get-FullFolderPath $Path).StartsWith((Get-FullFolderPath $Folder), [StringComparison]::OrdinalIgnoreCase)
}`,
  volume: `$TargetVolumeRead = $null
function Get-TargetVolume {
  # The volume of the target's drive, read once.
  if ($null -eq $script:TargetVolumeRead) {
    try { $script:TargetVolumeRead = Get-Volume -DriveLetter $TargetDrive[0] } catch { throw "The drive $($TargetDrive) is not on this computer." }
  }
  return $script:TargetVolumeRead
}`,
  registry: `function Get-RegistryText([string]$Key, [string]$Name) {
  # A registry value as text; $null when it is not set.
  $item = Get-ItemProperty -LiteralPath $Key -Name $Name -ErrorAction SilentlyContinue
  if ($null -eq $item) { return $null }
  return [string]$item.$Name
}`,
  tree: `function Get-CacheTree([string]$Root) {
  # Every file and folder below $Root, as paths relative to it; a link inside the cache stops the script,
  # which copies only plain files and folders (the wizard copies links too: use it for such a cache).
  $pending = New-Object System.Collections.Generic.Stack[string]
  $pending.Push('')
  while ($pending.Count -gt 0) {
    $relative = $pending.Pop()
    foreach ($item in @(Get-ChildItem -LiteralPath ([IO.Path]::Combine($Root, $relative)) -Force)) {
      $path = if ($relative) { [IO.Path]::Combine($relative, $item.Name) } else { $item.Name }
      if (($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0) {
        throw "$([IO.Path]::Combine($Root, $path)) is a link; this script copies no links: use the wizard for this cache."
      }
      [pscustomobject]@{ Path = $path; Folder = [bool]$item.PSIsContainer }
      if ($item.PSIsContainer) { $pending.Push($path) }
    }
  }
}`,
} as const;

/** The undo, as the engine does it, for the steps this plan has. */
function undoFunction(plan: FixPlan): string {
  const has = (step: FixStepId) => plan.steps.some((s) => s.id === step);
  const parts: string[] = [];
  const changed = [has('set-registry') ? '$RegistryChanged' : null, has('copy') ? '$CopyStarted' : null].filter((v) => v !== null);
  if (changed.length > 0)
    parts.push(`  # The engine may be running on the new values: stop it before the registry or the copy is touched.
  if (${changed.join(' -or ')}) {
    $engineService = Get-Service -Name $EngineName
    if ($engineService.Status -ne 'Stopped') {
      if ($engineService.Status -ne 'StopPending') { $engineService.Stop() }
      $engineService.WaitForStatus('Stopped', ${TIMEOUT})
    }
  }`);
  if (has('set-registry'))
    parts.push(`  if ($RegistryChanged) {
    Write-Host 'Restoring both registry values to what they were...'
    foreach ($change in $Registry) {
      if ($null -eq $change.Before) { Remove-ItemProperty -LiteralPath $change.Key -Name $change.Name -ErrorAction SilentlyContinue }
      else { Set-ItemProperty -LiteralPath $change.Key -Name $change.Name -Value $change.Before -Type String }
    }
    foreach ($change in $Registry) {
      if ((Get-RegistryText $change.Key $change.Name) -cne $change.Before) {
        throw "$($change.Key)\\$($change.Name) could not be restored: set it back to $($change.Before) by hand (not set: delete the value); the backup engine stays stopped."
      }
    }
  }`);
  if (has('copy'))
    parts.push(`  if ($CopyStarted) {
    Write-Host 'Removing the copy: only the files this script copied, and only the folders it created...'
    $leftInPlace = New-Object System.Collections.Generic.List[string]
    foreach ($relative in @($CopiedFiles | Sort-Object -Property Length -Descending)) {
      $copy = [IO.Path]::Combine($To, $relative)
      $original = [IO.Path]::Combine($From, $relative)
      if (-not (Test-Path -LiteralPath $copy -PathType Leaf)) { continue }
      # A copy is deleted only when its SHA-256 is the original's: nothing the original does not hold is lost.
      $sameHash = $false
      try { $sameHash = (Test-Path -LiteralPath $original -PathType Leaf) -and (Get-FileHash -LiteralPath $copy -Algorithm SHA256).Hash -eq (Get-FileHash -LiteralPath $original -Algorithm SHA256).Hash } catch { $sameHash = $false }
      if ($sameHash) {
        try { Remove-Item -LiteralPath $copy -Force } catch { $leftInPlace.Add($copy) }
      } else { $leftInPlace.Add($copy) }
    }
    # Only folders recorded as created by this script (they did not exist before), deepest first, and only when empty.
    foreach ($createdFolder in @($CreatedFolders | Sort-Object -Property Length -Descending)) {
      if (-not (Test-Path -LiteralPath $createdFolder -PathType Container)) { continue }
      if ($null -eq (Get-ChildItem -LiteralPath $createdFolder -Force | Select-Object -First 1)) {
        try { Remove-Item -LiteralPath $createdFolder -Force } catch { $leftInPlace.Add($createdFolder) }
      } else { $leftInPlace.Add($createdFolder) }
    }
    if ($leftInPlace.Count -gt 0) { Write-Warning ('Left in place, not proven to be what this script copied: ' + ($leftInPlace -join '; ')) }
  }`);
  if (has('stop-service'))
    parts.push(`  $engineService = Get-Service -Name $EngineName
  if ($StoppedEngine -and $engineService.Status -ne 'Running') {
    Write-Host 'Starting the backup engine again, as it was running before...'
    if ($engineService.Status -eq 'Stopped') { $engineService.Start() }
    $engineService.WaitForStatus('Running', ${TIMEOUT})
  }`);
  const body =
    parts.length > 0
      ? parts.join('\n')
      : `  # Nothing this fix does needs undoing: if the engine did not start, it stays as it was.
  Write-Host 'Nothing was changed that needs undoing.'`;
  return `function Undo-Fix {\n${body}\n}`;
}

const WHAT: Record<FixPlan['action'], string> = {
  'relocate-cache': "Moves the Azure Backup (MARS) agent's cache folder ($From) to a new folder ($To), and points the agent at it.",
  'point-registry': "Points both of the MARS agent's cache registry values at the folder that holds the cache ($To).",
  'start-engine': 'Starts the backup engine service (obengine) of the Azure Backup (MARS) agent.',
};
const UNDO: Record<FixPlan['action'], string> = {
  'relocate-cache':
    'On any failure it puts everything back: both registry values, the copy removed (only files it copied whose SHA-256 equals the original, only folders it created), and the engine started again if it stopped it. The original cache is never changed.',
  'point-registry': 'On any failure it puts back both registry values, and starts the engine again if it stopped it.',
  'start-engine': 'It changes nothing else, so there is nothing to undo if the engine does not start.',
};

const DONE: Record<FixPlan['action'], string> = {
  'relocate-cache': 'Done: the agent uses the new folder. Run a backup now; delete the old cache folder only after it succeeds.',
  'point-registry': 'Done: both registry values name the folder that holds the cache, and the backup engine runs.',
  'start-engine': 'Done: the backup engine runs.',
};

/** The plan's steps, checked against its action's: in order, each once (a script is never made from a plan the engine would not run). */
function checkedSteps(plan: FixPlan): FixStepId[] {
  const allowed = ACTION_STEPS[plan.action];
  const ids = plan.steps.map((s) => s.id);
  let last = -1;
  for (const id of ids) {
    const at = allowed.indexOf(id);
    if (at <= last) throw new Error(`the plan's steps (${ids.join(', ')}) are not among ${plan.action}'s, in order, each once`);
    last = at;
  }
  const needsFolders = ids.some((id) => id === 'copy' || id === 'verify' || id === 'set-registry');
  if (needsFolders && (plan.from === null || plan.to === null)) throw new Error(`the plan for ${plan.action} names no folder`);
  if (ids.includes('copy') && !ids.includes('verify')) throw new Error('the plan copies the cache without verifying the copy');
  const expected = plan.to === null || !ids.includes('set-registry') ? [] : registryChanges(plan.previous, plan.to);
  if (JSON.stringify(plan.registry) !== JSON.stringify(expected))
    throw new Error("the plan's registry changes are not both ScratchLocation values set to its folder");
  if (!Number.isSafeInteger(plan.neededBytes) || plan.neededBytes < 0) throw new Error('the plan needs an impossible number of bytes');
  return ids;
}

/** The script for any fix's plan. */
export function fixScript(plan: FixPlan): string {
  const steps = checkedSteps(plan);
  const ids = plan.preconditions.map((p) => p.id);
  for (const id of ids) if (!PRECONDITION_IDS.includes(id)) throw new Error(`the plan lists an unknown precondition, ${String(id)}`);
  if (new Set(ids).size !== ids.length) throw new Error('the plan lists a precondition twice');
  const uses = (...wanted: PreconditionId[]) => ids.some((id) => wanted.includes(id));
  const hasStep = (step: FixStepId) => steps.includes(step);
  const changes = hasStep('set-registry') || hasStep('copy');

  const safeHost = plan.host !== null && /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(plan.host) ? plan.host : null;
  const machine =
    plan.host === null
      ? '# Machine: any (the plan names none).'
      : `# Machine: ${safeHost ?? 'the computer named in $PlanHost below'} - the script refuses to run on any other.`;
  const titles = steps.map((id, i) => `${i + 1}. ${comment(stepWords(plan, id))}`).join('; ');
  const header = [
    '#Requires -RunAsAdministrator',
    `# MARS Readiness Wizard: fix ${plan.action}, made from the same plan the wizard carries out.`,
    machine,
    `# What it does: ${WHAT[plan.action]}`,
    `# First it checks again the ${ids.length} things the wizard checked (each below its "# precondition:" line), changing nothing`,
    `# until all hold; then: ${titles}.`,
    `# ${UNDO[plan.action]}`,
    changes
      ? `# It keeps no record on disk: if it is interrupted (Ctrl+C, a power cut), nothing is undone: put back by hand what it\n# printed it had done (it prints the registry values it found first${hasStep('copy') ? '; the original cache is untouched' : ''}).`
      : null,
    '# Every path is a single-quoted literal set once below: nothing in one is ever run as code. Run it in an elevated',
    '# Windows PowerShell 5.1; save it as UTF-8 with BOM, which Windows PowerShell needs to read any non-English letter.',
    "$ErrorActionPreference = 'Stop'",
  ].filter((line) => line !== null);

  const registryTable = `$Registry = @(\n${plan.registry
    .map(
      (change) =>
        `  [pscustomobject]@{ Key = ${psLiteral(registryDrivePath(change.key))}; Name = ${psLiteral(change.name)}; Before = ${literalOrNull(change.before)}; After = ${psLiteral(change.after)} }`,
    )
    .join(',\n')}\n)`;
  const selected =
    plan.selectedPaths.length === 0
      ? '$Selected = @()'
      : `$Selected = @(\n${plan.selectedPaths.map((p) => `  ${psLiteral(p)}`).join(',\n')}\n)`;
  const folders = plan.from !== null || plan.to !== null;
  const data = [
    '# ==== What the plan says ====',
    `$PlanHost = ${literalOrNull(plan.host)}`,
    `$EngineName = ${psLiteral(ENGINE_SERVICE_NAME)}`,
    folders ? '# The folder that holds the cache now, and the folder both registry values name once the fix is done.' : null,
    folders ? `$From = ${literalOrNull(plan.from)}` : null,
    folders ? `$To = ${literalOrNull(plan.to)}` : null,
    folders ? '$TargetDrive = $null' : null,
    folders ? "if ($null -ne $To -and $To -match '^[A-Za-z]:') { $TargetDrive = $To.Substring(0, 2).ToUpperInvariant() }" : null,
    plan.registry.length > 0
      ? '# The registry values the fix sets: Before is restored if the fix is undone ($null: the value was not set).'
      : null,
    plan.registry.length > 0 ? registryTable : null,
    uses('target-outside-selection') ? '# The items selected for backup, which the new folder must lie outside.' : null,
    uses('target-outside-selection') ? selected : null,
    uses('target-free-space') ? `$NeededBytes = [long]${plan.neededBytes}` : null,
    uses('agent-installed') ? "$SetupKey = 'HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup'" : null,
    uses('source-holds-key') || (plan.to !== null && hasStep('reprobe') && !hasStep('copy'))
      ? `$CacheKeyFile = ${psLiteral(CACHE_KEY_FILE)}`
      : null,
    uses('no-recovery-pending') ? `$JournalFile = [IO.Path]::Combine($env:ProgramData, ${psLiteral(JOURNAL_RELATIVE_PATH)})` : null,
    hasStep('copy') ? "$Robocopy = [IO.Path]::Combine($env:SystemRoot, 'System32\\robocopy.exe')" : null,
    changes || hasStep('stop-service') ? '# What this script has done so far, for the undo.' : null,
    hasStep('stop-service') ? '$StoppedEngine = $false' : null,
    hasStep('set-registry') ? '$RegistryChanged = $false' : null,
    hasStep('copy') ? '$CopyStarted = $false' : null,
    hasStep('copy') ? '$CopiedFiles = New-Object System.Collections.Generic.List[string]' : null,
    hasStep('copy') ? '$CreatedFolders = New-Object System.Collections.Generic.List[string]' : null,
  ].filter((line) => line !== null);

  const helpers = [
    uses('target-apart-from-source', 'target-outside-selection') ? HELPERS.paths : null,
    uses('target-volume-local', 'target-volume-ntfs', 'target-free-space') ? HELPERS.volume : null,
    plan.registry.length > 0 ? HELPERS.registry : null,
    hasStep('copy') ? HELPERS.tree : null,
  ].filter((h) => h !== null);

  const checks = plan.preconditions.map(({ id, says }) => `${PRECONDITION_MARKER}${id}\n# ${comment(says)}\n${CHECKS[id](plan)}`);

  const stepBlocks = steps.map(
    (id, i) => `Write-Host ${psLiteral(`Step ${i + 1} of ${steps.length}: ${stepWords(plan, id)}...`)}\n${STEPS[id](plan)}`,
  );
  const undoes = hasStep('stop-service') || changes;
  const run = [
    STEPS_HEADING,
    plan.registry.length > 0
      ? `Write-Host 'The registry values now (put back if anything fails):'\nforeach ($change in $Registry) { Write-Host "  $($change.Key)\\$($change.Name) = $(if ($null -eq $change.Before) { '(not set)' } else { $change.Before })" }`
      : null,
    'try {',
    indent(stepBlocks.join('\n\n')),
    `  Write-Host ${psLiteral(DONE[plan.action])}`,
    '} catch {',
    '  $failure = $_',
    '  Write-Warning "The fix failed: $($failure.Exception.Message)"',
    undoes ? "  Write-Host 'Putting everything back...'" : null,
    '  Undo-Fix',
    undoes ? "  Write-Host 'Everything this script changed was put back.'" : null,
    '  throw $failure',
    '}',
  ].filter((line) => line !== null);

  const body = [
    data.join('\n'),
    ...helpers,
    undoFunction(plan),
    '# ==== The checks: nothing is changed until every one holds ====',
    ...checks,
    run.join('\n'),
  ].join('\n\n');
  // Windows PowerShell reads a file without a BOM in the ANSI code page, which turns a non-English letter in
  // a path into others: a script with any such letter first proves it was read as written.
  // eslint-disable-next-line no-control-regex -- ASCII is exactly what needs no check
  const encodingCheck = /[^\u0000-\u007f]/.test(body)
    ? [
        '# The next line holds two non-English letters: if they were not read as written, neither were the paths.',
        "$EncodingProbe = '\u00fc\u30ad'",
        'if ($EncodingProbe.Length -ne 2 -or [int]$EncodingProbe[0] -ne 0xFC -or [int]$EncodingProbe[1] -ne 0x30AD) {',
        "  throw 'This script was saved or read in the wrong text encoding, so the folder names in it are wrong: save it as UTF-8 with BOM and run it again.'",
        '}',
      ]
    : [];
  return `${[...header, ...encodingCheck].join('\n')}\n\n${body}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
