// The wizard for a keyboard user and on a narrow window, and two windows on one machine, in Chromium over
// browser mode (issue 14): every MUI control shows a focus ring when tabbed to, in light and dark; "Check …
// again" keeps the focus; buttons keep their words' case; a 248-character host name wraps at 320 px; and
// with two tabs on one sandbox, the second tab's move is told apart from an interrupted one and, once the
// first tab's move is done, a stale tab's plan for the same finding is refused. Sandboxes are copies in a
// temporary folder, never the samples themselves.
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebServer } from '../electron/web/server.js';
import { ROOT, shot, startServer, withServer } from './helpers.js';

const RUNNING_ELSEWHERE =
  'A fix is running in another window of this wizard (or in the command line); wait for it to finish, then check again.';

const made: string[] = [];
test.afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of a sample sandbox; optionally with a cache big enough that its copy runs for seconds. */
function sandbox(name: string, bigCache = false): string {
  const dir = mkdtempSync(join(tmpdir(), `mars keyboard ${name}-`));
  made.push(dir);
  cpSync(join(ROOT, 'samples', 'sandboxes', name), dir, { recursive: true });
  if (bigCache) {
    const big = join(dir, 'drives', 'C', 'Program Files', 'Microsoft Azure Recovery Services Agent', 'Scratch', 'Recovery Points', 'Big');
    mkdirSync(big, { recursive: true });
    const content = Buffer.alloc(16 * 1024, 7);
    for (let i = 0; i < 12_000; i++) writeFileSync(join(big, `chunk ${i}.bin`), content);
  }
  return dir;
}

async function toResults(page: Page, server: WebServer) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Scan this machine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });
}

/** Presses Tab until the focused element's name matches (and, for a summary, it opens and closes); the results page has many stops. */
async function tabTo(page: Page, name: RegExp, summary = false): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { name: el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '', expands: el?.hasAttribute('aria-expanded') };
    });
    if (name.test(focused.name) && (!summary || focused.expands)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** The focused element's outline as computed, and its text transform. */
const focusStyle = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      textTransform: style.textTransform,
    };
  });

function expectRing(style: Awaited<ReturnType<typeof focusStyle>>, what: string) {
  expect(style.outlineStyle, what).not.toBe('none');
  expect(style.outlineWidth, what).toBeGreaterThanOrEqual(2);
  expect(style.outlineColor, what).not.toMatch(/^rgba\(\d+, \d+, \d+, 0\)$|^transparent$/);
}

for (const scheme of ['light', 'dark'] as const)
  test(`${scheme}: a focus ring on Check again, a finding's summary and the remove-folder button; Check again keeps the focus`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await withServer(sandbox('cache-on-c'), async (server) => {
      // "What to back up": the ✕ that removes a folder.
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('textbox', { name: 'Folder to back up' }).fill('E:\\Shares');
      await page.getByRole('button', { name: 'Add' }).click();
      await page.getByRole('heading', { level: 1, name: 'What to back up' }).focus();
      await tabTo(page, /^Remove E:\\Shares$/);
      expectRing(await focusStyle(page), 'the remove-folder button');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Scan this machine' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });

      // The first finding card's summary (the accordion's button), then the cache area's Check again.
      await tabTo(page, /./, true);
      const summary = await focusStyle(page);
      expectRing(summary, 'a finding card summary');
      await tabTo(page, /^Check cache folder again$/);
      const button = await focusStyle(page);
      expectRing(button, 'Check cache folder again');
      // Its words as written, not in capitals.
      expect(button.textTransform).toBe('none');
      await shot(page, `keyboard-focus-check-again-${scheme}`);

      // Pressed with Enter: the focus stays on the button, while it checks and after.
      await page.keyboard.press('Enter');
      const cache = page.getByRole('region', { name: 'Cache folder' });
      await expect(cache.getByRole('status')).toContainText(/^Checked again at [^.]+[.:] /, { timeout: 30_000 });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check cache folder again');
    });
  });

