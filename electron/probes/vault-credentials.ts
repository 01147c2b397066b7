// The vault credentials file the user names (collect --vault-credentials FILE): what the contract lets a
// profile keep of it, and nothing more. The file holds a secret (the vault's management certificate), so
// only its name, when it was last written, whether it is well-formed XML and the vault's tenant id (not a
// secret) are read out of it; the rest of its content never leaves this function. The XML parser resolves
// no entity and fetches nothing (no DTD processing).

import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { VaultCredentialsFacts } from '../../shared/profile/types.js';
import type { ProbeNotes } from './notes.js';
import { t } from '../../shared/i18n/translate.js';

/** A vault credentials file is a few kilobytes; anything far larger is not one and is not read whole. */
const MAX_BYTES = 4 * 1024 * 1024;

export async function probeVaultCredentials(path: string, notes: ProbeNotes): Promise<VaultCredentialsFacts | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    notes.add(
      '/vaultCredentials',
      t('probes.vaultCredentials.cannotOpen', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }),
    );
    return null;
  }
  try {
    const info = await handle.stat();
    const fileName = basename(path.replace(/\\/g, '/'));
    const lastWriteTime = new Date(info.mtimeMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (!info.isFile()) {
      notes.add('/vaultCredentials', t('probes.vaultCredentials.notAFile', { path }));
      return { fileName, lastWriteTime, xmlWellFormed: null, aadTenantId: null };
    }
    if (info.size > MAX_BYTES) {
      notes.add('/vaultCredentials/xmlWellFormed', t('probes.vaultCredentials.tooBig', { path, size: String(info.size) }));
      return { fileName, lastWriteTime, xmlWellFormed: false, aadTenantId: null };
    }
    const text = decode(await handle.readFile());
    const wellFormed = text.trim() !== '' && XMLValidator.validate(text) === true;
    return { fileName, lastWriteTime, xmlWellFormed: wellFormed, aadTenantId: wellFormed ? tenantOf(text) : null };
  } finally {
    await handle.close();
  }
}

/** UTF-8 (with or without its mark) or UTF-16 as Windows writes it. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The text of the first AadTenantId element, at any depth and with any namespace prefix; null when none. */
function tenantOf(text: string): string | null {
  const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: false, parseTagValue: false });
  const seen = new Set<unknown>();
  const find = (node: unknown): string | null => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return null;
    seen.add(node);
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'AadTenantId' && (typeof value === 'string' || typeof value === 'number')) return String(value).trim() || null;
      const inner = find(value);
      if (inner) return inner;
    }
    return null;
  };
  try {
    return find(parser.parse(text));
  } catch {
    return null;
  }
}
