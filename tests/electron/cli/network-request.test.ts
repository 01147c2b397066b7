// mars-readiness network-request, run in process (and as the installed program, bin/, for --out), on every
// sample profile and sandbox and on a machine whose every kind of endpoint failure is recorded
// (tests/fixtures/network-request/blocked.json): one row per address not reached, its CSV read back by an
// RFC 4180 reader, the Markdown table, the exit statuses, --offline refused, --out, --redact.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, cliProcess } from '../../helpers/cli.js';
import { parseCsv } from '../../helpers/csv.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BLOCKED = join(ROOT, 'tests', 'fixtures', 'network-request', 'blocked.json');
const inputs = [
  ...readdirSync(join(ROOT, 'samples', 'profiles')).map((f) => ({
    label: `samples/profiles/${f}`,
    args: ['--profile', join(ROOT, 'samples', 'profiles', f)],
  })),
  ...readdirSync(join(ROOT, 'samples', 'sandboxes')).map((f) => ({
    label: `samples/sandboxes/${f}`,
    args: ['--sandbox', join(ROOT, 'samples', 'sandboxes', f)],
  })),
  { label: 'blocked.json', args: ['--profile', BLOCKED] },
];
const HEADER = [
  'pattern',
  'host_tested',
  'port',
  'protocol',
  'what_failed',
  'outcome',
  'test_said',
  'why_needed',
  'service_tag',
  'tls_inspection',
];

/** The addresses check says were not reached: what the request must list, one pattern per alternative. */
async function notReached(args: string[]): Promise<string[]> {
  const report = JSON.parse((await cliInProcess(['check', ...args, '--json'])).stdout) as {
    findings: { check: string; subject: string | null; status: string }[];
  };
  return report.findings.filter((f) => f.check === 'network.endpoints' && f.status !== 'pass').map((f) => f.subject ?? '(all)');
}

describe.each(inputs)('network-request on $label', ({ args }) => {
  it('lists, as CSV, exactly the addresses check did not pass, and exits 1 for them or 0 with nothing to ask', async () => {
    const expected = await notReached(args);
    const { code, stdout, stderr } = await cliInProcess(['network-request', ...args, '--format', 'csv'], { columns: 1000 });
    const rows = parseCsv(stdout);
    expect(rows[0]).toEqual(HEADER);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(HEADER.length);
      expect(row[2]).toMatch(/^(443|80)$/);
      expect(row[3]).toBe(row[2] === '80' ? 'HTTP' : 'HTTPS');
      expect(row[4]).not.toBe('');
      expect(row[7]).not.toBe('');
    }
    const patterns = new Set(rows.slice(1).map((r) => r[0]));
    for (const subject of expected) expect(subject.split('|').some((p) => patterns.has(p)) || subject === '(all)', subject).toBe(true);
    if (expected.length === 0) {
      expect(rows).toHaveLength(1);
      expect(code).toBe(0);
      expect(stderr).toMatch(/Nothing to ask the network team: the test on .* reached all 8 addresses/);
    } else expect(code, stderr).toBe(1);
  });

  it('writes the same as a Markdown table, the default', async () => {
    const { stdout } = await cliInProcess(['network-request', ...args], { columns: 1000 });
    expect(stdout).toMatch(/^# Network access for the MARS backup agent on /);
    const csv = parseCsv((await cliInProcess(['network-request', ...args, '--format', 'csv'], { columns: 1000 })).stdout).slice(1);
    const tableRows = stdout.split('\n').filter((l) => l.startsWith('| `'));
    expect(tableRows).toHaveLength(csv.length);
    for (const [i, row] of csv.entries()) expect(tableRows[i]).toContain(`| \`${row[0]}\` | ${row[1]} | ${row[2]} | ${row[3]} |`);
    if (csv.length === 0) expect(stdout).toMatch(/Nothing to ask the network team/);
  });
});

describe('what failed, and what to allow', () => {
  it('says each kind of failure from the recorded result, with the service tag and the TLS request', async () => {
    const rows = parseCsv(
      (await cliInProcess(['network-request', '--profile', BLOCKED, '--format', 'csv'], { columns: 1000 })).stdout,
    ).slice(1);
    const by = (pattern: string) => rows.find((r) => r[0] === pattern)!;
    expect(by('*.microsoft.com').slice(4, 6)).toEqual(['Connection refused', 'refused']);
    expect(by('*.windowsazure.com').slice(4, 6)).toEqual(['DNS did not know the name', 'dns']);
    expect(by('*.windowsazure.com')[8]).toBe('AzureBackup');
    expect(by('*.microsoftonline.com')[5]).toBe('tls-intercepted');
    expect(by('*.microsoftonline.com')[8]).toBe('AzureActiveDirectory');
    expect(by('*.microsoftonline.com')[9]).toMatch(/TLS inspection was seen on this address: please exempt \*\.microsoftonline\.com/);
    expect(by('*.windows.net')[5]).toBe('proxy-auth');
    expect(by('*.blob.core.windows.net').slice(5, 6)).toEqual(['not-finished']);
    expect(by('*.blob.core.windows.net')[8]).toBe('Storage');
    expect(by('*.queue.core.windows.net')[5]).toBe('sample-unknown');
    expect(by('*.blob.storage.azure.net').slice(5, 7)).toEqual(['not-tested', '']);
    expect(by('www.msftncsi.com').slice(1, 6)).toEqual([
      'www.msftncsi.com',
      '80',
      'HTTP',
      'Timed out: nothing answered (a firewall may be dropping it)',
      'timed-out',
    ]);
    expect(by('www.msftconnecttest.com')[5]).toBe('reset');
  });
  it('notes that the engine goes out another way than the test did', async () => {
    const { stdout } = await cliInProcess(['network-request', '--profile', BLOCKED], { columns: 1000 });
    expect(stdout).toMatch(/Note: The network test went out through the proxy proxy\.contoso\.local:8080, but/);
  });
  it('with --redact hides the proxy, and keeps Microsoft addresses', async () => {
    const { stdout, stderr } = await cliInProcess(['network-request', '--profile', BLOCKED, '--redact'], { columns: 1000 });
    expect(stdout).not.toMatch(/contoso|FS07/i);
    expect(stdout).toContain('login.microsoftonline.com');
    expect(stdout).toMatch(/on HOST-1\b/);
    expect(stderr).toMatch(/note: Names and addresses are hidden: .* in this request\./);
  });
  it('writes --out whole, and says where', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'request-')), 'request.md');
    const { code, stdout, stderr } = await cliProcess(['network-request', '--profile', BLOCKED, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`The request for the network team is in ${out}.`);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Network access/);
  });
  it('lists every address as not tested for a profile without a network test, and says why', async () => {
    const { code, stdout } = await cliInProcess(
      ['network-request', '--profile', join(ROOT, 'tests', 'fixtures', 'network-request', 'untested.json')],
      { columns: 1000 },
    );
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(9);
    expect(stdout).toMatch(/Note: This profile holds no network test/);
  });
});

