// Checking a value against a TypeBox schema - the one source of both the JSON Schema and its TypeScript
// type - compiled once into a function (TypeBox's compiler). The answer is null, or the first problem as
// "<JSON pointer>: <what is wrong>".

import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

export function compileSchema(schema: TSchema): (value: unknown) => string | null {
  let compiled: ReturnType<typeof TypeCompiler.Compile> | null = null;
  return (value) => {
    compiled ??= TypeCompiler.Compile(schema);
    if (compiled.Check(value)) return null;
    const first = compiled.Errors(value).First();
    return first ? `${first.path || '/'}: ${first.message}` : 'it does not have the expected form';
  };
}
