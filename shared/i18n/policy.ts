// The machine-wide language policy (a fleet's choice, set by Group Policy or Intune): where it lives, and
// the sentence that says a value was passed over - the CLI prints it, the wizard shows it by its menu.

import { t } from './translate.js';
import { visibleText } from '../report/visible-text.js';

/** As much of a value as is shown: a policy value can be anything an administrator's tool wrote. */
const SHOWN_LENGTH = 100;

export const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\MarsReadiness';
export const POLICY_VALUE = 'Language';

/** A policy value passed over: its data as read (a REG_MULTI_SZ's strings joined by \0) and its registry type. */
export interface IgnoredPolicy {
  data: string;
  type: string;
}

/** Why the policy's value is not used, with the value as it was read. */
export function policyPassedOverWords(ignored: IgnoredPolicy): string {
  const text = ignored.type === 'REG_SZ' || ignored.type === 'REG_EXPAND_SZ';
  return t('common.language.policyPassedOver', {
    name: POLICY_VALUE,
    key: POLICY_KEY,
    text: text ? 'yes' : 'no',
    // Its controls shown as U+FFFD, never obeyed by the terminal; a long one cut, with … to say so.
    data: ignored.data.length > SHOWN_LENGTH ? `${visibleText(ignored.data.slice(0, SHOWN_LENGTH))}…` : visibleText(ignored.data),
    type: ignored.type,
  });
}
