// --redact, run in process (and once as the installed program, bin/), on every sample profile and sandbox
// and on a machine full of names (tests/fixtures/redact/named-machine.json): none of the input's host,
// domain or user names or IP addresses is left anywhere in what it prints, in any format; the same name is
// the same placeholder throughout, and on every run; a redacted profile still validates and opens with
// check --profile.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../shared/profile/validate.js';
import { cliInProcess, cliProcess } from '../../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PROFILES = join(ROOT, 'samples', 'profiles');
const SANDBOXES = join(ROOT, 'samples', 'sandboxes');
const NAMED = join(ROOT, 'tests', 'fixtures', 'redact', 'named-machine.json');

const profileInputs = [...readdirSync(PROFILES).map((f) => join(PROFILES, f)), NAMED].map((file) => ({
  label: file.slice(ROOT.length + 1),
  args: ['--profile', file],
  documents: [JSON.parse(readFileSync(file, 'utf8')) as unknown],
}));
const sandboxInputs = readdirSync(SANDBOXES).map((name) => ({
  label: `samples/sandboxes/${name}`,
  args: ['--sandbox', join(SANDBOXES, name)],
  documents: ['machine.json', 'registry.json'].map((f) => JSON.parse(readFileSync(join(SANDBOXES, name, f), 'utf8')) as unknown),
}));

const PROXY_FIELDS = new Set(['winhttp', 'system', 'environment', 'probe', 'systemAccount']);
const MICROSOFT = /(^|\.)(microsoft|windowsazure|microsoftonline|msftconnecttest|msftncsi)\.com$|\.windows\.net$|\.azure\.net$/i;

/**
 * The names and addresses an input holds, read here on their own (not by the code under test): the
 * machine's name and its domain, the proxies' hosts, the servers of shares, the user folders of paths,
 * OneDrive organisations, the user names and passwords of addresses, and every IPv4 and IPv6 address.
 */
function secretsOf(documents: unknown[]): string[] {
  const found = new Set<string>();
  const host = (name: string) => {
    const bare = name.replace(/^\[|\]$/g, '');
    if (bare === '' || MICROSOFT.test(bare)) return;
    found.add(bare);
    if (/[a-z]/i.test(bare) && bare.includes('.') && !bare.includes(':')) found.add(bare.slice(bare.indexOf('.') + 1));
  };
  const visit = (value: unknown, key: string, parent: string) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, key, parent));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        look(k);
        visit(v, k, key);
      }
      return;
    }
    if (typeof value !== 'string') return;
    if (key === 'name' && parent === 'host') host(value);
    if (PROXY_FIELDS.has(key) && (parent === 'proxy' || parent === 'serviceProxy'))
      for (const entry of value.split(/[;\s]+/)) {
        const setting = entry.replace(/^[a-z]+=/i, '');
        if (!/^(direct|wpad)$/i.test(setting) && !/^pac:|:\/\//i.test(setting)) host(setting.replace(/:\d+$/, ''));
      }
    look(value);
  };
  const look = (s: string) => {
    for (const m of s.matchAll(/\\\\([^\\?.][^\\]*)\\/g)) host(m[1]!);
    for (const m of s.matchAll(/[\\/](?:Users|home)[\\/]([^\\/]+)/gi)) if (!/^(public|default)$/i.test(m[1]!)) found.add(m[1]!);
    for (const m of s.matchAll(/OneDrive - ([^\\]+)/g)) found.add(m[1]!);
    for (const m of s.matchAll(/:\/\/(?:([^:@/]+):([^@/]+)@)?(\[[^\]]+\]|[^/:]+)/g)) {
      if (m[1]) found.add(m[1]);
      if (m[2]) found.add(m[2]);
      host(m[3]!);
    }
    for (const m of s.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d])/g))
      if (m[1]!.split('.').every((n) => Number(n) <= 255)) found.add(m[1]!);
    for (const m of s.matchAll(/\[([0-9a-f:]+)\]/gi)) found.add(m[1]!);
  };
  for (const document of documents) visit(document, '', '');
  return [...found];
}

