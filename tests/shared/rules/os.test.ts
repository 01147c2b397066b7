import { describe, expect, it } from 'vitest';
import type { MachineProfile, OsFacts } from '../../../shared/profile/types.js';
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

describe('os.supported: the editions and releases contract v2 names', () => {
  const os = (facts: Partial<OsFacts>) => healthy((p) => (p.os = { family: 'windows', architecture: 'x64', ...facts }));
  const both = (profile: ReturnType<typeof os>) => [
    statusOf(profile, 'os.supported', 'current'),
    statusOf(profile, 'os.supported', '2019-02'),
  ];

  it('warns on Windows 10/11 Enterprise multi-session (ServerRdsh), an edition no row lists', () => {
    expect(both(os({ version: '10.0.19045', productType: 'server', editionId: 'ServerRdsh', installationType: 'Client' }))).toEqual([
      'warn',
      'warn',
    ]);
    expect(both(os({ version: '10.0.22631', productType: 'server', editionId: 'ServerRdsh', installationType: 'Client' }))).toEqual([
      'warn',
      'fail',
    ]);
    const multi = one(os({ version: '10.0.22631', productType: 'server', editionId: 'ServerRdsh' }), 'os.supported');
    expect(multi.title).toMatch(/Windows 11/);
    expect(multi.detail).toMatch(/Enterprise multi-session/);
  });

  it('warns on Datacenter: Azure Edition (ServerTurbine) of Server 2022 and 2025', () => {
    for (const version of ['10.0.20348', '10.0.26100']) {
      const profile = os({ version, productType: 'server', editionId: 'ServerTurbine', installationType: 'Server' });
      expect(both(profile)).toEqual(['warn', 'fail']);
      expect(one(profile, 'os.supported').detail).toMatch(/Datacenter: Azure Edition/);
    }
  });

  it('fails Azure Stack HCI / Azure Local in both editions', () => {
    for (const version of ['10.0.20348', '10.0.26100', '10.0.17763', '10.0.14393']) {
      expect(both(os({ version, productType: 'server', editionId: 'ServerAzureStackHCICor', installationType: 'Server Core' }))).toEqual([
        'fail',
        'fail',
      ]);
    }
  });

  it('lists Storage Server under both EditionID spellings on 2012, 2012 R2 and 2016 only', () => {
    for (const editionId of ['ServerStorageStandard', 'ServerStorageWorkgroup', 'StorageServerStandard', 'StorageServerWorkgroup']) {
      for (const version of ['6.2', '6.2.9200', '6.3', '6.3.9600', '10.0.14393']) {
        expect(both(os({ version, productType: 'server', editionId, installationType: 'Server' }))).toEqual(['pass', 'pass']);
      }
      for (const version of ['6.1.7601', '10.0.17763', '10.0.20348', '6.0.6002']) {
        expect(both(os({ version, productType: 'server', editionId, installationType: 'Server' }))).toEqual(['fail', 'fail']);
      }
      expect(both(os({ version: '10.0', productType: 'server', editionId, installationType: 'Server' }))).toEqual(['unknown', 'unknown']);
    }
  });

  it('counts N editions as the edition, and no other letter', () => {
    expect(both(os({ version: '10.0.19045', productType: 'workstation', editionId: 'ProfessionalN' }))).toEqual(['pass', 'pass']);
    expect(both(os({ version: '10.0.19045', productType: 'workstation', editionId: 'EnterpriseSN' }))).toEqual(['pass', 'pass']);
    expect(both(os({ version: '10.0.19045', productType: 'workstation', editionId: 'Professionaln' }))).toEqual(['warn', 'warn']);
    expect(both(os({ version: '10.0.17763', productType: 'server', editionId: 'ServerSolution' }))).toEqual(['pass', 'fail']);
  });

  it('fails every 10.0 server build but the four listed ones, and is unknown for 10.0 without a build', () => {
    for (const build of ['25398', '20349', '22621', '14392']) {
      expect(both(os({ version: `10.0.${build}`, productType: 'server', editionId: 'ServerStandard' }))).toEqual(['fail', 'fail']);
    }
    expect(both(os({ version: '10.0', productType: 'server', editionId: 'ServerStandard' }))).toEqual(['unknown', 'unknown']);
  });

  it('needs build 6002 or service pack 2 for Server 2008', () => {
    expect(both(os({ version: '6.0', productType: 'server', editionId: 'ServerStandard', servicePack: 2 }))).toEqual(['warn', 'pass']);
    expect(both(os({ version: '6.0', productType: 'server', editionId: 'ServerStandard', servicePack: 1 }))).toEqual(['fail', 'fail']);
    expect(both(os({ version: '6.0', productType: 'server', editionId: 'ServerStandard', servicePack: null }))).toEqual([
      'unknown',
      'unknown',
    ]);
  });
});

