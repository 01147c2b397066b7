// @vitest-environment jsdom
// The Results page's "since last time" (SinceLastTime): one line of what changed since the wizard's last
// report of this machine, and each change in words; nothing when there is no earlier report or the
// profile was opened from a file. A waived finding's chip says "Waived", never "Passed".
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '../../renderer/src/api/context.js';
import { StatusChip } from '../../renderer/src/components/StatusChip.js';
import { ResultsPage } from '../../renderer/src/pages/ResultsPage.js';
import { DEFAULT_REQUEST, type Examined } from '../../renderer/src/state.js';
import { buildReport } from '../../shared/report/build.js';
import { diffReports } from '../../shared/report/diff.js';
import { fakeApi, sampleProfile } from './fake-api.js';

afterEach(cleanup);

const report = (name: string, at: string) =>
  buildReport(sampleProfile(name), { edition: 'current', toolVersion: '0.1.0', now: new Date(at) });

function show(examined: Examined) {
  render(
    <ApiContext.Provider value={fakeApi({ sample: 'healthy-server' })}>
      <ResultsPage examined={examined} request={DEFAULT_REQUEST} onChange={() => {}} onFix={() => {}} onNext={() => {}} />
    </ApiContext.Provider>,
  );
}

describe('since last time', () => {
  it('says what changed since the last report, each change in words', () => {
    const now = report('healthy-server', '2026-11-25T12:00:00Z');
    const before = report('cache-problems', '2026-11-20T09:30:00Z');
    show({ profile: sampleProfile('healthy-server'), report: now, notes: [], source: 'live', sinceLastTime: diffReports(before, now) });
    const note = screen.getByRole('note', { name: 'Since last time' });
    // The time in the reader's words (Intl), never ISO.
    expect(note.textContent).toMatch(/^Since \w{3}, .*Nov.*2026, .*\d\d:30.*: 4 resolved\./);
    expect(note.textContent).not.toMatch(/2026-11-20/);
    expect(
      within(note)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('Resolved: Both cache registry values agree: was blocks backup, now passed.');
  });

  it('says nothing changed, and is not there without an earlier report or for an opened profile', () => {
    const now = report('healthy-server', '2026-11-25T12:00:00Z');
    const earlier = report('healthy-server', '2026-11-24T12:00:00Z');
    show({ profile: sampleProfile('healthy-server'), report: now, notes: [], source: 'live', sinceLastTime: diffReports(earlier, now) });
    expect(screen.getByRole('note', { name: 'Since last time' }).textContent).toMatch(
      /^Since \w{3}, [^:]*Nov[^:]* 2026, [^:]*:\d\d[^:]*: nothing has changed\.$/,
    );
    cleanup();
    show({ profile: sampleProfile('healthy-server'), report: now, notes: [], source: 'live', sinceLastTime: null });
    expect(screen.queryByRole('note', { name: 'Since last time' })).toBeNull();
    cleanup();
    show({ profile: sampleProfile('healthy-server'), report: now, notes: [], source: 'opened', sinceLastTime: diffReports(earlier, now) });
    expect(screen.queryByRole('note', { name: 'Since last time' })).toBeNull();
  });

  it('shows a waived finding as Waived, never as passed', () => {
    render(<StatusChip status="waived" check="volume.supported" />);
    expect(screen.getByText('⊘ Waived')).toBeTruthy();
    expect(screen.queryByText(/Passed/)).toBeNull();
  });
});