const FORMATS = [
  ['check', '--redact', '--json'],
  ['check', '--redact'],
  ['doctor', '--redact', '--format', 'html'],
  ['doctor', '--redact', '--format', 'markdown'],
];

describe.each([...profileInputs, ...sandboxInputs])('check and doctor --redact on $label', ({ args, documents }) => {
  const secrets = secretsOf(documents);

  it('holds names to hide, and the report without --redact shows them', async () => {
    expect(secrets.length).toBeGreaterThan(0);
    const plain = await cliInProcess(['check', ...args, '--json']);
    const shown = secrets.filter((s) => plain.stdout.toLowerCase().includes(s.toLowerCase()));
    expect(shown.length).toBeGreaterThan(0);
  });

  it.each(FORMATS.map((command) => [command.join(' '), command] as const))('leaves none of them in %s', async (_name, command) => {
    const { code, stdout, stderr } = await cliInProcess([...command, ...args], { columns: 1000 });
    expect(code, stderr).toBeLessThan(2);
    const out = `${stdout}\n${stderr}`.toLowerCase();
    for (const secret of secrets) expect(out, `${secret} in ${command.join(' ')}`).not.toContain(secret.toLowerCase());
    if (command.includes('--json')) {
      const report = JSON.parse(stdout) as { host: { name: string | null }; redactions: { kinds: Record<string, { values: number }> } };
      expect(report.host.name ?? 'HOST-1').toMatch(/^HOST-1(\.DOMAIN-\d+)?$/);
      expect(report.redactions.kinds.host!.values).toBeGreaterThan(0);
      expect(stderr).toMatch(/note: Names and addresses are hidden: \d+ machine names?/);
    } else if (command.length === 2) expect(stdout).toMatch(/Names and addresses are hidden: \d+ machine name/);
  });
});

describe.each(sandboxInputs)('collect --redact on $label', ({ args, documents }) => {
  it('writes a profile without the names that validates and opens with check --profile', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'redact-')), 'profile.json');
    const collected = await cliInProcess(['collect', ...args, '--redact', '--out', out], { columns: 1000 });
    expect(collected.code, collected.stderr).toBe(0);
    expect(collected.stderr).toMatch(/Names and addresses are hidden: .* everywhere in this profile\./);
    const written = readFileSync(out, 'utf8');
    for (const secret of secretsOf(documents)) expect(written.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(validateProfile(JSON.parse(written)).ok).toBe(true);
    const checked = await cliInProcess(['check', '--profile', out, '--json']);
    expect(checked.code).toBeLessThan(2);
    expect((JSON.parse(checked.stdout) as { host: { name: string } }).host.name).toBe('HOST-1');
  });
});

