#!/usr/bin/env node
// The installed command. It runs the compiled CLI from dist/, which `npm install` builds (the "prepare"
// script); a checkout that was never built gets a sentence saying so instead of a stack trace.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('mars-readiness: the program is not built yet. Run "npm install" (or "npm run build") in its folder first.\n');
  process.exit(2);
}
const { runCli, processIo } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), processIo());
