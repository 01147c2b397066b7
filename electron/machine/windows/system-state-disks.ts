// The agent's System State disks (volumes labelled CBSSBVol_<ID>, which it mounts while it backs up System
// State), found by enumerating every volume - with a drive letter or not - through CIM's Win32_Volume: the
// labels are the volumes' own, not localised text. The move refuses while one is mounted (the FAQ's step).
// What cannot be read is null, never "none": the script always prints a JSON array, so silence (Wine's
// powershell.exe is a stub that exits 0 printing nothing), `null` or anything else is not an answer.

import { outputText, type CommandRunner } from '../../probes/command-runner.js';
import { powershellArgs } from '../../probes/windows/powershell.js';

export const SYSTEM_STATE_DISKS_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '$labels = @(Get-CimInstance -ClassName Win32_Volume -Property Label | Where-Object { $_.Label -like "CBSSBVol_*" } | ForEach-Object { [string]$_.Label })',
  'ConvertTo-Json -InputObject $labels -Compress',
].join('; ');

export async function mountedSystemStateDisks(run: CommandRunner): Promise<string[] | null> {
  const result = await run('powershell.exe', powershellArgs(SYSTEM_STATE_DISKS_SCRIPT), { timeoutMs: 30_000 });
  if (result.failure || result.exitCode !== 0) return null;
  return parseSystemStateDisks(outputText(result.stdout));
}

/** The labels in the script's JSON (an array, or one string where PowerShell unwrapped it); null: not that. */
export function parseSystemStateDisks(text: string): string[] | null {
  const json = text.trim();
  if (json === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) return null;
  return list.filter((label) => /^cbssbvol_/i.test(label));
}
