// The Windows end-to-end tier: the wizard's server run by the Windows build of Node under Wine, over the
// Windows adapter of a fresh Wine machine - Wine's registry through reg.exe and native-reg, a real
// obengine service through Wine's sc.exe, the cache's files on the prefix's C: drive - driven by Playwright
// in Debian's Chromium. Only the UAC launch is injected (the helper starts as a plain child process) and,
// in the helper, Wine's stub robocopy is replaced by Node's copy, slowed per file (helper-under-wine.mjs).
// The fixes of issue 13, each confirmed with its numbers (Wine cannot tell whether a backup runs - its
// wevtutil is a stub - so every plan carries that caution and its box must be ticked): both registry values
// pointed at the folder that holds the cache; the move, reached from the Results page's own button (no
// Wine volume lacks space), followed with its time left; a Stop halfway that puts everything back, then a
// Retry; a target inside the selection refused; and a crash of the helper mid-copy, recovered only once the
// user confirms. Each asserts on the machine itself: the registry read back with Windows' own reg.exe, the
// service with sc.exe, the folders on C:. Skipped, with the reason printed, only where wine64 can be
// neither found nor installed.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../shared/i18n/translate.js';
import { createWineMachine, DIST_URL, MARS_KEY, ROOT, WINE, wineMissing, z, type WineMachine } from '../tests/wine/wine-prefix.js';
import { expectAccessible, shot } from './helpers.js';

const missing = wineMissing();
if (missing) console.log(`SKIPPED the Windows end-to-end tier: ${missing}.`);

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const CACHE = 'C:\\Scratch';
/** A folder the Config value names in the first test: it does not exist. */
const GONE = 'C:\\Old Scratch';
const CONFIG = `${MARS_KEY}\\Config`;
const PROVIDER = `${CONFIG}\\CloudBackupProvider`;
/** Enough files that the helper's (slowed) copy runs for seconds: time for a rate, a Stop or a crash to land. */
const FILES = Object.fromEntries(Array.from({ length: 240 }, (_, i) => [`Recovery Points\\chunk ${i}.bin`, `${i}`.repeat(2000)]));
FILES['OnlineBackup.KEK'] = 'key';
const CACHE_FILES = Object.keys(FILES).length;
const CACHE_BYTES = Object.values(FILES).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const CAUTIONS = 'I have read what will change and what was not checked';

let machine: WineMachine;
let server: ChildProcess;
let url = '';

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
function readRegistry(key: string): string {
  return /REG_SZ\s+(.*)/.exec(windowsOutput(['reg', 'query', key, '/v', 'ScratchLocation', '/reg:64']))?.[1]?.trim() ?? '';
}
/** Both ScratchLocation values, as Windows' reg.exe reads them back. */
const registry = () => ({ config: readRegistry(CONFIG), provider: readRegistry(PROVIDER) });
const serviceState = () => /STATE\s+:\s+\d\s+(\w+)/.exec(windowsOutput(['sc', 'query', 'obengine']))?.[1] ?? '';
const filesUnder = (windowsPath: string) =>
  existsSync(machine.onC(windowsPath)) ? readdirSync(machine.onC(windowsPath), { recursive: true }).length : 0;
