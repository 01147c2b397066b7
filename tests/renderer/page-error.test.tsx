// @vitest-environment jsdom
// A page that cannot be drawn - its code failed to load, or it threw - is said in words, with the header
// and the steps still there and a way on; not a blank window. The page loaded lazily is made to fail to
// load here (its module throws on import), as a chunk would that the server could not send.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { PageErrorBoundary } from '../../renderer/src/components/PageErrorBoundary.js';
import { fakeApi } from './fake-api.js';

vi.mock('../../renderer/src/pages/SelectPage', () => {
  throw new Error('Failed to fetch dynamically imported module: /assets/SelectPage.js');
});

afterEach(cleanup);

it('says that a page whose code failed to load cannot be shown, keeps the header and the steps, and offers to load again', async () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  const user = userEvent.setup();
  render(<App api={fakeApi()} />);
  await user.click(await screen.findByRole('button', { name: 'Start' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('This page could not be shown');
  expect(alert.textContent).toContain('Nothing on this machine was changed.');
  // What went wrong, as the import said it (vitest words its mock's failure its own way; the second test
  // checks that the error's own message is what follows).
  expect(alert.textContent).toMatch(/What went wrong: \S/);
  expect(screen.getByRole('button', { name: 'Load the wizard again' })).toBeTruthy();
  // The wizard around it stands: its heading and its steps, the welcome page one step back.
  expect(screen.getByRole('heading', { level: 1, name: 'What to back up' })).toBeTruthy();
  await user.click(screen.getByRole('tab', { name: 'Welcome' }));
  expect(await screen.findByRole('button', { name: 'Start' })).toBeTruthy();
  expect(screen.queryByText('This page could not be shown')).toBeNull();
  quiet.mockRestore();
});

it('draws its page as it is while nothing fails, and what failed once a page throws', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  const Boom = () => {
    throw new Error('the report has no findings list');
  };
  const { rerender } = render(
    <PageErrorBoundary>
      <p>fine</p>
    </PageErrorBoundary>,
  );
  expect(screen.getByText('fine')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  rerender(
    <PageErrorBoundary>
      <Boom />
    </PageErrorBoundary>,
  );
  expect(screen.getByRole('alert').textContent).toContain('What went wrong: the report has no findings list');
  quiet.mockRestore();
});
