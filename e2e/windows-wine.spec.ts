// The Windows end-to-end tier: the wizard's server run by the Windows build of Node under Wine, over the
// Windows adapter of a fresh Wine machine - Wine's registry through reg.exe and native-reg, a real
// obengine service through Wine's sc.exe - driven by Playwright in Debian's Chromium. Only the UAC launch
// is injected (the helper starts as a plain child process) and, in the helper, Wine's stub robocopy is
// replaced by Node's copy. Walks Welcome -> What to back up -> Scan -> Results -> Fix -> move -> verified;
// then a Stop halfway that puts everything back; then a crash of the helper and a recovery the user
// confirms. Skipped, with the reason printed, only where wine64 can be neither found nor installed.
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWineMachine, DIST_URL, MARS_KEY, ROOT, WINE, wineMissing, z, type WineMachine } from '../tests/wine/wine-prefix.js';
import { expectAccessible, shot } from './helpers.js';

const missing = wineMissing();
if (missing) console.log(`SKIPPED the Windows end-to-end tier: ${missing}.`);

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const CACHE = 'C:\\Scratch';
/** Enough files that the helper's (slowed) copy runs for seconds: time for a Stop or a crash to land. */
const FILES = Object.fromEntries(Array.from({ length: 240 }, (_, i) => [`Recovery Points\\chunk ${i}.bin`, `${i}`.repeat(2000)]));
FILES['OnlineBackup.KEK'] = 'key';

let machine: WineMachine;
let server: ChildProcess;
let url = '';

const config = () => readRegistry('Config');
/** What a Windows program of the Wine machine prints, read from a file (Wine's console tools fail on a pipe). */
function windowsOutput(args: string[]): string {
  const out = join(machine.prefix, 'tool-out.txt');
  const fd = openSync(out, 'w');
  try {
    spawnSync(WINE, args, { env: machine.env, stdio: ['ignore', fd, 'ignore'], timeout: 60_000 });
  } finally {
    closeSync(fd);
  }
  return readFileSync(out, 'latin1');
}
function readRegistry(key: 'Config' | 'Config\\CloudBackupProvider'): string {
  return (
    /REG_SZ\s+(.*)/.exec(windowsOutput(['reg', 'query', `${MARS_KEY}\\${key}`, '/v', 'ScratchLocation', '/reg:64']))?.[1]?.trim() ?? ''
  );
}
const serviceState = () => /STATE\s+:\s+\d\s+(\w+)/.exec(windowsOutput(['sc', 'query', 'obengine']))?.[1] ?? '';
/** The two values disagree, so the results offer the guided move (which mends them). */
const disagree = () => machine.seedScratch(CACHE, 'C:\\Old Scratch');
const filesUnder = (windowsPath: string) =>
  existsSync(machine.onC(windowsPath)) ? readdirSync(machine.onC(windowsPath), { recursive: true }).length : 0;

/** Kills (SIGKILL) every process whose command line matches, read from /proc; returns how many. */
function killProcesses(pattern: RegExp): number {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const cmdline = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    })();
    if (pattern.test(cmdline)) {
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    }
  }
  return killed;
}

