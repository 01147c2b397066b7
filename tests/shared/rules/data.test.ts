import { describe, expect, it } from 'vitest';
import type { MachineProfile, SelectedItem, VolumeFacts } from '../../../shared/profile/types.js';
import { evaluate } from '../../../shared/report/build.js';
import { findingsOf, GB, healthy, one, statusOf, TB } from '../../helpers/profiles.js';

const onDataVolume = (change: Partial<VolumeFacts>) => healthy((p) => Object.assign(p.volumes[2]!, change));
const item = (path: string, extra: Partial<SelectedItem> = {}): SelectedItem => ({ path, sizeBytes: GB, ...extra });

describe('volume.supported', () => {
  it('gives one finding per volume that holds selected items, subject the volume id', () => {
    const profile = healthy((p) => p.selection!.items.push(item('C:\\Users', { volume: 'C:' }), item('e:\\More', { volume: 'e:' })));
    expect(findingsOf(profile, 'volume.supported').map((f) => f.subject)).toEqual(['E:', 'C:']);
  });
  it('passes a local fixed NTFS volume, and a deduplicated one with a note on upload size', () => {
    expect(statusOf(healthy(), 'volume.supported', 'current', 'E:')).toBe('pass');
    const dedup = one(onDataVolume({ deduplicated: true }), 'volume.supported');
    expect(dedup.status).toBe('pass');
    expect(dedup.detail).toMatch(/full, rehydrated size/);
  });
  const bad: [string, Partial<VolumeFacts>][] = [
    ['network', { driveType: 'network' }],
    ['removable', { driveType: 'removable' }],
    ['optical', { driveType: 'optical' }],
    ['offline', { online: false }],
    ['read-only', { readOnly: true }],
    ['BitLocker-locked', { bitlocker: 'locked' }],
    ['ReFS', { fileSystem: 'ReFS' }],
    ['FAT32', { fileSystem: 'FAT32' }],
  ];
  for (const [name, change] of bad) {
    it(`fails a ${name} volume in both editions`, () => {
      expect(statusOf(onDataVolume(change), 'volume.supported', 'current')).toBe('fail');
      expect(statusOf(onDataVolume(change), 'volume.supported', '2019-02')).toBe('fail');
    });
  }
  it('accepts the file system name in any case', () => {
    expect(statusOf(onDataVolume({ fileSystem: 'ntfs' }), 'volume.supported')).toBe('pass');
  });
  it('fails a UNC item as a network share', () => {
    const profile = healthy((p) => (p.selection!.items = [item('\\\\fs02\\share\\data')]));
    expect(one(profile, 'volume.supported')).toMatchObject({ status: 'fail', subject: '\\\\fs02\\share' });
  });
  it('is unknown when the volume is not listed, its kind unknown, or its file system null', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.volume = 'Q:')),
        'volume.supported',
      ),
    ).toBe('unknown');
    expect(statusOf(onDataVolume({ driveType: 'unknown' }), 'volume.supported')).toBe('unknown');
    expect(statusOf(onDataVolume({ fileSystem: null }), 'volume.supported')).toBe('unknown');
  });
  it('places an item without a volume by its path', () => {
    const profile = healthy((p) => (p.selection!.items[0]!.volume = null));
    expect(one(profile, 'volume.supported')).toMatchObject({ status: 'pass', subject: 'E:' });
  });
  it('is absent with nothing selected', () => {
    expect(
      findingsOf(
        healthy((p) => (p.selection = null)),
        'volume.supported',
      ),
    ).toEqual([]);
  });
});

