// agent.vault-credentials (contract v2, current only): fail first (extension, XML, more than 10 days old
// at capturedAt - a negative age counts as 0), then warn (agent installed below 2.0.9249.0), then unknown
// (lastWriteTime, capturedAt or xmlWellFormed null or missing, or the installed agent's version not a dotted
// number), else pass.
import { describe, expect, it } from 'vitest';
import type { MachineProfile, VaultCredentialsFacts } from '../../../shared/profile/types.js';
import { findingsOf, one, statusOf } from '../../helpers/profiles.js';
import { healthyV2 } from '../../helpers/v2-profiles.js';

const CHECK = 'agent.vault-credentials';
// capturedAt of the healthy sample: 2026-11-20T09:30:00Z.
const file = (change: (v: VaultCredentialsFacts) => void) => healthyV2((p) => change(p.vaultCredentials!));
const written = (lastWriteTime: string | null) => file((v) => (v.lastWriteTime = lastWriteTime));
const status = (p: MachineProfile) => statusOf(p, CHECK);

describe('agent.vault-credentials', () => {
  it('passes a well-formed .VaultCredentials file downloaded within 10 days, with a recent agent', () => {
    expect(status(healthyV2())).toBe('pass');
    expect(one(healthyV2(), CHECK).fix).toBeNull();
  });

  it('fails a name that does not end in .vaultCredentials, in any case', () => {
    for (const name of [
      'vault.VaultCredentials.txt',
      'vault.xml',
      'vault',
      'vault.VaultCredential',
      'vaultCredentials',
      'x.VaultCredentials ',
    ]) {
      expect(status(file((v) => (v.fileName = name))), name).toBe('fail');
    }
    for (const name of ['v.vaultcredentials', 'v.VAULTCREDENTIALS', 'v.VaultCredentials', '.vaultCredentials']) {
      expect(status(file((v) => (v.fileName = name))), name).toBe('pass');
    }
  });

  it('fails a file that is not well-formed XML', () => {
    expect(status(file((v) => (v.xmlWellFormed = false)))).toBe('fail');
  });

  it('fails a file more than 10 days (864,000 s) older than capturedAt; exactly 10 days passes', () => {
    expect(status(written('2026-11-10T09:30:00Z'))).toBe('pass'); // exactly 864,000 s
    expect(status(written('2026-11-10T09:29:59Z'))).toBe('fail');
    expect(status(written('2026-11-10T09:29:59.999Z'))).toBe('fail');
    expect(status(written('2026-11-10T09:30:00.000Z'))).toBe('pass');
    expect(status(written('2026-11-10T10:30:00+01:00'))).toBe('pass'); // the same instant, another offset
    expect(status(written('2026-11-10T10:29:59+01:00'))).toBe('fail');
    expect(status(written('2025-01-01T00:00:00Z'))).toBe('fail');
    const f = one(written('2026-10-30T09:30:00Z'), CHECK);
    expect(f.detail).toContain('21 days');
    expect(f.fix!.steps.join(' ')).toContain('Backup Credentials');
  });

  it('counts a file newer than capturedAt as 0 days old', () => {
    expect(status(written('2026-11-21T00:00:00Z'))).toBe('pass');
    expect(status(written('2027-06-01T00:00:00Z'))).toBe('pass');
  });

  it('fails first, whatever else is null', () => {
    const badName = (change: (p: MachineProfile) => void) =>
      healthyV2((p) => {
        p.vaultCredentials!.fileName = 'vault.zip';
        change(p);
      });
    expect(status(badName((p) => ((p.vaultCredentials!.lastWriteTime = null), (p.vaultCredentials!.xmlWellFormed = null))))).toBe('fail');
    expect(status(badName((p) => delete p.capturedAt))).toBe('fail');
    expect(status(badName((p) => (p.agent!.version = '2.0.9000.0')))).toBe('fail');
    expect(status(healthyV2((p) => ((p.vaultCredentials!.xmlWellFormed = false), delete p.capturedAt)))).toBe('fail');
    expect(status(healthyV2((p) => ((p.vaultCredentials!.lastWriteTime = '2026-01-01T00:00:00Z'), (p.agent!.version = null))))).toBe(
      'fail',
    );
  });

  it('warns when the installed agent is below 2.0.9249.0 and nothing fails', () => {
    for (const version of ['2.0.9248.0', '2.0.9000.0', '2.0']) {
      expect(status(healthyV2((p) => (p.agent!.version = version))), version).toBe('warn');
    }
    expect(status(healthyV2((p) => (p.agent!.version = '2.0.9249.0')))).toBe('pass');
    // Warn beats unknown: a known old agent decides though the file's age is not known.
    expect(status(healthyV2((p) => ((p.agent!.version = '2.0.9100.0'), (p.vaultCredentials!.lastWriteTime = null))))).toBe('warn');
    // Not installed: the agent's version is not judged.
    expect(status(healthyV2((p) => (p.agent = { installed: false, version: '2.0.9000.0' })))).toBe('pass');
    expect(status(healthyV2((p) => (p.agent = { installed: null, version: 'garbage' })))).toBe('pass');
    expect(status(healthyV2((p) => delete p.agent))).toBe('pass');
  });

  it('is unknown when lastWriteTime, capturedAt or xmlWellFormed is null or missing', () => {
    expect(status(written(null))).toBe('unknown');
    expect(status(file((v) => delete v.lastWriteTime))).toBe('unknown');
    expect(status(file((v) => (v.xmlWellFormed = null)))).toBe('unknown');
    expect(status(file((v) => delete v.xmlWellFormed))).toBe('unknown');
    expect(status(healthyV2((p) => delete p.capturedAt))).toBe('unknown');
    expect(one(written(null), CHECK).fix!.who).toBe('helpdesk');
  });

  it("is unknown when the installed agent's version is null or not a dotted number", () => {
    for (const version of [null, '2', 'v2.0.9625.0', '2.0.9625.0-beta', '2.0.9625.0.1']) {
      expect(status(healthyV2((p) => (p.agent!.version = version))), String(version)).toBe('unknown');
    }
    expect(status(healthyV2((p) => delete p.agent!.version))).toBe('unknown');
  });

  it('gives one unknown finding without a subject when the section is null, none when it is missing', () => {
    expect(
      findingsOf(
        healthyV2((p) => (p.vaultCredentials = null)),
        CHECK,
      ).map((f) => [f.subject, f.status]),
    ).toEqual([[null, 'unknown']]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.vaultCredentials),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('is current only: the 2019-02 edition gives no finding, also for a null section', () => {
    expect(findingsOf(healthyV2(), CHECK, '2019-02')).toEqual([]);
    expect(
      findingsOf(
        file((v) => (v.fileName = 'x.zip')),
        CHECK,
        '2019-02',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => (p.vaultCredentials = null)),
        CHECK,
        '2019-02',
      ),
    ).toEqual([]);
  });
});
