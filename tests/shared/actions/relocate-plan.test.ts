import { describe, expect, it } from 'vitest';
import { psLiteral } from '../../../shared/actions/powershell-script.js';
import { planRelocation, windowsPathProblems, type PlanInput } from '../../../shared/actions/relocate-plan.js';
import { FIX_STEP_IDS } from '../../../shared/actions/fix-plan.js';
import type { MachineProfile, VolumeFacts } from '../../../shared/profile/types.js';
import { GB, healthy } from '../../helpers/profiles.js';

// The healthy sample: cache D:\MARS\Scratch (2 GB), selection 3 TB on E:, D: with 1.5 TB free.
const FREE_VOLUME: VolumeFacts = {
  id: 'F:',
  fileSystem: 'NTFS',
  driveType: 'fixed',
  sizeBytes: 4096 * GB,
  freeBytes: 2048 * GB,
  readOnly: false,
  online: true,
  bitlocker: 'off',
  deduplicated: false,
  azureTemporary: false,
};
const profile = (change: (p: MachineProfile) => void = () => {}) =>
  healthy((p) => {
    p.volumes.push({ ...FREE_VOLUME });
    change(p);
  });
const plan = (to: string, extra: Partial<PlanInput> = {}) =>
  planRelocation({ profile: profile(), to, target: null, offlineSeeding: false, ...extra });
const problems = (result: ReturnType<typeof planRelocation>) => (result.ok ? [] : result.problems).join('\n');

