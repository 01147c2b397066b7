// The Windows packages tier (DESIGN.md, tier 6): mars-readiness.exe (the CLI as a Node single-executable
// application) and its MSI, as `npm run dist:cli` builds them on this machine, installed and run under Wine
// on a fresh prefix: `msiexec /i /qn` puts the exe and native-reg's addon under Program Files and the folder
// on the system PATH; the exe, found through that PATH by Wine's cmd.exe, reports the Wine machine's agent
// values (read by native-reg beside it, with reg.exe taken away to be sure); its `collect --out` profile is
// read by the Linux CLI; the MSI registers the event source that `--event-log` writes under, and a run with
// it on a machine without eventcreate.exe (Wine) says so and keeps its exit status; osslsigncode accepts the
// signatures; the installed exe carries our version resource and icon, not Node's, read back with resedit
// (and the MSI the same icon for Apps & features); `msiexec /x` takes it all away again.
// The build is reused when out/cli holds one of the same sources (scripts/dist-cli/build.js --if-stale).
// Skipped, with the reason printed, only where wine64, wixl, msitools or osslsigncode can be neither found nor
// installed (.ci/run installs them).
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackage } from '../../scripts/debian-package.js';
import { createWineMachine, MARS_KEY, ROOT, WINE, wineMissing, z, type WineMachine } from './wine-prefix.js';

const missing =
  wineMissing() ??
  ensureDebianPackage('wixl', '/usr/bin/wixl') ??
  ensureDebianPackage('msitools', '/usr/bin/msibuild') ??
  ensureDebianPackage('osslsigncode', '/usr/bin/osslsigncode');
if (missing) console.log(`SKIPPED the Windows packages tier (the exe and the MSI under Wine): ${missing}.`);

const OUT = join(ROOT, 'out', 'cli');
const MSI = join(OUT, 'mars-readiness.msi');
const INSTALL_DIR = 'C:\\Program Files\\MARS Readiness Wizard';
const ENVIRONMENT_KEY = 'HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\Environment';
const EVENT_SOURCE_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\MARS Readiness';
// The agent's values as the existing Wine tier seeds them, the cache folder's name with non-ASCII in it:
// reg.exe prints in the console code page, which garbled a "ü" once; native-reg reads UTF-16.
const INSTALL_PATH = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\';
const SCRATCH = 'C:\\MARS Scratch ü';
const CACHE_FILES = { 'metadata.xml': '<cache/>', 'Recovery Points\\chunk 1.bin': 'x'.repeat(10_000) };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

let machine: WineMachine | null = null;
const seen: {
  build?: { code: number; log: string; ms: number };
  pathBefore?: string;
  install?: Run;
  pathAfterInstall?: string;
  files?: { exe: boolean; addon: boolean };
  resources?: ExeResources;
  msiIcon?: { property: string; stream: Buffer };
  fromPath?: Run;
  withoutRegExe?: Run;
  fromProfile?: Run;
  collect?: Run;
  linuxCheck?: Run;
  verify?: Record<string, Run>;
  uninstall?: Run;
  pathAfterUninstall?: string;
  eventSource?: Record<string, Run>;
  eventSourceAfterUninstall?: Run;
  eventLog?: Run;
  plainText?: Run;
  filesAfterUninstall?: { exe: boolean; addon: boolean };
  seconds?: number;
} = {};

interface ExeResources {
  versions: { lang: string | number; fixed: Record<string, number>; languages: unknown; strings: Record<string, string> }[];
  iconGroups: { id: string | number; lang: string | number; icons: { width: number; height: number; bitCount: number; bin: Buffer }[] }[];
  iconImages: number;
  seaBlob: Buffer | undefined;
}

