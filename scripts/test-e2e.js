// npm run test:e2e - the browser tier: Playwright in Debian's Chromium over browser mode. Needs the
// build (npm run build). Skips, saying why, only where Chromium can be neither found nor installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromium.js';
import { ensureDebianPackage } from './debian-package.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = CHROMIUM_PATH;
const missing = ensureDebianPackage('chromium', chromium);
if (missing) {
  console.log(`SKIPPED the browser tests: ${missing}.`);
  process.exit(0);
}
if (!existsSync(`${root}out/renderer/index.html`) || !existsSync(`${root}dist/electron/web/server.js`)) {
  console.error('The wizard is not built: run "npm run build" first.');
  process.exit(1);
}
const cli = `${root}node_modules/@playwright/test/cli.js`;
// Playwright empties it at the start of each run.
const results = join(root, 'e2e', 'output', 'results');
const result = spawnSync(process.execPath, [cli, 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  // The specs assert English words (and choose other languages in the menu): the C locale, whatever this machine's.
  env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
  timeout: 900_000,
});
// A failed test leaves what its page showed (its accessibility tree) in error-context.md: printed here, since
// a CI log is often all there is to read of a run on another machine.
if (result.status !== 0 && existsSync(results)) {
  for (const entry of readdirSync(results, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('error-context.md')) continue;
    console.log(`\n== ${entry}\n${readFileSync(join(results, entry), 'utf8').slice(0, 12_000)}`);
  }
}
process.exit(result.status ?? 1);