describe('volume.size-limit', () => {
  const limit = (version: string, total: number) =>
    healthy((p) => {
      p.os.version = version;
      p.selection!.items = [item('E:\\A', { volume: 'E:', sizeBytes: total - GB }), item('E:\\B', { volume: 'E:', sizeBytes: GB })];
    });
  it('sums every item on the volume against 54,400 GB on 6.2 and later', () => {
    expect(statusOf(limit('10.0.17763', 54_400 * GB), 'volume.size-limit')).toBe('warn');
    expect(statusOf(limit('10.0.17763', 54_400 * GB + 1), 'volume.size-limit')).toBe('fail');
    expect(statusOf(limit('6.2.9200', 48_960 * GB), 'volume.size-limit')).toBe('pass'); // exactly 90%
    expect(statusOf(limit('6.2.9200', 48_960 * GB + 1), 'volume.size-limit')).toBe('warn');
  });
  it('uses 1,700 GB on Windows 7, Server 2008 and 2008 R2', () => {
    for (const version of ['6.1.7601', '6.0.6002']) {
      expect(statusOf(limit(version, 1_700 * GB + 1), 'volume.size-limit')).toBe('fail');
      expect(statusOf(limit(version, 1_600 * GB), 'volume.size-limit')).toBe('warn');
      expect(statusOf(limit(version, 1_000 * GB), 'volume.size-limit')).toBe('pass');
    }
  });
  it('is unknown when the Windows version or a size is null, and absent when the OS is not Windows (v2)', () => {
    expect(
      statusOf(
        healthy((p) => (p.os.version = null)),
        'volume.size-limit',
      ),
    ).toBe('unknown');
    expect(
      findingsOf(
        healthy((p) => (p.os = { family: 'linux' })),
        'volume.size-limit',
      ),
    ).toEqual([]);
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.sizeBytes = null)),
        'volume.size-limit',
      ),
    ).toBe('unknown');
  });
  it('judges each volume apart', () => {
    const profile = healthy((p) => {
      p.os.version = '6.1.7601';
      p.selection!.items = [item('C:\\Small', { volume: 'C:' }), item('E:\\Big', { volume: 'E:', sizeBytes: 2 * TB })];
    });
    expect(statusOf(profile, 'volume.size-limit', 'current', 'C:')).toBe('pass');
    expect(statusOf(profile, 'volume.size-limit', 'current', 'E:')).toBe('fail');
  });
});

describe('selection.azure-temporary', () => {
  const azure = (change: (p: MachineProfile) => void = () => {}) =>
    healthy((p) => {
      p.host!.azureVm = true;
      change(p);
    });
  it('warns when selected items are on the temporary disk', () => {
    expect(
      statusOf(
        azure((p) => (p.volumes[2]!.azureTemporary = true)),
        'selection.azure-temporary',
      ),
    ).toBe('warn');
  });
  it('passes otherwise, including with nothing selected', () => {
    expect(statusOf(azure(), 'selection.azure-temporary')).toBe('pass');
    expect(
      statusOf(
        azure((p) => (p.selection = null)),
        'selection.azure-temporary',
      ),
    ).toBe('pass');
  });
  it('is unknown when a selected volume is not described', () => {
    expect(
      statusOf(
        azure((p) => (p.volumes[2]!.azureTemporary = null)),
        'selection.azure-temporary',
      ),
    ).toBe('unknown');
  });
  it('is absent off Azure', () => {
    expect(
      statusOf(
        healthy((p) => (p.volumes[2]!.azureTemporary = true)),
        'selection.azure-temporary',
      ),
    ).toBe('absent');
    expect(
      statusOf(
        healthy((p) => (p.host!.azureVm = null)),
        'selection.azure-temporary',
      ),
    ).toBe('absent');
  });
});

