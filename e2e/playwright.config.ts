// Playwright drives the built wizard in Debian's Chromium (never a downloaded browser), through browser
// mode's loopback server; scripts/chromium.js says how Chromium is started.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'output/results',
  timeout: 60_000,
  // Two spec files at a time (each file's tests in order, in one worker): each test is slower, the whole
  // faster - 11.2 min with two workers against 13.2 with one, both on a loaded machine. The Windows spec
  // under Wine last, after the wizard's.
  workers: 2,
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
