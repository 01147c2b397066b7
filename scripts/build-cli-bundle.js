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
//
// What the start of every command pays for is kept small (`npm run bench:check`; each was measured):
// - the bundle is ASCII throughout (esbuild escapes strings, not regular expressions or String.raw: those
//   are escaped here, and the build warns of any other such character left), so Node reads it as one byte
//   a character; a single other character made it a two-byte string, slower to decode, compile and check
//   against its cache (some 5 ms);
// - English's catalogue is one JSON.parse of its merged areas (below), not thirty object literals spread
//   into one (some 10 ms, and thousands of strings fewer in the cache);
// - Node's modules for what `check` never does (child processes, sockets, TLS, HTTP, DNS, workers,
//   readline, crypto) are required when first used, not when the bundle starts (some 1.5 ms), and so are
//   the ICU parser's hour-cycle table and identifier pattern (some 2 ms; English comes precompiled).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    b.onLoad({ filter: /[\\/]node_modules[\\/]@formatjs[\\/]icu-messageformat-parser[\\/]index\.js$/ }, (args) => {
      const lazy = lazyParserData(readFileSync(args.path, 'utf8'));
      return lazy === null ? undefined : { contents: lazy, loader: 'js' };
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
      if (relative(root, args.path).split('\\').join('/') === 'shared/i18n/catalogue/en/index.ts')
        source = mergedEnglish(args.path, source);
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const compiled = relative(root, args.path).replace(/\.ts$/, '.js').split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `__marsDistUrl(${JSON.stringify(compiled)})`), loader: 'ts' };
    });
  },
};

/** Every character past ASCII as \\uXXXX: the same text to JSON.parse and to a RegExp, in one byte a character. */
const escapeNonAscii = (text) => text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const IMPORT_AREA = /^import (\w+) from '\.\/([\w-]+\.json)' with \{ type: 'json' \};\n/gm;

/**
 * English's index.ts with its areas merged here, as its spread merges them (same ids, same order), each
 * message precompiled as the en/*.json loader above does (its JSON in ASCII). The messages are one string
 * and each is a slice of it, made at start in a loop: thirty object literals spread into one took some
 * 10 ms of each start, a JSON.parse of them all 3 ms (it copies every message). An index.ts of another form
 * is refused, so that the bundle never carries a catalogue other than the source's.
 */
function mergedEnglish(file, source) {
  const areas = new Map([...source.matchAll(IMPORT_AREA)].map((m) => [m[1], m[2]]));
  const block = /^const en = \{([^}]*)\};$/m.exec(source);
  const spread =
    block?.[1]
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '') ?? [];
  if (!block || spread.length === 0 || spread.some((entry) => !/^\.\.\.\w+$/.test(entry) || !areas.has(entry.slice(3)))) {
    throw new Error(
      `${file} no longer spreads its areas' JSON into one object (const en = { ...area, ... }); teach scripts/build-cli-bundle.js its form.`,
    );
  }
  const merged = {};
  for (const entry of spread) Object.assign(merged, JSON.parse(readFileSync(join(file, '..', areas.get(entry.slice(3))), 'utf8')));
  const ids = Object.keys(merged);
  if (ids.some((id) => id === '__proto__' || id.includes('\n'))) throw new Error(`${file}: a message id the bundle cannot carry.`);
  const messages = ids.map((id) => `${PRECOMPILED}${escapeNonAscii(JSON.stringify(parse(merged[id])))}`);
  const ends = messages.map(
    (
      (at) => (message) =>
        (at += message.length)
    )(0),
  );
  const en = [
    'const en: Record<string, string> = {};',
    '{',
    `  const ids = ${JSON.stringify(ids.join('\n'))}.split('\\n');`,
    `  const messages = ${JSON.stringify(messages.join(''))};`,
    `  const ends = [${ends.join(',')}];`,
    '  for (let i = 0, at = 0; i < ids.length; at = ends[i++]!) en[ids[i]!] = messages.slice(at, ends[i]);',
    '}',
  ];
  return source.replace(IMPORT_AREA, '').replace(block[0], en.join('\n'));
}

/**
 * FormatJS's message parser with what it makes at load made when first used: its table of each region's
 * hour cycles (a thousand-line object literal) and its identifier pattern (a Unicode-property RegExp,
 * tried on a sample), some 2 ms of every start, which English's precompiled messages never use. A parser
 * whose text is not as expected is bundled as it is.
 */
