// @vitest-environment jsdom
// Every word the wizard's pages show comes from the catalogue: under the pseudo-locale (each message
// wrapped in ⟦ ⟧, its letters accented) each page - welcome, selection, scan, results (live, opened and
// with the doctor's block), fix (plan, progress, put back, another machine's), report, an interrupted fix -
// has nothing alphabetic outside the brackets in its text or its aria-labels but data: paths, host names,
// versions, check ids and the other values of the fake machine and its report, language names, and the
// main process's own sentences (which it says in its language). And the language menu: choosing a
// language tells the main process, and the pages are then said in it.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import './app-pages.js';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../shared/i18n/catalogue/en/index.js';
import { LANGUAGE_NAMES } from '../../shared/i18n/languages.js';
import { outsidePseudo, pseudoCatalogue } from '../../shared/i18n/pseudo.js';
import { speakLanguage } from '../../shared/i18n/load.js';
import { currentLanguage, speak, t } from '../../shared/i18n/translate.js';
import { findingAnchor } from '../../shared/report/anchor.js';
import { buildReport } from '../../shared/report/build.js';
import { CHECKS } from '../../shared/rules/catalogue.js';
import { App } from '../../renderer/src/App.js';
import { fakeApi, sampleProfile, type FakeApi } from './fake-api.js';

afterEach(cleanup);

/** Words that are data wherever they stand: dates and times as Intl writes them in the pseudo-locale's English. */
const FORMAT_WORDS = new Set(['AM', 'PM', 'UTC', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

/** Every string in a value (a profile, a report, an API answer): the data a page may show as it is. */
function strings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into);
  return into;
}

/** The data of the samples a test uses, of their reports (matrix sections, subjects) and of the fake's answers, word by word. */
function dataWords(samples: string[], extra: string[] = []): Set<string> {
  const words = new Set<string>([...FORMAT_WORDS, ...Object.values(LANGUAGE_NAMES), ...CHECKS.map((c) => c.id)]);
  const texts = new Set<string>(extra);
  for (const name of samples) {
    const profile = sampleProfile(name);
    strings(profile, texts);
    // The report's data (its sources' sections, subjects and evidence), not its words: those are said in the test's language.
    for (const finding of buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date() }).findings)
      strings([finding.check, finding.subject, finding.source, finding.evidence], texts);
  }
  for (const text of texts) for (const word of text.split(/\s+/)) words.add(trim(word));
  return words;
}

const trim = (word: string) => word.replace(/^[^\p{L}\p{N}\\]+|[^\p{L}\p{N}\\]+$/gu, '');

/**
 * What the page says outside the catalogue, but data: the text of the whole page (its text nodes in order, so
 * that a message split by a link is one; not a text field's value, which is the user's or a script), then
 * each aria-label, title, placeholder and aria-valuetext, bracketed messages taken out.
 */
function unwrapped(data: Set<string>): string[] {
  const nodes: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest('textarea, input, style, script')) nodes.push(node.textContent ?? '');
  const texts = [nodes.join(' ')];
  for (const element of document.body.querySelectorAll('*'))
    for (const name of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  const left: string[] = [];
  for (const text of texts)
    for (const word of outsidePseudo(text).split(/\s+/)) {
      const clean = trim(word);
      if (!/\p{L}{2,}/u.test(clean) || data.has(clean)) continue;
      // A path, a registry key or an address: data however it is cut.
      if (/\\|\/|^[A-Za-z]:$|^\w+\.\w+/.test(clean)) continue;
      left.push(clean);
    }
  return [...new Set(left)];
}

async function start(api: FakeApi) {
  const user = userEvent.setup();
  render(<App api={api} />);
  await screen.findByText(t('wizard.app.nameVersion', { version: '9.9.9' }));
  return user;
}

