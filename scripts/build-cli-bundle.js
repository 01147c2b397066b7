// The last step of `npm run build`: the command line as one CommonJS file, dist/cli/mars-readiness.cjs, and
// V8's code cache of it (bin/cli-bundle.js runs them). Made after tsc, from the same sources.
//
// Each source's import.meta.url becomes the address of its own compiled file under dist/ (not the bundle's),
// so that what a module finds beside itself is found as before: the scanner's worker script, the elevated
// helper's entry, the wizard's pages for `web`, package.json for the version, the catalogues of the
// languages other than English. native-reg stays outside (its
// addon is loaded from node_modules, as without the bundle) and Electron is never pulled in.
//
// The cache is made after two warm-up runs on a sample profile (the JSON report and the text one), so that
// it holds the functions those runs compiled, not only the top level. Both files are written whole or not at
// all, and the cache is only a speed-up: without it the bundle runs as it is.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse } from '@formatjs/icu-messageformat-parser';

const root = fileURLToPath(new URL('../', import.meta.url));
/** shared/i18n/translate.ts's mark of a message given as its parsed form in JSON. */
const PRECOMPILED = '\u0001';
export const BUNDLE = join(root, 'dist', 'cli', 'mars-readiness.cjs');
const WARM_UP = join(root, 'samples', 'profiles', 'cache-problems.json');

/** import.meta.url in each of our sources, as the URL of the file tsc compiled it to. */
const distUrls = {
  name: 'import-meta-url-of-dist',
  setup(b) {
    // English's messages go in already parsed (FormatJS's precompiled form), each as its JSON behind the
    // PRECOMPILED mark, read when the message is first said: the bundle never runs the ICU parser for them
    // (some 20 ms of a report's first sentences), and does not build two thousand parsed messages at start.
    b.onLoad({ filter: /[\\/]shared[\\/]i18n[\\/]catalogue[\\/]en[\\/][^\\/]+\.json$/ }, (args) => {
      const messages = JSON.parse(readFileSync(args.path, 'utf8'));
      const parsed = Object.entries(messages).map(([id, text]) => [id, `${PRECOMPILED}${JSON.stringify(parse(text))}`]);
      return { contents: JSON.stringify(Object.fromEntries(parsed)), loader: 'json' };
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      let source = readFileSync(args.path, 'utf8');
      // The other languages' catalogues stay out of the bundle (a run reads one at most): each is read from
      // its area files under dist/ when asked for (the bundle runs in a vm script, which cannot import()).
      if (relative(root, args.path).split('\\').join('/') === 'shared/i18n/load.ts') {
        source = source.replace(
          /import\('\.\/catalogue\/((?!en\/)[\w-]+)\/index\.js'\)/g,
          "Promise.resolve().then(() => __marsCatalogue('$1'))",
        );
      }
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const compiled = relative(root, args.path).replace(/\.ts$/, '.js').split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `__marsDistUrl(${JSON.stringify(compiled)})`), loader: 'ts' };
    });
  },
};

/** The CLI runs without Electron: a bundle that pulled it in (through some import) is refused. Also dist:cli's. */
export function refuseElectron(metafile) {
  const electron = Object.keys(metafile.inputs).filter((i) => /(^|\/)node_modules\/electron\//.test(i));
  if (electron.length > 0) throw new Error(`the CLI bundle pulled in electron (${electron[0]}).`);
}

export async function buildCliBundle() {
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [join(root, 'electron', 'cli', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Whitespace and syntax only: names stay, so that MARS_READINESS_DEBUG's stack traces still read.
    minifyWhitespace: true,
    minifySyntax: true,
    external: ['electron', 'native-reg'],
    banner: {
      js: [
        'const __marsDistUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, "..", file)).href;',
        'const __marsCatalogue = (language) => {',
        '  const { readdirSync, readFileSync } = require("node:fs");',
        '  const dir = require("node:path").join(__dirname, "..", "shared", "i18n", "catalogue", language);',
        '  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();',
        '  return { default: Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(require("node:path").join(dir, f), "utf8")))) };',
        '};',
      ].join('\n'),
    },
    plugins: [distUrls],
    logLevel: 'warning',
    metafile: true,
  });
  refuseElectron(result.metafile);
  rmSync(`${BUNDLE}.cache`, { force: true });
  renameSync(temporary, BUNDLE);

  const { loadCliBundle } = await import(pathToFileURL(join(root, 'bin', 'cli-bundle.js')).href);
  const { cli, script } = loadCliBundle(BUNDLE);
  const quiet = { stdout: () => {}, stderr: () => {}, color: false, columns: 80, now: () => new Date() };
  for (const format of [['--json'], []]) await cli.runCli(['check', '--profile', WARM_UP, ...format], quiet);
  writeFileSync(`${BUNDLE}.cache.tmp`, script.createCachedData());
  renameSync(`${BUNDLE}.cache.tmp`, `${BUNDLE}.cache`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildCliBundle();
  } catch (error) {
    console.error(`build: the CLI bundle was not made: ${error.message}`);
    process.exitCode = 1;
  }
}
