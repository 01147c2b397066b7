// The planners' new refusals and figures: a backup running (or not knowable), the agent's System State
// disks mounted, a target inside the selection, the numbers shown before confirming; the pointing of both
// registry values and the start of the engine; throughput and time left.
import { describe, expect, it } from 'vitest';
import { speakLanguage } from '../../../shared/i18n/load.js';
import type { Language } from '../../../shared/i18n/languages.js';
import { ACTION_PRECONDITIONS, PRECONDITION_IDS } from '../../../shared/actions/fix-plan.js';
import { describePlanLines } from '../../../shared/actions/describe-plan.js';
import { estimateSeconds } from '../../../shared/actions/estimate.js';
import { planPointRegistry } from '../../../shared/actions/point-registry-plan.js';
import { durationWords, ProgressRate } from '../../../shared/actions/progress-rate.js';
import { planRelocation, type PlanInput } from '../../../shared/actions/relocate-plan.js';
import { planStartEngine } from '../../../shared/actions/start-engine-plan.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { GB, healthy } from '../../helpers/profiles.js';

// The healthy sample: cache D:\MARS\Scratch (2 GB), selection E:\Shares, D: with room.
const FREE = { id: 'F:', fileSystem: 'NTFS', driveType: 'fixed', freeBytes: 2048 * GB, online: true, bitlocker: 'off' } as const;
const profile = (change: (p: MachineProfile) => void = () => {}) =>
  healthy((p) => {
    p.volumes.push({ ...FREE });
    change(p);
  });
const move = (extra: Partial<PlanInput> = {}, p = profile()) =>
  planRelocation({ profile: p, to: 'F:\\MARS Cache', target: null, offlineSeeding: false, ...extra });
const problems = (r: { ok: boolean; problems?: string[] }) => (r.ok ? '' : r.problems!.join('\n'));

