// Can this machine reach the Microsoft endpoints the matrix lists? One representative host per pattern
// (a wildcard cannot be probed), all in parallel, each with its own timeout and one overall budget.
// HTTPS patterns: DNS, TCP, then a TLS handshake that verifies the certificate, so that a proxy or
// firewall that intercepts TLS shows up. www.msftncsi.com: an HTTP GET of ncsi.txt, as Windows does.
// Through a proxy when one is configured (HTTP CONNECT for TLS, an absolute URL for HTTP).
// probeNetwork also measures this machine's clock: after a verified handshake it sends HEAD / over the
// same connection (so through the same proxy) and reads only the response's header block; the Date of
// the first response to arrive with a valid one gives the skew. That read never changes or delays a
// probe's own result, and stops at the probe's timeout, at 16 KB, or as soon as one Date has been found.

import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { rootCertificates, connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { EDITIONS } from '../../../shared/matrix/index.js';
import type { EndpointRow } from '../../../shared/matrix/types.js';
import type { ClockFacts, EndpointProbe } from '../../../shared/profile/types.js';
import { endpointErrorText } from '../../../shared/profile/endpoint-error.js';

export interface EndpointTarget {
  pattern: string;
  host: string;
  port: number;
  protocol: 'http' | 'https';
  /** The host is a made-up sample of the pattern (see EndpointRow.probeHostIsSample). */
  sample?: boolean;
}

export interface NetworkProbeOptions {
  /** Resolves a host name to addresses; injected in tests so that no query leaves the machine. */
  lookup?: (host: string) => Promise<string[]>;
  /** Where to connect for a host and port; tests point every host at a local server. */
  route?: (host: string, port: number) => { host: string; port: number };
  /** Extra certificate authorities to trust (tests' own CA); the system's are trusted as well. */
  ca?: string[];
  /** An HTTP proxy, as http://[user:pass@]host:port. */
  proxy?: string | null;
  perProbeTimeoutMs?: number;
  budgetMs?: number;
  /** Cancels the whole test (the wizard's Cancel). */
  signal?: AbortSignal;
  /** This machine's clock (ms since the epoch), read when a response's headers arrive; injected in tests. */
  now?: () => number;
}

export interface NetworkProbe {
  endpoints: EndpointProbe[];
  /** From the first HTTPS response that arrived with a valid Date header; null/null when none did. */
  clock: ClockFacts;
}

const NCSI_PATH = '/ncsi.txt';
const NCSI_BODY = 'Microsoft NCSI';
/** A response whose header block has not ended within this many bytes gives no Date. */
const MAX_RESPONSE_HEAD = 16 * 1024;

/** Every pattern any edition lists, once: a profile collected here can then be judged by either edition. */
export function endpointTargets(): EndpointTarget[] {
  const seen = new Map<string, EndpointTarget>();
  const add = (row: EndpointRow, pattern: string, host: string, protocol: 'http' | 'https', port: number) => {
    if (!seen.has(pattern)) seen.set(pattern, { pattern, host, port, protocol });
  };
  for (const edition of Object.values(EDITIONS)) {
    for (const row of edition.endpoints) {
      if (row.anyOf) {
        // The OS connectivity check: each alternative is probed the way Windows probes it.
        for (const alternative of row.anyOf) {
          if (alternative === 'www.msftncsi.com') add(row, alternative, alternative, 'http', 80);
          else add(row, alternative, alternative, 'https', 443);
        }
      } else {
        add(row, row.pattern, row.probeHost, row.protocol, row.port);
        if (row.probeHostIsSample) seen.get(row.pattern)!.sample = true;
      }
    }
  }
  return [...seen.values()];
}

/** Reachability only, exactly as before the clock was measured: no request is sent after a handshake. */
export async function probeEndpoints(targets: EndpointTarget[], options: NetworkProbeOptions = {}): Promise<EndpointProbe[]> {
  return (await run(targets, options, false)).endpoints;
}

/** Reachability, and the clock skew against the first HTTPS endpoint to answer HEAD / with a Date. */
export function probeNetwork(targets: EndpointTarget[], options: NetworkProbeOptions = {}): Promise<NetworkProbe> {
  return run(targets, options, true);
}

/** What a probe needs to take part in the clock measurement. */
interface ClockReading {
  now: () => number;
  /** Aborted once a Date has been found: no later response can be the first. */
  found: AbortSignal;
  record: (host: string, skewSeconds: number) => void;
  pending: (read: Promise<void>) => void;
}

async function run(targets: EndpointTarget[], options: NetworkProbeOptions, measureClock: boolean): Promise<NetworkProbe> {
  const budget = options.budgetMs ?? 10_000;
  const overall = new AbortController();
  const timer = setTimeout(() => overall.abort(), budget);
  const cancel = () => overall.abort();
  if (options.signal?.aborted) overall.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  let clock: ClockFacts = { skewSeconds: null, referenceHost: null };
  const found = new AbortController();
  const reads: Promise<void>[] = [];
  const reading: ClockReading | null = measureClock
    ? {
        now: options.now ?? Date.now,
        found: found.signal,
        record: (host, skewSeconds) => {
          if (found.signal.aborted) return;
          clock = { skewSeconds, referenceHost: host };
          found.abort();
        },
        pending: (read) => reads.push(read),
      }
    : null;
  try {
    const endpoints = await Promise.all(targets.map((target) => probeOne(target, options, overall.signal, budget, reading)));
    // Each read ends by itself (the probe's timeout or the budget at the latest) and never rejects.
    await Promise.all(reads);
    return { endpoints, clock };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
    found.abort();
  }
}

async function probeOne(
  target: EndpointTarget,
  options: NetworkProbeOptions,
  overall: AbortSignal,
  budgetMs: number,
  reading: ClockReading | null,
): Promise<EndpointProbe> {
  const started = performance.now();
  const timeoutMs = options.perProbeTimeoutMs ?? 5_000;
  const result = (reachable: boolean | null, error: string | null): EndpointProbe => ({
    pattern: target.pattern,
    host: target.host,
    port: target.port,
    reachable,
    error,
    ms: reachable ? Math.round(performance.now() - started) : null,
  });
  const own = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([own, overall]);
  try {
    if (target.protocol === 'http') {
      await raceAbort(fetchNcsi(target, options, signal), signal);
      return result(true, null);
    }
    const secure = await raceAbort(handshake(target, options, signal), signal);
    const reached = result(true, null);
    if (reading && !reading.found.aborted) reading.pending(readDate(secure, target, AbortSignal.any([signal, reading.found]), reading));
    else secure.end();
    return reached;
  } catch (error) {
    if (overall.aborted && !own.aborted) return result(null, endpointErrorText('unfinished', { seconds: Math.round(budgetMs / 1000) }));
    if (own.aborted) return result(false, endpointErrorText('timedOut', { seconds: Math.round(timeoutMs / 1000) }));
    if (error instanceof SampleUnknown) return result(null, error.message);
    return result(false, explain(error, target, options.proxy ?? null));
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    promise.then(resolve, reject);
  });
}

