// Breaking every step of the cache move on a sample sandbox, both ways - an error (rolled back at once)
// and a crash (the process ends on the spot; `fix resume` then finishes or undoes the move) - and
// checking afterwards what the issue promises: the original cache byte-identical, both registry values
// equal and naming either the original or a complete, verified copy, the service running, the journal
// closed.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIX_STEP_IDS } from '../../../shared/actions/fix-plan.js';
import { cliProcess } from '../../helpers/cli.js';
import { treeHashes } from '../../helpers/tree-hashes.js';

const SAMPLE = new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url).pathname;
const ORIGINAL = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch';
const TARGET = 'D:\\MARS Cache\\données';
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mars sandbox-'));
  roots.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}
const local = (dir: string, windowsPath: string) => join(dir, 'drives', windowsPath[0]!, ...windowsPath.slice(3).split('\\'));
const scratch = (dir: string) => {
  const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
  return [
    registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'].ScratchLocation?.data,
    registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider'].ScratchLocation?.data,
  ];
};
const service = (dir: string) => JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).obengine;
const journal = (dir: string) => JSON.parse(readFileSync(join(dir, 'relocation-journal.json'), 'utf8'));
const move = (dir: string, env: Record<string, string> = {}) =>
  cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', TARGET, '--yes'], env);

async function expectSafe(dir: string, before: Awaited<ReturnType<typeof treeHashes>>) {
  expect(await treeHashes(local(dir, ORIGINAL))).toEqual(before);
  const [config, provider] = scratch(dir);
  expect(config).toBe(provider);
  if (config === TARGET) expect(await treeHashes(local(dir, TARGET))).toEqual(before);
  else {
    expect(config).toBe(ORIGINAL);
    expect(existsSync(local(dir, TARGET))).toBe(false);
  }
  expect(service(dir)).toBe('running');
  expect(journal(dir).state).toBe('closed');
  return config === TARGET ? 'done' : 'rolled back';
}

