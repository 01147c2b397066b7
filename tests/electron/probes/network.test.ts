// The network probe against servers on 127.0.0.1 only: a TLS server with a CA the probe is told to trust,
// one with a CA it does not know (TLS interception), one that never answers, a closed port, an NCSI
// server and a captive portal, and an HTTP proxy (with and without a demand for credentials). DNS is an
// injected resolver: no query and no packet leaves this machine.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endpointTargets,
  probeEndpoints,
  type EndpointTarget,
  type NetworkProbeOptions,
} from '../../../electron/probes/network/endpoints.js';

const tls = (name: string) => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url), 'utf8');
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

let ports: Record<string, number>;
beforeAll(async () => {
  const trusted = await listen(createTlsServer({ key: tls('trusted-server.key'), cert: tls('trusted-server.pem') }, (s) => s.end()));
  const rogue = await listen(createTlsServer({ key: tls('rogue-server.key'), cert: tls('rogue-server.pem') }, (s) => s.end()));
  const silent = await listen(createTcpServer(() => {}));
  const closedServer = createTcpServer();
  const closed = await new Promise<number>((resolve) =>
    closedServer.listen(0, '127.0.0.1', () => resolve((closedServer.address() as AddressInfo).port)),
  );
  await new Promise((resolve) => closedServer.close(resolve));
  const ncsi = await listen(createHttpServer((req, res) => res.end(req.url === '/ncsi.txt' ? 'Microsoft NCSI' : 'no')));
  const portal = await listen(createHttpServer((_req, res) => res.end('<html>Please sign in to the hotel Wi-Fi</html>')));
  const proxy = await listen(makeProxy({ trusted, ncsi, requireAuth: false }));
  const authProxy = await listen(makeProxy({ trusted, ncsi, requireAuth: true }));
  ports = { trusted, rogue, silent, closed, ncsi, portal, proxy, authProxy };
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An HTTP proxy: CONNECT tunnels to the trusted TLS server, absolute-URL GETs to the NCSI server. */
function makeProxy({ trusted, ncsi, requireAuth }: { trusted: number; ncsi: number; requireAuth: boolean }): HttpServer {
  const server = createHttpServer((req, res) => {
    if (requireAuth && !req.headers['proxy-authorization']) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="corp"' });
      return res.end();
    }
    const upstream = connect(ncsi, '127.0.0.1', () => {
      upstream.write(`GET ${new URL(req.url ?? '/').pathname} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    upstream.pipe(res.socket!);
  });
  server.on('connect', (req, client: Socket) => {
    if (requireAuth && !req.headers['proxy-authorization']) return client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
    const upstream = connect(trusted, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
  });
  return server;
}

const https = (host: string): EndpointTarget => ({
  pattern: `*.${host.split('.').slice(1).join('.')}`,
  host,
  port: 443,
  protocol: 'https',
});
const ncsiTarget: EndpointTarget = { pattern: 'www.msftncsi.com', host: 'www.msftncsi.com', port: 80, protocol: 'http' };
const local = (port: keyof typeof ports, extra: NetworkProbeOptions = {}): NetworkProbeOptions => ({
  lookup: async () => ['127.0.0.1'],
  route: () => ({ host: '127.0.0.1', port: ports[port]! }),
  ca: [tls('trusted-ca.pem')],
  perProbeTimeoutMs: 1500,
  budgetMs: 5000,
  ...extra,
});

describe('endpointTargets', () => {
  it('covers every pattern of both editions once, with the host that stands for it', () => {
    const targets = endpointTargets();
    const patterns = targets.map((t) => t.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).toEqual(
      expect.arrayContaining(['*.microsoft.com', '*.blob.storage.azure.net', 'www.msftconnecttest.com', 'www.msftncsi.com']),
    );
    expect(patterns).toHaveLength(9);
    expect(targets.find((t) => t.pattern === 'www.msftncsi.com')).toMatchObject({ protocol: 'http', port: 80 });
  });
});

describe('probeEndpoints', () => {
  it('passes a TLS endpoint whose certificate verifies, with its latency', async () => {
    const [result] = await probeEndpoints([https('www.microsoft.com')], local('trusted'));
    expect(result).toMatchObject({ pattern: '*.microsoft.com', host: 'www.microsoft.com', port: 443, reachable: true, error: null });
    expect(result!.ms).toBeGreaterThanOrEqual(0);
  });
  it('reports TLS interception by an unknown certificate authority', async () => {
    const [result] = await probeEndpoints([https('www.microsoft.com')], local('rogue'));
    expect(result).toMatchObject({ reachable: false, ms: null });
    expect(result!.error).toMatch(/TLS intercepted.*authority this machine does not trust/);
  });
  it('reports a certificate for another name', async () => {
    const [result] = await probeEndpoints([https('not-in-the-certificate.example.com')], local('trusted'));
    expect(result!.error).toMatch(/not for not-in-the-certificate\.example\.com/);
  });
  it('reports a refused connection', async () => {
    const [result] = await probeEndpoints([https('www.microsoft.com')], local('closed'));
    expect(result!.error).toMatch(/refused the connection/);
  });
  it('gives up on a server that never answers, within its own timeout', async () => {
    const started = Date.now();
    const [result] = await probeEndpoints([https('www.microsoft.com')], local('silent', { perProbeTimeoutMs: 500 }));
    expect(result!.reachable).toBe(false);
    expect(result!.error).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
  it('reports a DNS failure in words', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const [result] = await probeEndpoints([https('www.microsoft.com')], local('trusted', { lookup }));
    expect(result!.error).toBe('DNS could not resolve www.microsoft.com (ENOTFOUND)');
  });
  it('does not fail a pattern whose sample host does not exist: unknown, saying why', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const sample = endpointTargets().find((t) => t.pattern === '*.blob.core.windows.net')!;
    expect(sample.sample).toBe(true);
    expect(endpointTargets().find((t) => t.pattern === '*.microsoft.com')!.sample).toBeUndefined();
    const [result] = await probeEndpoints([sample], local('trusted', { lookup }));
    expect(result).toMatchObject({
      reachable: null,
      error: expect.stringMatching(
        /^mystorage\.blob\.core\.windows\.net is only a sample name for \*\.blob\.core\.windows\.net and does not exist/,
      ),
    });
    // Any other DNS failure of a sample host still fails: the resolver itself is broken or blocked.
    const broken = async () => {
      throw Object.assign(new Error('queryA ESERVFAIL'), { code: 'ESERVFAIL' });
    };
    const [failed] = await probeEndpoints([sample], local('trusted', { lookup: broken }));
    expect(failed).toMatchObject({ reachable: false, error: 'DNS could not resolve mystorage.blob.core.windows.net (ESERVFAIL)' });
  });
  it('fetches ncsi.txt over HTTP and checks its content', async () => {
    expect((await probeEndpoints([ncsiTarget], local('ncsi')))[0]).toMatchObject({ reachable: true, port: 80 });
    const [portal] = await probeEndpoints([ncsiTarget], local('portal'));
    expect(portal!.error).toMatch(/captive portal/);
  });
  it('goes through a proxy: CONNECT for TLS, an absolute URL for HTTP', async () => {
    const proxy = () => `http://127.0.0.1:${ports.proxy}`;
    const noDns = local('closed', {
      lookup: async () => Promise.reject(new Error('the probe must not resolve names itself behind a proxy')),
    });
    const results = await probeEndpoints([https('www.microsoft.com'), ncsiTarget], { ...noDns, route: undefined, proxy: proxy() });
    expect(results.map((r) => r.reachable)).toEqual([true, true]);
  });
  it('says when the proxy wants credentials', async () => {
    const results = await probeEndpoints([https('www.microsoft.com'), ncsiTarget], {
      ...local('closed'),
      route: undefined,
      proxy: `http://127.0.0.1:${ports.authProxy}`,
    });
    for (const r of results) expect(r.error).toMatch(/asks for credentials \(407/);
  });
  it('runs probes in parallel under one overall budget, marking unfinished ones unknown', async () => {
    const targets = Array.from({ length: 6 }, () => https('www.microsoft.com'));
    const started = Date.now();
    const results = await probeEndpoints(targets, local('silent', { perProbeTimeoutMs: 10_000, budgetMs: 600 }));
    expect(Date.now() - started).toBeLessThan(2500);
    for (const r of results) expect(r).toMatchObject({ reachable: null, error: expect.stringMatching(/not finished/) });
  });
});
