// npm run dist:cli - the command-line tool for fleets, built on this Linux machine (issue 16):
//   out/cli/mars-readiness.exe   the CLI as one Node single-executable application (SEA) for win32-x64
//   out/cli/native-reg.node      native-reg's compiled addon, loaded from beside the exe (it cannot live in
//                                the SEA blob); without it the exe reads the registry through reg.exe
//   out/cli/mars-readiness.msi   per-machine, silent MSI (build/msi/mars-readiness.wxs): both files under
//                                Program Files\MARS Readiness Wizard, that folder on the system PATH
// Steps: esbuild bundles electron/cli into one CommonJS script (scripts/dist-cli/sea-main.js is its entry);
// this Node (which must be the version of the Windows Node the Wine tier uses) makes the SEA blob with its
// code cache; postject injects it into a copy of that Windows node.exe (tests/wine/wine-prefix.ts fetches
// it into .cache/); resedit gives the exe our version resource and icon in place of Node's
// (scripts/dist-cli/exe-resources.js; build/mars-readiness.ico, drawn by scripts/dist-cli/make-icon.js);
// osslsigncode signs the exe, the addon and the MSI, and verifies the three signatures; wixl (Debian's wixl,
// from the msitools sources) builds the MSI and msibuild (msitools) adds the PATH entry, which wixl cannot
// write.
//
// Signing certificate, from the environment:
//   MARS_SIGN_PFX=file.pfx [MARS_SIGN_PFX_PASSWORD=...]                     a PKCS#12 file, or
//   MARS_SIGN_CERT=cert.pem MARS_SIGN_KEY=key.pem [MARS_SIGN_KEY_PASSWORD=...] a PEM certificate (chain) and key;
//   MARS_SIGN_CA=roots.pem          the roots the signatures are verified against (default: the system's)
//   MARS_SIGN_TIMESTAMP_URL=url     an RFC 3161 time-stamping server (none by default; a release wants one)
// With none of them, a throwaway test CA and certificate are made (openssl) and the build says so: CI signs
// and verifies with those, so that a release differs only in the certificate.
//
// `--if-stale`: do nothing when out/cli holds a build of the same sources (tests/wine/packages.test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { refuseElectron } from '../build-cli-bundle.js';
import { ensureDebianPackage } from '../debian-package.js';
import { setExeResources } from './exe-resources.js';
import { ICON } from './make-icon.js';
import { loadWinePrefix } from './wine-prefix.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = join(root, 'scripts', 'dist-cli');
export const OUT = join(root, 'out', 'cli');
const work = join(OUT, 'work');
export const EXE = join(OUT, 'mars-readiness.exe');
export const ADDON = join(OUT, 'native-reg.node');
export const MSI = join(OUT, 'mars-readiness.msi');
const STAMP = join(OUT, 'stamp.json');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const TOOLS = [
  ['osslsigncode', '/usr/bin/osslsigncode'],
  ['wixl', '/usr/bin/wixl'],
  ['msitools', '/usr/bin/msibuild'],
  ['openssl', '/usr/bin/openssl'],
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  try {
    const built = await distCli({ ifStale: process.argv.includes('--if-stale') });
    console.log(built ? `dist:cli: done in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'dist:cli: out/cli is up to date');
  } catch (error) {
    console.error(`dist:cli: ${error.message}`);
    process.exitCode = 1;
  }
}

/** Builds out/cli; with ifStale, only when its sources changed. Returns whether it built. */
export async function distCli({ ifStale = false } = {}) {
  const signing = signingFromEnvironment();
  const stamp = sourceHash(signing.label);
  if (ifStale && [EXE, ADDON, MSI].every((f) => existsSync(f)) && readStamp() === stamp) return false;
  for (const [pkg, binary] of TOOLS) {
    const missing = ensureDebianPackage(pkg, binary);
    if (missing) throw new Error(`${missing}.`);
  }
  const { windowsNode, NODE_WIN } = await loadWinePrefix();
  if (process.version !== `v${NODE_WIN}`) {
    throw new Error(
      `the SEA blob must be made by the Node version it runs in: this is Node ${process.version}, the Windows Node is v${NODE_WIN} (tests/wine/wine-prefix.ts).`,
    );
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  const bundle = await step('bundle the CLI (esbuild)', () => bundleCli(pkg));
  await step('make the SEA blob', () => seaBlob(bundle));
  const nodeExe = await step(`fetch the Windows Node ${NODE_WIN}`, () => settled(windowsNode()));
  await step('inject the blob into node.exe (postject)', () => injectBlob(nodeExe, join(work, 'sea.blob')));
  // After the injection, before the signature: resedit rewrites the resource section that holds the blob.
  await step('our version resource and icon (resedit)', () => setExeResources(join(work, 'mars-readiness.exe'), pkg));
  copyFileSync(join(root, 'node_modules', 'native-reg', 'prebuilds', 'win32-x64', 'node.napi.node'), join(work, 'native-reg.node'));
  const identity = await step('the signing certificate', () => signing.prepare());
  await step('sign the exe and the addon (osslsigncode)', () => {
    sign(identity, join(work, 'mars-readiness.exe'), EXE, pkg);
    sign(identity, join(work, 'native-reg.node'), ADDON, pkg);
  });
  await step('build the MSI (wixl, msibuild)', () => buildMsi(pkg, join(work, 'mars-readiness.msi')));
  await step('sign the MSI', () => sign(identity, join(work, 'mars-readiness.msi'), MSI, pkg));
  await step('verify the signatures', () => {
    for (const file of [EXE, ADDON, MSI]) verifySignature(file, identity.ca);
  });
  writeFileSync(STAMP, `${JSON.stringify({ sources: stamp, signedWith: identity.label, roots: identity.ca }, null, 2)}\n`);
  for (const file of [EXE, ADDON, MSI]) console.log(`  ${relative(root, file)}  ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  console.log(`  signed with ${identity.label}`);
  return true;
}

/**
 * The file once it has stopped growing: on a fresh machine the Wine tests may be unpacking the Windows
 * Node into .cache/ at this very moment (windowsNode only asks whether node.exe is there yet).
 */
async function settled(file) {
  for (let size = -1; ; await new Promise((resolve) => setTimeout(resolve, 1000))) {
    const { size: now, mtimeMs } = statSync(file);
    // tar gives a file its archived time (1985, for npm packages) once it has written it all.
    if (Date.now() - mtimeMs > 60_000 || (now === size && now > 0)) return file;
    size = now;
  }
}

async function step(name, work) {
  const started = Date.now();
  const result = await work();
  console.log(`dist:cli: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/**
 * The CLI as one CommonJS script that needs no node_modules. import.meta.url (the ESM sources use it to
 * find files beside themselves) is the exe's own file URL: what they look for beside it (the scanner's
 * worker script) is not there, and they do without (the scanner walks in its own thread).
 */
async function bundleCli(pkg) {
  const outfile = join(work, 'mars-readiness.cjs');
  const substitutes = {
    name: 'dist-cli-substitutes',
    setup(b) {
      // No package.json beside the exe: the name and version are written in (scripts/dist-cli/app-info.js).
      b.onResolve({ filter: /\/app-info\.js$/ }, (args) =>
        args.importer.startsWith(join(root, 'electron')) ? { path: join(here, 'app-info.js') } : undefined,
      );
      // native-reg's addon from beside the exe (scripts/dist-cli/node-gyp-build.cjs).
      b.onResolve({ filter: /^node-gyp-build$/ }, () => ({ path: join(here, 'node-gyp-build.cjs') }));
    },
  };
  const result = await build({
    entryPoints: [join(here, 'sea-main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    define: {
      'import.meta.url': '__marsImportMetaUrl',
      MARS_APP_NAME: JSON.stringify(pkg.name),
      MARS_APP_VERSION: JSON.stringify(pkg.version),
    },
    banner: { js: 'const __marsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [substitutes],
    logLevel: 'warning',
    metafile: true,
  });
  refuseElectron(result.metafile);
  return outfile;
}

/**
 * The SEA blob, with V8's code cache of the bundle made by this Node. The Windows Node of the same version
 * accepts a cache made on Linux (it would print "Code cache data rejected." otherwise; the Wine test
 * checks that nothing is printed on stderr), so the cache stays on.
 */
function seaBlob(bundle) {
  const config = join(work, 'sea-config.json');
  writeFileSync(
    config,
    // Names relative to work/, so that no path of this machine is written into the exe.
    JSON.stringify({ main: relative(work, bundle), output: 'sea.blob', disableExperimentalSEAWarning: true, useCodeCache: true }, null, 2),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], { cwd: work, stdio: 'ignore', timeout: 120_000 });
}

/** A copy of node.exe, its Authenticode signature removed (the injection breaks it), with the blob in it. */
async function injectBlob(nodeExe, blob) {
  const unsigned = join(work, 'mars-readiness.exe');
  run('osslsigncode', ['remove-signature', '-in', nodeExe, '-out', unsigned]);
  const { inject } = await import('postject');
  await inject(unsigned, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
}

function buildMsi(pkg, msi) {
  // wixl reads the files relative to its working folder; its (GLib) warnings are noise when it succeeds.
  run(
    'wixl',
    ['-a', 'x64', '-D', `Version=${pkg.version}`, '-D', 'SourceDir=.', '-D', `IconFile=${relative(OUT, ICON)}`, '-o', msi].concat(
      join(root, 'build', 'msi', 'mars-readiness.wxs'),
    ),
    {
      cwd: OUT,
    },
  );
  // The PATH entry: wixl 0.101 knows no <Environment>, so the table WiX would write is added here.
  // "=-*PATH" = set at install, removed at uninstall, system-wide; "[~];" = appended to what is there.
  run('msibuild', [
    msi,
    '-q',
    'CREATE TABLE `Environment` (`Environment` CHAR(72) NOT NULL, `Name` CHAR(255) NOT NULL LOCALIZABLE, `Value` CHAR(255) LOCALIZABLE, `Component_` CHAR(72) NOT NULL PRIMARY KEY `Environment`)',
    '-q',
    "INSERT INTO `Environment` (`Environment`, `Name`, `Value`, `Component_`) VALUES ('SystemPath', '=-*PATH', '[~];[INSTALLDIR]', 'CommandLine')",
    '-q',
    "INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) VALUES ('RemoveEnvironmentStrings', 3300)",
    '-q',
    "INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) VALUES ('WriteEnvironmentStrings', 5200)",
  ]);
}

/** The certificate the environment names, or a throwaway one; `prepare` makes it ready to sign with. */
function signingFromEnvironment() {
  const env = process.env;
  const systemRoots = '/etc/ssl/certs/ca-certificates.crt';
  const timestamp = env.MARS_SIGN_TIMESTAMP_URL ? ['-ts', env.MARS_SIGN_TIMESTAMP_URL] : [];
  if (env.MARS_SIGN_PFX) {
    const label = `the certificate in ${env.MARS_SIGN_PFX} (MARS_SIGN_PFX)`;
    return {
      label,
      prepare: () =>
        identityWith(label, ['-pkcs12', env.MARS_SIGN_PFX, ...timestamp], env.MARS_SIGN_PFX_PASSWORD, env.MARS_SIGN_CA ?? systemRoots),
    };
  }
  if (env.MARS_SIGN_CERT || env.MARS_SIGN_KEY) {
    if (!env.MARS_SIGN_CERT || !env.MARS_SIGN_KEY) throw new Error('MARS_SIGN_CERT and MARS_SIGN_KEY go together: give both, or neither.');
    const label = `the certificate ${env.MARS_SIGN_CERT} (MARS_SIGN_CERT, MARS_SIGN_KEY)`;
    return {
      label,
      prepare: () =>
        identityWith(
          label,
          ['-certs', env.MARS_SIGN_CERT, '-key', env.MARS_SIGN_KEY, ...timestamp],
          env.MARS_SIGN_KEY_PASSWORD,
          env.MARS_SIGN_CA ?? systemRoots,
        ),
    };
  }
  const label = 'a throwaway test certificate (no MARS_SIGN_PFX or MARS_SIGN_CERT given)';
  return { label, prepare: () => throwawayCertificate(label) };
}

/** A password goes to osslsigncode in a file only this user reads, never on its command line. */
function identityWith(label, args, password, ca) {
  if (password === undefined) return { args, ca, label };
  const passFile = join(work, 'sign-password');
  writeFileSync(passFile, password, { mode: 0o600 });
  chmodSync(passFile, 0o600);
  return { args: [...args, '-readpass', passFile], ca, label };
}

/** A test CA and a code-signing certificate it issued, made for this build and for nothing else. */
function throwawayCertificate(label) {
  console.log('dist:cli: no signing certificate given: signing with a throwaway test certificate (not for release)');
  const dir = join(work, 'test-certificate');
  mkdirSync(dir, { recursive: true });
  const at = (name) => join(dir, name);
  const subject = (cn) => `/O=MARS Readiness Wizard (test only)/CN=${cn}`;
  run(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:3072', '-nodes', '-days', '30', '-keyout', at('ca.key'), '-out', at('ca.pem')].concat([
      '-subj',
      subject('Throwaway test CA'),
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]),
  );
  run('openssl', [
    'req',
    '-newkey',
    'rsa:3072',
    '-nodes',
    '-keyout',
    at('key.pem'),
    '-out',
    at('cert.csr'),
    '-subj',
    subject('Throwaway test signing'),
  ]);
  writeFileSync(at('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n');
  run(
    'openssl',
    ['x509', '-req', '-in', at('cert.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '30'].concat([
      '-extfile',
      at('ext.cnf'),
      '-out',
      at('cert.pem'),
    ]),
  );
  writeFileSync(at('chain.pem'), readFileSync(at('cert.pem'), 'utf8') + readFileSync(at('ca.pem'), 'utf8'));
  return { args: ['-certs', at('chain.pem'), '-key', at('key.pem')], ca: at('ca.pem'), label };
}

function sign(identity, input, output, pkg) {
  rmSync(output, { force: true });
  run('osslsigncode', ['sign', ...identity.args, '-h', 'sha256', '-n', `${pkg.name} ${pkg.version}`, '-in', input, '-out', output]);
}

/** osslsigncode verify: the signature, the file's digest and the certificate chain up to the given roots. */
export function verifySignature(file, ca) {
  const result = spawnSync('osslsigncode', ['verify', '-in', file, '-CAfile', ca], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`osslsigncode verify rejects ${file}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.slice(0, 2).join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** What the build is made of: the CLI's sources, these scripts, the MSI's source, the icon, the locked packages, this Node. */
function sourceHash(signedWith) {
  const hash = createHash('sha256').update(`${process.version}\n${signedWith}\n`);
  const files = ['electron', 'shared', 'scripts/dist-cli', 'build/msi'].flatMap((dir) => listFiles(join(root, dir)));
  for (const file of [...files, ICON, join(root, 'package.json'), join(root, 'package-lock.json')].sort()) {
    hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).sources;
  } catch {
    return null;
  }
}
