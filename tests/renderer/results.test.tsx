// @vitest-environment jsdom
// The results page a helpdesk agent can act on (issue 14): a Learn more link on every finding card, the
// evidence as named facts, the OS with its version in brackets, blockers and warnings open with their
// fix, the passed checks folded into one line per area, one "Check again" per area whose result is said
// where its button is, the checks that need Windows folded into one line on a machine that is not Windows,
// no command-line option anywhere on the page (every sample, live and opened), no "collect the profile
// again" on a live check, a restore problem that does not "block backup", and a storage endpoint whose
// sample host DNS does not know said as exactly that.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import './app-pages.js';
import userEvent from '@testing-library/user-event';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '../../renderer/src/api/context.js';
import { ResultsPage } from '../../renderer/src/pages/ResultsPage.js';
import { DEFAULT_REQUEST, type Examined } from '../../renderer/src/state.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { findingAnchor } from '../../shared/report/anchor.js';
import { buildReport } from '../../shared/report/build.js';
import { groupFindings } from '../../shared/report/grouping.js';
import { fakeApi, sampleProfile, type FakeApi } from './fake-api.js';

afterEach(cleanup);

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLES = readdirSync(join(process.cwd(), 'samples', 'profiles'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function examine(profile: MachineProfile, source: Examined['source'], notes: Examined['notes'] = []): Examined {
  return { profile, report: buildReport(profile, { edition: 'current', toolVersion: 'test', now: NOW }), notes, source };
}

function show(examined: Examined, api: FakeApi = fakeApi()) {
  let current = examined;
  const utils = render(
    <ApiContext.Provider value={api}>
      <ResultsPage examined={examined} request={DEFAULT_REQUEST} onChange={(e) => (current = e)} onFix={() => {}} onNext={() => {}} />
    </ApiContext.Provider>,
  );
  const rerender = () =>
    utils.rerender(
      <ApiContext.Provider value={api}>
        <ResultsPage examined={current} request={DEFAULT_REQUEST} onChange={(e) => (current = e)} onFix={() => {}} onNext={() => {}} />
      </ApiContext.Provider>,
    );
  return { ...utils, api, rerender };
}

const cardOf = (check: string, subject: string | null = null) => document.getElementById(findingAnchor({ check, subject }))!;
const summaryOf = (card: HTMLElement) => document.getElementById(`${card.id}-summary`)!;

/** A Linux machine as this tool probes one (an agent cannot be installed there; the network not tested). */
function linuxProfile(): MachineProfile {
  return {
    schemaVersion: 2,
    capturedAt: '2026-11-25T11:00:00Z',
    host: { name: 'vm', azureVm: null, role: null },
    os: { family: 'linux', caption: 'Debian GNU/Linux 12 (bookworm)', version: null, architecture: 'x64' },
    agent: { installed: false, serviceState: 'not-installed' },
    volumes: [{ id: '/', fileSystem: 'ext4', driveType: 'fixed', sizeBytes: 270553174016, freeBytes: 46752329728 }],
    network: { proxy: { winhttp: null, system: null, environment: null }, uploadMbps: null },
  };
}

describe('every finding card', () => {
  it('has a Learn more link to its section on Microsoft Learn, opening outside the wizard', () => {
    const examined = examine(sampleProfile('cache-problems'), 'live');
    const { report } = examined;
    show(examined);
    for (const f of report.findings) {
      // A closed card's link is there too, hidden until the card opens (hidden text gives no accessible name).
      const links = within(cardOf(f.check, f.subject))
        .getAllByRole('link', { hidden: true })
        .filter((l) => l.textContent === `Learn more about ${f.source.section} on Microsoft Learn`);
      expect(links, `${f.check} ${f.subject}`).toHaveLength(1);
      const link = links[0]!;
      expect(link.getAttribute('href')).toBe(f.source.url);
      expect(link.getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    }
  });
  it('shows the evidence as named facts, never as JSON pointers or doubled backslashes', () => {
    show(examine(sampleProfile('cache-problems'), 'live'));
    const facts = within(cardOf('cache.free-space')).getByRole('list', { name: /^What the check saw: / });
    const lines = within(facts)
      .getAllByRole('listitem')
      .map((li) => li.textContent!);
    expect(lines.some((l) => /^Free space on [A-Z]: [\d,.]+ (GB|TB)$/.test(l))).toBe(true);
    expect(lines).toContain(`Cache folder: ${sampleProfile('cache-problems').cache!.path}`);
    const everyFact = [...document.querySelectorAll('[aria-label^="What the check saw"] li')].map((li) => li.textContent!);
    expect(everyFact.length).toBeGreaterThan(20);
    expect(everyFact.filter((l) => l.includes('\\\\') || /(^|\s)\/[a-z]+\/|[{}]|"\w+":/.test(l))).toEqual([]);
  });
  it('names the OS with its version in brackets, in the machine line and the evidence', () => {
    show(examine(sampleProfile('old-os'), 'opened'));
    expect(screen.getByText(/^Machine: .*Windows Server 2008 R2 \(6\.1\.7601\)\./)).toBeTruthy();
    const os = within(cardOf('os.supported')).getByRole('list', { name: /^What the check saw/ });
    expect(within(os).getByText('Windows version: Windows Server 2008 R2 (6.1.7601)')).toBeTruthy();
  });
});

describe('what opens and what folds', () => {
  it('opens blockers and warnings with their fix, and folds the passed checks into one line per area', async () => {
    const user = userEvent.setup();
    const examined = examine(sampleProfile('azure-vm'), 'live');
    show(examined);
    const { findings } = examined.report;
    expect(findings.some((f) => f.status === 'warn')).toBe(true);
    for (const f of findings.filter((x) => x.status === 'warn' || x.status === 'fail')) {
      const card = cardOf(f.check, f.subject);
      expect(summaryOf(card).getAttribute('aria-expanded')).toBe('true');
      expect(within(card).getByText(/^What to do \(/)).toBeTruthy();
    }
    for (const group of groupFindings(findings)) {
      const area = screen.getByRole('region', { name: group.name });
      const passed = group.findings.filter((f) => f.status === 'pass');
      const folds = within(area).queryAllByRole('button', { name: /checks? passed$/ });
      expect(folds.length).toBe(passed.length > 0 ? 1 : 0);
      if (passed.length === 0) continue;
      const [fold] = folds;
      expect(fold!.textContent).toMatch(new RegExp(`^${passed.length} ${passed.length === 1 ? 'check' : 'checks'} passed`));
      expect(fold!.getAttribute('aria-expanded')).toBe('false');
      for (const f of passed)
        expect(document.getElementById(`passed-${group.area}-details`)!.contains(cardOf(f.check, f.subject))).toBe(true);
      await user.click(fold!);
      expect(fold!.getAttribute('aria-expanded')).toBe('true');
    }
  });
  it('opens a folded line at once when a card in it is opened from a link elsewhere (the doctor, Do this first)', () => {
    show(examine(sampleProfile('healthy-server'), 'live'));
    const card = cardOf('cache.folder');
    const fold = document.getElementById('passed-cache-summary')!;
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    // What goToFinding does: click the closed card's summary, then focus it - in the same task.
    act(() => summaryOf(card).click());
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    expect(summaryOf(card).getAttribute('aria-expanded')).toBe('true');
  });
  it('has one Check again button per area, none on a card, and says the result where that button is', async () => {
    const user = userEvent.setup();
    const examined = examine(sampleProfile('cache-problems'), 'live');
    const { rerender, api } = show(examined);
    const groups = groupFindings(examined.report.findings);
    expect(screen.getAllByRole('button', { name: /^Check .* again$/ })).toHaveLength(groups.length);
    for (const f of examined.report.findings)
      expect(within(cardOf(f.check, f.subject)).queryByRole('button', { name: /again/ })).toBeNull();
    const cache = screen.getByRole('region', { name: 'Cache folder' });
    const button = within(cache).getByRole('button', { name: 'Check cache folder again' });
    await user.click(button);
    const said = await within(cache).findByRole('status');
    await within(said).findByText(/^Checked again at [^.]+\. /);
    expect(said.textContent).toMatch(/Both cache registry values agree - passed \(was: blocks backup\)/);
    expect(api.calls.filter((c) => c.method === 'recheck')).toHaveLength(1);
    // The page shows the machine examined again; the cache area keeps its place and its words.
    // The areas' headings (the Do this first list above them changes as things get fixed).
    const areaHeadings = () =>
      screen
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent)
        .filter((name) => name !== 'Do this first');
    const before = areaHeadings();
    rerender();
    expect(areaHeadings()).toEqual(before);
    expect(within(screen.getByRole('region', { name: 'Cache folder' })).getByRole('status').textContent).toMatch(/^Checked again at /);
  });
  it('keeps the keyboard focus on the Check again button pressed, while it checks and after', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    const answer = api.recheck;
    let release = () => {};
    let asked = 0;
    api.recheck = async (...args) => (asked++, await new Promise<void>((resolve) => (release = resolve)), answer(...args));
    show(examine(sampleProfile('cache-problems'), 'live'), api);
    const cache = screen.getByRole('region', { name: 'Cache folder' });
    const button = within(cache).getByRole('button', { name: 'Check cache folder again' }) as HTMLButtonElement;
    button.focus();
    await user.keyboard('{Enter}');
    await within(cache).findByRole('button', { name: 'Checking cache folder again…' });
    // A disabled button would drop the focus to the page's body (as browsers do): this one is only said to be unavailable.
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(asked).toBe(1);
    // The other areas' buttons wait.
    const others = screen.getAllByRole('button', { name: /^Check .* again$/ }) as HTMLButtonElement[];
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((b) => b.disabled)).toBe(true);
    act(() => release());
    await within(cache).findByText(/^Checked again at /);
    expect(within(cache).getByRole('button', { name: 'Check cache folder again' })).toBe(button);
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    expect(document.activeElement).toBe(button);
  });
  it('says the steps of an opened profile without "check again": that page has no Check again button', () => {
    for (const name of SAMPLES) {
      show(examine(sampleProfile(name), 'opened'));
      expect(document.body.textContent, name).not.toMatch(/\bcheck again\b/i);
      cleanup();
    }
  });
  it('offers no Check again for a profile opened from a file', () => {
    show(examine(sampleProfile('cache-problems'), 'opened'));
    expect(screen.queryAllByRole('button', { name: /again/ })).toEqual([]);
  });
});

describe('on a machine that is not Windows', () => {
  it('folds the checks only Windows can answer into one line that says why they do not apply', () => {
    const examined = examine(linuxProfile(), 'live', [{ field: '/network/endpoints', reason: 'not tested: --offline' }]);
    show(examined);
    const notHere = examined.report.findings.filter(
      (f) => (f.status === 'unknown' || f.status === 'info') && /^(software|cache|files|restore)\./.test(f.check),
    );
    expect(notHere.length).toBeGreaterThan(5);
    const line = screen.getByRole('button', {
      name: /checks do not apply here: this machine runs Debian GNU\/Linux 12 \(bookworm\), and they look at what only Windows has/,
    });
    expect(line.getAttribute('aria-expanded')).toBe('false');
    const folded = document.getElementById('needs-windows-details')!;
    for (const f of notHere) expect(folded.contains(cardOf(f.check, f.subject))).toBe(true);
    expect(line.textContent).toMatch(new RegExp(`^${folded.querySelectorAll('.MuiAccordion-root').length} checks do not apply`));
    // What matters stays in sight: the agent needs Windows.
    expect(folded.contains(cardOf('os.supported'))).toBe(false);
    expect(screen.getAllByText('The MARS agent needs Windows; this machine runs Linux').some((e) => e.closest('.MuiAccordion-root'))).toBe(
      true,
    );
    expect(screen.queryByRole('region', { name: 'Software' })).toBeNull();
    // The probe's note in words, its field named, not pointed at.
    expect(screen.getByText(`not tested: "Test the connection to Microsoft's addresses" was turned off`)).toBeTruthy();
    expect(screen.getByText('Network test')).toBeTruthy();
  });
  it('folds nothing on Windows', () => {
    show(examine(sampleProfile('pre-install'), 'live'));
    expect(document.getElementById('needs-windows-details')).toBeNull();
  });
});

describe('the words on the page', () => {
  const flags = / --[A-Za-z]|mars-readiness /;
  it.each(SAMPLES)('%s: no command-line option, opened or live; live, never "collect the profile again"', (name) => {
    for (const source of ['opened', 'live'] as const) {
      const { unmount, container } = show(
        examine(sampleProfile(name), source, source === 'live' ? [{ field: '/network/endpoints', reason: 'not tested: --offline' }] : []),
      );
      const text = container.textContent!;
      expect(text.length).toBeGreaterThan(500);
      expect(text.match(flags), `${name} ${source}`).toBeNull();
      if (source === 'live') expect(text.match(/collect the profile|on the machine itself/i), name).toBeNull();
      unmount();
    }
  });
  it('says a fail of the restore target blocks restore, not backup', () => {
    const profile = sampleProfile('healthy-server');
    profile.restoreTarget = { version: '6.0.6002' };
    show(examine(profile, 'opened'));
    const card = cardOf('restore.target');
    expect(within(card).getByText('✕ Blocks restore')).toBeTruthy();
    expect(within(card).queryByText(/Blocks backup/)).toBeNull();
  });
  it('says a storage endpoint whose sample host DNS does not know exactly so, not that the test did not finish', () => {
    const profile = sampleProfile('healthy-server');
    const blob = profile.network!.endpoints!.find((e) => e.pattern === '*.blob.core.windows.net')!;
    Object.assign(blob, {
      reachable: null,
      ms: null,
      error:
        "mystorage.blob.core.windows.net is only a sample name for *.blob.core.windows.net and does not exist, so this says nothing about the network; test it again with one of your vault's storage accounts",
    });
    show(examine(profile, 'live'));
    const card = cardOf('network.endpoints', '*.blob.core.windows.net');
    expect(
      within(card).getByText(
        '*.blob.core.windows.net could not be tested: DNS does not know the sample name mystorage.blob.core.windows.net',
      ),
    ).toBeTruthy();
    expect(card.textContent).not.toMatch(/did not finish/);
  });
});
