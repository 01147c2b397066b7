// agent.antivirus (contract v2): only with the agent installed and the section present. Real-time
// protection off: info; null: unknown; on: the cache folder (cache.path, else <installPath>\Scratch),
// <installPath>\bin and cbengine.exe must be excluded - warn when a known list leaves one uncovered, else
// unknown when a list or installPath is null, else pass.
import { describe, expect, it } from 'vitest';
import type { AntivirusFacts, MachineProfile } from '../../../shared/profile/types.js';
import { findingsOf, one, statusOf } from '../../helpers/profiles.js';
import { healthyV2, INSTALL } from '../../helpers/v2-profiles.js';

const CHECK = 'agent.antivirus';
const BIN = `${INSTALL}\\Bin\\*`;
const av = (facts: AntivirusFacts, change: (p: MachineProfile) => void = () => {}) =>
  healthyV2((p) => {
    p.antivirus = facts;
    change(p);
  });
const on = (exclusionPaths: string[] | null, exclusionProcesses: string[] | null, change?: (p: MachineProfile) => void) =>
  av({ defenderRealTimeProtection: true, exclusionPaths, exclusionProcesses }, change);
const status = (p: MachineProfile, edition: 'current' | '2019-02' = 'current') => statusOf(p, CHECK, edition);

describe('agent.antivirus: when it runs', () => {
  it('gives no finding unless the agent is installed, also for a null section', () => {
    expect(
      findingsOf(
        healthyV2((p) => (p.agent = { installed: false })),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => ((p.agent = { installed: null }), (p.antivirus = null))),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.agent),
        CHECK,
      ),
    ).toEqual([]);
  });
  it('gives no finding without the section, one unknown without a subject when it is null', () => {
    expect(
      findingsOf(
        healthyV2((p) => delete p.antivirus),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => (p.antivirus = null)),
        CHECK,
      ).map((f) => [f.subject, f.status]),
    ).toEqual([[null, 'unknown']]);
  });
  it('runs in both editions', () => {
    expect(status(healthyV2(), '2019-02')).toBe('pass');
    expect(status(on([], []), '2019-02')).toBe('warn');
  });
});

describe('agent.antivirus: real-time protection', () => {
  it('gives info (not pass) when it is off, whatever the lists say', () => {
    for (const lists of [{}, { exclusionPaths: [], exclusionProcesses: [] }, { exclusionPaths: null, exclusionProcesses: null }]) {
      const f = one(av({ defenderRealTimeProtection: false, ...lists }), CHECK);
      expect(f.status).toBe('info');
      expect(f.detail).toMatch(/other antivirus products are not examined/i);
    }
  });
  it('is unknown when null or missing', () => {
    expect(status(av({ defenderRealTimeProtection: null, exclusionPaths: [], exclusionProcesses: [] }))).toBe('unknown');
    expect(status(av({}))).toBe('unknown');
  });
});

