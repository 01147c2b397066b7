// Which language a run starts in: --lang, then the policy value, then Windows' display language (registry)
// or the POSIX locale, then English.
import { describe, expect, it } from 'vitest';
import { chooseStartLanguage, environmentTags, langIdTag, policyLanguage } from '../../../electron/i18n/choose-language.js';
import { POLICY_KEY } from '../../../shared/i18n/policy.js';
import { matchLanguage, learnUrl } from '../../../shared/i18n/languages.js';
import type { KeyRead, RegistryReader, RegistryValue } from '../../../electron/probes/windows/registry.js';

/**
 * A registry of the given keys' values: a string is REG_SZ, else the value as given (REG_MULTI_SZ joined
 * with a literal \0, as both readers give them).
 */
function registry(keys: Record<string, Record<string, string | RegistryValue>>, reads: string[] = []): RegistryReader {
  return {
    async readKey(key): Promise<KeyRead> {
      reads.push(key);
      const values = keys[key];
      if (!values) return { status: 'missing' };
      const map = new Map<string, RegistryValue>(
        Object.entries(values).map(([name, data]) => [name.toLowerCase(), typeof data === 'string' ? { type: 'REG_SZ', data } : data]),
      );
      return { status: 'ok', values: map, subkeys: [] };
    },
  };
}

const GERMAN_USER = { 'HKCU\\Control Panel\\Desktop': { PreferredUILanguages: 'de-DE\\0en-US' } };

describe('the language a run starts in', () => {
  it('takes --lang before anything else, and reads no registry for it', async () => {
    const reads: string[] = [];
    const choice = await chooseStartLanguage({ flag: 'fr-CA', platform: 'win32', registry: registry(GERMAN_USER, reads) });
    expect(choice).toEqual({ language: 'fr', source: 'flag' });
    expect(reads).toEqual([]);
  });

  it("on Windows: the policy value beats the user's display language", async () => {
    const keys = { ...GERMAN_USER, [POLICY_KEY]: { Language: 'ja-JP' } };
    expect(await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry(keys) })).toEqual({
      language: 'ja',
      source: 'policy',
    });
  });

  it('tells the policy language apart, for the menu a --lang run still keeps locked; none off Windows', async () => {
    expect(await policyLanguage('win32', registry({ [POLICY_KEY]: { Language: 'de-CH' } }))).toBe('de');
    expect(await policyLanguage('win32', registry({ [POLICY_KEY]: { Language: 'ko-KR' } }))).toBeNull();
    expect(await policyLanguage('win32', registry({}))).toBeNull();
    expect(await policyLanguage('linux')).toBeNull();
  });

  it('passes over a policy value it does not speak, and says what it passed over', async () => {
    const keys = { ...GERMAN_USER, [POLICY_KEY]: { Language: 'ko-KR' } };
    expect(await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry(keys) })).toEqual({
      language: 'de',
      source: 'system',
      ignoredPolicy: { data: 'ko-KR', type: 'REG_SZ' },
    });
  });

  it('reads a REG_EXPAND_SZ policy as text; passes over a list or a number; takes an empty value as not set', async () => {
    const start = (value: RegistryValue) =>
      chooseStartLanguage({ flag: null, platform: 'win32', registry: registry({ [POLICY_KEY]: { Language: value } }) });
    expect(await start({ type: 'REG_EXPAND_SZ', data: 'fr-FR' })).toEqual({ language: 'fr', source: 'policy' });
    expect(await start({ type: 'REG_MULTI_SZ', data: 'de-DE\\0fr-FR' })).toEqual({
      language: 'en',
      source: 'default',
      ignoredPolicy: { data: 'de-DE\\0fr-FR', type: 'REG_MULTI_SZ' },
    });
    expect(await start({ type: 'REG_DWORD', data: 1031 })).toEqual({
      language: 'en',
      source: 'default',
      ignoredPolicy: { data: '1031', type: 'REG_DWORD' },
    });
    expect(await start({ type: 'REG_BINARY', data: '6465' })).toMatchObject({ ignoredPolicy: { data: '6465', type: 'REG_BINARY' } });
    expect(await start({ type: 'REG_SZ', data: '  ' })).toEqual({ language: 'en', source: 'default' });
    expect(await policyLanguage('win32', registry({ [POLICY_KEY]: { Language: { type: 'REG_MULTI_SZ', data: 'de' } } }))).toBeNull();
  });

  it("on Windows: the user's display language, then the user's list, then the system's LANGID", async () => {
    expect(await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry(GERMAN_USER) })).toEqual({
      language: 'de',
      source: 'system',
    });
    const list = { 'HKCU\\Control Panel\\International\\User Profile': { Languages: 'ko-KR\\0es-MX' } };
    expect((await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry(list) })).language).toBe('es');
    const system = { 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\Language': { Default: '0804', InstallLanguage: '0409' } };
    expect((await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry(system) })).language).toBe('zh-Hans');
  });

  it('on Windows with nothing it speaks: English, by default', async () => {
    const keys = { 'HKCU\\Control Panel\\Desktop': { PreferredUILanguages: 'zh-TW' } };
    expect(await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry(keys) })).toEqual({
      language: 'en',
      source: 'default',
    });
  });

  it("takes Electron's system languages when given, the policy still first", async () => {
    expect(await chooseStartLanguage({ flag: null, platform: 'win32', registry: registry({}), systemTags: ['es-ES'] })).toEqual({
      language: 'es',
      source: 'system',
    });
    const policy = registry({ [POLICY_KEY]: { Language: 'de' } });
    expect((await chooseStartLanguage({ flag: null, platform: 'win32', registry: policy, systemTags: ['es-ES'] })).source).toBe('policy');
  });

  it('elsewhere: the POSIX locale, C meaning English', async () => {
    expect(await chooseStartLanguage({ flag: null, platform: 'linux', env: { LANG: 'fr_FR.UTF-8' } })).toEqual({
      language: 'fr',
      source: 'system',
    });
    expect((await chooseStartLanguage({ flag: null, platform: 'linux', env: { LC_ALL: 'C', LANG: 'de_DE.UTF-8' } })).language).toBe('en');
    expect(environmentTags({ LANGUAGE: 'ja:en', LANG: 'de_DE.UTF-8' })).toEqual(['ja', 'en', 'de_DE.UTF-8']);
    expect(environmentTags({ LC_MESSAGES: 'es_ES', LANG: 'de_DE' })).toEqual(['es_ES']);
    expect(environmentTags({})).toEqual([]);
  });

  it('reads LANGIDs by their primary language, Chinese by its sublanguage', () => {
    expect(['0407', '0C07', '040c', '0c0a', '0411', '0409', '0804', '1004', '0404', '0c04', '0419', 'zz', null].map(langIdTag)).toEqual([
      'de',
      'de',
      'fr',
      'es',
      'ja',
      'en',
      'zh-Hans',
      'zh-Hans',
      'zh-Hant',
      'zh-Hant',
      null,
      null,
      null,
    ]);
  });
});

