// Contract v2: `check --strict` exits 1 for every ready-with-warnings report, also one whose only findings
// other than pass and info are unknown; without --strict such a report exits 0.
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../../electron/cli/main.js';
import { buildReport } from '../../../shared/report/build.js';
import { healthy } from '../../helpers/profiles.js';
import type { MachineProfile } from '../../../shared/profile/types.js';

const report = (profile: MachineProfile) => buildReport(profile, { edition: 'current', toolVersion: '0.0.0-test', now: new Date(0) });

describe('the exit status of check', () => {
  it('is 1 with --strict for a report that only unknown findings keep from ready', () => {
    const onlyUnknown = report(healthy((p) => (p.software!.powershellVersion = null)));
    expect(onlyUnknown.counts).toMatchObject({ fail: 0, warn: 0 });
    expect(onlyUnknown.counts.unknown).toBeGreaterThan(0);
    expect(onlyUnknown.verdict).toBe('ready-with-warnings');
    expect(exitCodeOf(onlyUnknown, true)).toBe(1);
    expect(exitCodeOf(onlyUnknown, false)).toBe(0);
  });
  it('is 1 with --strict for warnings, 1 for not-ready either way, 0 for ready either way', () => {
    const warned = report(healthy((p) => (p.agent!.serviceState = 'stopped')));
    expect(warned.verdict).toBe('ready-with-warnings');
    expect([exitCodeOf(warned, true), exitCodeOf(warned, false)]).toEqual([1, 0]);
    const failed = report(healthy((p) => (p.os.architecture = 'x86')));
    expect([exitCodeOf(failed, true), exitCodeOf(failed, false)]).toEqual([1, 1]);
    const ready = report(healthy());
    expect(ready.verdict).toBe('ready');
    expect([exitCodeOf(ready, true), exitCodeOf(ready, false)]).toEqual([0, 0]);
  });
});
