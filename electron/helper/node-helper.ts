// The elevated helper as plain Node runs it (the CLI's `web`, the Wine tier): this Node binary and the
// helper's entry script beside this file in the build.
import { fileURLToPath } from 'node:url';
import type { HelperProgram } from './helper-client.js';

export function nodeHelperProgram(sandbox: string | null): HelperProgram {
  return { program: process.execPath, leadingArgs: [fileURLToPath(new URL('./entry.js', import.meta.url))], sandbox };
}
