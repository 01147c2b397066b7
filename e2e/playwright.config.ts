// Playwright drives the built wizard in Debian's Chromium (never a downloaded browser), through browser
// mode's loopback server; scripts/chromium.js says how Chromium is started.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'output/results',
  timeout: 60_000,
  // One spec file at a time: the browser keeps both cores busy (two workers made each test twice as slow,
  // no faster in all); the Windows spec under Wine last.
  workers: 1,
  projects: [
    { name: 'wizard', testIgnore: /windows-wine\.spec\.ts$/ },
    { name: 'wine', testMatch: /windows-wine\.spec\.ts$/, dependencies: ['wizard'] },
  ],
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1100, height: 900 },
  },
});
