// An operating system in words for people: its name with the version in brackets ("Windows Server 2008 R2
// (6.1.7601)"), from what identifyOs makes of it, else the caption the machine gave, else the family. Pure.

import type { OsFacts } from '../profile/types.js';
import { identifyOs } from './identify-os.js';
import type { Msg } from '../i18n/message.js';
import { say, t } from '../i18n/translate.js';

const FAMILY_NAMES: Record<string, string> = { windows: 'Windows', linux: 'Linux', macos: 'macOS' };

/** A family of operating systems in words: its name ("Linux"), "not Windows" for any other; an unknown value as it is. */
export function familyName(family: string): string {
  if (family === 'other') return t('evidence.os.notWindows');
  return Object.hasOwn(FAMILY_NAMES, family) ? FAMILY_NAMES[family]! : family;
}

/**
 * The OS in words, with its version in brackets: "Windows Server 2008 R2 (6.1.7601)", "Windows 11
 * (10.0.22631)", "Debian GNU/Linux 12 (bookworm)". The name is the one we identify from the version, the
 * product type and the edition (captions are localised and free-form); the caption where we cannot tell.
 */
export function osWords(os: Partial<OsFacts> & { family?: OsFacts['family'] | null }): string {
  const family = os.family ?? 'windows';
  const identity = identifyOs({ ...os, family } as OsFacts);
  const caption = os.caption?.trim() || null;
  let name: string;
  const said = (value: string | Msg) => (typeof value === 'string' ? value : say(value));
  if (identity.kind === 'known' || identity.kind === 'unlisted') name = said(identity.name);
  else if (identity.kind === 'not-windows') name = caption ?? said(identity.name);
  else name = caption ?? familyName(family);
  const version = os.version?.trim();
  return version && !name.includes(version) ? `${name} (${version})` : name;
}
