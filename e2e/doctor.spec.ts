// The doctor in Chromium over browser mode, on a copy of the failed-backup sandbox
// (samples/sandboxes/last-backup-failed): scanned as a user would, the results open with what happened to
// last night's backup - its time in the reader's own language and zone (the browser's: en-GB, Tokyo) -
// and why: the cache folder's volume is too full. The free-space finding it points to is reached from it
// by mouse and by keyboard, and its fix leads to the Fix page. Nothing on the sandbox changes; axe checks
// the results with the block; a screenshot is left.
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebServer } from '../electron/web/server.js';
import { expectAccessible, ROOT, SCREENSHOTS, shot, tabTo, withServer } from './helpers.js';

const AT = '2026-12-01T02:41:17.553Z'; // the job's time as <time datetime> carries it (Windows wrote .5532109)
const FREE_SPACE = 'Not enough free space for the cache';

test.use({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });

/** The sandboxes this file made: removed after a test that passed (kept to look at after one that failed). */
const made: string[] = [];
// eslint-disable-next-line no-empty-pattern -- Playwright's hooks take the fixtures first; this one needs none
test.afterEach(({}, info) => {
  const dirs = made.splice(0);
  if (info.status === info.expectedStatus) for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the sample sandbox in a fresh temporary folder: the sample itself is never used in place. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mars doctor last-backup-failed-'));
  made.push(dir);
  cpSync(join(ROOT, 'samples', 'sandboxes', 'last-backup-failed'), dir, { recursive: true });
  return dir;
}

/** Opens the wizard, scans the sandbox with the default selection (no connection test), waits for the results. */
async function toResults(page: Page, server: WebServer) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('switch', { name: /Test the connection/ }).uncheck();
  await page.getByRole('button', { name: 'Scan this machine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });
}

test.describe.configure({ timeout: 90_000 });

test('last-backup-failed: the results open with the failed backup and its cause, and lead to the free-space finding', async ({ page }) => {
  const dir = sandbox();
  const files = () => ['registry.json', 'services.json', 'machine.json'].map((f) => readFileSync(join(dir, f), 'utf8'));
  const before = files();
  await withServer(dir, async (server) => {
    await toResults(page, server);

    // The first thing in the results, before the verdict: the headline, the time in Tokyo (02:41 UTC).
    const results = page.locator('h1 + *');
    const first = results.locator('> *').first();
    await expect(first).toHaveAttribute('role', 'alert');
    await expect(first).toContainText(/^The last backup failed on /);
    const headline = page.getByRole('heading', { level: 2 }).first();
    await expect(headline).toHaveText(
      /^The last backup failed on Tue,? 1 Dec 2026,? 11:41 GMT\+9: the volume holding the cache folder is too full for the amount of data being backed up\.$/,
    );
    await expect(first.locator('time')).toHaveAttribute('datetime', AT);
    const doctor = page.getByRole('alert', { name: /^The last backup failed on / });
    await expect(doctor).toBeVisible();
    await expect(doctor).toContainText("SalLowDiskSpace (seen twice): the volume of the agent's cache folder ran out of space.");
    await expect(doctor).toContainText('0x80070070 (seen twice): Windows error 112: there is not enough space on the disk.');
    const verdict = page.getByRole('status').filter({ hasText: 'Not ready' }).first();
    expect(
      await first.evaluate((a, b) => !!(a.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING), await verdict.elementHandle()),
    ).toBe(true);
    await expectAccessible(page, 'results with the doctor');
    await shot(page, 'doctor-results');

    // The pointed free-space finding: said still there, and reached from the block by a click.
    const link = doctor.getByRole('link', { name: FREE_SPACE }).first();
    const pointed = doctor.getByRole('list', { name: 'What this report found of the cause of SalLowDiskSpace' }).getByRole('listitem');
    await expect(pointed).toHaveCount(1);
    await expect(pointed).toContainText(`Still there (blocks backup): ${FREE_SPACE}`);
    const card = page
      .locator('.MuiAccordion-root', { hasText: FREE_SPACE })
      .filter({ has: page.getByRole('button', { name: FREE_SPACE }) });
    const summary = card.getByRole('button', { name: FREE_SPACE });
    await link.click();
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await expect(summary).toHaveAttribute('aria-expanded', 'true');
    await expect(card.getByRole('button', { name: 'Fix this' })).toBeVisible();
    // The window as the reader sees it now (not the whole page): the card in view.
    await page.screenshot({ path: `${SCREENSHOTS}doctor-finding.png` });

    // And from the keyboard: from the top of the page, Tab to the link, Enter.
    await page.getByRole('heading', { level: 1, name: 'Results' }).focus();
    await tabTo(page, FREE_SPACE);
    await page.keyboard.press('Enter');
    await expect(summary).toBeFocused();

    // Its fix, from the block: the same Fix page as the card's own button, and nothing done yet.
    await doctor.getByRole('button', { name: 'Move the cache folder…' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fix' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Move the cache to' })).toBeVisible();
  });
  expect(files()).toEqual(before);
});
