// The preload against the one contract, without the Electron binary: with electron's modules stood in,
// it exposes exactly WizardApi's names as window.wizard, each method invoking its own channel, and a
// subscription's listener never receives the event object (it leads back to ipcRenderer).
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, FIX_PROGRESS_CHANNEL, METHODS, WIZARD_API_NAMES } from '../../shared/api/wizard-api.js';

const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
const invoked: unknown[][] = [];
const listeners = new Map<string, (...args: unknown[]) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) => (exposed[name] = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: null }),
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('the preload', () => {
  it('exposes exactly the names of WizardApi, each method on its own channel', async () => {
    await import('../../electron/preload.js');
    const wizard = exposed.wizard!;
    expect(Object.keys(wizard).sort()).toEqual([...WIZARD_API_NAMES].sort());
    for (const method of METHODS) await wizard[method]!('an argument');
    expect(invoked).toEqual(METHODS.map((m) => [CHANNELS[m], 'an argument']));
  });
  it("relays a subscription's values without the event object, and unsubscribes", async () => {
    await import('../../electron/preload.js');
    const seen: unknown[] = [];
    const unsubscribe = exposed.wizard!.onFixProgress!((...args: unknown[]) => seen.push(args)) as () => void;
    listeners.get(FIX_PROGRESS_CHANNEL)!({ sender: 'the event, which leads to ipcRenderer' }, { step: 'copy', state: 'running' });
    expect(seen).toEqual([[{ step: 'copy', state: 'running' }]]);
    unsubscribe();
    expect(listeners.has(FIX_PROGRESS_CHANNEL)).toBe(false);
  });
});
