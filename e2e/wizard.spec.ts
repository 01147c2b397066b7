// The whole wizard in Chromium over browser mode: a sample profile opened from its file, this machine's
// live probes, keyboard only once; axe on every page; a screenshot of every page.
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebServer } from '../electron/web/server.js';
import { expectAccessible, ROOT, shot, startServer, tabTo } from './helpers.js';

let server: WebServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.close());

// Every sample's results, in both sizes and themes, are in gallery.spec.ts.
async function openSample(page: Page, name: string) {
  await page.goto(server.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a saved profile…' }).click();
  await (await chooser).setFiles(join(ROOT, 'samples', 'profiles', `${name}.json`));
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
}

test('the whole flow over this machine, every page accessible, with screenshots', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'mars e2e é-'));
  writeFileSync(join(folder, 'data.bin'), 'x'.repeat(4096));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Is this machine ready for Azure Backup?' })).toBeVisible();
  await expectAccessible(page, 'welcome');
  await shot(page, '1-welcome');

  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('textbox', { name: 'Folder to back up' }).fill(folder);
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('textbox', { name: 'Upload bandwidth (Mbps)' }).fill('20');
  await page.getByRole('textbox', { name: 'Cache folder (optional)' }).fill(tmpdir());
  await page.getByRole('switch', { name: /Test the connection/ }).uncheck();
  await expectAccessible(page, 'what to back up');
  await shot(page, '2-what-to-back-up');

  await page.getByRole('button', { name: 'Scan this machine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });
  // This machine runs Linux: the agent cannot run here, and the report says so plainly.
  await expect(page.getByRole('status').filter({ hasText: 'Not ready' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /The MARS agent needs Windows; this machine runs Linux/ })).toBeVisible();
  await expectAccessible(page, 'results');
  await shot(page, '4-results');

  await page.getByRole('button', { name: 'Save or share the report' }).click();
  await expectAccessible(page, 'report');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save report as a web page' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toMatch(/<!doctype html>[\s\S]*MARS readiness report[\s\S]*Not ready/);
  await shot(page, '6-report');
});

test('the scan page shows progress and can be cancelled', async ({ page }) => {
  // A collector that reports its first step, then waits until it is cancelled.
  const { CollectCancelled } = (await import(`${ROOT}dist/electron/probes/collect.js`)) as typeof import('../electron/probes/collect.js');
  const slow = await startServer(
    (options) =>
      new Promise((_, reject) => {
        options.onProgress?.({ step: 'system', state: 'running' });
        options.signal?.addEventListener('abort', () => reject(new CollectCancelled()));
      }),
  );
  test.info().annotations.push({ type: 'server', description: slow.url });
  await page.goto(slow.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Scan this machine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scan' })).toBeVisible();
  await expectAccessible(page, 'scan');
  await shot(page, '3-scan');
  await expect(page.getByText('Looking…')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toHaveText('The scan was cancelled.');
  await slow.close();
});

test('the fix page moves the cache of a sandbox machine, end to end', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mars e2e sandbox-'));
  cpSync(join(ROOT, 'samples', 'sandboxes', 'cache-on-c'), dir, { recursive: true });
  const sandboxed = await startServer(undefined, dir);
  try {
    await page.goto(sandboxed.url);
    await expect(page.getByText('Training mode: a sandbox machine stands in for this one.')).toBeVisible();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Scan this machine' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });
    const full = page.locator('.MuiAccordion-root', { hasText: 'Not enough free space for the cache' });
    await full.getByRole('button', { name: 'Fix this' }).click();
    await expect(page.getByRole('textbox', { name: 'Move the cache to' })).toHaveValue('D:\\MARS Cache');
    await page.getByRole('textbox', { name: 'Move the cache to' }).fill('F:\\Cache');
    await page.getByRole('button', { name: 'Check this folder' }).click();
    await expect(page.getByRole('alert')).toContainText('F: is removable media');
    await page.getByRole('textbox', { name: 'Move the cache to' }).fill('D:\\MARS Cache');
    await page.getByRole('button', { name: 'Check this folder' }).click();
    await expect(page.getByRole('list', { name: 'Steps of the move' }).getByRole('listitem')).toHaveCount(6);
    await expectAccessible(page, 'fix with its plan');
    await shot(page, '5-fix');
    await page.getByRole('button', { name: 'Move the cache to D:\\MARS Cache' }).click();
    await expect(page.getByText(/The cache now lives in D:\\MARS Cache/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('6. Check the result - Done')).toBeVisible();
    await expectAccessible(page, 'fix done');
    await shot(page, '5-fix-done');
    const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
    expect(registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'].ScratchLocation.data).toBe('D:\\MARS Cache');
    await page.getByRole('button', { name: 'Back to the results' }).click();
    // The free-space check passes now: it is among the cache area's passed checks, one line until opened.
    const cache = page.getByRole('region', { name: 'Cache folder' });
    await cache.getByRole('button', { name: /checks? passed$/ }).click();
    await expect(cache.locator('[id="finding-cache.free-space"]', { hasText: 'The cache has room' })).toBeVisible();
  } finally {
    await sandboxed.close();
  }
});

test('keyboard only, from start to results', async ({ page }) => {
  await page.goto(server.url);
  await tabTo(page, 'Start');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'What to back up' })).toBeVisible();
  await tabTo(page, /Test the connection/);
  await page.keyboard.press('Space');
  await tabTo(page, 'Scan this machine');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });
  // The results page's heading has the focus, so a screen reader starts at the top.
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeFocused();
});

test('dark theme and 200% zoom stay usable', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 550, height: 900 }); // 1100 px at 200%
  await openSample(page, 'pre-install');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'results in dark at 200%');
  await shot(page, 'results-dark-200pct');
});
