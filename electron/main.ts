// The composition root of the desktop app: security first, then the protocol, the window and its IPC.
// It runs as the invoking user; nothing here is elevated.

import { app } from 'electron';
import { HELPER_FLAG, runHelper } from './helper/helper-main.js';
import { registerIpc } from './ipc.js';
import { createMainWindow, hardenSessions, registerSchemePrivileges, serveAppProtocol } from './window.js';
import { chooseStartLanguage, policyLanguage } from './i18n/choose-language.js';
import { lockLanguage, notePolicyPassedOver, useLanguage } from './i18n/process-language.js';

if (process.argv.includes(HELPER_FLAG)) {
  // The elevated helper (started through UAC for one task): it speaks the helper protocol to the wizard
  // that started it, and exits. No window.
  void runHelper(process.argv).then(
    (code) => app.exit(code),
    () => app.exit(2),
  );
} else {
  startWizard();
}

function startWizard(): void {
  registerSchemePrivileges();
  if (!app.requestSingleInstanceLock()) app.quit();
  void app.whenReady().then(async () => {
    // The wizard speaks the policy's language, else Windows' display language (Electron knows it); a
    // --lang=xx on the command line (as Chromium takes it) comes first.
    const flag = process.argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length) ?? null;
    const start = await chooseStartLanguage({ flag, systemTags: app.getPreferredSystemLanguages() });
    await useLanguage(start.language, start.source === 'flag' ? 'user' : start.source);
    if (start.ignoredPolicy) notePolicyPassedOver(start.ignoredPolicy);
    if (start.source === 'flag' && (await policyLanguage())) lockLanguage();
    hardenSessions();
    serveAppProtocol();
    const window = createMainWindow();
    registerIpc(window);
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
  });
  // A Windows tool: closing the window ends the app (no macOS-style dock life).
  app.on('window-all-closed', () => app.quit());
}
