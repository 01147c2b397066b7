// serviceProxy (contract v2): the proxy the agent's engine would use. obengine runs as Local System, so it
// goes out through the machine's WinHTTP proxy or Local System's own Internet settings, whoever runs the
// wizard. Both are read from the registry, unelevated: the machine's WinHttpSettings blob, and the keys of
// HKU\S-1-5-18 (which some machines' ACLs deny to users: then null, never "direct").

import type { ServiceProxyFacts } from '../../../shared/profile/types.js';
import type { ProbeNotes } from '../notes.js';
import { normalizeProxySetting } from '../proxy-setting.js';
import { binaryValue, keyErrorWords, numberValue, stringValue, WIN32_ERROR, type KeyRead, type RegistryReader } from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

export const SERVICE_PROXY_KEYS = {
  /** REG_BINARY WinHttpSettings: what `netsh winhttp set proxy` writes (64-bit view). */
  machineConnections: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections',
  systemInternetSettings: 'HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
  /** REG_BINARY DefaultConnectionSettings: WinINet's settings of the LAN connection, auto-detect among them. */
  systemConnections: 'HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections',
} as const;

/** The flags of a connection settings blob (WinINet's PROXY_TYPE_*; WinHTTP writes the same). */
export const PROXY_TYPE = { direct: 0x01, proxy: 0x02, autoProxyUrl: 0x04, autoDetect: 0x08 } as const;

/** A WinHttpSettings or DefaultConnectionSettings blob, decoded. */
export interface ConnectionSettings {
  flags: number;
  proxyServer: string;
  bypassList: string | null;
  /** Only DefaultConnectionSettings carries it (and WinHTTP blobs of newer netsh, where present). */
  autoConfigUrl: string | null;
}

/**
 * The blob's layout, little-endian DWORDs: structure size or version (0x18 for WinHTTP, 0x3C or 0x46 for
 * WinINet), a change counter, the PROXY_TYPE flags, the proxy server's length then its ASCII characters,
 * the bypass list's length then its characters, and (WinINet) the auto-config URL's length then its
 * characters; anything after that is not read. null: too short for the flags and the proxy server, or a
 * length that runs past the end. A blob that stops after the proxy server still gives it.
 */
export function parseConnectionSettings(bytes: Buffer): ConnectionSettings | null {
  if (bytes.length < 16) return null;
  const flags = bytes.readUInt32LE(8);
  let at = 12;
  const next = (): string | null | undefined => {
    if (at === bytes.length) return undefined; // the blob ends here: the field is not there
    if (at + 4 > bytes.length) return null;
    const length = bytes.readUInt32LE(at);
    if (at + 4 + length > bytes.length) return null;
    const text = bytes.toString('latin1', at + 4, at + 4 + length);
    at += 4 + length;
    return text;
  };
  const proxyServer = next();
  if (typeof proxyServer !== 'string') return null;
  const bypassList = next();
  if (bypassList === null) return null;
  const autoConfigUrl = bypassList === undefined ? undefined : next();
  return {
    flags,
    proxyServer,
    bypassList: bypassList ?? null,
    autoConfigUrl: typeof autoConfigUrl === 'string' && autoConfigUrl !== '' ? autoConfigUrl : null,
  };
}

/** The setting a blob stands for: its PAC script, else its proxy server, else auto-detection, else direct. */
export function settingOfConnection(settings: ConnectionSettings): string {
  if (settings.flags & PROXY_TYPE.autoProxyUrl && settings.autoConfigUrl) return normalizeProxySetting(`pac:${settings.autoConfigUrl}`);
  if (settings.flags & PROXY_TYPE.proxy && settings.proxyServer.trim() !== '') return normalizeProxySetting(settings.proxyServer);
  if (settings.flags & PROXY_TYPE.autoDetect) return 'wpad';
  return 'direct';
}

/** Why a key could not be read, in words; access denied says what would read it. */
function unreadable(key: string, read: KeyRead & { status: 'error' }, whose: 'winhttp' | 'internet' | 'connections'): string {
  if (read.win32Error === WIN32_ERROR.accessDenied) return t('probes.serviceProxy.denied', { whose, key });
  return t('probes.registry.keyUnreadable', { key, reason: keyErrorWords(read) });
}

/** The machine's WinHTTP proxy; null (with a note) when its key or value cannot be read. */
export async function probeWinHttpProxy(registry: RegistryReader, notes: ProbeNotes): Promise<string | null> {
  const key = SERVICE_PROXY_KEYS.machineConnections;
  const read = await registry.readKey(key);
  if (read.status === 'error') {
    notes.add('/serviceProxy/winhttp', unreadable(key, read, 'winhttp'));
    return null;
  }
  // No key, or no value: netsh winhttp has never been told a proxy (`reset proxy` writes a direct blob).
  if (read.status === 'missing' || !read.values.has('winhttpsettings')) return 'direct';
  const bytes = binaryValue(read, 'WinHttpSettings');
  const settings = bytes && parseConnectionSettings(bytes);
  if (!settings) {
    notes.add('/serviceProxy/winhttp', t('probes.serviceProxy.winhttpUnreadable', { key }));
    return null;
  }
  return settingOfConnection(settings);
}

/**
 * Local System's Internet settings: AutoConfigURL (a PAC script), else ProxyEnable 1 with ProxyServer, else
 * the auto-detect flag of its DefaultConnectionSettings (WPAD), else direct. null (with a note) when a key
 * it needs cannot be read. A key that is not there holds no setting: direct.
 */
export async function probeSystemAccountProxy(registry: RegistryReader, notes: ProbeNotes): Promise<string | null> {
  const field = '/serviceProxy/systemAccount';
  const key = SERVICE_PROXY_KEYS.systemInternetSettings;
  const settings = await registry.readKey(key);
  if (settings.status === 'error') {
    notes.add(field, unreadable(key, settings, 'internet'));
    return null;
  }
  const pac = stringValue(settings, 'AutoConfigURL');
  if (pac && pac.trim() !== '') return normalizeProxySetting(`pac:${pac}`);
  const server = stringValue(settings, 'ProxyServer');
  if (numberValue(settings, 'ProxyEnable') === 1 && server && server.trim() !== '') return normalizeProxySetting(server);

  const connectionsKey = SERVICE_PROXY_KEYS.systemConnections;
  const connections = await registry.readKey(connectionsKey);
  if (connections.status === 'error') {
    notes.add(field, unreadable(connectionsKey, connections, 'connections'));
    return null;
  }
  if (connections.status === 'missing' || !connections.values.has('defaultconnectionsettings')) return 'direct';
  const blob = binaryValue(connections, 'DefaultConnectionSettings');
  if (!blob || blob.length < 12) {
    notes.add(field, t('probes.serviceProxy.connectionUnreadable', { key: connectionsKey }));
    return null;
  }
  return (blob[8]! & PROXY_TYPE.autoDetect) !== 0 ? 'wpad' : 'direct';
}

/** serviceProxy without `probe` (null here: the collector fills it from the endpoint probe's proxy). */
export async function probeWindowsServiceProxy(registry: RegistryReader, notes: ProbeNotes): Promise<ServiceProxyFacts> {
  const [winhttp, systemAccount] = await Promise.all([probeWinHttpProxy(registry, notes), probeSystemAccountProxy(registry, notes)]);
  return { winhttp, systemAccount, probe: null };
}
