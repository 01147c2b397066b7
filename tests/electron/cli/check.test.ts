import { spawn, spawnSync as spawnSyncChild } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { BIN, cliInProcess, cliProcess, flat } from '../../helpers/cli.js';
import { SAMPLES } from '../../helpers/profiles.js';

const onLinux = process.platform === 'linux';
const SANDBOX = fileURLToPath(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url));
const samplePath = (name: string) => fileURLToPath(new URL(`${name}.json`, SAMPLES));
const dir = mkdtempSync(join(tmpdir(), 'mars-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const healthyText = JSON.stringify(
  JSON.parse(JSON.stringify(await import('../../../samples/profiles/healthy-server.json', { with: { type: 'json' } }))).default,
);

describe('check --profile: exit statuses', () => {
  it('exits 0 for ready, and for ready-with-warnings unless --strict', async () => {
    expect((await cliInProcess(['check', '--profile', samplePath('healthy-server')])).code).toBe(0);
    expect((await cliInProcess(['check', '--profile', samplePath('azure-vm')])).code).toBe(0);
    expect((await cliInProcess(['check', '--profile', samplePath('azure-vm'), '--strict'])).code).toBe(1);
    expect((await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--strict'])).code).toBe(0);
  });
  it('exits 1 for not-ready', async () => {
    expect((await cliInProcess(['check', '--profile', samplePath('cache-problems')])).code).toBe(1);
  });
  it('applies --matrix', async () => {
    // Windows Server 2019 is not in the 2019-02 edition.
    const old = await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--matrix', '2019-02', '--json']);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.stdout).matrix).toEqual({ edition: '2019-02', date: '2019-02-17' });
  });
});

describe('check --json', () => {
  it('prints the report and nothing else', async () => {
    const result = await cliProcess(['check', '--profile', samplePath('pre-install'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.verdict).toBe('not-ready');
    expect(report.tool.name).toBe('mars-readiness');
  });
});

describe('check text output', () => {
  it('uses no colour when stdout is not a terminal', async () => {
    const result = await cliProcess(['check', '--profile', samplePath('cache-problems')]);
    expect(result.stdout).toMatch(/^MARS readiness: NOT READY/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
  it('uses colour on a terminal', async () => {
    const result = await cliInProcess(['check', '--profile', samplePath('cache-problems')], { color: true });
    expect(result.stdout).toMatch(/\u001b\[/);
  });
});

describe('invalid profiles and bad usage: exit 2, empty stdout, stderr names the file and field', () => {
  const invalid = (change: (p: any) => void) => {
    const p = JSON.parse(healthyText);
    change(p);
    return JSON.stringify(p);
  };
  const cases: [string, () => string, RegExp[]][] = [
    [
      'wrong type',
      () =>
        file(
          'wrong-type.json',
          invalid((p) => (p.volumes[0].freeBytes = 'lots')),
        ),
      [/\/volumes\/0\/freeBytes/, /whole number/],
    ],
    [
      'unknown field',
      () =>
        file(
          'unknown.json',
          invalid((p) => (p.agent.colour = 'blue')),
        ),
      [/\/agent\/colour/, /unknown field/],
    ],
    [
      'bad enum',
      () =>
        file(
          'enum.json',
          invalid((p) => (p.agent.serviceState = 'paused')),
        ),
      [/\/agent\/serviceState/, /one of/],
    ],
    [
      'negative size',
      () =>
        file(
          'negative.json',
          invalid((p) => (p.cache.sizeBytes = -5)),
        ),
      [/\/cache\/sizeBytes/, /0 or more/],
    ],
    [
      'not JSON',
      () => file('broken.json', '{ "schemaVersion": 1,\n  "os": { "family": "windows" ]\n}'),
      [/the file is not valid JSON/, /line 2/],
    ],
    // Each problem has its subject: the file, when the whole file is wrong (not a bare "is empty").
    ['empty file', () => file('empty.json', ''), [/the file is empty/]],
    // A file that cannot be read is not called invalid: it cannot be used, and the file is the subject.
    ['missing file', () => join(dir, 'nope.json'), [/nope\.json cannot be used:\n {2}the file cannot be read: there is no such file\n/]],
    ['a folder', () => dir, [/ cannot be used:\n {2}the file cannot be read: it is a folder, not a file\n/]],
  ];
  it('says a missing or unreadable profile cannot be used, not that it is invalid, in every language', async () => {
    const words: Record<string, [RegExp, RegExp]> = {
      en: [/cannot be used:\n {2}the file cannot be read: there is no such file/, /invalid/],
      de: [/kann nicht verwendet werden:\n {2}Die Datei kann nicht gelesen werden: Sie ist nicht vorhanden/, /ungültig/],
      fr: [/ne peut pas être utilisé :\n {2}Le fichier ne peut pas être lu : il n'existe pas/, /pas valide/],
      es: [/no se puede usar el perfil .*:\n {2}No se puede leer el archivo: no existe/, /no es válido/],
      ja: [/は使用できません:\n {2}ファイルを読み取れません: ファイルが存在しません/, /無効/],
      'zh-Hans': [/无法使用配置文件 .*：\n {2}无法读取该文件：文件不存在/, /无效/],
    };
    for (const [language, [said, notSaid]] of Object.entries(words)) {
      const result = await cliInProcess(['check', '--profile', join(dir, 'nope.json'), '--lang', language], { columns: 1000 });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(said);
      expect(result.stderr).not.toMatch(notSaid);
    }
    // A file that is there but wrong is still invalid.
    const empty = await cliInProcess(['check', '--profile', file('empty-again.json', '')], { columns: 1000 });
    expect(empty.stderr).toMatch(/is invalid:\n {2}the file is empty/);
  });
  for (const [name, make, patterns] of cases) {
    it(`refuses a profile with ${name}`, async () => {
      const path = make();
      for (const json of [[], ['--json']]) {
        const result = await cliInProcess(['check', '--profile', path, ...json], { columns: 1000 });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(path);
        for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
      }
    });
  }

  it('shows a readiness report given as the profile again, as it was made; network-request says in one sentence that it is not a profile', async () => {
    const made = await cliInProcess(['check', '--profile', samplePath('cache-problems'), '--json']);
    const report = file('report.json', made.stdout);
    const again = await cliInProcess(['check', '--profile', report, '--json']);
    expect(again.code).toBe(made.code);
    expect(again.stdout).toBe(made.stdout);
    const result = await cliInProcess(['network-request', '--profile', report]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(flat(result.stderr).trim()).toBe(
      `mars-readiness: ${report}: This file is a readiness report, not a machine profile: open the profile (made by "collect", or saved from the wizard's Report page).`,
    );
  });
  it('reads UTF-16 profiles with a byte-order mark, as Windows PowerShell writes them', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(healthyText, 'utf16le')]);
    const result = await cliInProcess(['check', '--profile', file('utf16.json', utf16), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).host.name).toBe('FS01');
  });
  it('reads the profile from standard input with --profile -', async () => {
    const child = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const proc = spawn(process.execPath, [BIN, 'check', '--profile', '-', '--json'], { stdio: ['pipe', 'pipe', 'inherit'] });
      let stdout = '';
      proc.stdout.on('data', (d) => (stdout += d));
      proc.on('close', (code) => resolve({ code, stdout }));
      proc.stdin.end(healthyText);
    });
    expect(child.code).toBe(0);
    expect(JSON.parse(child.stdout).host.name).toBe('FS01');
  });
  it('reads UTF-8 profiles with a byte-order mark', async () => {
    const result = await cliInProcess(['check', '--profile', file('bom.json', `\uFEFF${healthyText}`)]);
    expect(result.code).toBe(0);
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown matrix edition', ['check', '--profile', 'x.json', '--matrix', '2020'], /2020.*(current|choices)/s],
    ['an unknown flag', ['check', '--profle', 'x.json'], /unknown option/],
    ['a flag without its value', ['check', '--profile'], /argument missing/],
    ['an extra argument', ['check', 'extra'], /too many arguments|unexpected/i],
    ['an unknown command', ['inspect'], /unknown command/],
    ['no command', [], /Usage/],
  ];
  for (const [name, args, pattern] of usage) {
    it(`refuses ${name}`, async () => {
      const result = await cliInProcess(args, { columns: 1000 });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(pattern);
    });
  }

  it('refuses a bandwidth that is not a number', async () => {
    const result = await cliInProcess(['check', '--offline', '--upload-mbps', 'fast'], { columns: 1000 });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/"fast" is not a bandwidth/);
  });
  it('refuses probing options together with --profile', async () => {
    const result = await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--offline'], { columns: 1000 });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(flat(result.stderr)).toMatch(/with --profile nothing is probed/);
  });
});

describe('probing this machine', () => {
  it.runIf(onLinux)('check without --profile probes it: on Linux, not ready, saying the agent needs Windows', async () => {
    const result = await cliProcess(['check', '--offline', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.find((f: { check: string }) => f.check === 'os.supported').status).toBe('fail');
    expect(result.stderr).toMatch(/note: \/network\/endpoints: not tested: --offline/);
  });
  it('collect --out writes a profile that check --profile then opens', async () => {
    const out = join(dir, 'collected.json');
    const collected = await cliInProcess(['collect', '--offline', '--upload-mbps', '20', '--out', out], { columns: 1000 });
    expect(collected.code).toBe(0);
    expect(collected.stdout).toBe('');
    const profile = JSON.parse(readFileSync(out, 'utf8'));
    expect(profile.network.uploadMbps).toBe(20);
    // Opened, not refused (exit 2); on Linux also not ready, since the agent needs Windows.
    const checked = await cliInProcess(['check', '--profile', out, '--json'], { columns: 1000 });
    if (onLinux) expect(checked.code).toBe(1);
    else expect([0, 1]).toContain(checked.code);
  });
  it('collect leaves nothing behind when it cannot write', async () => {
    const out = join(dir, 'no-such-folder', 'p.json');
    const result = await cliInProcess(['collect', '--offline', '--out', out], { columns: 1000 });
    expect(result.code).toBe(2);
    expect(flat(result.stderr)).toMatch(/could not be written to .*its folder does not exist/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('help and version', () => {
  it('prints help and exits 0', async () => {
    const result = await cliInProcess(['check', '--help'], { columns: 1000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--profile <file>/);
  });
  it('prints the version from package.json', async () => {
    const result = await cliProcess(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reports an unforeseen failure in one sentence with exit 3, not a stack trace or a "not ready"', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      ['collect'],
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false, columns: 80, now: () => new Date() },
      async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'volumes')");
      },
    );
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(flat(stderr)).toBe(
      "mars-readiness: an unexpected error stopped the command: Cannot read properties of undefined (reading 'volumes') ",
    );
    expect(stderr.split('\n').length).toBe(3);
  });
});

describe('huge input', () => {
  it('refuses a profile read from an endless device without reading it all, exit 2', async () => {
    const result = await cliInProcess(['check', '--profile', '/dev/zero'], { columns: 1000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/dev\/zero cannot be used:\n {2}the file is larger than 20 MB: that is not a machine profile/);
  });
  it('reports on a valid profile with a 15 MB host name, the name shortened for reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mars-huge-'));
    const profile = JSON.parse(readFileSync(samplePath('healthy-server'), 'utf8'));
    profile.host.name = 'h'.repeat(15 * 1024 * 1024);
    writeFileSync(join(dir, 'huge.json'), JSON.stringify(profile));
    const result = await cliInProcess(['check', '--profile', join(dir, 'huge.json')], { columns: 1000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/h\s*…\s\(15,7[\d,]+\smore\scharacters\)/);
    expect(result.stdout.length).toBeLessThan(100_000);
  });
});

// mkfifo and symbolic links without privileges are this platform's.
describe.runIf(process.platform === 'linux')('collect --out onto what is not a file', () => {
  it('refuses a folder, a pipe or a link, with exit 2, and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mars-out-'));
    const { mkdirSync, symlinkSync, lstatSync } = await import('node:fs');
    mkdirSync(join(dir, 'folder'));
    spawnSyncChecked('mkfifo', [join(dir, 'pipe')]);
    writeFileSync(join(dir, 'target.json'), 'kept');
    symlinkSync(join(dir, 'target.json'), join(dir, 'link.json'));
    for (const [name, kind] of [
      ['folder', 'a folder'],
      ['pipe', 'a device or other special file'],
      ['link.json', 'a link'],
    ] as const) {
      const result = await cliInProcess(['collect', '--offline', '--sandbox', SANDBOX, '--out', join(dir, name)], { columns: 1000 });
      expect(result.code, name).toBe(2);
      expect(flat(result.stderr), name).toContain(`is ${kind}, not a file: nothing was written there`);
    }
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe('kept');
  });
});

function spawnSyncChecked(command: string, args: string[]): void {
  const { status } = spawnSyncChild(command, args, { timeout: 10_000 });
  if (status !== 0) throw new Error(`${command} failed`);
}
