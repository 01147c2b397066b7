// The preload: exposes exactly WizardApi's named methods as window.wizard - never ipcRenderer itself, and
// never the event object of a subscription (it leads back to ipcRenderer). Bundled into one CommonJS
// file (out/preload/preload.cjs), as a sandboxed preload cannot load other files.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, FIX_PROGRESS_CHANNEL, PROGRESS_CHANNEL, type WizardApi } from '../shared/api/wizard-api.js';

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
  appInfo: invoke(CHANNELS.appInfo) as WizardApi['appInfo'],
  scan: invoke(CHANNELS.scan) as WizardApi['scan'],
  cancelScan: invoke(CHANNELS.cancelScan) as WizardApi['cancelScan'],
  evaluateProfile: invoke(CHANNELS.evaluateProfile) as WizardApi['evaluateProfile'],
  recheck: invoke(CHANNELS.recheck) as WizardApi['recheck'],
  pickFolder: invoke(CHANNELS.pickFolder) as WizardApi['pickFolder'],
  saveFile: invoke(CHANNELS.saveFile) as WizardApi['saveFile'],
  planCacheMove: invoke(CHANNELS.planCacheMove) as WizardApi['planCacheMove'],
  moveCache: invoke(CHANNELS.moveCache) as WizardApi['moveCache'],
  cancelMove: invoke(CHANNELS.cancelMove) as WizardApi['cancelMove'],
  recoverMove: invoke(CHANNELS.recoverMove) as WizardApi['recoverMove'],
  discardPendingMove: invoke(CHANNELS.discardPendingMove) as WizardApi['discardPendingMove'],
  onScanProgress: (listener) => subscribe(PROGRESS_CHANNEL, listener),
  onFixProgress: (listener) => subscribe(FIX_PROGRESS_CHANNEL, listener),
};

contextBridge.exposeInMainWorld('wizard', wizard);
