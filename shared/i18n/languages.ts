// The languages the tool speaks, and how a language tag from anywhere (Windows, LANG, --lang, the policy
// value, a browser) is matched to one of them. A later language is one more entry here and one more
// catalogue folder; nothing else changes.

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the wizard's language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ja: '日本語',
  'zh-Hans': '简体中文',
};

/** The script direction of each language; the wizard sets `dir` from it (logical CSS does the rest). */
export const LANGUAGE_DIRECTION: Record<Language, 'ltr' | 'rtl'> = {
  en: 'ltr',
  de: 'ltr',
  fr: 'ltr',
  es: 'ltr',
  ja: 'ltr',
  'zh-Hans': 'ltr',
};

/** learn.microsoft.com's locale segment for each language: Microsoft publishes the backup docs in all six. */
const LEARN_LOCALES: Record<Language, string> = {
  en: 'en-us',
  de: 'de-de',
  fr: 'fr-fr',
  es: 'es-es',
  ja: 'ja-jp',
  'zh-Hans': 'zh-cn',
};

/**
 * The language a tag asks for, or null when we do not speak it. Takes BCP 47 tags ("de-AT", "zh-Hans-CN"),
 * POSIX locales ("fr_CA.UTF-8", "C") and Windows names ("ja-JP"). Chinese is Simplified only when the tag
 * says so or names a region that writes it (mainland China, Singapore); Traditional Chinese is not ours yet.
 */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const parts = tag
    .trim()
    .replace(/[.@].*$/, '')
    .split(/[-_]/)
    .filter((p) => p !== '');
  const primary = parts[0]?.toLowerCase();
  if (!primary) return null;
  if (primary === 'zh') {
    const rest = parts.slice(1).map((p) => p.toLowerCase());
    if (rest.includes('hans')) return 'zh-Hans';
    if (rest.includes('hant')) return null;
    const region = rest.find((p) => p.length === 2);
    return region === undefined || region === 'cn' || region === 'sg' ? 'zh-Hans' : null;
  }
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/** The first of several tags (most preferred first) that we speak; English when none. */
export function chooseLanguage(tags: readonly (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

/**
 * A learn.microsoft.com address as a reader of this language should open it: with the language's locale
 * segment (replacing one the address has). English addresses stay as the editions keep them, without a
 * segment, so that Microsoft picks the reader's English; other hosts are left alone.
 */
export function learnUrl(url: string, language: Language): string {
  const match = /^https:\/\/learn\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2,4}\/)?(.*)$/i.exec(url);
  if (!match || language === 'en') return url;
  return `https://learn.microsoft.com/${LEARN_LOCALES[language]}/${match[1]}`;
}
