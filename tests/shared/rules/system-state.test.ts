// system-state.prerequisites (contract v2): four findings (windows-server-backup, services,
// system-volume-space, pending-reboot) when System State is selected on a server whose edition backs it up,
// not an Azure VM, and the section is present; one unknown finding without a subject when it is null.
import { describe, expect, it } from 'vitest';
import type { MachineProfile, SystemStatePrerequisites, V2Service } from '../../../shared/profile/types.js';
import { findingsOf, GB, statusOf } from '../../helpers/profiles.js';
import { healthyV2, systemStateV2 } from '../../helpers/v2-profiles.js';

const CHECK = 'system-state.prerequisites';
const SUBJECTS = ['windows-server-backup', 'services', 'system-volume-space', 'pending-reboot'];
const prerequisites = (change: (s: SystemStatePrerequisites) => void) => systemStateV2((p) => change(p.systemStatePrerequisites!));
const subjectStatus = (p: MachineProfile, subject: string, edition: 'current' | '2019-02' = 'current') =>
  statusOf(p, CHECK, edition, subject);
const service = (name: 'RpcSs' | 'EventSystem' | 'SENS' | 'VSS' | 'SWPRV', value: V2Service | null | undefined) =>
  prerequisites((s) => {
    if (value === undefined) delete s.services![name];
    else s.services![name] = value;
  });

