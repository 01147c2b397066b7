// What Windows says about each existing component of a folder path, read without following links, before
// the cache is moved there. lstat alone cannot tell compression, encryption or sparseness, and cannot tell a
// volume mount point from a folder; .NET's directory listing carries Windows' own attribute bits for each
// entry (the entry itself, never what a link points at), and its names are the long ones even when the user
// typed an 8.3 short name. Windows PowerShell gives us that listing; where it cannot run (blocked, missing,
// Wine's stub that prints nothing), lstat tells links and folders, and the answer says what it could not.
//
// Script output (UTF-8, CRLF, one line each, tab-separated):
//   R <1|0>                   whether the drive's root exists
//   C <attributes> <path>     each existing component, root excluded, attributes as a decimal integer
//   E <1|0>                   whether the full path, when it exists and is a folder, has no entries
//   END                       the script ran to its end

import { lstat, opendir, realpath } from 'node:fs/promises';
import { canonicalWindowsPath } from '../../../shared/util/paths.js';
import { outputText, type CommandRunner } from '../../probes/command-runner.js';
import { powershellArgs } from '../../probes/windows/powershell.js';
import { t } from '../../../shared/i18n/translate.js';

export interface PathComponent {
  /** long-form Windows path of this component, e.g. "C:\\Program Files" */
  path: string;
  /** FILE_ATTRIBUTE_* bits as Windows reports them (GetFileAttributes, not following reparse points) */
  attributes: number;
}

export interface WindowsPathFacts {
  /** The existing components from the first folder below the drive root down to the deepest existing one (the root itself excluded). */
  existing: PathComponent[];
  /** The whole path in long form: the deepest existing component's long path, joined with the parts that do not exist yet as given. */
  longPath: string;
  /** The full path exists (as anything). */
  exists: boolean;
  /** When it exists and is a folder: whether it has no entries; null when it is not a folder, does not exist, or could not be listed. */
  empty: boolean | null;
  /**
   * Set when the attributes hold only the directory and reparse-point bits (and 0x80 for anything else),
   * because PowerShell could not be asked: why, in words. Compression, encryption, sparseness and volume
   * mount points are then unknown, and 8.3 names below a link stay as typed.
   */
  unknownAttributes?: string;
}

export type PathFactsResult = { ok: true; facts: WindowsPathFacts } | { ok: false; reason: string };

/** A drive-letter path taken apart: its root ("D:\\"), its folder names, and both joined again. */
export type DrivePath = { ok: true; root: string; parts: string[]; path: string } | { ok: false; reason: string };

const DIRECTORY = 0x10;
const NORMAL = 0x80;
const REPARSE_POINT = 0x400;
const DEFAULT_TIMEOUT_MS = 20_000;

// Windows PowerShell (.NET Framework) on purpose: its GetFileSystemInfos(name) hands the name to
// FindFirstFile, which matches the 8.3 short name as well as the long one and returns the long one;
// New-Object rather than ::new, which PowerShell 4 (Server 2012 R2) does not have.
export const PATH_FACTS_SCRIPT = `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8
$out = [Console]::Out
$names = @($env:MARS_PATH.Split([char]'\\') | Where-Object { $_ -ne '' })
$long = $names[0] + '\\'
if (-not [IO.Directory]::Exists($long)) { $out.WriteLine("R\`t0"); $out.WriteLine('END'); exit 0 }
$out.WriteLine("R\`t1")
$folder = $true
$all = $true
for ($i = 1; $i -lt $names.Length; $i++) {
  if (-not $folder) { $all = $false; break }
  $name = $names[$i]
  $found = @((New-Object IO.DirectoryInfo -ArgumentList $long).GetFileSystemInfos($name))
  $item = @($found | Where-Object { $_.Name -eq $name })[0]
  if (-not $item -and $found.Length -eq 1) { $item = $found[0] }
  if (-not $item) { $all = $false; break }
  $long = [IO.Path]::Combine($long, $item.Name)
  $attributes = [int]$item.Attributes
  $out.WriteLine("C\`t$attributes\`t$long")
  $folder = ($attributes -band 0x10) -ne 0
}
if ($all -and $folder) {
  try {
    $entries = [IO.Directory]::EnumerateFileSystemEntries($long).GetEnumerator()
    if ($entries.MoveNext()) { $out.WriteLine("E\`t0") } else { $out.WriteLine("E\`t1") }
  } catch {}
}
$out.WriteLine('END')
`;

