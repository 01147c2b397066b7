// npm run bench:ui - the built renderer's gzipped JavaScript size as a user loads it, in one language
// (budget 400 KB: every chunk - English's catalogue among them, which every page loads, for a message a
// catalogue lacks - but the other languages' catalogues, each loaded only when chosen; the largest counts),
// beside all of it; and the time to first
// meaningful paint in Debian's Chromium (budget 1 s): navigation start to the first paint of the wizard,
// median over several cold page loads, next to a bare HTML page served the same way (the reference).
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import { median } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const assets = `${root}out/renderer/assets/`;
const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
const gz = (f) => gzipSync(readFileSync(assets + f), { level: 9 }).length;
const gzipped = js.reduce((sum, f) => sum + gz(f), 0);
const raw = js.reduce((sum, f) => sum + readFileSync(assets + f).length, 0);
// A language's catalogue is its own chunk, named after the language (vite: <name>-<hash>.js).
const { LANGUAGES } = await import(`${root}dist/shared/i18n/languages.js`);
const isCatalogue = (f) => LANGUAGES.some((language) => language !== 'en' && new RegExp(`^${language}-[\\w-]{8}\\.js$`).test(f));
const catalogues = js.filter(isCatalogue);
const shared = gzipped - catalogues.reduce((sum, f) => sum + gz(f), 0);
const oneLanguage = Math.max(shared, ...catalogues.map((f) => shared + gz(f)));

const { startWebServer } = await import(`${root}dist/electron/web/server.js`);
const { openMachine } = await import(`${root}dist/electron/machine/open-machine.js`);
// Browser mode over this machine, as `mars-readiness web` serves it (the server needs the machine it answers for).
const server = await startWebServer({ rendererDir: `${root}out/renderer`, machine: await openMachine({ sandbox: null }) });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const runs = Number(process.env.BENCH_RUNS ?? 9);

async function measure(url, ready) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // cold: no cache between loads
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(ready);
    // The page paints nothing until React has rendered the wizard, so its first contentful paint is its
    // first meaningful one; timed by the browser itself, from navigation start.
    times.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now()));
    await context.close();
  }
  return median(times);
}

const reference = await measure(`data:text/html,<h1>ready</h1>`, 'h1');
const wizard = await measure(server.url, 'h1:has-text("Is this machine ready")');
await browser.close();
await server.close();

console.log(
  `renderer JavaScript in one language (English and the largest of the other ${catalogues.length}): ${(oneLanguage / 1024).toFixed(1)} KB gzipped (budget 400 KB): ${oneLanguage < 400 * 1024 ? 'within' : 'OVER'}; all of it, every language: ${(raw / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`,
);
console.log(`first meaningful paint, median of ${runs} cold loads (budget 1000 ms):`);
console.log(`  bare HTML page (reference)   ${reference.toFixed(0).padStart(6)} ms`);
console.log(
  `  the wizard's first page      ${wizard.toFixed(0).padStart(6)} ms   ratio ${(wizard / reference).toFixed(2)}   ${wizard < 1000 ? 'within' : 'OVER'} the budget`,
);
