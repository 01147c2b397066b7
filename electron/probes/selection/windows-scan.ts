// The selection scan on Windows: one PowerShell process per selected folder walks it with .NET's
// DirectoryInfo, whose entries carry the attributes Windows' own directory listing returns - so
// encryption, sparseness, reparse points and cloud placeholders come with the enumeration itself, with no
// process (and no extra call) per file. It prints one line per folder it cannot read, per file of a kind
// the agent skips (with that kind), and per few thousand files or quarter of a second (progress); the counting of ordinary
// files stays in PowerShell, so that the output - and our memory - stays small whatever the tree.
//
// Line formats (tab-separated, UTF-8):
//   E <attributes, hex> <size, -1 for a folder> <kind> <path>   an entry worth reporting
//   U <path> <reason>                                            a folder that could not be read
//   P <files> <bytes> <current folder>                           progress
//   T <files> <bytes> <hard links counted: 1 or 0>               the end
// <kind> is HardLink, SymbolicLink, Junction, MountPoint, Cloud, Other or empty.

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { formatWait } from '../command-runner.js';
import { FILE_ATTRIBUTE } from '../windows/machine-facts.js';
import { EXAMPLES, type SkipKind, type WalkProgress, type WalkResult, emptyWalk } from './walk.js';
import { powershellArgs } from '../windows/powershell.js';
import { t } from '../../../shared/i18n/translate.js';

export const ENUMERATION_SCRIPT = `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
$out = [Console]::Out
$interesting = 0x4000 -bor 0x200 -bor 0x400 -bor 0x1000 -bor 0x40000 -bor 0x400000
$cloud = 0x1000 -bor 0x40000 -bor 0x400000
$links = $null
try { $links = [Microsoft.PowerShell.Commands.InternalSymbolicLinkLinkCodeMethods] } catch {}
function Kind-Of($entry, $attributes) {
  if ($attributes -band $cloud) { return 'Cloud' }
  try {
    $item = Get-Item -LiteralPath $entry.FullName -Force
    $target = @($item.Target) -join ''
    if ($item.LinkType -eq 'Junction' -and $target -match 'Volume\\{[0-9A-Fa-f-]+\\}') { return 'MountPoint' }
    if ($item.LinkType) { return [string]$item.LinkType }
  } catch {}
  return 'Other'
}
$files = [long]0; $bytes = [long]0
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$pending = New-Object 'System.Collections.Generic.Stack[string]'
$pending.Push($env:MARS_SCAN_ROOT)
while ($pending.Count -gt 0) {
  $dir = $pending.Pop()
  if ($clock.ElapsedMilliseconds -ge 250) { $out.WriteLine("P\`t$files\`t$bytes\`t$dir"); $clock.Reset(); $clock.Start() }
  try { $entries = @(([System.IO.DirectoryInfo]$dir).EnumerateFileSystemInfos()) }
  catch { $out.WriteLine("U\`t$dir\`t" + ($_.Exception.GetBaseException().Message -replace '\\s+', ' ')); continue }
  foreach ($entry in $entries) {
    $a = [int]$entry.Attributes
    if ($a -band 0x10) {
      if ($a -band 0x400) { $out.WriteLine(("E\`t{0:x}\`t-1\`t{1}\`t{2}" -f $a, (Kind-Of $entry $a), $entry.FullName)) }
      else { $pending.Push($entry.FullName) }
      continue
    }
    $kind = ''
    if ($a -band 0x400) { $kind = Kind-Of $entry $a }
    elseif ($links) { try { if ($links::GetLinkType([psobject]$entry) -eq 'HardLink') { $kind = 'HardLink' } } catch {} }
    if (($a -band $interesting) -or $kind) { $out.WriteLine(("E\`t{0:x}\`t{1}\`t{2}\`t{3}" -f $a, $entry.Length, $kind, $entry.FullName)) }
    if (-not ($a -band 0x400) -or $kind -eq 'Cloud') {
      $files++; $bytes += $entry.Length
      if ($files % 5000 -eq 0 -or ($files % 64 -eq 0 -and $clock.ElapsedMilliseconds -ge 250)) { $out.WriteLine("P\`t$files\`t$bytes\`t$dir"); $clock.Reset(); $clock.Start() }
    }
  }
}
$out.WriteLine("T\`t$files\`t$bytes\`t" + $(if ($links) { 1 } else { 0 }))
`;

