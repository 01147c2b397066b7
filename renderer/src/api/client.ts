// The WizardApi the pages use: Electron's preload bridge when present, else the HTTP bridge of browser
// mode, keyed by the token in the page's address.

import type { WizardApi } from '../../../shared/api/wizard-api';
import { httpBridge } from './http-bridge';

declare global {
  interface Window {
    wizard?: WizardApi;
  }
}

export function connectApi(): WizardApi {
  if (window.wizard) return window.wizard;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return httpBridge(token);
}