/** The machine as each test starts from: both values name the cache, the engine runs, no earlier target left. */
function reset(...targets: string[]) {
  machine.seedScratch(CACHE);
  for (const target of targets) rmSync(machine.onC(target), { recursive: true, force: true });
  if (serviceState() !== 'RUNNING') machine.wine(['sc', 'start', 'obengine']);
}

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
  test.setTimeout(300_000);
  machine = createWineMachine();
  machine.seedRegistry('InstallPath', 'REG_SZ', 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\', `${MARS_KEY}\\Setup`);
  machine.seedRegistry('Release', 'REG_DWORD', '528040', 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full');
  machine.writeFiles(CACHE, FILES);
  machine.writeFiles('C:\\Data', { 'report.txt': 'data to back up' });
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

/** A finding card by its title (a card, not the folded line of passed checks around it). */
const finding = (page: Page, title: string) => page.locator('.MuiAccordion-root:not(:has(.MuiAccordion-root))', { hasText: title });

/** A passed finding's card: the area's passed checks are one line until opened. */
async function passedFinding(page: Page, area: string, title: string) {
  const fold = page.getByRole('region', { name: area }).getByRole('button', { name: /checks? passed$/ });
  if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
  return finding(page, title);
}

/** Welcome -> What to back up (with these folders) -> Scan -> Results, without the network test. */
async function toResults(page: Page, select: string[] = []) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start' }).click();
  for (const folder of select) {
    await page.getByRole('textbox', { name: 'Folder to back up' }).fill(folder);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Selected folders' })).toContainText(folder);
  }
  await page.getByLabel("Test the connection to Microsoft's addresses").uncheck();
  await page.getByRole('button', { name: 'Scan this machine' }).click();
  const results = page.getByRole('heading', { level: 1, name: 'Results' });
  // Now and then Wine fails to start one of the probes' programs (CreateProcess: libuv's "spawn UNKNOWN",
  // which Node throws rather than reports, so the whole scan fails): that one failure is scanned again, said.
  const wineSpawn = page.getByRole('alert').filter({ hasText: /spawn UNKNOWN/ });
  await expect(results.or(wineSpawn)).toBeVisible({ timeout: 120_000 });
  if (await wineSpawn.isVisible()) {
    console.log(`The scan failed under Wine (${await wineSpawn.innerText()}): scanning once more.`);
    await page.getByRole('button', { name: 'Back to the selection' }).click();
    await page.getByRole('button', { name: 'Scan this machine' }).click();
    await expect(results).toBeVisible({ timeout: 120_000 });
  }
}

/** Results -> "Move the cache folder to another volume…" (no finding offers the move here) -> the target checked. */
async function checkTarget(page: Page, to: string) {
  await page.getByRole('button', { name: 'Move the cache folder to another volume…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fix' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Move the cache to' }).fill(to);
  await page.getByRole('button', { name: 'Check this folder' }).click();
}

/** Up to the move's confirmation, the box about the cautions ticked; the button that starts it, not pressed. */
async function toMoveConfirmation(page: Page, to: string) {
  await toResults(page);
  await checkTarget(page, to);
  await expect(page.getByRole('heading', { level: 2, name: `Move the cache from ${CACHE} to ${to}` })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('checkbox', { name: CAUTIONS }).check();
  return page.getByRole('button', { name: `Move the cache to ${to} now` });
}

/**
 * Confirms the move and waits until its copy is under way; returns the line that counts what is copied.
 * Now and then Wine fails to start a program (libuv's "spawn UNKNOWN"): the helper, or a tool it runs
 * before the copy. The fix then says so, having changed nothing, and offers Retry: retried once, said.
 */
async function startCopy(page: Page, confirm: Locator, to: string): Promise<Locator> {
  const copied = page.getByText(/^Copied [\d,]+ of /);
  const wineSpawn = page.getByText(/spawn UNKNOWN/);
  await confirm.click();
  await expect(copied.or(wineSpawn).first()).toBeVisible({ timeout: 120_000 });
  if (await copied.isVisible()) return copied;
  console.log(`The move could not start under Wine (${await wineSpawn.first().innerText()}): confirming it once more.`);
  expect(existsSync(machine.onC(to)), 'nothing was copied before the start failed').toBe(false);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Move the cache from ${CACHE} to ${to}` })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('checkbox', { name: CAUTIONS }).check();
  await page.getByRole('button', { name: `Move the cache to ${to} now` }).click();
  await expect(copied).toBeVisible({ timeout: 120_000 });
  return copied;
}

test('the two values disagree: both are pointed at the folder that holds the cache, read back with reg.exe', async ({ page }) => {
  // As the sandbox registry-swapped: Config names a folder that is not there, the provider value the real cache.
  reset();
  machine.seedScratch(GONE, CACHE);
  await toResults(page);
  const card = finding(page, 'The two cache registry values disagree');
  await card.getByRole('button', { name: 'Fix this' }).click();
  // Nothing to choose: planned at once, from the folder that holds OnlineBackup.KEK.
  await expect(page.getByRole('heading', { level: 2, name: `Point both cache registry values at ${CACHE}` })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByRole('textbox', { name: 'Move the cache to' })).toHaveCount(0);
  const changes = page.getByRole('list', { name: 'What changes' });
  await expect(changes).toContainText(`Registry: ${CONFIG}\\ScratchLocation: ${GONE} -> ${CACHE}`);
  await expect(page.getByText('The folder both values will name holds the cache (its OnlineBackup.KEK file).')).toBeVisible();
  await expect(page.getByText('Not checked: Whether a backup is running now could not be told')).toBeVisible();
  const confirm = page.getByRole('button', { name: `Point both values at ${CACHE}` });
  await expect(confirm).toBeDisabled();
  expect(registry()).toEqual({ config: GONE, provider: CACHE });
  await page.getByRole('checkbox', { name: CAUTIONS }).check();
  await expectAccessible(page, 'windows point-registry confirmation');
  await shot(page, 'windows-1-point-registry-confirm');

  await confirm.click();
  await expect(page.getByText(`Both cache registry values now name ${CACHE}; the finding`)).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('list', { name: 'Findings this fix fixed' })).toContainText(
    'The two cache registry values disagree: now passes (Both cache registry values agree)',
  );
  expect(registry()).toEqual({ config: CACHE, provider: CACHE });
  expect(serviceState()).toBe('RUNNING');
  await shot(page, 'windows-2-point-registry-done');
  await page.getByRole('button', { name: 'Back to the results' }).click();
  await expect(await passedFinding(page, 'Cache folder', 'Both cache registry values agree')).toBeVisible();
  await expect(finding(page, 'The two cache registry values disagree')).toHaveCount(0);
});

test('the move from the Results page: confirmed with its numbers, followed with its time left, verified on the machine', async ({
  page,
}) => {
  reset('C:\\MARS Cache');
  const confirm = await toMoveConfirmation(page, 'C:\\MARS Cache');
  // The numbers: the cache's size and files; each registry value from what to what.
  await expect(page.getByText(`The cache holds ${formatBytes(CACHE_BYTES)} in ${CACHE_FILES} files.`)).toBeVisible();
  const changes = page.getByRole('list', { name: 'What changes' });
  await expect(changes).toContainText(`Registry: ${CONFIG}\\ScratchLocation: ${CACHE} -> C:\\MARS Cache`);
  await expect(changes).toContainText(`Registry: ${PROVIDER}\\ScratchLocation: ${CACHE} -> C:\\MARS Cache`);
  await expect(page.getByRole('list', { name: 'Steps of the move' }).getByRole('listitem')).toHaveCount(6);
  // Nothing ran before the confirmation.
  expect(registry()).toEqual({ config: CACHE, provider: CACHE });
  expect(existsSync(machine.onC('C:\\MARS Cache'))).toBe(false);
  await expectAccessible(page, 'windows move confirmation');
  await shot(page, 'windows-3-move-confirm');

  await startCopy(page, confirm, 'C:\\MARS Cache');
  await expect(page.getByRole('progressbar', { name: 'Copy progress' })).toBeVisible();
  await expect(page.getByText(/per second, (about \d+ seconds?|under a second) left\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText(new RegExp(`^Copied [\\d,]+ of ${CACHE_FILES} files, .+ of ${esc(formatBytes(CACHE_BYTES))}\\.$`)),
  ).toBeVisible();
  await expect(page.getByText('Now: Copy the cache: running…')).toBeVisible();
  await shot(page, 'windows-4-move-progress');

  const moved = page.getByRole('heading', { level: 2, name: /^The cache now lives in C:\\MARS Cache/ });
  await expect(moved).toBeVisible({ timeout: 180_000 });
  await expect(page.getByText('6. Check the result - Done')).toBeVisible();
  // The result stands at the top, above what was found and what was done.
  const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Infinity;
  expect(await top(moved)).toBeLessThan(await top(page.getByRole('heading', { level: 2, name: 'What was found before the fix' })));
  await expect(page.getByText(`Delete ${CACHE} only after a backup has succeeded`)).toBeVisible();
  await shot(page, 'windows-5-moved');
  expect(registry()).toEqual({ config: 'C:\\MARS Cache', provider: 'C:\\MARS Cache' });
  expect(serviceState()).toBe('RUNNING');
  expect(readFileSync(machine.onC('C:\\MARS Cache\\OnlineBackup.KEK'), 'utf8')).toBe('key');
  expect(filesUnder('C:\\MARS Cache\\Recovery Points')).toBe(CACHE_FILES - 1);
  await page.getByRole('button', { name: 'Back to the results' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^The cache now lives in C:\\MARS Cache/ })).toBeVisible();
  await expect(await passedFinding(page, 'Cache folder', 'Both cache registry values agree')).toBeVisible();
});

test('a Stop halfway through the copy puts everything back; Retry plans afresh and moves the cache', async ({ page }) => {
  reset('C:\\MARS Cache', 'C:\\Stopped Cache');
  const confirm = await toMoveConfirmation(page, 'C:\\Stopped Cache');
  const copied = await startCopy(page, confirm, 'C:\\Stopped Cache');
  await page.getByRole('button', { name: 'Stop and put everything back' }).click();
  await expect(page.getByText('Stopped. Everything was put back.')).toBeVisible({ timeout: 120_000 });
  // It landed halfway: the copy never got to its last file.
  expect(Number(/^Copied ([\d,]+) of/.exec(await copied.innerText())![1]!.replace(/,/g, ''))).toBeLessThan(CACHE_FILES);
  await expect(
    page.getByText(
      `so everything was put back: the cache stays in ${CACHE}, what was copied to C:\\Stopped Cache was deleted, both registry values are as before (both name ${CACHE}) and the backup engine runs.`,
    ),
  ).toBeVisible();
  await shot(page, 'windows-6-stopped');
  // The machine says the same: the values as they were, the engine running, no target folder.
  expect(registry()).toEqual({ config: CACHE, provider: CACHE });
  expect(serviceState()).toBe('RUNNING');
  expect(existsSync(machine.onC('C:\\Stopped Cache'))).toBe(false);

  // Retry: a fresh plan and a fresh confirmation; nothing runs until it is confirmed again.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Move the cache from ${CACHE} to C:\\Stopped Cache` })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByText('Stopped. Everything was put back.')).toHaveCount(0);
  expect(existsSync(machine.onC('C:\\Stopped Cache'))).toBe(false);
  await page.getByRole('checkbox', { name: CAUTIONS }).check();
  await page.getByRole('button', { name: 'Move the cache to C:\\Stopped Cache now' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^The cache now lives in C:\\Stopped Cache/ })).toBeVisible({
    timeout: 180_000,
  });
  await shot(page, 'windows-7-retried');
  expect(registry()).toEqual({ config: 'C:\\Stopped Cache', provider: 'C:\\Stopped Cache' });
  expect(serviceState()).toBe('RUNNING');
  expect(readFileSync(machine.onC('C:\\Stopped Cache\\OnlineBackup.KEK'), 'utf8')).toBe('key');
});

