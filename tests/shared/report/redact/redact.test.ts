// The redaction itself (shared/report/redact/): what it finds, what it replaces, what it leaves alone,
// and that the same name is the same placeholder everywhere, in a report and its profile alike.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../shared/report/build.js';
import { findIpAddresses, isIpv6 } from '../../../../shared/report/redact/ip-addresses.js';
import { redact, redactReportAndProfile, redactTogether } from '../../../../shared/report/redact/redact.js';
import { redactionSentence } from '../../../../shared/report/redact/words.js';
import { validateProfile } from '../../../../shared/profile/validate.js';
import { healthy, sample } from '../../../helpers/profiles.js';

const NOW = new Date('2026-11-25T12:00:00Z');

/** A profile full of names: a FQDN host, proxies, a share, user folders, a OneDrive organisation, IPs. */
export function namedProfile() {
  return healthy((p) => {
    p.host!.name = 'fs01.corp.fabrikam.example';
    p.network!.proxy = {
      winhttp: 'http=10.20.30.40:3128;https=proxy.corp.fabrikam.example:8080',
      system: 'pac:http://wpad.fabrikam.example/proxy.pac',
      environment: 'http://jdoe:Secr3t@[fd00::5]:3128',
    };
    p.volumes.push({ id: 'Z:', driveType: 'network', remotePath: '\\\\nas-07.corp.fabrikam.example\\finance', fileSystem: 'NTFS' });
    p.selection!.items.push({
      path: 'C:\\Users\\Jane Doe\\OneDrive - Fabrikam Ltd\\Budget',
      volume: 'C:',
      sizeBytes: 10,
      fileCount: 1,
      oneDrive: true,
    });
    p.selection!.items.push({ path: 'C:\\Users\\jdoe\\Documents', volume: 'C:', sizeBytes: 10, fileCount: 1 });
    p.selection!.items.push({ path: '\\\\192.168.7.9\\scans', volume: null, sizeBytes: 10, fileCount: 1 });
  });
}

describe('IP addresses in text', () => {
  it('finds IPv4 and IPv6 in their written forms, and not versions, times or hex codes', () => {
    expect(findIpAddresses('via 10.0.0.5:8080 and [fe80::1%eth0], then ::ffff:192.0.2.1 and 2001:db8:0:0:0:0:0:1.')).toEqual([
      '10.0.0.5',
      'fe80::1%eth0',
      '::ffff:192.0.2.1',
      '2001:db8:0:0:0:0:0:1',
    ]);
    expect(findIpAddresses('agent 2.0.9083.0, Windows 10.0.17763, at 12:00:00Z, error 0x1FC07, 1.2.3.4.5, [System.IO.File]::Open')).toEqual(
      [],
    );
    expect(isIpv6('1:2:3:4:5:6:7')).toBe(false);
    expect(isIpv6('1::2::3')).toBe(false);
  });
});