async function toResults(api: FakeApi) {
  const user = await start(api);
  await user.click(await screen.findByRole('button', { name: t('wizard.welcome.start') }));
  await user.click(await screen.findByRole('button', { name: t('wizard.select.scan') }));
  await screen.findByRole('heading', { level: 1, name: t('wizard.pages.results') });
  await waitFor(() => expect(document.querySelector('section[aria-labelledby="area-cache"]')).not.toBeNull());
  return user;
}

describe('the pages under the pseudo-locale', () => {
  beforeAll(() => speak('en', pseudoCatalogue(en), 'en'));
  afterAll(() => speak('en', en));

  it('Welcome', async () => {
    await start(fakeApi());
    expect(unwrapped(dataWords([]))).toEqual([]);
  });

  it('What to back up: a folder, a wrong bandwidth, the editions', async () => {
    const user = await start(fakeApi({ mode: 'desktop' }));
    await user.click(await screen.findByRole('button', { name: t('wizard.welcome.start') }));
    await user.type(await screen.findByRole('textbox', { name: t('wizard.select.folders.field') }), 'D:\\Shares{Enter}');
    await user.type(screen.getByRole('textbox', { name: t('wizard.select.bandwidth.field') }), 'fast');
    await user.click(screen.getByRole('combobox', { name: t('wizard.select.edition.field') }));
    await screen.findAllByRole('option');
    expect(unwrapped(dataWords([], ['D:\\Shares', 'fast', '2026-03', '2019-02-17']))).toEqual([]);
  });

  it('Scan: the probes and the figures of the folders', async () => {
    const api = fakeApi({ holdScan: true });
    const user = await start(api);
    await user.click(await screen.findByRole('button', { name: t('wizard.welcome.start') }));
    await user.click(await screen.findByRole('button', { name: t('wizard.select.scan') }));
    await screen.findByText(t('wizard.scan.starting'));
    expect(unwrapped(dataWords([]))).toEqual([]);
    act(() => {
      api.emit({ step: 'system', state: 'done' });
      api.emit({
        step: 'selection',
        state: 'running',
        selection: { files: 14808, bytes: 971 * 2 ** 20, filesPerSecond: 4936, current: 'E:\\Shares\\Projects' },
      });
    });
    await screen.findByText(t('wizard.scan.figures.current', { folder: 'E:\\Shares\\Projects' }));
    expect(unwrapped(dataWords([]))).toEqual([]);
    await user.click(screen.getByRole('button', { name: t('wizard.scan.cancel') }));
    await screen.findByRole('alert');
    // The main process says why the scan stopped, in its own language.
    expect(unwrapped(dataWords([], ['The scan was cancelled.']))).toEqual([]);
  });

  it('Results of a live check, with a check again and a passed group opened', async () => {
    const api = fakeApi();
    const user = await toResults(api);
    const area = document.querySelector('section[aria-labelledby="area-cache"]') as HTMLElement;
    await user.click(within(area).getByRole('button', { name: t('wizard.results.recheck.button', { area: 'cache', name: '' }) }));
    await waitFor(() => expect(within(area).getByRole('status').textContent).not.toBe(''));
    // A group of passed checks, opened.
    const folded = document.querySelector('[id^="passed-"][id$="-summary"]') as HTMLElement | null;
    if (folded) await user.click(folded);
    expect(unwrapped(dataWords(['cache-problems', 'healthy-server'], ['the asset tag could not be read']))).toEqual([]);
  });

  it('Results of a profile opened from a file, with the doctor and the checks that need Windows', async () => {
    const user = await start(fakeApi());
    for (const sample of ['v2-last-backup-failed', 'old-os']) {
      await user.click(screen.getByRole('tab', { name: t('wizard.pages.welcome') }));
      const input = document.querySelector('input[type=file]') as HTMLInputElement;
      await user.upload(input, new File([JSON.stringify(sampleProfile(sample))], `${sample}.json`, { type: 'application/json' }));
      await screen.findByText(t('wizard.results.opened.named', { file: `${sample}.json` }));
      expect(unwrapped(dataWords([sample], [`${sample}.json`]))).toEqual([]);
    }
  });

  it('Fix: the plan, its progress, and the result', async () => {
    const api = fakeApi({ holdFix: true, backupUnknown: true });
    const user = await toResults(api);
    const card = document.getElementById(findingAnchor({ check: 'cache.free-space', subject: null }))!;
    await user.click(within(card).getByRole('button', { name: t('wizard.finding.fix') }));
    await user.click(await screen.findByRole('button', { name: t('wizard.fix.target.check') }));
    const read = await screen.findByRole('checkbox', { name: t('wizard.confirm.read') });
    const data = dataWords(['cache-problems'], ['E:\\MARS Cache', 'the CloudBackup event log could not be read']);
    expect(unwrapped(data)).toEqual([]);
    await user.click(read);
    await user.click(screen.getByRole('button', { name: t('wizard.confirm.button.move', { folder: 'E:\\MARS Cache' }) }));
    const total = { totalFiles: 1234, totalBytes: 9663676416 };
    act(() => {
      api.emitFix({ step: 'stop-service', state: 'done' });
      api.emitFix({ step: 'copy', state: 'running', files: 137, bytes: 2 ** 30, ...total });
    });
    await screen.findByRole('progressbar');
    expect(unwrapped(data)).toEqual([]);
    await user.click(screen.getByRole('button', { name: t('wizard.progress.stop') }));
    await screen.findByText(t('wizard.putBack.title.stopped'));
    expect(unwrapped(new Set([...data, ...dataWords([], ['the move was stopped during the copy'])]))).toEqual([]);
    await user.click(screen.getByRole('button', { name: t('wizard.fix.retry') }));
    await user.click(await screen.findByRole('checkbox', { name: t('wizard.confirm.read') }));
    await user.click(screen.getByRole('button', { name: t('wizard.confirm.button.move', { folder: 'E:\\MARS Cache' }) }));
    act(() => api.finishFix());
    await waitFor(() => expect(screen.queryByRole('button', { name: t('wizard.progress.stop') })).toBeNull());
    await waitFor(() => expect((screen.getByRole('button', { name: t('wizard.fix.back') }) as HTMLButtonElement).disabled).toBe(false));
    expect(unwrapped(data)).toEqual([]);
  });

  it("Fix for another machine's profile: its script and ticket, or the steps by hand", async () => {
    const user = await start(fakeApi());
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File([JSON.stringify(sampleProfile('cache-problems'))], 'app02.json', { type: 'application/json' }));
    const fixes = await screen.findAllByRole('button', { name: t('wizard.finding.fix') });
    const data = dataWords(['cache-problems'], ['app02.json']);
    for (let i = 0; i < fixes.length; i++) {
      await user.click(screen.getAllByRole('button', { name: t('wizard.finding.fix') })[i]!);
      await screen.findByRole('textbox', { name: t('wizard.fix.elsewhere.ticketField') });
      expect(unwrapped(data)).toEqual([]);
      await user.click(screen.getByRole('button', { name: t('wizard.fix.back') }));
    }
  });

  it('Report, with names hidden and the network request menu open', async () => {
    const user = await toResults(fakeApi());
    await user.click(screen.getByRole('button', { name: t('wizard.results.next') }));
    await user.click(await screen.findByRole('switch', { name: t('wizard.hideNames.switch') }));
    await screen.findByRole('region', { name: t('wizard.hideNames.region') });
    await user.click(screen.getByRole('button', { name: t('wizard.network.button') }));
    await screen.findAllByRole('menuitem');
    // The redaction's stand-ins (HOST-1) and samples are data; the kinds it counts are its helper's words.
    const samples = [...document.querySelectorAll('code')].map((c) => c.textContent ?? '');
    expect(unwrapped(dataWords(['cache-problems'], samples))).toEqual([]);
  });

  it('An interrupted fix, confirmed and dealt with', async () => {
    const pending = {
      message: 'An interrupted move of the cache from C:\\Scratch to D:\\MARS Cache must be finished or undone first.',
      action: 'relocate-cache' as const,
      damaged: false,
      path: 'C:\\ProgramData\\MARS Readiness\\fix-journal.json',
    };
    const user = await start(fakeApi({ pending }));
    const banner = await screen.findByRole('alert');
    const data = dataWords(
      ['cache-problems'],
      [pending.message, 'the move was interrupted before its copy was verified', 'D:\\MARS Cache'],
    );
    await user.click(within(banner).getAllByRole('button')[0]!);
    expect(unwrapped(data)).toEqual([]);
    await user.click(within(banner).getAllByRole('button')[0]!);
    await screen.findByRole('heading', { level: 1, name: t('wizard.pages.results') });
    expect(unwrapped(data)).toEqual([]);
  });
});

