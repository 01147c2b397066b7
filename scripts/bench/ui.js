// npm run bench:ui - the built renderer's gzipped JavaScript size (budget 400 KB) and the time to first
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
const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(assets + f), { level: 9 }).length, 0);
const raw = js.reduce((sum, f) => sum + readFileSync(assets + f).length, 0);

const { startWebServer } = await import(`${root}dist/electron/web/server.js`);
const server = await startWebServer({ rendererDir: `${root}out/renderer` });
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
  `renderer JavaScript: ${(raw / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 400 KB): ${gzipped < 400 * 1024 ? 'within' : 'OVER'}`,
);
console.log(`first meaningful paint, median of ${runs} cold loads (budget 1000 ms):`);
console.log(`  bare HTML page (reference)   ${reference.toFixed(0).padStart(6)} ms`);
console.log(
  `  the wizard's first page      ${wizard.toFixed(0).padStart(6)} ms   ratio ${(wizard / reference).toFixed(2)}   ${wizard < 1000 ? 'within' : 'OVER'} the budget`,
);
