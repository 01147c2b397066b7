// @vitest-environment jsdom
// The Report page's "Hide names and addresses" switch (its preview, and that what is saved and copied is
// then redacted) and its "Request for the network team…" button (Markdown or CSV through saveFile).
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReport } from '../../shared/report/build.js';
import type { SaveRequest } from '../../shared/api/wizard-api.js';
import { ApiContext } from '../../renderer/src/api/context.js';
import { ReportPage } from '../../renderer/src/pages/ReportPage.js';
import { parseCsv } from '../helpers/csv.js';
import { fakeApi, sampleProfile } from './fake-api.js';

afterEach(cleanup);

function renderPage(sample: string) {
  const api = fakeApi({ mode: 'desktop' });
  const profile = sampleProfile(sample);
  const report = buildReport(profile, { edition: 'current', toolVersion: '9.9.9', now: new Date('2026-11-25T12:00:00Z') });
  render(
    <ApiContext.Provider value={api}>
      <ReportPage examined={{ profile, report, notes: [], source: 'opened' }} onOpened={() => {}} onRestart={() => {}} />
    </ApiContext.Provider>,
  );
  const saved = () => api.calls.filter((c) => c.method === 'saveFile').map((c) => c.args[0] as SaveRequest);
  return { api, user: userEvent.setup(), saved };
}

describe('Hide names and addresses', () => {
  it('previews what will be hidden, and every saved file and the summary are then redacted', async () => {
    const { user, saved } = renderPage('pre-install');
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(screen.queryByRole('region', { name: 'What will be hidden' })).toBeNull();
    await user.click(screen.getByRole('switch', { name: 'Hide names and addresses' }));
    const preview = screen.getByRole('region', { name: 'What will be hidden' });
    const kinds = within(preview).getByRole('list', { name: 'Hidden names and addresses' });
    expect(kinds.textContent).toMatch(/1 user name \(shown as USER-1\), in \d+ places/);
    expect(kinds.textContent).toMatch(/machine names \(shown as HOST-1 and so on\)/);
    const sample = within(preview).getByRole('list', { name: 'Sample of the hidden text' }).textContent!;
    expect(sample).toContain('HOST-1');
    expect(sample).not.toMatch(/amira|HELPDESK-LT07|contoso/i);

    for (const name of ['Save report as a web page', 'Save report as JSON', 'Save the machine profile'])
      await user.click(screen.getByRole('button', { name }));
    await user.click(screen.getByRole('button', { name: 'Copy a short summary' }));
    const files = saved();
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(file.content).not.toMatch(/amira|HELPDESK-LT07|contoso/i);
      expect(file.suggestedName).toMatch(/^HOST-1-/);
    }
    expect(JSON.parse(files[1]!.content).redactions.kinds.user.values).toBe(1);
    expect(JSON.parse(files[2]!.content).host.name).toBe('HOST-1');
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('HOST-1'));
    expect(String((writeText.mock.calls[0] as unknown[])[0])).not.toMatch(/HELPDESK-LT07/);
  });
  it('saves the report as it is while the switch is off', async () => {
    const { user, saved } = renderPage('pre-install');
    await user.click(screen.getByRole('button', { name: 'Save report as JSON' }));
    expect(saved()[0]!.content).toContain('HELPDESK-LT07');
    expect(saved()[0]!.suggestedName).toMatch(/^HELPDESK-LT07-/);
  });
});

describe('Request for the network team…', () => {
  it('saves the request as Markdown or CSV, with the addresses the test did not reach', async () => {
    const { user, saved } = renderPage('pre-install');
    await user.click(screen.getByRole('button', { name: 'Request for the network team…' }));
    await user.click(await screen.findByRole('menuitem', { name: /Save as Markdown/ }));
    await user.click(screen.getByRole('button', { name: 'Request for the network team…' }));
    await user.click(await screen.findByRole('menuitem', { name: /Save as CSV/ }));
    const [markdown, csv] = saved();
    expect(markdown).toMatchObject({ kind: 'md', suggestedName: expect.stringMatching(/^HELPDESK-LT07-network-request-.*\.md$/) });
    expect(markdown!.content).toMatch(
      /\| `\*\.blob\.core\.windows\.net` \| mystorage\.blob\.core\.windows\.net \| 443 \| HTTPS \| Timed out/,
    );
    expect(csv).toMatchObject({ kind: 'csv', suggestedName: expect.stringMatching(/\.csv$/) });
    const rows = parseCsv(csv!.content);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[8]])).toEqual([['*.blob.core.windows.net', 'timed-out', 'Storage']]);
    expect(await screen.findByText(/Saved C:\\Users\\me\\HELPDESK-LT07-network-request-/)).toBeTruthy();
  });
  it('says there is nothing to ask when the test reached everything, and hides names when asked', async () => {
    const { user, saved } = renderPage('healthy-server');
    await user.click(screen.getByRole('switch', { name: 'Hide names and addresses' }));
    await user.click(screen.getByRole('button', { name: 'Request for the network team…' }));
    await user.click(await screen.findByRole('menuitem', { name: /Save as Markdown/ }));
    expect(saved()[0]!.content).toMatch(/Nothing to ask the network team: the test on HOST-1 reached all 8 addresses/);
    expect(saved()[0]!.content).not.toContain('FS01');
  });
});
