// Do this first (shared/report/do-this-first.ts): one action per root cause, grouped by who acts. Findings
// one fix resolves are one action with one procedure and one fix action (the cache on a full disk, on the
// Azure temporary disk and the SalLowDiskSpace the agent logged: one move; every unreachable address: one
// request to the network team; the registry values with the missing folder: point-registry). Fails come
// first, unknowns last as "find out" actions; the audience fits the machine, and the JSON keeps the
// contract's "who". Over the profiles that draw every status of every check: each finding with a fix is
// in exactly one action, each action's title is ours (no fallback, no check id), its fix is a finding's.
import { describe, expect, it } from 'vitest';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { validateProfile } from '../../../shared/profile/validate.js';
import { buildReport } from '../../../shared/report/build.js';
import {
  doThisFirst,
  fallbackFindOut,
  fallbackProblem,
  FIXERS,
  machineKindOf,
  whoWords,
  type FirstAction,
} from '../../../shared/report/do-this-first.js';
import type { Report } from '../../../shared/report/types.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import { GB, healthy, sample } from '../../helpers/profiles.js';
import { STATUS_PROFILES, V2_SAMPLES } from '../../helpers/status-profiles.js';

const NOW = new Date('2026-12-01T07:45:00Z');
const report = (profile: MachineProfile): Report => buildReport(profile, { edition: 'current', toolVersion: 'test', now: NOW });
const valid = (profile: MachineProfile) => {
  const result = validateProfile(profile);
  if (!result.ok) throw new Error(`test profile is invalid: ${JSON.stringify(result.problems)}`);
  return profile;
};
const actionsOf = (r: Report): FirstAction[] => doThisFirst(r).groups.flatMap((g) => g.actions);
const resolved = (a: FirstAction) => a.resolves.map((f) => (f.subject ? `${f.check} ${f.subject}` : f.check));

/** The Azure VM sample, its cache (on the temporary disk D:) also short of room, and the agent's log holding SalLowDiskSpace. */
function azureFullTemporaryDisk(): MachineProfile {
  const profile = sample('azure-vm');
  profile.schemaVersion = 2;
  profile.volumes.find((v) => v.id === 'D:')!.freeBytes = 1 * GB;
  profile.agent!.serviceState = 'running';
  profile.history = {
    windowDays: 14,
    events: [
      { id: 1, time: '2026-11-19T21:00:03Z' },
      { id: 11, time: '2026-11-19T21:47:30Z' },
    ],
    errorCodes: [{ code: 'SalLowDiskSpace', source: 'errlog', count: 2 }],
  };
  return valid(profile);
}

