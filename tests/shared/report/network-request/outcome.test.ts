// What failed, as the network team's table says it: the outcome of each endpoint test, read from what
// the real probe (electron/probes/network/endpoints.ts) records for each kind of failure - run here
// against local servers - and from `reachable` for tests that did not finish or were not made.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoints, type EndpointTarget, type NetworkProbeOptions } from '../../../../electron/probes/network/endpoints.js';
import { readEndpointError } from '../../../../shared/profile/endpoint-error.js';
import { endpointOutcome } from '../../../../shared/report/network-request/endpoint-outcome.js';

const tls = (name: string) => readFileSync(new URL(`../../../fixtures/tls/${name}`, import.meta.url), 'utf8');
const servers: (Server | HttpServer)[] = [];
const sockets = new Set<Socket>();
async function listen(server: Server | HttpServer): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
let ports: Record<string, number>;
beforeAll(async () => {
  const closedServer = createTcpServer();
  const closed = await new Promise<number>((resolve) =>
    closedServer.listen(0, '127.0.0.1', () => resolve((closedServer.address() as AddressInfo).port)),
  );
  await new Promise((resolve) => closedServer.close(resolve));
  ports = {
    rogue: await listen(createTlsServer({ key: tls('rogue-server.key'), cert: tls('rogue-server.pem') }, (s) => s.end())),
    silent: await listen(createTcpServer(() => {})),
    portal: await listen(createHttpServer((_req, res) => res.end('<html>Sign in to the guest Wi-Fi</html>'))),
    authProxy: await listen(
      (() => {
        const proxy = createHttpServer((_req, res) => res.writeHead(407).end());
        proxy.on('connect', (_req, client: Socket) => client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'));
        return proxy;
      })(),
    ),
    closed,
    // A proxy in the way that the machine does not know of: it answers the plain request with 407.
    unseen407: await listen(createHttpServer((_req, res) => res.writeHead(407).end())),
  };
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const target: EndpointTarget = { pattern: '*.microsoft.com', host: 'www.microsoft.com', port: 443, protocol: 'https' };
const ncsi: EndpointTarget = { pattern: 'www.msftncsi.com', host: 'www.msftncsi.com', port: 80, protocol: 'http' };
const local = (port: string, extra: NetworkProbeOptions = {}): NetworkProbeOptions => ({
  lookup: async () => ['127.0.0.1'],
  route: () => ({ host: '127.0.0.1', port: ports[port]! }),
  ca: [tls('trusted-ca.pem')],
  perProbeTimeoutMs: 1000,
  budgetMs: 4000,
  ...extra,
});
const outcomeOf = async (t: EndpointTarget, options: NetworkProbeOptions, sample = false) =>
  endpointOutcome((await probeEndpoints([t], options))[0], sample);

describe('endpointOutcome, on what the probe records', () => {
  it('tells TLS interception, a refused connection and a timeout apart', async () => {
    expect(await outcomeOf(target, local('rogue'))).toBe('tls-intercepted');
    expect(await outcomeOf(target, local('closed'))).toBe('refused');
    expect(await outcomeOf(target, local('silent'))).toBe('timed-out');
  });
  it('tells DNS, a proxy that wants credentials and a captive portal apart', async () => {
    const noDns = { lookup: () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })) };
    expect(await outcomeOf(target, local('closed', noDns))).toBe('dns');
    expect(await outcomeOf(target, { proxy: `http://127.0.0.1:${ports.authProxy}`, perProbeTimeoutMs: 1000 })).toBe('proxy-auth');
    expect(await outcomeOf(ncsi, local('portal'))).toBe('unexpected-answer');
  });
  it('tells a proxy nobody set that asks for credentials, in a sentence of its own that reads back', async () => {
    const [probe] = await probeEndpoints([ncsi], local('unseen407'));
    expect(endpointOutcome(probe, false)).toBe('proxy-auth');
    expect(readEndpointError(probe!.error!)).toEqual({ kind: 'unseenProxyAuth', args: { host: 'www.msftncsi.com' } });
  });
  it('reads tests that did not finish, sample names DNS does not know, and missing tests from reachable', async () => {
    const sampleTarget = { ...target, pattern: '*.blob.core.windows.net', host: 'mystorage.blob.core.windows.net', sample: true };
    const noDns = { lookup: () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })) };
    expect(await outcomeOf(sampleTarget, local('closed', noDns), true)).toBe('sample-unknown');
    expect(await outcomeOf(target, local('silent', { perProbeTimeoutMs: 3000, budgetMs: 300 }))).toBe('not-finished');
    expect(endpointOutcome(undefined, false)).toBe('not-tested');
    expect(endpointOutcome({ pattern: 'x', reachable: true }, false)).toBe('reached');
    // Another tool's sentence, or none: a failure all the same, with its words shown as they are.
    expect(endpointOutcome({ pattern: 'x', reachable: false, error: 'Blocked by policy 42' }, false)).toBe('failed');
    expect(endpointOutcome({ pattern: 'x', reachable: false }, false)).toBe('failed');
    // An earlier version's wording of a timeout, with a capital letter, and of DNS with a full stop: their kind.
    expect(
      endpointOutcome({ pattern: 'x', reachable: false, error: 'Timed out after 5 s: a firewall may be dropping the connection.' }, false),
    ).toBe('timed-out');
    expect(endpointOutcome({ pattern: 'x', reachable: false, error: 'DNS could not resolve x (ENOTFOUND). ' }, false)).toBe('dns');
    // A 407 with no proxy set: a proxy the machine does not know of.
    expect(
      endpointOutcome(
        { pattern: 'x', reachable: false, error: 'the proxy  asks for credentials (407 Proxy Authentication Required)' },
        false,
      ),
    ).toBe('proxy-auth');
  });
});
