// IPC registration: one handler per channel of WizardApi, each refusing any sender that is not the
// wizard's own page in one of our windows, and validating its arguments (in createHandlers).

import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { writeFileAtomically } from './util/atomic-file.js';
import type { HelperProgram } from './helper/helper-client.js';
import { thisMachine } from './machine/open-machine.js';
import { CHANNELS, FIX_PROGRESS_CHANNEL, METHODS, PROGRESS_CHANNEL, type SaveRequest } from '../shared/api/wizard-api.js';
import { createHandlers } from './api/handlers.js';
import { APP_ORIGIN } from './window.js';
import { t } from '../shared/i18n/translate.js';

export function registerIpc(window: BrowserWindow): void {
  // The elevated helper is this very binary, started again through UAC with the helper's flag.
  const helper: HelperProgram = { program: process.execPath, leadingArgs: app.isPackaged ? [] : [app.getAppPath()] };
  const handlers = createHandlers({
    mode: 'desktop',
    machine: thisMachine(),
    helper,
    // "Since last time" on the Results page: each scan's report, kept for the next.
    historyDir: join(app.getPath('userData'), 'history'),
    emitProgress: (progress) => {
      if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, progress);
    },
    emitFixProgress: (progress) => {
      if (!window.isDestroyed()) window.webContents.send(FIX_PROGRESS_CHANNEL, progress);
    },
    pickFolder: async () => {
      const result = await dialog.showOpenDialog(window, { title: t('machine.dialog.chooseFolder'), properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    saveFile: async (request: SaveRequest) => {
      const names = { html: t('machine.dialog.webPage'), json: 'JSON', md: 'Markdown', csv: 'CSV' };
      const filters = [{ name: names[request.kind], extensions: [request.kind] }];
      const result = await dialog.showSaveDialog(window, { defaultPath: request.suggestedName, filters });
      if (result.canceled || !result.filePath) return null;
      await writeFileAtomically(result.filePath, request.content, { createFolder: false });
      return result.filePath;
    },
  });

  for (const method of METHODS) {
    ipcMain.handle(CHANNELS[method], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, window)) return { ok: false, error: { code: 'invalid-argument', message: t('machine.ipc.refused') } };
      return handlers[method](...args);
    });
  }
}

/** The sender must be our window's top frame, showing the app's own pages. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    !window.isDestroyed() &&
    event.sender.id === window.webContents.id &&
    frame !== null &&
    frame.parent === null &&
    frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}
