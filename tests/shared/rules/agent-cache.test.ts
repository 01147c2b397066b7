import { describe, expect, it } from 'vitest';
import type { MachineProfile, VolumeFacts } from '../../../shared/profile/types.js';
import { GB, healthy, one, statusOf, TB } from '../../helpers/profiles.js';

describe('agent.install', () => {
  it('is info whether installed, not installed, unknown or not probed', () => {
    expect(one(healthy(), 'agent.install')).toMatchObject({ status: 'info' });
    expect(one(healthy(), 'agent.install').detail).toMatch(/2\.0\.9615\.0/);
    expect(
      one(
        healthy((p) => (p.agent = { installed: false })),
        'agent.install',
      ).title,
    ).toMatch(/not installed/);
    expect(
      one(
        healthy((p) => (p.agent = { installed: null })),
        'agent.install',
      ).status,
    ).toBe('info');
    expect(
      one(
        healthy((p) => delete p.agent),
        'agent.install',
      ).status,
    ).toBe('info');
  });
  it('names the role', () => {
    expect(
      one(
        healthy((p) => (p.host!.role = 'mabs')),
        'agent.install',
      ).detail,
    ).toMatch(/MABS/);
  });
});

describe('agent.service', () => {
  it('passes when running, warns otherwise, unknown when unknown', () => {
    expect(statusOf(healthy(), 'agent.service')).toBe('pass');
    for (const state of ['stopped', 'starting', 'stopping', 'not-installed'] as const) {
      expect(
        statusOf(
          healthy((p) => (p.agent!.serviceState = state)),
          'agent.service',
        ),
      ).toBe('warn');
    }
    expect(
      statusOf(
        healthy((p) => (p.agent!.serviceState = 'unknown')),
        'agent.service',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.agent!.serviceState),
        'agent.service',
      ),
    ).toBe('unknown');
  });
  it('is absent unless the agent is installed', () => {
    expect(
      statusOf(
        healthy((p) => (p.agent = { installed: false, serviceState: 'stopped' })),
        'agent.service',
      ),
    ).toBe('absent');
    expect(
      statusOf(
        healthy((p) => (p.agent = { installed: null })),
        'agent.service',
      ),
    ).toBe('absent');
  });
});

describe('cache.registry', () => {
  const values = (a: string | null, b: string | null) =>
    healthy((p) => {
      p.agent!.scratchLocation = a;
      p.agent!.providerScratchLocation = b;
    });
  it('passes equal values, ignoring case and a trailing backslash', () => {
    expect(statusOf(values('D:\\MARS\\Scratch', 'd:\\mars\\scratch\\'), 'cache.registry')).toBe('pass');
  });
  it('fails when they differ, one is missing, or both are', () => {
    expect(statusOf(values('D:\\MARS\\Scratch', 'C:\\Scratch'), 'cache.registry')).toBe('fail');
    expect(statusOf(values(null, 'C:\\Scratch'), 'cache.registry')).toBe('fail');
    expect(statusOf(values('C:\\Scratch', null), 'cache.registry')).toBe('fail');
    expect(one(values(null, null), 'cache.registry')).toMatchObject({ status: 'fail', title: 'Neither cache registry value is set' });
    // Disagreeing values: the fix that points both at the folder holding the cache; neither set: register again.
    expect(one(values('D:\\A', 'D:\\B'), 'cache.registry').fix).toMatchObject({ action: 'point-registry' });
    expect(one(values(null, 'C:\\Scratch'), 'cache.registry').fix).toMatchObject({ action: 'point-registry' });
    expect(one(values(null, null), 'cache.registry').fix).toMatchObject({ action: null });
  });
  it('is info before install and unknown when installation is unknown', () => {
    expect(
      statusOf(
        healthy((p) => (p.agent = { installed: false })),
        'cache.registry',
      ),
    ).toBe('info');
    expect(
      statusOf(
        healthy((p) => (p.agent = { installed: null })),
        'cache.registry',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.agent),
        'cache.registry',
      ),
    ).toBe('unknown');
  });
});

