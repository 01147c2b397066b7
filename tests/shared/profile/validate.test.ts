import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../shared/profile/validate.js';
import { sample } from '../../helpers/profiles.js';

const problemsOf = (value: unknown) => {
  const result = validateProfile(value);
  if (result.ok) throw new Error('expected the profile to be refused');
  return result.problems;
};
const withChange = (change: (p: Record<string, any>) => void) => {
  const p = sample('healthy-server') as unknown as Record<string, any>;
  change(p);
  return p;
};

// The contract lives in ../shared, beside the checkout on developer machines only: without it the
// comparison is skipped, and shown as skipped, never counted as a pass.
const CONTRACT = new URL('../../../../shared/contract/machine-profile.schema.json', import.meta.url);
const noContract = !existsSync(CONTRACT);
if (noContract)
  console.log(
    `SKIPPED the comparison of the schema with the contract: ${fileURLToPath(CONTRACT)} is missing (../shared is not beside this checkout).`,
  );

describe('the schema we validate with', () => {
  it.skipIf(noContract)('is the contract schema, byte for byte, where the contract is at hand', () => {
    const contract = readFileSync(CONTRACT, 'utf8');
    const ours = readFileSync(new URL('../../../shared/profile/machine-profile.schema.json', import.meta.url), 'utf8');
    expect(JSON.parse(ours)).toEqual(JSON.parse(contract));
  });
});

describe('validateProfile', () => {
  it('accepts every sample and the smallest valid profile', () => {
    for (const name of ['healthy-server', 'cache-problems', 'old-os', 'pre-install', 'azure-vm']) {
      expect(validateProfile(sample(name)).ok).toBe(true);
    }
    expect(validateProfile({ schemaVersion: 1, os: { family: 'windows' }, volumes: [] }).ok).toBe(true);
  });

  it('accepts version 2, with and without its sections, and null sections', () => {
    const v2 = { ...sample('healthy-server'), schemaVersion: 2 };
    expect(validateProfile(v2).ok).toBe(true);
    const sections = {
      systemStatePrerequisites: {
        windowsServerBackup: 'installed',
        services: { RpcSs: { startType: 'auto', state: 'running' } },
        systemVolume: 'C:',
        rebootPending: false,
      },
      vaultCredentials: {
        fileName: 'vault_2026-11-19.VaultCredentials',
        lastWriteTime: '2026-11-19T10:00:00Z',
        xmlWellFormed: true,
        aadTenantId: null,
      },
      antivirus: { defenderRealTimeProtection: true, exclusionPaths: null, exclusionProcesses: [] },
      clock: { skewSeconds: -2.5, referenceHost: 'www.microsoft.com' },
      serviceProxy: { winhttp: 'direct', systemAccount: null, probe: 'direct' },
      history: {
        windowDays: 14,
        events: [{ id: 11, time: '2026-11-30T23:00:00Z' }],
        errorCodes: [{ code: '0x1FC07', source: 'errlog', count: 2 }],
      },
    };
    expect(validateProfile({ ...v2, ...sections })).toMatchObject({ ok: true });
    const nulls = Object.fromEntries(Object.keys(sections).map((k) => [k, null]));
    expect(validateProfile({ ...v2, ...nulls }).ok).toBe(true);
  });

  const cases: [string, (p: Record<string, any>) => void, string, RegExp][] = [
    ['an unknown field', (p) => (p.os.kernel = '6.1'), '/os/kernel', /unknown field/],
    ['an unknown top-level field', (p) => (p.extra = true), '/extra', /unknown field/],
    ['a wrong type', (p) => (p.volumes[0].sizeBytes = '100'), '/volumes/0/sizeBytes', /whole number or null/],
    ['a fractional size', (p) => (p.volumes[0].freeBytes = 1.5), '/volumes/0/freeBytes', /whole number/],
    ['a bad enum', (p) => (p.volumes[1].driveType = 'ssd'), '/volumes/1/driveType', /one of "fixed"/],
    ['a bad nullable enum', (p) => (p.os.architecture = 'ia64'), '/os/architecture', /one of "x64", "x86", "arm64", null/],
    ['a negative size', (p) => (p.selection.items[0].sizeBytes = -1), '/selection/items/0/sizeBytes', /0 or more/],
    ['a missing required field', (p) => delete p.os.family, '/os/family', /required/],
    ['a missing section', (p) => delete p.volumes, '/volumes', /required/],
    ['a bad version', (p) => (p.os.version = 'ten'), '/os/version', /expected form/],
    ['a bad date', (p) => (p.capturedAt = 'yesterday'), '/capturedAt', /date-time/],
    ['a wrong schema version', (p) => ((p as { schemaVersion: number }).schemaVersion = 3), '/schemaVersion', /must be one of 1, 2/],
    ['a missing endpoint result', (p) => delete p.network.endpoints[0].reachable, '/network/endpoints/0/reachable', /required/],
    // Version 2's sections belong to version 2: a version-1 profile carrying one is refused at that field.
    [
      'a v2 section in a v1 profile',
      (p) => (p.history = { windowDays: 14, events: [] }),
      '/history',
      /section of profile version 2: set "schemaVersion" to 2/,
    ],
    [
      'a v2 section with a bad field',
      (p) => ((p.schemaVersion = 2), (p.clock = { skewSeconds: 'late' })),
      '/clock/skewSeconds',
      /number or null/,
    ],
    [
      'a v2 error code of the wrong form',
      (p) => ((p.schemaVersion = 2), (p.history = { windowDays: 14, errorCodes: [{ code: 'rm -rf', source: 'errlog', count: 1 }] })),
      '/history/errorCodes/0/code',
      /.+/,
    ],
  ];
  for (const [name, change, pointer, message] of cases) {
    it(`refuses ${name}, naming ${pointer}`, () => {
      const problems = problemsOf(withChange(change));
      expect(problems).toContainEqual({ pointer, message: expect.stringMatching(message) });
    });
  }

  it('refuses what is not an object, at the root', () => {
    for (const value of [null, [], 'profile', 42]) expect(problemsOf(value)[0]?.pointer).toBe('');
  });

  it('reports each field once, with every problem of the document', () => {
    const problems = problemsOf(
      withChange((p) => {
        p.os.architecture = 'ia64';
        p.volumes[0].driveType = 'ssd';
      }),
    );
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/os/architecture', '/volumes/0/driveType']);
  });

  it('escapes "/" and "~" in field names as JSON pointers do', () => {
    expect(problemsOf(withChange((p) => (p.host['a/b~c'] = 1)))[0]?.pointer).toBe('/host/a~1b~0c');
  });
});
