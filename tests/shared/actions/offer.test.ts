// Every finding that names a fix action is really fixable by that action on that machine. Walked twice:
// over profiles that draw every status of every check (the action's planner must accept the profile, with
// what only the machine can tell taken at its best), and on sandbox machines, where the finding's action
// is planned for real through the same service the wizard's Fix button calls.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIX_ACTIONS } from '../../../shared/actions/fix-plan.js';
import { offerProblem } from '../../../shared/actions/offer.js';
import { suggestTarget } from '../../../shared/actions/suggest-target.js';
import { EDITION_IDS } from '../../../shared/matrix/index.js';
import { buildReport, evaluate } from '../../../shared/report/build.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import { planFix } from '../../../electron/services/fixes.js';
import { GB, healthy } from '../../helpers/profiles.js';
import { STATUS_PROFILES } from '../../helpers/status-profiles.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('the fix a finding offers, on a profile', () => {
  it('is one its planner accepts, for every check and status the profiles draw', () => {
    const offered = new Set<string>();
    for (const edition of EDITION_IDS)
      for (const profile of STATUS_PROFILES)
        for (const f of evaluate(profile, edition)) {
          if (!f.fix?.action) continue;
          offered.add(`${f.check}/${f.status}/${f.fix.action}`);
          expect(offerProblem(f.fix.action, profile), `${f.check} ${f.status} offers ${f.fix.action}`).toBeNull();
        }
    // The walk reaches every action (a walk that offers nothing would pass vacuously).
    for (const action of FIX_ACTIONS.filter((a) => a !== 'start-engine'))
      expect(
        [...offered].some((o) => o.endsWith(`/${action}`)),
        action,
      ).toBe(true);
  });

  it('is withdrawn, with the reason in its steps, where the planner would refuse', () => {
    // No volume has room for the cache: moving it cannot be offered.
    const full = healthy((p) => {
      for (const v of p.volumes) v.freeBytes = 1 * GB;
    });
    const space = evaluate(full, 'current').find((f) => f.check === 'cache.free-space')!;
    expect(space.status).toBe('fail');
    expect(space.fix?.action).toBeNull();
    expect(space.fix?.steps.at(-1)).toMatch(/^The wizard cannot do this for you here: /);
    // The values disagree, but whether the engine runs is not known: pointing them cannot be offered.
    const unknown = healthy((p) => {
      p.agent!.providerScratchLocation = 'C:\\Elsewhere';
      p.agent!.serviceState = 'unknown';
    });
    const registry = evaluate(unknown, 'current').find((f) => f.check === 'cache.registry')!;
    expect(registry.status).toBe('fail');
    expect(registry.fix?.action).toBeNull();
    expect(registry.fix?.steps.at(-1)).toContain('obengine');
    // The same values with the engine's state known: offered.
    const known = healthy((p) => (p.agent!.providerScratchLocation = 'C:\\Elsewhere'));
    expect(evaluate(known, 'current').find((f) => f.check === 'cache.registry')!.fix?.action).toBe('point-registry');
  });
});

describe('the fix a finding offers, on a sandbox machine', () => {
  function copy(name: string, change: (dir: string) => void = () => {}): string {
    const dir = mkdtempSync(join(tmpdir(), `mars offer ${name}-`));
    roots.push(dir);
    cpSync(new URL(`../../../samples/sandboxes/${name}/`, import.meta.url).pathname, dir, { recursive: true });
    change(dir);
    return dir;
  }
  const edit = (dir: string, file: string, change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
  };
  const MACHINES = [
    copy('cache-on-c'),
    copy('registry-mismatch'),
    copy('registry-swapped'),
    copy('engine-stopped'),
    // No volume with room: nothing to move to.
    copy('cache-on-c', (dir) => edit(dir, 'machine.json', (m) => m.volumes.forEach((v: { freeBytes: number }) => (v.freeBytes = GB)))),
    // The engine stopped and the values swapped at once: two fixes offered.
    copy('registry-swapped', (dir) => edit(dir, 'services.json', (s) => (s.obengine = 'stopped'))),
  ];

  it('plans for real through the service the Fix button calls, for every finding that names it', async () => {
    const seen = new Set<string>();
    for (const dir of MACHINES) {
      const machine = await openSandboxMachine(dir);
      const { profile } = await collectProfile({ machine, offline: true });
      const report = buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date() });
      for (const f of report.findings) {
        if (!f.fix?.action) continue;
        seen.add(f.fix.action);
        const to = f.fix.action === 'relocate-cache' ? suggestTarget(profile) : null;
        const planned = await planFix(machine, { action: f.fix.action, to });
        expect(planned.ok ? [] : planned.problems, `${dir}: ${f.check} ${f.status} offers ${f.fix.action}`).toEqual([]);
      }
    }
    expect([...seen].sort()).toEqual([...FIX_ACTIONS].sort());
  });
});
