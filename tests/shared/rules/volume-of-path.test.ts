// Contract v2, "The volume that holds a path": which volume holds each selected item (and so the subjects
// of volume.supported and volume.size-limit), and what the agent makes of a volume it cannot use.
import { describe, expect, it } from 'vitest';
import type { SelectedItem, VolumeFacts } from '../../../shared/profile/types.js';
import { findingsOf, GB, healthy, statusOf } from '../../helpers/profiles.js';

const GUID = '\\\\?\\Volume{3a5e8c1d-1111-4a4a-9b9b-0123456789ab}\\';
const OTHER_GUID = '\\\\?\\Volume{77777777-2222-4b4b-8c8c-ba9876543210}\\';
const fixed = (id: string, extra: Partial<VolumeFacts> = {}): VolumeFacts => ({
  id,
  fileSystem: 'NTFS',
  driveType: 'fixed',
  online: true,
  readOnly: false,
  bitlocker: 'off',
  ...extra,
});
const selecting = (items: SelectedItem[], volumes: VolumeFacts[] = []) =>
  healthy((p) => {
    p.volumes.push(...volumes);
    p.selection!.items = items;
  });
const supported = (items: SelectedItem[], volumes: VolumeFacts[] = []) =>
  findingsOf(selecting(items, volumes), 'volume.supported').map((f) => [f.subject, f.status]);
const at = (path: string, volume: string | null = null): SelectedItem => ({ path, volume, sizeBytes: GB });

describe('the volume that holds an item', () => {
  it('is the named volume when volume is a non-empty string, matched case-insensitively', () => {
    expect(supported([at('E:\\Shares', 'e:')])).toEqual([['E:', 'pass']]);
    expect(supported([at('E:\\Shares', 'Q:')])).toEqual([['Q:', 'unknown']]);
    expect(supported([at('E:\\Shares', 'e:\\')])).toEqual([['E:', 'pass']]);
  });
  it('is found from the path when volume is null, missing, empty or white space', () => {
    for (const volume of [null, '', ' ', '\t']) {
      expect(supported([at('E:\\Shares', volume)])).toEqual([['E:', 'pass']]);
    }
    expect(supported([{ path: 'E:\\Shares', sizeBytes: GB }])).toEqual([['E:', 'pass']]);
  });
  it('is the listed volume with the longest id the path lies within', () => {
    const mount = fixed('E:\\Mounts\\Fast', { driveType: 'removable' });
    expect(supported([at('E:\\Mounts\\Fast\\x')], [mount])).toEqual([['E:\\Mounts\\Fast', 'fail']]);
    expect(supported([at('e:/mounts/fast')], [mount])).toEqual([['E:\\Mounts\\Fast', 'fail']]);
    expect(supported([at('E:\\Mounts\\Faster\\x')], [mount])).toEqual([['E:', 'pass']]);
  });
  it('reads \\\\?\\D: as D: and finds a listed volume GUID path', () => {
    expect(supported([at('\\\\?\\E:\\Shares')])).toEqual([['E:', 'pass']]);
    expect(supported([at(`${GUID}Data`)], [fixed(GUID)])).toEqual([[GUID, 'pass']]);
    expect(supported([at(`${GUID.toLowerCase()}Data`)], [fixed(GUID.slice(0, -1))])).toEqual([[GUID.slice(0, -1), 'pass']]);
  });
  it('is the network location \\\\server\\share for a UNC path, which fails', () => {
    expect(supported([at('\\\\FS02\\Share\\Data')])).toEqual([['\\\\FS02\\Share', 'fail']]);
    expect(supported([at('//fs02/share/data')])).toEqual([['\\\\fs02\\share', 'fail']]);
    expect(supported([at('\\\\?\\UNC\\fs02\\share\\data')])).toEqual([['\\\\fs02\\share', 'fail']]);
    expect(supported([at('\\\\fs02\\share\\a'), at('\\\\FS02\\SHARE\\b')])).toEqual([['\\\\fs02\\share', 'fail']]);
  });
  it('is otherwise the volume the first component names, not described: unknown, not a network share', () => {
    expect(supported([at('Q:\\Data')])).toEqual([['Q:', 'unknown']]);
    expect(supported([at('q:\\Data')])).toEqual([['q:', 'unknown']]);
    expect(supported([at('\\\\?\\Q:\\Data')])).toEqual([['Q:', 'unknown']]);
    expect(supported([at(`${OTHER_GUID}Data\\x`)], [fixed(GUID)])).toEqual([[OTHER_GUID, 'unknown']]);
    expect(supported([at('\\\\.\\PhysicalDrive1\\x')])).toEqual([['\\\\.\\PhysicalDrive1\\', 'unknown']]);
    expect(supported([at('Data\\x')])).toEqual([['Data', 'unknown']]);
    expect(supported([at('\\Data\\x')])).toEqual([['Data', 'unknown']]);
  });
  it('trims nothing: a path with a leading space lies on no listed volume', () => {
    expect(supported([at(' E:\\Shares')])).toEqual([[' E:', 'unknown']]);
  });
  it('groups the items of one volume into one finding, in the order the volumes first appear', () => {
    expect(supported([at('E:\\a'), at('C:\\b'), at('e:\\c', 'E:'), at('\\\\?\\e:\\d')])).toEqual([
      ['E:', 'pass'],
      ['C:', 'pass'],
    ]);
  });
});

describe('volume.supported in contract v2', () => {
  const on = (change: Partial<VolumeFacts>) => healthy((p) => Object.assign(p.volumes[2]!, change));
  it('fails a RAM disk in both editions', () => {
    expect(statusOf(on({ driveType: 'ram' }), 'volume.supported', 'current')).toBe('fail');
    expect(statusOf(on({ driveType: 'ram' }), 'volume.supported', '2019-02')).toBe('fail');
    expect(findingsOf(on({ driveType: 'ram' }), 'volume.supported')[0]!.detail).toMatch(/RAM disk/);
  });
  it('lets a known failing fact win over an unknown one', () => {
    expect(statusOf(on({ driveType: 'unknown', readOnly: true }), 'volume.supported')).toBe('fail');
    expect(statusOf(on({ driveType: 'unknown', fileSystem: 'FAT32' }), 'volume.supported')).toBe('fail');
    expect(statusOf(on({ fileSystem: null, bitlocker: 'locked' }), 'volume.supported')).toBe('fail');
    expect(statusOf(on({ fileSystem: null, driveType: 'removable' }), 'volume.supported')).toBe('fail');
    expect(
      statusOf(
        healthy((p) => (delete p.volumes[2]!.driveType, (p.volumes[2]!.online = false))),
        'volume.supported',
      ),
    ).toBe('fail');
  });
  it('is unknown with the drive type absent or unknown, or the file system null, when nothing fails', () => {
    expect(
      statusOf(
        healthy((p) => delete p.volumes[2]!.driveType),
        'volume.supported',
      ),
    ).toBe('unknown');
    expect(statusOf(on({ driveType: 'unknown' }), 'volume.supported')).toBe('unknown');
    expect(statusOf(on({ fileSystem: null }), 'volume.supported')).toBe('unknown');
  });
});
