// collect --vault-credentials FILE: the profile keeps the file's name, its last-write time, whether it is
// well-formed XML and the vault's tenant id - never anything else of it (the file holds a secret), and a
// file that cannot be opened is null with a note, never a guess.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeVaultCredentials } from '../../../electron/probes/vault-credentials.js';
import { ProbeNotes } from '../../../electron/probes/notes.js';
import { validateProfile } from '../../../shared/profile/validate.js';
import { cliProcess } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mars vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'MIIKcAIBAzCCCjAGCSqGSIb3DQEHAaCCCiEEggodMIIKGTCCBg';
const CREDENTIALS = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<VaultCredentials xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Microsoft.Azure.Portal.RecoveryServices.Models.Common">
  <ChannelIntegrityKey>${SECRET}</ChannelIntegrityKey>
  <ManagementCert>${SECRET}</ManagementCert>
  <ResourceName>contoso-vault</ResourceName>
  <AadTenantId>72f988bf-86f1-41af-91ab-2d7cd011db47</AadTenantId>
</VaultCredentials>`;
const file = (name: string, content: string | Buffer, mtime = new Date('2026-11-19T10:00:00Z')) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  utimesSync(path, mtime, mtime);
  return path;
};

describe('the vault credentials probe', () => {
  it('keeps the name, the last-write time, the form and the tenant, and nothing of the secret', async () => {
    const path = file('contoso-vault_2026-11-19.VaultCredentials', CREDENTIALS);
    const facts = await probeVaultCredentials(path, new ProbeNotes());
    expect(facts).toEqual({
      fileName: 'contoso-vault_2026-11-19.VaultCredentials',
      lastWriteTime: '2026-11-19T10:00:00Z',
      xmlWellFormed: true,
      aadTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(JSON.stringify(facts)).not.toContain(SECRET.slice(0, 12));
  });
  it('reads UTF-16 as Windows writes it, and a namespace prefix on the element', async () => {
    const text = CREDENTIALS.replace(/AadTenantId>/g, 'a:AadTenantId>').replace('<VaultCredentials ', '<VaultCredentials xmlns:a="urn:x" ');
    const path = file(
      'utf16.VaultCredentials',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\uFEFF/, ''), 'utf16le')]),
    );
    expect((await probeVaultCredentials(path, new ProbeNotes()))?.aadTenantId).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
  });
  it('says a broken or empty file is not well-formed, without a tenant', async () => {
    for (const content of ['<VaultCredentials><AadTenantId>x</VaultCredentials>', '', 'not xml at all'])
      expect(await probeVaultCredentials(file('broken.VaultCredentials', content), new ProbeNotes())).toMatchObject({
        xmlWellFormed: false,
        aadTenantId: null,
      });
  });
  it('resolves no external entity: a file that names one reads nothing else', async () => {
    const path = file(
      'entity.VaultCredentials',
      '<?xml version="1.0"?><!DOCTYPE v [<!ENTITY e SYSTEM "file:///etc/passwd">]><v><AadTenantId>&e;</AadTenantId></v>',
    );
    const facts = await probeVaultCredentials(path, new ProbeNotes());
    expect(JSON.stringify(facts)).not.toContain('root:');
  });
  it('is null with a note when the file cannot be opened', async () => {
    const notes = new ProbeNotes();
    expect(await probeVaultCredentials(join(dir, 'missing.VaultCredentials'), notes)).toBeNull();
    expect(notes.list[0]).toMatchObject({ field: '/vaultCredentials', reason: expect.stringContaining('ENOENT') });
  });
});

describe('collect --vault-credentials', () => {
  it('writes a version-2 profile with the section, which check then judges', async () => {
    const sandbox = mkdtempSync(join(dir, 'sandbox-'));
    const { cpSync } = await import('node:fs');
    cpSync(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url).pathname, sandbox, { recursive: true });
    const path = file('old.VaultCredentials', CREDENTIALS, new Date('2025-01-01T00:00:00Z'));
    const collected = await cliProcess(['collect', '--sandbox', sandbox, '--offline', '--vault-credentials', path]);
    expect(collected.code).toBe(0);
    const profile = JSON.parse(collected.stdout);
    expect(validateProfile(profile).ok).toBe(true);
    expect(profile.schemaVersion).toBe(2);
    expect(profile.vaultCredentials).toMatchObject({ fileName: 'old.VaultCredentials', xmlWellFormed: true });
    expect(collected.stdout).not.toContain(SECRET.slice(0, 12));
    const profileFile = join(dir, 'profile.json');
    writeFileSync(profileFile, collected.stdout);
    const report = JSON.parse((await cliProcess(['check', '--profile', profileFile, '--json'])).stdout);
    expect(report.findings.find((f: { check: string }) => f.check === 'agent.vault-credentials')?.status).toBe('fail');
  });
});
