// The fault matrix of the two fixes without a copy, step by step, an error and a crash in each: pointing
// both cache registry values at the folder that holds the cache (registry-swapped sandbox) and starting the
// backup engine (engine-stopped sandbox). An error undoes what was done (the values restored, the engine
// as it was); a crash leaves a journal that `fix resume` always finishes - nothing was copied, so there is
// nothing to verify and nothing half made.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_STEPS } from '../../../shared/actions/fix-plan.js';
import { cliProcess } from '../../helpers/cli.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function sandbox(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mars ${name}-`));
  roots.push(dir);
  cpSync(new URL(`../../../samples/sandboxes/${name}/`, import.meta.url).pathname, dir, { recursive: true });
  return dir;
}
const values = (dir: string) => {
  const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
  return [
    registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'].ScratchLocation?.data,
    registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider'].ScratchLocation?.data,
  ];
};
const service = (dir: string) => JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).obengine;
const journal = (dir: string) => JSON.parse(readFileSync(join(dir, 'relocation-journal.json'), 'utf8'));
const finding = async (dir: string, check: string) =>
  (
    JSON.parse((await cliProcess(['check', '--sandbox', dir, '--offline', '--json'])).stdout) as {
      findings: { check: string; status: string }[];
    }
  ).findings.find((f) => f.check === check)?.status;

const REAL_CACHE = 'D:\\MARS Scratch';
const MISSING = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch\\';

describe('point-registry on values that spell one folder two ways', () => {
  const AGENT = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent';
  // The check compares the values as written (the catalogue's path rules keep a doubled backslash), so it
  // fails; the machine opens one folder, so the fix points both at its plain spelling - never "both hold
  // OnlineBackup.KEK, move the other aside", which would move the real cache.
  for (const spelling of [`${AGENT}\\.\\Scratch`, `${AGENT}\\x\\..\\Scratch`, `${AGENT}\\\\Scratch`]) {
    it(`points both at ${AGENT}\\Scratch when the provider value is ${spelling}`, async () => {
      const dir = sandbox('cache-on-c');
      const file = join(dir, 'registry.json');
      const registry = JSON.parse(readFileSync(file, 'utf8'));
      registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider'].ScratchLocation.data = spelling;
      writeFileSync(file, JSON.stringify(registry));
      expect(await finding(dir, 'cache.registry')).toBe('fail');
      const result = await cliProcess(['fix', 'point-registry', '--sandbox', dir, '--yes']);
      expect(result.code, result.stderr).toBe(0);
      expect(values(dir)).toEqual([`${AGENT}\\Scratch`, `${AGENT}\\Scratch`]);
      expect(await finding(dir, 'cache.registry')).toBe('pass');
      expect(service(dir)).toBe('running');
    });
  }
});

