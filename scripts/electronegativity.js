// npm run security - @doyensec/electronegativity over the built main process (dist/electron). The tool
// itself exits 0 whatever it finds, so this script reads its findings and fails on any of medium severity
// or above that build/electronegativity-allowlist.json does not accept, with a reason.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const run = require('@doyensec/electronegativity/dist/runner.js');
const { accepted } = JSON.parse(readFileSync(`${root}build/electronegativity-allowlist.json`, 'utf8'));
const electronVersion = JSON.parse(readFileSync(`${root}node_modules/electron/package.json`, 'utf8')).version;

// It prints progress and a notice when it cannot reach the network to list Electron releases; keep only ours.
const log = console.log;
console.log = () => {};
let result;
try {
  result = await run(
    {
      input: `${root}dist/electron`,
      output: null,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
} finally {
  console.log = log;
}

const RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const serious = result.issues.filter((i) => (RANK[i.severity?.name] ?? 3) >= RANK.MEDIUM);
const isAccepted = (i) => accepted.some((a) => a.id === i.id && (!a.file || String(i.file).endsWith(a.file)) && a.reason?.length > 20);
const refused = serious.filter((i) => !isAccepted(i));
console.log(
  `electronegativity ${electronVersion}: ${result.atomicChecks + result.globalChecks} checks, ${result.issues.length} findings, ${serious.length} medium or above, ${serious.length - refused.length} accepted with a reason.`,
);
for (const e of result.errors) console.log(`  could not parse ${e.file}: ${e.message}`);
for (const i of refused)
  console.log(
    `  REFUSED ${i.id} (${i.severity?.name}, ${i.confidence?.name}) ${i.file}:${i.location?.line ?? '?'} - ${i.description ?? ''}`,
  );
if (result.errors.length > 0 || refused.length > 0) process.exit(1);
