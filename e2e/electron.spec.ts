// The real desktop app, started by Playwright's Electron driver: the window opens on the wizard over the
// app:// protocol, window.wizard is the preload's bridge and nothing of Node leaks into the page.
// Skipped, with the reason printed, where the Electron binary is not installed (it cannot be downloaded
// on machines without GitHub access); the Windows CI workflow runs it.
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../scripts/electron-binary.js';
import { ROOT, shot } from './helpers.js';
import { WIZARD_API_NAMES } from '../shared/api/wizard-api.js';

const binary = electronBinary();
if (!binary) console.log('SKIPPED the Electron app test: the Electron binary is not installed here (node_modules/electron has no dist/).');

test('the desktop app opens the wizard, sandboxed', async () => {
  test.skip(!binary, 'the Electron binary is not installed here');
  const app = await electron.launch({ executablePath: binary!, args: [ROOT] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Is this machine ready for Azure Backup?' })).toBeVisible();
    expect(page.url()).toBe('app://wizard/index.html');
    const exposed = await page.evaluate(() => ({
      wizard: Object.keys((window as unknown as { wizard: object }).wizard).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({
      // Exactly the names of the one contract, derived from it rather than listed here again.
      wizard: [...WIZARD_API_NAMES].sort(),
      require: 'undefined',
      process: 'undefined',
    });
    const info = await page.evaluate(() => (window as unknown as { wizard: { appInfo(): Promise<unknown> } }).wizard.appInfo());
    expect(info).toMatchObject({ ok: true, value: { mode: 'desktop' } });
    await shot(page, 'electron-welcome');
  } finally {
    await app.close();
  }
});
