// `mars-readiness doctor`: the check's report with the backup history first, opening with why the last
// backup failed; `--history-days`; and the probing options refused, by name, beside --profile.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInProcess, flat } from '../../helpers/cli.js';
import { SAMPLES } from '../../helpers/profiles.js';

const samplePath = (name: string) => fileURLToPath(new URL(`${name}.json`, SAMPLES));
const FAILED = fileURLToPath(new URL('../../../samples/sandboxes/last-backup-failed/', import.meta.url));
const sandboxCopy = () => {
  const target = mkdtempSync(join(tmpdir(), 'mars-doctor-'));
  cpSync(FAILED, target, { recursive: true });
  return target;
};

describe('doctor', () => {
  it('opens with the failed backup, its date and cause, before any finding, and lists history first', async () => {
    const result = await cliInProcess(['doctor', '--sandbox', sandboxCopy(), '--offline']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const headline = lines.findIndex((l) => l.startsWith('The last backup failed on '));
    const firstFinding = lines.findIndex((l) => /^ {2}(FAIL|WARN|PASS|INFO|UNKNOWN) /.test(l));
    expect(headline).toBeGreaterThan(0);
    expect(headline).toBeLessThan(firstFinding);
    expect(flat(lines.slice(headline, headline + 2).join(' '))).toMatch(/the volume holding the cache folder is too full/);
    expect(result.stdout).toMatch(/SalLowDiskSpace \(seen twice\)/);
    expect(flat(result.stdout)).toMatch(/0x80070070 \(seen twice\): Windows error 112: there is not enough space on the disk/);
    expect(flat(result.stdout)).toMatch(/mars-readiness fix relocate-cache --to <folder>/);
    // The doctor's order: the history area comes first among the areas (after the diagnosis and Do this first).
    expect(lines.indexOf('Do this first')).toBeGreaterThan(headline);
    const areas = lines.filter((l) => /^[A-Z][a-z]/.test(l) && !/^(The |MARS|Support|Do this first$)/.test(l));
    expect(areas[0]).toBe('Backup history');
    expect(lines.filter((l) => l.length > 80 && !/^https:\/\/\S+$/.test(l))).toEqual([]);
  });

  it('prints the report with its diagnosis as JSON, and nothing else', async () => {
    const result = await cliInProcess(['doctor', '--sandbox', sandboxCopy(), '--offline', '--json']);
    const json = JSON.parse(result.stdout);
    expect(json.verdict).toBe('not-ready');
    expect(json.diagnosis).toMatchObject({ outcome: 'failed', at: '2026-12-01T02:41:17.5532109Z', windowDays: 14 });
    expect(json.diagnosis.codes.map((c: { code: string }) => c.code)).toEqual(['SalLowDiskSpace', '0x80070002', '0x80070070']);
  });

  it("keeps the diagnosis language-neutral: each known code's meaning and cause also as message ids, the same in every language", async () => {
    const dir = sandboxCopy();
    const [en, de] = await Promise.all(
      ['en', 'de'].map(async (lang) =>
        JSON.parse((await cliInProcess(['doctor', '--sandbox', dir, '--offline', '--json', '--lang', lang])).stdout),
      ),
    );
    const known = en.diagnosis.codes.find((c: { code: string }) => c.code === 'SalLowDiskSpace');
    expect(known.messages).toEqual({
      meaning: expect.objectContaining({ id: expect.stringMatching(/^history\.errorCode\./) }),
      cause: expect.objectContaining({ id: expect.stringMatching(/^history\.errorCode\./) }),
    });
    expect(de.diagnosis.codes.map((c: { messages: unknown }) => c.messages)).toEqual(
      en.diagnosis.codes.map((c: { messages: unknown }) => c.messages),
    );
    // The words are the run's language; the ids say them again in any.
    expect(de.diagnosis.codes[0].cause).not.toBe(en.diagnosis.codes[0].cause);
    // A code this tool cannot explain has none.
    expect(en.diagnosis.codes.find((c: { known: boolean }) => !c.known)?.messages ?? null).toBeNull();
  });

  it('has no diagnosis for a machine whose last backup went well, or whose history is unknown', async () => {
    const healthy = JSON.parse((await cliInProcess(['doctor', '--profile', samplePath('healthy-server'), '--json'])).stdout);
    expect(healthy.diagnosis).toBeNull();
    const text = (await cliInProcess(['doctor', '--profile', samplePath('healthy-server')])).stdout;
    expect(text).not.toMatch(/The last backup/);
  });

  it('reads a saved profile whose history shows a failure', async () => {
    const result = await cliInProcess(['doctor', '--profile', samplePath('v2-last-backup-failed')]);
    expect(result.stdout).toMatch(/^The last (scheduled )?backup (failed|did not start) on /m);
  });
});

describe('--history-days', () => {
  it('sets the window the history is read in', async () => {
    const result = await cliInProcess(['collect', '--sandbox', sandboxCopy(), '--offline', '--history-days', '1']);
    const profile = JSON.parse(result.stdout);
    expect(profile.history.windowDays).toBe(1);
    // One day back from 1 Dec 07:45: only last night's job.
    expect(profile.history.events.map((e: { id: number }) => e.id)).toEqual([1, 11]);
  });

  it('refuses what is not a whole number of days, naming it', async () => {
    for (const bad of ['0', '-3', '1.5', 'two', '', '99999']) {
      const result = await cliInProcess(['collect', '--offline', '--history-days', bad]);
      expect(result.code).toBe(2);
      expect(flat(result.stderr)).toMatch(/give a whole number of days from 1 to 3650/);
      for (const line of result.stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
      expect(result.stdout).toBe('');
    }
  });
});

describe('probing options beside --profile', () => {
  it('are refused by name (none silently ignored)', async () => {
    for (const [flags, named] of [
      [['--select', 'D:\\Data'], '--select'],
      [['--system-state'], '--system-state'],
      [['--history-days', '3'], '--history-days'],
      [['--offline', '--cache', 'D:\\x'], '--cache and --offline'],
    ] as const) {
      const result = await cliInProcess(['check', '--profile', samplePath('healthy-server'), ...flags]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(named);
      expect(flat(result.stderr)).toMatch(/with --profile nothing is probed/);
      expect(result.stdout).toBe('');
    }
  });
});
