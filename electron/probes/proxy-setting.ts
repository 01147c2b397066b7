// One spelling for a proxy setting, so that the proxies the profile's serviceProxy compares (the machine's
// WinHTTP proxy, Local System's Internet settings, the one the endpoint probe used) are equal exactly when
// they send HTTPS the same way. The schema's words: "direct, wpad, pac:<url> or <host>:<port>, lowercase,
// scheme and trailing slash removed; of a per-protocol list (http=a:1;https=b:2) the https entry, else the
// entry without a protocol".

/** The port WinINet and WinHTTP give a proxy written without one (the scheme's where one is written). */
const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443, socks: 1080 };

/**
 * A proxy setting in the profile's form:
 * - `direct`, `wpad`, and `pac:<url>` (`pac:HTTP://Wpad/Proxy.pac/` → `pac:http://wpad/proxy.pac`) as they are, lowercase;
 * - a proxy server as `<host>:<port>`: scheme, user name and password, path and trailing slash removed, the
 *   default port (80; 443 for https://) added where none is written;
 * - a list (`;` or whitespace between entries, as WinINet and WinHTTP accept it): its `https=` entry, else
 *   its first entry without a protocol; a list with neither (only `http=` or `ftp=` entries, say) sends
 *   HTTPS directly: `direct`.
 * Empty text means no proxy: `direct`.
 */
export function normalizeProxySetting(text: string): string {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'direct' || trimmed === 'wpad') return trimmed || 'direct';
  if (trimmed.startsWith('pac:')) return `pac:${trimmed.slice(4).trim().replace(/\/+$/, '')}`;
  const entries = trimmed.split(/[;\s]+/).filter(Boolean);
  const https = entries.find((e) => e.startsWith('https='));
  const plain = entries.find((e) => !e.includes('='));
  const chosen = https ? https.slice('https='.length) : plain;
  return chosen ? hostAndPort(chosen) : 'direct';
}

/** `http://user:pw@Proxy:8080/` → `proxy:8080`; `[::1]` → `[::1]:80`. */
function hostAndPort(entry: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(entry)?.[1] ?? null;
  let rest = scheme ? entry.slice(scheme.length + 3) : entry;
  rest = rest.replace(/[/?#].*$/, '');
  rest = rest.slice(rest.lastIndexOf('@') + 1);
  const hasPort = /^\[[^\]]*\]:\d+$/.test(rest) || /^[^:[\]]+:\d+$/.test(rest);
  if (hasPort || rest === '') return rest || 'direct';
  return `${rest.replace(/:$/, '')}:${DEFAULT_PORT[scheme ?? 'http'] ?? DEFAULT_PORT.http}`;
}
