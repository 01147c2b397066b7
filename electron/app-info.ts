// The tool's name, version and folder, read from package.json once. Found by walking up from this file, so it
// works from the sources (tests) and from the build output (dist/) alike.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageJson(): { name: string; version: string; root: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'mars-readiness') return { name: parsed.name, version: parsed.version ?? '0.0.0', root: dir };
    }
    const parent = dirname(dir);
    if (parent === dir) return { name: 'mars-readiness', version: '0.0.0', root: dirname(fileURLToPath(import.meta.url)) };
    dir = parent;
  }
}

export const APP = findPackageJson();

/** The built wizard pages (vite build). */
export const RENDERER_DIR = join(APP.root, 'out', 'renderer');
