// The wizard's window and the app:// protocol that serves its pages from the app bundle (never a remote
// origin, never file://). Security baseline of DESIGN.md: context isolation, sandbox, no Node in the
// renderer, strict CSP, no navigation, no new windows, no permissions. A finding's "Learn more" link (an
// <a target="_blank"> on the page) asks for a new window: that is denied too, and the address - only an
// https one on learn.microsoft.com - is handed to the system's browser instead; nothing else is opened.

import { app, BrowserWindow, protocol, session, shell, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { learnMoreUrl } from '../shared/report/gui-words.js';
import { APP, RENDERER_DIR } from './app-info.js';
import { CONTENT_SECURITY_POLICY } from './web/content-security-policy.js';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://wizard`;
const PRELOAD = join(APP.root, 'out', 'preload', 'preload.cjs');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Must run before the app is ready. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'wizard') return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname).slice(1);
    const path = normalize(join(RENDERER_DIR, relative));
    if (!path.startsWith(RENDERER_DIR + sep)) return new Response('Not found', { status: 404 });
    const body = await readFile(path).catch(() => null);
    if (!body) return new Response('Not found', { status: 404 });
    return new Response(body, {
      headers: {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const learnMore = learnMoreUrl(url);
    if (learnMore) void shell.openExternal(learnMore);
    return { action: 'deny' };
  });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 850,
    minWidth: 480,
    minHeight: 500,
    title: 'MARS Readiness Wizard',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows; those are denied anyway, this stops the attempt.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
