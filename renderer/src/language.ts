// The language the pages speak: its catalogue loaded (each language is a chunk of its own, loaded when
// asked for), and the document told its tag and script direction, so that screen readers pronounce it and
// a right-to-left language lays out from the right (the layout uses logical properties only).
import { LANGUAGE_DIRECTION, type Language } from '../../shared/i18n/languages';
import { speakLanguage } from '../../shared/i18n/load';
import { currentLanguage, t } from '../../shared/i18n/translate';

/** Sets the document's lang and dir for the language, and its title (the window's, the tab's) in it. */
export function markDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGE_DIRECTION[language];
  document.title = t('wizard.app.name');
}

/** Loads the language's catalogue (unless it is spoken already), speaks it from now on and marks the document. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language !== currentLanguage()) await speakLanguage(language);
  markDocument(language);
}