export type EnumerationLine =
  | { type: 'entry'; attributes: number; size: number; kind: string; path: string }
  | { type: 'unreadable'; path: string; reason: string }
  | { type: 'progress'; files: number; bytes: number; current: string }
  | { type: 'total'; files: number; bytes: number; hardLinksCounted: boolean };

/** One line of the enumeration; null for anything else (a stray warning, a blank line). */
export function parseEnumerationLine(line: string): EnumerationLine | null {
  const [tag, ...cells] = line.replace(/\r$/, '').split('\t');
  const number = (text: string | undefined) => (text !== undefined && /^-?\d+$/.test(text) ? Number(text) : null);
  if (tag === 'E' && cells.length >= 4) {
    const attributes = /^[0-9a-f]+$/i.test(cells[0]!) ? parseInt(cells[0]!, 16) : null;
    const size = number(cells[1]);
    // A path may hold a tab: everything after the kind is the path.
    if (attributes !== null && size !== null) return { type: 'entry', attributes, size, kind: cells[2]!, path: cells.slice(3).join('\t') };
  }
  if (tag === 'U' && cells.length >= 2) return { type: 'unreadable', path: cells[0]!, reason: cells.slice(1).join('\t') };
  if (tag === 'P' && cells.length >= 3 && number(cells[0]) !== null && number(cells[1]) !== null)
    return { type: 'progress', files: number(cells[0])!, bytes: number(cells[1])!, current: cells.slice(2).join('\t') };
  if (tag === 'T' && cells.length >= 3 && number(cells[0]) !== null && number(cells[1]) !== null)
    return { type: 'total', files: number(cells[0])!, bytes: number(cells[1])!, hardLinksCounted: cells[2] === '1' };
  return null;
}

/**
 * The kinds of files the agent skips that one entry is, by its attributes and kind. A cloud placeholder is
 * only that (files.onedrive reports it); any other reparse point (link, junction, mount point,
 * deduplicated file) is a reparse point. A file both encrypted and sparse is skipped; encrypted, sparse or
 * compressed alone are supported, so they are not counted.
 */
export function skipKindsOf(entry: { attributes: number; kind: string }): SkipKind[] {
  const a = entry.attributes;
  if (a & (FILE_ATTRIBUTE.offline | FILE_ATTRIBUTE.recallOnOpen | FILE_ATTRIBUTE.recallOnDataAccess) || entry.kind === 'Cloud')
    return ['cloudPlaceholders'];
  if (a & FILE_ATTRIBUTE.reparsePoint) return ['reparsePoints'];
  const kinds: SkipKind[] = [];
  if (entry.kind === 'HardLink') kinds.push('hardLinks');
  if (a & FILE_ATTRIBUTE.encrypted && a & FILE_ATTRIBUTE.sparse) kinds.push('encryptedSparse');
  return kinds;
}

/** The reparse points whose kind an example says in words (probes.scan.reparseExample), where Windows said. */
const NAMED_KINDS = new Set(['SymbolicLink', 'Junction', 'MountPoint', 'Other']);

/** Folds the enumeration's lines into a walk result. */
export class EnumerationFold {
  readonly result: WalkResult;
  private finished = false;
  hardLinksCounted = false;

  constructor(root: string) {
    this.result = emptyWalk(root, ['hardLinks', 'reparsePoints', 'encryptedSparse', 'cloudPlaceholders']);
  }

