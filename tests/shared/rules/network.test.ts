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
  it('fails on 6.1 and warns on 6.2 with the values absent (v2), passes with them set', () => {
    const old = tls({});
    old.os = { family: 'windows', version: '6.1.7601', productType: 'server', editionId: 'ServerStandard', architecture: 'x64' };
    expect(statusOf(old, 'network.tls12')).toBe('fail');
    old.os.version = '6.2.9200';
    expect(statusOf(old, 'network.tls12')).toBe('warn');
    old.os.version = '6.1.7601';
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

describe('network.tls12 in contract v2', () => {
  const on = (version: string | null, values: Record<string, boolean | null>, os: Record<string, unknown> = {}) => {
    const profile = tls(values);
    profile.os = { family: 'windows', version, architecture: 'x64', ...os };
    return profile;
  };
  const absentCases: Record<string, boolean | null>[] = [{}, { schannelClientEnabled: true }, { schannelClientDisabledByDefault: false }];

  it('fails on 6.1 and older when either SCHANNEL value is absent, the OS identified or not', () => {
    for (const values of absentCases) {
      for (const version of ['6.1.7601', '6.1', '6.0.6002', '6.0', '5.2.3790']) {
        expect(statusOf(on(version, values), 'network.tls12')).toBe('fail');
        expect(statusOf(on(version, values, { productType: 'server' }), 'network.tls12')).toBe('fail');
      }
    }
    expect(one(on('6.1', {}), 'network.tls12').fix?.who).toBe('server admin');
  });
  it('warns on 6.2 when either value is absent', () => {
    for (const values of absentCases) {
      expect(statusOf(on('6.2.9200', values, { productType: 'server' }), 'network.tls12')).toBe('warn');
      expect(statusOf(on('6.2', values), 'network.tls12')).toBe('warn');
    }
  });
  it('passes from 6.3 with the values absent, also on 10.0 without a build', () => {
    for (const values of absentCases) {
      for (const version of ['6.3.9600', '6.3', '10.0', '10.0.26100', '6.4']) {
        expect(statusOf(on(version, values), 'network.tls12')).toBe('pass');
      }
    }
  });
  it('is unknown with a value absent and no Windows version, unless something fails or warns', () => {
    for (const values of absentCases) {
      expect(statusOf(on(null, values), 'network.tls12')).toBe('unknown');
      expect(statusOf(on(null, { ...values, dotnetStrongCrypto: false }), 'network.tls12')).toBe('warn');
      expect(statusOf(on(null, { ...values, schannelClientEnabled: false }), 'network.tls12')).toBe('fail');
    }
    const linux = tls({});
    linux.os = { family: 'linux', version: '6.1' };
    expect(statusOf(linux, 'network.tls12')).toBe('unknown');
    expect(statusOf(on(null, { schannelClientEnabled: true, schannelClientDisabledByDefault: false }), 'network.tls12')).toBe('pass');
  });
  it('warns when SystemDefaultTlsVersions is 0, like SchUseStrongCrypto', () => {
    expect(statusOf(tls({ dotnetSystemDefaultTls: false }), 'network.tls12')).toBe('warn');
    expect(one(tls({ dotnetSystemDefaultTls: false }), 'network.tls12').detail).toMatch(/SystemDefaultTlsVersions/);
  });
  it('neither warns nor is unknown for null .NET values', () => {
    expect(statusOf(tls({ dotnetStrongCrypto: null, dotnetSystemDefaultTls: null }), 'network.tls12')).toBe('pass');
    const missing = healthy((p) => (p.software!.tls12 = { schannelClientEnabled: true, schannelClientDisabledByDefault: false }));
    expect(statusOf(missing, 'network.tls12')).toBe('pass');
  });
  it('lets a failing fact win over a warning one', () => {
    expect(statusOf(on('6.1.7601', { dotnetStrongCrypto: false }), 'network.tls12')).toBe('fail');
    expect(statusOf(on('10.0.17763', { schannelClientDisabledByDefault: true, dotnetSystemDefaultTls: false }), 'network.tls12')).toBe(
      'fail',
    );
  });
});

describe('network.endpoints in contract v2', () => {
  const probe = (pattern: string, reachable: boolean | null): EndpointProbe => ({ pattern, host: pattern.replace('*', 'x'), reachable });
  const withProbes = (list: EndpointProbe[]) => healthy((p) => (p.network!.endpoints = list));
  const NCSI = 'www.msftconnecttest.com|www.msftncsi.com';

  it('fails a pattern when any of its several probes failed', () => {
    const p = '*.microsoftonline.com';
    expect(statusOf(withProbes([probe(p, true), probe(p, false), probe(p, true)]), 'network.endpoints', 'current', p)).toBe('fail');
    expect(statusOf(withProbes([probe(p, null), probe(p, false)]), 'network.endpoints', 'current', p)).toBe('fail');
    expect(statusOf(withProbes([probe(p, true), probe(p, null)]), 'network.endpoints', 'current', p)).toBe('unknown');
    expect(statusOf(withProbes([probe(p, true), probe(p.toUpperCase(), true)]), 'network.endpoints', 'current', p)).toBe('pass');
  });
  it('passes the connectivity pair when any probe of either name reached', () => {
    const c = 'www.msftconnecttest.com';
    const n = 'www.msftncsi.com';
    expect(statusOf(withProbes([probe(c, false), probe(c, true), probe(n, false)]), 'network.endpoints', 'current', NCSI)).toBe('pass');
    expect(statusOf(withProbes([probe(n, true)]), 'network.endpoints', 'current', NCSI)).toBe('pass');
    expect(statusOf(withProbes([probe(n, null), probe(c, true)]), 'network.endpoints', 'current', NCSI)).toBe('pass');
  });
  it('fails the pair only when both names were probed and every probe of both failed', () => {
    const c = 'www.msftconnecttest.com';
    const n = 'www.msftncsi.com';
    expect(statusOf(withProbes([probe(c, false), probe(n, false), probe(n, false)]), 'network.endpoints', 'current', NCSI)).toBe('fail');
    expect(statusOf(withProbes([probe(n, false), probe(n, false)]), 'network.endpoints', 'current', NCSI)).toBe('unknown');
    expect(statusOf(withProbes([probe(c, false), probe(n, false), probe(n, null)]), 'network.endpoints', 'current', NCSI)).toBe('unknown');
    expect(statusOf(withProbes([]), 'network.endpoints', 'current', NCSI)).toBe('unknown');
  });
  it('reads no probe as one of the pair but a probe of one of its names', () => {
    expect(statusOf(withProbes([probe(NCSI, true)]), 'network.endpoints', 'current', NCSI)).toBe('unknown');
  });
});
