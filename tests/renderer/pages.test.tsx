// @vitest-environment jsdom
// Each page of the wizard with a fake WizardApi: what it shows, what it asks the main process for.
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanRequest } from '../../shared/api/wizard-api.js';
import { App } from '../../renderer/src/App.js';
import { fakeApi, sampleProfile } from './fake-api.js';

// Later pages load lazily; the first load of each is transformed on the fly here, which can take seconds.
configure({ asyncUtilTimeout: 8000 });
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
    const card = (await screen.findByText('Not enough free space for the cache')).closest('.MuiAccordion-root') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: 'Fix this' }));
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
    const areas = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(areas[0]).toBe('Cache folder');
    expect(screen.getByText('The two cache registry values disagree')).toBeTruthy();
    expect(screen.getAllByText(/What to do \(server admin\)/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Matrix section "Cache folder support"/).length).toBeGreaterThan(0);
    expect(screen.getByText('the asset tag could not be read')).toBeTruthy();
  });
  it('checks one finding again and updates the verdict', async () => {
    const { api, user } = await toResults();
    const card = screen.getByText('The two cache registry values disagree').closest('.MuiAccordion-root') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: 'Check again' }));
    await screen.findByText(/Checked again: Both cache registry values agree/);
    expect(api.calls.find((c) => c.method === 'recheck')?.args[1]).toBe('cache.registry');
  });
  it('leads a finding the wizard can fix to the Fix page', async () => {
    const { user } = await toResults();
    const card = screen.getByText('The two cache registry values disagree').closest('.MuiAccordion-root') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: 'Fix this' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Fix' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Move the cache to' })).toBeTruthy();
  });
});

describe('Fix', () => {
  async function toFix(api = fakeApi()) {
    const { user } = await toResults(api);
    const card = screen.getByText('Not enough free space for the cache').closest('.MuiAccordion-root') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: 'Fix this' }));
    return { api, user, field: await screen.findByRole('textbox', { name: 'Move the cache to' }) };
  }
  it('suggests the fixed NTFS volume with most room, then says why another folder will not do', async () => {
    const { user, field } = await toFix();
    expect((field as HTMLInputElement).value).toBe('E:\\MARS Cache');
    await user.clear(field);
    await user.type(field, 'F:\\Cache');
    await user.click(screen.getByRole('button', { name: 'Check this folder' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/F: is removable media/);
    expect(screen.queryByRole('button', { name: /Move the cache to/ })).toBeNull();
  });
  it('shows every step before it runs, runs the move, and shows the machine examined again', async () => {
    const { api, user } = await toFix();
    await user.click(screen.getByRole('button', { name: 'Check this folder' }));
    const steps = await screen.findByRole('list', { name: 'Steps of the move' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(6);
    expect(within(steps).getByText(/If undone: Deletes the copy/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Move the cache to E:\\MARS Cache' }));
    expect(await screen.findByText(/The cache now lives in E:\\MARS Cache/)).toBeTruthy();
    expect(within(steps).getByText(/6\. Check the result - Done/)).toBeTruthy();
    // The plan the user saw is the plan sent: the main process plans again and compares every field.
    expect(api.calls.find((c) => c.method === 'runFix')?.args[0]).toMatchObject({ action: 'relocate-cache', to: 'E:\\MARS Cache' });
  });
  it('gives the manual steps where the wizard cannot move the cache itself', async () => {
    const { user } = await toFix(fakeApi({ canFix: false }));
    await user.click(screen.getByRole('button', { name: 'Check this folder' }));
    expect(await screen.findByText(/cannot move the cache by itself yet/)).toBeTruthy();
    // The finding's own fix and the page's manual steps both say it.
    expect(screen.getAllByText(/Copy \(do not move\) the whole cache folder/).length).toBeGreaterThanOrEqual(2);
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
