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

describe('software.dotnet on an OS that is not identified (v2)', () => {
  const undetermined = (release: number) =>
    healthy((p) => {
      p.os = { family: 'windows', version: null, architecture: 'x64' };
      p.software!.dotnetRelease = release;
    });
  it('is unknown between 4.5 and 4.8, since the end-of-support list decides', () => {
    for (const release of [378389, 394802, 461808, 528039]) {
      expect(statusOf(undetermined(release), 'software.dotnet')).toBe('unknown');
    }
    const unsure = healthy((p) => ((p.os.productType = null), (p.os.installationType = null), (p.os.editionId = null)));
    unsure.software!.dotnetRelease = 461808;
    expect(statusOf(unsure, 'software.dotnet')).toBe('unknown');
  });
  it('fails below 4.5 and passes from 4.8 on any OS', () => {
    expect(statusOf(undetermined(378388), 'software.dotnet')).toBe('fail');
    expect(statusOf(undetermined(0), 'software.dotnet')).toBe('fail');
    expect(statusOf(undetermined(528040), 'software.dotnet')).toBe('pass');
  });
  it('asks for 4.8 on an unlisted Windows and on another OS', () => {
    const vista = healthy(
      (p) => ((p.os = { family: 'windows', version: '6.0.6002', productType: 'workstation' }), (p.software!.dotnetRelease = 461808)),
    );
    expect(statusOf(vista, 'software.dotnet')).toBe('fail');
    const linux = healthy((p) => ((p.os = { family: 'linux' }), (p.software!.dotnetRelease = 461808)));
    expect(statusOf(linux, 'software.dotnet')).toBe('fail');
  });
});
