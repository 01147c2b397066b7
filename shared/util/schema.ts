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
  let refs: Map<string, TSchema> | null = null;
  return (value) => {
    compiled ??= TypeCompiler.Compile(schema);
    if (compiled.Check(value)) return null;
    const first = compiled.Errors(value).First();
    const error = first ? deepest(first, (refs ??= schemasById(schema))) : null;
    return `${error?.path || '/'}: ${error ? problemWords(error) : t('validation.schema.other')}`;
  };
}

/**
 * A union's error named where it went wrong: of the forms it allows, those the value could be meant for
 * (of the form's type; an object with at least one of the form's fields), and of those the one whose own
 * first error lies deepest ("/fix/who: must be one of ..." rather than "/fix: is none of the forms allowed
 * here"; a 1 MB text "is longer than 100000 characters"). So {"a": 1} is not said to miss some form's
 * "dateTime": with no form it could be meant for, the union itself is what is said.
 */
function deepest(error: ValueError, refs: Map<string, TSchema>): ValueError {
  if (error.type !== ValueErrorType.Union) return error;
  const forms = ((error.schema as { anyOf?: TSchema[] }).anyOf ?? []).map((form) => resolved(form, refs));
  let best: ValueError | null = null;
  for (const [index, errors] of error.errors.entries()) {
    const form = forms[index];
    if (form && !meantFor(form, error.value, refs)) continue;
    const first = errors.First();
    const candidate = first ? deepest(first, refs) : null;
    if (candidate && (!best || candidate.path.length > best.path.length)) best = candidate;
  }
  return best ?? error;
}

function resolved(schema: TSchema, refs: Map<string, TSchema>): TSchema {
  const ref = (schema as { $ref?: string }).$ref;
  return ref !== undefined ? (refs.get(ref) ?? schema) : schema;
}

/** Whether a value could be meant for a form: of its type, and an object sharing one of its fields. */
function meantFor(form: TSchema, value: unknown, refs: Map<string, TSchema>): boolean {
  const schema = form as { type?: string; anyOf?: TSchema[]; properties?: Record<string, unknown>; const?: unknown };
  if (schema.anyOf) return schema.anyOf.some((option) => meantFor(resolved(option, refs), value, refs));
  if ('const' in schema) return value === schema.const;
  switch (schema.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
    case 'integer':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const fields = Object.keys(schema.properties ?? {});
      const keys = Object.keys(value);
      // An empty object is any object form with its fields left out.
      return fields.length === 0 || keys.length === 0 || keys.some((key) => fields.includes(key));
    }
    default:
      return true;
  }
}

/** Every schema with an $id under this one, for the forms that refer to them (a recursive message). */
function schemasById(schema: unknown, into = new Map<string, TSchema>()): Map<string, TSchema> {
  if (typeof schema !== 'object' || schema === null) return into;
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id === 'string' && !into.has(id)) into.set(id, schema as TSchema);
  for (const child of Object.values(schema)) schemasById(child, into);
  return into;
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
