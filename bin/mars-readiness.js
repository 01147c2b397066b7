#!/usr/bin/env node
// The installed command. It runs the CLI's one-file bundle with its code cache (bin/cli-bundle.js), which
// `npm install` builds (the "prepare" script), or else the compiled modules in dist/; a checkout that was
// never built gets a sentence saying so instead of a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/mars-readiness.cjs', import.meta.url));
const entry = new URL('../dist/electron/cli/main.js', import.meta.url);
let cli;
if (existsSync(bundle)) cli = (await import('./cli-bundle.js')).loadCliBundle(bundle).cli;
else if (existsSync(entry)) cli = await import(entry.href);
else {
  process.stderr.write('mars-readiness: the program is not built yet. Run "npm install" (or "npm run build") in its folder first.\n');
  process.exit(2);
}
process.exitCode = await cli.runCli(process.argv.slice(2), cli.processIo());
