// The composition root of the desktop app: security first, then the protocol, the window and its IPC.
// It runs as the invoking user; nothing here is elevated.

import { app } from 'electron';
import { relocateCache } from './cli/fix.js';
import { registerIpc } from './ipc.js';
import { createMainWindow, hardenSessions, registerSchemePrivileges, serveAppProtocol } from './window.js';

const helperPlan = process.argv.indexOf('--fix-plan');
if (helperPlan >= 0) {
  // The elevated helper (started through UAC by ipc.ts): run exactly the given plan, then exit. No window.
  const plan = process.argv[helperPlan + 1] ?? '';
  const silent = { stdout: () => {}, stderr: () => {}, interactive: false, env: {} };
  void relocateCache({ plan, yes: true }, silent).then(
    (code) => app.exit(code),
    () => app.exit(2),
  );
} else {
  startWizard();
}

function startWizard(): void {
  registerSchemePrivileges();
  if (!app.requestSingleInstanceLock()) app.quit();
  void app.whenReady().then(() => {
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