describe('cache.folder', () => {
  it('passes, fails or is unknown on cache.exists', () => {
    expect(statusOf(healthy(), 'cache.folder')).toBe('pass');
    expect(
      statusOf(
        healthy((p) => (p.cache!.exists = false)),
        'cache.folder',
      ),
    ).toBe('fail');
    expect(
      statusOf(
        healthy((p) => (p.cache!.exists = null)),
        'cache.folder',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.cache = null)),
        'cache.folder',
      ),
    ).toBe('unknown');
  });
  it('is absent unless the agent is installed', () => {
    expect(
      statusOf(
        healthy((p) => ((p.agent = { installed: false }), (p.cache!.exists = false))),
        'cache.folder',
      ),
    ).toBe('absent');
  });
});

const onCacheVolume = (change: Partial<VolumeFacts>) => healthy((p) => Object.assign(p.volumes[1]!, change));

describe('cache.location', () => {
  it('passes a local, fixed, online, writable volume', () => {
    expect(statusOf(healthy(), 'cache.location')).toBe('pass');
  });
  it('fails a UNC path whatever the volumes say', () => {
    expect(
      statusOf(
        healthy((p) => (p.cache!.path = '\\\\nas01\\mars\\scratch')),
        'cache.location',
      ),
    ).toBe('fail');
  });
  const bad: [string, Partial<VolumeFacts>, RegExp][] = [
    ['network', { driveType: 'network', remotePath: '\\\\nas\\share' }, /network drive/],
    ['removable', { driveType: 'removable' }, /removable/],
    ['optical', { driveType: 'optical' }, /optical/],
    ['offline', { online: false }, /offline/],
    ['read-only', { readOnly: true }, /read-only/],
    ['BitLocker-locked', { bitlocker: 'locked' }, /BitLocker/],
  ];
  for (const [name, change, words] of bad) {
    it(`fails a ${name} volume and offers the move`, () => {
      const f = one(onCacheVolume(change), 'cache.location');
      expect(f.status).toBe('fail');
      expect(f.detail).toMatch(words);
      expect(f.fix?.action).toBe('relocate-cache');
    });
  }
  it('passes an unlocked or unknown BitLocker state', () => {
    expect(statusOf(onCacheVolume({ bitlocker: 'unlocked' }), 'cache.location')).toBe('pass');
    expect(statusOf(onCacheVolume({ bitlocker: 'unknown' }), 'cache.location')).toBe('pass');
  });
  it('is unknown with no cache or a volume not in volumes', () => {
    expect(
      statusOf(
        healthy((p) => (p.cache = null)),
        'cache.location',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.cache),
        'cache.location',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.cache!.volume = 'Z:')),
        'cache.location',
      ),
    ).toBe('unknown');
  });
  it('matches the volume id case-insensitively', () => {
    expect(
      statusOf(
        healthy((p) => ((p.cache!.volume = 'd:'), (p.volumes[1]!.readOnly = true))),
        'cache.location',
      ),
    ).toBe('fail');
  });
  it('finds the volume from the path when the profile does not name it, preferring a mount folder', () => {
    const profile = healthy((p) => {
      p.cache = { path: 'D:\\Mounts\\Fast\\Scratch', exists: true, volume: null };
      p.volumes.push({ id: 'D:\\Mounts\\Fast', fileSystem: 'NTFS', driveType: 'removable' });
    });
    expect(one(profile, 'cache.location').detail).toMatch(/D:\\Mounts\\Fast, which is removable/);
  });
});

describe('cache.attributes', () => {
  const attrs = { encrypted: false, compressed: false, sparse: false, reparsePoint: false };
  it('passes a plain folder', () => expect(statusOf(healthy(), 'cache.attributes')).toBe('pass'));
  for (const key of ['encrypted', 'compressed', 'sparse', 'reparsePoint'] as const) {
    it(`fails a ${key} folder, saying which`, () => {
      const f = one(
        healthy((p) => (p.cache!.attributes = { ...attrs, [key]: true })),
        'cache.attributes',
      );
      expect(f.status).toBe('fail');
      expect(f.detail).toMatch(key === 'reparsePoint' ? /reparse point/ : new RegExp(key));
    });
  }
  it('fails a cache on a deduplicated volume, even with unknown attributes', () => {
    const f = one(
      healthy((p) => ((p.volumes[1]!.deduplicated = true), (p.cache!.attributes = null))),
      'cache.attributes',
    );
    expect(f.status).toBe('fail');
    expect(f.detail).toMatch(/deduplicated/);
  });
  it('is unknown when attributes are null or there is no cache', () => {
    expect(
      statusOf(
        healthy((p) => (p.cache!.attributes = null)),
        'cache.attributes',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.cache = null)),
        'cache.attributes',
      ),
    ).toBe('unknown');
  });
});