test('a 248-character host name without spaces wraps at 320 px: no horizontal scroll', async ({ page }) => {
  const profile = JSON.parse(readFileSync(join(ROOT, 'samples', 'profiles', 'cache-problems.json'), 'utf8'));
  profile.host.name = `APP02-${'X'.repeat(242)}`;
  expect(profile.host.name).toHaveLength(248);
  const dir = mkdtempSync(join(tmpdir(), 'mars keyboard long-'));
  made.push(dir);
  const file = join(dir, 'long-host-name.json');
  writeFileSync(file, JSON.stringify(profile, null, 2));
  const server = await startServer();
  try {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a saved profile…' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
    await expect(page.getByText(new RegExp(`^Machine: ${profile.host.name}`))).toBeVisible();
    const width = () =>
      page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    const results = await width();
    expect(results.scroll).toBeLessThanOrEqual(results.client);
    // Each finding's title keeps its room beside its status.
    const titles = await page
      .locator('.MuiAccordionSummary-content')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth));
    expect(titles.every(Boolean)).toBe(true);
    await shot(page, 'long-host-name-320');
    await page.getByRole('button', { name: 'Save or share the report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible();
    const report = await width();
    expect(report.scroll).toBeLessThanOrEqual(report.client);
  } finally {
    await server.close();
  }
});

test('two tabs on one sandbox: a move running in the other tab is not "interrupted"; afterwards the stale tab cannot plan it again', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const dir = sandbox('cache-on-c', true);
  await withServer(dir, async (server) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await toResults(a, server);
    await toResults(b, server);
    const toPlan = async (page: Page) => {
      const card = page.locator('.MuiAccordion-root:not(:has(.MuiAccordion-root))', { hasText: 'Not enough free space for the cache' });
      await card.getByRole('button', { name: 'Fix this' }).click();
      await expect(page.getByRole('textbox', { name: 'Move the cache to' })).toHaveValue('D:\\MARS Cache');
      await page.getByRole('button', { name: 'Check this folder' }).click();
    };
    // Tab A plans first (it will go stale); tab B plans and starts its move.
    await toPlan(a);
    const confirmA = a.getByRole('button', { name: 'Move the cache to D:\\MARS Cache now' });
    await expect(confirmA).toBeVisible({ timeout: 30_000 });
    await toPlan(b);
    await b.getByRole('button', { name: 'Move the cache to D:\\MARS Cache now' }).click({ timeout: 30_000 });
    await expect(b.getByRole('progressbar', { name: 'Copy progress' })).toBeVisible({ timeout: 20_000 });

    // Tab A presses its own Move now while B's move runs.
    await confirmA.click();
    await expect(a.getByRole('alert').filter({ hasText: 'The fix did not go through' })).toContainText(RUNNING_ELSEWHERE);
    // The notice at the top says so while B's move lasts; B may already have finished by then (a fast disk),
    // and then rightly nothing is said to be running.
    const moved = 'The cache now lives in D:\\MARS Cache; the finding it fixed now passes.';
    await expect
      .poll(
        async () =>
          (await a.getByRole('status').filter({ hasText: RUNNING_ELSEWHERE }).isVisible()) || (await b.getByText(moved).isVisible()),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    await expect(a.getByText('An interrupted fix was found')).toHaveCount(0);
    const text = await a.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/mars-readiness fix|relocation-journal|fix\.lock/);
    await shot(a, 'two-tabs-running-elsewhere');

    await expect(b.getByText(moved)).toBeVisible({ timeout: 90_000 });

    // Tab A still shows the full C:; its plan for the same finding is refused now, in one sentence.
    await a.getByRole('button', { name: 'Back to the results' }).click();
    await toPlan(a);
    await expect(a.getByRole('alert').filter({ hasText: 'This is already fixed' })).toHaveText(
      'This is already fixed: check again to see the machine as it is now.',
    );
    await expect(a.getByRole('button', { name: /Move the cache to .* now/ })).toHaveCount(0);
    // The machine is as B's move left it: moved once.
    const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
    expect(registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'].ScratchLocation.data).toBe('D:\\MARS Cache');
    // Checked again, the running notice goes: nothing runs any more.
    await a.getByRole('button', { name: 'Back to the results' }).click();
    await a.getByRole('button', { name: 'Check cache folder again' }).click();
    await expect(a.getByRole('region', { name: 'Cache folder' }).getByRole('status')).toContainText('Checked again at', {
      timeout: 30_000,
    });
    await expect(a.getByText(RUNNING_ELSEWHERE)).toHaveCount(0);
  });
});
