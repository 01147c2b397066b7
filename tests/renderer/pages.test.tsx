// @vitest-environment jsdom
// Each page of the wizard with a fake WizardApi: what it shows, what it asks the main process for.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import './app-pages.js';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanRequest } from '../../shared/api/wizard-api.js';
import { App } from '../../renderer/src/App.js';
import { fakeApi, sampleProfile, type FakeApi } from './fake-api.js';

// Later pages load lazily; the first load of each is transformed on the fly here, which can take seconds.
afterEach(cleanup);

async function toResults(api = fakeApi()) {
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(await screen.findByRole('button', { name: 'Start' }));
  await user.click(await screen.findByRole('button', { name: 'Scan this machine' }));
  await screen.findByText('Not ready');
  return { api, user };
}

describe('Welcome', () => {
  it('says what is checked, that nothing changes without asking, and that no admin is needed', async () => {
    render(<App api={fakeApi()} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Is this machine ready for Azure Backup?' })).toBeTruthy();
    expect(screen.getByText(/needs no administrator rights/)).toBeTruthy();
    expect(screen.getByText(/Nothing on this machine is changed unless you ask/)).toBeTruthy();
    expect(await screen.findByText(/MARS Readiness Wizard 9\.9\.9/)).toBeTruthy();
  });
  it('opens a profile from a file and shows its results, or says what is wrong with it', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    const { container } = render(<App api={api} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['{ not json'], 'broken.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a valid machine profile/);
    await user.upload(input, new File([JSON.stringify(sampleProfile('old-os'))], 'legacy.json', { type: 'application/json' }));
    expect(await screen.findByText(/collected on another machine \(legacy\.json\)/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Results' })).toBeTruthy();
  });
  it("offers an opened profile's own machine a script and a ticket, and never acts on this one", async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    const { container } = render(<App api={api} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const app02 = sampleProfile('cache-problems');
    await user.upload(input, new File([JSON.stringify(app02)], 'app02.json', { type: 'application/json' }));
    const found = await findCard('Not enough free space for the cache');
    await user.click(within(found).getByRole('button', { name: 'Fix this' }));
    expect(await screen.findByText(/nothing is changed on this machine/)).toBeTruthy();
    const script = (await screen.findByRole('textbox', { name: /PowerShell script for/ })) as HTMLTextAreaElement;
    // The script is that machine's: its cache path, from the profile.
    expect(script.value).toContain(app02.cache!.path);
    expect((screen.getByRole('textbox', { name: 'Ticket text' }) as HTMLTextAreaElement).value).toMatch(
      /Please move the MARS agent's cache folder/,
    );
    expect(screen.queryByRole('button', { name: 'Check this folder' })).toBeNull();
    expect(api.calls.some((c) => c.method === 'planFix' || c.method === 'runFix')).toBe(false);
  });
});

describe('What to back up', () => {
  it('builds the scan request from typed folders, System State, bandwidth, cache and edition', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.type(await screen.findByRole('textbox', { name: 'Folder to back up' }), 'D:\\Shares{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Folder to back up' }), 'E:\\Data Files');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(within(screen.getByRole('list', { name: 'Selected folders' })).getAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove D:\\Shares' }));
    await user.click(screen.getByRole('checkbox', { name: /System State/ }));
    await user.type(screen.getByRole('textbox', { name: 'Upload bandwidth (Mbps)' }), '50');
    await user.type(screen.getByRole('textbox', { name: 'Cache folder (optional)' }), 'F:\\Cache');
    await user.click(screen.getByRole('switch', { name: /Test the connection/ }));
    await user.click(screen.getByRole('combobox', { name: 'Support matrix' }));
    await user.click(await screen.findByRole('option', { name: 'Original (2019-02-17)' }));
    await user.click(screen.getByRole('button', { name: 'Scan this machine' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'scan')).toBe(true));
    const request = api.calls.find((c) => c.method === 'scan')!.args[0] as ScanRequest;
    expect(request).toEqual({
      edition: '2019-02',
      paths: ['E:\\Data Files'],
      systemState: true,
      uploadMbps: 50,
      cachePath: 'F:\\Cache',
      offline: true,
    });
  });
  it('refuses a bandwidth that is not a number, saying how to write it', async () => {
    const user = userEvent.setup();
    render(<App api={fakeApi()} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.type(await screen.findByRole('textbox', { name: 'Upload bandwidth (Mbps)' }), 'fast');
    expect(screen.getByText(/Give a number of megabits per second/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Scan this machine' }) as HTMLButtonElement).disabled).toBe(true);
  });
  it('offers the folder picker in the desktop app only', async () => {
    const user = userEvent.setup();
    const desktop = fakeApi({ mode: 'desktop' });
    render(<App api={desktop} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('button', { name: 'Browse…' }));
    expect(await screen.findByText('D:\\Picked Folder')).toBeTruthy();
    cleanup();
    render(<App api={fakeApi()} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    expect(screen.queryByRole('button', { name: 'Browse…' })).toBeNull();
  });
});

describe('Scan', () => {
  it('shows each probe as it runs and ends, and can be cancelled', async () => {
    const api = fakeApi({ holdScan: true });
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('button', { name: 'Scan this machine' }));
    await screen.findByText('Starting…');
    act(() => api.emit({ step: 'system', state: 'running' }));
    const progress = screen.getByRole('list', { name: 'Scan progress' });
    expect(progress.getAttribute('aria-live')).toBe('polite');
    expect(within(progress).getByText('Looking…')).toBeTruthy();
    act(() => api.emit({ step: 'system', state: 'done' }));
    expect(within(progress).getByText('Done')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cancelled/);
    await user.click(screen.getByRole('button', { name: 'Back to the selection' }));
    expect(await screen.findByRole('textbox', { name: 'Folder to back up' })).toBeTruthy();
  });
});

describe('Results', () => {
  it('shows the verdict and the areas with blockers first, each finding with its fix and source', async () => {
    await toResults();
    expect(screen.getAllByRole('status').some((s) => /Not ready.*Something below blocks backup/.test(s.textContent ?? ''))).toBe(true);
    const areas = screen
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent)
      .filter((name) => name !== 'Do this first');
    expect(areas[0]).toBe('Cache folder');
    // Do this first stands between the verdict and the areas.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Do this first')).toBe(headings.indexOf('Cache folder') - 1);
    expect(card('The two cache registry values disagree')).toBeTruthy();
    expect(screen.getAllByText(/What to do \(server admin\)/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Source "Cache folder support"/).length).toBeGreaterThan(0);
    expect(screen.getByText('the asset tag could not be read')).toBeTruthy();
  });
  it('checks an area again with its one button and says what changed where the button is', async () => {
    const { api, user } = await toResults();
    const area = screen.getByRole('region', { name: 'Cache folder' });
    await user.click(within(area).getByRole('button', { name: 'Check cache folder again' }));
    await within(area).findByText(/^Checked again at [^.]+\. .*Both cache registry values agree - passed \(was: blocks backup\)/);
    expect(api.calls.find((c) => c.method === 'recheck')?.args[1]).toBe('cache.registry');
  });
  it('offers a Fix for every action a finding names, each leading to the Fix page for that action', async () => {
    const { user } = await toResults();
    for (const title of ['Not enough free space for the cache', 'The two cache registry values disagree', 'The backup engine is stopped'])
      expect(within(await openCard(user, title)).getByRole('button', { name: 'Fix this' })).toBeTruthy();
    await user.click(within(card('Not enough free space for the cache')).getByRole('button', { name: 'Fix this' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Fix' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Move the cache to' })).toBeTruthy();
  });
});

describe('Results, on a machine where nothing asks for a move', () => {
  it('still offers to move the cache to another volume, leading to the same Fix page', async () => {
    const api = fakeApi({ sample: 'healthy-server' });
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('button', { name: 'Scan this machine' }));
    await user.click(await screen.findByRole('button', { name: 'Move the cache folder to another volume…' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Fix' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Move the cache to' })).toBeTruthy();
  });
  it('is not offered twice: where a finding already offers the move, only its Fix button leads there', async () => {
    await toResults();
    expect(screen.queryByRole('button', { name: 'Move the cache folder to another volume…' })).toBeNull();
  });
});

/** The accordion of the finding with this title (the Do this first list names it too, as a link). */
function card(title: string): HTMLElement {
  const accordion = screen
    .getAllByText(title)
    .map((element) => element.closest('.MuiAccordion-root'))
    .find((element): element is HTMLElement => element !== null);
  if (!accordion) throw new Error(`no finding card titled "${title}"`);
  return accordion;
}

/** The card, once the page shows it. */
async function findCard(title: string): Promise<HTMLElement> {
  await screen.findAllByText(title);
  return card(title);
}

/** The accordion of the finding with this title, opened (warnings start closed). */
async function openCard(user: ReturnType<typeof userEvent.setup>, title: string): Promise<HTMLElement> {
  const accordion = card(title);
  const summary = within(accordion).getAllByRole('button')[0]!;
  if (summary.getAttribute('aria-expanded') === 'false') await user.click(summary);
  return accordion;
}

/** Every step id a person must never read (the plain words "copy" and "verify" are also step ids). */
const STEP_IDS = /stop-service|set-registry|start-service|reprobe|roll-forward|rollback/;
const CACHE = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch';
const CONFIG = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';

describe('Fix', () => {
  async function toFix(api = fakeApi(), title = 'Not enough free space for the cache') {
    const { user } = await toResults(api);
    await user.click(within(await openCard(user, title)).getByRole('button', { name: 'Fix this' }));
    return { api, user };
  }
  async function toConfirmation(api = fakeApi()) {
    const { user } = await toFix(api);
    await user.click(await screen.findByRole('button', { name: 'Check this folder' }));
    await screen.findByRole('heading', { level: 2, name: `Move the cache from ${CACHE} to E:\\MARS Cache` });
    return { api, user };
  }
  const ran = (api: FakeApi) => api.calls.filter((c) => c.method === 'runFix').length;
  afterEach(() => vi.restoreAllMocks());

  it('suggests the fixed NTFS volume with most room, then says why another folder will not do', async () => {
    const { user } = await toFix();
    const field = await screen.findByRole('textbox', { name: 'Move the cache to' });
    expect((field as HTMLInputElement).value).toBe('E:\\MARS Cache');
    await user.clear(field);
    await user.type(field, 'F:\\Cache');
    await user.click(screen.getByRole('button', { name: 'Check this folder' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/F: is removable media/);
    expect(screen.queryByRole('button', { name: /Move the cache to/ })).toBeNull();
  });

  it('refuses a target inside the selection with every sentence', async () => {
    const { api, user } = await toFix();
    const field = await screen.findByRole('textbox', { name: 'Move the cache to' });
    await user.clear(field);
    await user.type(field, 'E:\\Shares\\Cache');
    await user.click(screen.getByRole('button', { name: 'Check this folder' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'E:\\Shares\\Cache lies inside E:\\Shares, which is selected for backup: the agent fails when its cache folder is backed up.',
    );
    expect(api.calls.find((c) => c.method === 'planFix')?.args[0]).toEqual({
      action: 'relocate-cache',
      to: 'E:\\Shares\\Cache',
      finding: { check: 'cache.free-space', subject: null },
    });
    expect(ran(api)).toBe(0);
  });

  it('shows the plan in numbers before anything runs, and runs only on the explicit button', async () => {
    const { api, user } = await toConfirmation();
    // The numbers: the cache's size and files, the target's free space before and after, the time and the engine.
    expect(screen.getByText('The cache holds 9 GB in 1,234 files.')).toBeTruthy();
    expect(screen.getByText('E: has 1 TB free now, about 1,015 GB once the copy is there.')).toBeTruthy();
    expect(
      screen.getByText(
        'Copying and checking it should take about 2 minutes (from reading 64 MB of the cache at 200 MB/s just now), plus the time the backup engine takes to stop and start.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/The backup engine is stopped all that time/)).toBeTruthy();
    // Exactly what changes: folders, and both registry values from what to what.
    const changes = within(screen.getByRole('list', { name: 'What changes' }));
    expect(changes.getByText(`Registry: ${CONFIG}\\ScratchLocation: ${CACHE} -> E:\\MARS Cache`)).toBeTruthy();
    expect(
      changes.getByText(`Registry: ${CONFIG}\\CloudBackupProvider\\ScratchLocation: D:\\MARS\\Scratch -> E:\\MARS Cache`),
    ).toBeTruthy();
    expect(changes.getByText(/Folder left as it is: .*delete it yourself after a backup has succeeded/)).toBeTruthy();
    // What was checked, and every step with how it is undone.
    expect(screen.getByText('The new folder is not inside the data selected for backup.')).toBeTruthy();
    const steps = screen.getByRole('list', { name: 'Steps of the move' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(6);
    expect(within(steps).getByText(/If undone: Deletes the copy in E:\\MARS Cache/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(STEP_IDS);
    expect(ran(api)).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Move the cache to E:\\MARS Cache now' }));
    expect(await screen.findByText(/The cache now lives in E:\\MARS Cache/)).toBeTruthy();
    // The plan the user saw is the plan sent: the main process plans again and compares every field.
    expect(api.calls.find((c) => c.method === 'runFix')?.args[0]).toMatchObject({ action: 'relocate-cache', to: 'E:\\MARS Cache' });
    expect(within(screen.getByRole('list', { name: 'Progress of the move' })).getByText('6. Check the result - Done')).toBeTruthy();
  });

  it('asks for the cautions to be read before the confirm button works', async () => {
    const { api, user } = await toConfirmation(fakeApi({ backupUnknown: true }));
    expect(
      screen.getByText(/Not checked: Whether a backup is running now could not be told \(the CloudBackup event log could not be read\)/),
    ).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Move the cache to E:\\MARS Cache now' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'I have read what will change and what was not checked' }));
    expect(confirm.disabled).toBe(false);
    expect(ran(api)).toBe(0);
  });

  it('shows the copy in bytes and files, its throughput and time left, and each step in words', async () => {
    const { api, user } = await toConfirmation(fakeApi({ holdFix: true }));
    await user.click(screen.getByRole('button', { name: 'Move the cache to E:\\MARS Cache now' }));
    // The clock stands still but for the two seconds between the copy's reports.
    const base = Date.now();
    let offset = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => base + offset);
    const total = { totalFiles: 1234, totalBytes: 9663676416 };
    act(() => {
      api.emitFix({ step: 'stop-service', state: 'running' });
      api.emitFix({ step: 'stop-service', state: 'done' });
      api.emitFix({ step: 'copy', state: 'running' });
      api.emitFix({ step: 'copy', state: 'running', files: 137, bytes: 2 ** 30, ...total });
    });
    expect(await screen.findByText('Now: Copy the cache: running…')).toBeTruthy();
    expect(await screen.findByText('Measuring the speed…')).toBeTruthy();
    offset = 2000;
    act(() => api.emitFix({ step: 'copy', state: 'running', files: 274, bytes: 2 * 2 ** 30, ...total }));
    expect(await screen.findByText('Copied 274 of 1,234 files, 2 GB of 9 GB.')).toBeTruthy();
    // 1 GB in 2 seconds; 7 GB left.
    expect(await screen.findByText('512 MB per second, about 14 seconds left.')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Copy progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(Math.round((2 / 9) * 100)));
    const progress = within(screen.getByRole('list', { name: 'Progress of the move' }));
    expect(progress.getByText('1. Stop the backup engine - Done')).toBeTruthy();
    expect(progress.getByText('2. Copy the cache - Running…')).toBeTruthy();
    expect(progress.getByText('4. Point the agent at the copy - Waiting')).toBeTruthy();
    act(() => {
      api.emitFix({ step: 'copy', state: 'done' });
      api.emitFix({ step: 'verify', state: 'running' });
      api.emitFix({ step: 'verify', state: 'done' });
      api.emitFix({ step: 'set-registry', state: 'running' });
    });
    expect(await screen.findByText('Now: Point the agent at the copy: running…')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(STEP_IDS);
    expect(screen.getByRole('button', { name: 'Stop and put everything back' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Back to the results' }) as HTMLButtonElement).disabled).toBe(true);
    // The page stays while the fix runs: its Stop is here.
    expect((screen.getByRole('tab', { name: 'Results' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => api.finishFix());
    expect(await screen.findByText(/The cache now lives in E:\\MARS Cache/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(STEP_IDS);
    await waitFor(() => expect((screen.getByRole('tab', { name: 'Results' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('stops and says what was put back; Retry plans afresh, and the success stands on the Results page too', async () => {
    const { api, user } = await toConfirmation(fakeApi({ holdFix: true }));
    await user.click(screen.getByRole('button', { name: 'Move the cache to E:\\MARS Cache now' }));
    act(() => {
      api.emitFix({ step: 'stop-service', state: 'done' });
      api.emitFix({ step: 'copy', state: 'running', files: 10, bytes: 2 ** 20, totalFiles: 1234, totalBytes: 9663676416 });
    });
    await user.click(await screen.findByRole('button', { name: 'Stop and put everything back' }));
    expect(api.calls.some((c) => c.method === 'cancelFix')).toBe(true);
    expect(await screen.findByText('Stopped. Everything was put back.')).toBeTruthy();
    expect(
      screen.getByText(
        `The move did not complete (the move was stopped during the copy), so everything was put back: the cache stays in ${CACHE}, what was copied to E:\\MARS Cache was deleted, both registry values are as before (Config names ${CACHE}, CloudBackupProvider names D:\\MARS\\Scratch) and the backup engine is stopped.`,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/The cache now lives in/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    // A fresh plan, and a fresh confirmation: nothing runs again until the button is pressed.
    await screen.findByRole('heading', { level: 2, name: `Move the cache from ${CACHE} to E:\\MARS Cache` });
    expect(api.calls.filter((c) => c.method === 'planFix')).toHaveLength(2);
    expect(ran(api)).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Move the cache to E:\\MARS Cache now' }));
    act(() => api.finishFix());
    const done = await screen.findByText('The cache now lives in E:\\MARS Cache; the findings it fixed now pass.');
    expect(done).toBeTruthy();
    const fixed = within(screen.getByRole('list', { name: 'Findings this fix fixed' }));
    expect(fixed.getByText('Not enough free space for the cache: now passes (The cache has room)')).toBeTruthy();
    expect(screen.getByText(new RegExp(`Delete ${CACHE.replace(/\\/g, '\\\\')} only after a backup has succeeded`))).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back to the results' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Results' })).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'The cache now lives in E:\\MARS Cache; the findings it fixed now pass.' }),
    ).toBeTruthy();
    expect(card('The cache has room')).toBeTruthy();
    expect(screen.queryByText('Not enough free space for the cache')).toBeNull();
  });

  it('points both registry values at the cache: planned at once, confirmed, done', async () => {
    const { api, user } = await toFix(fakeApi(), 'The two cache registry values disagree');
    await screen.findByRole('heading', { level: 2, name: `Point both cache registry values at ${CACHE}` });
    expect(api.calls.find((c) => c.method === 'planFix')?.args[0]).toEqual({
      action: 'point-registry',
      to: null,
      finding: { check: 'cache.registry', subject: null },
    });
    expect(screen.queryByRole('textbox', { name: 'Move the cache to' })).toBeNull();
    const changes = within(screen.getByRole('list', { name: 'What changes' }));
    expect(changes.getByText(`Registry: ${CONFIG}\\CloudBackupProvider\\ScratchLocation: D:\\MARS\\Scratch -> ${CACHE}`)).toBeTruthy();
    expect(screen.getByText('The folder both values will name holds the cache (its OnlineBackup.KEK file).')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Steps of the fix' })).getAllByRole('listitem')).toHaveLength(4);
    expect(ran(api)).toBe(0);
    await user.click(screen.getByRole('button', { name: `Point both values at ${CACHE}` }));
    expect(await screen.findByText(`Both cache registry values now name ${CACHE}; the findings it fixed now pass.`)).toBeTruthy();
    expect(api.profile().agent?.providerScratchLocation).toBe(CACHE);
    await user.click(screen.getByRole('button', { name: 'Back to the results' }));
    expect(await screen.findByText('Both cache registry values agree')).toBeTruthy();
    expect(screen.queryByText('The two cache registry values disagree')).toBeNull();
  });

  it('starts the backup engine: planned at once, confirmed, done', async () => {
    const { api, user } = await toFix(fakeApi(), 'The backup engine is stopped');
    await screen.findByRole('heading', { level: 2, name: 'Start the backup engine (obengine)' });
    expect(api.calls.find((c) => c.method === 'planFix')?.args[0]).toEqual({
      action: 'start-engine',
      to: null,
      finding: { check: 'agent.service', subject: null },
    });
    expect(screen.getByText('Service: obengine is started')).toBeTruthy();
    expect(ran(api)).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Start the backup engine' }));
    expect(await screen.findByText('The backup engine runs again; the finding it fixed now passes.')).toBeTruthy();
    expect(screen.getByText('The backup engine is stopped: now passes (The backup engine is running)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to the results' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'The backup engine runs again; the finding it fixed now passes.' }),
    ).toBeTruthy();
  });

  it('gives the manual steps where the wizard cannot fix this machine itself', async () => {
    const { user } = await toFix(fakeApi({ canFix: false }));
    await user.click(await screen.findByRole('button', { name: 'Check this folder' }));
    expect(await screen.findByText(/cannot fix this machine by itself yet/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'The steps by hand' })).toBeTruthy();
    expect(screen.getByText(/Copy \(do not move\) the whole cache folder/).closest('ol')).toBeTruthy();
  });

  it("for an opened profile's stopped engine, gives a ticket and changes nothing here", async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    const { container } = render(<App api={api} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File([JSON.stringify(sampleProfile('cache-problems'))], 'app02.json', { type: 'application/json' }));
    await findCard('The backup engine is stopped');
    await user.click(within(await openCard(user, 'The backup engine is stopped')).getByRole('button', { name: 'Fix this' }));
    expect(await screen.findByText(/nothing is changed on this machine/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Ticket text' }) as HTMLTextAreaElement).value).toMatch(/backup engine|obengine/);
    expect(api.calls.some((c) => c.method === 'planFix' || c.method === 'runFix')).toBe(false);
  });
});

describe('Fix, for an opened profile', () => {
  it("gives the two registry values' steps by hand when the profile cannot tell which folder holds the cache", async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    const { container } = render(<App api={api} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File([JSON.stringify(sampleProfile('cache-problems'))], 'app02.json', { type: 'application/json' }));
    await findCard('The two cache registry values disagree');
    await user.click(within(await openCard(user, 'The two cache registry values disagree')).getByRole('button', { name: 'Fix this' }));
    expect(await screen.findByText(/cannot be told from a profile: on APP02, look for OnlineBackup\.KEK in/)).toBeTruthy();
    expect(screen.getAllByText(/Find the folder that really holds the cache/).some((e) => e.closest('ol'))).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Ticket text' }) as HTMLTextAreaElement).value).toMatch(/^Please fix this on APP02/);
    expect(api.calls.some((c) => c.method === 'planFix' || c.method === 'runFix')).toBe(false);
  });
});

describe('An interrupted fix', () => {
  const pending = {
    message: `An interrupted move of the cache from ${CACHE} to D:\\MARS Cache must be finished or undone first.`,
    action: 'relocate-cache' as const,
    damaged: false,
    path: 'C:\\ProgramData\\MARS Readiness\\fix-journal.json',
  };
  it('is said with what the wizard would do, acted on only once confirmed, then the fresh report is shown', async () => {
    const api = fakeApi({ pending });
    const user = userEvent.setup();
    render(<App api={api} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain(pending.message);
    expect(banner.textContent).toMatch(/What the wizard will do, once you confirm: If its copy had been checked/);
    // Nothing happens on load, nor on the first press: only the confirmation acts.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await user.click(within(banner).getByRole('button', { name: 'Deal with the interrupted move…' }));
    expect(api.calls.some((c) => c.method === 'recoverFix' || c.method === 'discardPendingMove')).toBe(false);
    await user.click(within(banner).getByRole('button', { name: 'Finish or undo it now' }));
    expect(
      await screen.findByText(
        new RegExp(
          `The interrupted move was undone \\(the move was interrupted before its copy was verified\\): the cache stays in ${CACHE.replace(/\\/g, '\\\\')}`,
        ),
      ),
    ).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'recoverFix')).toHaveLength(1);
    expect(await screen.findByRole('heading', { level: 1, name: 'Results' })).toBeTruthy();
    expect(card('Not enough free space for the cache')).toBeTruthy();
  });
});

describe('A fix running in another window', () => {
  it('is said as running - wait, then check again - never as interrupted, and with no command or path', async () => {
    const api = fakeApi();
    const appInfo = api.appInfo;
    api.appInfo = async () => {
      const info = await appInfo();
      return info.ok ? { ok: true, value: { ...info.value, pending: null, fixRunning: true } } : info;
    };
    render(<App api={api} />);
    const notice = await screen.findByText(
      'A fix is running in another window of this wizard (or in the command line); wait for it to finish, then check again.',
    );
    expect(notice.closest('[role=status]')).toBeTruthy();
    expect(screen.queryByText(/interrupted/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Deal with/ })).toBeNull();
    expect(document.body.textContent).not.toMatch(/mars-readiness fix|journal\.json/);
  });
});

describe('A fix for a finding fixed since (in another window)', () => {
  it('is refused when planned, in one sentence, with nothing to confirm', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('button', { name: 'Scan this machine' }));
    await screen.findByRole('heading', { level: 1, name: 'Results' });
    api.planFix = async (request) => (
      api.calls.push({ method: 'planFix', args: [request] }),
      { ok: true, value: { ok: false, problems: ['This is already fixed: check again to see the machine as it is now.'], fixed: true } }
    );
    await user.click(within(await openCard(user, 'The backup engine is stopped')).getByRole('button', { name: 'Fix this' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This is already fixed: check again to see the machine as it is now.');
    expect(screen.queryByText('This cannot be done as the machine is now:')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start the backup engine' })).toBeNull();
  });
});

describe('Report', () => {
  it('saves the HTML report and the profile through the desktop dialog', async () => {
    const { api, user } = await toResults(fakeApi({ mode: 'desktop' }));
    await user.click(screen.getByRole('button', { name: 'Save or share the report' }));
    await user.click(await screen.findByRole('button', { name: 'Save report as a web page' }));
    expect(await screen.findByText(/Saved C:\\Users\\me\\APP02-mars-readiness-\d{4}-\d\d-\d\d\.html/)).toBeTruthy();
    const saved = api.calls.find((c) => c.method === 'saveFile')!.args[0] as { content: string; kind: string };
    expect(saved.kind).toBe('html');
    expect(saved.content).toMatch(/<!doctype html>[\s\S]*Not ready/);
    await user.click(screen.getByRole('button', { name: 'Save the machine profile' }));
    const profile = api.calls.filter((c) => c.method === 'saveFile')[1]!.args[0] as { content: string };
    expect(JSON.parse(profile.content).host.name).toBe('APP02');
  });
  it('copies a short summary', async () => {
    const { user } = await toResults();
    await user.click(screen.getByRole('button', { name: 'Save or share the report' }));
    await user.click(await screen.findByRole('button', { name: 'Copy a short summary' }));
    expect(await screen.findByText('The summary is on the clipboard.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toMatch(/^MARS readiness of APP02, .*: Not ready/);
  });
});