describe('files.skipped', () => {
  const counts = { hardLinks: 0, reparsePoints: 0, encryptedSparse: 0, compressedStreams: 0, sparseStreams: 0, cloudPlaceholders: 0 };
  for (const key of ['hardLinks', 'reparsePoints', 'encryptedSparse', 'compressedStreams', 'sparseStreams'] as const) {
    it(`warns on ${key}, giving the count`, () => {
      const f = one(
        healthy((p) => (p.selection!.items[0]!.skipped = { ...counts, [key]: 1234 })),
        'files.skipped',
      );
      expect(f.status).toBe('warn');
      expect(f.detail).toMatch(/1,234/);
    });
  }
  it('sums the counts of every item', () => {
    const profile = healthy((p) => {
      p.selection!.items[0]!.skipped = { ...counts, hardLinks: 2 };
      p.selection!.items.push(item('E:\\Other', { skipped: { ...counts, hardLinks: 3 } }));
    });
    expect(one(profile, 'files.skipped').detail).toMatch(/5 hard links/);
  });
  it('names example paths from a live scan, and says how to get them when there are none (a profile file)', () => {
    const profile = healthy((p) => (p.selection!.items[0]!.skipped = { ...counts, hardLinks: 2, reparsePoints: 1 }));
    const path = profile.selection!.items[0]!.path;
    const examples = { [path]: { hardLinks: [`${path}\\a.xlsx`, `${path}\\b.xlsx`], reparsePoints: [`${path}\\Link`] } };
    const [live] = evaluate(profile, 'current', examples).filter((f) => f.check === 'files.skipped');
    expect(live!.detail).toBe(
      `The agent skips these without backing them up: 2 hard links (such as ${path}\\a.xlsx, ${path}\\b.xlsx) and 1 reparse point (symbolic link, junction or mount point) (such as ${path}\\Link).`,
    );
    expect(live!.fix?.steps.at(-1)).toMatch(/^Look at the example paths above/);
    const fromFile = one(profile, 'files.skipped');
    expect(fromFile.detail).not.toMatch(/such as/);
    expect(fromFile.fix?.steps.at(-1)).toMatch(/scan on the machine itself \(the wizard, or check --select PATH\)/);
  });
  it('does not count cloud placeholders here (files.onedrive does)', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.skipped = { ...counts, cloudPlaceholders: 9 })),
        'files.skipped',
      ),
    ).toBe('pass');
  });
  it('passes clean scanned items', () => expect(statusOf(healthy(), 'files.skipped')).toBe('pass'));
  it('is unknown when no item was scanned, or nothing is selected', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.skipped = null)),
        'files.skipped',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.selection = null)),
        'files.skipped',
      ),
    ).toBe('unknown');
  });
});

describe('files.onedrive and files.dfsr', () => {
  it('warns on a OneDrive folder or cloud placeholders, passes otherwise', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.oneDrive = true)),
        'files.onedrive',
      ),
    ).toBe('warn');
    expect(
      statusOf(
        healthy((p) => (p.selection!.items[0]!.skipped!.cloudPlaceholders = 3)),
        'files.onedrive',
      ),
    ).toBe('warn');
    expect(statusOf(healthy(), 'files.onedrive')).toBe('pass');
  });
  it('fails DFS Replication under current only', () => {
    const profile = healthy((p) => (p.selection!.items[0]!.dfsReplicated = true));
    expect(statusOf(profile, 'files.dfsr', 'current')).toBe('fail');
    expect(statusOf(profile, 'files.dfsr', '2019-02')).toBe('absent');
    expect(statusOf(healthy(), 'files.dfsr')).toBe('pass');
  });
  it('are absent with no selection', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection = null)),
        'files.onedrive',
      ),
    ).toBe('absent');
    expect(
      statusOf(
        healthy((p) => delete p.selection),
        'files.dfsr',
      ),
    ).toBe('absent');
  });
});