describe('os.supported on an undetermined OS (v2)', () => {
  const unsure = (facts: Partial<OsFacts>) =>
    healthy((p) => (p.os = { family: 'windows', version: null, productType: 'server', editionId: 'ServerStandard', ...facts }));

  it('still fails a 32-bit Windows in both editions', () => {
    const profile = unsure({ architecture: 'x86' });
    expect(statusOf(profile, 'os.supported', 'current')).toBe('fail');
    expect(statusOf(profile, 'os.supported', '2019-02')).toBe('fail');
    expect(one(profile, 'os.supported').detail).toMatch(/32-bit/);
  });
  it('still fails Server Core, under current only', () => {
    const profile = unsure({ architecture: 'x64', installationType: 'Server Core' });
    expect(statusOf(profile, 'os.supported', 'current')).toBe('fail');
    expect(statusOf(profile, 'os.supported', '2019-02')).toBe('unknown');
  });
  it('still warns on arm64 in both editions, and Server Core on arm64 fails under current', () => {
    expect(statusOf(unsure({ architecture: 'arm64' }), 'os.supported', 'current')).toBe('warn');
    expect(statusOf(unsure({ architecture: 'arm64' }), 'os.supported', '2019-02')).toBe('warn');
    const core = unsure({ architecture: 'arm64', installationType: 'Server Core' });
    expect(statusOf(core, 'os.supported', 'current')).toBe('fail');
    expect(statusOf(core, 'os.supported', '2019-02')).toBe('warn');
  });
  it('is unknown otherwise, whatever else is known', () => {
    for (const architecture of ['x64', null] as const) {
      expect(statusOf(unsure({ architecture }), 'os.supported', 'current')).toBe('unknown');
      expect(statusOf(unsure({ architecture, version: '10.0', editionId: 'Education' }), 'os.supported', 'current')).toBe('unknown');
    }
    const noType = healthy((p) => (p.os = { family: 'windows', version: '6.1.7601', architecture: 'x64' }));
    expect(statusOf(noType, 'os.supported', 'current')).toBe('unknown');
  });
});

describe('os.supported on a listed OS with facts missing (v2)', () => {
  it('is unknown when the EditionID or the architecture is null, or missing', () => {
    expect(
      statusOf(
        healthy((p) => delete p.os.editionId),
        'os.supported',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.os.architecture),
        'os.supported',
      ),
    ).toBe('unknown');
  });
  it('lets a known warning decide over the missing facts', () => {
    const win7 = healthy(
      (p) => (p.os = { family: 'windows', version: '6.1.7601', productType: 'server', editionId: null, architecture: null }),
    );
    expect(statusOf(win7, 'os.supported', 'current')).toBe('warn');
    expect(statusOf(win7, 'os.supported', '2019-02')).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => ((p.os.editionId = null), (p.os.architecture = 'arm64'))),
        'os.supported',
      ),
    ).toBe('warn');
    expect(
      statusOf(
        healthy((p) => ((p.os.editionId = 'Education'), (p.os.architecture = null))),
        'os.supported',
      ),
    ).toBe('warn');
  });
  it('compares an empty EditionID as an edition, which no row lists', () => {
    expect(
      statusOf(
        healthy((p) => (p.os.editionId = '')),
        'os.supported',
      ),
    ).toBe('warn');
  });
});

describe('os.system-state on Azure VMs and undetermined OSes (v2)', () => {
  const systemState = (change: (p: MachineProfile) => void) =>
    healthy((p) => {
      p.selection!.systemState = true;
      change(p);
    });
  it('fails when System State is selected on an Azure VM, in both editions', () => {
    const profile = systemState((p) => (p.host!.azureVm = true));
    expect(statusOf(profile, 'os.system-state', 'current')).toBe('fail');
    expect(statusOf(profile, 'os.system-state', '2019-02')).toBe('fail');
    expect(one(profile, 'os.system-state').detail).toMatch(/Azure virtual machine/);
  });
  it('fails on an Azure VM even when the OS is undetermined', () => {
    expect(
      statusOf(
        systemState((p) => ((p.host!.azureVm = true), (p.os.version = null))),
        'os.system-state',
      ),
    ).toBe('fail');
  });
  it('is unknown when selected on an undetermined OS that is not known to be an Azure VM', () => {
    for (const azureVm of [false, null]) {
      const profile = systemState((p) => ((p.host!.azureVm = azureVm), (p.os.version = '10.0')));
      expect(statusOf(profile, 'os.system-state', 'current')).toBe('unknown');
      expect(statusOf(profile, 'os.system-state', '2019-02')).toBe('unknown');
    }
    expect(
      statusOf(
        systemState((p) => ((p.os.version = null), delete p.host)),
        'os.system-state',
      ),
    ).toBe('unknown');
  });
  it('is info on an Azure VM when System State is not selected', () => {
    const profile = healthy((p) => ((p.host!.azureVm = true), (p.selection!.systemState = false)));
    expect(statusOf(profile, 'os.system-state')).toBe('info');
    expect(one(profile, 'os.system-state').detail).toMatch(/not available on an Azure virtual machine/);
  });
});
