// Profiles for tests: the healthy sample server, changed a little per test. Every profile a test builds
// is validated first, so a test never passes on a profile the schema would have refused.

import { readFileSync } from 'node:fs';
import { evaluate } from '../../shared/report/build.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { validateProfile } from '../../shared/profile/validate.js';
import type { EditionId } from '../../shared/matrix/types.js';
import type { CheckId, Finding, FindingStatus } from '../../shared/report/types.js';

export const SAMPLES = new URL('../../samples/profiles/', import.meta.url);

export function sample(name: string): MachineProfile {
  return JSON.parse(readFileSync(new URL(`${name}.json`, SAMPLES), 'utf8')) as MachineProfile;
}

/** A copy of the healthy sample server with `change` applied; throws if the result breaks the schema. */
export function healthy(change: (profile: MachineProfile) => void = () => {}): MachineProfile {
  const profile = sample('healthy-server');
  change(profile);
  const result = validateProfile(profile);
  if (!result.ok) throw new Error(`test profile is invalid: ${JSON.stringify(result.problems)}`);
  return profile;
}

export function findingsOf(profile: MachineProfile, check: CheckId, edition: EditionId = 'current'): Finding[] {
  return evaluate(profile, edition).filter((f) => f.check === check);
}

/** The status of the one finding of `check` (and `subject`), or "absent" when the check yields none. */
export function statusOf(
  profile: MachineProfile,
  check: CheckId,
  edition: EditionId = 'current',
  subject?: string | null,
): FindingStatus | 'absent' {
  const found = findingsOf(profile, check, edition).filter((f) => subject === undefined || f.subject === subject);
  if (found.length > 1) throw new Error(`${check} gave ${found.length} findings; name a subject`);
  return found[0]?.status ?? 'absent';
}

export function one(profile: MachineProfile, check: CheckId, edition: EditionId = 'current'): Finding {
  const found = findingsOf(profile, check, edition);
  if (found.length !== 1) throw new Error(`${check} gave ${found.length} findings`);
  return found[0]!;
}

export const GB = 2 ** 30;
export const TB = 2 ** 40;
