// Which language a run starts in. First match wins: the --lang flag; the machine-wide policy value (a
// fleet's choice, set by Group Policy or Intune); the system's language (Windows' display language, read
// from the registry - never from localised text; LC_ALL / LC_MESSAGES / LANG elsewhere); English.
//
// The policy value is REG_SZ `Language` under HKLM\SOFTWARE\Policies\MarsReadiness, a language tag such
// as "de-DE" or "ja" (REG_EXPAND_SZ, which some policy tools write, is read the same). A value we do not
// speak, or of another type (a list, a number), is passed over as if it were not set - and said, so that
// whoever set it learns why the fleet does not follow it.

import { matchLanguage, type Language } from '../../shared/i18n/languages.js';
import { POLICY_KEY, POLICY_VALUE, type IgnoredPolicy } from '../../shared/i18n/policy.js';
import { runCommand } from '../probes/command-runner.js';
import { stringValue, type KeyRead, type RegistryReader } from '../probes/windows/registry.js';
import { windowsRegistryReader } from '../probes/windows/registry-native.js';

/** Where Windows keeps the user's display language and the system's, most telling first. */
const WINDOWS_LANGUAGE_KEYS = {
  /** Set when the user picks a display language (Settings > Time & language): REG_MULTI_SZ of tags. */
  userDisplay: 'HKCU\\Control Panel\\Desktop',
  /** The user's language list (Windows 8 and later), the display language first: REG_MULTI_SZ of tags. */
  userLanguages: 'HKCU\\Control Panel\\International\\User Profile',
  /** The system's UI language as a LANGID in hex ("0407"): `Default`, else `InstallLanguage`. */
  system: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\Language',
} as const;

export type StartSource = 'flag' | 'policy' | 'system' | 'default';

export interface StartLanguage {
  language: Language;
  source: StartSource;
  /** The policy value was set but names no language we speak, or is not text: passed over. */
  ignoredPolicy?: IgnoredPolicy;
}

export interface StartOptions {
  /** --lang as given; already checked by the caller (an unmatched one is a usage error there). */
  flag: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The registry (Windows); made on demand from native-reg or reg.exe. */
  registry?: RegistryReader;
  /** The system's preferred languages when the caller knows them (Electron's app.getPreferredSystemLanguages()). */
  systemTags?: readonly string[];
}

export async function chooseStartLanguage(options: StartOptions): Promise<StartLanguage> {
  const flag = matchLanguage(options.flag);
  if (flag) return { language: flag, source: 'flag' };
  const platform = options.platform ?? process.platform;
  const registry = platform === 'win32' ? (options.registry ?? windowsRegistryReader(runCommand)) : null;
  // A registry that cannot be read is a registry that says nothing: the run still starts, in English at worst.
  const [policy, windowsTags] = registry
    ? await Promise.all([
        registry.readKey(POLICY_KEY).catch((): KeyRead => ({ status: 'missing' })),
        options.systemTags ? Promise.resolve([]) : windowsLanguageTags(registry).catch(() => []),
      ])
    : [null, []];
  const read = policy ? readPolicy(policy) : null;
  if (read && 'language' in read) return { language: read.language, source: 'policy' };
  const ignored = read ? { ignoredPolicy: read.ignored } : {};
  const tags = options.systemTags ?? (registry ? windowsTags : environmentTags(options.env ?? process.env));
  const system = tags.map((tag) => matchLanguage(tag)).find((language) => language !== null);
  if (system) return { language: system, source: 'system', ...ignored };
  // A system that names a language we do not speak, or none: English.
  return { language: 'en', source: 'default', ...ignored };
}

/**
 * The language the machine's policy fixes, or null: for the wizard started with --lang, whose menu the
 * policy still locks (--lang is that one run's choice). Windows only; a registry it cannot read fixes none.
 */
export async function policyLanguage(platform: NodeJS.Platform = process.platform, registry?: RegistryReader): Promise<Language | null> {
  if (platform !== 'win32') return null;
  const read = await (registry ?? windowsRegistryReader(runCommand)).readKey(POLICY_KEY).catch((): KeyRead => ({ status: 'missing' }));
  const policy = readPolicy(read);
  return policy && 'language' in policy ? policy.language : null;
}

/** The policy's language; what was passed over when the value is set but of no use; null when it is not set. */
function readPolicy(read: KeyRead): { language: Language } | { ignored: IgnoredPolicy } | null {
  if (read.status !== 'ok') return null;
  const value = read.values.get(POLICY_VALUE.toLowerCase());
  if (!value) return null;
  const data = String(value.data);
  // An empty text value is a policy cleared, not one set wrong.
  if ((value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ') && data.trim() === '') return null;
  const language = value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ' ? matchLanguage(data.trim()) : null;
  return language ? { language } : { ignored: { data, type: value.type } };
}

/** Windows' display languages, most preferred first: the user's choice, the user's list, then the system's. */
async function windowsLanguageTags(registry: RegistryReader): Promise<string[]> {
  const [display, languages, system] = await Promise.all([
    registry.readKey(WINDOWS_LANGUAGE_KEYS.userDisplay),
    registry.readKey(WINDOWS_LANGUAGE_KEYS.userLanguages),
    registry.readKey(WINDOWS_LANGUAGE_KEYS.system),
  ]);
  return [
    ...multiString(display, 'PreferredUILanguages'),
    ...multiString(languages, 'Languages'),
    ...[stringValue(system, 'Default'), stringValue(system, 'InstallLanguage')].map(langIdTag).filter((tag) => tag !== null),
  ];
}

/** A REG_MULTI_SZ value's strings (both registry readers join them with a literal \0). */
function multiString(read: KeyRead, name: string): string[] {
  const text = stringValue(read, name);
  return text === null ? [] : text.split('\\0').filter((tag) => tag !== '');
}

/** Primary language ids (the low 10 bits of a LANGID) of the languages we speak. */
const PRIMARY_LANGUAGES: Record<number, string> = { 0x09: 'en', 0x07: 'de', 0x0c: 'fr', 0x0a: 'es', 0x11: 'ja' };

/** A LANGID in hex ("0407", "0804") as a language tag; Chinese by its sublanguage (PRC and Singapore write Simplified). */
export function langIdTag(hex: string | null): string | null {
  if (hex === null || !/^[0-9a-f]{1,4}$/i.test(hex.trim())) return null;
  const id = Number.parseInt(hex, 16);
  const primary = id & 0x3ff;
  if (primary === 0x04) return id === 0x0804 || id === 0x1004 ? 'zh-Hans' : 'zh-Hant';
  return PRIMARY_LANGUAGES[primary] ?? null;
}

/** The POSIX locale's language: LANGUAGE's list (GNU) unless the locale is C/POSIX, then LC_ALL, LC_MESSAGES, LANG. */
export function environmentTags(env: NodeJS.ProcessEnv): string[] {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined || /^(C|POSIX)([.@].*)?$/.test(locale)) return [];
  return [...(env.LANGUAGE ?? '').split(':').filter((tag) => tag !== ''), locale];
}