describe('relocate-cache: what v2 and issue 13 add', () => {
  it('refuses while a backup runs, and says so with when it started', () => {
    const r = move({ backupJob: { running: true, since: '2026-12-01T20:11:05.000Z' } });
    expect(problems(r)).toContain('A backup is running now (it started 2026-12-01T20:11:05.000Z)');
  });
  it('asks the user to look when whether a backup runs cannot be told, and never lists it as checked', () => {
    const r = move({ backupJob: { running: null, why: 'the CloudBackup event log is closed to this account' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.cautions.join(' ')).toContain('Whether a backup is running now could not be told (the CloudBackup event log');
    const says = (id: string) => r.plan.preconditions.find((p) => p.id === id)?.says;
    expect(says('no-backup-running')).toBe('Whether a backup is running could not be checked here: look before you go on (see below).');
    const known = move({ backupJob: { running: false }, systemStateDisks: [] });
    expect(known.ok && known.plan.preconditions.find((p) => p.id === 'no-backup-running')?.says).toBe('No backup is running now.');
  });
  it('refuses while a CBSSBVol disk is mounted, whether the profile lists it or the machine found it', () => {
    const listed = profile((p) => p.volumes.push({ id: '\\\\?\\Volume{1b2c}\\', label: 'CBSSBVol_7f3a', online: true }));
    expect(problems(move({}, listed))).toContain('unmount the CBSSBVol_<ID> disks in Disk Management first');
    expect(problems(move({ systemStateDisks: ['cbssbvol_9'] }))).toContain('cbssbvol_9 is mounted');
    // Offline, it is not mounted; a list that could not be made is a caution, not a refusal.
    const offline = profile((p) => p.volumes.push({ id: '\\\\?\\Volume{1b2c}\\', label: 'CBSSBVol_7f3a', online: false }));
    expect(move({}, offline).ok).toBe(true);
    const unknown = move({ systemStateDisks: null });
    expect(unknown.ok && unknown.plan.cautions.join(' ')).toContain('System State disks (CBSSBVol_...) are mounted could not be checked');
  });
  it('refuses a target inside the selection, with the sentence', () => {
    const p = profile((q) => q.selection!.items.push({ path: 'F:\\', sizeBytes: 1, skipped: null }));
    expect(problems(move({}, p))).toContain(
      'F:\\MARS Cache lies inside F:\\, which is selected for backup: the agent fails when its cache folder is backed up.',
    );
    const same = profile((q) => q.selection!.items.push({ path: 'f:\\mars cache\\', sizeBytes: 1, skipped: null }));
    expect(problems(move({}, same))).toContain('which is selected for backup');
  });
  it('carries the figures: size, files, free space before and after, a measured estimate', () => {
    const r = move({ measured: { files: 1200, bytes: 10 * GB, sampledBytes: 64 * 2 ** 20, readBytesPerSecond: 200 * 2 ** 20 } });
    if (!r.ok) throw new Error(problems(r));
    expect(r.plan.figures).toMatchObject({
      cacheBytes: 10 * GB,
      cacheFiles: 1200,
      targetVolume: { id: 'F:', freeBefore: 2048 * GB, freeAfter: 2038 * GB },
    });
    // 3 x 10 GB at 200 MB/s = 153.6 s, and 1,200 files x 2 ms (the opening not timed here).
    expect(r.plan.figures.estimate!.seconds).toBeCloseTo(153.6 + 2.4, 0);
    expect(r.plan.preconditions.map((p) => p.id)).toEqual([...ACTION_PRECONDITIONS['relocate-cache']]);
    const text = describePlanLines(r.plan).join('\n');
    expect(text).toContain('The cache holds 10 GB in 1,200 files.');
    expect(text).toContain('F: has 2 TB free now, about 1.99 TB once the copy is there.');
    expect(text).toContain('Copying and checking it should take about 3 minutes');
    expect(text).toContain(
      'Registry: HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\ScratchLocation: D:\\MARS\\Scratch -> F:\\MARS Cache',
    );
    expect(text).not.toMatch(/\[(stop-service|copy|verify|set-registry|start-service|reprobe)\]/);
  });
  it('says so when the time could not be measured (a plan from a profile)', () => {
    const r = move();
    expect(r.ok && r.plan.figures.estimate).toBeNull();
    expect(r.ok && describePlanLines(r.plan).join('\n')).toContain('How long it takes could not be measured');
  });
});

describe('point-registry', () => {
  const swapped = (change: (p: MachineProfile) => void = () => {}) =>
    profile((p) => {
      p.agent!.scratchLocation = 'C:\\Gone';
      p.agent!.providerScratchLocation = 'D:\\MARS\\Scratch';
      change(p);
    });
  const holders = (c: boolean | null, d: boolean | null) => [
    { path: 'C:\\Gone', holdsKey: c },
    { path: 'D:\\MARS\\Scratch', holdsKey: d },
  ];
  it('points both values at the one folder that holds OnlineBackup.KEK', () => {
    const r = planPointRegistry({ profile: swapped(), holders: holders(false, true) });
    if (!r.ok) throw new Error(problems(r));
    expect(r.plan).toMatchObject({ action: 'point-registry', from: 'D:\\MARS\\Scratch', to: 'D:\\MARS\\Scratch', neededBytes: 0 });
    expect(r.plan.registry.map((c) => [c.before, c.after])).toEqual([
      ['C:\\Gone', 'D:\\MARS\\Scratch'],
      ['D:\\MARS\\Scratch', 'D:\\MARS\\Scratch'],
    ]);
    expect(r.plan.steps.map((s) => s.id)).toEqual(['stop-service', 'set-registry', 'start-service', 'reprobe']);
    // The value that already names the folder is said to stay, not to change from itself to itself.
    const text = describePlanLines(r.plan).join('\n');
    expect(text).toContain('Config\\CloudBackupProvider\\ScratchLocation: stays D:\\MARS\\Scratch');
    expect(text).toContain('Config\\ScratchLocation: C:\\Gone -> D:\\MARS\\Scratch');
  });
  it('says the agent must be registered again, and what that needs, when no folder holds it', () => {
    const r = planPointRegistry({ profile: swapped(), holders: holders(false, false) });
    expect(problems(r)).toMatch(
      /Neither C:\\Gone nor D:\\MARS\\Scratch holds OnlineBackup\.KEK.*registered with the vault again.*passphrase/,
    );
  });
  it('says one folder as one: the only folder the values name, never "Neither" with one path (every language)', async () => {
    // The Config value names a folder that is not there, and the provider value is removed.
    const one = swapped((p) => {
      p.agent!.providerScratchLocation = null;
    });
    const said = () => problems(planPointRegistry({ profile: one, holders: [{ path: 'C:\\Gone', holdsKey: false }] }));
    expect(said()).toContain(
      'The only folder the registry values name, C:\\Gone, does not hold OnlineBackup.KEK, so no folder holds the cache.',
    );
    expect(said()).not.toMatch(/Neither/);
    const twoFolderWords: Record<string, RegExp> = { de: /Weder/, fr: /Ni /, es: /Ni /, ja: /どちらにも/, 'zh-Hans': /都不包含/ };
    try {
      for (const [language, two] of Object.entries(twoFolderWords)) {
        await speakLanguage(language as Language);
        expect(said()).toContain('C:\\Gone');
        expect(said()).toContain('OnlineBackup.KEK');
        expect(said()).not.toMatch(two);
        // Two folders still get the two-folder form.
        expect(problems(planPointRegistry({ profile: swapped(), holders: holders(false, false) }))).toMatch(two);
      }
    } finally {
      await speakLanguage('en');
    }
  });
  it('refuses to guess when both hold it, or one cannot be looked at', () => {
    expect(problems(planPointRegistry({ profile: swapped(), holders: holders(true, true) }))).toContain('cannot be told');
    expect(problems(planPointRegistry({ profile: swapped(), holders: holders(null, true) }))).toContain('run this as an administrator');
  });
  it('refuses when the values already agree, or a backup runs', () => {
    expect(problems(planPointRegistry({ profile: profile(), holders: [] }))).toContain('already name D:\\MARS\\Scratch');
    expect(
      problems(planPointRegistry({ profile: swapped(), holders: holders(false, true), backupJob: { running: true, since: null } })),
    ).toContain('A backup is running now');
  });
  it('counts an empty value as not set, and fills it from the one that holds the cache', () => {
    const r = planPointRegistry({
      profile: swapped((p) => (p.agent!.scratchLocation = '  ')),
      holders: [{ path: 'D:\\MARS\\Scratch', holdsKey: true }],
    });
    expect(r.ok && r.plan.to).toBe('D:\\MARS\\Scratch');
  });
});

describe('start-engine', () => {
  it('plans a start for a stopped engine, and nothing else', () => {
    const r = planStartEngine(profile((p) => (p.agent!.serviceState = 'stopped')));
    if (!r.ok) throw new Error(problems(r));
    expect(r.plan).toMatchObject({ action: 'start-engine', from: null, to: null, registry: [] });
    expect(r.plan.steps.map((s) => s.id)).toEqual(['start-service', 'reprobe']);
  });
  it('refuses a running, starting, missing or unknown engine', () => {
    expect(problems(planStartEngine(profile()))).toContain('already running');
    // Running is nothing to do (fixed); starting is a refusal.
    expect(planStartEngine(profile())).toMatchObject({ ok: false, fixed: true });
    expect(planStartEngine(profile((p) => (p.agent!.serviceState = 'starting')))).not.toHaveProperty('fixed');
    expect(problems(planStartEngine(profile((p) => (p.agent!.serviceState = 'starting'))))).toContain('starting now');
    expect(problems(planStartEngine(profile((p) => (p.agent!.serviceState = 'not-installed'))))).toContain('repair the agent');
    expect(problems(planStartEngine(profile((p) => (p.agent!.serviceState = 'unknown'))))).toContain('is not known');
  });
  it('lists only its own preconditions, each one the script checks too', () => {
    const r = planStartEngine(profile((p) => (p.agent!.serviceState = 'stopped')));
    expect(r.ok && r.plan.preconditions.map((p) => p.id)).toEqual([...ACTION_PRECONDITIONS['start-engine']]);
    for (const id of Object.values(ACTION_PRECONDITIONS).flat()) expect(PRECONDITION_IDS).toContain(id);
  });
});

describe('throughput and time left', () => {
  it('promises no time left before a second of copying, then reckons from the recent rate', () => {
    let now = 0;
    const rate = new ProgressRate(() => now);
    const at = (ms: number, bytes: number) => ((now = ms), rate.update({ files: 1, totalFiles: 10, bytes, totalBytes: 1000 }));
    expect(at(0, 0).secondsLeft).toBeNull();
    expect(at(500, 50).bytesPerSecond).toBeNull();
    const reading = at(1000, 100);
    expect(reading.bytesPerSecond).toBeCloseTo(100);
    expect(reading.secondsLeft).toBeCloseTo(9);
    // Old samples leave the window: a faster disk later is seen within seconds.
    for (let t = 2000; t <= 8000; t += 1000) at(t, 100 + ((t - 1000) / 1000) * 100 + (t > 3000 ? (t - 3000) / 10 : 0));
    expect(at(8000, 1000).secondsLeft).toBe(0);
  });
  it('says durations as a person does', () => {
    expect(durationWords(0.4)).toBe('under a second');
    expect(durationWords(7)).toBe('about 7 seconds');
    expect(durationWords(44)).toBe('about 45 seconds');
    expect(durationWords(600)).toBe('about 10 minutes');
    expect(durationWords(3 * 3600 + 1000)).toBe('about 3.5 hours');
  });
  it('estimates from the measured read rate, not from a guess', () => {
    const slow = estimateSeconds({ files: 0, bytes: 100 * 2 ** 20, sampledBytes: 2 ** 20, readBytesPerSecond: 2 ** 20 });
    const fast = estimateSeconds({ files: 0, bytes: 100 * 2 ** 20, sampledBytes: 2 ** 20, readBytesPerSecond: 100 * 2 ** 20 });
    expect(slow.seconds).toBeCloseTo(300, 0);
    expect(fast.seconds).toBeCloseTo(3, 0);
    // The openings measured count for every file: 1,000 files opened in 1 ms each, four times over.
    expect(estimateSeconds({ files: 1000, bytes: 0, sampledBytes: 1, readBytesPerSecond: 1, openSeconds: 0.001 }).seconds).toBeCloseTo(
      4,
      1,
    );
    expect(slow.engineStoppedSeconds).toBe(slow.seconds);
  });
});
