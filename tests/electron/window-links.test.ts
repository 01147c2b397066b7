// The desktop window and links, without the Electron binary: with electron's modules stood in, a page's
// request for a new window (a finding's "Learn more" link, target=_blank) is always denied, and only an
// https address on learn.microsoft.com is handed to the system's browser; navigation away from the app is
// refused.
import { describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
let created: ((event: unknown, contents: unknown) => void) | null = null;
vi.mock('electron', () => ({
  app: {
    on: (name: string, listener: (event: unknown, contents: unknown) => void) => name === 'web-contents-created' && (created = listener),
  },
  session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
  shell: { openExternal: async (url: string) => void opened.push(url) },
  protocol: {},
  BrowserWindow: class {},
}));

/** A web contents' handlers, as the window code registers them. */
async function lockedDown() {
  const { hardenSessions } = await import('../../electron/window.js');
  hardenSessions();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const on = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
  created!(
    {},
    {
      on: (name: string, listener: (event: { preventDefault: () => void }, url: string) => void) => on.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    },
  );
  return { open: (url: string) => openHandler!({ url }), on };
}

describe('links in the desktop window', () => {
  it('opens a Learn more address in the browser, and no window of its own', async () => {
    const { open } = await lockedDown();
    const url = 'https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent#cache-folder-support';
    expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([url]);
  });
  it('opens nothing else: other hosts, other schemes, credentials', async () => {
    const { open } = await lockedDown();
    opened.length = 0;
    for (const url of [
      'http://learn.microsoft.com/azure/backup/',
      'https://learn.microsoft.com.example.org/',
      'https://me:pw@learn.microsoft.com/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-settings:privacy',
      'app://wizard/index.html',
    ])
      expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });
  it('still refuses to navigate the window to Microsoft Learn', async () => {
    const { on } = await lockedDown();
    const prevent = vi.fn();
    on.get('will-navigate')!({ preventDefault: prevent }, 'https://learn.microsoft.com/azure/backup/');
    expect(prevent).toHaveBeenCalled();
  });
});
