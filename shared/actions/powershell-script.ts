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
// The script speaks the run's language throughout (the catalogue's script area): every comment through
// note(), every message it prints through said(), which makes it single-quoted literals of the words joined
// with + to the script's own values, so that no character of a translation is ever read as code either.

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
import type { MessageId } from '../i18n/catalogue/en/index.js';
import type { Arg } from '../i18n/message.js';
import { t } from '../i18n/translate.js';

/** A PowerShell single-quoted string: nothing inside is expanded; a quote is written twice. */
export function psLiteral(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** The wizard's journal of an interrupted fix (electron/actions/journal.ts), under %ProgramData%. */
export const JOURNAL_RELATIVE_PATH = 'MARS Readiness Wizard\\relocation-journal.json';
/** The robocopy options the engine copies with (electron/machine/windows/windows-machine.ts, robocopyArgs). */
export const ROBOCOPY_OPTIONS = ['/E', '/COPYALL', '/DCOPY:DAT', '/XJ', '/R:1', '/W:1', '/NP', '/NFL', '/NDL', '/NJH', '/NJS'] as const;
/**
 * The marker each precondition's check opens with; a test holds the markers equal to the plan's list. It
 * names the precondition's id, the same in every language (its words follow on the next line).
 */
export const PRECONDITION_MARKER = '# precondition: ';
/** The line that opens the steps, after the last check, in the current language. */
export function stepsHeading(): string {
  return heading('script.steps.heading');
}

/** Text made safe for a `#` comment: one line, no control characters. */
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters and line breaks are exactly what must not reach a comment
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** How long a comment line grows before it is broken at a space (a language without spaces keeps one line). */
const COMMENT_WIDTH = 110;

/**
 * A catalogue message as a comment: `# ` and its words, made safe, broken at spaces into lines of about
 * COMMENT_WIDTH; `indent` is what each line after the first starts with (the first is placed by the caller).
 */
function note(id: MessageId, args?: Record<string, Arg>, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of comment(t(id, args)).split(/ +/)) {
    if (line !== '' && line.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => `# ${l}`).join(`\n${indent}`);
}

/** A section's heading comment. */
function heading(id: MessageId): string {
  return `# ==== ${comment(t(id))} ====`;
}

// Marks where an argument's value goes in a message, so that the words around it can be quoted apart from it.
const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * A message the script says as it runs, as a PowerShell expression: the catalogue's words in the current
 * language as single-quoted literals (psLiteral), and each of `values` (an ICU argument's name to a
 * PowerShell expression of the script's own, such as `$To`) as that expression made text, joined with +.
 * `args` are the message's other arguments, fixed when the script is made (and quoted with the words).
 * A message with no values is one literal.
 */
function said(id: MessageId, values: Record<string, string> = {}, args: Record<string, Arg> = {}): string {
  const names = Object.keys(values);
  const marks = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  const pieces = t(id, { ...args, ...marks }).split(new RegExp(`${OPEN}(\\d+)${CLOSE}`));
  const parts: string[] = [];
  const used = new Set<string>();
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece !== '') parts.push(psLiteral(piece));
    } else {
      const name = names[Number(piece)]!;
      used.add(name);
      parts.push(`[string](${values[name]})`);
    }
  });
  if (used.size !== names.length) throw new Error(`the message ${id} does not say all of ${names.join(', ')}`);
  if (parts.length === 0) return "''";
  return names.length === 0 ? parts[0]! : `(${parts.join(' + ')})`;
}

/**
 * Text the script says even when it was read in the wrong encoding: ASCII as a literal; any other as the
 * UTF-16 code units it is made of, which survive any code page.
 */
function encodingProof(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII is exactly what needs no proof
  if (!/[^\u0000-\u007f]/.test(text)) return psLiteral(text);
  const units = [...text].flatMap((c) => [...Array(c.length).keys()].map((i) => c.charCodeAt(i)));
  return `(-join [char[]]@(${units.map((u) => `0x${u.toString(16).toUpperCase()}`).join(', ')}))`;
}

/**
 * The answers a question takes as yes, lower case: y or yes (so that a `yes |` keeps working) and the
 * language's own words for it (script.ask.yesWords). The script's prompts and the CLI's take the same.
 */
