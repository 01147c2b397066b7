import { describe, expect, it } from 'vitest';
import type { OsFacts } from '../../../shared/profile/types.js';
import { healthy, one, statusOf } from '../../helpers/profiles.js';

type Row = [name: string, os: Partial<OsFacts>, current: string, edition201902: string, systemState: boolean];

const ws = (version: string, editionId: string): Partial<OsFacts> => ({
  version,
  productType: 'workstation',
  editionId,
  installationType: 'Client',
});
const sv = (version: string, editionId: string): Partial<OsFacts> => ({
  version,
  productType: 'server',
  editionId,
  installationType: 'Server',
});

// Every OS row of both editions: listed, end of support, not listed, wrong edition.
// Columns: expected os.supported under current and under 2019-02, and whether System State is supported
// (as both editions agree where they both list the OS).
const ROWS: Row[] = [
  ['Windows 11 Pro', ws('10.0.22631', 'Professional'), 'pass', 'fail', false],
  ['Windows 11 IoT Enterprise', ws('10.0.26100', 'IoTEnterprise'), 'pass', 'fail', false],
  ['Windows 10 Enterprise', ws('10.0.19045', 'Enterprise'), 'pass', 'pass', false],
  ['Windows 10 Home', ws('10.0.19045', 'Core'), 'pass', 'pass', false],
  ['Windows 10 Pro N', ws('10.0.19045', 'ProfessionalN'), 'pass', 'pass', false],
  ['Windows 10 Enterprise LTSC', ws('10.0.17763', 'EnterpriseS'), 'pass', 'pass', false],
  ['Windows 10 IoT Enterprise', ws('10.0.19044', 'IoTEnterprise'), 'pass', 'warn', false],
  ['Windows 10 Education (edition not listed)', ws('10.0.19045', 'Education'), 'warn', 'warn', false],
  ['Windows 10 Pro for Workstations (edition not listed)', ws('10.0.19045', 'ProfessionalWorkstation'), 'warn', 'warn', false],
  ['Windows 8.1 Pro', ws('6.3.9600', 'Professional'), 'pass', 'pass', false],
  ['Windows 8.1 (Home: edition not listed)', ws('6.3.9600', 'Core'), 'warn', 'warn', false],
  ['Windows 8 Enterprise', ws('6.2.9200', 'Enterprise'), 'pass', 'pass', false],
  ['Windows 7 Ultimate', ws('6.1.7601', 'Ultimate'), 'warn', 'pass', false],
  ['Windows 7 Home Premium', ws('6.1.7601', 'HomePremium'), 'warn', 'pass', false],
  ['Windows Server 2025 Standard', sv('10.0.26100', 'ServerStandard'), 'pass', 'fail', true],
  ['Windows Server 2025 Essentials', sv('10.0.26100', 'ServerSolution'), 'pass', 'fail', true],
  ['Windows Server 2022 Datacenter', sv('10.0.20348', 'ServerDatacenter'), 'pass', 'fail', true],
  ['Windows Server 2022 Datacenter evaluation', sv('10.0.20348', 'ServerDatacenterEval'), 'pass', 'fail', true],
  ['Windows Server 2022 Datacenter: Azure Edition (not listed)', sv('10.0.20348', 'ServerAzureEdition'), 'warn', 'fail', true],
  ['Windows Server 2019 Essentials', sv('10.0.17763', 'ServerSolution'), 'pass', 'fail', true],
  ['Windows Server IoT 2019', sv('10.0.17763', 'IoTServer'), 'pass', 'fail', true],
  ['Windows Server 2016 Datacenter', sv('10.0.14393', 'ServerDatacenter'), 'pass', 'pass', true],
  ['Windows Server 2016 Foundation (not listed for 2016)', sv('10.0.14393', 'ServerFoundation'), 'warn', 'warn', true],
  ['Windows Server 2012 R2 Foundation', sv('6.3.9600', 'ServerFoundation'), 'pass', 'pass', true],
  ['Windows Server 2012 R2 Essentials', sv('6.3.9600', 'ServerSolution'), 'pass', 'pass', true],
  ['Windows Server 2012 Standard', sv('6.2.9200', 'ServerStandard'), 'pass', 'pass', true],
  ['Windows Server 2012 Essentials (not listed for 2012)', sv('6.2.9200', 'ServerSolution'), 'warn', 'warn', true],
  ['Windows Server 2008 R2 Enterprise', sv('6.1.7601', 'ServerEnterprise'), 'warn', 'pass', true],
  ['Windows Server 2008 R2 Foundation', sv('6.1.7600', 'ServerFoundation'), 'warn', 'pass', true],
  ['Windows Server 2008 SP2 Standard', sv('6.0.6002', 'ServerStandard'), 'warn', 'pass', false],
  ['Windows Server 2008 SP2 Enterprise (not listed for 2008)', sv('6.0.6002', 'ServerEnterprise'), 'warn', 'warn', false],
  ['Windows Storage Server 2016 Standard', sv('10.0.14393', 'StorageServerStandard'), 'pass', 'pass', false],
  ['Windows Storage Server 2012 R2 Workgroup', sv('6.3.9600', 'StorageServerWorkgroup'), 'pass', 'pass', false],
  ['Windows Storage Server 2012 Standard', sv('6.2.9200', 'StorageServerStandard'), 'pass', 'pass', false],
  [
    'a domain controller on Server 2019',
    { version: '10.0.17763', productType: 'domain-controller', editionId: 'ServerStandard' },
    'pass',
    'fail',
    true,
  ],
  ['Windows Vista', ws('6.0.6002', 'Business'), 'fail', 'fail', false],
  ['Windows XP', ws('5.1.2600', 'Professional'), 'fail', 'fail', false],
  ['Windows Server 2003', sv('5.2.3790', 'ServerStandard'), 'fail', 'fail', false],
  ['Windows Server 2008 SP1', sv('6.0.6001', 'ServerStandard'), 'fail', 'fail', false],
  ['a semi-annual Windows Server build', sv('10.0.19042', 'ServerDatacenter'), 'fail', 'fail', false],
];

