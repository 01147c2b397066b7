import { describe, expect, it } from 'vitest';
import type { EndpointProbe } from '../../../shared/profile/types.js';
import { findingsOf, healthy, one, statusOf } from '../../helpers/profiles.js';

const tls = (values: Record<string, boolean | null>) =>
  healthy((p) => {
    p.software!.tls12 = {
      schannelClientEnabled: null,
      schannelClientDisabledByDefault: null,
      dotnetStrongCrypto: true,
      dotnetSystemDefaultTls: true,
      ...values,
    };
  });

describe('network.tls12 (current only)', () => {
  it('passes with the SCHANNEL values absent on 6.3 and later', () => {
    expect(statusOf(tls({}), 'network.tls12')).toBe('pass');
  });
  it('passes with TLS 1.2 enabled explicitly', () => {
    expect(statusOf(tls({ schannelClientEnabled: true, schannelClientDisabledByDefault: false }), 'network.tls12')).toBe('pass');
  });
  it('fails when Enabled is 0 or DisabledByDefault is 1', () => {
    expect(statusOf(tls({ schannelClientEnabled: false }), 'network.tls12')).toBe('fail');
    expect(statusOf(tls({ schannelClientDisabledByDefault: true }), 'network.tls12')).toBe('fail');
  });
  it('warns on an OS older than 6.3 with the values absent', () => {
    const old = tls({});
    old.os = { family: 'windows', version: '6.1.7601', productType: 'server', editionId: 'ServerStandard', architecture: 'x64' };
    expect(statusOf(old, 'network.tls12')).toBe('warn');
    old.software!.tls12 = { schannelClientEnabled: true, schannelClientDisabledByDefault: false, dotnetStrongCrypto: true };
    expect(statusOf(old, 'network.tls12')).toBe('pass');
  });
  it('warns when .NET strong crypto is off', () => {
    expect(statusOf(tls({ dotnetStrongCrypto: false }), 'network.tls12')).toBe('warn');
  });
  it('is unknown when tls12 is null or missing', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.tls12 = null)),
        'network.tls12',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.software!.tls12),
        'network.tls12',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.software),
        'network.tls12',
      ),
    ).toBe('unknown');
  });
  it('is absent under 2019-02', () => {
    expect(statusOf(tls({ schannelClientEnabled: false }), 'network.tls12', '2019-02')).toBe('absent');
  });
});

const CURRENT = [
  '*.microsoft.com',
  '*.windowsazure.com',
  '*.microsoftonline.com',
  '*.windows.net',
  '*.blob.core.windows.net',
  '*.queue.core.windows.net',
  '*.blob.storage.azure.net',
  'www.msftconnecttest.com|www.msftncsi.com',
];
const OLD = ['www.msftncsi.com', '*.microsoft.com', '*.windowsazure.com', '*.microsoftonline.com', '*.windows.net'];

const withEndpoints = (change: (endpoints: EndpointProbe[]) => EndpointProbe[]) =>
  healthy((p) => {
    p.network!.endpoints = change(p.network!.endpoints!);
  });
const setReachable = (pattern: string, reachable: boolean | null) =>
  withEndpoints((list) =>
    list.map((e) => (e.pattern === pattern ? { ...e, reachable, error: reachable === false ? 'Connection refused' : null } : e)),
  );

