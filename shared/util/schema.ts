// Checking a value against a TypeBox schema - the one source of both the JSON Schema and its TypeScript
// type - compiled once into a function (TypeBox's compiler). The answer is null, or the first problem as
// "<JSON pointer>: <what is wrong>", what is wrong said from the catalogue in the run's language (by the
// kind of error TypeBox reports and its schema, never by TypeBox's own English).

import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { m } from '../i18n/message.js';
import { t } from '../i18n/translate.js';

export function compileSchema(schema: TSchema): (value: unknown) => string | null {
  let compiled: ReturnType<typeof TypeCompiler.Compile> | null = null;
  return (value) => {
    compiled ??= TypeCompiler.Compile(schema);
    if (compiled.Check(value)) return null;
    const first = compiled.Errors(value).First();
    const error = first ? deepest(first) : null;
    return `${error?.path || '/'}: ${error ? problemWords(error) : t('validation.schema.other')}`;
  };
}

/**
 * A union's error named where it went wrong: of the forms it allows, the one whose own first error lies
 * deepest ("/fix/who: must be one of ..." rather than "/fix: is none of the forms allowed here").
 */
function deepest(error: ValueError): ValueError {
  if (error.type !== ValueErrorType.Union) return error;
  let best = error;
  for (const errors of error.errors) {
    const first = errors.First();
    const candidate = first ? deepest(first) : null;
    if (candidate && candidate.path.length > best.path.length) best = candidate;
  }
  return best;
}

const show = (value: unknown) => JSON.stringify(value);
const typeIs = (type: string) => t('validation.profile.type', { types: m('validation.profile.typeName', { type }) });

/** What is wrong with the value at the error's path, in words. */
export function problemWords(error: ValueError): string {
  const schema = error.schema as Record<string, unknown>;
  // TypeBox reports a missing property by the type it should have had first: JSON has no undefined, so
  // no value at the path is a field left out.
  if (error.value === undefined && error.type !== ValueErrorType.ObjectAdditionalProperties) return t('validation.profile.required');
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return t('validation.profile.required');
    case ValueErrorType.ObjectAdditionalProperties:
      return t('validation.schema.unknownField');
    case ValueErrorType.String:
      return typeIs('string');
    case ValueErrorType.Number:
      return typeIs('number');
    case ValueErrorType.Integer:
      return typeIs('integer');
    case ValueErrorType.Boolean:
      return typeIs('boolean');
    case ValueErrorType.Null:
      return typeIs('null');
    case ValueErrorType.Array:
      return typeIs('array');
    case ValueErrorType.Object:
      return typeIs('object');
    case ValueErrorType.Literal:
      return t('validation.profile.const', { value: show(schema.const) });
    case ValueErrorType.Union: {
      // A choice among fixed values is said as those values; any other union as "none of the forms".
      const options = (schema.anyOf as Record<string, unknown>[] | undefined) ?? [];
      const literals = options.every((option) => 'const' in option) ? options.map((option) => show(option.const)) : null;
      return literals && literals.length > 0 ? t('validation.profile.enum', { values: literals.join(', ') }) : t('validation.schema.union');
    }
    case ValueErrorType.StringMaxLength:
      return t('validation.schema.maxLength', { limit: Number(schema.maxLength) });
    case ValueErrorType.StringMinLength:
      return t('validation.schema.minLength', { limit: Number(schema.minLength) });
    case ValueErrorType.StringPattern:
      return t('validation.profile.pattern', { pattern: String(schema.pattern) });
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return t('validation.profile.minimum', { limit: String(schema.minimum) });
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return t('validation.schema.maximum', { limit: String(schema.maximum) });
    case ValueErrorType.ArrayMaxItems:
      return t('validation.schema.maxItems', { limit: Number(schema.maxItems) });
    case ValueErrorType.ArrayMinItems:
      return t('validation.schema.minItems', { limit: Number(schema.minItems) });
    default:
      return t('validation.schema.other');
  }
}