describe('findings one fix resolves are one action', () => {
  it('the cache on a full disk, on the Azure temporary disk, SalLowDiskSpace and the failed backup: one move, one procedure, one fix', () => {
    const r = report(azureFullTemporaryDisk());
    const move = actionsOf(r).filter((a) => a.resolves.some((f) => f.check.startsWith('cache.')));
    expect(move).toHaveLength(1);
    const [action] = move;
    expect(action!.id).toBe('move-cache');
    expect(action!.action).toBe('relocate-cache');
    expect(action!.fixFinding!.fix!.action).toBe('relocate-cache');
    expect(r.findings).toContain(action!.fixFinding);
    expect(resolved(action!)).toEqual(
      expect.arrayContaining(['cache.azure-temporary', 'cache.free-space', 'history.known-error SalLowDiskSpace', 'history.last-backup']),
    );
    expect(action!.resolves).toHaveLength(4);
    // The worst first: the free space (a blocker) before the temporary disk (a warning), then what follows from them.
    expect(resolved(action!).slice(0, 2)).toEqual(['cache.free-space', 'cache.azure-temporary']);
    expect(action!.status).toBe('fail');
    expect(action!.title).toBe("Move the cache folder to a folder on a local, fixed disk with room (not the Azure VM's temporary disk)");
    // One procedure: the move the two findings share, not each one's own alternative ("free space ... or").
    expect(action!.steps[0]).toBe('Stop the backup engine: net stop obengine.');
    expect(action!.steps.join(' ')).not.toMatch(/^Free space/);
    expect(action!.steps).toEqual(r.findings.find((f) => f.check === 'cache.azure-temporary')!.fix!.steps);
    // Nothing else is left for the cache, the code or the job.
    expect(
      actionsOf(r)
        .flatMap(resolved)
        .filter((x) => x.startsWith('cache.') || x.startsWith('history.')),
    ).toHaveLength(4);
  });

  it('every address the network test could not reach: one network-team action naming them all', () => {
    const profile = sample('pre-install');
    for (const probe of profile.network!.endpoints!)
      if (probe.pattern === '*.queue.core.windows.net' || probe.pattern === '*.microsoftonline.com') {
        probe.reachable = false;
        probe.error = 'Connection refused.';
      }
    const r = report(valid(profile));
    const failed = r.findings.filter((f) => f.check === 'network.endpoints' && f.status === 'fail');
    expect(failed).toHaveLength(3);
    const network = doThisFirst(r).groups.find((g) => g.who === 'network team')!;
    expect(network.actions).toHaveLength(1);
    const [allow] = network.actions;
    expect(allow!.id).toBe('allow-endpoints');
    expect(allow!.resolves).toEqual(expect.arrayContaining(failed));
    expect(allow!.title).toBe(
      'Let this machine reach *.microsoftonline.com, *.blob.core.windows.net and *.queue.core.windows.net through the firewall and any proxy',
    );
    // One line per address, then what they share, once; "Check again" last.
    expect(allow!.steps).toEqual([
      'Allow outgoing HTTPS (port 443) from this machine to *.microsoftonline.com, on the firewall and on any proxy.',
      'Allow outgoing HTTPS (port 443) from this machine to *.blob.core.windows.net, on the firewall and on any proxy.',
      'Allow outgoing HTTPS (port 443) from this machine to *.queue.core.windows.net, on the firewall and on any proxy.',
      'If a proxy inspects TLS, exempt these addresses from inspection.',
      'Check again.',
    ]);
    expect(whoWords(network.who, doThisFirst(r).machine)).toBe('The network team');
  });

  it('the two registry values and the missing cache folder: one point-registry action', () => {
    const r = report(
      healthy((p) => {
        p.agent!.providerScratchLocation = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch';
        p.cache!.exists = false;
      }),
    );
    expect(r.findings.find((f) => f.check === 'cache.folder')!.status).toBe('fail');
    const actions = actionsOf(r).filter((a) => a.resolves.some((f) => f.check === 'cache.registry' || f.check === 'cache.folder'));
    expect(actions).toHaveLength(1);
    expect(actions[0]!.action).toBe('point-registry');
    expect(resolved(actions[0]!)).toEqual(['cache.registry', 'cache.folder']);
    expect(actions[0]!.title).toBe('Point both cache registry values at the folder that holds the cache');
    expect(actions[0]!.steps).toEqual(r.findings.find((f) => f.check === 'cache.registry')!.fix!.steps);
  });

  it('a code whose cause is gone stands alone with the failed job; an upgraded agent resolves both version findings', () => {
    const failed = actionsOf(report(sample('v2-last-backup-failed')));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.title).toBe('Put right the cause of error SalLowDiskSpace');
    expect(resolved(failed[0]!)).toEqual(['history.known-error SalLowDiskSpace', 'history.last-backup']);

    const old = actionsOf(report(sample('v2-old-agent')));
    expect(old.map((a) => a.id)).toEqual(['upgrade-agent']);
    expect(resolved(old[0]!)).toEqual(['agent.version', 'agent.vault-credentials']);
    expect(old[0]!.steps.at(-1)).toBe('Check again.');
    expect(old[0]!.steps).toContain('Then register with the vault credentials file.');
  });

  it('two codes with the same fix are one action naming both; codes in two actions leave the failed job its own', () => {
    const profile = sample('v2-last-backup-failed');
    profile.history!.errorCodes!.push(
      { code: '0x80070002', source: 'failed-files', count: 3 },
      { code: '0x80070003', source: 'failed-files', count: 1 },
    );
    const actions = actionsOf(report(valid(profile)));
    expect(actions.map((a) => [a.title, resolved(a)])).toEqual([
      ['Find out why the last backup did not complete, put it right, and back up again', ['history.last-backup']],
      ['Put right the cause of error SalLowDiskSpace', ['history.known-error SalLowDiskSpace']],
      ['Put right the cause of errors 0x80070002 and 0x80070003', ['history.known-error 0x80070002', 'history.known-error 0x80070003']],
    ]);
  });

  it('causes that differ stay apart: the cache-problems sample is a move, the two values and the engine', () => {
    const actions = actionsOf(report(sample('cache-problems')));
    expect(actions.map((a) => [a.title, a.action, a.status])).toEqual([
      ['Point both cache registry values at the folder that holds the cache', 'point-registry', 'fail'],
      ['Move the cache folder to a plain folder on a local, fixed disk with room', 'relocate-cache', 'fail'],
      ['Get the backup engine running', 'start-engine', 'warn'],
    ]);
  });
});