describe('agent.antivirus: exclusions with real-time protection on', () => {
  it('passes when the cache, the bin folder and cbengine.exe are all excluded', () => {
    expect(status(healthyV2())).toBe('pass');
    expect(status(on(['D:\\MARS\\Scratch\\*', `${INSTALL}\\bin`], ['CBENGINE.EXE']))).toBe('pass');
    // A folder that holds both covers both; drive roots too.
    expect(status(on(['D:\\', 'C:\\Program Files'], ['cbengine.exe']))).toBe('pass');
    expect(status(on(['d:/mars', `${INSTALL.toLowerCase()}\\`], ['cbengine.exe']))).toBe('pass');
  });

  it('warns when a known path list leaves a folder uncovered', () => {
    expect(status(on([BIN], ['cbengine.exe']))).toBe('warn'); // the cache is not excluded
    expect(status(on(['D:\\MARS\\Scratch'], ['cbengine.exe']))).toBe('warn'); // the bin folder is not
    expect(status(on(['D:\\MARS\\Scratch\\sub', BIN], ['cbengine.exe']))).toBe('warn'); // below the folder covers nothing
    expect(status(on(['D:\\MARS\\Scr*', BIN], ['cbengine.exe']))).toBe('warn'); // other wildcards match only themselves
    expect(status(on(['D:\\MARS\\Scratch2', BIN], ['cbengine.exe']))).toBe('warn');
    const f = one(on([BIN], ['cbengine.exe']), CHECK);
    expect(f.detail).toContain('D:\\MARS\\Scratch');
    expect(f.fix!.steps.join(' ')).toContain('Add-MpPreference -ExclusionPath "D:\\MARS\\Scratch"');
    expect(f.fix!.who).toBe('server admin');
  });

  it('warns when a known process list leaves cbengine.exe uncovered', () => {
    expect(status(on(['D:\\MARS\\Scratch', BIN], []))).toBe('warn');
    expect(status(on(['D:\\MARS\\Scratch', BIN], ['obengine.exe', 'cbengine']))).toBe('warn');
    // Defender's folder form covers processes in that folder only, not below it.
    expect(status(on(['D:\\MARS\\Scratch', BIN], [`${INSTALL}\\*`]))).toBe('warn');
    expect(status(on(['D:\\MARS\\Scratch', BIN], [`${INSTALL}\\bin\\sub\\*`]))).toBe('warn');
    expect(status(on(['D:\\MARS\\Scratch', BIN], ['D:\\other\\bin\\cbengine.exe']))).toBe('warn');
    expect(one(on(['D:\\MARS\\Scratch', BIN], []), CHECK).fix!.steps.join(' ')).toContain('-ExclusionProcess "cbengine.exe"');
  });

  it('takes a process exclusion by name, by full path, or <installPath>\\bin\\* exactly', () => {
    for (const entry of [
      'cbengine.exe',
      'CbEngine.Exe',
      `${INSTALL}\\bin\\cbengine.exe`,
      `${INSTALL.toUpperCase()}/BIN/CBENGINE.EXE`,
      `${INSTALL}\\Bin\\*`,
      `${INSTALL}\\bin\\*\\`,
    ]) {
      expect(status(on(['D:\\MARS\\Scratch', BIN], [entry])), entry).toBe('pass');
    }
  });

  it('uses <installPath>\\Scratch for the cache folder when there is no cache', () => {
    expect(status(on([`${INSTALL}\\Scratch`, BIN], ['cbengine.exe'], (p) => (p.cache = null)))).toBe('pass');
    expect(status(on([`${INSTALL}\\*`], ['cbengine.exe'], (p) => delete p.cache))).toBe('pass');
    expect(status(on(['D:\\MARS\\Scratch', BIN], ['cbengine.exe'], (p) => (p.cache = null)))).toBe('warn');
  });

  it('warns even when the other list or installPath is null', () => {
    expect(status(on([BIN], null))).toBe('warn');
    expect(status(on(null, []))).toBe('warn');
    expect(status(on(['E:\\'], ['cbengine.exe'], (p) => (p.agent!.installPath = null)))).toBe('warn'); // cache.path is known
    expect(status(on(['D:\\MARS\\Scratch'], [], (p) => (p.agent!.installPath = null)))).toBe('warn'); // no entry could be cbengine.exe
  });

  it('is unknown when a list is null (unreadable is never "not excluded") or installPath is null, when nothing warns', () => {
    expect(status(on(null, ['cbengine.exe']))).toBe('unknown');
    expect(status(on(['D:\\MARS\\Scratch', BIN], null))).toBe('unknown');
    expect(status(on(null, null))).toBe('unknown');
    expect(status(av({ defenderRealTimeProtection: true }))).toBe('unknown');
    // Without installPath the bin folder cannot be judged.
    expect(status(on(['D:\\MARS\\Scratch', BIN], ['cbengine.exe'], (p) => (p.agent!.installPath = null)))).toBe('unknown');
    expect(status(on(['D:\\MARS\\Scratch', BIN], ['cbengine.exe'], (p) => delete p.agent!.installPath))).toBe('unknown');
    // Nor the cache folder, when there is no cache.
    expect(status(on(['C:\\', 'D:\\'], ['cbengine.exe'], (p) => ((p.agent!.installPath = null), (p.cache = null))))).toBe('unknown');
    expect(one(on(null, ['cbengine.exe']), CHECK).fix!.who).toBe('helpdesk');
  });

  it('leaves cbengine.exe unknown, not uncovered, for a \\bin\\cbengine.exe or \\bin\\* entry without installPath', () => {
    const noInstallPath = (entry: string) => on(['D:\\MARS\\Scratch', BIN], [entry], (p) => (p.agent!.installPath = null));
    expect(status(noInstallPath('X:\\Agent\\bin\\cbengine.exe'))).toBe('unknown');
    expect(status(noInstallPath('X:\\Agent\\BIN\\*'))).toBe('unknown');
    // Any other full path cannot be <installPath>\bin\cbengine.exe: uncovered.
    expect(status(noInstallPath('X:\\Agent\\cbengine.exe'))).toBe('warn');
    // But a known uncovered cache still warns.
    expect(status(on(['E:\\'], ['X:\\Agent\\bin\\*'], (p) => (p.agent!.installPath = null)))).toBe('warn');
  });
});