describe('bad input', () => {
  it.each([
    [['--offline'], /network-request makes its request from the network test, and --offline skips that test/],
    [['--profile', BLOCKED, '--offline'], /--offline skips that test/],
    [['--profile', BLOCKED, '--select', 'D:\\'], /--select steers probing this machine; with --profile nothing is probed/],
    [['--profile', BLOCKED, '--format', 'html'], /argument 'html' is invalid/],
    [['--profile', join(ROOT, 'no-such.json')], /no-such\.json/],
    [['--profile', BLOCKED, '--out', join(ROOT, 'no-such-folder', 'r.md')], /could not be written to .*: its folder does not exist/],
  ])('refuses %j with exit 2, naming what is wrong', async (extra, words) => {
    const { code, stdout, stderr } = await cliInProcess(['network-request', ...extra], { columns: 1000 });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(words);
  });
});

/** A profile whose endpoint result and proxy hold markup, a link, backticks, pipes, line ends and a password. */
function hostileProfile(): string {
  const profile = JSON.parse(readFileSync(join(ROOT, 'samples', 'profiles', 'v2-service-proxy-differs.json'), 'utf8')) as {
    network: {
      proxy: Record<string, string | null>;
      endpoints: { pattern: string; host?: string; reachable: boolean | null; error?: string }[];
    };
    serviceProxy: { probe: string };
  };
  const proxy = 'http://svcbackup:Hunter2Pa55word@proxy.contoso.com:8080';
  profile.network.proxy.environment = proxy;
  profile.network.proxy.system = proxy;
  profile.serviceProxy.probe = proxy;
  const endpoint = profile.network.endpoints.find((e) => e.pattern.includes('blob'))!;
  endpoint.reachable = false;
  endpoint.host = '<img src=x onerror=alert(1)>|`x`';
  endpoint.error = `through ${proxy}: <script>alert(1)</script> | [link](javascript:alert(1)) \`tick\`\nline two\rthree`;
  const file = join(mkdtempSync(join(tmpdir(), 'mars-request-')), 'hostile.json');
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

describe('a profile that attacks the request', () => {
  it('escapes every Markdown cell and line (no HTML, link, code span or extra column gets through) and keeps each row on one line', async () => {
    const { stdout, code } = await cliInProcess(['network-request', '--profile', hostileProfile()], { columns: 1000 });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/(?<!\\)<(script|img|\/script)|(?<!\\)\]\(javascript:/);
    const row = stdout.split('\n').find((l) => l.startsWith('| `*.blob.core.windows.net`'))!;
    expect(row).toContain('| \\<img src=x onerror=alert(1)\\>\\|\\`x\\` |');
    // Eight columns: no pipe of the profile's makes a ninth.
    expect(row.split(/(?<!\\)\|/)).toHaveLength(10);
    const said = stdout.split('\n').find((l) => l.startsWith('- \\<img'))!;
    expect(said).toContain('\\<script\\>alert(1)\\</script\\> \\| \\[link\\](javascript:alert(1)) \\`tick\\` line two three');
  });

  it('masks the password of every address, without --redact, in Markdown and CSV, and in the report check prints', async () => {
    const file = hostileProfile();
    const markdown = await cliInProcess(['network-request', '--profile', file], { columns: 1000 });
    const csv = await cliInProcess(['network-request', '--profile', file, '--format', 'csv'], { columns: 1000 });
    const text = await cliInProcess(['check', '--profile', file], { columns: 1000 });
    const html = await cliInProcess(['check', '--profile', file, '--format', 'html'], { columns: 1000 });
    for (const run of [markdown, csv, text, html]) {
      expect(run.stdout).not.toContain('Hunter2Pa55word');
      expect(run.stdout.replace(/\\\*/g, '*')).toContain('svcbackup:****@proxy.contoso.com:8080');
    }
    // The JSON report's evidence keeps what the profile says; its sentences do not.
    const json = JSON.parse((await cliInProcess(['check', '--profile', file, '--json'], { columns: 1000 })).stdout) as {
      findings: { check: string; detail: string; evidence: Record<string, unknown> }[];
    };
    const proxy = json.findings.find((f) => f.check === 'network.proxy')!;
    expect(proxy.evidence['/network/proxy']).toMatchObject({ environment: 'http://svcbackup:Hunter2Pa55word@proxy.contoso.com:8080' });
    expect(json.findings.map((f) => f.detail).join(' ')).not.toContain('Hunter2Pa55word');
  });
});