describe('consistency', () => {
  it('gives one value one placeholder across fields, evidence, titles, details and fix steps', async () => {
    const { stdout } = await cliInProcess(['check', '--profile', NAMED, '--redact', '--json']);
    const report = JSON.parse(stdout) as {
      findings: { title: string; detail: string; subject: string | null; evidence: unknown; fix: { steps: string[] } | null }[];
    };
    const cache = report.findings.filter((f) => JSON.stringify(f).includes('MARS Cache'));
    expect(cache.length).toBeGreaterThan(2);
    // The cache folder C:\Users\jdoe\MARS Cache is one path wherever it is named.
    const names = new Set(cache.flatMap((f) => [...JSON.stringify(f).matchAll(/Users\\\\([^\\]+)\\\\MARS Cache/g)].map((m) => m[1])));
    expect([...names]).toEqual(['USER-1']);
    const antivirus = report.findings.find((f) => f.fix?.steps.some((s) => s.includes('MARS Cache')));
    expect(antivirus?.fix?.steps.join(' ')).toContain('C:\\Users\\USER-1\\MARS Cache');
    // The user of the proxy's address is that same jdoe.
    expect(stdout).toContain('http://USER-1:SECRET-1@');
  });

  it('gives the same placeholders on every run, and in the profile collected with them', async () => {
    // One run as the installed program, one in this process after the many runs above: nothing of one
    // process (a random salt) or left over from earlier runs (a counter) changes a placeholder.
    const first = await cliProcess(['check', '--profile', NAMED, '--redact', '--json']);
    const second = await cliInProcess(['check', '--profile', NAMED, '--redact', '--json'], { now: () => new Date() });
    const strip = (t: string) => t.replace(/"generatedAt": "[^"]+"/, '');
    expect(strip(first.stdout)).toBe(strip(second.stdout));
  });

  it('keeps a redacted profile valid, and it gives the same verdict and findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redact-'));
    const collected = await cliInProcess(['collect', '--sandbox', join(SANDBOXES, 'cache-on-c'), '--redact']);
    writeFileSync(join(dir, 'p.json'), collected.stdout);
    const plain = await cliInProcess(['check', '--sandbox', join(SANDBOXES, 'cache-on-c'), '--json']);
    const redacted = await cliInProcess(['check', '--profile', join(dir, 'p.json'), '--json']);
    type R = { verdict: string; findings: { check: string; status: string }[] };
    const a = JSON.parse(plain.stdout) as R;
    const b = JSON.parse(redacted.stdout) as R;
    expect(b.verdict).toBe(a.verdict);
    expect(b.findings.map((f) => `${f.check} ${f.status}`)).toEqual(a.findings.map((f) => `${f.check} ${f.status}`));
  });
});

describe('the organisation of a OneDrive folder', () => {
  it('ends where the path component ends: a sentence naming the folder keeps its own words, with one placeholder', async () => {
    const { code, stdout } = await cliInProcess(['check', '--profile', join(PROFILES, 'pre-install.json'), '--redact'], { columns: 1000 });
    expect(code).toBeLessThan(2);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('C:\\Users\\USER-1\\OneDrive - DOMAIN-1 holds OneDrive-synced or cloud-only files');
    expect(text).not.toMatch(/DOMAIN-3/);
    // Contoso, and the domain of the system proxy: two names, not three.
    expect(text).toContain('2 domain or organisation names');
    const json = await cliInProcess(['check', '--profile', join(PROFILES, 'pre-install.json'), '--redact', '--json']);
    const report = JSON.parse(json.stdout) as { findings: { check: string; detail: string; evidence: unknown }[] };
    const onedrive = report.findings.find((f) => f.check === 'files.onedrive')!;
    expect(onedrive.detail).toMatch(/^C:\\Users\\USER-1\\OneDrive - DOMAIN-1 holds OneDrive-synced .* The agent does not back these up\.$/);
    expect(Object.keys((onedrive.evidence as { items: object }).items)).toContain('C:\\Users\\USER-1\\OneDrive - DOMAIN-1');
    expect(json.stdout).not.toMatch(/contoso/i);
  });
});

describe('--redact with --history', () => {
  it.each([
    ['check', '--profile', join(PROFILES, 'azure-vm.json')],
    ['doctor', '--profile', join(PROFILES, 'azure-vm.json')],
    ['collect', '--sandbox', join(SANDBOXES, 'cache-on-c'), '--offline'],
  ])('is refused by %s (exit 2, nothing printed or kept): the history is for diff on this machine', async (command, ...args) => {
    const folder = join(mkdtempSync(join(tmpdir(), 'redact-history-')), 'history');
    const run = await cliInProcess([command, ...args, '--redact', '--history', folder], { columns: 1000 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(
      '--redact and --history cannot be used together: the history is kept for diff --history on this machine',
    );
    expect(run.stderr).toContain('Keep the history without --redact');
    expect(existsSync(folder)).toBe(false);
  });
});
