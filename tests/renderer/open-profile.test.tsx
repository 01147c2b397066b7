// @vitest-environment jsdom
// Opening a saved profile in the wizard: the file's bytes are decoded as the CLI decodes them, so a
// profile Windows PowerShell 5 wrote with Out-File (UTF-16LE with a byte-order mark) opens too.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '../../renderer/src/api/context.js';
import { OpenProfileButton } from '../../renderer/src/components/OpenProfileButton.js';
import type { Examined } from '../../renderer/src/state.js';
import { fakeApi, sampleProfile } from './fake-api.js';

afterEach(cleanup);

/** A saved profile with non-ASCII text in it, so a wrong decoding would show. */
const profileText = () => {
  const profile = sampleProfile('healthy-server');
  profile.host!.name = 'Serveur-données-ü';
  return JSON.stringify(profile, null, 2);
};

async function open(bytes: Uint8Array<ArrayBuffer>, name: string) {
  const api = fakeApi();
  const opened: Examined[] = [];
  const user = userEvent.setup();
  render(
    <ApiContext.Provider value={api}>
      <OpenProfileButton edition="current" onOpened={(e) => opened.push(e)} />
    </ApiContext.Provider>,
  );
  const input = screen.getByLabelText('Machine profile file') as HTMLInputElement;
  await user.upload(input, new File([bytes], name, { type: 'application/json' }));
  await waitFor(() => expect(api.calls.some((c) => c.method === 'evaluateProfile')).toBe(true));
  const sent = api.calls.filter((c) => c.method === 'evaluateProfile').map((c) => c.args);
  return { sent, opened };
}

describe('Open a saved profile', () => {
  it('opens a UTF-16LE file with a byte-order mark (Out-File in Windows PowerShell 5), sending the decoded JSON', async () => {
    const text = profileText();
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const { sent, opened } = await open(utf16, 'fs01.json');
    expect(sent).toEqual([[text, 'current']]);
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toMatchObject({ source: 'opened', fileName: 'fs01.json', profile: { host: { name: 'Serveur-données-ü' } } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('sends a UTF-8 file with a byte-order mark without the mark', async () => {
    const text = profileText();
    const { sent } = await open(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]), 'bom.json');
    expect(sent).toEqual([[text, 'current']]);
  });
});
