// Finding the names and addresses in a report or a profile: the machine's own name, the proxies' hosts,
// the servers of shares (\\server\share), the user folders of paths (C:\Users\<name>, /home/<name>), the
// organisation of a OneDrive folder ("OneDrive - <name>", read from paths only), the hosts and user names
// of addresses (http://user@host), and every IP address. Each is given its placeholder as it is found.

import { findIpAddresses, isIpv4, isIpv6 } from './ip-addresses.js';
import { Placeholders } from './placeholders.js';
import { isPublicHost } from './public-hosts.js';
import { eachString } from './walk.js';
import { MASKED_PASSWORD } from '../../util/mask-password.js';

/** The proxy settings' fields (network.proxy and serviceProxy): a host, a list, a PAC address. */
const PROXY_FIELDS = new Set(['winhttp', 'system', 'environment', 'probe', 'systemAccount']);

/** Profile folders that belong to no one person. */
const SHARED_PROFILE_FOLDERS = new Set(['public', 'default', 'default user', 'all users', 'defaultuser0', 'shared']);

export const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/(?:([^\s/@:"'<>]*)(?::([^\s/@"'<>]*))?@)?(\[[0-9a-f:.%]+\]|[^\s/:?#"'<>)\]]+)/gi;
export const SHARE_SERVER = /\\\\(?:\?\\UNC\\)?([\p{L}\p{N}_][\p{L}\p{N}._-]*)(?=\\|$|[\s"',;)])/giu;
/** A user folder followed by more of the path: its name may hold spaces. */
export const USER_FOLDER_INSIDE = /([\\/](?:Users|Documents and Settings|home)[\\/])([^\\/\r\n"'<>|:*?]+)(?=[\\/])/gi;
/** A user folder at the end of a path (or of the text): no spaces. */
export const USER_FOLDER_LAST = /([\\/](?:Users|Documents and Settings|home)[\\/])([^\\/\s"'<>|:*?,;)]+)(?![^\\/\s"'<>|:*?,;)])/gi;
/**
 * The organisation of a OneDrive folder, where the path goes on after it: the name is the whole path
 * component ("Fabrikam Ltd" in ...\OneDrive - Fabrikam Ltd\Budget), never ending in a space.
 */
const ONEDRIVE_INSIDE = /(?<=^|[\\/])OneDrive - ([^\\/\r\n"'<>|:*?]*[^\\/\s"'<>|:*?])(?=[\\/])/g;
/**
 * The same at the end of a string that is a path (a path field, a key that is a path). In a sentence a
 * folder's name runs into the sentence's own words ("...\OneDrive - Contoso holds 3 files"), so there it is
 * never read: the names come from the paths, and are replaced wherever they follow "OneDrive - ".
 */
const ONEDRIVE_LAST = /(?<=^|[\\/])OneDrive - ([^\\/\r\n"'<>|:*?]*[^\\/\s"'<>|:*?.])[\\/]?$/;
/** Fields that hold a path (selection items, the cache, the agent's folder, Defender's exclusions). */
const PATH_FIELD = /(?:^p|P)aths?$/;

/** Every name and address of the values given (a profile, a report), in the order met. */
export function findIdentifiers(sources: readonly unknown[], placeholders = new Placeholders()): Placeholders {
  for (const source of sources)
    eachString(source, (text, path, isKey) => {
      const last = path[path.length - 1] ?? '';
      const parent = path[path.length - 2] ?? '';
      if (last === 'name' && parent === 'host') addHost(placeholders, text);
      else if (last === 'referenceHost') addHost(placeholders, text);
      else if (PROXY_FIELDS.has(last) && path.some((p) => p === 'proxy' || p === 'serviceProxy')) addProxySetting(placeholders, text);
      addFromText(placeholders, text);
      if (isKey || PATH_FIELD.test(last)) addOrganisations(placeholders, text);
    });
  return placeholders;
}

/** A host name, a FQDN (its first label a host, the rest a domain) or an IP address; Microsoft's are not hidden. */
export function addHost(placeholders: Placeholders, name: string): void {
  const host = name
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (host === '' || isPublicHost(host)) return;
  if (isIpv4(host) || isIpv6(host)) {
    placeholders.add('ip', host);
    return;
  }
  const dot = host.indexOf('.');
  if (dot <= 0 || dot === host.length - 1) {
    placeholders.add('host', host);
    return;
  }
  const first = placeholders.add('host', host.slice(0, dot));
  const domain = placeholders.add('domain', host.slice(dot + 1));
  if (first && domain) placeholders.add('host', host, [first, domain]);
}

/** A proxy setting: direct, wpad, pac:<url>, host:port, a per-protocol list, a bypass list (*.corp.local). */
function addProxySetting(placeholders: Placeholders, text: string): void {
  for (const entry of text.split(/[;\s,]+/)) {
    const value = entry.replace(/^[a-z]+=/i, '');
    const lower = value.toLowerCase();
    if (value === '' || lower === 'direct' || lower === 'wpad' || lower === '<local>' || lower.startsWith('pac:')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue; // an address: read with the text's addresses
    if (value.startsWith('*.')) {
      if (!isPublicHost(value)) placeholders.add('domain', value.slice(2));
      continue;
    }
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
    addHost(placeholders, bracketed ? bracketed[1]! : value.replace(/:\d+$/, ''));
  }
}

function addFromText(placeholders: Placeholders, text: string): void {
  for (const match of text.matchAll(URL_IN_TEXT)) {
    if (match[1]) placeholders.add('user', match[1]);
    // A password already shown as **** (in the report's words) is nothing left to hide.
    if (match[2] && match[2] !== MASKED_PASSWORD) placeholders.add('secret', match[2]);
    addHost(placeholders, match[3]!);
  }
  for (const match of text.matchAll(SHARE_SERVER)) addHost(placeholders, match[1]!);
  // A folder name with a space is read whole where the path goes on after it ("C:\\Users\\Jane Doe\\Documents").
  const inside = new Set<number>();
  for (const match of text.matchAll(USER_FOLDER_INSIDE)) {
    inside.add(match.index);
    addUser(placeholders, match[2]!);
  }
  for (const match of text.matchAll(USER_FOLDER_LAST)) if (!inside.has(match.index)) addUser(placeholders, match[2]!);
  for (const address of findIpAddresses(text)) placeholders.add('ip', address);
}

/** The organisations of the OneDrive folders of a path (a string that is one, not a sentence naming one). */
function addOrganisations(placeholders: Placeholders, path: string): void {
  const names = [...path.matchAll(ONEDRIVE_INSIDE)].map((match) => match[1]!);
  const last = ONEDRIVE_LAST.exec(path)?.[1];
  for (const name of last ? [...names, last] : names) placeholders.add('domain', name.trim());
}

/** "OneDrive - " and the organisation names of paths, the longest first, each ending where its name ends. */
export function oneDriveOrganisations(placeholders: Placeholders): RegExp | null {
  const names = placeholders
    .all()
    .filter((entry) => entry.kind === 'domain' && entry.parts.length === 0)
    .map((entry) => entry.value)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return names.length === 0 ? null : new RegExp(`(OneDrive - )(${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function addUser(placeholders: Placeholders, folder: string): void {
  const name = folder.trim().replace(/\.+$/, '');
  if (name && !SHARED_PROFILE_FOLDERS.has(name.toLowerCase())) placeholders.add('user', name);
}