/**
 * The path as Windows would resolve it: forward slashes and repeated separators folded, `.` and `..`
 * resolved, the drive letter upper-cased. Refused: UNC and device paths, relative and drive-relative ones,
 * `..` above the root, and names Windows does not allow - wildcards above all, since the script lists each
 * folder with the name as a search pattern.
 */
export function resolveDrivePath(input: string): DrivePath {
  const path = input.trim();
  if (/^[\\/]{2}/.test(path)) return { ok: false, reason: t('machine.path.network', { path: input }) };
  const match = /^([A-Za-z]):(.*)$/s.exec(path);
  if (!match) return { ok: false, reason: t('machine.path.noDrive', { path: input, example: 'D:\\MARS Cache' }) };
  const rest = match[2]!;
  if (rest !== '' && !/^[\\/]/.test(rest))
    return { ok: false, reason: t('machine.path.driveRelative', { path: input, example: `${match[1]}:\\${rest}` }) };
  for (const part of rest.split(/[\\/]+/)) {
    const bad = [...part].find((char) => char < ' ' || '<>:"|?*'.includes(char));
    if (bad) return { ok: false, reason: t('machine.path.badChar', describeChar(part, bad)) };
  }
  // `.` and `..` resolved as everywhere else in the project (shared/util/paths.ts).
  const canonical = canonicalWindowsPath(path);
  if (!canonical) return { ok: false, reason: t('machine.path.aboveRoot', { path: input, drive: `${match[1]!.toUpperCase()}:` }) };
  const root = canonical.slice(0, 3);
  const parts = canonical.slice(3).split('\\').filter(Boolean);
  return { ok: true, root, parts, path: canonical };
}

/** machine.path.badChar's arguments: the name and its character, or a control character's code. */
function describeChar(name: string, char: string): Record<string, string> {
  return char < ' ' ? { name, control: 'yes', char: String(char.charCodeAt(0)) } : { name, control: 'no', char };
}

/** Reads the script's output for `path`; ok:false when it is not the complete answer the script prints. */
export function parsePathFacts(stdout: Buffer, path: string): PathFactsResult {
  const drive = resolveDrivePath(path);
  if (!drive.ok) return drive;
  const lines = outputText(stdout).split('\n');
  const end = lines.findIndex((line) => line.trim() === 'END');
  if (end < 0) return { ok: false, reason: t('machine.path.answerCut', { printed: lines.join('').trim() === '' ? 'no' : 'yes' }) };
  let root: boolean | null = null;
  let empty: boolean | null = null;
  const existing: PathComponent[] = [];
  for (const line of lines.slice(0, end)) {
    const [tag, ...cells] = line.split('\t');
    if (tag === 'R' && (cells[0] === '0' || cells[0] === '1')) root = cells[0] === '1';
    else if (tag === 'E' && (cells[0] === '0' || cells[0] === '1')) empty = cells[0] === '1';
    else if (tag === 'C' && cells.length >= 2 && /^-?\d+$/.test(cells[0]!)) {
      // A name holds no tab as Windows lets one be made, but should one, it stays part of the path.
      const component = { attributes: Number(cells[0]) >>> 0, path: cells.slice(1).join('\t') };
      const parent = existing.at(-1)?.path ?? drive.root.slice(0, -1);
      const name = component.path.slice(parent.length + 1);
      const follows =
        component.path.slice(0, parent.length).toUpperCase() === parent.toUpperCase() && component.path[parent.length] === '\\';
      if (!follows || name === '' || name.includes('\\') || existing.length === drive.parts.length)
        return { ok: false, reason: t('machine.path.answerAstray', { path: drive.path, component: component.path }) };
      existing.push(component);
    }
    // Anything else is not ours (a stray warning PowerShell printed) and says nothing about the path.
  }
  if (root === null) return { ok: false, reason: t('machine.path.answerNoDrive') };
  if (!root && existing.length > 0) return { ok: false, reason: t('machine.path.answerContradicts') };
  const exists = root && existing.length === drive.parts.length;
  const deepest = existing.at(-1);
  const isFolder = deepest ? (deepest.attributes & DIRECTORY) !== 0 : root;
  return {
    ok: true,
    facts: {
      existing,
      longPath: joinRest(deepest?.path ?? null, drive, existing.length),
      exists,
      empty: exists && isFolder ? empty : null,
    },
  };
}

