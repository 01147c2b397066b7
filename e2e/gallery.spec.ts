// Every sample's results as people will see them: each sample profile opened from its file, and each sample
// sandbox scanned as a user would, at 1280x800 and 800x600, in the light and the dark theme. In each of the
// four: the page never scrolls sideways (the layout is the theme's to keep too, so this is asked in both), no
// text is cut off or runs out of its box, axe finds nothing serious (once per theme: colours and names do
// not change with the size), and a JPEG screenshot is left in e2e/output/screenshots/gallery for a person to
// look through. An opened profile's page shows the verdict the engine gives that profile, and says where it
// came from.
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebServer } from '../electron/web/server.js';
import { clippedText, expectAccessible, overflowingText, ROOT, SCREENSHOTS, startServer, withServer } from './helpers.js';

const GALLERY = join(SCREENSHOTS, 'gallery');
mkdirSync(GALLERY, { recursive: true });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;
const THEMES = ['light', 'dark'] as const;

const PROFILES = readdirSync(join(ROOT, 'samples', 'profiles'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const SANDBOXES = readdirSync(join(ROOT, 'samples', 'sandboxes'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// Each sample on its own: the two workers share them out.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

const dist = <T>(path: string): Promise<T> => import(`${ROOT}dist/${path}`) as Promise<T>;

/** The report the engine makes of a sample profile (the page must agree with it). */
async function reportOf(name: string) {
  const { buildReport } = await dist<typeof import('../shared/report/build.js')>('shared/report/build.js');
  const profile = JSON.parse(readFileSync(join(ROOT, 'samples', 'profiles', `${name}.json`), 'utf8'));
  return buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date() });
}

/** The verdict's words as the engine gives them for this profile. */
async function verdictWords(name: string): Promise<string> {
  const { VERDICT_WORDS } = await dist<typeof import('../shared/report/grouping.js')>('shared/report/grouping.js');
  return VERDICT_WORDS[(await reportOf(name)).verdict];
}

/** The page as it is now in each size and theme: nothing sideways, cut off or spilling, accessible, a screenshot of each. */
async function everyLook(page: Page, name: string) {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // The theme follows the system: the page's own background says which one it is in.
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'))
      .toBe(theme === 'dark');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const look = `${name} at ${size.width}x${size.height}, ${theme}`;
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, `${look}: the page scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await clippedText(page), `${look}: text cut off`).toEqual([]);
      expect(await overflowingText(page), `${look}: text runs out of its box`).toEqual([]);
      // axe once per theme: colours and names do not change with the size (the layout is checked above).
      if (size === SIZES[0]) await expectAccessible(page, look);
      // JPEG: a person looks through these; a PNG of a long page took a second or more to write.
      await page.screenshot({
        path: join(GALLERY, `${name}-${size.width}x${size.height}-${theme}.jpeg`),
        fullPage: true,
        type: 'jpeg',
        quality: 80,
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the check for cut-off text finds text that is cut off', async ({ page }) => {
  await page.setContent(
    '<p>whole</p><div style="width:60px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">a label far too long for its box</div>',
  );
  expect(await clippedText(page)).toEqual(['div.: "a label far too long for its box"']);
});

test('the accessibility check finds a button without a name, and text without contrast', async ({ page }) => {
  await page.setContent('<main><button></button><p style="color:#eee;background:#fff">faint</p></main>');
  await expect(expectAccessible(page, 'bad page')).rejects.toThrow(/button-name \(critical\)[\s\S]*color-contrast \(serious\)/);
  await page.setContent('<html lang="en"><title>Fine</title><main><h1>Fine</h1><button>Named</button></main></html>');
  await expectAccessible(page, 'good page');
});

test.describe('sample profiles', () => {
  let server: WebServer;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => server?.close());

  for (const name of PROFILES) {
    test(`${name}: the results in both sizes and both themes`, async ({ page }) => {
      await page.goto(server.url);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open a saved profile…' }).click();
      await (await chooser).setFiles(join(ROOT, 'samples', 'profiles', `${name}.json`));
      await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: await verdictWords(name) })
          .first(),
      ).toBeVisible();
      await expect(page.getByText(`collected on another machine (${name}.json)`)).toBeVisible();
      await everyLook(page, name);
    });
  }
});

test.describe('sample sandboxes', () => {
  for (const name of SANDBOXES) {
    test(`${name}: what to back up and the results, in both sizes and both themes`, async ({ page }) => {
      // A copy: the sample itself is never used in place.
      const dir = mkdtempSync(join(tmpdir(), `mars gallery ${name}-`));
      cpSync(join(ROOT, 'samples', 'sandboxes', name), dir, { recursive: true });
      try {
        await withServer(dir, async (server) => {
          await page.goto(server.url);
          await page.getByRole('button', { name: 'Start' }).click();
          await page.getByRole('switch', { name: /Test the connection/ }).uncheck();
          await everyLook(page, `${name}-what-to-back-up`);
          await page.getByRole('button', { name: 'Scan this machine' }).click();
          await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible({ timeout: 30_000 });
          await everyLook(page, name);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
