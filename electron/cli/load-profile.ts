// Reads a machine profile from a file (or standard input) for the CLI; what it holds is parsed as the
// wizard parses an opened file (shared/profile/parse-profile.ts). Every way this can go wrong becomes a
// ProfileLoadError whose lines name the file, the field and what is wrong.

import { open } from 'node:fs/promises';
import { parseProfile, parseProfileOrReport, ProfileLoadError, type ProfileOrReport } from '../../shared/profile/parse-profile.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { t } from '../../shared/i18n/translate.js';

export { ProfileLoadError };

/** A profile that could not be read at all (no such file, a folder, too large): not "invalid", unread. */
export class ProfileReadError extends ProfileLoadError {}

/**
 * Reads the profile at `file`; "-" reads standard input (`collect | check --profile -`), and stays the
 * error's file name: the CLI says "from standard input" in the reader's language.
 */
export async function loadProfile(file: string, stdin: () => Promise<Buffer> = readStdin): Promise<MachineProfile> {
  return parseProfile(file, await readProfileFile(file, stdin));
}

/** The profile at `file`, or the readiness report it is (check --profile says a saved report again). */
export async function loadProfileOrReport(file: string, stdin: () => Promise<Buffer> = readStdin): Promise<ProfileOrReport> {
  return parseProfileOrReport(file, await readProfileFile(file, stdin));
}

async function readProfileFile(file: string, stdin: () => Promise<Buffer>): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await stdin() : await readCapped(file);
  } catch (error) {
    throw new ProfileReadError(file, [describeFsError(error)]);
  }
  if (bytes.length > MAX_PROFILE_BYTES)
    throw new ProfileReadError(file, [t('cli.profile.tooLarge', { megabytes: MAX_PROFILE_BYTES / 1024 / 1024 })]);
  return bytes;
}

/** As much as the wizard accepts of an opened file: more is refused unread, whatever the source. */
export const MAX_PROFILE_BYTES = 20 * 1024 * 1024;

/** Reads at most one byte more than the cap, so that /dev/zero or a huge file is refused, not read. */
async function readCapped(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_PROFILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > MAX_PROFILE_BYTES) break;
  }
  return Buffer.concat(chunks);
}

/** "the file cannot be read: ...", the reason said in the reader's language where it is one we know. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : code === 'EACCES' || code === 'EPERM' ? 'denied' : 'other';
  return t('cli.profile.unreadable', { why, reason: (error as Error).message });
}
