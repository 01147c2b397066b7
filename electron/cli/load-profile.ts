// Reads a machine profile from a file for the CLI: decodes it (UTF-8, or UTF-16 as PowerShell writes it),
// parses the JSON and validates it. Every way this can go wrong becomes a ProfileLoadError whose lines
// name the file, the field and what is wrong.

import { readFile } from 'node:fs/promises';
import { decodeProfileText } from '../../shared/profile/decode-profile-text.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { showPointer, validateProfile } from '../../shared/profile/validate.js';

export class ProfileLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ProfileLoadError';
  }
}

/** Reads the profile at `file`; "-" reads standard input (`collect | check --profile -`). */
export async function loadProfile(file: string, stdin: () => Promise<Buffer> = readStdin): Promise<MachineProfile> {
  const name = file === '-' ? 'from standard input' : file;
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await stdin() : await readFile(file);
  } catch (error) {
    throw new ProfileLoadError(name, [`cannot be read: ${describeFsError(error)}`]);
  }
  return parseProfile(name, bytes);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function parseProfile(file: string, bytes: Uint8Array): MachineProfile {
  const text = decodeProfileText(bytes);
  if (text.trim() === '') throw new ProfileLoadError(file, ['is empty: a machine profile is a JSON object']);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProfileLoadError(file, [`is not valid JSON: ${describeJsonError(error, text)}`]);
  }
  const result = validateProfile(value);
  if (!result.ok) {
    throw new ProfileLoadError(
      file,
      result.problems.map((problem) => `${showPointer(problem.pointer)}: ${problem.message}`),
    );
  }
  return result.profile;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message;
  }
}

/** JSON.parse's message, with the position turned into a line and column a person can find. */
function describeJsonError(error: unknown, text: string): string {
  const message = (error as Error).message;
  const position = /position (\d+)/.exec(message);
  if (!position?.[1]) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')} at line ${line}, column ${column}`;
}
