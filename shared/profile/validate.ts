// Validates a parsed value against the machine-profile contract. The contract schema is used as it is
// (draft 2020-12, compiled by Ajv ahead of time into profile-validator.generated.js, so that a cold start
// does not pay for the compile); what we add is the wording: each problem names its field as a JSON
// pointer and says in plain words what is wrong, so that a person fixing a hand-edited profile can act.

import type { ErrorObject } from 'ajv';
import validateSchema from './profile-validator.generated.js';
import type { MachineProfile } from './types.js';
import { m, type Msg } from '../i18n/message.js';
import { t } from '../i18n/translate.js';

export interface ProfileProblem {
  /** JSON pointer to the offending field; "" is the whole document. */
  pointer: string;
  message: string;
}

export type ProfileValidation = { ok: true; profile: MachineProfile } | { ok: false; problems: ProfileProblem[] };

export function validateProfile(value: unknown): ProfileValidation {
  if (validateSchema(value)) return { ok: true, profile: value as MachineProfile };
  // The "if version 1 then no v2 section" rule reports the section itself (false schema) and then the
  // rule as a whole at the root; the first says it all.
  const problems = simplify((validateSchema.errors ?? []).filter((e) => e.keyword !== 'if')).map(describe);
  return { ok: false, problems: dedupe(problems) };
}

/** Shows a pointer the way people read it: the root is "/" rather than the empty string. */
export function showPointer(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

// With union types ("string or null"), one wrong value makes Ajv report both the type failure and an
// enum/const failure at the same place; a person needs one sentence per field, so keep the most telling.
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const key = pointerOf(error);
    byPointer.set(key, [...(byPointer.get(key) ?? []), error]);
  }
  const kept: ErrorObject[] = [];
  for (const group of byPointer.values()) {
    const enumError = group.find((e) => e.keyword === 'enum' || e.keyword === 'const');
    kept.push(...(enumError ? [enumError] : group));
  }
  return kept;
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${escapePointerToken(String(params.additionalProperty))}`;
  }
  if (error.keyword === 'required') {
    return `${error.instancePath}/${escapePointerToken(String(params.missingProperty))}`;
  }
  return error.instancePath;
}

function describe(error: ErrorObject): ProfileProblem {
  const params = error.params as Record<string, unknown>;
  const pointer = pointerOf(error);
  switch (error.keyword) {
    case 'additionalProperties':
      return { pointer, message: t('validation.profile.unknownField') };
    case 'required':
      return { pointer, message: t('validation.profile.required') };
    case 'type':
      return { pointer, message: t('validation.profile.type', { types: describeType(params.type) }) };
    case 'enum':
      return {
        pointer,
        message: t('validation.profile.enum', { values: (params.allowedValues as unknown[]).map(show).join(', ') }),
      };
    case 'const':
      return { pointer, message: t('validation.profile.const', { value: show(params.allowedValue) }) };
    case 'minimum':
      return { pointer, message: t('validation.profile.minimum', { limit: String(params.limit) }) };
    case 'pattern':
      return { pointer, message: t('validation.profile.pattern', { pattern: String(params.pattern) }) };
    case 'format':
      return { pointer, message: t('validation.profile.format', { format: String(params.format) }) };
    case 'false schema':
      return { pointer, message: t('validation.profile.v2Section') };
    default:
      return { pointer, message: error.message ?? t('validation.profile.otherRule', { keyword: error.keyword }) };
  }
}

/** The JSON types a value may have, in words: "a string or null" (each type's name by the catalogue). */
function describeType(type: unknown): Msg {
  const names = (Array.isArray(type) ? type : [type]).map((name) => m('validation.profile.typeName', { type: String(name) }));
  return names
    .slice(1)
    .reduce(
      (first, second) => m('validation.profile.typeOr', { first, second }),
      names[0] ?? m('validation.profile.typeName', { type: '' }),
    );
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function dedupe(problems: ProfileProblem[]): ProfileProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