/** The installed exe's resources as resedit reads them: version resources, icon groups and their images, the SEA blob. */
function exeResources(file: string): ExeResources {
  const entries = NtExecutableResource.from(NtExecutable.from(readFileSync(file), { ignoreCert: true })).entries;
  const image = (id: number) => entries.find((e) => e.type === 3 && e.id === id);
  return {
    versions: Resource.VersionInfo.fromEntries(entries).map((v) => ({
      lang: v.lang,
      fixed: { ...v.fixedInfo },
      languages: v.getAvailableLanguages(),
      strings: v.getStringValues({ lang: 1033, codepage: 1200 }),
    })),
    iconGroups: Resource.IconGroupEntry.fromEntries(entries).map((g) => ({
      id: g.id,
      lang: g.lang,
      icons: g.icons.map((i) => ({
        width: i.width || 256,
        height: i.height || 256,
        bitCount: i.bitCount,
        bin: Buffer.from(image(i.iconID)?.bin ?? new ArrayBuffer(0)),
      })),
    })),
    iconImages: entries.filter((e) => e.type === 3).length,
    seaBlob: ((blob) => (blob ? Buffer.from(blob.bin) : undefined))(entries.find((e) => e.type === 10 && e.id === 'NODE_SEA_BLOB')),
  };
}

