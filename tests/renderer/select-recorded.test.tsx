// @vitest-environment jsdom
// "What to back up" in a sandbox whose machine.json records a selection: the recorded selection is filled
// in once, where the user sees it, with a note that says so; the user can change it, and the scan then
// asks for exactly what the user left (nothing applied unseen); coming back does not fill it in again, and
// "Use it" puts it back. Without a recorded selection nothing is filled in.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import './app-pages.js';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import type { ScanRequest } from '../../shared/api/wizard-api.js';
import { fakeApi } from './fake-api.js';

afterEach(cleanup);

const RECORDED = { paths: ['E:\\Shares'], systemState: true };

function sandboxApi(recordedSelection: typeof RECORDED | null = RECORDED) {
  const api = fakeApi();
  const appInfo = api.appInfo;
  api.appInfo = async () => {
    const info = await appInfo();
    return info.ok ? { ok: true, value: { ...info.value, sandbox: true, recordedSelection } } : info;
  };
  return api;
}

const folders = () =>
  within(screen.getByRole('list', { name: 'Selected folders' }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent!.replace(/✕$/, ''));

describe('a sandbox’s recorded selection', () => {
  it('is filled in where the user sees it, says so, and is used only as the user leaves it', async () => {
    const api = sandboxApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    const note = (await screen.findByText(/^This sandbox machine records/)).closest('[role=note]')!;
    expect(note.textContent).toMatch(
      /This sandbox machine records what its owner means to back up: E:\\Shares and System State\. It is filled in below: change it as you like\./,
    );
    expect(folders()).toEqual(['E:\\Shares']);
    expect((screen.getByRole('checkbox', { name: /System State/ }) as HTMLInputElement).checked).toBe(true);

    // The user changes it: a folder of their own, no System State.
    await user.click(screen.getByRole('button', { name: 'Remove E:\\Shares' }));
    await user.type(screen.getByRole('textbox', { name: 'Folder to back up' }), 'D:\\Data{Enter}');
    await user.click(screen.getByRole('checkbox', { name: /System State/ }));
    expect(screen.getByText(/The selection below is yours; "Use it" puts the recorded one back\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scan this machine' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'scan')).toBe(true));
    const request = api.calls.find((c) => c.method === 'scan')!.args[0] as ScanRequest;
    expect(request).toMatchObject({ paths: ['D:\\Data'], systemState: false });

    // Back on the page: what the user chose stays; the recorded selection comes back only when asked for.
    await screen.findByText('Not ready');
    await user.click(screen.getByRole('tab', { name: 'What to back up' }));
    await screen.findByRole('textbox', { name: 'Folder to back up' });
    expect(folders()).toEqual(['D:\\Data']);
    await user.click(screen.getByRole('button', { name: 'Use it' }));
    expect(folders()).toEqual(['E:\\Shares']);
    expect((screen.getByRole('checkbox', { name: /System State/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('button', { name: 'Use it' })).toBeNull();
  });
  it('is scanned as it stands when the user keeps it', async () => {
    const api = sandboxApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await screen.findByText(/^This sandbox machine records/);
    await user.click(screen.getByRole('button', { name: 'Scan this machine' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'scan')).toBe(true));
    expect(api.calls.find((c) => c.method === 'scan')!.args[0]).toMatchObject(RECORDED);
  });
  it('fills in nothing and says nothing where none is recorded', async () => {
    const user = userEvent.setup();
    render(<App api={sandboxApi(null)} />);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    await screen.findByRole('textbox', { name: 'Folder to back up' });
    expect(folders()).toEqual([expect.stringMatching(/^No folder selected yet/)]);
    expect(screen.queryByText(/records what its owner means to back up/)).toBeNull();
  });
});
