// The Wine tier's own module (tests/wine/wine-prefix.ts: the Windows Node fetched into .cache/, fresh
// Wine machines), for the plain-Node scripts here (dist:cli, bench:cli), so that there is one copy of it.
// Node 20 cannot import TypeScript: esbuild bundles it (its node: imports left as they are) into one file
// under out/cli/work/, with import.meta.url set to the source's own, so that its paths stay right.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** @returns {Promise<typeof import('../../tests/wine/wine-prefix.ts')>} */
export async function loadWinePrefix() {
  const source = join(root, 'tests', 'wine', 'wine-prefix.ts');
  const work = join(root, 'out', 'cli', 'work');
  mkdirSync(work, { recursive: true });
  const outfile = join(work, `wine-prefix-${process.pid}.mjs`);
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(source).href) },
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