  add(line: EnumerationLine, onProgress?: (progress: WalkProgress) => void): void {
    const r = this.result;
    if (line.type === 'entry') {
      for (const kind of skipKindsOf(line)) {
        r.counts[kind] = (r.counts[kind] ?? 0) + 1;
        const examples = (r.examples[kind] ??= []);
        const named = kind === 'reparsePoints' && NAMED_KINDS.has(line.kind);
        if (examples.length < EXAMPLES)
          examples.push(named ? t('probes.scan.reparseExample', { path: line.path, kind: line.kind }) : line.path);
      }
    } else if (line.type === 'unreadable') {
      r.unreadable.count++;
      if (r.unreadable.examples.length < EXAMPLES) r.unreadable.examples.push(line.path);
    } else if (line.type === 'progress') {
      onProgress?.({ files: line.files, bytes: line.bytes, current: line.current });
    } else {
      r.files = line.files;
      r.bytes = line.bytes;
      this.hardLinksCounted = line.hardLinksCounted;
      if (!line.hardLinksCounted) delete r.counts.hardLinks;
      this.finished = true;
    }
  }

  /** Whether the enumeration got to its end (a "T" line). */
  get complete(): boolean {
    return this.finished;
  }
}

export interface WindowsScanOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WalkProgress) => void;
  /** No line for this long: the enumeration is stuck, and is stopped. */
  idleTimeoutMs?: number;
  /** Starts PowerShell; injected so that tests replay recorded enumeration output. */
  start?: LineSource;
}

/** Runs a command, handing each line of its standard output over as it comes. */
export type LineSource = (
  command: string,
  args: string[],
  options: { env: Record<string, string>; signal: AbortSignal; onLine: (line: string) => void },
) => Promise<{ exitCode: number | null; failure: string | null }>;

export const powershellLines: LineSource = (command, args, { env, signal, onLine }) =>
  new Promise((resolve) => {
    let child: ChildProcessByStdio<null, Readable, null>;
    try {
      child = spawn(command, args, {
        env: { ...process.env, ...env },
        windowsHide: true,
        shell: false,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      // spawn throws at once for some failures to start (libuv's UNKNOWN when Windows cannot create the
      // process): an answer like any other failure, so the caller walks the folder itself.
      return resolve({ exitCode: null, failure: (error as Error).message });
    }
    const stop = () => child.kill();
    signal.addEventListener('abort', stop, { once: true });
    createInterface({ input: child.stdout }).on('line', onLine);
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ exitCode: null, failure: error.code === 'ENOENT' ? t('probes.command.missing', { command }) : error.message }),
    );
    child.on('close', (code) => {
      signal.removeEventListener('abort', stop);
      resolve({ exitCode: code, failure: null });
    });
  });

/**
 * Scans one folder through PowerShell. Throws, saying why, when PowerShell cannot give a whole answer
 * (missing, blocked, stuck, or ended early): the caller then walks the folder itself.
 */
export async function scanWindowsFolder(
  root: string,
  options: WindowsScanOptions = {},
): Promise<{ result: WalkResult; hardLinksCounted: boolean }> {
  const fold = new EnumerationFold(root);
  const stop = new AbortController();
  const idle = options.idleTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  let stuck = false;
  const kick = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stuck = true;
      stop.abort();
    }, idle);
  };
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  kick();
  try {
    const run = await (options.start ?? powershellLines)('powershell.exe', powershellArgs(ENUMERATION_SCRIPT), {
      env: { MARS_SCAN_ROOT: root },
      signal: stop.signal,
      onLine: (text) => {
        kick();
        const line = parseEnumerationLine(text);
        if (line) fold.add(line, options.onProgress);
      },
    });
    if (options.signal?.aborted) return { result: { ...fold.result, cancelled: true }, hardLinksCounted: fold.hardLinksCounted };
    if (stuck) throw new Error(t('probes.scan.silent', { wait: formatWait(idle), root }));
    if (run.failure) throw new Error(run.failure);
    if (!fold.complete) throw new Error(t('probes.scan.stoppedEarly', { root, code: String(run.exitCode) }));
    options.onProgress?.({ files: fold.result.files, bytes: fold.result.bytes, current: root });
    return { result: fold.result, hardLinksCounted: fold.hardLinksCounted };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
