// The clock measurement of the network probe (profile section clock): after a verified handshake the
// probe sends HEAD / and takes the Date of the first response to arrive with a valid one. Against a TLS
// server on 127.0.0.1 whose answer each test scripts per Host header, with the tests' CA and an injected
// clock and resolver: no query and no packet leaves this machine.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  parseImfFixdate,
  probeEndpoints,
  probeNetwork,
  type EndpointTarget,
  type NetworkProbeOptions,
} from '../../../electron/probes/network/endpoints.js';

const tls = (name: string) => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url), 'utf8');

/** The injected clock: 12:00:00.400 UTC on 14 March 2025 (the real clock is never read). */
const NOW = Date.UTC(2025, 2, 14, 12, 0, 0, 400);
const imf = (ms: number) => new Date(ms).toUTCString();

/** What the scripted server does once a request has arrived: answer (after a delay, then close) or never. */
type Script = { answer: string; delayMs?: number; keepOpen?: boolean } | 'hang';
let script: (host: string) => Script;
let requests: string[];
beforeEach(() => {
  script = () => ({ answer: 'HTTP/1.1 200 OK\r\n\r\n' });
  requests = [];
});
const ok = (...headers: string[]) => ({ answer: `HTTP/1.1 200 OK\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n` });

const servers: (Server | HttpServer)[] = [];
const sockets = new Set<Socket>();
const listen = async <T extends Server | HttpServer>(server: T): Promise<number> => {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

let ports: { scripted: number; rogue: number; ncsi: number; proxy: number };
beforeAll(async () => {
  const scripted = await listen(
    createTlsServer({ key: tls('trusted-server.key'), cert: tls('trusted-server.pem') }, (secure) => {
      secure.on('error', () => {});
      let buffered = '';
      secure.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('latin1');
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const request = buffered.slice(0, end);
        requests.push(request);
        const host = /^host: *(.*)$/im.exec(request)?.[1] ?? '';
        const what = script(host);
        if (what === 'hang') return;
        setTimeout(() => (what.keepOpen ? secure.write(what.answer, 'latin1') : secure.end(what.answer, 'latin1')), what.delayMs ?? 0);
      });
    }),
  );
  const rogue = await listen(createTlsServer({ key: tls('rogue-server.key'), cert: tls('rogue-server.pem') }, (s) => s.end()));
  // Node's HTTP server sends a Date of its own: the NCSI probe's must not count.
  const ncsi = await listen(createHttpServer((_req, res) => res.end('Microsoft NCSI')));
  const proxy = await listen(createHttpServer());
  (servers.at(-1) as HttpServer).on('connect', (_req, client: Socket) => {
    const upstream = connect(scripted, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  ports = { scripted, rogue, ncsi, proxy };
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const https = (host: string): EndpointTarget => ({ pattern: host, host, port: 443, protocol: 'https' });
const ncsiTarget: EndpointTarget = { pattern: 'www.msftncsi.com', host: 'www.msftncsi.com', port: 80, protocol: 'http' };
const local = (extra: NetworkProbeOptions = {}, server: keyof typeof ports = 'scripted'): NetworkProbeOptions => ({
  lookup: async () => ['127.0.0.1'],
  route: (_host, port) => ({ host: '127.0.0.1', port: port === 80 ? ports.ncsi : ports[server] }),
  ca: [tls('trusted-ca.pem')],
  perProbeTimeoutMs: 1500,
  budgetMs: 5000,
  now: () => NOW,
  ...extra,
});
const none = { skewSeconds: null, referenceHost: null };

describe('probeNetwork: the clock', () => {
  it('measures a clock 90 s ahead of the server, with a minimal HEAD request', async () => {
    script = () => ok(`Date: ${imf(NOW - 90_000)}`, 'Server: test');
    const { endpoints, clock } = await probeNetwork([https('www.microsoft.com')], local());
    expect(clock).toEqual({ skewSeconds: 90, referenceHost: 'www.microsoft.com' });
    expect(endpoints).toEqual([
      { pattern: 'www.microsoft.com', host: 'www.microsoft.com', port: 443, reachable: true, error: null, ms: expect.any(Number) },
    ]);
    expect(requests).toEqual(['HEAD / HTTP/1.1\r\nHost: www.microsoft.com\r\nConnection: close']);
  });
  it('measures a clock behind the server as negative, rounded to the second', async () => {
    script = () => ok(`Date: ${imf(NOW + 120_000)}`);
    expect((await probeNetwork([https('www.microsoft.com')], local())).clock).toEqual({
      skewSeconds: -120,
      referenceHost: 'www.microsoft.com',
    });
    // arrival 12:00:00.600 − date 12:00:01 = −0.4 s: rounds to 0, never −0
    script = () => ok(`Date: ${imf(NOW + 600)}`);
    const now = () => NOW + 200;
    expect((await probeNetwork([https('www.microsoft.com')], local({ now }))).clock!.skewSeconds).toBe(0);
  });
  it('reads the local time when the response headers arrive', async () => {
    script = () => ({ ...ok(`Date: ${imf(NOW)}`), delayMs: 200 });
    const started = Date.now();
    let arrivedAfter = 0;
    const now = () => {
      arrivedAfter = Date.now() - started;
      return NOW + 5_000;
    };
    expect((await probeNetwork([https('www.microsoft.com')], local({ now }))).clock!.skewSeconds).toBe(5);
    expect(arrivedAfter).toBeGreaterThanOrEqual(190);
  });
  it('matches the header name in any case, with optional whitespace around the value', async () => {
    script = () => ok(`dAtE:\t ${imf(NOW - 3_000)} `);
    expect((await probeNetwork([https('www.microsoft.com')], local())).clock!.skewSeconds).toBe(3);
  });
  it('gives no measurement when no response carries a Date, and the endpoint still passes', async () => {
    script = () => ok('Server: test');
    const { endpoints, clock } = await probeNetwork([https('www.microsoft.com')], local());
    expect(clock).toEqual(none);
    expect(endpoints[0]).toMatchObject({ reachable: true, error: null });
  });
  it('gives no measurement from a Date that is not a strict IMF-fixdate', async () => {
    const date = imf(NOW - 90_000); // Fri, 14 Mar 2025 11:58:30 GMT
    for (const header of [
      'Date: yesterday',
      'Date: Fri, 14 Mar 2025 11:58:30 PST',
      'Date: Fri, 14 Mar 2025 11:58:30 +0000',
      'Date: Friday, 14-Mar-25 11:58:30 GMT', // RFC 850
      'Date: Fri Mar 14 11:58:30 2025', // asctime
      'Date: Sat, 14 Mar 2025 11:58:30 GMT', // not a Saturday
      'Date: fri, 14 mar 2025 11:58:30 GMT',
      'Date : ' + date, // whitespace before the colon: not the Date field
      `Date: ${date}\r\n  (folded)`,
      `Date: ${date}\r\nDate: ${imf(NOW)}`, // given twice, differently
      'Date:',
    ]) {
      script = () => ok(header);
      const { endpoints, clock } = await probeNetwork([https('www.microsoft.com')], local());
      expect(clock, header).toEqual(none);
      expect(endpoints[0]!.reachable).toBe(true);
    }
    script = () => ok(`Date: ${date}`, `Date: ${date}`); // the same twice is still one date
    expect((await probeNetwork([https('www.microsoft.com')], local())).clock!.skewSeconds).toBe(90);
  });
  it('needs an HTTP response: other bytes give nothing', async () => {
    script = () => ({ answer: `SSH-2.0-OpenSSH\r\nDate: ${imf(NOW)}\r\n\r\n` });
    expect((await probeNetwork([https('www.microsoft.com')], local())).clock).toEqual(none);
  });
  it('reads past an interim 103 response to the final one', async () => {
    script = () => ({
      answer: `HTTP/1.1 103 Early Hints\r\nDate: ${imf(NOW - 1_000_000)}\r\n\r\nHTTP/1.1 404 Not Found\r\nDate: ${imf(NOW - 7_000)}\r\n\r\n`,
    });
    expect((await probeNetwork([https('www.microsoft.com')], local())).clock!.skewSeconds).toBe(7);
  });
  it('takes the first response to arrive with a valid Date, not the first target', async () => {
    script = (host) =>
      host === 'www.microsoft.com'
        ? { ...ok(`Date: ${imf(NOW - 50_000)}`), delayMs: 300 }
        : host === 'login.windows.net'
          ? ok('Server: no date') // first to answer, but without a Date
          : { ...ok(`Date: ${imf(NOW - 20_000)}`), delayMs: 100 };
    const { endpoints, clock } = await probeNetwork(
      [https('www.microsoft.com'), https('login.windows.net'), https('login.microsoftonline.com')],
      local(),
    );
    expect(clock).toEqual({ skewSeconds: 20, referenceHost: 'login.microsoftonline.com' });
    expect(endpoints.map((e) => e.reachable)).toEqual([true, true, true]);
  });
  it('stops waiting for other answers once one Date has been found', async () => {
    script = (host) => (host === 'www.microsoft.com' ? 'hang' : ok(`Date: ${imf(NOW - 1_000)}`));
    const started = Date.now();
    const { endpoints, clock } = await probeNetwork(
      [https('www.microsoft.com'), https('login.windows.net')],
      local({ perProbeTimeoutMs: 4000 }),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(clock).toEqual({ skewSeconds: 1, referenceHost: 'login.windows.net' });
    expect(endpoints.map((e) => e.reachable)).toEqual([true, true]);
  });
  it('counts a server that never answers the HEAD as reachable, and returns within its timeout', async () => {
    script = () => 'hang';
    const started = Date.now();
    const { endpoints, clock } = await probeNetwork([https('www.microsoft.com')], local({ perProbeTimeoutMs: 600 }));
    const elapsed = Date.now() - started;
    expect(endpoints[0]).toMatchObject({ reachable: true, error: null });
    expect(endpoints[0]!.ms).toBeLessThan(600);
    expect(clock).toEqual(none);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(1200);
    // The overall budget bounds the wait as well, and still leaves the endpoint reachable.
    const budgeted = Date.now();
    const under = await probeNetwork([https('www.microsoft.com')], local({ perProbeTimeoutMs: 10_000, budgetMs: 500 }));
    expect(Date.now() - budgeted).toBeLessThan(1100);
    expect(under).toEqual({ endpoints: [expect.objectContaining({ reachable: true, error: null })], clock: none });
  });
  it('gives up on a header block longer than 16 KB without waiting for the timeout', async () => {
    const padding = `X-Padding: ${'a'.repeat(17 * 1024)}`;
    script = () => ({ answer: `HTTP/1.1 200 OK\r\n${padding}\r\nDate: ${imf(NOW)}\r\n\r\n` });
    expect((await probeNetwork([https('www.microsoft.com')], local())).clock).toEqual(none);
    // ... and on one that never ends, long before the probe's timeout.
    script = () => ({ answer: `HTTP/1.1 200 OK\r\n${padding}`, keepOpen: true });
    const started = Date.now();
    const { endpoints, clock } = await probeNetwork([https('www.microsoft.com')], local({ perProbeTimeoutMs: 4000 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(clock).toEqual(none);
    expect(endpoints[0]!.reachable).toBe(true);
  });
  it('measures through the proxy, inside the CONNECT tunnel', async () => {
    script = () => ok(`Date: ${imf(NOW - 90_000)}`);
    const { endpoints, clock } = await probeNetwork([https('management.core.windowsazure.com')], {
      ...local(),
      route: undefined,
      lookup: async () => Promise.reject(new Error('the probe must not resolve names itself behind a proxy')),
      proxy: `http://127.0.0.1:${ports.proxy}`,
    });
    expect(endpoints[0]).toMatchObject({ reachable: true, error: null });
    expect(clock).toEqual({ skewSeconds: 90, referenceHost: 'management.core.windowsazure.com' });
    expect(requests).toEqual(['HEAD / HTTP/1.1\r\nHost: management.core.windowsazure.com\r\nConnection: close']);
  });
  it('ignores the HTTP (NCSI) response and any failed handshake', async () => {
    const ncsi = await probeNetwork([ncsiTarget], local());
    expect(ncsi).toEqual({ endpoints: [expect.objectContaining({ reachable: true })], clock: none });
    const rogue = await probeNetwork([https('www.microsoft.com')], local({}, 'rogue'));
    expect(rogue.endpoints[0]!.error).toMatch(/TLS intercepted/);
    expect(rogue.clock).toEqual(none);
  });
  it('leaves probeEndpoints as it was: no request after the handshake', async () => {
    script = () => ok(`Date: ${imf(NOW)}`);
    const endpoints = await probeEndpoints([https('www.microsoft.com')], local());
    expect(endpoints).toEqual([expect.objectContaining({ reachable: true, error: null })]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });
});

describe('parseImfFixdate', () => {
  const years0to9999 = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
  it('reads the example of RFC 9110', () => {
    expect(parseImfFixdate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });
  it('reads back any date toUTCString writes, to the second', () => {
    fc.assert(
      fc.property(years0to9999, (date) => {
        expect(parseImfFixdate(date.toUTCString())).toBe(Math.floor(date.getTime() / 1000) * 1000);
      }),
    );
  });
  it('refuses years that do not have four digits', () => {
    const outside = fc.oneof(
      fc.date({ max: new Date('-000001-12-31T23:59:59.999Z'), noInvalidDate: true }),
      fc.date({ min: new Date('+010000-01-01T00:00:00Z'), noInvalidDate: true }),
    );
    fc.assert(fc.property(outside, (date) => parseImfFixdate(date.toUTCString()) === null));
  });
  it('never throws on any text, and accepts only what toUTCString would write', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const parsed = parseImfFixdate(text);
        if (parsed !== null) expect(new Date(parsed).toUTCString()).toBe(text);
      }),
    );
    // Near misses: one character of a valid date replaced.
    const mutated = fc.tuple(years0to9999, fc.nat(), fc.string({ minLength: 0, maxLength: 2 })).map(([date, at, by]) => {
      const text = date.toUTCString();
      const i = at % text.length;
      return text.slice(0, i) + by + text.slice(i + 1);
    });
    fc.assert(
      fc.property(mutated, (text) => {
        const parsed = parseImfFixdate(text);
        if (parsed !== null && !text.includes(':60 ')) expect(new Date(parsed).toUTCString()).toBe(text);
      }),
    );
  });
  it('refuses other forms, zones, impossible dates and times', () => {
    for (const bad of [
      'Sunday, 06-Nov-94 08:49:37 GMT',
      'Sun Nov  6 08:49:37 1994',
      'Sun, 06 Nov 1994 08:49:37 UTC',
      'Sun, 06 Nov 1994 08:49:37 gmt',
      'Sun, 06 Nov 1994 08:49:37 +0000',
      'Sun, 6 Nov 1994 08:49:37 GMT',
      'Sun, 06 Nov 94 08:49:37 GMT',
      'Sun, 06 nov 1994 08:49:37 GMT',
      'SUN, 06 Nov 1994 08:49:37 GMT',
      'Sun,  06 Nov 1994 08:49:37 GMT',
      ' Sun, 06 Nov 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 08:49:37 GMT ',
      'Sun, 06 Nov 1994 08:49:37 GMT\n',
      'Sun, 06 Nov 1994 8:49:37 GMT',
      'Mon, 06 Nov 1994 08:49:37 GMT',
      'Fri, 30 Feb 2024 08:49:37 GMT',
      'Sat, 00 Nov 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 24:00:00 GMT',
      'Sun, 06 Nov 1994 08:60:00 GMT',
      'Sun, 06 Nov 1994 08:49:61 GMT',
      'Sun, ٠٦ Nov 1994 08:49:37 GMT',
      '',
    ])
      expect(parseImfFixdate(bad), bad).toBeNull();
  });
  it('allows a leap second', () => {
    expect(parseImfFixdate('Sat, 31 Dec 2016 23:59:60 GMT')).toBe(Date.UTC(2017, 0, 1));
  });
});