/** Runs a program under Wine with its stdout and stderr in files (Windows Node's stdout must not be a pipe). */
function underWine(args: string[], name: string, env: NodeJS.ProcessEnv): Run {
  const stdoutFile = join(machine!.prefix, `${name}.out`);
  const stderrFile = join(machine!.prefix, `${name}.err`);
  const [stdout, stderr] = [openSync(stdoutFile, 'w'), openSync(stderrFile, 'w')];
  const started = Date.now();
  try {
    const run = spawnSync(WINE, args, { env, stdio: ['ignore', stdout, stderr], timeout: 180_000 });
    return {
      code: run.status ?? -1,
      stdout: readFileSync(stdoutFile, 'utf8'),
      stderr: readFileSync(stderrFile, 'utf8'),
      ms: Date.now() - started,
    };
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
}

/** The system PATH as the registry holds it (what a new process, and so cmd.exe, starts with). */
function systemPath(env: NodeJS.ProcessEnv): string {
  const query = underWine(['reg', 'query', ENVIRONMENT_KEY, '/v', 'PATH'], 'path-query', env);
  return /\bPATH\s+REG_(?:EXPAND_)?SZ\s+(.*)$/im.exec(query.stdout)?.[1]?.trim() ?? `(not read: ${query.stdout}${query.stderr})`;
}

const installed = () => ({
  exe: existsSync(machine!.onC(`${INSTALL_DIR}\\mars-readiness.exe`)),
  addon: existsSync(machine!.onC(`${INSTALL_DIR}\\native-reg.node`)),
});

beforeAll(() => {
  if (missing) return;
  const started = Date.now();
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist-cli', 'build.js'), '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  seen.build = { code: build.status ?? -1, log: `${build.stdout}${build.stderr}`, ms: Date.now() - started };
  if (seen.build.code !== 0) return;

  machine = createWineMachine();
  const { env, seedRegistry, wine, onC } = machine;
  // As on a real server: a Windows version Node supports, so the exe runs without NODE_SKIP_PLATFORM_CHECK.
  wine(['winecfg', '/v', 'win10']);
  const exeEnv: NodeJS.ProcessEnv = { ...env };
  delete exeEnv.NODE_SKIP_PLATFORM_CHECK;
  seedRegistry('InstallPath', 'REG_SZ', INSTALL_PATH, `${MARS_KEY}\\Setup`);
  machine.seedScratch(SCRATCH);
  seedRegistry('Release', 'REG_DWORD', '528040', 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full');
  machine.writeFiles(SCRATCH, CACHE_FILES);
  copyFileSync(join(ROOT, 'samples', 'profiles', 'healthy-server.json'), onC('C:\\healthy-server.json'));

  seen.pathBefore = systemPath(exeEnv);
  seen.install = underWine(['msiexec', '/i', z(MSI), '/qn'], 'install', exeEnv);
  seen.pathAfterInstall = systemPath(exeEnv);
  seen.files = installed();
  if (seen.files.exe) seen.resources = exeResources(onC(`${INSTALL_DIR}\\mars-readiness.exe`));
  seen.msiIcon = {
    property: spawnSync('msiinfo', ['export', MSI, 'Property'], { encoding: 'utf8' }).stdout,
    stream: spawnSync('msiinfo', ['extract', MSI, 'Icon.MarsReadiness.ico']).stdout,
  };

  // Found through the PATH the MSI wrote: cmd.exe starts with the system environment from the registry.
  const viaPath = (args: string[], name: string) => underWine(['cmd', '/c', 'mars-readiness.exe', ...args], name, exeEnv);
  seen.fromProfile = viaPath(['check', '--profile', 'C:\\healthy-server.json', '--json'], 'check-profile');
  seen.fromPath = viaPath(['check', '--offline', '--json'], 'check');
  // Once more with Windows' reg.exe away: the values can then only come from native-reg beside the exe.
  const regExe = onC('C:\\windows\\system32\\reg.exe');
  renameSync(regExe, `${regExe}.away`);
  try {
    seen.withoutRegExe = viaPath(['check', '--offline', '--json'], 'check-without-reg');
  } finally {
    renameSync(`${regExe}.away`, regExe);
  }
  machine.writeFiles('C:\\fleet', { 'readme.txt': 'profiles land here\n' });
  seen.collect = viaPath(['collect', '--offline', '--out', 'C:\\fleet\\profile.json'], 'collect');
  // The event source the MSI registered, value by value (reg.exe's value names and types are not localised).
  seen.eventSource = Object.fromEntries(
    ['EventMessageFile', 'TypesSupported', 'CustomSource'].map((name) => [
      name,
      underWine(['reg', 'query', EVENT_SOURCE_KEY, '/v', name], `event-source-${name}`, exeEnv),
    ]),
  );
  seen.plainText = viaPath(['check', '--offline'], 'check-text');
  seen.eventLog = viaPath(['check', '--offline', '--event-log'], 'check-event-log');
  const profile = onC('C:\\fleet\\profile.json');
  if (existsSync(profile)) {
    const linux = spawnSync(process.execPath, [join(ROOT, 'bin', 'mars-readiness.js'), 'check', '--profile', profile, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    seen.linuxCheck = { code: linux.status ?? -1, stdout: linux.stdout, stderr: linux.stderr, ms: 0 };
  }

  // The signatures of what the MSI put down, and of the MSI, against the roots the build signed for.
  const stamp = JSON.parse(readFileSync(join(OUT, 'stamp.json'), 'utf8')) as { roots: string };
  const tampered = join(machine.prefix, 'tampered.exe');
  const exeBytes = readFileSync(onC(`${INSTALL_DIR}\\mars-readiness.exe`));
  const middle = exeBytes.length >> 1;
  exeBytes[middle] = exeBytes[middle]! ^ 0xff;
  writeFileSync(tampered, exeBytes);
  const verify = (file: string): Run => {
    const run = spawnSync('osslsigncode', ['verify', '-in', file, '-CAfile', stamp.roots], { encoding: 'utf8', timeout: 60_000 });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, ms: 0 };
  };
  seen.verify = {
    exe: verify(onC(`${INSTALL_DIR}\\mars-readiness.exe`)),
    addon: verify(onC(`${INSTALL_DIR}\\native-reg.node`)),
    msi: verify(MSI),
    tampered: verify(tampered),
  };

  seen.uninstall = underWine(['msiexec', '/x', z(MSI), '/qn'], 'uninstall', exeEnv);
  seen.pathAfterUninstall = systemPath(exeEnv);
  seen.eventSourceAfterUninstall = underWine(['reg', 'query', EVENT_SOURCE_KEY], 'event-source-after', exeEnv);
  seen.filesAfterUninstall = installed();
  seen.seconds = (Date.now() - started) / 1000;
  console.log(
    `Windows packages tier: ${seen.seconds.toFixed(1)} s (build ${(seen.build.ms / 1000).toFixed(1)} s, check from the PATH ${seen.fromPath.ms} ms, check --profile ${seen.fromProfile.ms} ms)`,
  );
}, 600_000);

afterAll(() => machine?.dispose());

/** Every evidence value of a report's findings, by pointer (the report carries the profile's values so). */
function evidence(reportJson: string): Record<string, unknown> {
  const report = JSON.parse(reportJson) as { findings: { evidence?: Record<string, unknown> }[] };
  return Object.assign({}, ...report.findings.map((f) => f.evidence ?? {}));
}

describe.skipIf(missing !== null)('mars-readiness.exe and its MSI, built here, under Wine', () => {
  it('npm run dist:cli builds (or has built) the exe, the addon and the MSI', () => {
    expect(seen.build?.code, seen.build?.log).toBe(0);
  });

  it('msiexec /i /qn installs the exe and native-reg.node under Program Files and appends the folder to the system PATH', () => {
    expect(seen.install?.code, seen.install?.stderr).toBe(0);
    expect(seen.files).toEqual({ exe: true, addon: true });
    expect(seen.pathBefore).not.toContain('MARS Readiness Wizard');
    expect(seen.pathAfterInstall).toBe(`${seen.pathBefore};${INSTALL_DIR}\\`);
  });

  it("the installed exe's file properties are ours (version resource, icon), its SEA blob intact", () => {
    const { versions, iconGroups, iconImages, seaBlob } = seen.resources!;
    // One version resource, US English, 0.1.0 as 0.1.0.0 (package.json's version) in its fixed part too.
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const [major, minor, patch] = version.split(/[.-]/).map(Number) as [number, number, number];
    const four = `${major}.${minor}.${patch}.0`;
    expect(versions).toHaveLength(1);
    expect(versions[0]!.lang).toBe(1033);
    expect(versions[0]!.languages).toEqual([{ lang: 1033, codepage: 1200 }]);
    expect(versions[0]!.fixed).toMatchObject({
      fileVersionMS: (major << 16) | minor,
      fileVersionLS: patch << 16,
      productVersionMS: (major << 16) | minor,
      productVersionLS: patch << 16,
      fileOS: 0x40004, // VOS_NT_WINDOWS32
      fileType: 1, // VFT_APP
      fileFlags: 0,
    });
    expect(versions[0]!.strings).toEqual({
      CompanyName: 'MARS Readiness Wizard authors',
      FileDescription: 'MARS Readiness Wizard (command line)',
      FileVersion: four,
      InternalName: 'mars-readiness',
      LegalCopyright: 'Copyright © 2026 the MARS Readiness Wizard authors. MIT License.',
      OriginalFilename: 'mars-readiness.exe',
      ProductName: 'MARS Readiness Wizard',
      ProductVersion: four,
    });
    // One icon group, ours: its four sizes, each image byte for byte the one in build/mars-readiness.ico;
    // Node's six images are gone.
    const ico = readFileSync(join(ROOT, 'build', 'mars-readiness.ico'));
    const icoImage = (i: number) =>
      ico.subarray(ico.readUInt32LE(6 + 16 * i + 12), ico.readUInt32LE(6 + 16 * i + 12) + ico.readUInt32LE(6 + 16 * i + 8));
    expect(iconGroups.map((g) => [g.id, g.lang])).toEqual([[1, 1033]]);
    expect(iconGroups[0]!.icons.map((i) => [i.width, i.height, i.bitCount])).toEqual([16, 32, 48, 256].map((s) => [s, s, 32]));
    iconGroups[0]!.icons.forEach((icon, i) => expect(icon.bin.equals(icoImage(i)), `icon ${icon.width}`).toBe(true));
    expect(iconImages).toBe(4);
    // The SEA runs from this resource (the runs below prove it does; the build compares it byte for byte
    // before and after the edit): still there, a SEA blob (Node's kMagic first).
    expect(seaBlob?.readUInt32LE(0)).toBe(0x143da20);
    expect(seaBlob!.length).toBeGreaterThan(100_000);
  });

  it('the MSI shows the same icon for the product in Apps & features (ARPPRODUCTICON)', () => {
    expect(seen.msiIcon!.property).toMatch(/^ARPPRODUCTICON\tMarsReadiness\.ico$/m);
    expect(seen.msiIcon!.stream.equals(readFileSync(join(ROOT, 'build', 'mars-readiness.ico')))).toBe(true);
  });

  it('check --profile from the PATH: the report as the Linux CLI gives it, nothing on stderr (the code cache made on Linux accepted)', () => {
    const run = seen.fromProfile!;
    expect(run.code, run.stderr).toBe(0);
    // A code cache the Windows Node refused would print "Code cache data rejected." here.
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.tool).toEqual({ name: 'mars-readiness', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
    const linux = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'mars-readiness.js'), 'check', '--profile', join(ROOT, 'samples', 'profiles', 'healthy-server.json'), '--json'],
      { encoding: 'utf8' },
    );
    const withoutTime = (json: string) => ({ ...JSON.parse(json), generatedAt: null });
    expect(withoutTime(run.stdout)).toEqual(withoutTime(linux.stdout));
  });

  it("check --json from the PATH reports the Wine machine's agent values, the non-ASCII cache folder intact", () => {
    const run = seen.fromPath!;
    expect([0, 1], run.stderr).toContain(run.code);
    const values = evidence(run.stdout);
    expect(values).toMatchObject({ '/agent/installed': true, '/agent/scratchLocation': SCRATCH, '/cache/path': SCRATCH });
    expect(JSON.parse(run.stdout).host.os).toMatch(/Windows/);
  });

  it('reads the registry with native-reg from beside the exe: the same values with reg.exe taken away', () => {
    const run = seen.withoutRegExe!;
    expect([0, 1], run.stderr).toContain(run.code);
    expect(evidence(run.stdout)).toMatchObject({ '/agent/installed': true, '/agent/scratchLocation': SCRATCH });
  });

  it('collect --out writes a profile that the Linux CLI reads, with the same agent values', () => {
    expect(seen.collect?.code, seen.collect?.stderr).toBe(0);
    expect(seen.collect?.stderr).toContain('The profile of this machine is in C:\\fleet\\profile.json.');
    const run = seen.linuxCheck!;
    expect([0, 1], run.stderr).toContain(run.code);
    expect(evidence(run.stdout)).toMatchObject({ '/agent/scratchLocation': SCRATCH, '/cache/path': SCRATCH });
  });

  it('the MSI registers the event source "MARS Readiness" as eventcreate.exe itself would (CustomSource)', () => {
    const value = (name: string) => {
      const run = seen.eventSource![name]!;
      expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
      return new RegExp(`^\\s*${name}\\s+(REG_\\w+)\\s+(.*?)\\s*$`, 'im').exec(run.stdout)?.slice(1);
    };
    expect(value('EventMessageFile')).toEqual(['REG_SZ', 'C:\\windows\\system32\\EventCreate.exe']);
    expect(value('TypesSupported')).toEqual(['REG_DWORD', '0x7']);
    expect(value('CustomSource')).toEqual(['REG_DWORD', '0x1']);
  });

  it('check --event-log prints the same report, says in one sentence that the events were not written, and keeps the exit status', () => {
    // Wine has no eventcreate.exe: the run shows what a machine that cannot write them sees.
    const [plain, logged] = [seen.plainText!, seen.eventLog!];
    expect([0, 1], plain.stderr).toContain(plain.code);
    expect(logged.code).toBe(plain.code);
    expect(logged.stdout.split('\n')[0]).toBe(plain.stdout.split('\n')[0]);
    expect(logged.stdout).toMatch(/^MARS readiness: /);
    expect(logged.stderr.replace(/\s+/g, ' ')).toMatch(
      / mars-readiness: \d+ events? (was|were) not written to the Application log: C:\\windows\\System32\\eventcreate\.exe is not on this machine\. $/,
    );
    expect(logged.stderr).not.toMatch(/unexpected error/);
  });

  it('osslsigncode verifies the installed exe, the addon and the MSI, and rejects a changed exe', () => {
    for (const name of ['exe', 'addon', 'msi']) {
      const run = seen.verify![name]!;
      expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/Signature verification: ok/);
    }
    expect(seen.verify!.tampered!.code).not.toBe(0);
  });

  it('msiexec /x removes the files and the PATH entry', () => {
    expect(seen.uninstall?.code, seen.uninstall?.stderr).toBe(0);
    expect(seen.filesAfterUninstall).toEqual({ exe: false, addon: false });
    expect(seen.pathAfterUninstall).not.toContain('MARS Readiness Wizard');
    // The event source's values go, and the key with them: reg.exe no longer finds it.
    expect(seen.eventSourceAfterUninstall?.code).toBe(1);
    // Wine's msi leaves the separator it added; Windows Installer takes it away too.
    expect(seen.pathAfterUninstall?.replace(/;$/, '')).toBe(seen.pathBefore);
  });

  it('takes a modest time: under 3 minutes with a fresh build, on these 2 shared cores', () => {
    expect(seen.seconds).toBeLessThan(180);
  });
});