class ProbeError extends Error {}
/** DNS does not know a made-up sample host: nothing learnt about the network. */
class SampleUnknown extends Error {}

/** Opens a TCP connection to the host (resolved here) or, through a proxy, a CONNECT tunnel to it. */
async function openSocket(target: EndpointTarget, options: NetworkProbeOptions, signal: AbortSignal): Promise<Socket> {
  if (options.proxy) return tunnel(target, options.proxy, signal);
  const addresses = await (options.lookup ?? defaultLookup)(target.host).catch((error: NodeJS.ErrnoException) => {
    if (target.sample && error.code === 'ENOTFOUND')
      throw new SampleUnknown(endpointErrorText('sampleUnknown', { host: target.host, pattern: target.pattern }));
    throw new ProbeError(endpointErrorText('dns', { host: target.host, code: error.code ?? error.message }));
  });
  if (addresses.length === 0) throw new ProbeError(endpointErrorText('dnsEmpty', { host: target.host }));
  const route = options.route?.(target.host, target.port) ?? { host: addresses[0]!, port: target.port };
  return connectTcp(route.host, route.port, signal);
}

function connectTcp(host: string, port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    const abort = () => socket.destroy();
    signal.addEventListener('abort', abort, { once: true });
    socket.once('connect', () => resolve(socket));
    socket.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      reject(error);
    });
    socket.once('close', () => signal.removeEventListener('abort', abort));
  });
}

