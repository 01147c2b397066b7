// network.service-proxy (contract v2): only with `serviceProxy`; both editions. warn when winhttp or
// systemAccount, where known, differs case-insensitively from probe; unknown when probe is null or both
// others are; pass otherwise.
import { describe, expect, it } from 'vitest';
import type { ServiceProxyFacts } from '../../../shared/profile/types.js';
import { findingsOf, one, statusOf } from '../../helpers/profiles.js';
import { healthyV2 } from '../../helpers/v2-profiles.js';

const CHECK = 'network.service-proxy';
const proxies = (facts: ServiceProxyFacts) => healthyV2((p) => (p.serviceProxy = facts));
const status = (facts: ServiceProxyFacts, edition: 'current' | '2019-02' = 'current') => statusOf(proxies(facts), CHECK, edition);

describe('network.service-proxy', () => {
  it('passes when every known engine proxy is the probe proxy, case-insensitively', () => {
    expect(status({ winhttp: 'direct', systemAccount: 'direct', probe: 'direct' })).toBe('pass');
    expect(
      status({ winhttp: 'Proxy.Contoso.local:8080', systemAccount: 'proxy.contoso.local:8080', probe: 'PROXY.contoso.LOCAL:8080' }),
    ).toBe('pass');
    expect(status({ winhttp: 'wpad', systemAccount: null, probe: 'wpad' })).toBe('pass');
    expect(status({ winhttp: null, systemAccount: 'pac:http://wpad/proxy.pac', probe: 'pac:http://wpad/proxy.pac' })).toBe('pass');
    expect(status({ systemAccount: 'direct', probe: 'direct' })).toBe('pass');
  });

  it('warns when winhttp or systemAccount differs from the probe, even with the other null', () => {
    expect(status({ winhttp: 'direct', systemAccount: 'direct', probe: 'proxy:8080' })).toBe('warn');
    expect(status({ winhttp: 'proxy:8080', systemAccount: 'direct', probe: 'direct' })).toBe('warn');
    expect(status({ winhttp: 'direct', systemAccount: 'proxy:8080', probe: 'direct' })).toBe('warn');
    expect(status({ winhttp: 'proxy:8080', systemAccount: null, probe: 'direct' })).toBe('warn');
    expect(status({ winhttp: null, systemAccount: 'wpad', probe: 'direct' })).toBe('warn');
    const f = one(proxies({ winhttp: 'direct', systemAccount: 'direct', probe: 'proxy.contoso.local:8080' }), CHECK);
    expect(f.detail).toContain('proxy.contoso.local:8080');
    expect(f.fix!.steps.join(' ')).toContain('netsh winhttp');
  });

  it('is unknown when the probe proxy is null, or both engine proxies are', () => {
    expect(status({ winhttp: 'direct', systemAccount: 'proxy:1', probe: null })).toBe('unknown');
    expect(status({ winhttp: 'direct', systemAccount: 'direct' })).toBe('unknown');
    expect(status({ winhttp: null, systemAccount: null, probe: 'direct' })).toBe('unknown');
    expect(status({ probe: 'direct' })).toBe('unknown');
    expect(status({})).toBe('unknown');
    expect(one(proxies({ probe: null }), CHECK).fix!.who).toBe('helpdesk');
  });

  it('gives one unknown finding without a subject for a null section, none without the section', () => {
    expect(
      findingsOf(
        healthyV2((p) => (p.serviceProxy = null)),
        CHECK,
      ).map((f) => [f.subject, f.status]),
    ).toEqual([[null, 'unknown']]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.serviceProxy),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('runs in both editions', () => {
    expect(status({ winhttp: 'direct', systemAccount: 'direct', probe: 'direct' }, '2019-02')).toBe('pass');
    expect(status({ winhttp: 'x:1', probe: 'direct' }, '2019-02')).toBe('warn');
  });
});
