// IPC registration: one handler per channel of WizardApi, each refusing any sender that is not the
// wizard's own page in one of our windows, and validating its arguments (in createHandlers).

import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elevationCommand, runElevated } from './actions/elevate.js';
import { windowsRelocationMachine } from './actions/windows-relocation.js';
import { runCommand } from './probes/command-runner.js';
import { CHANNELS, FIX_PROGRESS_CHANNEL, PROGRESS_CHANNEL, type Method, type SaveRequest } from '../shared/api/wizard-api.js';
import { createHandlers } from './api/handlers.js';
import { APP_ORIGIN } from './window.js';

export function registerIpc(window: BrowserWindow): void {
  const handlers = createHandlers({
    mode: 'desktop',
    emitProgress: (progress) => {
      if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, progress);
    },
    emitFixProgress: (progress) => {
      if (!window.isDestroyed()) window.webContents.send(FIX_PROGRESS_CHANNEL, progress);
    },
    pickFolder: async () => {
      const result = await dialog.showOpenDialog(window, { title: 'Choose a folder to back up', properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    elevatedMove: async (plan, onJournal) => {
      // The plan goes to the helper as a file; the helper checks it against the machine before acting.
      const dir = await mkdtemp(join(tmpdir(), 'mars-readiness-'));
      const planFile = join(dir, 'plan.json');
      await writeFile(planFile, JSON.stringify(plan), 'utf8');
      const program = process.execPath;
      const args = app.isPackaged ? ['--fix-plan', planFile] : [app.getAppPath(), '--fix-plan', planFile];
      const machine = windowsRelocationMachine(runCommand);
      const result = await runElevated(runCommand, elevationCommand(program, args), machine.journalPath, plan, onJournal);
      await rm(dir, { recursive: true, force: true });
      if (result.journal?.state === 'closed' && result.journal.outcome)
        return { outcome: result.journal.outcome, error: result.journal.error };
      throw new Error(result.failure ?? `the elevated helper ended (exit ${result.exitCode}) without finishing the move`);
    },
    saveFile: async (request: SaveRequest) => {
      const filters = request.kind === 'html' ? [{ name: 'Web page', extensions: ['html'] }] : [{ name: 'JSON', extensions: ['json'] }];
      const result = await dialog.showSaveDialog(window, { defaultPath: request.suggestedName, filters });
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, request.content, 'utf8');
      return result.filePath;
    },
  });

  for (const method of Object.keys(CHANNELS) as Method[]) {
    ipcMain.handle(CHANNELS[method], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, window))
        return { ok: false, error: { code: 'invalid-argument', message: 'Refused: the call did not come from the wizard.' } };
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
