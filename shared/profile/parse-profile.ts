// A machine profile from the bytes of its file: decoded (UTF-8, or UTF-16 as Windows PowerShell writes it),
// parsed as JSON and validated. Pure, so that the CLI and the wizard's handlers read a profile the same
// way; every way this can go wrong becomes a ProfileLoadError whose lines name the file, the field and what
// is wrong.

import { decodeProfileText } from './decode-profile-text.js';
import type { MachineProfile } from './types.js';
import { showPointer, validateProfile } from './validate.js';
import { t } from '../i18n/translate.js';
import { jsonErrorWords } from '../util/json-error.js';
import { savedReportProblem } from '../report/saved-report.js';
import type { Report } from '../report/types.js';

export class ProfileLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    /** What the file is instead, in one sentence, when that says more than its problems would. */
    readonly sentence: string | null = null,
  ) {
    super(sentence ?? t('validation.profile.loadError', { file, problems: problems.join('; ') }));
    this.name = 'ProfileLoadError';
  }
}

/** What to say of a readiness report opened as a profile, in the current language. */
export function readinessReportNotProfile(): string {
  return t('validation.profile.readinessReport');
}

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

/** What a file opened as a profile turned out to be: a profile, or a readiness report saved before. */
export type ProfileOrReport = { kind: 'profile'; profile: MachineProfile } | { kind: 'report'; report: Report };

/**
 * A profile, or a readiness report to be said again (check --profile REPORT): a report is checked whole
 * (saved-report.ts) and refused with the field that is wrong; anything else is read as a profile.
 */
export function parseProfileOrReport(file: string, bytes: Uint8Array): ProfileOrReport {
  const value = jsonOf(file, bytes);
  if (isReadinessReport(value) && !validateProfile(value).ok) {
    const problem = savedReportProblem(value);
    if (problem) throw new ProfileLoadError(file, [t('validation.profile.savedReport', { problem })]);
    return { kind: 'report', report: value as Report };
  }
  return { kind: 'profile', profile: profileOf(file, value) };
}

export function parseProfile(file: string, bytes: Uint8Array): MachineProfile {
  return profileOf(file, jsonOf(file, bytes));
}

function jsonOf(file: string, bytes: Uint8Array): unknown {
  const text = decodeProfileText(bytes);
  if (text.trim() === '') throw new ProfileLoadError(file, [t('validation.profile.empty')]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProfileLoadError(file, [t('validation.profile.notJson', { reason: jsonErrorWords(error, text) })]);
  }
  return value;
}

function profileOf(file: string, value: unknown): MachineProfile {
  const result = validateProfile(value);
  if (!result.ok && isReadinessReport(value)) {
    const sentence = readinessReportNotProfile();
    throw new ProfileLoadError(file, [sentence], sentence);
  }
  if (!result.ok) {
    throw new ProfileLoadError(
      file,
      result.problems.map((problem) =>
        t('validation.profile.problem', { pointer: showPointer(problem.pointer), problem: problem.message }),
      ),
    );
  }
  return result.profile;
}

/** JSON.parse's message, with the position turned into a line and column a person can find. */