async function tunnel(target: EndpointTarget, proxy: string, signal: AbortSignal): Promise<Socket> {
  const url = new URL(proxy);
  const socket = await connectTcp(url.hostname, Number(url.port || 8080), signal);
  const auth = url.username
    ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}\r\n`
    : '';
  socket.write(`CONNECT ${target.host}:${target.port} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\n${auth}\r\n`);
  const head = await readHead(socket);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  if (status === 200) return socket;
  socket.destroy();
  if (status === 407) throw new ProbeError(endpointErrorText('proxyAuth', { proxy: url.host }));
  throw new ProbeError(
    status
      ? endpointErrorText('proxyRefusedTarget', { proxy: url.host, host: target.host, status })
      : endpointErrorText('proxyNoAnswer', { proxy: url.host, host: target.host }),
  );
}

function readHead(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0) {
        socket.off('data', onData);
        const rest = buffered.slice(end + 4);
        if (rest) socket.unshift(Buffer.from(rest, 'latin1'));
        resolve(buffered.slice(0, end));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('end', () => reject(new ProbeError(endpointErrorText('proxyClosed', {}))));
  });
}

/** A verified TLS connection to the host, left open; it is destroyed when the signal aborts. */
async function handshake(target: EndpointTarget, options: NetworkProbeOptions, signal: AbortSignal): Promise<TLSSocket> {
  const socket = await openSocket(target, options, signal);
  return new Promise<TLSSocket>((resolve, reject) => {
    const tlsOptions: ConnectionOptions = { socket, servername: target.host, ALPNProtocols: ['http/1.1'] };
    if (options.ca) tlsOptions.ca = [...rootCertificates, ...options.ca];
    const secure = tlsConnect(tlsOptions, () => resolve(secure));
    if (signal.aborted) secure.destroy();
    signal.addEventListener('abort', () => secure.destroy(), { once: true });
    // Not once: an error after the handshake (the server closing while HEAD is written) is no failure.
    secure.on('error', reject);
  });
}

/**
 * Sends HEAD / over the verified connection and reads the header block of the (final) response; its
 * Date, if valid, is recorded with the local time the block arrived. Always destroys the connection;
 * never rejects: a server that does not answer, or answers without a usable Date, gives no measurement.
 */
function readDate(secure: TLSSocket, target: EndpointTarget, signal: AbortSignal, reading: ClockReading): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', finish);
      secure.destroy();
      resolve();
    };
    if (signal.aborted) return finish();
    signal.addEventListener('abort', finish, { once: true });
    secure.on('error', finish);
    secure.once('end', finish);
    secure.once('close', finish);
    let buffered = '';
    let consumed = 0; // bytes before `buffered` (interim 1xx responses already read)
    secure.on('data', (chunk: Buffer) => {
      if (done) return;
      buffered += chunk.toString('latin1');
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0 || consumed + end + 4 > MAX_RESPONSE_HEAD) break;
        const arrived = reading.now();
        const head = buffered.slice(0, end);
        consumed += end + 4;
        buffered = buffered.slice(end + 4);
        const status = /^HTTP\/\d\.\d (\d{3})(?: |$)/.exec(head.split('\r\n', 1)[0]!)?.[1];
        if (status === undefined) return finish();
        if (status.startsWith('1')) continue; // interim (103 Early Hints): the final response follows
        const date = responseDate(head);
        if (date !== null) reading.record(target.host, Math.round((arrived - date) / 1000) || 0);
        return finish();
      }
      if (consumed + buffered.length >= MAX_RESPONSE_HEAD) finish();
    });
    const host = target.port === 443 ? target.host : `${target.host}:${target.port}`;
    secure.write(`HEAD / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

/**
 * The Date field of a response's header block (status line first, CRLF-separated, no final blank
 * line) as ms since the epoch; null when it is absent, malformed, folded, or given twice differently.
 */
