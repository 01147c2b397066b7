import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, countStatuses, verdictOf } from '../../../shared/report/build.js';
import { PLAIN, renderText } from '../../../shared/report/text.js';
import { wrapIndented } from '../../../shared/report/wrap.js';
import { readdirSync } from 'node:fs';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import type { Finding } from '../../../shared/report/types.js';
import { healthy, sample, SAMPLES } from '../../helpers/profiles.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const report = (name: string, edition: 'current' | '2019-02' = 'current') =>
  buildReport(sample(name), { edition, toolVersion: '9.9.9', now: NOW });

describe('buildReport', () => {
  it('has the contract shape', () => {
    const r = report('healthy-server');
    expect(Object.keys(r)).toEqual(['schemaVersion', 'tool', 'matrix', 'generatedAt', 'host', 'verdict', 'counts', 'findings']);
    expect(r).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'mars-readiness', version: '9.9.9' },
      matrix: { edition: 'current', date: '2026-03' },
      generatedAt: '2026-11-25T12:00:00.000Z',
      host: { name: 'FS01', azureVm: false, role: 'direct' },
    });
    for (const f of r.findings) {
      expect(Object.keys(f)).toEqual(['check', 'subject', 'status', 'title', 'detail', 'evidence', 'fix', 'source', 'messages']);
    }
  });

  it('gives the verdict of each sample', () => {
    expect(report('healthy-server').verdict).toBe('ready');
    expect(report('azure-vm').verdict).toBe('ready-with-warnings');
    expect(report('cache-problems').verdict).toBe('not-ready');
    expect(report('old-os').verdict).toBe('not-ready');
    expect(report('pre-install').verdict).toBe('not-ready');
  });

  it('counts every finding once', () => {
    const r = report('pre-install');
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.findings.length);
    expect(r.counts).toEqual(countStatuses(r.findings));
  });

  it('lists findings in the catalogue order', () => {
    const order = CHECKS.map((c) => c.id);
    const seen = report('pre-install').findings.map((f) => order.indexOf(f.check));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('gives a fix to every fail, warn and unknown, and none to pass and info', () => {
    for (const name of ['healthy-server', 'cache-problems', 'old-os', 'pre-install', 'azure-vm']) {
      for (const f of [...report(name).findings, ...report(name, '2019-02').findings]) {
        if (f.status === 'pass' || f.status === 'info') expect(f.fix).toBeNull();
        else {
          expect(f.fix?.steps.length).toBeGreaterThan(0);
          expect(['user', 'helpdesk', 'server admin', 'network team']).toContain(f.fix?.who);
        }
        expect(f.detail.length).toBeGreaterThan(10);
        expect(f.source.section.length).toBeGreaterThan(0);
      }
    }
  });

  it('cites the edition asked for', () => {
    const r = report('healthy-server', '2019-02');
    expect(r.matrix).toEqual({ edition: '2019-02', date: '2019-02-17' });
    expect(r.findings.every((f) => f.source.edition === '2019-02')).toBe(true);
  });

  it('differs between editions exactly where the matrix changed', () => {
    const checks = (edition: 'current' | '2019-02') => new Set(report('healthy-server', edition).findings.map((f) => f.check));
    const onlyCurrent = [...checks('current')].filter((c) => !checks('2019-02').has(c));
    expect(onlyCurrent.sort()).toEqual(['files.dfsr', 'network.tls12', 'software.dotnet', 'software.powershell']);
    // Windows Server 2019 came after the 2019-02 edition.
    expect(report('healthy-server', '2019-02').verdict).toBe('not-ready');
  });
});

describe('verdictOf', () => {
  const counts = fc.record({ pass: fc.nat(5), warn: fc.nat(5), fail: fc.nat(5), info: fc.nat(5), unknown: fc.nat(5) });
  it('is not-ready with any fail, ready-with-warnings with any warn or unknown, else ready', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const expected = c.fail > 0 ? 'not-ready' : c.warn + c.unknown > 0 ? 'ready-with-warnings' : 'ready';
        expect(verdictOf(c)).toBe(expected);
      }),
    );
  });
});

