// The Wine tier: the project's built win32 code run for real by the Windows build of Node under Wine,
// against Wine's reg.exe, sc.exe and wmic, on a fresh Wine prefix with the MARS registry values seeded.
// Skipped, with the reason printed, only where wine64 can be neither found nor installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWineMachine, DIST_URL, MARS_KEY, ROOT, WINE, wineMissing, z, type WineMachine } from './wine-prefix.js';

const missing = wineMissing();
if (missing) console.log(`SKIPPED the Wine tier: ${missing}.`);

let machine: WineMachine | null = null;
let results: Record<string, any> = {};
/** What each run of the cache move saw: its exit status and, when it finished, what it wrote. */
const moves: Record<string, { code: number; out: Record<string, any> | null }> = {};
const ORIGINAL_FILES: Record<string, string> = {
  'Recovery Points\\chunk 1.bin': 'x'.repeat(70_000),
  'Recovery Points\\données été.dat': 'é'.repeat(1_000),
  'metadata.xml': '<cache/>',
};
const CACHE_BYTES = Object.values(ORIGINAL_FILES).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const TARGET = 'C:\\MARS Cache\\données été';
const onC = (windowsPath: string) => machine!.onC(windowsPath);

beforeAll(() => {
  if (missing) return;
  machine = createWineMachine();
  const { env, nodeExe, seedRegistry } = machine;
  // The agent's keys, with the spaces of their real paths, and a REG_EXPAND_SZ value.
  const seedScratch = () => machine!.seedScratch('C:\\Scratch');
  seedRegistry('InstallPath', 'REG_SZ', 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\', `${MARS_KEY}\\Setup`);
  seedRegistry('LogPath', 'REG_EXPAND_SZ', '%ProgramData%\\MARS Logs', `${MARS_KEY}\\Setup`);
  seedScratch();
  seedRegistry('Release', 'REG_DWORD', '528040', 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full');
  machine.writeFiles('C:\\Scratch', ORIGINAL_FILES);

  /** Runs one phase of under-wine.mjs in Windows Node; its stdout must be a file, not a pipe, so it is ignored. */
  const underWine = (phase: string, extraEnv: Record<string, string> = {}) => {
    const resultFile = join(prefix, `results-${phase}.json`);
    rmSync(resultFile, { force: true });
    const args = [nodeExe, z(join(ROOT, 'tests', 'wine', 'under-wine.mjs')), z(resultFile), distUrl, phase];
    const run = spawnSync(WINE, args, { env: { ...env, MARS_WINE_TARGET: TARGET, ...extraEnv }, stdio: 'ignore', timeout: 180_000 });
    return { code: run.status ?? -1, out: existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null };
  };
  const distUrl = DIST_URL;
  const prefix = machine.prefix;
  results = underWine('probes').out ?? {};

  // The volume probe once more, without wmic (as on Windows 11 24H2).
  const wmic = join(prefix, 'drive_c', 'windows', 'system32', 'wbem', 'wmic.exe');
  renameSync(wmic, `${wmic}.away`);
  results.withoutWmic = underWine('volumes').out?.machineFacts;
  renameSync(`${wmic}.away`, wmic);

  // A real obengine service for the moves (see wine-prefix.ts).
  machine.startEngineService();

  // The cache move, broken by a crash once the copy is verified, then resumed: finished.
  moves.crashAfterVerify = underWine('move', { MARS_READINESS_FAILPOINT: 'set-registry:crash' });
  moves.resumeForward = underWine('resume');
  moves.movedTree = { code: 0, out: { files: treeOf(onC(TARGET)) } };
  // Back to the start; then a crash halfway through the copy, resumed: undone.
  seedScratch();
  rmSync(onC('C:\\MARS Cache'), { recursive: true, force: true });
  moves.crashInCopy = underWine('move', { MARS_READINESS_FAILPOINT: 'copy:crash' });
  moves.resumeBack = underWine('resume');
  moves.afterResumeBack = { code: 0, out: { targetExists: existsSync(onC(TARGET)) } };
  // Wine's own robocopy as the copy: it fails, and the move must be undone on the spot.
  moves.robocopy = underWine('robocopy');
  moves.afterRobocopy = { code: 0, out: { targetExists: existsSync(onC(TARGET)), original: treeOf(onC('C:\\Scratch')) } };
}, 600_000);

/** Every file under a folder, by relative path with backslashes, and its content. */
function treeOf(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => [relative(dir, join(e.parentPath, e.name)).split('/').join('\\'), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

afterAll(() => machine?.dispose());

describe.skipIf(missing !== null)('the win32 code under Wine', () => {
  it('runs as win32', () => expect(results.platform).toBe('win32'));
  it('reads a key whose path has spaces, REG_SZ and REG_EXPAND_SZ as written', () => {
    expect(results.setupKey).toEqual({
      status: 'ok',
      values: {
        installpath: { type: 'REG_SZ', data: 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\' },
        logpath: { type: 'REG_EXPAND_SZ', data: '%ProgramData%\\MARS Logs' },
      },
    });
  });
  it('tells a missing key', () => expect(results.missingKey).toEqual({ status: 'missing' }));
  it("starts in the policy value's language once it is written, --lang still first, and in the display language without it", () => {
    const { before, added, withPolicy, withFlag, lockedBy, notSpoken, aList, clis, unlocked, after } = results.language;
    expect(added).toBe(0);
    expect(before.source).not.toBe('policy');
    expect(withPolicy).toEqual({ language: 'ja', source: 'policy' });
    expect(withFlag).toEqual({ language: 'de', source: 'flag' });
    // A wizard started with --lang still has its menu locked by the policy.
    expect([lockedBy, unlocked]).toEqual(['ja', null]);
    // Values of no use are passed over, and what was passed over is told (reg.exe wrote them as Group Policy would).
    expect(notSpoken).toEqual({ ...before, ignoredPolicy: { data: 'ko-KR', type: 'REG_SZ' } });
    expect(aList).toEqual({ ...before, ignoredPolicy: { data: 'de-DE\\0fr-FR', type: 'REG_MULTI_SZ' } });
    // The CLI says so on stderr, but not to intune-detection, whose stderr must stay empty.
    expect(clis.noted.stderr).toContain('note: The policy value Language under HKLM\\SOFTWARE\\Policies\\MarsReadiness is “ko-KR”');
    expect(clis.quiet).toEqual({ code: 0, stderr: '' });
    // Its control characters shown as U+FFFD, never written to the terminal; JSON on stdout untouched.
    expect(clis.controls.json).toBe(true);
    expect(clis.controls.stderr).toContain('“de\uFFFD[31m ”');
    expect(after).toEqual(before);
  });
  it('reads the OS and the seeded .NET release from the registry', () => {
    expect(results.os).toMatchObject({ family: 'windows', version: expect.stringMatching(/^\d+\.\d+(\.\d+)?$/), architecture: 'x64' });
    expect(results.software).toMatchObject({ dotnetRelease: 528040 });
  });
  it('reads the agent: installed, both scratch locations; the service as unknown (Wine cannot host obengine)', () => {
    expect(results.agent.agent).toMatchObject({
      installed: true,
      installPath: 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\',
      scratchLocation: 'C:\\Scratch',
      providerScratchLocation: 'C:\\Scratch',
    });
    // Windows' sc.exe exits 1060 for a missing service; Wine's exits 1 and prints nothing: unknown, with a reason.
    expect(results.missingService).toEqual({ state: 'unknown', reason: 'sc query obengine gave no state (exit 1, printing nothing)' });
  });
  it("lists Wine's drives through wmic's table form when PowerShell answers nothing, saying what wmic cannot tell", () => {
    // Wine's powershell.exe answers nothing and its wmic knows neither /format:csv nor the Access and
    // ProviderName columns: the probe falls back to the table form with the columns it has, and says so.
    const reasons = results.machineFacts.notes.map((n: { reason: string }) => n.reason).join(' ');
    expect(results.machineFacts.volumes).toContainEqual(
      expect.objectContaining({ id: 'C:', driveType: 'fixed', fileSystem: 'NTFS', online: true, readOnly: null, bitlocker: 'unknown' }),
    );
    expect(results.machineFacts.volumes.find((v: { id: string }) => v.id === 'C:').freeBytes).toBeGreaterThan(0);
    expect(reasons).toMatch(/PowerShell/);
    expect(reasons).toMatch(/whether a volume is read-only, and network paths were not read/);
  });
  it('gives no volumes, with reasons, once wmic is taken away too', () => {
    expect(results.withoutWmic.volumes).toBeNull();
    expect(results.withoutWmic.notes.map((n: { reason: string }) => n.reason).join(' ')).toMatch(/wmic could not list the volumes either/);
  });
  it('describes the cache folder the registry names: there, on C:, its size counted by the scanner, attributes unknown with a reason', () => {
    expect(results.collect.cache).toEqual({ path: 'C:\\Scratch', exists: true, volume: 'C:', sizeBytes: CACHE_BYTES, attributes: null });
    expect(results.collect.notes).toContainEqual({
      field: '/cache/attributes',
      reason: expect.stringMatching(/PowerShell, which reads them, did not answer/),
    });
  });
  it("scans a selected folder: Wine's PowerShell lists nothing, so the folder is walked and the note says what was not seen", () => {
    expect(results.collect.selection.items).toEqual([
      expect.objectContaining({ path: 'C:\\Scratch', volume: 'C:', sizeBytes: CACHE_BYTES, fileCount: Object.keys(ORIGINAL_FILES).length }),
    ]);
    expect(results.collect.notes).toContainEqual({
      field: '/selection/items/0/skipped',
      reason: expect.stringMatching(/cloud placeholders were not looked for.*PowerShell stopped before it had listed C:\\Scratch/),
    });
  });
  it('writes both ScratchLocation values with quotes, ampersands and non-ASCII intact, reads them back, and deletes one', () => {
    const { target, written, restored } = results.relocationWrite;
    expect(written).toEqual({ scratchLocation: target, providerScratchLocation: target });
    expect(restored).toEqual({ scratchLocation: 'C:\\Scratch', providerScratchLocation: null });
  });
});

describe.skipIf(missing !== null)(
  "the cache move under Wine: Wine's registry, a real obengine service under Wine's sc.exe, and (but for one run) Node's copy",
  () => {
    const bothNameTheTarget = { scratchLocation: TARGET, providerScratchLocation: TARGET };
    const bothNameTheOriginal = { scratchLocation: 'C:\\Scratch', providerScratchLocation: 'C:\\Scratch' };
    it('plans the move from the real probes of the Wine machine', () => {
      expect(moves.robocopy?.out?.plan).toEqual({ from: 'C:\\Scratch', to: TARGET, neededBytes: CACHE_BYTES });
    });
    it('crashes on purpose once the copy is verified, leaving the journal open', () => {
      expect(moves.crashAfterVerify?.code).toBe(86);
      expect(moves.crashAfterVerify?.out).toBeNull();
    });
    it('resumes by finishing the move: both values name the copy, read back through the registry, the engine runs', () => {
      expect(moves.resumeForward?.out).toMatchObject({
        result: { outcome: 'done', error: null, journal: 'closed' },
        service: 'running',
        scratch: bothNameTheTarget,
      });
      expect(moves.movedTree?.out?.files).toEqual(ORIGINAL_FILES);
    });
    it('undoes a move that crashed halfway through its copy: values as before, copy removed, engine running', () => {
      expect(moves.crashInCopy?.code).toBe(86);
      expect(moves.resumeBack?.out).toMatchObject({
        result: { outcome: 'rolled-back', journal: 'closed' },
        service: 'running',
        scratch: bothNameTheOriginal,
      });
      expect(moves.afterResumeBack?.out?.targetExists).toBe(false);
    });
    it("undoes the move at once when Wine's robocopy (a stub) fails, and says what failed", () => {
      expect(moves.robocopy?.code).toBe(0);
      expect(moves.robocopy?.out).toMatchObject({
        result: {
          outcome: 'rolled-back',
          error: expect.stringMatching(/^robocopy could not copy the cache \(exit 16: a fatal error/),
          journal: 'closed',
        },
        service: 'running',
        scratch: bothNameTheOriginal,
      });
      expect(moves.robocopy?.out?.steps).toEqual(expect.arrayContaining(['copy:failed', 'rollback:undone']));
      expect(moves.afterRobocopy?.out).toEqual({ targetExists: false, original: ORIGINAL_FILES });
    });
  },
);
