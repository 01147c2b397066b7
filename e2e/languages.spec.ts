// Every language but English (the gallery shows English in both themes): the wizard's pages, each sample
// profile's results, its HTML report and its text report, at 1280x800 and 800x600. In each: the page never
// scrolls sideways, no text is cut off or runs out of its box (German is long; Japanese and Chinese wrap
// between characters), axe finds nothing serious (once per page kind and language: names and contrast do
// not change with the sample), and screenshots are left in e2e/output/screenshots/languages for a person
// who reads the language to look through. The language is chosen as a user would, in the header's menu;
// the server runs in this process, so it speaks what the page asked for, and the names the test looks for
// are the catalogue's.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clippedText, expectAccessible, overflowingText, ROOT, SCREENSHOTS, startServer } from './helpers.js';

const SHOTS = join(SCREENSHOTS, 'languages');
mkdirSync(SHOTS, { recursive: true });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;

// A screenshot costs half a second here (software rendering): by default the wizard's pages and the first
// sample are shot in each language, every sample checked; MARS_E2E_SCREENSHOTS=all shoots every sample too.
const EVERY_SHOT = process.env.MARS_E2E_SCREENSHOTS === 'all';
if (!EVERY_SHOT)
  console.log(
    'languages: screenshots of the first sample per language (MARS_E2E_SCREENSHOTS=all for every sample); every sample is checked',
  );

const PROFILES = readdirSync(join(ROOT, 'samples', 'profiles'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const dist = <T>(path: string): Promise<T> => import(`${ROOT}dist/${path}`) as Promise<T>;
const i18n = {
  languages: () => dist<typeof import('../shared/i18n/languages.js')>('shared/i18n/languages.js'),
  load: () => dist<typeof import('../shared/i18n/load.js')>('shared/i18n/load.js'),
  translate: () => dist<typeof import('../shared/i18n/translate.js')>('shared/i18n/translate.js'),
};
const reports = {
  build: () => dist<typeof import('../shared/report/build.js')>('shared/report/build.js'),
  html: () => dist<typeof import('../shared/report/html.js')>('shared/report/html.js'),
  text: () => dist<typeof import('../shared/report/text.js')>('shared/report/text.js'),
};

// Each language on its own (its own server, in its own worker's process): the two workers share them out,
// rather than one worker taking all six while the other waits.
test.describe.configure({ mode: 'parallel', timeout: 240_000 });

/** The page as it is now, in both sizes: nothing sideways, nothing cut off or spilling, a screenshot of each. */
async function bothSizes(page: Page, name: string, { axe, shoot = true }: { axe: boolean; shoot?: boolean }) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const look = `${name} at ${size.width}x${size.height}`;
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${look}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    expect(await clippedText(page), `${look}: text cut off`).toEqual([]);
    expect(await overflowingText(page), `${look}: text runs out of its box`).toEqual([]);
    if (axe && size === SIZES[0]) await expectAccessible(page, look);
    if (shoot) await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.jpeg`), type: 'jpeg', quality: 70 });
  }
}

test('the check for text that runs out of its box finds it, and passes text that wraps', async ({ page }) => {
  await page.setContent(
    '<p style="width:80px">words that wrap within the box</p><button style="width:60px;white-space:nowrap">Einstellungsänderungen</button>',
  );
  expect(await overflowingText(page)).toEqual(['button.: "Einstellungsänderungen"']);
});

const { LANGUAGES } = await i18n.languages();

for (const language of LANGUAGES.filter((l) => l !== 'en')) {
  test(`${language}: the wizard's pages, and every sample's results, HTML report and text report, in both sizes`, async ({
    page,
    context,
  }) => {
    const { LANGUAGE_NAMES } = await i18n.languages();
    const { speakLanguage } = await i18n.load();
    const { t, currentLanguage } = await i18n.translate();
    const { buildReport } = await reports.build();
    const { renderHtml } = await reports.html();
    const { renderText } = await reports.text();
    await speakLanguage('en');
    const server = await startServer();
    try {
      await page.goto(server.url);
      await page.getByRole('button', { name: t('wizard.language.button', { name: LANGUAGE_NAMES.en }) }).click();
      await page.getByRole('menuitemradio', { name: LANGUAGE_NAMES[language] }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      // The server, in this process, was told too: from here the names below are the language's.
      expect(currentLanguage()).toBe(language);
      await expect(page.getByRole('heading', { level: 1, name: t('wizard.welcome.heading') })).toBeVisible();
      await bothSizes(page, `${language}-welcome`, { axe: true });

      await page.getByRole('button', { name: t('wizard.welcome.start') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('wizard.pages.select') })).toBeVisible();
      await bothSizes(page, `${language}-what-to-back-up`, { axe: true });

      const text = await context.newPage();
      const html = await context.newPage();
      for (const [index, name] of PROFILES.entries()) {
        const file = join(ROOT, 'samples', 'profiles', `${name}.json`);
        await page.goto(server.url);
        await page.locator('input[type=file]').setInputFiles(file);
        await expect(page.getByRole('heading', { level: 1, name: t('wizard.pages.results') })).toBeVisible();
        await expect(page.getByText(t('wizard.results.opened.named', { file: `${name}.json` }))).toBeVisible();
        await bothSizes(page, `${language}-${name}-results`, { axe: index === 0, shoot: index === 0 || EVERY_SHOT });

        const report = buildReport(JSON.parse(readFileSync(file, 'utf8')), { edition: 'current', toolVersion: 'test', now: new Date() });
        await html.setContent(renderHtml(report));
        await expect(html.locator('html')).toHaveAttribute('lang', language);
        await bothSizes(html, `${language}-${name}-html-report`, { axe: index === 0, shoot: index === 0 || EVERY_SHOT });

        // The text report as an 80-column terminal shows it (the unit tests count its columns), for a person
        // to look at: only where it is shot.
        if (index !== 0 && !EVERY_SHOT) continue;
        const lines = renderText(report, { width: 80 });
        await text.setContent(
          `<html lang="${language}"><body style="margin:0;background:#0c0c0c"><pre style="margin:0;padding:8px;color:#ccc;font:14px monospace;width:fit-content"></pre></body></html>`,
        );
        await text.locator('pre').evaluate((pre, content) => (pre.textContent = content), lines);
        for (const size of SIZES) {
          await text.setViewportSize(size);
          await text.screenshot({
            path: join(SHOTS, `${language}-${name}-text-report-${size.width}x${size.height}.jpeg`),
            type: 'jpeg',
            quality: 70,
          });
        }
      }
      await page.getByRole('tab', { name: t('wizard.pages.report') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('wizard.pages.report') })).toBeVisible();
      await bothSizes(page, `${language}-report-page`, { axe: true });
    } finally {
      await server.close();
      await speakLanguage('en');
    }
  });
}
