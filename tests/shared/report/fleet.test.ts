// The renderers fleet tools read (shared/report/fleet/): Intune's detection line (at most 2,048
// characters, even with hundreds of blockers), Intune's compliance JSON and its rules file, ConfigMgr's
// one value, and the CSV row, read back by an RFC 4180 parser.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/build.js';
import { renderConfigMgr } from '../../../shared/report/fleet/configmgr.js';
import { CSV_HEADER, csvField, csvHeader, csvRow } from '../../../shared/report/fleet/csv.js';
import { intuneComplianceRules, renderIntuneCompliance } from '../../../shared/report/fleet/intune-compliance.js';
import { INTUNE_DETECTION_MAX, renderIntuneDetection, shorten } from '../../../shared/report/fleet/intune-detection.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import type { Finding, Report } from '../../../shared/report/types.js';
import { parseCsv } from '../../helpers/csv.js';
import { sample, SAMPLES } from '../../helpers/profiles.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const NAMES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const reportOf = (name: string) => buildReport(sample(name), { edition: 'current', toolVersion: '9.9.9', now: NOW });

function withBlockers(report: Report, count: number): Report {
  const template = report.findings[0]!;
  const blockers: Finding[] = Array.from({ length: count }, (_, i) => ({
    ...template,
    check: CHECKS[i % CHECKS.length]!.id,
    subject: `D:\\Data\\folder ${i}\nsecond line`,
    status: 'fail',
    title: `Blocker number ${i} with a long title to fill the line quickly`,
  }));
  return { ...report, verdict: 'not-ready', findings: [...blockers, ...report.findings], counts: { ...report.counts, fail: count } };
}

describe('intune-detection', () => {
  it('is one line of at most 2,048 characters on every sample, naming the verdict and each blocker', () => {
    for (const name of NAMES) {
      const report = reportOf(name);
      const line = renderIntuneDetection(report);
      expect(line).not.toMatch(/[\r\n]/);
      expect([...line].length).toBeLessThanOrEqual(INTUNE_DETECTION_MAX);
      expect(line).toContain(report.verdict);
      for (const f of report.findings.filter((f) => f.status === 'fail')) expect(line).toContain(`${f.check}: ${f.title}`);
    }
  });

  it('shortens hundreds of blockers to 2,048 characters ending in …', () => {
    const line = renderIntuneDetection(withBlockers(reportOf('healthy-server'), 500));
    expect([...line].length).toBe(INTUNE_DETECTION_MAX);
    expect(line).toMatch(/^MARS readiness: not-ready; 500 blockers: /);
    expect(line.endsWith('…')).toBe(true);
    expect(line).not.toMatch(/[\r\n]/);
    expect(shorten('abc', 3)).toBe('abc');
    expect(shorten('abcd', 3)).toBe('ab…');
  });
});

describe('intune-compliance', () => {
  it('is one line of JSON with one key per catalogue check and the verdict, on every sample', () => {
    for (const name of NAMES) {
      const report = reportOf(name);
      const line = renderIntuneCompliance(report);
      expect(line).not.toMatch(/\n/);
      const settings = JSON.parse(line) as Record<string, string>;
      expect(Object.keys(settings).sort()).toEqual(['verdict', ...CHECKS.map((c) => c.id)].sort());
      expect(settings.verdict).toBe(report.verdict);
      for (const f of report.findings.filter((f) => f.status === 'fail')) expect(settings[f.check]).toBe('fail');
      for (const value of Object.values(settings)) expect(typeof value).toBe('string');
    }
    expect(JSON.parse(renderIntuneCompliance(reportOf('cache-problems')))['cache.free-space']).toBe('fail');
  });

  it('has a rules file with one rule per check, compliant unless fail, with a Learn more link and en_US strings', () => {
    const { Rules } = intuneComplianceRules();
    expect(Rules.map((r) => r.SettingName)).toEqual(CHECKS.map((c) => c.id));
    const keys = Object.keys(JSON.parse(renderIntuneCompliance(reportOf('healthy-server'))) as object);
    for (const rule of Rules) {
      expect(keys).toContain(rule.SettingName);
      expect(rule).toMatchObject({ Operator: 'NotEquals', DataType: 'String', Operand: 'fail' });
      expect(rule.MoreInfoUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(rule.RemediationStrings).toHaveLength(1);
      expect(rule.RemediationStrings[0]!.Language).toBe('en_US');
      expect(rule.RemediationStrings[0]!.Title.length).toBeGreaterThan(0);
      expect(rule.RemediationStrings[0]!.Description.length).toBeGreaterThan(0);
    }
    expect(Rules.length).toBeLessThanOrEqual(100);
    expect(Buffer.byteLength(JSON.stringify({ Rules }))).toBeLessThan(100 * 1024);
  });
});

describe('configmgr', () => {
  it('is the verdict, or one check’s worst status (absent when it gave no finding)', () => {
    const report = reportOf('cache-problems');
    expect(renderConfigMgr(report)).toBe('not-ready');
    expect(renderConfigMgr(report, 'cache.free-space')).toBe('fail');
    expect(renderConfigMgr(report, 'os.supported')).toBe('pass');
    expect(renderConfigMgr(report, 'host.clock')).toBe('absent');
  });
});

describe('csv', () => {
  it('has a fixed header and a row per sample that parse back', () => {
    expect(parseCsv(csvHeader())).toEqual([[...CSV_HEADER]]);
    for (const name of NAMES) {
      const report = reportOf(name);
      const [row] = parseCsv(csvRow(report));
      expect(row).toHaveLength(CSV_HEADER.length);
      const record = Object.fromEntries(CSV_HEADER.map((h, i) => [h, row![i]]));
      expect(record).toMatchObject({
        timestamp: report.generatedAt,
        verdict: report.verdict,
        tool_version: '9.9.9',
        matrix_edition: 'current',
      });
      expect(Number(record.fail)).toBe(report.counts.fail);
      expect(Number(record.pass)).toBe(report.counts.pass);
    }
  });

  it('quotes a field with commas, quotes and new lines so that it reads back unchanged', () => {
    const report = reportOf('healthy-server');
    const host = 'FS01, "main"\r\nfloor 2\nwing "B"';
    const [row] = parseCsv(csvRow({ ...report, host: { ...report.host, name: host } }));
    expect(row![1]).toBe(host);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
  });
});
