// Reading the Windows registry with reg.exe: always present, no admin rights needed for these keys, and
// started with an argument array, so key paths with spaces ("Windows Azure Backup") need no quoting.
// /reg:64 reads the 64-bit view even from a 32-bit process, where the agent writes its values.

import { outputText, type CommandRunner } from '../command-runner.js';
import { t } from '../../../shared/i18n/translate.js';

export interface RegistryValue {
  type: string;
  /** REG_DWORD and REG_QWORD as numbers; every other type as reg.exe prints it (REG_BINARY: hex digits, see binaryValue). */
  data: string | number;
}

/** Win32 error numbers a key's read can end with (RegOpenKeyExW's answer). */
export const WIN32_ERROR = { fileNotFound: 2, accessDenied: 5 } as const;

export type KeyRead =
  /** The key's values by lower-cased name, and the names of its subkeys (one level down). */
  | { status: 'ok'; values: Map<string, RegistryValue>; subkeys: string[] }
  | { status: 'missing' }
  /**
   * The key could not be read. `win32Error` is Windows' own error number where the reader knows it (native-reg
   * does: ERROR_ACCESS_DENIED 5, ...); reg.exe tells it only in localised words, so its errors carry none.
   */
  | { status: 'error'; reason: string; win32Error?: number };

export interface RegistryReader {
  readKey(key: string): Promise<KeyRead>;
}

const REG_TIMEOUT_MS = 5000;

/** Parses `reg query KEY` (without /s): the values of the key itself, by lower-cased name. */
export function parseRegQuery(text: string): Map<string, RegistryValue> {
  const values = new Map<string, RegistryValue>();
  const names: string[] = [];
  let headers = 0;
  for (const line of text.split('\n')) {
    if (/^HKEY_/i.test(line)) {
      // The first header is the key; later headers are its subkeys, which are not read here.
      if (++headers > 1) break;
      continue;
    }
    const match = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const [, name = '', type = '', raw = ''] = match;
    values.set(name.toLowerCase(), { type, data: type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(raw, 16) : raw });
    names.push(name);
  }
  return withValueNames(values, names);
}

/** How Windows spells each key's value names, beside the map that holds them lower-cased (so that its equality is untouched). */
const spelledNames = new WeakMap<Map<string, RegistryValue>, string[]>();

/** Records the value names as Windows spells them, for valueNames(); returns the map. */
export function withValueNames(values: Map<string, RegistryValue>, names: readonly string[]): Map<string, RegistryValue> {
  spelledNames.set(values, [...names]);
  return values;
}

/**
 * The key's value names as Windows spells them (Defender's exclusion lists are value names); lower-cased
 * where the reader did not record them. [] for a key that was not read.
 */
export function valueNames(read: KeyRead): string[] {
  if (read.status !== 'ok') return [];
  const spelled = spelledNames.get(read.values)?.filter((n) => read.values.has(n.toLowerCase()));
  return spelled && spelled.length === read.values.size ? spelled : [...read.values.keys()];
}

/** The names of the subkeys `reg query KEY` lists after the key's values (each as a full path). */
export function parseRegSubkeys(text: string): string[] {
  const headers = text.split('\n').filter((line) => /^HKEY_/i.test(line));
  return headers.slice(1).map((line) => line.replace(/\s+$/, '').split('\\').pop()!);
}

export function regExeReader(run: CommandRunner): RegistryReader {
  return {
    async readKey(key) {
      const result = await run('reg', ['query', key, '/reg:64'], { timeoutMs: REG_TIMEOUT_MS });
      if (result.failure) return { status: 'error', reason: result.failure };
      if (result.exitCode === 0) {
        const text = outputText(result.stdout);
        return { status: 'ok', values: parseRegQuery(text), subkeys: parseRegSubkeys(text) };
      }
      const message = outputText(result.stderr).trim() || outputText(result.stdout).trim();
      // reg.exe exits 1 both for a missing key and for a denied one; only its (localised) words differ.
      if (/unable to find/i.test(message)) return { status: 'missing' };
      return {
        status: 'error',
        reason: message.replace(/^ERROR:\s*/i, '') || t('probes.command.exitedWith', { command: 'reg.exe', code: String(result.exitCode) }),
      };
    },
  };
}

/** Why a key could not be read, with its Win32 error where the reader knows it: for a note's parentheses. */
export function keyErrorWords(read: { reason: string; win32Error?: number }): string {
  return read.win32Error !== undefined
    ? t('probes.registry.reasonWithCode', { reason: read.reason, code: String(read.win32Error) })
    : read.reason;
}

/** Reads many keys at once, each once, so that probes can ask for the same key without a second process. */
export function cachedReader(reader: RegistryReader): RegistryReader {
  const cache = new Map<string, Promise<KeyRead>>();
  return {
    readKey(key) {
      const id = key.toLowerCase();
      if (!cache.has(id)) cache.set(id, reader.readKey(key));
      return cache.get(id)!;
    },
  };
}

export function stringValue(read: KeyRead, name: string): string | null {
  if (read.status !== 'ok') return null;
  const value = read.values.get(name.toLowerCase());
  return value && typeof value.data === 'string' && value.data !== '' ? value.data : null;
}

/**
 * A REG_BINARY value's bytes. Both readers hand binary data on as reg.exe prints it, hex digits without
 * spaces ("1800000000000000..."); this turns them back into bytes. null: no such value, another type, or
 * text that is not whole bytes of hex.
 */
export function binaryValue(read: KeyRead, name: string): Buffer | null {
  if (read.status !== 'ok') return null;
  const value = read.values.get(name.toLowerCase());
  if (!value || value.type !== 'REG_BINARY' || typeof value.data !== 'string') return null;
  return bytesFromHex(value.data);
}

/** Hex digits (any case, no separators) as bytes; null when the text is not whole bytes of hex. */
export function bytesFromHex(hex: string): Buffer | null {
  const digits = hex.trim();
  return /^(?:[0-9a-f]{2})*$/i.test(digits) ? Buffer.from(digits, 'hex') : null;
}

export function numberValue(read: KeyRead, name: string): number | null {
  if (read.status !== 'ok') return null;
  const value = read.values.get(name.toLowerCase());
  return value && typeof value.data === 'number' && Number.isFinite(value.data) ? value.data : null;
}
