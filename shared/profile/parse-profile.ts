// A machine profile from the bytes of its file: decoded (UTF-8, or UTF-16 as Windows PowerShell writes it),
// parsed as JSON and validated. Pure, so that the CLI and the wizard's handlers read a profile the same
// way; every way this can go wrong becomes a ProfileLoadError whose lines name the file, the field and what
// is wrong.

import { decodeProfileText } from './decode-profile-text.js';
import type { MachineProfile } from './types.js';
import { showPointer, validateProfile } from './validate.js';

export class ProfileLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    /** What the file is instead, in one sentence, when that says more than its problems would. */
    readonly sentence: string | null = null,
  ) {
    super(sentence ?? `${file}: ${problems.join('; ')}`);
    this.name = 'ProfileLoadError';
  }
}

export const READINESS_REPORT_NOT_PROFILE =
  'This file is a readiness report, not a machine profile: open the profile (made by "collect", or saved from the wizard\'s Report page).';

/**
 * Whether a value is a readiness report (what `check --json` prints, or the wizard saves as JSON) rather
 * than a profile: a person opens the one for the other easily, and the profile's schema would answer
 * with a wall of missing fields.
 */
function isReadinessReport(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return ('findings' in v && 'verdict' in v) || ('tool' in v && 'counts' in v);
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
  if (!result.ok && isReadinessReport(value))
    throw new ProfileLoadError(file, [READINESS_REPORT_NOT_PROFILE], READINESS_REPORT_NOT_PROFILE);
  if (!result.ok) {
    throw new ProfileLoadError(
      file,
      result.problems.map((problem) => `${showPointer(problem.pointer)}: ${problem.message}`),
    );
  }
  return result.profile;
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