describe('point-registry on a sandbox whose values are swapped', () => {
  const point = (dir: string, env: Record<string, string> = {}) => cliProcess(['fix', 'point-registry', '--sandbox', dir, '--yes'], env);

  it('points both values at the folder that holds OnlineBackup.KEK, restarts the engine, and the check passes', async () => {
    const dir = sandbox('registry-swapped');
    expect(values(dir)).toEqual([MISSING, REAL_CACHE]);
    expect(await finding(dir, 'cache.registry')).toBe('fail');
    const result = await point(dir);
    expect(result.code).toBe(0);
    expect(values(dir)).toEqual([REAL_CACHE, REAL_CACHE]);
    expect(service(dir)).toBe('running');
    expect(journal(dir)).toMatchObject({ state: 'closed', outcome: 'done', createdFolders: [], manifest: [] });
    expect(await finding(dir, 'cache.registry')).toBe('pass');
    expect(await finding(dir, 'cache.folder')).toBe('pass');
    // Again, now that both agree: nothing to do, said, exit 0, and no second journal run.
    const again = await point(dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to do: Both registry values already name /);
    expect(values(dir)).toEqual([REAL_CACHE, REAL_CACHE]);
  });

  for (const step of ACTION_STEPS['point-registry']) {
    it(`undoes the change when ${step} fails`, async () => {
      const dir = sandbox('registry-swapped');
      const result = await point(dir, { MARS_READINESS_FAILPOINT: `${step}:error` });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`The change was undone: failpoint: the step "${step}" failed on purpose`);
      expect(values(dir)).toEqual([MISSING, REAL_CACHE]);
      expect(service(dir)).toBe('running');
      expect(journal(dir)).toMatchObject({ state: 'closed', outcome: 'rolled-back' });
    });

    it(`finishes the change after a crash in ${step}`, async () => {
      const dir = sandbox('registry-swapped');
      expect((await point(dir, { MARS_READINESS_FAILPOINT: `${step}:crash` })).code).toBe(86);
      expect(journal(dir).state).not.toBe('closed');
      // Until it is dealt with, the live check says so, with the next step.
      const check = await cliProcess(['check', '--sandbox', dir, '--offline']);
      expect(check.stdout).toContain('An interrupted fix waits');
      expect(check.stdout).toContain('fix resume');
      const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
      expect(resumed.code).toBe(0);
      expect(values(dir)).toEqual([REAL_CACHE, REAL_CACHE]);
      expect(service(dir)).toBe('running');
      expect(journal(dir)).toMatchObject({ state: 'closed', outcome: 'done' });
      expect((await cliProcess(['check', '--sandbox', dir, '--offline'])).stdout).not.toContain('An interrupted fix waits');
    });
  }

  it('refuses, saying the agent must be registered again, when neither folder holds the cache', async () => {
    const dir = sandbox('registry-swapped');
    rmSync(join(dir, 'drives', 'D', 'MARS Scratch', 'OnlineBackup.KEK'));
    const result = await point(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Neither .* nor .* holds OnlineBackup\.KEK/);
    expect(result.stderr).toContain('passphrase');
    expect(values(dir)).toEqual([MISSING, REAL_CACHE]);
  });
});

describe('start-engine on a sandbox whose engine is stopped', () => {
  const start = (dir: string, env: Record<string, string> = {}) => cliProcess(['fix', 'start-engine', '--sandbox', dir, '--yes'], env);

  it('starts the engine, checks it stays running, and agent.service passes', async () => {
    const dir = sandbox('engine-stopped');
    expect(await finding(dir, 'agent.service')).toBe('warn');
    const before = readFileSync(join(dir, 'registry.json'), 'utf8');
    const result = await start(dir);
    expect(result.code).toBe(0);
    expect(service(dir)).toBe('running');
    expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(before);
    expect(await finding(dir, 'agent.service')).toBe('pass');
  });

  it('has nothing to do when the engine already runs: said, and exit 0 (a fleet script runs it everywhere)', async () => {
    const dir = sandbox('cache-on-c');
    const result = await start(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing to do: The backup engine is already running.');
    expect(service(dir)).toBe('running');
  });

  // The failpoint fires after the step's work: a failed start-service has asked the service to start.
  // Nothing else was changed, so there is nothing to put back; the registry is never touched.
  for (const step of ACTION_STEPS['start-engine']) {
    it(`reports the failure of ${step} and changes nothing else`, async () => {
      const dir = sandbox('engine-stopped');
      const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
      const result = await start(dir, { MARS_READINESS_FAILPOINT: `${step}:error` });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        `Starting the backup engine did not go as it should: failpoint: the step "${step}" failed on purpose`,
      );
      expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(registry);
      expect(journal(dir)).toMatchObject({ state: 'closed', outcome: 'rolled-back', stoppedService: false });
    });

    it(`finishes the start after a crash in ${step}`, async () => {
      const dir = sandbox('engine-stopped');
      expect((await start(dir, { MARS_READINESS_FAILPOINT: `${step}:crash` })).code).toBe(86);
      const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
      expect(resumed.code).toBe(0);
      expect(service(dir)).toBe('running');
      expect(journal(dir)).toMatchObject({ state: 'closed', outcome: 'done' });
    });
  }
});