function responseDate(head: string): number | null {
  let value: string | null = null;
  let previousWasDate = false;
  for (const line of head.split('\r\n').slice(1)) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      // Obsolete line folding continues the previous field: a folded Date is not an IMF-fixdate.
      if (previousWasDate) return null;
      continue;
    }
    const colon = line.indexOf(':');
    previousWasDate = colon > 0 && line.slice(0, colon).toLowerCase() === 'date';
    if (!previousWasDate) continue;
    const field = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (value !== null && value !== field) return null;
    value = field;
  }
  return value === null ? null : parseImfFixdate(value);
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * An RFC 9110 IMF-fixdate (Sun, 06 Nov 1994 08:49:37 GMT) as ms since the epoch, else null: names are
 * case-sensitive, the date must exist and fall on the day named; second 60 (a leap second) is allowed.
 * The obsolete RFC 850 and asctime forms, other zones and anything else are refused.
 */
export function parseImfFixdate(text: string): number | null {
  const match = IMF_FIXDATE.exec(text);
  if (!match) return null;
  const [day, year, hour, minute, second] = [2, 4, 5, 6, 7].map((i) => Number(match[i]));
  const month = MONTHS.indexOf(match[3]!);
  if (hour! > 23 || minute! > 59 || second! > 60) return null;
  const date = new Date(0);
  date.setUTCFullYear(year!, month, day); // not Date.UTC, which reads years 0-99 as 1900-1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  if (DAY_NAMES[date.getUTCDay()] !== match[1]) return null;
  date.setUTCHours(hour!, minute, second, 0);
  return date.getTime();
}

async function fetchNcsi(target: EndpointTarget, options: NetworkProbeOptions, signal: AbortSignal): Promise<void> {
  // Through a proxy, the request goes to the proxy with the full URL; directly, over our own socket
  // (so that the injected resolver and route apply).
  const proxy = options.proxy ? new URL(options.proxy) : null;
  const socket = proxy ? null : await openSocket(target, options, signal);
  const body = await new Promise<string>((resolve, reject) => {
    const request = httpRequest(
      {
        createConnection: socket ? () => socket : undefined,
        host: proxy ? proxy.hostname : target.host,
        port: proxy ? Number(proxy.port || 8080) : target.port,
        path: proxy ? `http://${target.host}${NCSI_PATH}` : NCSI_PATH,
        headers: { Host: target.host, Connection: 'close' },
        signal,
      },
      (response) => {
        if (response.statusCode === 407)
          reject(
            new ProbeError(
              proxy ? endpointErrorText('proxyAuth', { proxy: proxy.host }) : endpointErrorText('unseenProxyAuth', { host: target.host }),
            ),
          );
        else if (response.statusCode !== 200)
          reject(new ProbeError(endpointErrorText('httpStatus', { host: target.host, status: response.statusCode ?? 0 })));
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      },
    );
    request.once('error', reject);
    request.end();
  });
  if (body.trim() !== NCSI_BODY) throw new ProbeError(endpointErrorText('notTestFile', { host: target.host }));
}

async function defaultLookup(host: string): Promise<string[]> {
  return (await dnsLookup(host, { all: true })).map((a) => a.address);
}

/**
 * An error as the profile records it (shared/profile/endpoint-error.ts): one of the probe's sentences,
 * read back and said in each reader's language; an error of no known kind keeps Node's own words.
 */
function explain(error: unknown, target: EndpointTarget, proxy: string | null): string {
  if (error instanceof ProbeError) return error.message;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const through = proxy ? new URL(proxy).host : null;
  const where = `${target.host}:${target.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return through ? endpointErrorText('proxyRefused', { proxy: through }) : endpointErrorText('refused', { where });
    case 'ECONNRESET':
      return through ? endpointErrorText('proxyReset', { proxy: through }) : endpointErrorText('reset', { where });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return through ? endpointErrorText('proxyNoRoute', { proxy: through }) : endpointErrorText('noRoute', { where });
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return endpointErrorText('tlsUntrusted', { host: target.host });
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return endpointErrorText('tlsName', { host: target.host });
    case 'CERT_HAS_EXPIRED':
      return endpointErrorText('certificateExpired', { host: target.host });
    default:
      // Node's own message is English: the code says as much, in every language. Without one, its message.
      if (!/^[A-Z][A-Z0-9_]+$/.test(code)) return `${through ?? where}: ${(error as Error).message}`;
      return through ? endpointErrorText('proxyFailedCode', { proxy: through, code }) : endpointErrorText('failedCode', { where, code });
  }
}
