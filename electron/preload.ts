// The preload: exposes exactly WizardApi's named methods as window.wizard - never ipcRenderer itself, and
// never the event object of a subscription (it leads back to ipcRenderer). Bundled into one CommonJS
// file (out/preload/preload.cjs), as a sandboxed preload cannot load other files.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, PROGRESS_CHANNEL, type ScanProgress, type WizardApi } from '../shared/api/wizard-api.js';

const invoke =
  (channel: string) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(channel, ...args);

const wizard: WizardApi = {
  appInfo: invoke(CHANNELS.appInfo) as WizardApi['appInfo'],
  scan: invoke(CHANNELS.scan) as WizardApi['scan'],
  cancelScan: invoke(CHANNELS.cancelScan) as WizardApi['cancelScan'],
  evaluateProfile: invoke(CHANNELS.evaluateProfile) as WizardApi['evaluateProfile'],
  recheck: invoke(CHANNELS.recheck) as WizardApi['recheck'],
  pickFolder: invoke(CHANNELS.pickFolder) as WizardApi['pickFolder'],
  saveFile: invoke(CHANNELS.saveFile) as WizardApi['saveFile'],
  onScanProgress(listener) {
    const relay = (_event: IpcRendererEvent, progress: ScanProgress) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('wizard', wizard);