describe('the language menu', () => {
  afterEach(() => speak('en', en));

  it('tells the main process, then says the pages (and the report) in the language chosen', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Language: English' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Deutsch' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ist dieser Computer für Azure Backup bereit?' })).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'setLanguage').map((c) => c.args)).toEqual([['de']]);
    expect(currentLanguage()).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('button', { name: 'Sprache: Deutsch' })).toBeTruthy();
    // The results, checked in German, then said again in French.
    await user.click(screen.getByRole('button', { name: 'Starten' }));
    await user.click(await screen.findByRole('button', { name: 'Diesen Computer prüfen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ergebnisse' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sprache: Deutsch' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Français' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Résultats' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Corriger' }).length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe('fr');
  });

  it('follows the language another window chose, when this one is shown again', async () => {
    const api = fakeApi();
    render(<App api={api} />);
    await screen.findByRole('button', { name: 'Language: English' });
    await api.setLanguage('ja');
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(await screen.findByRole('button', { name: `言語: ${LANGUAGE_NAMES.ja}` })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    expect(document.title).toBe('MARS 準備状況ウィザード');
  });

  it("shows a report the main process made in another language in the pages' own", async () => {
    const api = fakeApi();
    const scan = api.scan;
    // The main process spoke Japanese when it made the report (another window had chosen it).
    api.scan = async (request) => {
      await speakLanguage('ja');
      const made = await scan(request);
      speak('en', en);
      return made;
    };
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('button', { name: 'Scan this machine' }));
    expect(await screen.findByText('Not ready')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[\u3040-\u30ff]/);
    expect(screen.getAllByText(/cache/i).length).toBeGreaterThan(0);
  });

  it("is disabled, and says so, while the machine's policy sets the language", async () => {
    const api = fakeApi();
    const appInfo = api.appInfo;
    api.appInfo = async () => {
      const result = await appInfo();
      return result.ok
        ? { ...result, value: { ...result.value, language: { current: 'en', source: 'policy', locked: true, ignoredPolicy: null } } }
        : result;
    };
    render(<App api={api} />);
    const button = (await screen.findByRole('button', { name: 'Language: English' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText("This machine's policy sets the language.")).toBeTruthy();
    expect(button.getAttribute('aria-describedby')).toBe(screen.getByText("This machine's policy sets the language.").id);
  });

  it('says a policy value it passed over, and stays free to choose', async () => {
    const api = fakeApi();
    const appInfo = api.appInfo;
    api.appInfo = async () => {
      const result = await appInfo();
      const ignoredPolicy = { data: 'ko-KR', type: 'REG_SZ' };
      return result.ok
        ? { ...result, value: { ...result.value, language: { current: 'en', source: 'default', locked: false, ignoredPolicy } } }
        : result;
    };
    render(<App api={api} />);
    const button = (await screen.findByRole('button', { name: 'Language: English' })) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(
      screen.getByText(
        'The policy value Language under HKLM\\SOFTWARE\\Policies\\MarsReadiness is “ko-KR”, which is not a language this tool speaks, so it is not used.',
      ),
    ).toBeTruthy();
  });
});