describe('system-state.prerequisites: when it runs', () => {
  it('gives the four findings, in order, all passing on a healthy server with System State selected', () => {
    const found = findingsOf(systemStateV2(), CHECK);
    expect(found.map((f) => [f.subject, f.status])).toEqual(SUBJECTS.map((s) => [s, 'pass']));
    const server2016 = systemStateV2((p) => (p.os.version = '10.0.14393'));
    expect(findingsOf(server2016, CHECK, '2019-02').map((f) => f.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('gives no finding without System State selected', () => {
    expect(findingsOf(healthyV2(), CHECK)).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => (p.selection = null)),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.selection!.systemState),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('gives no finding on an Azure VM, also for a null section', () => {
    expect(
      findingsOf(
        systemStateV2((p) => (p.host!.azureVm = true)),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        systemStateV2((p) => ((p.host!.azureVm = true), (p.systemStatePrerequisites = null))),
        CHECK,
      ),
    ).toEqual([]);
    // Not known to be an Azure VM: it runs.
    expect(
      findingsOf(
        systemStateV2((p) => (p.host!.azureVm = null)),
        CHECK,
      ),
    ).toHaveLength(4);
    expect(
      findingsOf(
        systemStateV2((p) => delete p.host),
        CHECK,
      ),
    ).toHaveLength(4);
  });

  it('gives no finding on an OS without System State support in the edition, or an undetermined one', () => {
    // Windows Server 2019 is in the current edition, not in 2019-02 (an unlisted Windows there).
    expect(findingsOf(systemStateV2(), CHECK)).toHaveLength(4);
    expect(findingsOf(systemStateV2(), CHECK, '2019-02')).toEqual([]);
    // Windows 10 (no System State), Server 2008 SP2 (no System State), an unlisted server build, not Windows.
    const workstation = systemStateV2((p) =>
      Object.assign(p.os, { productType: 'workstation', editionId: 'Professional', installationType: 'Client' }),
    );
    expect(findingsOf(workstation, CHECK)).toEqual([]);
    expect(
      findingsOf(
        systemStateV2((p) => Object.assign(p.os, { version: '6.0.6002' })),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        systemStateV2((p) => Object.assign(p.os, { version: '10.0.25398' })),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        systemStateV2((p) => (p.os = { family: 'linux' })),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        systemStateV2((p) => (p.os.version = null)),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        systemStateV2((p) => (p.os.version = '10.0')),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('takes the edition into account: 2008 R2 backs System State up in both, 2019 only in the current one', () => {
    const r2 = systemStateV2((p) => Object.assign(p.os, { version: '6.1.7601', editionId: 'ServerStandard' }));
    expect(findingsOf(r2, CHECK)).toHaveLength(4);
    expect(findingsOf(r2, CHECK, '2019-02')).toHaveLength(4);
    const s2022 = systemStateV2((p) => (p.os.version = '10.0.20348'));
    expect(findingsOf(s2022, CHECK)).toHaveLength(4);
    expect(findingsOf(s2022, CHECK, '2019-02')).toEqual([]);
  });

  it('gives no finding without the section (a version-1 profile), one unknown finding without a subject when it is null', () => {
    expect(
      findingsOf(
        systemStateV2((p) => delete p.systemStatePrerequisites),
        CHECK,
      ),
    ).toEqual([]);
    const nullSection = findingsOf(
      systemStateV2((p) => (p.systemStatePrerequisites = null)),
      CHECK,
    );
    expect(nullSection.map((f) => [f.subject, f.status])).toEqual([[null, 'unknown']]);
    expect(nullSection[0]!.fix!.who).toBe('helpdesk');
    const server2016 = systemStateV2((p) => ((p.os.version = '10.0.14393'), (p.systemStatePrerequisites = null)));
    expect(findingsOf(server2016, CHECK, '2019-02')).toHaveLength(1);
  });

  it('reads a missing property inside the section as null', () => {
    const empty = findingsOf(
      systemStateV2((p) => (p.systemStatePrerequisites = {})),
      CHECK,
    );
    expect(empty.map((f) => [f.subject, f.status])).toEqual(SUBJECTS.map((s) => [s, 'unknown']));
  });
});

describe('system-state.prerequisites: windows-server-backup', () => {
  it('fails not-installed, is unknown for null, passes installed', () => {
    expect(
      subjectStatus(
        prerequisites((s) => (s.windowsServerBackup = 'not-installed')),
        'windows-server-backup',
      ),
    ).toBe('fail');
    expect(
      subjectStatus(
        prerequisites((s) => (s.windowsServerBackup = null)),
        'windows-server-backup',
      ),
    ).toBe('unknown');
    expect(
      subjectStatus(
        prerequisites((s) => delete s.windowsServerBackup),
        'windows-server-backup',
      ),
    ).toBe('unknown');
    expect(subjectStatus(systemStateV2(), 'windows-server-backup')).toBe('pass');
    const f = only(
      prerequisites((s) => (s.windowsServerBackup = 'not-installed')),
      'windows-server-backup',
    );
    expect(f).toMatchObject({ subject: 'windows-server-backup', fix: { who: 'server admin' } });
    expect(f.fix!.steps.join(' ')).toContain('Install-WindowsFeature -Name Windows-Server-Backup');
  });
});

// one() needs a single finding: these helpers pick the subject.
function only(p: MachineProfile, subject: string) {
  return findingsOf(p, CHECK).find((f) => f.subject === subject)!;
}

describe('system-state.prerequisites: services', () => {
  it('fails when any of the five is not installed or disabled', () => {
    for (const name of ['RpcSs', 'EventSystem', 'SENS', 'VSS', 'SWPRV'] as const) {
      expect(subjectStatus(service(name, { startType: null, state: 'not-installed' }), 'services'), name).toBe('fail');
      expect(subjectStatus(service(name, { startType: 'disabled', state: 'stopped' }), 'services'), name).toBe('fail');
      expect(subjectStatus(service(name, { startType: 'disabled', state: null }), 'services'), name).toBe('fail');
    }
  });

  it('fails when RpcSs, EventSystem or SENS is in a state other than running; VSS and SWPRV may be stopped', () => {
    for (const name of ['RpcSs', 'EventSystem', 'SENS'] as const) {
      for (const state of ['stopped', 'starting', 'stopping', 'paused'] as const) {
        expect(subjectStatus(service(name, { startType: 'auto', state }), 'services'), `${name} ${state}`).toBe('fail');
      }
    }
    for (const name of ['VSS', 'SWPRV'] as const) {
      for (const state of ['stopped', 'running', 'paused', null] as const) {
        expect(subjectStatus(service(name, { startType: 'manual', state }), 'services'), `${name} ${state}`).toBe('pass');
      }
    }
  });

  it('warns when RpcSs, EventSystem or SENS starts other than auto (and runs); VSS and SWPRV may start any way but disabled', () => {
    for (const name of ['RpcSs', 'EventSystem', 'SENS'] as const) {
      for (const startType of ['manual', 'boot', 'system'] as const) {
        expect(subjectStatus(service(name, { startType, state: 'running' }), 'services'), `${name} ${startType}`).toBe('warn');
      }
    }
    for (const name of ['VSS', 'SWPRV'] as const) {
      for (const startType of ['auto', 'manual', 'boot', 'system'] as const) {
        expect(subjectStatus(service(name, { startType, state: 'stopped' }), 'services'), `${name} ${startType}`).toBe('pass');
      }
    }
  });

  it('is unknown when services is null or a needed value is null, when nothing fails or warns', () => {
    expect(
      subjectStatus(
        prerequisites((s) => (s.services = null)),
        'services',
      ),
    ).toBe('unknown');
    expect(
      subjectStatus(
        prerequisites((s) => delete s.services),
        'services',
      ),
    ).toBe('unknown');
    for (const name of ['RpcSs', 'EventSystem', 'SENS'] as const) {
      expect(subjectStatus(service(name, { startType: 'auto', state: null }), 'services'), name).toBe('unknown');
      expect(subjectStatus(service(name, { startType: null, state: 'running' }), 'services'), name).toBe('unknown');
      expect(subjectStatus(service(name, {}), 'services'), name).toBe('unknown');
      expect(subjectStatus(service(name, null), 'services'), name).toBe('unknown');
      expect(subjectStatus(service(name, undefined), 'services'), name).toBe('unknown');
    }
    for (const name of ['VSS', 'SWPRV'] as const) {
      expect(subjectStatus(service(name, { startType: null, state: 'stopped' }), 'services'), name).toBe('unknown');
      expect(subjectStatus(service(name, null), 'services'), name).toBe('unknown');
      expect(subjectStatus(service(name, undefined), 'services'), name).toBe('unknown');
    }
    expect(
      subjectStatus(
        prerequisites((s) => (s.services = {})),
        'services',
      ),
    ).toBe('unknown');
  });

  it('lets a known failing or warning value decide over unknown ones (fail > warn > unknown)', () => {
    const mixed = (values: Partial<Record<'RpcSs' | 'EventSystem' | 'SENS' | 'VSS' | 'SWPRV', V2Service | null>>) =>
      prerequisites((s) => (s.services = values));
    expect(subjectStatus(mixed({ SENS: { startType: 'manual', state: 'running' } }), 'services')).toBe('warn');
    expect(subjectStatus(mixed({ SENS: { startType: 'manual', state: 'stopped' } }), 'services')).toBe('fail');
    expect(subjectStatus(mixed({ VSS: { startType: 'disabled', state: null } }), 'services')).toBe('fail');
    expect(
      subjectStatus(
        mixed({ RpcSs: { startType: 'manual', state: 'running' }, VSS: { startType: 'disabled', state: 'stopped' } }),
        'services',
      ),
    ).toBe('fail');
    const warn = only(mixed({ EventSystem: { startType: 'manual', state: 'running' } }), 'services');
    expect(warn.detail).toContain('COM+ Event System (EventSystem) starts "manual"');
    expect(warn.fix!.who).toBe('server admin');
  });
});

describe('system-state.prerequisites: system-volume-space', () => {
  const freeOnC = (bytes: number | null) => systemStateV2((p) => (p.volumes[0]!.freeBytes = bytes));
  it('warns below 30 GB free on the system volume, never fails', () => {
    expect(subjectStatus(freeOnC(30 * GB - 1), 'system-volume-space')).toBe('warn');
    expect(subjectStatus(freeOnC(0), 'system-volume-space')).toBe('warn');
    expect(subjectStatus(freeOnC(30 * GB), 'system-volume-space')).toBe('pass');
    const server2016 = systemStateV2((p) => ((p.os.version = '10.0.14393'), (p.volumes[0]!.freeBytes = 30 * GB - 1)));
    expect(subjectStatus(server2016, 'system-volume-space', '2019-02')).toBe('warn');
    const f = only(freeOnC(12 * GB), 'system-volume-space');
    expect(f.detail).toContain('12 GB');
    expect(f.fix!.steps.join(' ')).toMatch(/cache folder/);
  });

  it('finds the volume systemVolume names by id, case-insensitively', () => {
    const lower = systemStateV2((p) => ((p.systemStatePrerequisites!.systemVolume = 'c:'), (p.volumes[0]!.freeBytes = GB)));
    expect(subjectStatus(lower, 'system-volume-space')).toBe('warn');
    const onD = systemStateV2((p) => ((p.systemStatePrerequisites!.systemVolume = 'D:'), (p.volumes[0]!.freeBytes = GB)));
    expect(subjectStatus(onD, 'system-volume-space')).toBe('pass');
  });

  it('is unknown when the volume or its free space is not known', () => {
    expect(subjectStatus(freeOnC(null), 'system-volume-space')).toBe('unknown');
    expect(
      subjectStatus(
        systemStateV2((p) => delete p.volumes[0]!.freeBytes),
        'system-volume-space',
      ),
    ).toBe('unknown');
    expect(
      subjectStatus(
        prerequisites((s) => (s.systemVolume = null)),
        'system-volume-space',
      ),
    ).toBe('unknown');
    expect(
      subjectStatus(
        prerequisites((s) => delete s.systemVolume),
        'system-volume-space',
      ),
    ).toBe('unknown');
    expect(
      subjectStatus(
        prerequisites((s) => (s.systemVolume = 'Z:')),
        'system-volume-space',
      ),
    ).toBe('unknown');
  });
});

describe('system-state.prerequisites: pending-reboot', () => {
  it('warns true, is unknown for null, passes false', () => {
    expect(
      subjectStatus(
        prerequisites((s) => (s.rebootPending = true)),
        'pending-reboot',
      ),
    ).toBe('warn');
    expect(
      subjectStatus(
        prerequisites((s) => (s.rebootPending = null)),
        'pending-reboot',
      ),
    ).toBe('unknown');
    expect(
      subjectStatus(
        prerequisites((s) => delete s.rebootPending),
        'pending-reboot',
      ),
    ).toBe('unknown');
    expect(subjectStatus(systemStateV2(), 'pending-reboot')).toBe('pass');
    expect(
      only(
        prerequisites((s) => (s.rebootPending = true)),
        'pending-reboot',
      ).fix!.who,
    ).toBe('server admin');
  });
});