describe('os.supported and os.system-state over every OS row', () => {
  for (const [name, os, current, old, systemState] of ROWS) {
    const profile = healthy((p) => {
      p.os = { family: 'windows', architecture: 'x64', ...os };
      p.selection!.systemState = true;
    });
    it(`${name}: ${current} under current, ${old} under 2019-02`, () => {
      expect(statusOf(profile, 'os.supported', 'current')).toBe(current);
      expect(statusOf(profile, 'os.supported', '2019-02')).toBe(old);
    });
    it(`${name}: System State ${systemState ? 'can' : 'cannot'} be backed up`, () => {
      // Where an edition does not list the OS at all, it offers no System State backup there either.
      expect(statusOf(profile, 'os.system-state', 'current')).toBe(systemState && current !== 'fail' ? 'info' : 'fail');
      expect(statusOf(profile, 'os.system-state', '2019-02')).toBe(systemState && old !== 'fail' ? 'info' : 'fail');
    });
  }
});

describe('os.supported beyond the table', () => {
  it('fails a 32-bit Windows, even a listed one, in both editions', () => {
    const profile = healthy((p) => (p.os.architecture = 'x86'));
    expect(statusOf(profile, 'os.supported', 'current')).toBe('fail');
    expect(statusOf(profile, 'os.supported', '2019-02')).toBe('fail');
    expect(one(profile, 'os.supported').detail).toMatch(/32-bit/);
  });

  it('fails Server Core under current only', () => {
    const profile = healthy((p) => {
      p.os = { ...p.os, version: '10.0.14393', installationType: 'Server Core' };
    });
    expect(statusOf(profile, 'os.supported', 'current')).toBe('fail');
    expect(one(profile, 'os.supported').detail).toMatch(/Server Core/);
    expect(statusOf(profile, 'os.supported', '2019-02')).toBe('pass');
  });

  it('warns on arm64 in both editions', () => {
    const profile = healthy((p) => {
      p.os = {
        family: 'windows',
        version: '10.0.19045',
        productType: 'workstation',
        editionId: 'Professional',
        installationType: 'Client',
        architecture: 'arm64',
      };
    });
    expect(statusOf(profile, 'os.supported', 'current')).toBe('warn');
    expect(statusOf(profile, 'os.supported', '2019-02')).toBe('warn');
  });

  it('fails every family but Windows, saying the agent needs Windows', () => {
    for (const family of ['linux', 'macos', 'other'] as const) {
      const profile = healthy((p) => (p.os = { family }));
      expect(statusOf(profile, 'os.supported')).toBe('fail');
      expect(one(profile, 'os.supported').detail).toMatch(/only on Windows/);
    }
  });

  it('is unknown when the version or the kind of machine cannot be told, never a pass', () => {
    expect(
      statusOf(
        healthy((p) => (p.os.version = null)),
        'os.supported',
      ),
    ).toBe('unknown');
    const noType = healthy((p) => {
      p.os.productType = null;
      p.os.installationType = null;
      p.os.editionId = null;
    });
    expect(statusOf(noType, 'os.supported')).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.os.version = '10.0')),
        'os.supported',
      ),
    ).toBe('unknown');
  });

  it('tells server from workstation by InstallationType or EditionID when ProductType is missing', () => {
    const byInstallation = healthy((p) => (p.os.productType = null));
    expect(one(byInstallation, 'os.supported').title).toMatch(/Windows Server 2019/);
    const byEdition = healthy((p) => {
      p.os.productType = null;
      p.os.installationType = null;
    });
    expect(one(byEdition, 'os.supported').title).toMatch(/Windows Server 2019/);
  });

  it('is unknown, not a pass, when a listed OS lacks its edition or architecture', () => {
    expect(
      statusOf(
        healthy((p) => (p.os.editionId = null)),
        'os.supported',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.os.architecture = null)),
        'os.supported',
      ),
    ).toBe('unknown');
  });

  it('identifies the OS from the version, never the caption', () => {
    const profile = healthy((p) => (p.os.caption = 'Microsoft Windows Server 2003 Standard'));
    expect(statusOf(profile, 'os.supported')).toBe('pass');
  });

  it('cites the matrix row it enforces', () => {
    const eos = healthy((p) => (p.os = { ...p.os, version: '6.1.7601', editionId: 'ServerStandard' }));
    expect(one(eos, 'os.supported').source).toMatchObject({ edition: 'current', section: 'Operating systems at end of support' });
    expect(one(eos, 'os.supported', '2019-02').source).toMatchObject({
      edition: '2019-02',
      date: '2019-02-17',
      section: 'Support for direct backups',
    });
  });
});

describe('os.system-state', () => {
  it('is info when System State is not selected, whatever the OS', () => {
    const profile = healthy((p) => {
      p.os = { family: 'windows', version: '10.0.19045', productType: 'workstation', editionId: 'Professional', architecture: 'x64' };
      p.selection!.systemState = false;
    });
    expect(statusOf(profile, 'os.system-state')).toBe('info');
    expect(one(profile, 'os.system-state').detail).toMatch(/not available/);
  });

  it('is unknown when System State is selected and the OS cannot be identified', () => {
    const profile = healthy((p) => {
      p.os.version = null;
      p.selection!.systemState = true;
    });
    expect(statusOf(profile, 'os.system-state')).toBe('unknown');
  });

  it('fails System State on Linux', () => {
    const profile = healthy((p) => {
      p.os = { family: 'linux' };
      p.selection!.systemState = true;
    });
    expect(statusOf(profile, 'os.system-state')).toBe('fail');
  });
});