export function yesAnswers(): string[] {
  return [
    ...new Set([
      'y',
      'yes',
      ...t('script.ask.yesWords')
        .split(/[\s,|/]+/)
        .filter((w) => w !== '')
        .map((w) => w.toLowerCase()),
    ]),
  ];
}

/** The yes the prompts take, as a PowerShell regex literal (in any case, as -notmatch compares). */
function yesPattern(): string {
  const words = yesAnswers();
  const escaped = words.map((w) => w.toLowerCase().replace(/[\\^$.|?*+()[\]{}#\s]/g, (c) => `\\${c}`));
  return psLiteral(`^(${escaped.join('|')})$`);
}

/** A question that stops the script unless answered yes, and what it throws then. */
function asked(question: MessageId, stopped: MessageId): string {
  return `$answer = Read-Host ${psLiteral(`${t(question)} ${t('script.ask.hint')}`)}
if ($answer -notmatch ${yesPattern()}) { throw ${said(stopped)} }`;
}

/** A literal, or $null for a value that is not set. */
const literalOrNull = (value: string | null) => (value === null ? '$null' : psLiteral(value));

/** A registry path as PowerShell's registry drive names it: HKLM\X becomes HKLM:\X. */
function registryDrivePath(key: string): string {
  if (!/^HKLM\\/.test(key)) throw new Error(`the plan changes a value outside HKLM (${key})`);
  return `HKLM:\\${key.slice('HKLM\\'.length)}`;
}

/** A registry value as the script names it in a message: its key and name. */
const VALUE = "$change.Key + '\\' + $change.Name";

const TIMEOUT = "'00:01:00'";

/**
 * One check per precondition. Each throws a plain sentence when what the plan checked does not hold on
 * the machine now (or, where the machine cannot tell, warns and asks before going on). None parses
 * localised text: exit codes, CIM properties, registry values, error ids and .NET APIs only.
 */
const CHECKS: Record<PreconditionId, (plan: FixPlan) => string> = {
  'same-host': (plan) =>
    [
      plan.host === null ? note('script.check.noHost') : null,
      `if ($null -ne $PlanHost -and -not [string]::Equals($env:COMPUTERNAME, $PlanHost, [StringComparison]::OrdinalIgnoreCase)) {
  throw ${said('script.check.otherHost', { planned: '$PlanHost', actual: '$env:COMPUTERNAME' })}
}`,
    ]
      .filter((line) => line !== null)
      .join('\n'),
  'agent-installed': () => `if (-not (Test-Path -LiteralPath $SetupKey)) {
  throw ${said('script.check.noAgent')}
}`,
  'service-known': () => `$engineService = Get-Service -Name $EngineName -ErrorAction SilentlyContinue
if ($null -eq $engineService) {
  throw ${said('script.check.noService', {}, { service: ENGINE_SERVICE_NAME })}
}`,
  'no-recovery-pending': () => `if (Test-Path -LiteralPath $JournalFile) {
  $journal = $null
  try { $journal = Get-Content -LiteralPath $JournalFile -Raw -Encoding UTF8 | ConvertFrom-Json } catch { $journal = $null }
  if ($null -eq $journal -or $journal.state -ne 'closed') {
    throw ${said('script.check.recoveryPending', { file: '$JournalFile' })}
  }
}`,
  'no-backup-running': () => {
    const unreadable = said('script.check.logUnreadable', { channel: '$channel', error: '$failed[0].Exception.Message' });
    return `${note('script.check.backupLogs')}
$backupUnknown = $null
$jobEvents = @()
foreach ($channel in @('CloudBackup', 'CloudBackup/Operational')) {
  $listErrors = $null
  if ($null -eq (Get-WinEvent -ListLog $channel -ErrorAction SilentlyContinue -ErrorVariable listErrors)) {
    $failed = @($listErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'NoMatchingLogsFound*' })
    if ($failed.Count -gt 0) { $backupUnknown = ${unreadable}; break }
    continue
  }
  $readErrors = $null
  $jobEvents += @(Get-WinEvent -FilterHashtable @{ LogName = $channel; Id = 1, 3, 10, 11, 18 } -MaxEvents 1 -ErrorAction SilentlyContinue -ErrorVariable readErrors)
  $failed = @($readErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*' })
  if ($failed.Count -gt 0) { $backupUnknown = ${unreadable}; break }
}
${note('script.check.noJobEvent')}
$newestJob = $jobEvents | Sort-Object -Property TimeCreated -Descending | Select-Object -First 1
if ($null -eq $backupUnknown -and $null -ne $newestJob -and $newestJob.Id -eq 1) {
  ${note('script.check.startNoEnd', undefined, '  ')}
  if ($newestJob.TimeCreated -gt (Get-Date).AddDays(-1)) {
    throw ${said('script.check.backupRunning', { time: '$newestJob.TimeCreated' })}
  }
  $backupUnknown = ${said('script.check.backupStale', { time: '$newestJob.TimeCreated' })}
}
if ($null -ne $backupUnknown) {
  Write-Warning ${said('script.check.backupUnknown', { reason: '$backupUnknown' })}
  ${asked('script.check.askBackup', 'script.check.stoppedBackup').replace(/\n/g, '\n  ')}
}`;
  },
  'no-offline-seeding': () => `${note('script.check.seedingComment')}
Write-Warning ${said('script.check.seedingWarning')}
${asked('script.check.askSeeding', 'script.check.stoppedSeeding')}`,
  'source-exists': () => `if (-not (Test-Path -LiteralPath $From -PathType Container)) {
  throw ${said('script.check.noSource', { from: '$From' })}
}`,
  'source-holds-key': () => `if (-not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $CacheKeyFile)) -PathType Leaf)) {
  throw ${said('script.check.noKey', { to: '$To', file: '$CacheKeyFile' })}
}`,
  'target-path-valid': () => `if ($To -notmatch '^[A-Za-z]:\\\\' -or $To.Length -gt 32000) {
  throw ${said('script.check.notFullPath', { to: '$To' })}
}
$toSegments = @($To.Substring(3).TrimEnd('\\').Split('\\'))
if ($toSegments.Count -eq 0 -or $toSegments[0] -eq '') { throw ${said('script.check.driveRoot', { to: '$To' })} }
foreach ($segment in $toSegments) {
  if ($segment -eq '') { throw ${said('script.check.emptyName', { to: '$To' })} }
  if ($segment -match '[<>:"|?*\\x00-\\x1f]') { throw ${said('script.check.badCharacter', { name: '$segment' })} }
  if ($segment -match '^(con|prn|aux|nul|com[0-9\\u00b9\\u00b2\\u00b3]|lpt[0-9\\u00b9\\u00b2\\u00b3])(\\..*)?$') { throw ${said('script.check.reservedName', { name: '$segment' })} }
  if ($segment -match '[ .]$') { throw ${said('script.check.trailingSpaceOrDot', { name: '$segment' })} }
  if ($segment.Length -gt 255) { throw ${said('script.check.nameTooLong')} }
}`,
  'target-not-system-folder': () => `$topFolder = $To.Substring(3).Split('\\')[0]
if (@('windows', '$recycle.bin', 'system volume information') -contains $topFolder) {
  throw ${said('script.check.systemFolder', { to: '$To', folder: '$topFolder' })}
}`,
  'target-apart-from-source': () => `if ((Test-Within $To $From) -or (Test-Within $From $To)) {
  throw ${said('script.check.overlap', { to: '$To', from: '$From' })}
}`,
  'target-outside-selection': () => `foreach ($selectedItem in $Selected) {
  if (Test-Within $To $selectedItem) {
    throw ${said('script.check.inSelection', { to: '$To', item: '$selectedItem' })}
  }
}`,
  'target-volume-local': () => `$targetVolume = Get-TargetVolume
if ([string]$targetVolume.DriveType -notin @('Fixed', '3')) {
  throw ${said('script.check.notFixed', { drive: '$TargetDrive', type: '$targetVolume.DriveType' })}
}
${note('script.check.statusComment')}
if ($null -ne $targetVolume.OperationalStatus -and [string]$targetVolume.OperationalStatus -notin @('OK', '2')) {
  throw ${said('script.check.notHealthy', { drive: '$TargetDrive', status: '$targetVolume.OperationalStatus' })}
}
$targetDisk = Get-CimInstance -ClassName Win32_LogicalDisk | Where-Object { $_.DeviceID -eq $TargetDrive }
if ($null -ne $targetDisk -and $targetDisk.Access -eq 1) { throw ${said('script.check.readOnly', { drive: '$TargetDrive' })} }
if (Test-Path -LiteralPath ($TargetDrive + '\\DATALOSS_WARNING_README.txt')) {
  throw ${said('script.check.temporaryDisk', { drive: '$TargetDrive' })}
}`,
  'target-volume-ntfs': () => `$targetVolume = Get-TargetVolume
${note('script.check.fileSystemComment')}
if (@([string]$targetVolume.FileSystem, [string]$targetVolume.FileSystemType) -notcontains 'NTFS') {
  throw ${said('script.check.notNtfs', { drive: '$TargetDrive', fileSystem: '$targetVolume.FileSystem' })}
}
if (Get-Command -Name Get-DedupVolume -ErrorAction SilentlyContinue) {
  if (Get-DedupVolume -Volume $TargetDrive -ErrorAction SilentlyContinue) { throw ${said('script.check.deduplicated', { drive: '$TargetDrive' })} }
}`,
  'target-volume-qualifies': () => `${note('script.check.bitlockerComment')}
if (Get-Command -Name Get-BitLockerVolume -ErrorAction SilentlyContinue) {
  $bitlocker = Get-BitLockerVolume -MountPoint $TargetDrive -ErrorAction SilentlyContinue
  if ($null -ne $bitlocker -and [string]$bitlocker.LockStatus -eq 'Locked') {
    throw ${said('script.check.locked', { drive: '$TargetDrive' })}
  }
}`,
  'target-free-space': () => `$targetVolume = Get-TargetVolume
if ($targetVolume.SizeRemaining -lt $NeededBytes) {
  throw ${said('script.check.noSpace', { drive: '$TargetDrive', free: '$targetVolume.SizeRemaining', needed: '$NeededBytes' })}
}`,
  'target-no-link': () => `${note('script.check.linkComment')}
$walked = $TargetDrive + '\\'
foreach ($segment in @($To.Substring(3).TrimEnd('\\').Split('\\'))) {
  $walked = [IO.Path]::Combine($walked, $segment)
  if (-not (Test-Path -LiteralPath $walked)) { break }
  if (([IO.File]::GetAttributes($walked) -band [IO.FileAttributes]::ReparsePoint) -ne 0) {
    throw ${said('script.check.link', { path: '$walked' })}
  }
}`,
  'target-new-or-empty': () => `if (Test-Path -LiteralPath $To -PathType Leaf) { throw ${said('script.check.targetIsFile', { to: '$To' })} }
if ((Test-Path -LiteralPath $To -PathType Container) -and $null -ne (Get-ChildItem -LiteralPath $To -Force | Select-Object -First 1)) {
  throw ${said('script.check.notEmpty', { to: '$To' })}
}
for ($above = [IO.Path]::GetDirectoryName($To); $above; $above = [IO.Path]::GetDirectoryName($above)) {
  if (Test-Path -LiteralPath $above -PathType Leaf) { throw ${said('script.check.aboveIsFile', { path: '$above' })} }
}`,
  'target-plain-folder': () => `${note('script.check.attributesComment')}
$nearest = $To
while ($nearest -and -not (Test-Path -LiteralPath $nearest -PathType Container)) { $nearest = [IO.Path]::GetDirectoryName($nearest) }
if ($nearest) {
  $attributes = [IO.File]::GetAttributes($nearest)
  $unwanted = @(foreach ($flag in @('Compressed', 'Encrypted', 'SparseFile')) { if (($attributes -band [IO.FileAttributes]$flag) -ne 0) { $flag } })
  if ($unwanted.Count -gt 0) {
    throw ${said('script.check.notPlain', { path: '$nearest', attributes: "$unwanted -join ', '" })}
  }
}`,
  'no-system-state-disks':
    () => `$systemStateDisks = @(Get-CimInstance -ClassName Win32_Volume -Property Label | Where-Object { $_.Label -like 'CBSSBVol_*' } | ForEach-Object { [string]$_.Label })
if ($systemStateDisks.Count -gt 0) {
  throw ${said('script.check.systemStateDisks', { disks: "$systemStateDisks -join ', '" }, { pattern: 'CBSSBVol_<ID>' })}
}`,
  'service-stopped': () => `$engineStatus = [string](Get-Service -Name $EngineName).Status
if ($engineStatus -ne 'Stopped') {
  throw ${said('script.check.notStopped', { status: '$engineStatus' })}
}`,
};

/** What each step does, in PowerShell (its title is said before it, by fixScript). */
const STEPS: Record<FixStepId, (plan: FixPlan) => string> = {
  'stop-service': () => `${note('script.step.stopOnlyRunning')}
$engineService = Get-Service -Name $EngineName
${note('script.step.stopWait')}
if ($engineService.Status -ne 'Stopped') {
  $StoppedEngine = $true
  if ($engineService.Status -ne 'StopPending') { $engineService.Stop() }
}
$engineService.WaitForStatus('Stopped', ${TIMEOUT})`,
  copy: () => `${note('script.step.copyList')}
$CopyStarted = $true
$cacheTree = @(Get-CacheTree $From)
foreach ($entry in $cacheTree) { if (-not $entry.Folder) { $CopiedFiles.Add($entry.Path) } }
${note('script.step.copyFolders')}
$missingFolders = @()
for ($folder = $To; $folder -and -not (Test-Path -LiteralPath $folder); $folder = [IO.Path]::GetDirectoryName($folder)) { $missingFolders = @($folder) + $missingFolders }
if ($missingFolders.Count -eq 0 -and $null -ne (Get-ChildItem -LiteralPath $To -Force | Select-Object -First 1)) { throw ${said('script.step.noLongerEmpty', { to: '$To' })} }
foreach ($folder in $missingFolders) { $CreatedFolders.Add($folder) }
foreach ($entry in $cacheTree) {
  if ($entry.Folder -and -not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $entry.Path)))) { $CreatedFolders.Add([IO.Path]::Combine($To, $entry.Path)) }
}
foreach ($folder in $missingFolders) { [void][IO.Directory]::CreateDirectory($folder) }
${note('script.step.robocopyComment')}
$robocopySource = $From.TrimEnd('\\')
if ($robocopySource -match '^[A-Za-z]:$') { $robocopySource += '\\.' }
& $Robocopy $robocopySource $To ${ROBOCOPY_OPTIONS.join(' ')} | Out-Null
if ($LASTEXITCODE -ge 8) { throw ${said('script.step.robocopyFailed', { code: '$LASTEXITCODE' })} }`,
  verify: () => `${note('script.step.verifyComment')}
foreach ($relative in $CopiedFiles) {
  $original = [IO.Path]::Combine($From, $relative)
  $copy = [IO.Path]::Combine($To, $relative)
  if (-not (Test-Path -LiteralPath $copy -PathType Leaf)) { throw ${said('script.step.missing', { path: '$copy' })} }
  if ((Get-Item -LiteralPath $copy -Force).Length -ne (Get-Item -LiteralPath $original -Force).Length) { throw ${said('script.step.sizeDiffers', { path: '$copy' })} }
  if ((Get-FileHash -LiteralPath $copy -Algorithm SHA256).Hash -ne (Get-FileHash -LiteralPath $original -Algorithm SHA256).Hash) { throw ${said('script.step.contentDiffers', { path: '$copy' })} }
}
Write-Host ${said('script.step.allMatch', { count: '$CopiedFiles.Count' })}`,
  'set-registry': () => `$RegistryChanged = $true
foreach ($change in $Registry) {
  Set-ItemProperty -LiteralPath $change.Key -Name $change.Name -Value $change.After -Type String
}
foreach ($change in $Registry) {
  $readBack = Get-RegistryText $change.Key $change.Name
  if ($readBack -ne $change.After) { throw ${said('script.step.notKept', { value: VALUE, readBack: '$readBack' })} }
}`,
  'start-service': () => `${note('script.step.startWait')}
$engineService = Get-Service -Name $EngineName
if ($engineService.Status -eq 'StopPending') { $engineService.WaitForStatus('Stopped', ${TIMEOUT}) }
if ($engineService.Status -eq 'Stopped') { $engineService.Start() }
$engineService.WaitForStatus('Running', ${TIMEOUT})`,
  reprobe: (plan) =>
    [
      `${note('script.step.reprobeComment')}
Start-Sleep -Seconds 5
$afterwards = @()
if ((Get-Service -Name $EngineName).Status -ne 'Running') { $afterwards += ${said('script.step.engineNotRunning')} }`,
      plan.to === null
        ? null
        : `foreach ($change in $Registry) {
  if ((Get-RegistryText $change.Key $change.Name) -ne $To) { $afterwards += ${said('script.step.notNaming', { value: VALUE, to: '$To' })} }
}
${
  plan.steps.some((s) => s.id === 'copy')
    ? `if ($CopiedFiles.Count -gt 0 -and -not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $CopiedFiles[0])) -PathType Leaf)) { $afterwards += ${said('script.step.noCache', { to: '$To' })} }`
    : `if (-not (Test-Path -LiteralPath ([IO.Path]::Combine($To, $CacheKeyFile)) -PathType Leaf)) { $afterwards += ${said('script.step.noCache', { to: '$To' })} }`
}`,
      `if ($afterwards.Count -gt 0) { throw ${said('script.step.afterwards', { problems: "$afterwards -join '; '" })} }`,
    ]
      .filter((part) => part !== null)
      .join('\n'),
};