function lazyParserData(code) {
  const table = /^const timeData = (\{\n[^]*?\n\});\n/m.exec(code);
  const uses = code.match(/\btimeData\[/g)?.length ?? 0;
  const pattern = 'let IDENTIFIER_PREFIX_RE = createIdentifierPrefixRegex();\n';
  const use = '\tIDENTIFIER_PREFIX_RE.lastIndex = index;\n';
  if (!table || uses === 0 || (code.match(/\btimeData\b/g)?.length ?? 0) !== uses + 1) return null;
  if (code.split(pattern).length !== 2 || code.split(use).length !== 2 || (code.match(/\bIDENTIFIER_PREFIX_RE\b/g)?.length ?? 0) !== 3)
    return null;
  return code
    .replace(table[0], `let timeDataMade = null;\nconst timeDataOf = () => (timeDataMade ??= ${table[1]});\n`)
    .replace(/\btimeData\[/g, 'timeDataOf()[')
    .replace(pattern, 'let IDENTIFIER_PREFIX_RE = null;\n')
    .replace(use, `\tIDENTIFIER_PREFIX_RE ??= createIdentifierPrefixRegex();\n${use}`);
}

/** Node's modules that `check` does not use: required when first used (the bundle's __marsLazy). */
const LAZY_BUILTINS = new Set(
  ['child_process', 'http', 'https', 'net', 'tls', 'crypto', 'worker_threads', 'readline', 'readline/promises', 'dns', 'dns/promises'].map(
    (m) => `node:${m}`,
  ),
);

/**
 * The bundle as esbuild wrote it, with (1) every character past ASCII in a regular expression written as
 * \\uXXXX (the same character to the RegExp, with or without the u flag), and (2) each `x = require("node:…")`
 * of LAZY_BUILTINS made `x = __marsLazy("node:…")` where x (by name, anywhere in the bundle) is only ever
 * read as x.member: a stand-in that requires the module when a member is first read. A name used any other
 * way keeps its require. Found with TypeScript's parser, which the build has anyway.
 */
export function startCheaply(code) {
  const ts = createRequire(import.meta.url)('typescript');
  const file = ts.createSourceFile('bundle.cjs', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  const requires = new Map(); // name -> the require calls that set it
  const otherUse = new Set(); // names read other than as name.member
  const builtinRequire = (node) =>
    node &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteral(node.arguments[0]) &&
    LAZY_BUILTINS.has(node.arguments[0].text);
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const start = node.getStart(file);
      const text = code.slice(start, node.end);
      if (/[^\0-\x7f]/.test(text)) edits.push([start, node.end, escapeNonAscii(text)]);
      return;
    }
    // String.raw`…’…`: each run of such characters becomes a substitution of an escaped string, ${"\u2019"},
    // which String.raw puts in as it is: the same string. (A run after a backslash is left as it is.)
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'String.raw') {
      const { template } = node;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        const start = part.getStart(file);
        const text = code.slice(start, part.end);
        if (!/[^\0-\x7f]/.test(text) || /\\[^\0-\x7f]/.test(text)) continue;
        edits.push([start, part.end, text.replace(/[^\0-\x7f]+/g, (run) => `\${"${escapeNonAscii(run)}"}`)]);
      }
    }
    if (ts.isIdentifier(node)) {
      const { parent } = node;
      const name = node.text;
      if (ts.isVariableDeclaration(parent) && parent.name === node) {
        if (builtinRequire(parent.initializer)) requires.set(name, [...(requires.get(name) ?? []), parent.initializer]);
        else if (parent.initializer) otherUse.add(name);
      } else if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (builtinRequire(parent.right)) requires.set(name, [...(requires.get(name) ?? []), parent.right]);
        else otherUse.add(name);
      } else if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        const target = parent.parent;
        const assigned =
          (ts.isBinaryExpression(target) &&
            target.left === parent &&
            target.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
            target.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
          ((ts.isPrefixUnaryExpression(target) || ts.isPostfixUnaryExpression(target)) &&
            [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(target.operator)) ||
          ts.isDeleteExpression(target);
        if (assigned) otherUse.add(name);
      } else if (!(
        parent.name === node &&
        (ts.isPropertyAccessExpression(parent) ||
          ts.isPropertyAssignment(parent) ||
          ts.isPropertyDeclaration(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isGetAccessor(parent) ||
          ts.isSetAccessor(parent))
      )) {
        // Any other read of the name (an argument, a value kept, a shorthand property...): it stays as it is.
        otherUse.add(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const [name, calls] of requires) {
    if (otherUse.has(name)) continue;
    for (const call of calls) edits.push([call.expression.getStart(file), call.expression.end, '__marsLazy']);
  }
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  out += code.slice(at);
  const left = /[^\0-\x7f]/.exec(out);
  if (left)
    console.warn(
      `build: the CLI bundle is not ASCII (${JSON.stringify(out.slice(left.index - 40, left.index + 10))}): each start reads it as UTF-8, some 5 ms slower.`,
    );
  return out;
}

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
        // A Node module required when a member of it is first read (startCheaply above).
        'const __marsLazy = (id) => {',
        '  let loaded;',
        '  return new Proxy({}, { get: (_, key) => (loaded ??= require(id))[key] });',
        '};',
      ].join('\n'),
    },
    plugins: [distUrls],
    logLevel: 'warning',
    metafile: true,
  });
  refuseElectron(result.metafile);
  writeFileSync(temporary, startCheaply(readFileSync(temporary, 'utf8')));
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