describe('cache.free-space', () => {
  // T = 1000 GB selected; thresholds 5% (50 GB) and 10% (100 GB); with System State +30 GB / +35 GB.
  const T = 1000 * GB;
  const space = (free: number, systemState = false, total = T) =>
    healthy((p) => {
      p.volumes[1]!.freeBytes = free;
      p.selection!.systemState = systemState;
      p.selection!.items[0]!.sizeBytes = total;
    });
  it('passes at 10% and above', () => {
    expect(statusOf(space(T / 10), 'cache.free-space')).toBe('pass');
  });
  it('warns between 5% and 10%', () => {
    expect(statusOf(space(T / 10 - 1), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(T / 20), 'cache.free-space')).toBe('warn');
  });
  it('fails below 5%', () => {
    expect(statusOf(space(T / 20 - 1), 'cache.free-space')).toBe('fail');
    expect(one(space(T / 20 - 1), 'cache.free-space').fix?.action).toBe('relocate-cache');
  });
  it('adds 30 GB (fail) and 35 GB (warn) with System State', () => {
    expect(statusOf(space(T / 20 + 30 * GB - 1, true), 'cache.free-space')).toBe('fail');
    expect(statusOf(space(T / 20 + 30 * GB, true), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(T / 10 + 35 * GB - 1, true), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(T / 10 + 35 * GB, true), 'cache.free-space')).toBe('pass');
  });
  it('is exact with totals whose 5% is not a whole number', () => {
    // 5% of 101 bytes is 5.05: 5 free bytes fail, 6 do not.
    expect(statusOf(space(5, false, 101), 'cache.free-space')).toBe('fail');
    expect(statusOf(space(6, false, 101), 'cache.free-space')).toBe('warn');
  });
  it('is exact for petabyte selections', () => {
    const total = 2 ** 52 + 20; // 5% is 225179981368525.8 + 1
    expect(statusOf(space(Math.floor(total / 20), false, total), 'cache.free-space')).toBe('fail');
  });
  it('is unknown with no selection, a null item size, or unknown free space', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection = null)),
        'cache.free-space',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.selection),
        'cache.free-space',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.sizeBytes = null)),
        'cache.free-space',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.volumes[1]!.freeBytes = null)),
        'cache.free-space',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.cache = null)),
        'cache.free-space',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.cache!.volume = 'Q:')),
        'cache.free-space',
      ),
    ).toBe('unknown');
  });
  it('needs only the System State allowance with no items selected', () => {
    const profile = healthy((p) => {
      p.selection = { systemState: true, items: [] };
      p.volumes[1]!.freeBytes = 20 * GB;
    });
    expect(statusOf(profile, 'cache.free-space')).toBe('fail');
  });
});

describe('cache.azure-temporary', () => {
  const azure = (change: (p: MachineProfile) => void = () => {}) =>
    healthy((p) => {
      p.host!.azureVm = true;
      change(p);
    });
  it('is absent off Azure', () => {
    expect(
      statusOf(
        healthy((p) => (p.volumes[1]!.azureTemporary = true)),
        'cache.azure-temporary',
      ),
    ).toBe('absent');
  });
  it('warns when the cache is on the temporary disk, passes otherwise', () => {
    expect(
      statusOf(
        azure((p) => (p.volumes[1]!.azureTemporary = true)),
        'cache.azure-temporary',
      ),
    ).toBe('warn');
    expect(statusOf(azure(), 'cache.azure-temporary')).toBe('pass');
  });
  it('is unknown when it cannot tell', () => {
    expect(
      statusOf(
        azure((p) => (p.cache = null)),
        'cache.azure-temporary',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        azure((p) => (p.volumes[1]!.azureTemporary = null)),
        'cache.azure-temporary',
      ),
    ).toBe('unknown');
  });
});