test.beforeAll(async () => {
  test.skip(missing !== null, missing ?? '');
  machine = createWineMachine();
  machine.seedRegistry('InstallPath', 'REG_SZ', 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\', `${MARS_KEY}\\Setup`);
  machine.seedRegistry('Release', 'REG_DWORD', '528040', 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full');
  disagree();
  machine.writeFiles(CACHE, FILES);
  machine.startEngineService();
  const urlFile = join(machine.prefix, 'wizard-url.txt');
  const args = [
    machine.nodeExe,
    z(join(ROOT, 'tests', 'wine', 'web-under-wine.mjs')),
    z(urlFile),
    DIST_URL,
    z(join(ROOT, 'out', 'renderer')),
    z(join(ROOT, 'tests', 'wine', 'helper-under-wine.mjs')),
  ];
  // Windows Node under Wine writes to a file, not a pipe: its output is not read.
  server = spawn(WINE, args, { env: machine.env, stdio: 'ignore' });
  for (let i = 0; i < 240 && !existsSync(urlFile); i++) await new Promise((resolve) => setTimeout(resolve, 500));
  url = readFileSync(urlFile, 'utf8').trim();
});

test.afterAll(() => {
  server?.kill('SIGKILL');
  machine?.dispose();
});

async function toFixPage(page: Page, to: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel("Test the connection to Microsoft's addresses").uncheck();
  await page.getByRole('button', { name: 'Scan this machine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 180_000 });
  const card = page.locator('.MuiAccordion-root', { hasText: 'The two cache registry values disagree' });
  await card.getByRole('button', { name: 'Fix this' }).click();
  await page.getByRole('textbox', { name: 'Move the cache to' }).fill(to);
  await page.getByRole('button', { name: 'Check this folder' }).click();
  await expect(page.getByRole('list', { name: 'Steps of the move' }).getByRole('listitem')).toHaveCount(6, { timeout: 120_000 });
}

test('moves the cache of a Windows machine through the elevated helper, and shows it verified', async ({ page }) => {
  await toFixPage(page, 'C:\\MARS Cache');
  await expect(page.getByText(/This acts on this machine/)).toBeVisible();
  await expectAccessible(page, 'windows fix with its plan');
  await shot(page, 'windows-1-plan');
  await page.getByRole('button', { name: 'Move the cache to C:\\MARS Cache' }).click();
  await expect(page.getByText(/The cache now lives in C:\\MARS Cache/)).toBeVisible({ timeout: 180_000 });
  await expect(page.getByText('6. Check the result - Done')).toBeVisible();
  await shot(page, 'windows-2-moved');
  expect(config()).toBe('C:\\MARS Cache');
  expect(readRegistry('Config\\CloudBackupProvider')).toBe('C:\\MARS Cache');
  expect(serviceState()).toBe('RUNNING');
  expect(readFileSync(machine.onC('C:\\MARS Cache\\OnlineBackup.KEK'), 'utf8')).toBe('key');
  await page.getByRole('button', { name: 'Back to the results' }).click();
  await expect(page.locator('.MuiAccordion-root', { hasText: 'Both cache registry values agree' })).toBeVisible();
});

test('a Stop halfway through the copy puts everything back', async ({ page }) => {
  disagree();
  await toFixPage(page, 'C:\\Stopped Cache');
  await page.getByRole('button', { name: 'Move the cache to C:\\Stopped Cache' }).click();
  await expect(page.getByLabel('Copy progress')).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop and put everything back' }).click();
  await expect(page.getByText(/The move did not complete \(the move was stopped/)).toBeVisible({ timeout: 180_000 });
  await shot(page, 'windows-3-stopped');
  expect(config()).toBe(CACHE);
  expect(readRegistry('Config\\CloudBackupProvider')).toBe('C:\\Old Scratch');
  expect(serviceState()).toBe('RUNNING');
  expect(existsSync(machine.onC('C:\\Stopped Cache'))).toBe(false);
});

test('a crash of the helper is recovered when the user confirms it', async ({ page }) => {
  disagree();
  await toFixPage(page, 'C:\\Crashed Cache');
  await page.getByRole('button', { name: 'Move the cache to C:\\Crashed Cache' }).click();
  await expect(page.getByLabel('Copy progress')).toBeVisible({ timeout: 120_000 });
  // The helper dies on the spot, as with a power cut of its process.
  const helpers = killProcesses(/helper-under-wine\.mjs.*--fix-helper/);
  expect(helpers).toBeGreaterThan(0);
  await expect(page.getByRole('alert').filter({ hasText: 'stopped before it said how the move ended' })).toBeVisible({ timeout: 60_000 });
  expect(filesUnder('C:\\Crashed Cache')).toBeGreaterThan(0);
  // The wizard does not act on its own: the next start says what is pending, and the user confirms.
  await page.goto(url);
  const banner = page.getByRole('alert').filter({ hasText: 'An interrupted move of the cache' });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await shot(page, 'windows-4-pending');
  await banner.getByRole('button', { name: 'Deal with the interrupted move…' }).click();
  await page.getByRole('button', { name: 'Finish or undo it now' }).click();
  await expect(page.getByText(/The interrupted move was undone/)).toBeVisible({ timeout: 180_000 });
  await shot(page, 'windows-5-recovered');
  expect(config()).toBe(CACHE);
  expect(serviceState()).toBe('RUNNING');
  expect(existsSync(machine.onC('C:\\Crashed Cache'))).toBe(false);
});
