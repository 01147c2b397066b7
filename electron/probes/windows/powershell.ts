// How every PowerShell run of ours starts: no profile (fast, and nothing of the user's runs), no prompt
// that could hang a probe, and whatever the machine's execution policy, since the script is ours.

export const POWERSHELL_OPTIONS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass'] as const;

/** powershell.exe's arguments to run one script; inputs reach it through the environment, never inside it. */
export function powershellArgs(script: string): string[] {
  return [...POWERSHELL_OPTIONS, '-Command', script];
}
