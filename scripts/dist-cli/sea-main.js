// The single executable's entry (npm run dist:cli bundles it, with the whole CLI, into one CommonJS
// script, the form Node's SEA runs): what bin/mars-readiness.js does, without looking for dist/.
import { processIo, runCli } from '../../electron/cli/main.ts';

// native-reg's JavaScript is bundled here too; its compiled addon cannot be, and lies beside the exe
// (node-gyp-build.cjs loads it). loadNativeReg (electron/probes/windows/registry-native.ts) asks for it
// only on Windows, and falls back to reg.exe when the addon is not there.
// A require (which esbuild bundles), not an import: the addon loads only when asked for.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
globalThis[Symbol.for('mars-readiness.native-reg')] = () => require('native-reg');

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`mars-readiness: an unexpected error stopped the command: ${error?.stack ?? error}\n`);
    process.exitCode = 3;
  },
);