describe('the cache move on a sandbox', () => {
  it('moves the cache: copy verified, both values switched, engine running, original kept', async () => {
    const dir = sandbox();
    const before = await treeHashes(local(dir, ORIGINAL));
    const result = await move(dir);
    expect(result.code).toBe(0);
    expect(await expectSafe(dir, before)).toBe('done');
    expect(journal(dir).outcome).toBe('done');
    const check = JSON.parse((await cliProcess(['check', '--sandbox', dir, '--json'])).stdout);
    expect(check.findings.find((f: { check: string }) => f.check === 'cache.registry').status).toBe('pass');
    expect(check.findings.find((f: { check: string }) => f.check === 'cache.free-space').status).toBe('pass');
  });

  for (const step of FIX_STEP_IDS) {
    it(`rolls back when ${step} fails`, async () => {
      const dir = sandbox();
      const before = await treeHashes(local(dir, ORIGINAL));
      const result = await move(dir, { MARS_READINESS_FAILPOINT: `${step}:error` });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/The move was undone: failpoint: the step "[a-z-]+" failed on purpose/);
      expect(await expectSafe(dir, before)).toBe('rolled back');
    });

    it(`recovers from a crash in ${step}: ${['set-registry', 'start-service', 'reprobe'].includes(step) ? 'finishing' : 'undoing'} the move`, async () => {
      const dir = sandbox();
      const before = await treeHashes(local(dir, ORIGINAL));
      const crashed = await move(dir, { MARS_READINESS_FAILPOINT: `${step}:crash` });
      expect(crashed.code).toBe(86);
      expect(journal(dir).state).not.toBe('closed');
      const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
      const outcome = await expectSafe(dir, before);
      const verified = ['set-registry', 'start-service', 'reprobe'].includes(step);
      expect(outcome).toBe(verified ? 'done' : 'rolled back');
      expect(resumed.code).toBe(verified ? 0 : 1);
    });
  }

  it('finishes a move the previous version (journal version 2) left interrupted', async () => {
    const dir = sandbox();
    const before = await treeHashes(local(dir, ORIGINAL));
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'set-registry:crash' })).code).toBe(86);
    // The journal as version 2 wrote it: no action, registry changes, selection, figures or preconditions.
    const old = journal(dir);
    for (const field of ['action', 'registry', 'selectedPaths', 'figures', 'preconditions']) delete old.plan[field];
    writeFileSync(join(dir, 'relocation-journal.json'), JSON.stringify({ ...old, version: 2 }));
    const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
    expect(resumed.code).toBe(0);
    expect(await expectSafe(dir, before)).toBe('done');
  });

  it('proves the copy again before finishing after a crash, and undoes the move if it changed', async () => {
    const dir = sandbox();
    const before = await treeHashes(local(dir, ORIGINAL));
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'set-registry:crash' })).code).toBe(86);
    expect(journal(dir).verified).toBe(true);
    const damaged = join(local(dir, TARGET), before[0]!.path);
    const bytes = readFileSync(damaged);
    bytes[0]! ^= 0xff; // same size, one byte different: only a comparison of content finds it
    writeFileSync(damaged, bytes);
    const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
    expect(resumed.code).toBe(1);
    expect(resumed.stdout + resumed.stderr).toContain(
      `the copy no longer matches the original: ${before[0]!.path} differs from the original`,
    );
    // Undone; the changed file is not the original's content, so it is not deleted but named.
    expect(resumed.stdout).toMatch(/left in place, not made by this move: .*chunk|left in place, not made by this move/);
    expect(existsSync(damaged)).toBe(true);
    rmSync(local(dir, TARGET.split('\\').slice(0, 2).join('\\')), { recursive: true, force: true });
    expect(await expectSafe(dir, before)).toBe('rolled back');
  });

  it('finishes an interrupted move before starting another', async () => {
    const dir = sandbox();
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'copy:crash' })).code).toBe(86);
    // A new move never recovers by itself: it says what is pending (exit 5) and changes nothing.
    const refused = await move(dir);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(
      /An interrupted move of the cache from .* must be finished or undone first: run "mars-readiness fix resume"/,
    );
    expect((await cliProcess(['fix', 'resume', '--sandbox', dir])).code).toBe(1);
    const again = await move(dir);
    expect(again.code).toBe(0);
    expect(scratch(dir)).toEqual([TARGET, TARGET]);
  });

  it('ignores failpoints off a sandbox, and refuses a malformed one', async () => {
    const dir = sandbox();
    const bad = await move(dir, { MARS_READINESS_FAILPOINT: 'teleport:crash' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/MARS_READINESS_FAILPOINT must be <step>:<error\|crash>/);
    expect(scratch(dir)).toEqual([ORIGINAL, ORIGINAL]);
  });

  it('prints the plan as JSON with the step ids failpoints name, changing nothing', async () => {
    const dir = sandbox();
    const result = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', TARGET, '--dry-run', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).steps.map((s: { id: string }) => s.id)).toEqual([...FIX_STEP_IDS]);
    expect(existsSync(join(dir, 'relocation-journal.json'))).toBe(false);
  });

  it('refuses unsupported targets with their sentences and exit 1, changing nothing', async () => {
    const dir = sandbox();
    const cases: [string, RegExp][] = [
      ['F:\\Cache', /removable media/],
      ['G:\\Cache', /network drive/],
      ['H:\\Cache', /uses ReFS/],
      ['K:\\Cache', /locked by BitLocker/],
      ['E:\\Cache', /deduplicated/],
      ['D:\\Compressed\\Cache', /would be compressed/],
      [`${ORIGINAL}\\inner`, /inside the current cache folder/],
      ['C:\\Cache', /C: has 0 bytes free/],
    ];
    for (const [to, sentence] of cases) {
      const result = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', to, '--yes']);
      expect(result.code, to).toBe(1);
      expect(result.stderr, to).toMatch(sentence);
    }
    expect(scratch(dir)).toEqual([ORIGINAL, ORIGINAL]);
  });

  it('asks before changing anything, and needs --yes without a terminal', async () => {
    const result = await cliProcess(['fix', 'relocate-cache', '--sandbox', sandbox(), '--to', TARGET]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/add --yes/);
  });
});

