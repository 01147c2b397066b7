// Loading a language's catalogue. English is part of every build; the others are loaded when asked for, so
// that the wizard's first page and the CLI's start carry one language, not six.

import { speak } from './translate.js';
import type { Language } from './languages.js';
import type { Catalogue } from './catalogue/en/index.js';

const CATALOGUES: Record<Exclude<Language, 'en'>, () => Promise<{ default: Partial<Catalogue> }>> = {
  de: () => import('./catalogue/de/index.js'),
  fr: () => import('./catalogue/fr/index.js'),
  es: () => import('./catalogue/es/index.js'),
  ja: () => import('./catalogue/ja/index.js'),
  'zh-Hans': () => import('./catalogue/zh-Hans/index.js'),
};

/** A language's catalogue (complete: the catalogue test holds every language to English's ids). */
export async function loadCatalogue(language: Language): Promise<Partial<Catalogue>> {
  if (language === 'en') return (await import('./catalogue/en/index.js')).default;
  return (await CATALOGUES[language]()).default;
}

/** Loads the language's catalogue and says everything in it from now on. */
export async function speakLanguage(language: Language): Promise<void> {
  speak(language, await loadCatalogue(language));
}