describe('the order and the words', () => {
  it('fails before warnings, unknowns last and phrased as "find out"; the group with the worst first', () => {
    const r = report(sample('pre-install'));
    const list = doThisFirst(r);
    expect(list.groups.map((g) => [g.who, g.actions.map((a) => a.status)])).toEqual([
      ['server admin', ['fail']],
      ['network team', ['fail']],
      ['user', ['warn', 'warn']],
      ['helpdesk', ['unknown']],
    ]);
    expect(list.groups.at(-1)!.actions[0]!.title).toBe('Find out whether the cache folder is a plain folder');
    expect(list.count).toBe(5);
    const severity = { fail: 0, warn: 1, unknown: 2 };
    for (const group of list.groups)
      expect(group.actions.map((a) => severity[a.status])).toEqual([...group.actions.map((a) => severity[a.status])].sort());
  });

  it('says who in words that fit the machine; the report keeps the contract’s "server admin"', () => {
    const laptop = report(sample('pre-install'));
    expect(machineKindOf(laptop)).toBe('workstation');
    const admin = doThisFirst(laptop).groups[0]!;
    expect(admin.who).toBe('server admin');
    expect(admin.actions[0]!.resolves[0]!.fix!.who).toBe('server admin');
    expect(whoWords(admin.who, 'workstation')).toBe('An administrator of this PC');
    expect(whoWords('server admin', 'workstation', 'sentence')).toBe('an administrator of this PC');
    expect(machineKindOf(report(sample('cache-problems')))).toBe('server');
    expect(machineKindOf(report(sample('old-os')))).toBe('server'); // a domain controller
    expect(whoWords('server admin', 'server')).toBe('A server administrator');
    expect(whoWords('server admin', 'unknown')).toBe('An administrator of this machine');
    expect(FIXERS.map((who) => whoWords(who, 'workstation', 'sentence'))).toEqual([
      'you',
      'the helpdesk',
      'an administrator of this PC',
      'the network team',
    ]);
    // Without a product type, the installation type or the name of the OS tell.
    const bare = report(valid({ schemaVersion: 1, os: { family: 'windows', caption: 'Microsoft Windows 10 Enterprise' }, volumes: [] }));
    expect(machineKindOf(bare)).toBe('workstation');
    expect(machineKindOf(report(valid({ schemaVersion: 1, os: { family: 'windows' }, volumes: [] })))).toBe('unknown');
  });

  it('a healthy machine has nothing to do', () => {
    expect(doThisFirst(report(sample('healthy-server')))).toEqual({ machine: 'server', groups: [], count: 0 });
  });
});

describe('over every status of every check', () => {
  const reports = [...STATUS_PROFILES, ...V2_SAMPLES.map(sample)].map(report);
  const checkIds = new RegExp(`(^|\\s)(${CHECKS.map((c) => c.id.replace(/[.-]/g, '\\$&')).join('|')})(\\s|$|[.,;:])`);

  it('puts each finding with a fix in exactly one action, and no other finding in any', () => {
    for (const r of reports) {
      const actions = actionsOf(r);
      const listed = actions.flatMap((a) => a.resolves);
      expect(new Set(listed).size).toBe(listed.length);
      expect(new Set(listed)).toEqual(new Set(r.findings.filter((f) => f.fix !== null && f.status !== 'pass' && f.status !== 'info')));
      expect(doThisFirst(r).count).toBe(actions.length);
      expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    }
  });

  it('titles every action in our words: an instruction, "Find out" for an unknown, never a check id', () => {
    const titles = new Set<string>();
    for (const r of reports)
      for (const a of actionsOf(r)) {
        titles.add(a.title);
        expect(a.title.startsWith(fallbackProblem('')) || a.title.startsWith(fallbackFindOut(''))).toBe(false);
        expect(a.title).not.toMatch(checkIds);
        expect(a.title).not.toMatch(/\.$/);
        if (a.status === 'unknown') expect(a.title).toMatch(/^Find out /);
        expect(a.steps.length).toBeGreaterThan(0);
        // The action's who and status are those of what gave it its steps, and the worst of what it resolves.
        expect(FIXERS).toContain(a.who);
        expect(a.resolves[0]!.fix!.who).toBe(a.who);
      }
    expect(titles.size).toBeGreaterThan(40);
  });

  it('offers a fix only where a finding it resolves offers that very fix, and hands over that finding', () => {
    let offered = 0;
    for (const r of reports)
      for (const a of actionsOf(r)) {
        if (a.action === null) {
          expect(a.fixFinding).toBeNull();
          expect(a.resolves.every((f) => f.fix!.action === null)).toBe(true);
          continue;
        }
        offered++;
        expect(a.resolves).toContain(a.fixFinding);
        expect(a.fixFinding!.fix!.action).toBe(a.action);
      }
    expect(offered).toBeGreaterThan(3);
  });
});