describe('renderText', () => {
  const text = (name: string, width = 80) => renderText(report(name), { width, palette: PLAIN });

  it('keeps every line within 80 columns', () => {
    for (const name of ['healthy-server', 'cache-problems', 'old-os', 'pre-install', 'azure-vm']) {
      expect(overlong(text(name))).toEqual([]);
    }
  });

  it('puts the verdict first and the areas with blockers before the rest', () => {
    const out = text('cache-problems');
    expect(out.split('\n')[0]).toBe('MARS readiness: NOT READY');
    const sections = out.split('\n\n').map((s) => s.split('\n')[0]);
    expect(sections[1]).toBe('Do this first');
    expect(sections[2]).toBe('Cache folder');
    expect(out.indexOf('FAIL')).toBeLessThan(out.indexOf('PASS'));
  });

  it('prints the status word beside every finding, so colour is never the only signal', () => {
    const r = report('pre-install');
    const out = renderText(r, { palette: PLAIN });
    const labels = out.match(/^ {2}(FAIL {3}|WARN {3}|UNKNOWN|INFO {3}|PASS {3}) {2}/gm) ?? [];
    expect(out).not.toContain('????');
    expect(labels).toHaveLength(r.findings.length);
  });

  it('opens with Do this first: one numbered line per root cause, by who acts, with what it resolves and the command', () => {
    const out = text('cache-problems');
    const first = out.split('\n\n')[1]!;
    expect(first.split('\n')[1]).toBe('  A server administrator:');
    // The two findings one move resolves are one action, said once, with the one command that does it.
    const move = first.slice(first.indexOf('2. Move the cache folder'), first.indexOf('3. '));
    expect(move.replace(/\s+/g, ' ')).toContain(
      'Resolves: The cache folder has attributes the agent does not support; Not enough free space for the cache.',
    );
    expect(move).toContain('This tool can do it: mars-readiness fix relocate-cache --to <folder>');
    expect(first.match(/^ {4}\d+\. /gm)).toEqual(['    1. ', '    2. ', '    3. ']);
    // Nothing to do, nothing said.
    expect(text('healthy-server')).not.toContain('Do this first');
  });

  it('has no escape codes with the plain palette', () => {
    expect(text('old-os')).not.toMatch(/\u001b\[/);
  });

  it('numbers the fix steps and names who can act', () => {
    const out = text('cache-problems');
    expect(out).toMatch(/^ {11}What to do, by a server administrator:$/m);
    expect(out).toMatch(/^ {11}This tool can do it: mars-readiness fix relocate-cache --to <folder>$/m);
    expect(out).toMatch(/^ {13}1\. /m);
  });

  it('names who acts in words that fit the machine: never "server admin" on a laptop', () => {
    const out = text('pre-install');
    expect(out).toMatch(/What to do, by an administrator of this PC:/);
    expect(out).not.toMatch(/server admin/);
  });

  it('folds the checks that need Windows into one line on a live check of a machine that is not Windows', () => {
    const r = report('pre-install');
    const linux = renderText(r, { machine: { family: 'linux', osName: 'Debian GNU/Linux 12' } });
    const windowsOnly = r.findings.filter((f) => f.check === 'software.dotnet' || f.check === 'software.powershell');
    expect(windowsOnly.length).toBeGreaterThan(0);
    // Unknowns of Windows-only checks leave the areas and Do this first; one line says why.
    const unknownTitles = r.findings.filter((f) => f.status === 'unknown').map((f) => f.title);
    for (const title of unknownTitles) expect(linux).not.toContain(title);
    expect(linux).toMatch(/Checks that need Windows\n {2}\d+ checks? do(es)? not apply here: this machine runs Debian GNU\/Linux 12/);
    expect(renderText(r)).not.toContain('Checks that need Windows');
  });

  it('shows a finding with no subject and no fix without crashing', () => {
    const finding: Finding = {
      check: 'network.proxy',
      subject: null,
      status: 'info',
      title: 't',
      detail: 'd',
      evidence: {},
      fix: null,
      source: { edition: 'current', date: '2026-03', document: 'x', section: 's', url: 'https://learn.microsoft.com/azure/backup/x' },
    };
    const r = { ...buildReport(healthy(), { edition: 'current', toolVersion: '1', now: NOW }), findings: [finding] };
    expect(renderText(r)).toMatch(/INFO {5}t/);
  });
});

/** Lines longer than 80 columns, but for a web address alone on its line (never cut, so that it opens). */
const overlong = (text: string) => text.split('\n').filter((l) => l.length > 80 && !/^https:\/\/\S+$/.test(l));

const SAMPLE_NAMES = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''));