describe('backup.offline-seeding', () => {
  const upload = (total: number, mbps: number | null) =>
    healthy((p) => {
      p.selection!.items[0]!.sizeBytes = total;
      p.network!.uploadMbps = mbps;
    });
  const week = 7 * 86_400;
  it('warns when the first upload takes more than 7 days', () => {
    // 100 Mbps for a week moves 7,560,000,000,000 bytes.
    expect(statusOf(upload((week * 100 * 1e6) / 8, 100), 'backup.offline-seeding')).toBe('pass');
    expect(statusOf(upload((week * 100 * 1e6) / 8 + 1, 100), 'backup.offline-seeding')).toBe('warn');
  });
  it('is unknown at 0 Mbps: no upload can be planned with it (v2)', () => {
    expect(statusOf(upload(GB, 0), 'backup.offline-seeding')).toBe('unknown');
    expect(statusOf(upload(0, 0), 'backup.offline-seeding')).toBe('unknown');
    expect(statusOf(upload(100 * TB, 0), 'backup.offline-seeding')).toBe('unknown');
  });
  it('with an unknown upload speed, is info from 1 TB and passes below', () => {
    expect(statusOf(upload(TB, null), 'backup.offline-seeding')).toBe('info');
    expect(statusOf(upload(TB - 1, null), 'backup.offline-seeding')).toBe('pass');
    expect(
      statusOf(
        healthy((p) => ((p.network = null), (p.selection!.items[0]!.sizeBytes = 2 * TB))),
        'backup.offline-seeding',
      ),
    ).toBe('info');
  });
  it('says System State cannot be seeded offline', () => {
    expect(one(healthy(), 'backup.offline-seeding').detail).toMatch(/System State cannot be seeded offline/);
  });
  it('is absent with no selection', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection = null)),
        'backup.offline-seeding',
      ),
    ).toBe('absent');
  });
});

describe('restore.instant-restore and restore.target', () => {
  it('warns below .NET 4.5.2, passes from it, unknown when null', () => {
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = 379892)),
        'restore.instant-restore',
      ),
    ).toBe('warn');
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = 379893)),
        'restore.instant-restore',
      ),
    ).toBe('pass');
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = null)),
        'restore.instant-restore',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        healthy((p) => (p.software!.dotnetRelease = 0)),
        'restore.instant-restore',
        '2019-02',
      ),
    ).toBe('warn');
  });
  it('fails a target on an older Windows, passes the same or later, absent without a target', () => {
    expect(
      statusOf(
        healthy((p) => (p.restoreTarget = { version: '6.3.9600' })),
        'restore.target',
      ),
    ).toBe('fail');
    expect(
      statusOf(
        healthy((p) => (p.restoreTarget = { version: '10.0.14393' })),
        'restore.target',
      ),
    ).toBe('fail');
    expect(
      statusOf(
        healthy((p) => (p.restoreTarget = { version: '10.0.17763' })),
        'restore.target',
      ),
    ).toBe('pass');
    expect(
      statusOf(
        healthy((p) => (p.restoreTarget = { version: '10.0.20348' })),
        'restore.target',
      ),
    ).toBe('pass');
    expect(
      statusOf(
        healthy((p) => (p.restoreTarget = null)),
        'restore.target',
      ),
    ).toBe('absent');
    expect(statusOf(healthy(), 'restore.target')).toBe('absent');
  });
  it('follows the matrix example: 7 to 8 works, 8 to 7 does not', () => {
    const from = (version: string, target: string) => healthy((p) => ((p.os.version = version), (p.restoreTarget = { version: target })));
    expect(statusOf(from('6.1.7601', '6.2.9200'), 'restore.target')).toBe('pass');
    expect(statusOf(from('6.2.9200', '6.1.7601'), 'restore.target')).toBe('fail');
  });
  it("is unknown when this machine's version is not known", () => {
    expect(
      statusOf(
        healthy((p) => ((p.os.version = null), (p.restoreTarget = { version: '10.0.17763' }))),
        'restore.target',
      ),
    ).toBe('unknown');
  });
});