describe('one fix at a time, and dry runs that change nothing', () => {
  it('refuses a second move while another process holds the lock, naming it; a dry run only says so', async () => {
    const dir = sandbox();
    const { acquireLock } = await import('../../../electron/actions/machine-lock.js');
    const lock = await acquireLock(dir, 'moving the cache');
    try {
      const refused = await move(dir);
      expect(refused.code).toBe(4);
      expect(refused.stderr).toMatch(new RegExp(`Another process \\(id ${process.pid}\\) is moving the cache on this machine`));
      const dry = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', TARGET, '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stderr).toMatch(/Note: another process .* is moving the cache/);
      expect(scratch(dir)).toEqual([ORIGINAL, ORIGINAL]);
    } finally {
      await lock.release();
    }
  });
  it('treats a lock whose owner is gone as stale', async () => {
    const dir = sandbox();
    writeFileSync(
      join(dir, 'fix.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: 'x', doing: 'moving the cache', since: '2026-01-01T00:00:00Z' }),
    );
    expect((await move(dir)).code).toBe(0);
  });
  it('with an interrupted move pending, --dry-run and --script change nothing, plan nothing and exit 5 as the run does', async () => {
    const dir = sandbox();
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'copy:crash' })).code).toBe(86);
    const journalBefore = readFileSync(join(dir, 'relocation-journal.json'), 'utf8');
    const registryBefore = readFileSync(join(dir, 'registry.json'), 'utf8');
    for (const args of [
      ['relocate-cache', '--to', 'D:\\Other', '--dry-run'],
      ['relocate-cache', '--to', 'D:\\Other', '--script'],
      ['relocate-cache', '--to', 'D:\\Other', '--dry-run', '--json'],
      // Not "nothing to do" either: the machine is halfway through a fix.
      ['start-engine', '--dry-run', '--json'],
    ]) {
      const flag = args.join(' ');
      const result = await cliProcess(['fix', ...args, '--sandbox', dir]);
      expect(result.code, flag).toBe(5);
      expect(result.stdout, flag).toBe('');
      expect(result.stderr, flag).toMatch(/An interrupted move of the cache .* must be finished or undone first/);
      expect(readFileSync(join(dir, 'relocation-journal.json'), 'utf8'), flag).toBe(journalBefore);
      expect(readFileSync(join(dir, 'registry.json'), 'utf8'), flag).toBe(registryBefore);
    }
  });
  it('reports a damaged journal with where it is, does nothing, and sets it aside only with --discard', async () => {
    const dir = sandbox();
    // A crash leaves the engine stopped; then the record is damaged: setting it aside starts the engine again.
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'copy:crash' })).code).toBe(86);
    expect(service(dir)).toBe('stopped');
    writeFileSync(join(dir, 'relocation-journal.json'), '{"version": 2, "plan": {"garbage"');
    const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
    expect(resumed.code).toBe(5);
    expect(resumed.stderr).toMatch(/relocation-journal\.json\) is damaged: it is not valid JSON\. Nothing was done\./);
    const discarded = await cliProcess(['fix', 'resume', '--sandbox', dir, '--discard', '--yes']);
    expect(discarded.code).toBe(0);
    expect(discarded.stdout).toMatch(/set aside as .*relocation-journal\.discarded-.*the backup engine was started again/);
    expect(service(dir)).toBe('running');
    // The half copy the damaged record described stays for whoever looks; a new move goes elsewhere.
    expect((await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\Other', '--yes'])).code).toBe(0);
  });
});