describe('matching a language tag', () => {
  it('takes BCP 47, POSIX and Windows forms; Simplified Chinese only where it is written', () => {
    const tags = [
      'de',
      'de-AT',
      'fr_CA.UTF-8',
      'es-419',
      'ja-JP',
      'zh',
      'zh-CN',
      'zh_SG',
      'zh-Hans-HK',
      'zh-TW',
      'zh-Hant',
      'en-GB',
      'C',
      'ko',
      '',
      ' EN ',
    ];
    expect(tags.map((tag) => matchLanguage(tag))).toEqual([
      'de',
      'de',
      'fr',
      'es',
      'ja',
      'zh-Hans',
      'zh-Hans',
      'zh-Hans',
      'zh-Hans',
      null,
      null,
      'en',
      null,
      null,
      null,
      'en',
    ]);
  });

  it("opens Microsoft's pages in the reader's language, English ones as the editions keep them", () => {
    const url = 'https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent#supported-drives-or-volumes-for-backup';
    expect(learnUrl(url, 'en')).toBe(url);
    expect(learnUrl(url, 'de')).toBe(
      'https://learn.microsoft.com/de-de/azure/backup/backup-support-matrix-mars-agent#supported-drives-or-volumes-for-backup',
    );
    expect(learnUrl(url, 'zh-Hans')).toBe(
      'https://learn.microsoft.com/zh-cn/azure/backup/backup-support-matrix-mars-agent#supported-drives-or-volumes-for-backup',
    );
    expect(learnUrl('https://learn.microsoft.com/en-us/azure/x', 'ja')).toBe('https://learn.microsoft.com/ja-jp/azure/x');
    expect(learnUrl('https://example.com/en-us/x', 'fr')).toBe('https://example.com/en-us/x');
  });
});