describe('network.endpoints', () => {
  it('gives one finding per pattern of each edition, with the pattern as subject', () => {
    expect(findingsOf(healthy(), 'network.endpoints', 'current').map((f) => f.subject)).toEqual(CURRENT);
    expect(findingsOf(healthy(), 'network.endpoints', '2019-02').map((f) => f.subject)).toEqual(OLD);
    expect(findingsOf(healthy(), 'network.endpoints', 'current').every((f) => f.status === 'pass')).toBe(true);
  });
  it('fails an unreachable pattern, giving the host and the error', () => {
    const profile = setReachable('*.blob.core.windows.net', false);
    expect(statusOf(profile, 'network.endpoints', 'current', '*.blob.core.windows.net')).toBe('fail');
    const f = findingsOf(profile, 'network.endpoints').find((x) => x.subject === '*.blob.core.windows.net')!;
    expect(f.detail).toMatch(/mystorage\.blob\.core\.windows\.net: Connection refused/);
    expect(f.fix?.who).toBe('network team');
  });
  it('is unknown for a pattern with no probe or a null result', () => {
    expect(
      statusOf(
        withEndpoints((l) => l.filter((e) => e.pattern !== '*.windows.net')),
        'network.endpoints',
        'current',
        '*.windows.net',
      ),
    ).toBe('unknown');
    expect(statusOf(setReachable('*.windows.net', null), 'network.endpoints', 'current', '*.windows.net')).toBe('unknown');
  });
  it('matches patterns case-insensitively', () => {
    const profile = withEndpoints((l) => l.map((e) => ({ ...e, pattern: e.pattern.toUpperCase() })));
    expect(findingsOf(profile, 'network.endpoints').every((f) => f.status === 'pass')).toBe(true);
  });
  it('passes the connectivity check when either host is reachable, fails when both are not', () => {
    const both = 'www.msftconnecttest.com|www.msftncsi.com';
    expect(statusOf(setReachable('www.msftncsi.com', false), 'network.endpoints', 'current', both)).toBe('pass');
    expect(statusOf(setReachable('www.msftconnecttest.com', false), 'network.endpoints', 'current', both)).toBe('pass');
    const neither = withEndpoints((l) => l.map((e) => (e.pattern.startsWith('www.') ? { ...e, reachable: false } : e)));
    expect(statusOf(neither, 'network.endpoints', 'current', both)).toBe('fail');
    const oneUntested = withEndpoints((l) =>
      l.filter((e) => e.pattern !== 'www.msftncsi.com').map((e) => (e.pattern.startsWith('www.') ? { ...e, reachable: false } : e)),
    );
    expect(statusOf(oneUntested, 'network.endpoints', 'current', both)).toBe('unknown');
  });
  it('needs msftncsi itself under 2019-02', () => {
    expect(statusOf(setReachable('www.msftncsi.com', false), 'network.endpoints', '2019-02', 'www.msftncsi.com')).toBe('fail');
  });
  it('gives a single unknown finding with no subject when the network was not probed', () => {
    for (const network of [undefined, null]) {
      const profile = healthy((p) => (network === undefined ? delete p.network : (p.network = null)));
      const found = findingsOf(profile, 'network.endpoints');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ status: 'unknown', subject: null });
    }
  });
  it('is unknown for every pattern when the network section has no endpoints (offline)', () => {
    const profile = healthy((p) => delete p.network!.endpoints);
    expect(findingsOf(profile, 'network.endpoints').map((f) => f.status)).toEqual(CURRENT.map(() => 'unknown'));
  });
});

describe('network.proxy and network.throttling', () => {
  it('reports the proxy as info, naming WinHTTP', () => {
    const profile = healthy((p) => (p.network!.proxy = { winhttp: 'proxy:3128', system: null, environment: null }));
    expect(one(profile, 'network.proxy')).toMatchObject({ status: 'info', fix: null });
    expect(one(profile, 'network.proxy').detail).toMatch(/proxy:3128/);
  });
  it('says throttling is unavailable on 7, 2008 and 2008 R2 and available elsewhere', () => {
    expect(one(healthy(), 'network.throttling').detail).toMatch(/is available/);
    for (const version of ['6.1.7601', '6.0.6002']) {
      const old = healthy((p) => (p.os.version = version));
      expect(one(old, 'network.throttling')).toMatchObject({ status: 'info' });
      expect(one(old, 'network.throttling').detail).toMatch(/not available/);
    }
  });
});