/** Helper functions, each emitted only when a check or step uses it. */
const HELPERS = {
  paths: () => `function Get-FullFolderPath([string]$Path) {
  ${note('script.helper.fullPath', undefined, '  ')}
  if ($Path -match '^[A-Za-z]:$') { $Path += '\\' }
  return ([IO.Path]::GetFullPath($Path).TrimEnd('\\') + '\\')
}
function Test-Within([string]$Path, [string]$Folder) {
  ${note('script.helper.within', undefined, '  ')}
  return (Get-FullFolderPath $Path).StartsWith((Get-FullFolderPath $Folder), [StringComparison]::OrdinalIgnoreCase)
}`,
  volume: () => `$TargetVolumeRead = $null
function Get-TargetVolume {
  ${note('script.helper.volume', undefined, '  ')}
  if ($null -eq $script:TargetVolumeRead) {
    try { $script:TargetVolumeRead = Get-Volume -DriveLetter $TargetDrive[0] } catch { throw ${said('script.helper.noDrive', { drive: '$TargetDrive' })} }
  }
  return $script:TargetVolumeRead
}`,
  registry: () => `function Get-RegistryText([string]$Key, [string]$Name) {
  ${note('script.helper.registry', undefined, '  ')}
  $item = Get-ItemProperty -LiteralPath $Key -Name $Name -ErrorAction SilentlyContinue
  if ($null -eq $item) { return $null }
  return [string]$item.$Name
}`,
  tree: () => `function Get-CacheTree([string]$Root) {
  ${note('script.helper.tree', undefined, '  ')}
  $pending = New-Object System.Collections.Generic.Stack[string]
  $pending.Push('')
  while ($pending.Count -gt 0) {
    $relative = $pending.Pop()
    foreach ($item in @(Get-ChildItem -LiteralPath ([IO.Path]::Combine($Root, $relative)) -Force)) {
      $path = if ($relative) { [IO.Path]::Combine($relative, $item.Name) } else { $item.Name }
      if (($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0) {
        throw ${said('script.helper.link', { path: '[IO.Path]::Combine($Root, $path)' })}
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
    parts.push(`  ${note('script.undo.stopFirst', undefined, '  ')}
  if (${changed.join(' -or ')}) {
    $engineService = Get-Service -Name $EngineName
    if ($engineService.Status -ne 'Stopped') {
      if ($engineService.Status -ne 'StopPending') { $engineService.Stop() }
      $engineService.WaitForStatus('Stopped', ${TIMEOUT})
    }
  }`);
  if (has('set-registry'))
    parts.push(`  if ($RegistryChanged) {
    Write-Host ${said('script.undo.restoring')}
    foreach ($change in $Registry) {
      if ($null -eq $change.Before) { Remove-ItemProperty -LiteralPath $change.Key -Name $change.Name -ErrorAction SilentlyContinue }
      else { Set-ItemProperty -LiteralPath $change.Key -Name $change.Name -Value $change.Before -Type String }
    }
    foreach ($change in $Registry) {
      if ((Get-RegistryText $change.Key $change.Name) -cne $change.Before) {
        throw ${said('script.undo.notRestored', { value: VALUE, before: '$change.Before' })}
      }
    }
  }`);
  if (has('copy'))
    parts.push(`  if ($CopyStarted) {
    Write-Host ${said('script.undo.removing')}
    $leftInPlace = New-Object System.Collections.Generic.List[string]
    foreach ($relative in @($CopiedFiles | Sort-Object -Property Length -Descending)) {
      $copy = [IO.Path]::Combine($To, $relative)
      $original = [IO.Path]::Combine($From, $relative)
      if (-not (Test-Path -LiteralPath $copy -PathType Leaf)) { continue }
      ${note('script.undo.sameHash', undefined, '      ')}
      $sameHash = $false
      try { $sameHash = (Test-Path -LiteralPath $original -PathType Leaf) -and (Get-FileHash -LiteralPath $copy -Algorithm SHA256).Hash -eq (Get-FileHash -LiteralPath $original -Algorithm SHA256).Hash } catch { $sameHash = $false }
      if ($sameHash) {
        try { Remove-Item -LiteralPath $copy -Force } catch { $leftInPlace.Add($copy) }
      } else { $leftInPlace.Add($copy) }
    }
    ${note('script.undo.createdOnly', undefined, '    ')}
    foreach ($createdFolder in @($CreatedFolders | Sort-Object -Property Length -Descending)) {
      if (-not (Test-Path -LiteralPath $createdFolder -PathType Container)) { continue }
      if ($null -eq (Get-ChildItem -LiteralPath $createdFolder -Force | Select-Object -First 1)) {
        try { Remove-Item -LiteralPath $createdFolder -Force } catch { $leftInPlace.Add($createdFolder) }
      } else { $leftInPlace.Add($createdFolder) }
    }
    if ($leftInPlace.Count -gt 0) { Write-Warning ${said('script.undo.leftInPlace', { items: "$leftInPlace -join '; '" })} }
  }`);
  if (has('stop-service'))
    parts.push(`  $engineService = Get-Service -Name $EngineName
  if ($StoppedEngine -and $engineService.Status -ne 'Running') {
    Write-Host ${said('script.undo.restarting')}
    if ($engineService.Status -eq 'Stopped') { $engineService.Start() }
    $engineService.WaitForStatus('Running', ${TIMEOUT})
  }`);
  const body =
    parts.length > 0
      ? parts.join('\n')
      : `  ${note('script.undo.nothingToUndoComment', undefined, '  ')}
  Write-Host ${said('script.undo.nothingToUndo')}`;
  return `function Undo-Fix {\n${body}\n}`;
}

/** Each action's words in the catalogue, by the suffix its ids end with. */
const ACTION_KEY: Record<FixPlan['action'], 'relocateCache' | 'pointRegistry' | 'startEngine'> = {
  'relocate-cache': 'relocateCache',
  'point-registry': 'pointRegistry',
  'start-engine': 'startEngine',
};
const WHAT = (action: FixPlan['action']) => `script.header.what.${ACTION_KEY[action]}` as const;
const UNDO = (action: FixPlan['action']) => `script.header.undo.${ACTION_KEY[action]}` as const;
const DONE = (action: FixPlan['action']) => `script.run.done.${ACTION_KEY[action]}` as const;
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

/** The script for any fix's plan, in the current language. */
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
      ? note('script.header.machineAny')
      : safeHost === null
        ? note('script.header.machineUnnamed')
        : note('script.header.machine', { host: safeHost });
  const titles = steps.map((id, i) => `${i + 1}. ${comment(stepWords(plan, id))}`).join('; ');
  const header = [
    '#Requires -RunAsAdministrator',
    note('script.header.title', { action: plan.action }),
    machine,
    note(WHAT(plan.action)),
    note('script.header.checks', { count: ids.length, steps: titles }),
    note(UNDO(plan.action)),
    changes ? note('script.header.noRecord', { copies: hasStep('copy') ? 'yes' : 'no' }) : null,
    note('script.header.literals'),
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
    heading('script.data.heading'),
    `$PlanHost = ${literalOrNull(plan.host)}`,
    `$EngineName = ${psLiteral(ENGINE_SERVICE_NAME)}`,
    folders ? note('script.data.folders') : null,
    folders ? `$From = ${literalOrNull(plan.from)}` : null,
    folders ? `$To = ${literalOrNull(plan.to)}` : null,
    folders ? '$TargetDrive = $null' : null,
    folders ? "if ($null -ne $To -and $To -match '^[A-Za-z]:') { $TargetDrive = $To.Substring(0, 2).ToUpperInvariant() }" : null,
    plan.registry.length > 0 ? note('script.data.registry') : null,
    plan.registry.length > 0 ? registryTable : null,
    uses('target-outside-selection') ? note('script.data.selected') : null,
    uses('target-outside-selection') ? selected : null,
    uses('target-free-space') ? `$NeededBytes = [long]${plan.neededBytes}` : null,
    uses('agent-installed') ? "$SetupKey = 'HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup'" : null,
    uses('source-holds-key') || (plan.to !== null && hasStep('reprobe') && !hasStep('copy'))
      ? `$CacheKeyFile = ${psLiteral(CACHE_KEY_FILE)}`
      : null,
    uses('no-recovery-pending') ? `$JournalFile = [IO.Path]::Combine($env:ProgramData, ${psLiteral(JOURNAL_RELATIVE_PATH)})` : null,
    hasStep('copy') ? "$Robocopy = [IO.Path]::Combine($env:SystemRoot, 'System32\\robocopy.exe')" : null,
    changes || hasStep('stop-service') ? note('script.data.doneSoFar') : null,
    hasStep('stop-service') ? '$StoppedEngine = $false' : null,
    hasStep('set-registry') ? '$RegistryChanged = $false' : null,
    hasStep('copy') ? '$CopyStarted = $false' : null,
    hasStep('copy') ? '$CopiedFiles = New-Object System.Collections.Generic.List[string]' : null,
    hasStep('copy') ? '$CreatedFolders = New-Object System.Collections.Generic.List[string]' : null,
  ].filter((line) => line !== null);

  const helpers = [
    uses('target-apart-from-source', 'target-outside-selection') ? HELPERS.paths() : null,
    uses('target-volume-local', 'target-volume-ntfs', 'target-free-space') ? HELPERS.volume() : null,
    plan.registry.length > 0 ? HELPERS.registry() : null,
    hasStep('copy') ? HELPERS.tree() : null,
  ].filter((h) => h !== null);

  const checks = plan.preconditions.map(({ id, says }) => `${PRECONDITION_MARKER}${id}\n# ${comment(says)}\n${CHECKS[id](plan)}`);

  const stepBlocks = steps.map(
    (id, i) =>
      `Write-Host ${psLiteral(t('script.run.step', { number: String(i + 1), count: String(steps.length), title: stepWords(plan, id) }))}\n${STEPS[id](plan)}`,
  );
  const undoes = hasStep('stop-service') || changes;
  const run = [
    stepsHeading(),
    plan.registry.length > 0
      ? `Write-Host ${said('script.run.registryNow')}\nforeach ($change in $Registry) { Write-Host ('  ' + $change.Key + '\\' + $change.Name + ' = ' + $(if ($null -eq $change.Before) { ${said('script.run.notSet')} } else { $change.Before })) }`
      : null,
    'try {',
    indent(stepBlocks.join('\n\n')),
    `  Write-Host ${said(DONE(plan.action))}`,
    '} catch {',
    '  $failure = $_',
    `  Write-Warning ${said('script.run.failed', { error: '$failure.Exception.Message' })}`,
    undoes ? `  Write-Host ${said('script.run.puttingBack')}` : null,
    '  Undo-Fix',
    undoes ? `  Write-Host ${said('script.run.putBack')}` : null,
    '  throw $failure',
    '}',
  ].filter((line) => line !== null);

  const body = [data.join('\n'), ...helpers, undoFunction(plan), heading('script.checks.heading'), ...checks, run.join('\n')].join('\n\n');
  // Windows PowerShell reads a file without a BOM in the ANSI code page, which turns a non-English letter in
  // a path or a message into others: a script with any such letter first proves it was read as written. What
  // it says when it was not is made of code units, since its letters would be misread too.
  // eslint-disable-next-line no-control-regex -- ASCII is exactly what needs no check
  const encodingCheck = /[^\u0000-\u007f]/.test(body)
    ? [
        note('script.encoding.comment'),
        "$EncodingProbe = '\u00fc\u30ad'",
        'if ($EncodingProbe.Length -ne 2 -or [int]$EncodingProbe[0] -ne 0xFC -or [int]$EncodingProbe[1] -ne 0x30AD) {',
        `  throw ${encodingProof(t('script.encoding.wrong'))}`,
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
