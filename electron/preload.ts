// The preload: exposes exactly WizardApi's named methods as window.wizard - never ipcRenderer itself, and
// never the event object of a subscription (it leads back to ipcRenderer). Bundled into one CommonJS
// file (out/preload/preload.cjs), as a sandboxed preload cannot load other files.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, FIX_PROGRESS_CHANNEL, PROGRESS_CHANNEL, type WizardApi } from '../shared/api/wizard-api.js';

/** A method of the contract: its arguments pass to the main process, which validates them; no casts. */
const invoke =
  (channel: string) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(channel, ...args);

/** Relays one channel's messages to the listener without the event object (it leads to ipcRenderer). */
function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const relay = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

const wizard: WizardApi = {
  appInfo: invoke(CHANNELS.appInfo),
  scan: invoke(CHANNELS.scan),
  cancelScan: invoke(CHANNELS.cancelScan),
  evaluateProfile: invoke(CHANNELS.evaluateProfile),
  recheck: invoke(CHANNELS.recheck),
  pickFolder: invoke(CHANNELS.pickFolder),
  saveFile: invoke(CHANNELS.saveFile),
  planFix: invoke(CHANNELS.planFix),
  runFix: invoke(CHANNELS.runFix),
  cancelFix: invoke(CHANNELS.cancelFix),
  recoverFix: invoke(CHANNELS.recoverFix),
  discardPendingMove: invoke(CHANNELS.discardPendingMove),
  setLanguage: invoke(CHANNELS.setLanguage),
  onScanProgress: (listener) => subscribe(PROGRESS_CHANNEL, listener),
  onFixProgress: (listener) => subscribe(FIX_PROGRESS_CHANNEL, listener),
};

contextBridge.exposeInMainWorld('wizard', wizard);
