// Browser mode's server: loopback only, the session key on every call, Host and Origin checked, no
// file outside the built pages, a strict CSP on the page.
import { mkdirSync, symlinkSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server.js';
import { linuxMachine } from '../../../electron/machine/linux/linux-machine.js';
import { sample } from '../../helpers/profiles.js';

let server: WebServer;
let token: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mars-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>wizard</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
  symlinkSync(join(dir, '..', 'secret.txt'), join(dir, 'assets', 'escape.js'));
  server = await startWebServer({
    rendererDir: dir,
    machine: linuxMachine(),
    collect: async () => ({ profile: sample('healthy-server'), notes: [] }),
  });
  token = new URL(server.url).searchParams.get('token')!;
});
afterAll(() => server.close());

function raw(
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const call = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Wizard-Token': token, ...headers },
    body: JSON.stringify({ args }),
  });

describe('the loopback server', () => {
  it('listens on 127.0.0.1 and prints a URL with the session key', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });
  it('serves the page only with the key, under a strict Content-Security-Policy', async () => {
    expect((await raw('/')).status).toBe(403);
    expect((await raw('/?token=wrong')).status).toBe(403);
    const page = await raw(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
    expect((await raw('/assets/app.js')).status).toBe(200);
  });
  it('answers calls with the key, and refuses them without it', async () => {
    const info = await call('appInfo', []);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
    expect((await call('appInfo', [], { 'X-Wizard-Token': 'nope' })).status).toBe(403);
    const scan = JSON.parse(
      (await call('scan', [{ edition: 'current', paths: [], systemState: false, uploadMbps: null, cachePath: null, offline: true }])).body,
    );
    expect(scan.value.report.verdict).toBe('ready');
  });
  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    expect((await call('appInfo', [], { Host: 'attacker.example:80' })).status).toBe(421);
    expect((await call('appInfo', [], { Origin: 'https://attacker.example' })).status).toBe(403);
    expect((await call('appInfo', [], { Origin: `http://localhost:${server.port}` })).status).toBe(200);
  });
  it('refuses what is not a JSON call, and unknown calls', async () => {
    expect(
      (await raw('/api/appInfo', { method: 'POST', headers: { 'X-Wizard-Token': token, 'Content-Type': 'text/plain' }, body: 'x' })).status,
    ).toBe(415);
    expect(
      (
        await raw('/api/appInfo', {
          method: 'POST',
          headers: { 'X-Wizard-Token': token, 'Content-Type': 'application/json' },
          body: '{"args": 5}',
        })
      ).status,
    ).toBe(400);
    expect((await call('deleteEverything', [])).status).toBe(404);
  });
  it('serves no file outside the built pages', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await raw(path);
      expect(response.body).not.toBe('secret');
    }
    // Nor through a link inside them.
    expect((await raw('/assets/escape.js')).status).toBe(404);
  });
  it('judges the decoded path: an encoded index.html still needs the key', async () => {
    expect((await raw('/%69ndex.html')).status).toBe(403);
    expect((await raw(`/%69ndex.html?token=${token}`)).status).toBe(200);
  });
  it('answers a huge argument list with an API error, not a server error', async () => {
    const response = await call('appInfo', new Array(3_000_000).fill(0));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('many plans at once through the bridge', () => {
  it('makes one plan at a time: a newer one replaces those still being made, and none is an internal error', async () => {
    const { cpSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { openSandboxMachine } = await import('../../../electron/machine/sandbox/sandbox-adapter.js');
    const dir = mkdtempSync(join(tmpdir(), 'mars-web-plans-'));
    cpSync(fileURLToPath(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url)), dir, { recursive: true });
    const sandboxed = await startWebServer({ rendererDir: join(dir, 'drives'), machine: await openSandboxMachine(dir) });
    const key = new URL(sandboxed.url).searchParams.get('token')!;
    try {
      const plan = () =>
        fetch(`http://127.0.0.1:${sandboxed.port}/api/planFix`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Wizard-Token': key },
          body: JSON.stringify({ args: [{ action: 'relocate-cache', to: 'D:\\MARS Cache' }] }),
        }).then((r) => r.json() as Promise<{ ok: boolean; value?: { ok: boolean }; error?: { code: string } }>);
      const answers = await Promise.all(Array.from({ length: 50 }, plan));
      for (const answer of answers) expect(answer.ok ? 'planned' : answer.error?.code).toMatch(/^(planned|cancelled)$/);
      expect(answers.at(-1)).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      await sandboxed.close();
    }
  });
});
