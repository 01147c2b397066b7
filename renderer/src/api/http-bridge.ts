// WizardApi over HTTP, for browser mode: each call is a POST to the loopback server with the session's
// key (from the page's own address); progress arrives as server-sent events.

import { t } from '../../../shared/i18n/translate';
import { METHODS, type ApiResult, type FixProgress, type ScanProgress, type WizardApi } from '../../../shared/api/wizard-api';

export function httpBridge(token: string, base = ''): WizardApi {
  const call = async (method: string, args: unknown[]): Promise<ApiResult<never>> => {
    try {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Wizard-Token': token },
        body: JSON.stringify({ args }),
      });
      return (await response.json()) as ApiResult<never>;
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: t('wizard.bridge.noAnswer', { reason: (error as Error).message }),
        },
      };
    }
  };
  const api = Object.fromEntries(METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as WizardApi;
  // One event stream, opened now: a stream opened only when a scan starts could miss its first steps.
  const source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
  const channel = <T>(name: 'scan' | 'fix') => {
    const listeners = new Set<(value: T) => void>();
    source.addEventListener(name, (event) => {
      const value = JSON.parse(String((event as MessageEvent).data)) as T;
      for (const listener of listeners) listener(value);
    });
    return (listener: (value: T) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    };
  };
  api.onScanProgress = channel<ScanProgress>('scan');
  api.onFixProgress = channel<FixProgress>('fix');
  return api;
}