/** The deepest known long path with the names below it as given. */
function joinRest(deepest: string | null, drive: { root: string; parts: string[] }, known: number): string {
  const rest = drive.parts.slice(known);
  if (deepest === null) return drive.root + rest.join('\\');
  return rest.length === 0 ? deepest : `${deepest}\\${rest.join('\\')}`;
}

/** What the fallback needs of the file system; Node's by default, a fake in tests. */
export interface PathFactsFs {
  lstat(path: string): Promise<{ isDirectory(): boolean; isSymbolicLink(): boolean }>;
  /** The final path, links resolved and names long, as fs.realpath.native gives it. */
  realpath(path: string): Promise<string>;
  /** The name of a folder's first entry, null when it has none; rejects when it cannot be listed. */
  firstEntry(path: string): Promise<string | null>;
}

const nodeFs: PathFactsFs = {
  lstat: (path) => lstat(path),
  // fs/promises' realpath has fs.realpath.native's semantics: GetFinalPathNameByHandle on Windows.
  realpath: (path) => realpath(path),
  async firstEntry(path) {
    const dir = await opendir(path);
    try {
      return (await dir.read())?.name ?? null;
    } finally {
      await dir.close();
    }
  },
};

/**
 * The facts of a drive-letter path: from PowerShell when it answers in full, else from lstat, marked with
 * what lstat cannot tell. ok:false only for a path that is not a full drive-letter path.
 */
export async function probeWindowsPathFacts(
  run: CommandRunner,
  path: string,
  options: { timeoutMs?: number; fs?: PathFactsFs } = {},
): Promise<PathFactsResult> {
  const drive = resolveDrivePath(path);
  if (!drive.ok) return drive;
  const result = await run('powershell.exe', powershellArgs(PATH_FACTS_SCRIPT), {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    env: { MARS_PATH: drive.path },
  });
  let why: string;
  if (result.failure) why = result.failure;
  else if (result.exitCode !== 0) why = t('machine.path.powershellExited', { code: String(result.exitCode) });
  else {
    const parsed = parsePathFacts(result.stdout, drive.path);
    if (parsed.ok) return parsed;
    why = parsed.reason;
  }
  return {
    ok: true,
    facts: {
      ...(await lstatFacts(drive, options.fs ?? nodeFs)),
      unknownAttributes: t('machine.path.attributesUnread', { reason: why }),
    },
  };
}

async function lstatFacts(drive: { root: string; parts: string[] }, fs: PathFactsFs): Promise<Omit<WindowsPathFacts, 'unknownAttributes'>> {
  const rootExists = await fs.lstat(drive.root).then(
    () => true,
    () => false,
  );
  const found: { attributes: number; link: boolean }[] = [];
  let folder = rootExists;
  for (let i = 0; rootExists && folder && i < drive.parts.length; i++) {
    const here = drive.root + drive.parts.slice(0, i + 1).join('\\');
    const info = await fs.lstat(here).catch(() => null);
    if (!info) break;
    const link = info.isSymbolicLink();
    // lstat cannot say whether a link is a folder one; listing through it can.
    folder = link
      ? await fs.firstEntry(here).then(
          () => true,
          () => false,
        )
      : info.isDirectory();
    found.push({ attributes: (folder ? DIRECTORY : 0) | (link ? REPARSE_POINT : 0) || NORMAL, link });
  }
  const names = [...drive.parts];
  // realpath goes through links, so only the part above the first one can be made long by it.
  const firstLink = found.findIndex((c) => c.link);
  const longDepth = firstLink < 0 ? found.length : firstLink;
  if (longDepth > 0) {
    const real = await fs.realpath(drive.root + names.slice(0, longDepth).join('\\')).catch(() => null);
    const realNames = real?.split('\\').filter(Boolean) ?? [];
    // A subst or mapped drive resolves elsewhere (another drive, \\server\share): then keep what was typed.
    if (realNames.length === longDepth + 1 && realNames[0]!.toUpperCase() === drive.root.slice(0, 2)) {
      names.splice(0, longDepth, ...realNames.slice(1));
    }
  }
  const existing = found.map((c, i) => ({ path: drive.root + names.slice(0, i + 1).join('\\'), attributes: c.attributes }));
  const exists = rootExists && found.length === drive.parts.length;
  const longPath = drive.root + names.join('\\');
  let empty: boolean | null = null;
  if (exists && folder) {
    empty = await fs.firstEntry(longPath).then(
      (entry) => entry === null,
      () => null,
    );
  }
  return { existing, longPath, exists, empty };
}