describe('volume.size-limit in contract v2', () => {
  const sized = (version: string | null, sizes: (number | null)[], os: Partial<MachineProfile['os']> = {}) =>
    healthy((p) => {
      p.os = { family: 'windows', version, architecture: 'x64', ...os };
      p.selection!.items = sizes.map((sizeBytes, i) => item(`E:\\Item${i}`, { volume: 'E:', sizeBytes }));
    });
  it('reads the Windows version also when the OS is not identified', () => {
    expect(statusOf(sized('6.1', [1_700 * GB + 1]), 'volume.size-limit')).toBe('fail');
    expect(statusOf(sized('6.1', [1_600 * GB]), 'volume.size-limit')).toBe('warn');
    expect(statusOf(sized('6.1', [1_000 * GB]), 'volume.size-limit')).toBe('pass');
    expect(statusOf(sized('10.0', [2_000 * GB]), 'volume.size-limit')).toBe('pass');
    expect(statusOf(sized('6.2', [54_400 * GB + 1]), 'volume.size-limit')).toBe('fail');
  });
  it('applies to any Windows, listed or not', () => {
    expect(statusOf(sized('6.0.6002', [1_700 * GB + 1], { productType: 'workstation' }), 'volume.size-limit')).toBe('fail');
    expect(statusOf(sized('5.2.3790', [1_600 * GB], { productType: 'server' }), 'volume.size-limit')).toBe('warn');
    expect(statusOf(sized('10.0.25398', [1_700 * GB + 1], { productType: 'server' }), 'volume.size-limit')).toBe('pass');
  });
  it('with the version null, fails only over 54,400 GB and warns only over 90% of it', () => {
    expect(statusOf(sized(null, [54_400 * GB + 1]), 'volume.size-limit')).toBe('fail');
    expect(statusOf(sized(null, [48_960 * GB + 1]), 'volume.size-limit')).toBe('warn');
    expect(statusOf(sized(null, [48_960 * GB]), 'volume.size-limit')).toBe('unknown');
    expect(statusOf(sized(null, [1_700 * GB + 1]), 'volume.size-limit')).toBe('unknown');
    expect(statusOf(sized(null, [GB]), 'volume.size-limit')).toBe('unknown');
  });
  it('takes the known sizes as the lower bound of the total', () => {
    expect(statusOf(sized('10.0.17763', [54_400 * GB + 1, null]), 'volume.size-limit')).toBe('fail');
    expect(statusOf(sized('10.0.17763', [50_000 * GB, null]), 'volume.size-limit')).toBe('warn');
    expect(statusOf(sized('10.0.17763', [100 * GB, null]), 'volume.size-limit')).toBe('unknown');
    expect(statusOf(sized('6.1.7601', [null, 1_700 * GB + 1], { productType: 'server' }), 'volume.size-limit')).toBe('fail');
    expect(statusOf(sized(null, [null, 54_400 * GB + 1]), 'volume.size-limit')).toBe('fail');
  });
  it('gives no finding when the OS is not Windows', () => {
    for (const family of ['linux', 'macos', 'other'] as const) {
      const profile = healthy((p) => ((p.os = { family, version: '6.1' }), (p.selection!.items[0]!.sizeBytes = 100 * TB)));
      expect(findingsOf(profile, 'volume.size-limit')).toEqual([]);
    }
  });
});

describe('selection.azure-temporary in contract v2', () => {
  const azure = (change: (p: MachineProfile) => void) =>
    healthy((p) => {
      p.host!.azureVm = true;
      change(p);
    });
  it('warns for items on the temporary disk even when another volume is unknown', () => {
    const profile = azure((p) => {
      p.volumes[2]!.azureTemporary = true;
      p.volumes[0]!.azureTemporary = null;
      p.selection!.items.push(item('C:\\Data'), item('Q:\\Data'));
    });
    expect(statusOf(profile, 'selection.azure-temporary')).toBe('warn');
  });
  it('is unknown for a volume not described or with azureTemporary null, but not for a UNC location', () => {
    expect(
      statusOf(
        azure((p) => (p.selection!.items = [item('Q:\\Data')])),
        'selection.azure-temporary',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        azure((p) => delete p.volumes[2]!.azureTemporary),
        'selection.azure-temporary',
      ),
    ).toBe('unknown');
    expect(
      statusOf(
        azure((p) => (p.selection!.items = [item('\\\\fs\\share\\x')])),
        'selection.azure-temporary',
      ),
    ).toBe('pass');
  });
  it('passes with no selection and with an empty one', () => {
    expect(
      statusOf(
        azure((p) => (p.selection = null)),
        'selection.azure-temporary',
      ),
    ).toBe('pass');
    expect(
      statusOf(
        azure((p) => delete p.selection),
        'selection.azure-temporary',
      ),
    ).toBe('pass');
    expect(
      statusOf(
        azure((p) => (p.selection!.items = [])),
        'selection.azure-temporary',
      ),
    ).toBe('pass');
  });
});