describe('cache.registry in contract v2', () => {
  const values = (a: string | null, b: string | null) =>
    healthy((p) => {
      p.agent!.scratchLocation = a;
      p.agent!.providerScratchLocation = b;
    });
  it('counts an empty or white-space value as not set, keeping the fix of a missing value', () => {
    for (const blank of ['', ' ', '\t  ']) {
      expect(one(values(blank, 'D:\\MARS\\Scratch'), 'cache.registry')).toMatchObject({
        status: 'fail',
        title: 'One cache registry value is missing',
        fix: { action: 'point-registry' },
      });
      expect(one(values('D:\\MARS\\Scratch', blank), 'cache.registry')).toMatchObject({
        status: 'fail',
        fix: { action: 'point-registry' },
      });
      expect(one(values(blank, null), 'cache.registry')).toMatchObject({
        status: 'fail',
        title: 'Neither cache registry value is set',
        fix: { action: null },
      });
      expect(one(values(blank, blank), 'cache.registry')).toMatchObject({ status: 'fail', fix: { action: null } });
    }
  });
  it('compares the values as paths: case, slashes, trailing backslashes and the long-path prefix aside', () => {
    expect(statusOf(values('\\\\?\\D:\\MARS\\Scratch', 'd:/mars/scratch/'), 'cache.registry')).toBe('pass');
    expect(statusOf(values('\\\\?\\UNC\\nas\\mars', '\\\\NAS\\Mars\\'), 'cache.registry')).toBe('pass');
  });
  it('rewrites nothing else: white space and doubled backslashes count', () => {
    expect(statusOf(values(' D:\\MARS\\Scratch', 'D:\\MARS\\Scratch'), 'cache.registry')).toBe('fail');
    expect(statusOf(values('D:\\MARS\\Scratch ', 'D:\\MARS\\Scratch'), 'cache.registry')).toBe('fail');
    expect(statusOf(values('D:\\\\MARS\\Scratch', 'D:\\MARS\\Scratch'), 'cache.registry')).toBe('fail');
    expect(one(values('D:\\\\MARS\\Scratch', 'D:\\MARS\\Scratch'), 'cache.registry').fix?.action).toBe('point-registry');
  });
});

describe('cache.location in contract v2', () => {
  it('fails a RAM disk', () => {
    const f = one(onCacheVolume({ driveType: 'ram' }), 'cache.location');
    expect(f.status).toBe('fail');
    expect(f.detail).toMatch(/RAM disk/);
  });
  it('fails on a known failing fact even when the drive type is unknown', () => {
    for (const change of [{ readOnly: true }, { online: false }, { bitlocker: 'locked' as const }]) {
      expect(statusOf(onCacheVolume({ driveType: 'unknown', ...change }), 'cache.location')).toBe('fail');
      expect(
        statusOf(
          healthy((p) => (delete p.volumes[1]!.driveType, Object.assign(p.volumes[1]!, change))),
          'cache.location',
        ),
      ).toBe('fail');
    }
  });
  it('is unknown when the drive type is unknown or absent and nothing fails', () => {
    expect(statusOf(onCacheVolume({ driveType: 'unknown' }), 'cache.location')).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => delete p.volumes[1]!.driveType),
        'cache.location',
      ),
    ).toBe('unknown');
  });
  it('finds the volume from the path when volume is null, empty or white space', () => {
    for (const volume of [null, '', '   ']) {
      expect(
        statusOf(
          healthy((p) => ((p.cache!.volume = volume), (p.volumes[1]!.readOnly = true))),
          'cache.location',
        ),
      ).toBe('fail');
      expect(
        statusOf(
          healthy((p) => (p.cache!.volume = volume)),
          'cache.location',
        ),
      ).toBe('pass');
    }
  });
  it('reads the long-path prefix: \\\\?\\D: is D:, \\\\?\\UNC\\ a network share', () => {
    const prefixed = (path: string) => healthy((p) => (p.cache = { path, exists: true, volume: null }));
    expect(statusOf(prefixed('\\\\?\\D:\\MARS\\Scratch'), 'cache.location')).toBe('pass');
    expect(statusOf(prefixed('\\\\?\\UNC\\nas01\\mars\\scratch'), 'cache.location')).toBe('fail');
    expect(statusOf(prefixed('//nas01/mars/scratch'), 'cache.location')).toBe('fail');
  });
  it('takes a volume GUID path as a volume, not as a network share', () => {
    const guid = '\\\\?\\Volume{6f1c2b10-0000-4000-8000-000000000001}\\';
    const listed = healthy((p) => {
      p.cache = { path: `${guid}MARS\\Scratch`, exists: true, volume: null };
      p.volumes.push({ id: guid, fileSystem: 'NTFS', driveType: 'fixed', online: true, readOnly: false });
    });
    expect(statusOf(listed, 'cache.location')).toBe('pass');
    const unlisted = healthy((p) => (p.cache = { path: `${guid}MARS\\Scratch`, exists: true, volume: null }));
    expect(one(unlisted, 'cache.location')).toMatchObject({ status: 'unknown' });
    expect(one(unlisted, 'cache.location').detail).toContain(guid);
  });
});

