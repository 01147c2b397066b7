// Playwright drives the built wizard in Debian's Chromium (never a downloaded browser), through browser
// mode's loopback server; scripts/chromium.js says how Chromium is started.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'output/results',
  timeout: 60_000,
  // Two spec files at a time on two cores (the tests of one file run in order); the Windows spec under
  // Wine after them, alone: Wine's tools answer within their timeouts only on a machine it has to itself.
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