describe('planRelocation', () => {
  it('plans the six steps, each with what it does and how it is undone', () => {
    const result = plan('F:\\MARS Cache');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.steps.map((s) => s.id)).toEqual([...FIX_STEP_IDS]);
    for (const step of result.plan.steps) {
      expect(step.does.length).toBeGreaterThan(20);
      expect(step.undo.length).toBeGreaterThan(10);
    }
    expect(result.plan).toMatchObject({
      from: 'D:\\MARS\\Scratch',
      to: 'F:\\MARS Cache',
      previous: { scratchLocation: 'D:\\MARS\\Scratch', providerScratchLocation: 'D:\\MARS\\Scratch' },
    });
  });
  it('refuses while the backup engine service is missing or cannot be seen, since the move stops and restarts it', () => {
    const withService = (state: 'not-installed' | 'unknown' | 'stopped') =>
      problems(
        planRelocation({
          profile: profile((p) => (p.agent!.serviceState = state)),
          to: 'F:\\MARS Cache',
          target: null,
          offlineSeeding: false,
        }),
      );
    expect(withService('not-installed')).toMatch(/service \(obengine\) is not installed: repair the agent first/);
    expect(withService('unknown')).toMatch(/Whether the backup engine service \(obengine\) runs is not known.*administrator/);
    expect(withService('stopped')).toBe('');
  });

  it('accepts paths with spaces, non-ASCII characters and long names', () => {
    for (const to of [
      'F:\\Sauvegarde données\\Cache MARS',
      'F:\\キャッシュ',
      `F:\\${'long name '.repeat(20).trim()}`,
      'F:\\MARS Cache\\',
    ]) {
      expect(plan(to).ok, to).toBe(true);
    }
  });
  it('needs the cache plus 10% of the selection, plus 35 GB with System State', () => {
    const needed = 2 * GB + Math.ceil((3 * 2 ** 40) / 10);
    const tight = (free: number, systemState = false) =>
      planRelocation({
        profile: profile((p) => {
          p.volumes.at(-1)!.freeBytes = free;
          p.selection!.systemState = systemState;
        }),
        to: 'F:\\Cache',
        target: null,
        offlineSeeding: false,
      });
    expect(tight(needed).ok).toBe(true);
    expect(problems(tight(needed - 1))).toMatch(/F: has .* free; the cache needs/);
    expect(problems(tight(needed, true))).toMatch(/plus 35 GB for System State/);
    expect(tight(needed + 35 * GB, true).ok).toBe(true);
  });
  const volumes: [string, Partial<VolumeFacts>, RegExp][] = [
    ['removable', { driveType: 'removable' }, /removable media/],
    ['network', { driveType: 'network' }, /network drive/],
    ['optical', { driveType: 'optical' }, /optical/],
    ['RAM disk', { driveType: 'ram' }, /RAM disk/],
    ['offline', { online: false }, /offline/],
    ['read-only', { readOnly: true }, /read-only/],
    ['BitLocker-locked', { bitlocker: 'locked' }, /locked by BitLocker/],
    ['FAT32', { fileSystem: 'FAT32' }, /uses FAT32; the cache needs NTFS/],
    ['deduplicated', { deduplicated: true }, /deduplicated/],
    ['Azure temporary', { azureTemporary: true }, /temporary disk/],
  ];
  for (const [name, change, sentence] of volumes) {
    it(`refuses a target on a ${name} volume, saying so`, () => {
      const result = planRelocation({
        profile: profile((p) => Object.assign(p.volumes.at(-1)!, change)),
        to: 'F:\\Cache',
        target: null,
        offlineSeeding: false,
      });
      expect(problems(result)).toMatch(sentence);
    });
  }
  it('refuses a target inside the old cache, containing it, or equal to it', () => {
    expect(problems(plan('D:\\MARS\\Scratch\\New'))).toMatch(/inside the current cache folder/);
    expect(problems(plan('D:\\MARS'))).toMatch(/contains the current cache folder/);
    expect(problems(plan('d:\\mars\\scratch\\'))).toMatch(/where the cache already is/);
  });
  it('refuses paths Windows does not accept', () => {
    expect(windowsPathProblems('\\\\nas\\share\\cache').join()).toMatch(/network path/);
    expect(windowsPathProblems('cache').join()).toMatch(/not a full Windows path/);
    expect(windowsPathProblems('F:\\').join()).toMatch(/root of a drive/);
    expect(windowsPathProblems('F:\\a<b').join()).toMatch(/character Windows does not allow/);
    expect(windowsPathProblems('F:\\CON\\x').join()).toMatch(/reserves for devices/);
    expect(windowsPathProblems('F:\\name.').join()).toMatch(/ends with a space or a dot/);
    expect(windowsPathProblems(`F:\\${'x'.repeat(256)}`).join()).toMatch(/longer than 255/);
    expect(problems(plan('Q:\\Cache'))).toMatch(/The volume Q: is not on this machine/);
    // Folders Windows keeps for itself are not a home for the cache.
    for (const path of ['D:\\Windows\\Temp\\x', 'D:\\$Recycle.Bin\\x', 'D:\\System Volume Information\\x'])
      expect(windowsPathProblems(path).join(), path).toMatch(/a folder Windows keeps for itself/);
  });
  it('refuses a compressed, encrypted, sparse or linked target folder, and one that is not empty', () => {
    const attributes = { encrypted: false, compressed: true, sparse: false, reparsePoint: false };
    const facts = { canonical: 'F:\\Cache', linkAt: null, fileAt: null, unknown: null };
    expect(problems(plan('F:\\Cache', { target: { ...facts, exists: true, empty: true, attributes } }))).toMatch(
      /is compressed; the cache needs a plain folder/,
    );
    expect(problems(plan('F:\\Cache', { target: { ...facts, exists: true, empty: false, attributes: null } }))).toMatch(/is not empty/);
    expect(
      plan('F:\\Cache', { target: { ...facts, exists: true, empty: true, attributes: { ...attributes, compressed: false } } }).ok,
    ).toBe(true);
    // A link anywhere on the path: the copy would land elsewhere.
    expect(
      problems(
        plan('F:\\Cache\\x', {
          target: { ...facts, canonical: 'F:\\Cache\\x', exists: false, empty: null, attributes: null, linkAt: 'F:\\Cache' },
        }),
      ),
    ).toMatch(/F:\\Cache is a link/);
    // What could not be read is said before the move, not guessed.
    const cautious = plan('F:\\Cache', {
      target: { ...facts, exists: false, empty: null, attributes: null, unknown: 'PowerShell did not answer' },
    });
    expect(cautious.ok && cautious.plan.cautions).toEqual([expect.stringMatching(/could not be checked: PowerShell did not answer/)]);
  });
  it('compares canonical paths: a target inside the cache written with .. detours is refused', () => {
    expect(problems(plan('D:\\MARS\\Other\\..\\Scratch\\inner'))).toMatch(/inside the current cache folder/);
    expect(problems(plan('D:\\x\\..\\MARS\\.\\Scratch'))).toMatch(/where the cache already is/);
  });
  it('refuses while an offline-seeding backup runs, without the agent, or without an existing cache', () => {
    expect(problems(plan('F:\\Cache', { offlineSeeding: true }))).toMatch(/offline-seeding/);
    expect(
      problems(
        planRelocation({ profile: profile((p) => (p.agent = { installed: false })), to: 'F:\\Cache', target: null, offlineSeeding: false }),
      ),
    ).toMatch(/not installed/);
    expect(
      problems(
        planRelocation({ profile: profile((p) => (p.cache!.exists = false)), to: 'F:\\Cache', target: null, offlineSeeding: false }),
      ),
    ).toMatch(/does not exist/);
  });
});

// The script fixScript makes is tested in powershell-script.test.ts.
describe('the PowerShell script', () => {
  it('quotes any path as a literal: quotes doubled, nothing expanded', () => {
    expect(psLiteral("D:\\O'Brien $(Remove-Item C:\\) `n")).toBe("'D:\\O''Brien $(Remove-Item C:\\) `n'");
    expect(psLiteral('D:\\a\u2019b')).toBe("'D:\\a\u2019\u2019b'");
  });
});
