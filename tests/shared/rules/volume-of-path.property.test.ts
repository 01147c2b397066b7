// Property tests for the volume that holds a path (contract v2): the longest listed volume id the path
// lies within wins, whatever the path's case, slashes, trailing backslashes or long-path prefix; a path
// no listed volume holds lies on the volume its first component names, never on a listed one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { volumeOfPath } from '../../../shared/rules/context.js';
import type { MachineProfile, VolumeFacts } from '../../../shared/profile/types.js';

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,8}$/).filter((n) => !/[ .]$/.test(n));
const letter = fc.constantFrom(...'CDEFGHK');
const volume = (id: string): VolumeFacts => ({ id }) as VolumeFacts;
const profileWith = (ids: string[]): MachineProfile =>
  ({ schemaVersion: 2, os: { family: 'windows' }, volumes: ids.map(volume) }) as MachineProfile;

/** A drive, a mount folder below it, and a path below that mount folder. */
const layout = fc.record({
  drive: letter,
  mount: fc.array(name, { minLength: 1, maxLength: 3 }),
  below: fc.array(name, { maxLength: 4 }),
});

/** The same path as a user may write it: any case, / for \, trailing backslashes, the \\?\ prefix. */
const respell = (path: string, seed: number) => {
  let out = seed & 1 ? path.toUpperCase() : path.toLowerCase();
  if (seed & 2) out = out.replace(/\\/g, '/');
  if (seed & 4) out = `${out}\\\\`;
  if (seed & 8) out = `\\\\?\\${out}`;
  return out;
};

describe('volumeOfPath', () => {
  it('gives the mount folder, not its drive letter, for a path below the mount folder, however it is spelt', () => {
    fc.assert(
      fc.property(layout, fc.nat(15), ({ drive, mount, below }, seed) => {
        const mountId = `${drive}:\\${mount.join('\\')}`;
        const profile = profileWith([`${drive}:`, mountId]);
        const path = respell([mountId, ...below].join('\\'), seed);
        expect(volumeOfPath(profile, path, null).id).toBe(mountId);
        expect(volumeOfPath(profile, path, '').id).toBe(mountId);
        expect(volumeOfPath(profile, path, '   ').id).toBe(mountId);
      }),
    );
  });

  it('gives the drive letter for a path beside the mount folder, even one sharing its first letters', () => {
    fc.assert(
      fc.property(layout, ({ drive, mount, below }) => {
        const mountId = `${drive}:\\${mount.join('\\')}`;
        const profile = profileWith([`${drive}:`, mountId]);
        const sibling = `${mountId}x\\${below.join('\\')}`;
        expect(volumeOfPath(profile, sibling, null).id).toBe(`${drive}:`);
      }),
    );
  });

  it("takes the profile's own volume when it names one, matched whatever its spelling", () => {
    fc.assert(
      fc.property(layout, fc.nat(3), ({ drive, mount }, seed) => {
        const profile = profileWith([`${drive}:`, `Z:`]);
        const declared = seed & 1 ? 'z:\\' : 'Z:';
        const ref = volumeOfPath(profile, `${drive}:\\${mount.join('\\')}`, declared);
        expect(ref.id).toBe('Z:');
        expect(ref.volume?.id).toBe('Z:');
      }),
    );
  });

  it('puts a path no listed volume holds on the volume it names, never on a listed one', () => {
    fc.assert(
      fc.property(layout, fc.constantFrom('M', 'N', 'P'), ({ below }, other) => {
        const profile = profileWith(['C:', 'D:\\Mount']);
        const ref = volumeOfPath(profile, [`${other}:`, ...below].join('\\'), null);
        expect(ref).toEqual({ id: `${other}:`, volume: undefined, unc: false });
      }),
    );
  });

  it('puts a UNC path on its network location, \\\\server\\share, and a volume GUID path on that volume', () => {
    fc.assert(
      fc.property(name, name, fc.array(name, { maxLength: 3 }), fc.uuid(), (server, share, below, guid) => {
        const profile = profileWith(['C:']);
        const unc = volumeOfPath(profile, ['', '', server, share, ...below].join('\\'), null);
        expect(unc).toEqual({ id: `\\\\${server}\\${share}`, volume: undefined, unc: true });
        const byGuid = volumeOfPath(profile, [`\\\\?\\Volume{${guid}}`, ...below].join('\\'), null);
        expect(byGuid).toEqual({ id: `\\\\?\\Volume{${guid}}\\`, volume: undefined, unc: false });
      }),
    );
  });
});

describe('volumeOfPath against the rule as written (every listed volume tried, the longest id winning)', () => {
  it('agrees on random volume lists and paths', async () => {
    const { isWithin, normalizeWindowsPath } = await import('../../../shared/util/paths.js');
    const component = fc.constantFrom('a', 'A', 'b', 'data', 'Data', 'x y', '');
    const anyPath = fc
      .tuple(
        fc.constantFrom('C:', 'c:', 'D:', '\\\\srv\\share', '\\\\?\\C:', '\\\\?\\Volume{1}'),
        fc.array(component, { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([root, parts, slash]) => [root, ...parts].join(slash ? '/' : '\\'));
    fc.assert(
      fc.property(fc.array(anyPath, { maxLength: 8 }), anyPath, (ids, path) => {
        const profile = profileWith(ids);
        const expected = profile.volumes
          .filter((v) => isWithin(path, v.id))
          .sort((a, b) => normalizeWindowsPath(b.id).length - normalizeWindowsPath(a.id).length)[0];
        const ref = volumeOfPath(profile, path, null);
        if (expected) expect(ref.volume).toBe(expected);
        else expect(ref.volume).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