describe('the text report at 80 columns', () => {
  const DEEP = 'E:\\Shares\\Finance\\Departments\\Accounts Payable\\Archive\\2026\\Quarter 4\\Supplier Invoices\\Scanned';
  it('never cuts a path inside a name: a long one goes on lines of its own, broken after a backslash', () => {
    const lines = wrapIndented(`The folder ${DEEP} is selected.`, 60, '    ');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines[0]).toBe('    The folder');
    expect(lines.at(-1)).toBe('    is selected.');
    // Put back together, the path is whole, and every break falls after a backslash.
    const pathLines = lines.slice(1, -1);
    expect(pathLines.map((l) => l.slice(2)).join('')).toBe(DEEP);
    for (const line of pathLines.slice(0, -1)) expect(line.endsWith('\\')).toBe(true);
  });

  it('keeps a registry key with spaces whole on one line when it fits, even where a space would break it', () => {
    const key = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider';
    for (let width = 74; width <= 100; width++) {
      const lines = wrapIndented(`With the engine stopped, set "ScratchLocation" under ${key} to that folder.`, width, '        ');
      expect(lines.filter((l) => l.includes(key))).toHaveLength(1);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it("keeps a path's last name whole when it runs on in capitalised words, up to the full stop", () => {
    const path = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent';
    // From the width where the path and its full stop fit beside the indent.
    for (let width = path.length + 3; width <= 90; width++) {
      const lines = wrapIndented(`The MARS agent, version 2.0.9145.0, is installed in ${path}. It runs as a service.`, width, '  ');
      expect(
        lines.filter((l) => l.includes(path)),
        `width ${width}`,
      ).toHaveLength(1);
      expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('. It runs as a service.');
    }
  });

  it('breaks a name longer than the whole line at a space inside it, never inside a word', () => {
    const text = 'Copy C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch now.';
    const lines = wrapIndented(text, 40, '  ').map((l) => l.trim());
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    // Each break falls at a space of the text or after a backslash.
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      expect(text.includes(`${a} ${b}`) || (a.endsWith('\\') && text.includes(`${a}${b}`)), `${a} | ${b}`).toBe(true);
    }
  });

  it('never parts a number from its unit', () => {
    for (let width = 40; width <= 80; width++) {
      const lines = wrapIndented(
        'The cache needs at least 5% of the selection plus room for System State (81.2 GB); C: has 1,204 MB.',
        width,
        '',
      );
      for (const line of lines) expect(line).not.toMatch(/\d$/);
    }
  });

  it('keeps every line of every sample within 80 columns, the status as a word', () => {
    for (const name of SAMPLE_NAMES) {
      const out = renderText(report(name), { palette: PLAIN, width: 80 });
      expect(overlong(out)).toEqual([]);
      expect(out).not.toContain('????');
      // Every finding's web address whole on one line, so that it can be opened.
      const lines = out.split('\n').map((l) => l.trim());
      for (const f of report(name).findings.filter((x) => x.status !== 'pass')) expect(lines).toContain(f.source.url);
    }
  });
});
