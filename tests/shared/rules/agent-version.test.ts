// agent.version (contract v2): below 2.0.9083.0 fails in both editions; below 2.0.9249.0 warns in the
// current edition only; null or anything but a dotted number (^\d+(\.\d+){1,3}$, \d being 0-9) is unknown;
// otherwise info, naming the newest version the current matrix lists.
import { describe, expect, it } from 'vitest';
import { dottedVersion } from '../../../shared/rules/agent-version.js';
import { healthy, one, statusOf } from '../../helpers/profiles.js';

const withVersion = (version: string | null) => healthy((p) => (p.agent!.version = version));

describe('agent.version', () => {
  it('fails below 2.0.9083.0, in both editions', () => {
    for (const version of ['2.0.9082.0', '2.0.9082.99', '2.0.8', '1.9.9999.0', '2.0']) {
      expect(statusOf(withVersion(version), 'agent.version'), version).toBe('fail');
      expect(statusOf(withVersion(version), 'agent.version', '2019-02'), version).toBe('fail');
    }
    expect(one(withVersion('2.0.9000.0'), 'agent.version').fix).toMatchObject({ who: 'server admin', action: null });
  });

  it('warns below 2.0.9249.0 in the current edition only; the 2019-02 edition gives info there', () => {
    for (const version of ['2.0.9083.0', '2.0.9083', '2.0.9248.999', '2.0.9200.0']) {
      expect(statusOf(withVersion(version), 'agent.version'), version).toBe('warn');
      expect(statusOf(withVersion(version), 'agent.version', '2019-02'), version).toBe('info');
    }
  });

  it('gives info from 2.0.9249.0 on, naming the version and 2.0.9625.0', () => {
    for (const version of ['2.0.9249.0', '2.0.9249', '2.0.9625.0', '2.0.10000.0', '3.0']) {
      expect(statusOf(withVersion(version), 'agent.version'), version).toBe('info');
    }
    const f = one(withVersion('2.0.9615.0'), 'agent.version');
    expect(f.detail).toContain('2.0.9615.0');
    expect(f.detail).toContain('2.0.9625.0');
    expect(f.fix).toBeNull();
  });

  it('compares part by part, numerically, missing parts as 0', () => {
    expect(statusOf(withVersion('2.0.9083'), 'agent.version')).toBe('warn'); // = 2.0.9083.0
    expect(statusOf(withVersion('2.0.10000'), 'agent.version')).toBe('info'); // 10000 > 9249, not as text
    expect(statusOf(withVersion('10.0'), 'agent.version')).toBe('info');
  });

  it('is unknown for null and for anything that is not a dotted number', () => {
    expect(statusOf(withVersion(null), 'agent.version')).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.agent!.version),
        'agent.version',
      ),
    ).toBe('unknown');
    for (const version of [
      '2',
      '2.0.9625.0.1',
      'v2.0.9625.0',
      '2.0.9625.0-beta',
      '',
      ' 2.0.9625.0',
      '2.0.9625.0 ',
      '2..0',
      '2.0.',
      '.2.0',
      '٢.٠',
      '2.0.x',
    ]) {
      expect(statusOf(withVersion(version), 'agent.version'), JSON.stringify(version)).toBe('unknown');
      expect(statusOf(withVersion(version), 'agent.version', '2019-02'), JSON.stringify(version)).toBe('unknown');
    }
    expect(one(withVersion('v2.0.9625.0'), 'agent.version').fix!.who).toBe('helpdesk');
  });

  it('is absent unless the agent is installed', () => {
    expect(
      statusOf(
        healthy((p) => (p.agent = { installed: false, version: '1.0.0.0' })),
        'agent.version',
      ),
    ).toBe('absent');
    expect(
      statusOf(
        healthy((p) => (p.agent = { installed: null, version: '1.0.0.0' })),
        'agent.version',
      ),
    ).toBe('absent');
    expect(
      statusOf(
        healthy((p) => delete p.agent),
        'agent.version',
      ),
    ).toBe('absent');
  });
});

describe('dottedVersion', () => {
  it('takes 2 to 4 parts of the digits 0-9, exactly', () => {
    expect(dottedVersion('2.0')).toEqual([2, 0]);
    expect(dottedVersion('2.0.9625')).toEqual([2, 0, 9625]);
    expect(dottedVersion('2.0.9625.0')).toEqual([2, 0, 9625, 0]);
    for (const text of ['2', '2.0.9625.0.1', 'v2.0', '2.0-beta', '2.0\n', '+2.0', '2.-0', '２.０', null, undefined]) {
      expect(dottedVersion(text as string | null | undefined), JSON.stringify(text)).toBeNull();
    }
  });
});
