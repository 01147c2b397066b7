// host.clock (contract v2): only with `clock`; both editions. fail |skew| > 300 s, warn > 60 s (our
// thresholds), unknown null, pass otherwise; one unknown finding without a subject for a null section.
import { describe, expect, it } from 'vitest';
import { findingsOf, one, statusOf } from '../../helpers/profiles.js';
import { healthyV2 } from '../../helpers/v2-profiles.js';

const CHECK = 'host.clock';
const skew = (skewSeconds: number | null) =>
  healthyV2((p) => (p.clock = { skewSeconds, referenceHost: skewSeconds === null ? null : 'www.microsoft.com' }));

describe('host.clock', () => {
  it('fails above 300 s either way', () => {
    for (const s of [300.5, 301, -301, 86_400, -3600]) expect(statusOf(skew(s), CHECK), String(s)).toBe('fail');
    const f = one(skew(-437), CHECK);
    expect(f.detail).toContain('437 seconds behind');
    expect(f.detail).toContain('www.microsoft.com');
    expect(f.fix).toMatchObject({ who: 'server admin', action: null });
    expect(f.fix!.steps.join(' ')).toContain('w32tm /resync');
    expect(one(skew(7200), CHECK).detail).toContain('120 minutes ahead');
  });

  it('warns above 60 s up to 300 s', () => {
    for (const s of [60.1, 61, -61, 300, -300]) expect(statusOf(skew(s), CHECK), String(s)).toBe('warn');
  });

  it('passes up to 60 s', () => {
    for (const s of [0, 1.4, -2.5, 60, -60]) expect(statusOf(skew(s), CHECK), String(s)).toBe('pass');
  });

  it('is unknown when the skew is null or missing', () => {
    expect(statusOf(skew(null), CHECK)).toBe('unknown');
    expect(
      statusOf(
        healthyV2((p) => (p.clock = {})),
        CHECK,
      ),
    ).toBe('unknown');
    expect(one(skew(null), CHECK).fix!.who).toBe('helpdesk');
  });

  it('gives one unknown finding without a subject for a null section, none without the section', () => {
    expect(
      findingsOf(
        healthyV2((p) => (p.clock = null)),
        CHECK,
      ).map((f) => [f.subject, f.status]),
    ).toEqual([[null, 'unknown']]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.clock),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('runs in both editions, whether or not the agent is installed', () => {
    expect(statusOf(skew(400), CHECK, '2019-02')).toBe('fail');
    expect(statusOf(skew(100), CHECK, '2019-02')).toBe('warn');
    expect(
      statusOf(
        healthyV2((p) => ((p.agent = { installed: false }), (p.clock = { skewSeconds: 400 }))),
        CHECK,
      ),
    ).toBe('fail');
  });
});