describe('what an attack on the move found, mended', () => {
  it('undoes the move when the command is ended by SIGTERM or SIGHUP, as it does for Ctrl+C', async () => {
    const { runFixAction } = await import('../../../electron/cli/fix.js');
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      const dir = sandbox();
      const before = await treeHashes(local(dir, ORIGINAL));
      let out = '';
      const code = await runFixAction(
        'relocate-cache',
        { sandbox: dir, to: TARGET, yes: true },
        {
          stdout: (t) => (out += t),
          // The signal arrives while the copy runs (process.emit reaches the listeners, not the process).
          stderr: (t) => void (t.includes('...  Copy the cache') && process.emit(signal)),
          interactive: false,
          env: {},
        },
      );
      expect(code, signal).toBe(1);
      expect(out, signal).toMatch(/The move was undone: the move was stopped/);
      expect(await expectSafe(dir, before), signal).toBe('rolled back');
    }
  });
  it('refuses a target below a file before anything changes, with a sentence', async () => {
    const dir = sandbox();
    writeFileSync(local(dir, 'D:\\afile'), 'hi');
    const result = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\afile\\sub', '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/D:\\afile is a file, so no folder can be made inside it/);
    expect(service(dir)).toBe('running');
  });
  it('removes what an atomic write killed halfway left in the state folder, and nothing else', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'relocation-journal.json.919151151'), '{"half":');
    writeFileSync(join(dir, 'notes.json.123'), 'not ours');
    expect((await move(dir)).code).toBe(0);
    expect(existsSync(join(dir, 'relocation-journal.json.919151151'))).toBe(false);
    expect(existsSync(join(dir, 'notes.json.123'))).toBe(true);
  });
  it('names what it leaves behind as Windows paths, foreign files one by one', async () => {
    const dir = sandbox();
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'copy:crash' })).code).toBe(86);
    writeFileSync(join(local(dir, TARGET), 'foreign.txt'), 'someone else');
    const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toContain(`left in place, not made by this move: ${TARGET}\\foreign.txt`);
    expect(resumed.stdout).not.toContain(dir);
    // Counted in the record too, for the wizard, which never reads the sentence's words.
    expect(journal(dir)).toMatchObject({ state: 'closed', outcome: 'rolled-back', leftInPlace: 1 });
  });
  it('does not restore registry values that do not name the folder the move came from', async () => {
    const dir = sandbox();
    expect((await move(dir, { MARS_READINESS_FAILPOINT: 'set-registry:crash' })).code).toBe(86);
    const edited = journal(dir);
    edited.plan.previous = { scratchLocation: 'C:\\Windows\\System32', providerScratchLocation: 'K:\\x' };
    edited.verified = false;
    writeFileSync(join(dir, 'relocation-journal.json'), JSON.stringify(edited));
    const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
    const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(
      /does not match this machine: the registry values it would restore .* do not name the folder it started from/,
    );
    expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(registry);
  });
});

describe('a sandbox whose files are not what a sandbox holds', () => {
  it('is refused with the file and the field named, exit 2, before anything runs', async () => {
    for (const [file, content, field] of [
      ['services.json', 'null', /services\.json is not what a sandbox holds/],
      [
        'registry.json',
        '{"HKLM\\\\X": {"V": {"type": "REG_SZ", "data": null}}}',
        /registry\.json is not what a sandbox holds: \/HKLM\\X\/V/,
      ],
      ['machine.json', '{"os": {}, "volumes": [{"letter": "C:"}]}', /machine\.json is not what a sandbox holds: \/volumes\/0/],
    ] as const) {
      const dir = sandbox();
      writeFileSync(join(dir, file), content);
      const result = await move(dir);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toMatch(field);
    }
  });
});

describe('links on the way to the target', () => {
  it('refuses a target whose path goes through a link, and one made a link after the plan', async () => {
    const dir = sandbox();
    symlinkSync(local(dir, 'E:\\Shares'), local(dir, 'D:\\Link'));
    const through = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\Link\\Cache', '--dry-run']);
    expect(through.code).toBe(1);
    expect(through.stderr).toMatch(/D:\\Link is a link \(a symbolic link, junction or mount point\) to somewhere else/);
    // Planned while the path was plain; a link put there before the move runs is caught by the new plan.
    const { openSandboxMachine } = await import('../../../electron/machine/sandbox/sandbox-adapter.js');
    const { runConfirmedFix, planFix } = await import('../../../electron/services/fixes.js');
    const machine = await openSandboxMachine(dir);
    const planned = await planFix(machine, { action: 'relocate-cache', to: 'D:\\Later\\Cache' });
    expect(planned.ok).toBe(true);
    symlinkSync(local(dir, 'E:\\Shares'), local(dir, 'D:\\Later'));
    await expect(runConfirmedFix(machine, planned.ok ? planned.plan : (undefined as never), null)).rejects.toThrow(/D:\\Later is a link/);
    expect(readdirSync(local(dir, 'E:\\Shares'))).toEqual(['Finance']);
    expect(scratch(dir)).toEqual([ORIGINAL, ORIGINAL]);
  });
});