describe('redactReportAndProfile', () => {
  const profile = namedProfile();
  const report = buildReport(profile, { edition: 'current', toolVersion: '9.9.9', now: NOW });
  const redacted = redactReportAndProfile(report, profile);
  const everything = JSON.stringify(redacted.report) + JSON.stringify(redacted.profile);
  const secrets = [
    'fs01',
    'fabrikam',
    'corp.',
    'proxy.corp',
    'wpad.fabrikam',
    'nas-07',
    'Jane Doe',
    'jdoe',
    'Secr3t',
    '10.20.30.40',
    'fd00::5',
    '192.168.7.9',
  ];

  it('leaves none of the names, user folders, passwords or addresses', () => {
    for (const secret of secrets) expect(everything.toLowerCase(), secret).not.toContain(secret.toLowerCase());
  });
  it('gives the machine HOST-1, a FQDN its host and domain placeholders, and paths their shape', () => {
    expect(redacted.report.host.name).toBe('HOST-1.DOMAIN-1');
    expect(redacted.profile.host!.name).toBe('HOST-1.DOMAIN-1');
    const paths = redacted.profile.selection!.items.map((i) => i.path);
    expect(paths.some((p) => /^C:\\Users\\USER-1\\OneDrive - DOMAIN-\d\\Budget$/.test(p))).toBe(true);
    expect(paths, JSON.stringify(paths)).toContain('C:\\Users\\USER-2\\Documents');
    expect(paths.some((p) => /^\\\\IP-\d\\scans$/.test(p))).toBe(true);
    // The user of the proxy's address is the user of C:\\Users\\jdoe: one value, one placeholder.
    expect(redacted.profile.network!.proxy!.environment).toBe('http://USER-2:SECRET-1@IP-3:3128');
    expect(redacted.profile.network!.proxy!.system).toMatch(/^pac:http:\/\/HOST-\d\.DOMAIN-\d\/proxy\.pac$/);
  });
  it('is consistent: one value, one placeholder, in the report and the profile', () => {
    const share = redacted.profile.volumes.find((v) => v.id === 'Z:')!.remotePath!;
    expect(share).toMatch(/^\\\\HOST-\d+\.DOMAIN-1\\finance$/);
    // Each selected path reads the same in the profile and in every finding that names it (keys too).
    const reportText = JSON.stringify(redacted.report);
    for (const item of redacted.profile.selection!.items) expect(reportText).toContain(JSON.stringify(item.path));
    const fileFindings = redacted.report.findings.filter((f) => f.check === 'files.skipped' || f.check === 'files.onedrive');
    for (const f of fileFindings)
      for (const key of Object.keys(Object.values(f.evidence)[0] as object)) expect(key).not.toMatch(/jdoe|Jane|192\.168/);
  });
  it('keeps the contract: the profile validates, the report is the same verdict and findings', () => {
    const valid = validateProfile(redacted.profile);
    expect(valid.ok, JSON.stringify(valid)).toBe(true);
    const again = buildReport(redacted.profile, { edition: 'current', toolVersion: '9.9.9', now: NOW });
    expect(again.verdict).toBe(report.verdict);
    expect(again.findings.map((f) => [f.check, f.status])).toEqual(report.findings.map((f) => [f.check, f.status]));
    expect(redacted.report.findings.map((f) => [f.check, f.status, f.source, f.fix?.who])).toEqual(
      report.findings.map((f) => [f.check, f.status, f.source, f.fix?.who]),
    );
  });
  it('says what it hid by kind and count, never the values', () => {
    const { kinds, total } = redacted.summary;
    expect(kinds.ip.values).toBe(3);
    expect(kinds.user.values).toBe(2);
    expect(kinds.secret.values).toBe(1);
    expect(total).toBeGreaterThan(10);
    const words = redactionSentence(redacted.summary);
    expect(words).toMatch(/3 IP addresses \(shown as IP-1 and so on\), in \d+ places/);
    for (const secret of secrets) expect(words).not.toContain(secret);
    expect(JSON.stringify(redacted.report.redactions)).not.toMatch(/fabrikam|jdoe/i);
  });
  it('gives the same placeholders when redacted again, and changes nothing the second time', () => {
    const twice = redactReportAndProfile(redacted.report, redacted.profile);
    expect(twice.profile).toEqual(redacted.profile);
    expect(twice.summary.total).toBe(0);
  });
});

describe('what is left alone', () => {
  it("keeps Microsoft's addresses, versions, citations and fixed words", () => {
    const profile = sample('v2-service-proxy-differs');
    const report = buildReport(profile, { edition: 'current', toolVersion: '9.9.9', now: NOW });
    const { report: out } = redactReportAndProfile(report, profile);
    const text = JSON.stringify(out);
    expect(text).toContain('login.microsoftonline.com');
    expect(text).toContain('learn.microsoft.com');
    expect(text).not.toContain('contoso');
    expect(out.host.os).toBe(report.host.os);
  });
  it('replaces a common word only in its own place, never in sentences', () => {
    const profile = healthy((p) => {
      p.host!.name = 'BACKUP';
      p.selection!.items.push({ path: 'C:\\Users\\admin\\Desktop', volume: 'C:', sizeBytes: 1, fileCount: 1 });
    });
    const { value } = redact(profile);
    expect(value.host!.name).toBe('HOST-1');
    expect(value.selection!.items.at(-1)!.path).toBe('C:\\Users\\USER-1\\Desktop');
    const sentence = redact({ detail: 'The backup needs a server admin.', path: 'C:\\Users\\admin', host: { name: 'BACKUP' } }).value;
    expect(sentence.detail).toBe('The backup needs a server admin.');
    expect(sentence.path).toBe('C:\\Users\\USER-1');
  });
  it('replaces a distinctive name wherever it stands, whatever its case', () => {
    const { values, summary } = redactTogether([{ host: { name: 'FS01' } }, { detail: 'fs01 and Fs01-vault, not fs010' }] as const);
    expect(values[1].detail).toBe('HOST-1 and HOST-1-vault, not fs010');
    expect(summary.kinds.host).toEqual({ values: 1, replaced: 3 });
  });
});