describe('backup.offline-seeding in contract v2', () => {
  const seeding = (sizes: (number | null)[], mbps: number | null) =>
    healthy((p) => {
      p.selection!.items = sizes.map((sizeBytes, i) => item(`E:\\Item${i}`, { sizeBytes }));
      p.network!.uploadMbps = mbps;
    });
  const week = 7 * 86_400;
  it('warns when the known sizes alone take more than 7 days, else is unknown with a size null', () => {
    expect(statusOf(seeding([(week * 100 * 1e6) / 8 + 1, null], 100), 'backup.offline-seeding')).toBe('warn');
    expect(statusOf(seeding([(week * 100 * 1e6) / 8, null], 100), 'backup.offline-seeding')).toBe('unknown');
    expect(statusOf(seeding([null], 100), 'backup.offline-seeding')).toBe('unknown');
  });
  it('is unknown, not info, with a size null and no upload speed, however large the known sizes', () => {
    expect(statusOf(seeding([2 * TB, null], null), 'backup.offline-seeding')).toBe('unknown');
  });
  it('is unknown at 0 Mbps, even with nothing to send', () => {
    expect(statusOf(seeding([], 0), 'backup.offline-seeding')).toBe('unknown');
    expect(statusOf(seeding([null], 0), 'backup.offline-seeding')).toBe('unknown');
  });
  it('takes an empty list of items as 0 bytes', () => {
    expect(statusOf(seeding([], 1), 'backup.offline-seeding')).toBe('pass');
    expect(statusOf(seeding([], null), 'backup.offline-seeding')).toBe('pass');
  });
  it('compares exactly at fractional speeds', () => {
    // 0.1 Mbps (as a double) for a week moves a little over 7,560,000,000 bytes: that amount itself fits.
    expect(statusOf(seeding([7_560_000_000], 0.1), 'backup.offline-seeding')).toBe('pass');
    expect(statusOf(seeding([7_560_000_001], 0.1), 'backup.offline-seeding')).toBe('warn');
    expect(statusOf(seeding([7_560_000_001], 0.5), 'backup.offline-seeding')).toBe('pass');
    expect(statusOf(seeding([37_800_000_000], 0.5), 'backup.offline-seeding')).toBe('pass');
    expect(statusOf(seeding([37_800_000_001], 0.5), 'backup.offline-seeding')).toBe('warn');
  });
});

describe('restore.target in contract v2', () => {
  const restore = (version: string | null, target: string, family: MachineProfile['os']['family'] = 'windows') =>
    healthy((p) => {
      p.os = { ...p.os, family, version };
      p.restoreTarget = { version: target };
    });
  it('compares the parts both versions state', () => {
    expect(statusOf(restore('10.0', '6.3.9600'), 'restore.target')).toBe('fail');
    expect(statusOf(restore('10.0.17763', '6.3'), 'restore.target')).toBe('fail');
    expect(statusOf(restore('6.3', '10.0'), 'restore.target')).toBe('pass');
    expect(statusOf(restore('6.3.9600', '10.0.14393'), 'restore.target')).toBe('pass');
    expect(statusOf(restore('10.0.17763', '10.0.17763'), 'restore.target')).toBe('pass');
    expect(statusOf(restore('10.0', '10.0'), 'restore.target')).toBe('pass');
  });
  it('is unknown when the stated parts are equal but one version states more', () => {
    expect(statusOf(restore('10.0.17763', '10.0'), 'restore.target')).toBe('unknown');
    expect(statusOf(restore('10.0', '10.0.14393'), 'restore.target')).toBe('unknown');
    expect(statusOf(restore('10.0', '10.0.26100'), 'restore.target')).toBe('unknown');
  });
  it("is unknown when this machine's version is null or it is not Windows", () => {
    expect(statusOf(restore(null, '10.0.17763'), 'restore.target')).toBe('unknown');
    expect(statusOf(restore('10.0.17763', '10.0.17763', 'linux'), 'restore.target')).toBe('unknown');
  });
});
