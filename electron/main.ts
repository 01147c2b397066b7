// The composition root of the desktop app: security first, then the protocol, the window and its IPC.
// It runs as the invoking user; nothing here is elevated.

import { app } from 'electron';
import { registerIpc } from './ipc.js';
import { createMainWindow, hardenSessions, registerSchemePrivileges, serveAppProtocol } from './window.js';

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