describe('cache.free-space in contract v2', () => {
  const space = (free: number, sizes: (number | null)[], systemState = false) =>
    healthy((p) => {
      p.volumes[1]!.freeBytes = free;
      p.selection = { systemState, items: sizes.map((sizeBytes, i) => ({ path: `E:\\Item${i}`, volume: 'E:', sizeBytes })) };
    });
  it('takes the known sizes as a lower bound: a fail or warn they reach is given', () => {
    // Known: 1000 GB, so at least 50 GB (fail) and 100 GB (warn) are needed.
    expect(statusOf(space(50 * GB - 1, [1000 * GB, null]), 'cache.free-space')).toBe('fail');
    expect(statusOf(space(100 * GB - 1, [1000 * GB, null]), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(100 * GB, [1000 * GB, null]), 'cache.free-space')).toBe('unknown');
    expect(statusOf(space(30 * GB - 1, [null], true), 'cache.free-space')).toBe('fail');
    expect(statusOf(space(35 * GB - 1, [null], true), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(35 * GB, [null], true), 'cache.free-space')).toBe('unknown');
  });
  it("adds the System State amount to the percentage: F < 0.05 T + S fails, F < 0.10 T + S' warns", () => {
    const T = 200 * GB;
    expect(statusOf(space(10 * GB + 30 * GB - 1, [T], true), 'cache.free-space')).toBe('fail');
    expect(statusOf(space(10 * GB + 30 * GB, [T], true), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(20 * GB + 35 * GB - 1, [T], true), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(20 * GB + 35 * GB, [T], true), 'cache.free-space')).toBe('pass');
  });
  it('takes an empty list of items as a total of 0', () => {
    expect(statusOf(space(0, []), 'cache.free-space')).toBe('pass');
    expect(statusOf(space(30 * GB, [], true), 'cache.free-space')).toBe('warn');
    expect(statusOf(space(35 * GB, [], true), 'cache.free-space')).toBe('pass');
  });
  it('is unknown with the cache volume not described, whatever the sizes', () => {
    expect(
      statusOf(
        healthy((p) => ((p.cache!.volume = 'Q:'), (p.selection!.items[0]!.sizeBytes = 100 * TB))),
        'cache.free-space',
      ),
    ).toBe('unknown');
  });
});

describe('cache.azure-temporary in contract v2', () => {
  const azure = (change: (p: MachineProfile) => void) =>
    healthy((p) => {
      p.host!.azureVm = true;
      change(p);
    });
  it('is unknown when azureTemporary is null or absent, or the cache volume is not described', () => {
    expect(
      statusOf(
        azure((p) => (p.volumes[1]!.azureTemporary = null)),
        'cache.azure-temporary',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        azure((p) => delete p.volumes[1]!.azureTemporary),
        'cache.azure-temporary',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        azure((p) => (p.cache!.volume = 'Q:')),
        'cache.azure-temporary',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        azure((p) => (p.cache = { path: 'Q:\\Scratch', volume: null })),
        'cache.azure-temporary',
      ),
    ).toBe('unknown');
  });
  it('warns for a volume known to be temporary, found from the path too', () => {
    expect(
      statusOf(
        azure((p) => ((p.cache!.volume = ''), (p.volumes[1]!.azureTemporary = true))),
        'cache.azure-temporary',
      ),
    ).toBe('warn');
  });
});
