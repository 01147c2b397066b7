// @vitest-environment jsdom
// The Scan page while the selected folders are scanned: files, bytes, files a second and the folder it is
// in, shown as the main process sends them (the latest every 250 ms): with fake timers, the figures on the
// page change at least twice in every second; shown, not announced (the step list is the live region).
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../renderer/src/api/context.js';
import { ScanPage } from '../../renderer/src/pages/ScanPage.js';
import { DEFAULT_REQUEST } from '../../renderer/src/state.js';
import { fakeApi } from './fake-api.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the scan of the selected folders', () => {
  it('shows files, bytes, files a second and the current folder, changing at least twice a second', () => {
    vi.useFakeTimers();
    const api = fakeApi({ holdScan: true });
    render(
      <ApiContext.Provider value={api}>
        <ScanPage request={{ ...DEFAULT_REQUEST, paths: ['D:\\Shares'] }} onDone={() => {}} onBack={() => {}} />
      </ApiContext.Provider>,
    );
    act(() => api.emit({ step: 'selection', state: 'running' }));
    let files = 0;
    // What the main process sends: the latest figures, every 250 ms.
    const sender = setInterval(() => {
      files += 1234;
      api.emit({
        step: 'selection',
        state: 'running',
        selection: { files, bytes: files * 65536, filesPerSecond: 4936, current: `D:\\Shares\\Finance\\${files}` },
      });
    }, 250);
    const seen: Set<string>[] = [new Set(), new Set(), new Set()];
    for (let t = 0; t < 3000; t += 50) {
      act(() => vi.advanceTimersByTime(50));
      const group = screen.queryByRole('group', { name: 'How far the scan of the folders is' });
      if (group) seen[Math.floor(t / 1000)]!.add(group.textContent!);
    }
    clearInterval(sender);
    for (const [second, texts] of seen.entries()) expect(texts.size, `second ${second}`).toBeGreaterThanOrEqual(2);

    const group = screen.getByRole('group', { name: 'How far the scan of the folders is' });
    expect(within(group).getByText('So far: 14,808 files, 926 MB, 4,936 files a second.')).toBeTruthy();
    expect(within(group).getByText('Now in D:\\Shares\\Finance\\14808')).toBeTruthy();
    // The figures are not part of the live region (four a second would drown a screen reader).
    expect(screen.getByRole('list', { name: 'Scan progress' }).contains(group)).toBe(false);
    expect(group.closest('[aria-live]')).toBeNull();

    act(() => api.emit({ step: 'selection', state: 'done' }));
    expect(within(group).getByText('Scanned: 14,808 files, 926 MB.')).toBeTruthy();
    expect(within(group).queryByText(/^Now in/)).toBeNull();
  });
});
