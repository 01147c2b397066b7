// The language this process speaks, and where it came from: chosen once at start (choose-language.ts), then
// changed only by the user's choice (the wizard's menu), never past a policy that fixes it.

import type { Language } from '../../shared/i18n/languages.js';
import type { LanguageView } from '../../shared/api/wizard-api.js';
import { speakLanguage } from '../../shared/i18n/load.js';
import { currentLanguage } from '../../shared/i18n/translate.js';

let source: LanguageView['source'] = 'default';
let locked = false;
let ignoredPolicy: LanguageView['ignoredPolicy'] = null;

/** Says everything in this language from now on, and records why (a policy's language locks it). */
export async function useLanguage(language: Language, why: LanguageView['source']): Promise<void> {
  await speakLanguage(language);
  source = why;
  locked ||= why === 'policy';
}

/** The machine's policy fixes the language, though this run was started in another (--lang): no change from the menu. */
export function lockLanguage(): void {
  locked = true;
}

/** The machine's policy value was set but could not be used (choose-language.ts), or null: the wizard and the CLI say so. */
export function notePolicyPassedOver(ignored: LanguageView['ignoredPolicy']): void {
  ignoredPolicy = ignored;
}

export function languageView(): LanguageView {
  return { current: currentLanguage(), source, locked, ignoredPolicy };
}
