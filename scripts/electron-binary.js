// Where the Electron binary is, if it was downloaded. The electron npm package fetches it lazily, from
// GitHub, which some machines cannot reach: then there is no binary, and we say so instead of failing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function electronBinary() {
  const dir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
