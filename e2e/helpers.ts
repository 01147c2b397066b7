// Shared by the specs: start browser mode's server from the build, screenshots, accessibility checks.
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { WebServer } from '../electron/web/server.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./output/screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

type ServerModule = typeof import('../electron/web/server.js');

/** Browser mode over this machine's live probes, a stand-in collector (slow scans, for Cancel), or a sandbox. */
export async function startServer(collect?: Parameters<ServerModule['startWebServer']>[0]['collect'], sandboxDir?: string) {
  const { startWebServer } = (await import(`${ROOT}dist/electron/web/server.js`)) as ServerModule;
  const { openMachine } = (await import(
    `${ROOT}dist/electron/machine/open-machine.js`
  )) as typeof import('../electron/machine/open-machine.js');
  const machine = await openMachine({ sandbox: sandboxDir ?? null });
  return startWebServer({ rendererDir: `${ROOT}out/renderer`, machine, ...(collect ? { collect } : {}) });
}

/** Browser mode over a sandbox, for the length of `work`, closed however it ends. */
export async function withServer(dir: string, work: (server: WebServer) => Promise<void>): Promise<void> {
  const server = await startServer(undefined, dir);
  try {
    await work(server);
  } finally {
    await server.close();
  }
}

// axe-core itself, put into the page once and run there. @axe-core/playwright's AxeBuilder took 1.2 to 3.5 s
// a page here (it starts a blank page of its own for each run); the same rules run in the page take 0.1 to
// 0.3 s. The wizard has no frames, which are all the builder adds.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Colours are judged as they settle: a button mid-transition (disabled grey to enabled blue, 250 ms in
  // MUI) has neither contrast, and which one axe sees would depend on timing. Only animations that end:
  // a spinner's or an indeterminate progress bar's runs forever, and waiting for it would never return.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => null)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { resultTypes: ['violations'] };
  const violations = await page.evaluate(
    async (options) =>
      (await (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, options))
        .violations,
    options,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${name}: ${v.id} (${v.impact}): ${v.help} - ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')}`,
    ),
  ).toEqual([]);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Presses Tab until the focused element has this accessible name, then gives up after 60 presses. */
export async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/**
 * Elements whose text is cut off: wider (or taller) inside than the box that clips it, where the box hides
 * what overflows (an ellipsis counts as cut: a person cannot read what it hides). Scrolling regions are not
 * clipping, and neither are boxes with nothing but whitespace in them.
 */
export function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(el);
      const clips = (o: string) => o === 'hidden' || o === 'clip';
      if (!clips(style.overflowX) && !clips(style.overflowY)) continue;
      if (!(el.textContent ?? '').trim() || el.getClientRects().length === 0) continue;
      // MUI hides a collapsed Accordion's content by height 0 and visibility hidden: not shown, so not cut.
      if (style.visibility === 'hidden' || el.closest('[hidden], .MuiCollapse-hidden')) continue;
      const wide = clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const tall = clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0;
      if (wide || tall)
        cut.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: "${(el.textContent ?? '').trim().slice(0, 80)}"`);
    }
    return cut;
  });
}

/**
 * Elements whose own text runs out of their box without being clipped: a word longer than its button or
 * chip spills over what is beside it. Only boxes that hold text directly are asked; inline ones have no
 * box of their own to overflow.
 */
export function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const over: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || el.getClientRects().length === 0) continue;
      if (
        style.overflowX === 'auto' ||
        style.overflowX === 'scroll' ||
        style.visibility === 'hidden' ||
        el.closest('[hidden], .MuiCollapse-hidden')
      )
        continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (ownText && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        over.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: "${(el.textContent ?? '').trim().slice(0, 80)}"`);
    }
    return over;
  });
}
