// @vitest-environment jsdom
// The doctor's block at the top of the results (DiagnosisBanner): from the sample profile whose last
// backup failed (through the wizard, scan and all) and from the failed-backup sandbox (its profile
// collected by the built CLI, as a helpdesk would): the headline first, the codes, each pointed check a
// link that focuses its finding card, and the fix its finding offers started through the card's own
// handler. No banner without a history, nor when the last job passed.
import { cleanup, render, screen, within } from '@testing-library/react';
import './app-pages.js';
import userEvent from '@testing-library/user-event';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { ApiContext } from '../../renderer/src/api/context.js';
import { ResultsPage } from '../../renderer/src/pages/ResultsPage.js';
import { DEFAULT_REQUEST } from '../../renderer/src/state.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { findingAnchor } from '../../shared/report/anchor.js';
import { buildReport } from '../../shared/report/build.js';
import { localDateTime } from '../../shared/report/diagnosis.js';
import type { Finding } from '../../shared/report/types.js';
import { fakeApi, sampleProfile } from './fake-api.js';

afterEach(cleanup);

const CAUSE = 'the volume holding the cache folder is too full for the amount of data being backed up';
const FREE_SPACE = findingAnchor({ check: 'cache.free-space', subject: null });

/** The doctor's block, found by its heading (the headline). */
const banner = () => screen.getByRole('alert', { name: /^The last (scheduled )?backup / });
const noBanner = () => {
  expect(screen.queryByRole('alert', { name: /^The last (scheduled )?backup / })).toBeNull();
  expect(document.getElementById('diagnosis-heading')).toBeNull();
};

async function scanned(sample: string) {
  const user = userEvent.setup();
  render(<App api={fakeApi({ sample })} />);
  await user.click(await screen.findByRole('button', { name: 'Start' }));
  await user.click(await screen.findByRole('button', { name: 'Scan this machine' }));
  await screen.findByText(/passed\.$/);
  return user;
}

async function opened(profile: MachineProfile) {
  const user = userEvent.setup();
  const { container } = render(<App api={fakeApi()} />);
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  await user.upload(input, new File([JSON.stringify(profile)], 'fs02.json', { type: 'application/json' }));
  await screen.findByText(/collected on another machine \(fs02\.json\)/);
  return user;
}

