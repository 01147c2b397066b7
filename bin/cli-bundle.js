// Runs the CLI from its one-file bundle (dist/cli/mars-readiness.cjs, made by `npm run build`) with V8's
// code cache of it: Node 20 keeps no compile cache of its own, and loading some eighty modules one by one,
// each compiled anew, took most of `check --profile`'s time. A cache that this Node cannot use (another
// version, other flags) is ignored: the bundle is then compiled as usual, only slower.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** The bundle's exports (runCli, processIo) and its compiled script, whose cache the build writes. */
export function loadCliBundle(file, { cache = `${file}.cache` } = {}) {
  // The build writes the bundle in ASCII, which reads as Latin-1 (the same characters) in a tenth of the
  // time UTF-8's decoder takes over 1.5 MB (some 3 ms); a bundle that is not ASCII is read as UTF-8.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  // CommonJS's own wrapper, so that the bundle's require, module and __dirname are what Node would give it.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { cli: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected === true : null };
}
