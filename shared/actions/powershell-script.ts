// The cache move as a PowerShell script, for administrators who would rather run it themselves: the same
// checks, an equivalent verification (size and SHA-256 of every file: what PowerShell does well, where the
// engine compares bytes) and the same rollback as the engine.
// Every path is a single-quoted PowerShell literal, so no character in it can run as code.

import type { FixPlan } from './fix-plan.js';

/** A PowerShell single-quoted string: nothing inside is expanded; a quote is written twice. */
export function psLiteral(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** The script for any fix's plan. */
export function fixScript(plan: FixPlan): string {
  if (plan.action !== 'relocate-cache') throw new Error(`no script for ${plan.action} yet`);
  return relocationScript(plan as FixPlan & { from: string; to: string });
}

export function relocationScript(plan: FixPlan & { from: string; to: string }): string {
  const previous = (value: string | null) => (value === null ? '$null' : psLiteral(value));
  return `#Requires -RunAsAdministrator
# Moves the Azure Backup (MARS) agent's cache folder, made by the MARS Readiness Wizard.
# Copy, verify, switch both registry values, restart; on any failure, everything is put back.
$ErrorActionPreference = 'Stop'
$From = ${psLiteral(plan.from)}
$To = ${psLiteral(plan.to)}
$Config = 'HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'
$Provider = 'HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider'
$PreviousConfig = ${previous(plan.previous.scratchLocation)}
$PreviousProvider = ${previous(plan.previous.providerScratchLocation)}

# Checks: the same as the wizard's.
if (-not (Test-Path -LiteralPath $From -PathType Container)) { throw "The current cache folder $From does not exist." }
$full = [IO.Path]::GetFullPath($To).TrimEnd('\\') + '\\'
$source = [IO.Path]::GetFullPath($From).TrimEnd('\\') + '\\'
if ($full.StartsWith($source, [StringComparison]::OrdinalIgnoreCase) -or $source.StartsWith($full, [StringComparison]::OrdinalIgnoreCase)) { throw "$To must be neither inside the current cache nor contain it." }
$createdTarget = -not (Test-Path -LiteralPath $To)
if (-not $createdTarget -and (Get-ChildItem -LiteralPath $To -Force | Select-Object -First 1)) { throw "$To is not empty." }
$volume = Get-Volume -FilePath ([IO.Path]::GetPathRoot($full))
if ($volume.FileSystemType -ne 'NTFS' -or $volume.DriveType -ne 'Fixed') { throw "$To must be on a fixed NTFS volume." }
if ($volume.SizeRemaining -lt ${plan.neededBytes}) { throw "$To's volume needs ${plan.neededBytes} bytes free." }

function Restore-Cache {
  Stop-Service -Name obengine -ErrorAction SilentlyContinue
  (Get-Service -Name obengine).WaitForStatus('Stopped', '00:01:00')
  foreach ($pair in @(@($Config, $PreviousConfig), @($Provider, $PreviousProvider))) {
    if ($null -eq $pair[1]) { Remove-ItemProperty -LiteralPath $pair[0] -Name ScratchLocation -ErrorAction SilentlyContinue }
    else { Set-ItemProperty -LiteralPath $pair[0] -Name ScratchLocation -Value $pair[1] -Type String }
  }
  if ($createdTarget) { Remove-Item -LiteralPath $To -Recurse -Force -ErrorAction SilentlyContinue }
  else { Get-ChildItem -LiteralPath $To -Force | Remove-Item -Recurse -Force -ErrorAction SilentlyContinue }
  Start-Service -Name obengine
  (Get-Service -Name obengine).WaitForStatus('Running', '00:01:00')
}

try {
  Write-Host 'Stopping the backup engine...'
  Stop-Service -Name obengine
  (Get-Service -Name obengine).WaitForStatus('Stopped', '00:01:00')

  Write-Host "Copying $From to $To..."
  robocopy $From $To /E /COPY:DATSO /DCOPY:DAT /R:1 /W:1 /NP /NFL /NDL /NJH /NJS | Out-Null
  if ($LASTEXITCODE -ge 8) { throw "robocopy failed with exit code $LASTEXITCODE." }

  Write-Host 'Verifying every file...'
  foreach ($file in Get-ChildItem -LiteralPath $From -Recurse -File -Force) {
    $copy = Join-Path $To $file.FullName.Substring($source.Length)
    if (-not (Test-Path -LiteralPath $copy)) { throw "$copy is missing from the copy." }
    if ((Get-Item -LiteralPath $copy -Force).Length -ne $file.Length) { throw "$copy differs in size." }
    if ((Get-FileHash -LiteralPath $copy -Algorithm SHA256).Hash -ne (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash) { throw "$copy differs in content." }
  }

  Write-Host 'Pointing both registry values at the copy...'
  Set-ItemProperty -LiteralPath $Config -Name ScratchLocation -Value $To -Type String
  Set-ItemProperty -LiteralPath $Provider -Name ScratchLocation -Value $To -Type String
  foreach ($key in @($Config, $Provider)) {
    if ((Get-ItemProperty -LiteralPath $key -Name ScratchLocation).ScratchLocation -ne $To) { throw "$key did not keep the new value." }
  }

  Write-Host 'Starting the backup engine...'
  Start-Service -Name obengine
  (Get-Service -Name obengine).WaitForStatus('Running', '00:01:00')
  Write-Host "Done. Run a backup now; delete $From only after it succeeds."
} catch {
  Write-Warning "The move failed: $($_.Exception.Message) Putting everything back..."
  Restore-Cache
  throw
}
`;
}