describe('the sample profile whose last backup failed', () => {
  it('opens the results with the headline, in the reader’s own date and time, above everything else', async () => {
    await scanned('v2-last-backup-failed');
    const block = banner();
    const at = '2026-11-19T21:47:30Z';
    expect(screen.getByRole('heading', { level: 2, name: `The last backup failed on ${localDateTime(at)}: ${CAUSE}.` })).toBeTruthy();
    expect(localDateTime(at)).not.toContain('2026-11-19');
    expect(block.querySelector('time')!.getAttribute('dateTime')).toBe(at);
    // The first heading of the results, and before the verdict and every finding in the page's order.
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.id).toBe('diagnosis-heading');
    const verdict = screen.getAllByRole('status').find((s) => /Something below blocks backup|Backups can work/.test(s.textContent ?? ''))!;
    expect(block.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(block.compareDocumentPosition(document.getElementById(FREE_SPACE)!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(block.className).toMatch(/MuiAlert-colorError|MuiAlert-standardError/);
  });

  it('lists the code with what it means, and its check with the finding’s title, which the cause no longer holds', async () => {
    await scanned('v2-last-backup-failed');
    const codes = within(banner()).getAllByRole('list')[0]!;
    expect(codes.textContent).toContain("SalLowDiskSpace (seen twice): the volume of the agent's cache folder ran out of space.");
    expect(codes.textContent).toContain(`Usually ${CAUSE}.`);
    const pointed = within(codes).getByRole('list', { name: 'What this report found of the cause of SalLowDiskSpace' });
    expect(pointed.textContent).toBe('Fine now: The cache has room (cache.free-space)');
    // The cause is gone: nothing to fix.
    expect(within(banner()).queryAllByRole('button')).toEqual([]);
  });

  it('moves the focus to the finding card when its check is clicked, or chosen from the keyboard', async () => {
    const user = await scanned('v2-last-backup-failed');
    const link = within(banner()).getByRole('link', { name: 'The cache has room' });
    expect(link.getAttribute('href')).toBe(`#${FREE_SPACE}`);
    // A finding that passes starts closed; the link opens it.
    expect(document.getElementById(`${FREE_SPACE}-summary`)!.getAttribute('aria-expanded')).toBe('false');
    await user.click(link);
    const card = document.getElementById(FREE_SPACE)!;
    expect(card.classList.contains('MuiAccordion-root')).toBe(true);
    expect(within(card).getByText('The cache has room')).toBeTruthy();
    expect(document.activeElement).toBe(document.getElementById(`${FREE_SPACE}-summary`));
    expect(card.contains(document.activeElement)).toBe(true);
    expect(document.activeElement!.getAttribute('aria-expanded')).toBe('true');

    // From the keyboard, a second time: the card stays open (the link never closes it).
    (document.activeElement as HTMLElement).blur();
    link.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(document.getElementById(`${FREE_SPACE}-summary`));
    expect(document.activeElement!.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('the failed-backup sandbox', () => {
  let profile: MachineProfile;
  let dir: string;
  beforeAll(() => {
    // A copy, never the sample itself; collected by the built CLI (the test setup builds it).
    dir = mkdtempSync(join(tmpdir(), 'mars-doctor-banner-'));
    cpSync(join(process.cwd(), 'samples', 'sandboxes', 'last-backup-failed'), dir, { recursive: true });
    const out = execFileSync(process.execPath, ['bin/mars-readiness.js', 'collect', '--sandbox', dir, '--offline'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    profile = JSON.parse(out) as MachineProfile;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function results(onFix: (f: Finding) => void) {
    const report = buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-12-01T07:45:00Z') });
    render(
      <ApiContext.Provider value={fakeApi()}>
        <ResultsPage
          examined={{ source: 'live', profile, report, notes: [] }}
          request={DEFAULT_REQUEST}
          onChange={() => {}}
          onFix={onFix}
          onNext={() => {}}
        />
      </ApiContext.Provider>,
    );
    return report;
  }

  it('says the cause is still there, each code in order, and starts the move through the card’s own Fix handler', async () => {
    const onFix = vi.fn();
    const user = userEvent.setup();
    const report = results(onFix);
    const block = banner();
    expect(within(block).getByRole('heading', { level: 2 }).textContent).toBe(
      `The last backup failed on ${localDateTime('2026-12-01T02:41:17.5532109Z')}: ${CAUSE}.`,
    );
    const items = within(block)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement!.parentElement!.closest('li') === null);
    expect(items.map((li) => li.querySelector('code')!.textContent)).toEqual(['SalLowDiskSpace', '0x80070002', '0x80070070']);
    expect(items[2]!.textContent).toBe('0x80070070 (seen twice): Windows error 112: there is not enough space on the disk.');
    const free = within(items[0]!).getByRole('listitem');
    expect(free.textContent).toBe(
      'Still there (blocks backup): Not enough free space for the cache (cache.free-space) Move the cache folder…',
    );
    expect(within(free).getByRole('link', { name: 'Not enough free space for the cache' })).toBeTruthy();
    // Two codes point at the free-space check: its fix is offered once, beside the first.
    expect(within(block).getAllByRole('button', { name: 'Move the cache folder…' })).toHaveLength(1);
    // Fine now: the folder exists and Defender excludes it.
    expect(within(items[1]!).getByRole('link', { name: 'The cache folder exists' }).closest('li')!.textContent).toMatch(/^Fine now:/);

    // The move, from the banner and from the card: the same handler, with the same finding.
    await user.click(within(free).getByRole('button', { name: 'Move the cache folder…' }));
    const card = document.getElementById(FREE_SPACE)!;
    await user.click(within(card).getByRole('button', { name: 'Fix this' }));
    expect(onFix).toHaveBeenCalledTimes(2);
    const finding = report.findings.find((f) => f.check === 'cache.free-space')!;
    expect(onFix.mock.calls[0]![0]).toBe(finding);
    expect(onFix.mock.calls[1]![0]).toBe(finding);
    expect(finding.fix!.action).toBe('relocate-cache');

    await user.click(within(free).getByRole('link', { name: 'Not enough free space for the cache' }));
    expect(document.activeElement).toBe(document.getElementById(`${FREE_SPACE}-summary`));
  });

  it('leads an opened profile’s move to the Fix page, as the card does', async () => {
    const user = await opened(profile);
    await user.click(within(banner()).getAllByRole('button', { name: 'Move the cache folder…' })[0]!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Fix' })).toBeTruthy();
    expect(await screen.findByText(/nothing is changed on this machine/)).toBeTruthy();
  });
});

describe('no doctor', () => {
  it('for a report with no history at all', async () => {
    await scanned('cache-problems');
    // Its card is there (the Do this first list names it too).
    expect(screen.getAllByText('The two cache registry values disagree').some((e) => e.closest('.MuiAccordion-root'))).toBe(true);
    noBanner();
  });

  it('for a history in which no job finished', async () => {
    const profile = sampleProfile('v2-last-backup-failed');
    profile.history = { windowDays: 14, events: [], errorCodes: [] };
    await opened(profile);
    noBanner();
  });

  it('when the last job passed, though the logs still hold the old code', async () => {
    const profile = sampleProfile('v2-last-backup-failed');
    profile.history!.events!.push({ id: 1, time: '2026-11-20T02:00:00Z' }, { id: 3, time: '2026-11-20T02:40:00Z' });
    await opened(profile);
    expect(screen.getAllByText(/^Error SalLowDiskSpace: /).some((e) => e.closest('.MuiAccordion-root'))).toBe(true);
    noBanner();
  });
});
