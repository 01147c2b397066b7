// Browser mode: the built renderer served on 127.0.0.1, with an HTTP bridge to the same main-process
// handlers the desktop app uses. Loopback only; a random key per run, carried in the printed URL and
// required on every API call; Host and Origin checked, so that no other site (DNS rebinding included)
// can drive it. Nothing is opened by itself: the address is printed.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CHANNELS, type FixProgress, type Method, type ScanProgress } from '../../shared/api/wizard-api.js';
import { createHandlers, type HandlerDeps } from '../api/handlers.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import type { Machine } from '../machine/machine.js';
import type { HelperProgram } from '../helper/helper-client.js';
import { toApiError } from '../api/handlers.js';
import { t } from '../../shared/i18n/translate.js';

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  rendererDir: string;
  port?: number;
  /** Replaces probing, for tests that drive the pages over a recorded machine. */
  collect?: HandlerDeps['collect'];
  /** The machine the wizard examines and fixes: this one, or a sandbox standing in for it. */
  machine: Machine;
  /** How the elevated helper is started where fixes need it. */
  helper?: HelperProgram | null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const MAX_BODY = 25 * 1024 * 1024;
const METHOD_BY_PATH = new Map(Object.keys(CHANNELS).map((m) => [`/api/${m}`, m as Method]));

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const listeners = new Set<ServerResponse>();
  const broadcast = (event: 'scan' | 'fix', data: unknown) => {
    for (const response of listeners) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const emitProgress = (progress: ScanProgress) => broadcast('scan', progress);
  const emitFixProgress = (progress: FixProgress) => broadcast('fix', progress);
  const handlers = createHandlers({
    mode: 'browser',
    emitProgress,
    emitFixProgress,
    machine: options.machine,
    helper: options.helper ?? null,
    ...(options.collect ? { collect: options.collect } : {}),
  });
  let port = 0;

  const server = createServer((request, response) => {
    // Whatever goes wrong answers as the API answers: a code and a sentence, never a bare 500 text.
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: toApiError(error) });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    // Every gate below judges the path as it will be served: decoded once (so /%69ndex.html is /index.html).
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', t('cli.web.server.badAddress'));
    }
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? ''))
      return send(response, 421, 'text/plain; charset=utf-8', t('cli.web.server.loopbackOnly'));
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`))
      return send(response, 403, 'text/plain; charset=utf-8', t('cli.web.server.otherSite'));

    if (pathname.startsWith('/api/')) {
      const key = pathname === '/api/events' ? url.searchParams.get('token') : request.headers['x-wizard-token'];
      if (typeof key !== 'string' || !sameKey(key, token))
        return sendJson(response, 403, {
          ok: false,
          error: {
            code: 'invalid-argument',
            message: t('cli.web.server.noKey'),
          },
        });
      if (pathname === '/api/events' && request.method === 'GET') return openEvents(response);
      const method = METHOD_BY_PATH.get(pathname);
      if (!method || request.method !== 'POST')
        return sendJson(response, 404, {
          ok: false,
          error: { code: 'invalid-argument', message: t('cli.web.server.noSuchCall', { path: url.pathname }) },
        });
      if (!/^application\/json\b/.test(request.headers['content-type'] ?? ''))
        return sendJson(response, 415, { ok: false, error: { code: 'invalid-argument', message: t('cli.web.server.jsonOnly') } });
      const body = await readBody(request).catch(() => null);
      const args = body === null ? null : parseArgs(body);
      if (!args)
        return sendJson(response, 400, {
          ok: false,
          error: { code: 'invalid-argument', message: t('cli.web.server.badCall') },
        });
      return sendJson(response, 200, await handlers[method](...args));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', t('cli.web.server.getOnly'));
    if (pathname === '/' || pathname === '/index.html') {
      if (!sameKey(url.searchParams.get('token') ?? '', token))
        return send(response, 403, 'text/plain; charset=utf-8', t('cli.web.server.openPrinted'));
      return serveFile(response, 'index.html');
    }
    return serveFile(response, pathname.slice(1));
  }

  function openEvents(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    listeners.add(response);
    response.on('close', () => listeners.delete(response));
  }

  async function serveFile(response: ServerResponse, relative: string): Promise<void> {
    const root = normalize(options.rendererDir);
    const path = normalize(join(root, relative));
    if (!path.startsWith(root + sep)) return send(response, 404, 'text/plain; charset=utf-8', t('cli.web.server.notFound'));
    // A link inside the app's folder must not lead out of it.
    const real = await realpath(path).catch(() => null);
    const realRoot = await realpath(root).catch(() => root);
    if (!real || !real.startsWith(realRoot + sep)) return send(response, 404, 'text/plain; charset=utf-8', t('cli.web.server.notFound'));
    const content = await readFile(real).catch(() => null);
    if (!content) return send(response, 404, 'text/plain; charset=utf-8', t('cli.web.server.notFound'));
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (extname(path) === '.html')
      Object.assign(headers, {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
      });
    response.writeHead(200, headers);
    response.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const response of listeners) response.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseArgs(body: string): unknown[] | null {
  try {
    const parsed = JSON.parse(body) as { args?: unknown };
    // No call takes more than a few arguments: a huge list is refused before anything spreads it.
    return Array.isArray(parsed?.args) && parsed.args.length <= 8 ? parsed.args : null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
