// The move's guarantees as a property: for random sequences of {move (perhaps crashed at a random file),
// tamper with the journal in a random way, resume, two processes at once, discard} on a copy of a sample
// sandbox, run through the real CLI, the original cache stays byte-identical, nothing outside the folders
// a move creates changes, and both registry values stay equal (naming the original or a complete copy).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cliProcess } from '../../helpers/cli.js';
import { treeHashes } from '../../helpers/tree-hashes.js';

const SAMPLE = fileURLToPath(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url));
const ORIGINAL = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch';
const TARGETS = ['D:\\MARS Cache', 'D:\\Deep\\New\\Cache'];
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const local = (dir: string, windowsPath: string) => join(dir, 'drives', windowsPath[0]!, ...windowsPath.slice(3).split('\\'));
const values = (dir: string) => {
  const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
  const base = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
  return [registry[base].ScratchLocation?.data, registry[`${base}\\CloudBackupProvider`].ScratchLocation?.data];
};
const journalFile = (dir: string) => join(dir, 'relocation-journal.json');

type Tamper = 'to-shares' | 'to-drive-root' | 'manifest-outside' | 'previous' | 'verified' | 'created-shares' | 'truncate' | 'garbage';
type Action =
  | { kind: 'move'; target: number; crashAt: number | null }
  | { kind: 'tamper'; how: Tamper }
  | { kind: 'resume' }
  | { kind: 'twice'; target: number }
  | { kind: 'discard' };

const TAMPER = fc.constantFrom<Tamper>(
  'to-shares',
  'to-drive-root',
  'manifest-outside',
  'previous',
  'verified',
  'created-shares',
  'truncate',
  'garbage',
);

// Tampering and resuming weigh most: they are where a journal is acted on.
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      target: fc.nat(1),
      crashAt: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('tamper' as const), how: TAMPER }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'resume' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('twice' as const), target: fc.nat(1) }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'discard' as const }), weight: 1 },
);

function tamper(dir: string, how: Tamper): void {
  if (!existsSync(journalFile(dir))) return;
  const text = readFileSync(journalFile(dir), 'utf8');
  if (how === 'truncate') return writeFileSync(journalFile(dir), text.slice(0, Math.floor(text.length / 2)));
  if (how === 'garbage') return writeFileSync(journalFile(dir), '\u0000\u0001 not a journal');
  let journal;
  try {
    journal = JSON.parse(text);
  } catch {
    return;
  }
  if (how === 'to-shares') journal.plan.to = 'E:\\Shares';
  if (how === 'to-drive-root') journal.plan.to = 'E:\\';
  // A path that climbs out of the target, written as this platform's copies write them.
  if (how === 'manifest-outside')
    journal.manifest.push({ path: ['..', '..', 'E', 'Shares', 'Finance', 'budget 2026.xlsx'].join(sep), size: 1, kind: 'file' });
  if (how === 'previous') journal.plan.previous = { scratchLocation: 'E:\\Shares', providerScratchLocation: 'E:\\Shares' };
  if (how === 'verified') journal.verified = true;
  if (how === 'created-shares') journal.createdFolders = ['E:\\Shares'];
  if (journal.state === 'closed') journal.state = 'running';
  writeFileSync(journalFile(dir), JSON.stringify(journal));
}

async function perform(dir: string, step: Action): Promise<number[]> {
  const move = (target: number, env: Record<string, string> = {}) =>
    cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', TARGETS[target]!, '--yes'], env);
  if (step.kind === 'move')
    return [(await move(step.target, step.crashAt ? { MARS_READINESS_FAILPOINT: `copy:crash:${step.crashAt}` } : {})).code];
  if (step.kind === 'twice') return (await Promise.all([move(step.target), move(1 - step.target)])).map((r) => r.code);
  if (step.kind === 'resume') return [(await cliProcess(['fix', 'resume', '--sandbox', dir])).code];
  if (step.kind === 'discard') return [(await cliProcess(['fix', 'resume', '--sandbox', dir, '--discard', '--yes'])).code];
  tamper(dir, step.how);
  return [];
}

describe('the move under random sequences of moves, crashes, tampering, resumes and second processes', () => {
  it('keeps the original, touches nothing it did not create, and keeps both values equal', async () => {
    await fc.assert(
      // Each sequence starts with a move crashed at a random file and one tampering with its journal; then
      // anything: the journal is acted on (or refused) by whatever comes next.
      fc.asyncProperty(
        fc.record({ target: fc.nat(1), crashAt: fc.integer({ min: 1, max: 8 }) }),
        TAMPER,
        fc.array(action, { minLength: 1, maxLength: 3 }),
        async (first, how, rest) => {
          const steps: Action[] = [{ kind: 'move', ...first }, { kind: 'tamper', how }, ...rest];
          const dir = mkdtempSync(join(tmpdir(), 'mars-property-'));
          roots.push(dir);
          cpSync(SAMPLE, dir, { recursive: true });
          const original = await treeHashes(local(dir, ORIGINAL));
          const shares = await treeHashes(local(dir, 'E:\\Shares'));
          const before = values(dir);
          for (const step of steps) {
            const codes = await perform(dir, step);
            // Every command ends with one of its documented statuses (86: a crash failpoint), never 3.
            for (const code of codes) expect([0, 1, 2, 4, 5, 86], JSON.stringify(step)).toContain(code);
            expect(await treeHashes(local(dir, ORIGINAL)), JSON.stringify(steps)).toEqual(original);
            expect(await treeHashes(local(dir, 'E:\\Shares')), JSON.stringify(steps)).toEqual(shares);
            const [config, provider] = values(dir);
            expect(config, JSON.stringify(steps)).toBe(provider);
            if (config !== before[0]) {
              // The values name a copy only once it is complete: it equals the original.
              expect(TARGETS).toContain(config);
              expect(await treeHashes(local(dir, config))).toEqual(original);
            }
            // Nothing appeared on D: but the folders the moves make.
            const onD = readdirSync(join(dir, 'drives', 'D')).filter((name) => name !== '.keep');
            for (const name of onD) expect(['MARS Cache', 'Deep'], JSON.stringify(steps)).toContain(name);
          }
        },
      ),
      { numRuns: 30, interruptAfterTimeLimit: 150_000 },
    );
  }, 200_000);
});