test('a target inside the folders selected for backup is refused, with the sentence that says why', async ({ page }) => {
  reset('C:\\Stopped Cache');
  await toResults(page, ['C:\\Data']);
  await checkTarget(page, 'C:\\Data\\Cache');
  const refusal = page.getByRole('alert').filter({ hasText: 'The cache cannot go there:' });
  await expect(refusal).toContainText(
    'C:\\Data\\Cache lies inside C:\\Data, which is selected for backup: the agent fails when its cache folder is backed up. Choose a folder outside the data you back up.',
    { timeout: 120_000 },
  );
  await expect(page.getByRole('button', { name: /Move the cache to .* now/ })).toHaveCount(0);
  await shot(page, 'windows-8-refused-selection');
  // Nothing changed.
  expect(registry()).toEqual({ config: CACHE, provider: CACHE });
  expect(serviceState()).toBe('RUNNING');
  expect(existsSync(machine.onC('C:\\Data\\Cache'))).toBe(false);
  expect(filesUnder('C:\\Data')).toBe(1);
});

test('a crash of the helper mid-copy is said, and recovered only once the user confirms', async ({ page }) => {
  reset('C:\\Crashed Cache');
  const confirm = await toMoveConfirmation(page, 'C:\\Crashed Cache');
  await startCopy(page, confirm, 'C:\\Crashed Cache');
  // The helper dies on the spot, as with a power cut of its process.
  const helpers = killProcesses(/helper-under-wine\.mjs.*--fix-helper/);
  expect(helpers).toBeGreaterThan(0);
  await expect(page.getByText(/stopped before it said how the move ended/)).toBeVisible({ timeout: 60_000 });
  await shot(page, 'windows-9-helper-crashed');
  expect(filesUnder('C:\\Crashed Cache')).toBeGreaterThan(0);

  // The wizard does not act on its own: the next start says what it found, and the user confirms.
  await page.goto(url);
  const banner = page.getByRole('alert').filter({ hasText: 'An interrupted fix was found' });
  await expect(banner).toContainText(
    `An interrupted move of the cache from ${CACHE} to C:\\Crashed Cache must be finished or undone first`,
    { timeout: 60_000 },
  );
  await expect(banner).toContainText('What the wizard will do, once you confirm:');
  const left = () => ({ registry: registry(), engine: serviceState(), copied: filesUnder('C:\\Crashed Cache') });
  const crashed = left();
  // As the crash left it: the values unchanged, the engine stopped by the helper, part of the copy there.
  expect(crashed.registry).toEqual({ config: CACHE, provider: CACHE });
  expect(crashed.engine).toBe('STOPPED');
  expect(crashed.copied).toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  await banner.getByRole('button', { name: 'Deal with the interrupted move…' }).click();
  await expect(banner.getByText('This changes the machine now. Go ahead?')).toBeVisible();
  // Nothing is done on load, nor on the first press: the machine is as the crash left it.
  expect(left()).toEqual(crashed);
  await expectAccessible(page, 'windows interrupted move');
  await shot(page, 'windows-10-pending');

  await banner.getByRole('button', { name: 'Finish or undo it now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The interrupted move was undone' })).toContainText(
    `the cache stays in ${CACHE}, both registry values are as they were, what was copied to C:\\Crashed Cache was deleted, and the backup engine runs.`,
    { timeout: 180_000 },
  );
  // Then the machine examined again: the results, as it is now.
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 120_000 });
  await expect(await passedFinding(page, 'Cache folder', 'Both cache registry values agree')).toBeVisible();
  await expect(finding(page, 'An interrupted fix waits')).toHaveCount(0);
  await shot(page, 'windows-11-recovered');
  expect(registry()).toEqual({ config: CACHE, provider: CACHE });
  expect(serviceState()).toBe('RUNNING');
  expect(existsSync(machine.onC('C:\\Crashed Cache'))).toBe(false);
});

/** A string as a regular expression that matches it literally. */
function esc(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
