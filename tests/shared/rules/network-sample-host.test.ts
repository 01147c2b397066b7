// network.endpoints for a storage pattern probed through a made-up sample host (each vault has storage
// accounts of its own): when DNS does not know that name, the finding says exactly that - not that the test
// "did not finish" - and asks for one of the vault's own storage accounts; a test that really ran out of
// time still says it did not finish.
import { describe, expect, it } from 'vitest';
import { findingsOf, healthy } from '../../helpers/profiles.js';

const BLOB = '*.blob.core.windows.net';
const SAMPLE_ERROR = `mystorage.blob.core.windows.net is only a sample name for ${BLOB} and does not exist, so this says nothing about the network; test it again with one of your vault's storage accounts`;

const blobFinding = (error: string) => {
  const profile = healthy((p) => {
    const probe = p.network!.endpoints!.find((e) => e.pattern === BLOB)!;
    probe.reachable = null;
    probe.error = error;
    probe.ms = null;
  });
  return findingsOf(profile, 'network.endpoints').find((f) => f.subject === BLOB)!;
};

describe('a storage endpoint whose sample host DNS does not know', () => {
  it('says DNS does not know the sample name, and that this says nothing about the network', () => {
    const f = blobFinding(SAMPLE_ERROR);
    expect(f.status).toBe('unknown');
    expect(f.title).toBe(`${BLOB} could not be tested: DNS does not know the sample name mystorage.blob.core.windows.net`);
    expect(f.detail).toMatch(
      /only a sample name for \*\.blob\.core\.windows\.net .* DNS does not know it\. That says nothing about the network/,
    );
    expect(`${f.title} ${f.detail}`).not.toMatch(/did not finish/);
    expect(f.fix!.steps.join(' ')).toMatch(/one of your vault's storage accounts/);
    expect(f.fix!.steps.join(' ')).not.toMatch(/--offline/);
  });
  it('still says "did not finish" for a test that ran out of time', () => {
    const f = blobFinding('not finished within the 20 s the network test may take');
    expect(f.status).toBe('unknown');
    expect(f.detail).toMatch(/did not finish/);
  });
});
