import { describe, expect, it } from 'vitest';
import { healthy, one, statusOf } from '../../helpers/profiles.js';

const win7 = {
  family: 'windows',
  version: '6.1.7601',
  productType: 'workstation',
  editionId: 'Professional',
  architecture: 'x64',
} as const;

describe('software.dotnet (current only)', () => {
  it('passes 4.8 and later on a listed OS', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = 528040)),
        'software.dotnet',
      ),
    ).toBe('pass');
  });
  it('fails below 4.8 on a listed OS, naming what is installed', () => {
    const profile = healthy((p) => (p.software!.dotnetRelease = 461808));
    expect(statusOf(profile, 'software.dotnet')).toBe('fail');
    expect(one(profile, 'software.dotnet').detail).toMatch(/4\.7\.2/);
  });
  it('fails when .NET 4 is absent (Release 0)', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = 0)),
        'software.dotnet',
      ),
    ).toBe('fail');
  });
  it('asks only for 4.5 on an end-of-support OS', () => {
    expect(
      statusOf(
        healthy((p) => ((p.os = { ...win7 }), (p.software!.dotnetRelease = 378389))),
        'software.dotnet',
      ),
    ).toBe('pass');
    expect(
      statusOf(
        healthy((p) => ((p.os = { ...win7 }), (p.software!.dotnetRelease = 378388))),
        'software.dotnet',
      ),
    ).toBe('fail');
  });
  it('is unknown when the release is null or software was not probed', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = null)),
        'software.dotnet',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.software),
        'software.dotnet',
      ),
    ).toBe('unknown');
  });
  it('is absent under 2019-02', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = 0)),
        'software.dotnet',
        '2019-02',
      ),
    ).toBe('absent');
  });
});

describe('software.powershell (current only)', () => {
  it('passes 5.0 and later, comparing numerically', () => {
    for (const v of ['5.0', '5.1.17763.1', '7.4.6', '10.0']) {
      expect(
        statusOf(
          healthy((p) => (p.software!.powershellVersion = v)),
          'software.powershell',
        ),
      ).toBe('pass');
    }
  });
  it('fails below 5.0', () => {
    for (const v of ['4.0', '2.0', '3.0.1']) {
      expect(
        statusOf(
          healthy((p) => (p.software!.powershellVersion = v)),
          'software.powershell',
        ),
      ).toBe('fail');
    }
  });
  it('is unknown when null or not probed', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.powershellVersion = null)),
        'software.powershell',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.software),
        'software.powershell',
      ),
    ).toBe('unknown');
  });
  it('is absent under 2019-02', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.powershellVersion = '2.0')),
        'software.powershell',
        '2019-02',
      ),
    ).toBe('absent');
  });
});
