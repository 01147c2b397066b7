// Reading the registry in process with native-reg (prebuilt N-API binaries, no process per key, real
// "access denied" errors). Loaded only on Windows; where it cannot load, reg.exe does the reading.

import { createRequire } from 'node:module';
import type { CommandRunner } from '../command-runner.js';
import {
  cachedReader,
  regExeReader,
  WIN32_ERROR,
  withValueNames,
  type KeyRead,
  type RegistryReader,
  type RegistryValue,
} from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

/**
 * The part of native-reg this reader uses; injected in tests, which run where native-reg cannot. Its
 * errors (Win32Error) carry Windows' error number as `errno`.
 */
export interface NativeReg {
  HKLM: unknown;
  HKCU: unknown;
  /** HKEY_USERS (native-reg exports it; optional only so that stand-ins without it still type-check). */
  HKU?: unknown;
  Access: { READ: number; WOW64_64KEY: number };
  openKey(hkey: unknown, subKey: string, access: number): unknown;
  enumValueNames(hkey: unknown): string[];
  enumKeyNames(hkey: unknown): string[];
  queryValueRaw(hkey: unknown, name: string | null): (Buffer & { type: number }) | null;
  parseValue(value: (Buffer & { type: number }) | null): number | bigint | string | string[] | Buffer | null;
  closeKey(hkey: unknown): void;
}

const TYPE_NAMES: Record<number, string> = {
  0: 'REG_NONE',
  1: 'REG_SZ',
  2: 'REG_EXPAND_SZ',
  3: 'REG_BINARY',
  4: 'REG_DWORD',
  5: 'REG_DWORD_BIG_ENDIAN',
  7: 'REG_MULTI_SZ',
  11: 'REG_QWORD',
};

/**
 * native-reg from node_modules; in the single executable (npm run dist:cli), which has none, the copy
 * bundled into it (its entry hands it over), whose compiled addon is loaded from beside the exe.
 */
export function loadNativeReg(): NativeReg | null {
  try {
    const bundled = (globalThis as Record<symbol, (() => unknown) | undefined>)[Symbol.for('mars-readiness.native-reg')];
    return (bundled ? bundled() : createRequire(import.meta.url)('native-reg')) as NativeReg;
  } catch {
    return null;
  }
}

/** The same values, types and text as reg.exe would print, so both readers are interchangeable. */
export function nativeRegReader(reg: NativeReg): RegistryReader {
  return {
    async readKey(key) {
      const [hive = '', ...rest] = key.split('\\');
      const root = rootOf(reg, hive);
      if (!root) return { status: 'error', reason: t('probes.registry.unsupportedHive', { hive }) };
      let handle: unknown = null;
      try {
        handle = reg.openKey(root, rest.join('\\'), reg.Access.READ | reg.Access.WOW64_64KEY);
        if (!handle) return { status: 'missing' };
        const values = new Map<string, RegistryValue>();
        const names: string[] = [];
        for (const name of reg.enumValueNames(handle)) {
          const raw = reg.queryValueRaw(handle, name);
          if (!raw) continue;
          values.set(name.toLowerCase(), { type: TYPE_NAMES[raw.type] ?? `REG_${raw.type}`, data: asText(reg.parseValue(raw)) });
          names.push(name);
        }
        return { status: 'ok', values: withValueNames(values, names), subkeys: reg.enumKeyNames(handle) } satisfies KeyRead;
      } catch (error) {
        const errno = (error as { errno?: unknown }).errno;
        return typeof errno === 'number'
          ? { status: 'error', reason: (error as Error).message, win32Error: errno }
          : { status: 'error', reason: (error as Error).message };
      } finally {
        if (handle) reg.closeKey(handle);
      }
    },
  };
}

function rootOf(reg: NativeReg, hive: string): unknown {
  if (/^(HKLM|HKEY_LOCAL_MACHINE)$/i.test(hive)) return reg.HKLM;
  if (/^(HKCU|HKEY_CURRENT_USER)$/i.test(hive)) return reg.HKCU;
  if (/^(HKU|HKEY_USERS)$/i.test(hive)) return reg.HKU ?? null;
  return null;
}

function asText(value: number | bigint | string | string[] | Buffer | null): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join('\\0');
  if (Buffer.isBuffer(value)) return value.toString('hex').toUpperCase();
  return '';
}

/**
 * Reads with the first reader; a key it fails on (not missing: failing) is read again by the second. Access
 * denied is Windows' answer for this account, which the second reader would only get again (and reg.exe
 * could not even tell it from other failures): it is kept, not asked twice. When both fail, the error that
 * carries Windows' error number wins.
 */
export function fallbackReader(first: RegistryReader, second: RegistryReader): RegistryReader {
  return {
    async readKey(key) {
      const read = await first.readKey(key);
      if (read.status !== 'error' || read.win32Error === WIN32_ERROR.accessDenied) return read;
      const again = await second.readKey(key);
      return again.status === 'error' && again.win32Error === undefined && read.win32Error !== undefined ? read : again;
    },
  };
}

/**
 * In process with native-reg where it loads; reg.exe otherwise, and for any key native-reg fails on.
 * Probes read each key once (cached); a writer reading back what it wrote must not cache.
 */
export function windowsRegistryReader(run: CommandRunner, { cache = true } = {}): RegistryReader {
  const native = loadNativeReg();
  const regExe = regExeReader(run);
  const reader = native ? fallbackReader(nativeRegReader(native), regExe) : regExe;
  return cache ? cachedReader(reader) : reader;
}
