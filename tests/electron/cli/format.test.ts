// `check --format` and `doctor --format` (electron/cli/format.ts): text by default, json the same as
// --json, html the page the wizard saves, markdown for a ticket; --json with another format is a usage
// error (exit 2) whose sentence names both, with nothing on stdout.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/build.js';
import { renderHtml } from '../../../shared/report/html.js';
import { renderMarkdown } from '../../../shared/report/markdown.js';
import { renderText } from '../../../shared/report/text.js';
import { APP } from '../../../electron/app-info.js';
import { cliInProcess, cliProcess } from '../../helpers/cli.js';
import { sample, SAMPLES } from '../../helpers/profiles.js';

const samplePath = (name: string) => fileURLToPath(new URL(`${name}.json`, SAMPLES));
const NOW = new Date('2026-11-25T12:00:00Z');
const reportOf = (name: string) => buildReport(sample(name), { edition: 'current', toolVersion: APP.version, now: NOW });

describe('check --format', () => {
  it('prints text by default and with --format text', async () => {
    const plain = await cliInProcess(['check', '--profile', samplePath('cache-problems')]);
    const text = await cliInProcess(['check', '--profile', samplePath('cache-problems'), '--format', 'text']);
    expect(text).toEqual(plain);
    expect(text.stdout).toBe(renderText(reportOf('cache-problems'), { width: 80 }));
    expect(text.code).toBe(1);
  });

  it('prints the same JSON for --format json as for --json', async () => {
    const json = await cliInProcess(['check', '--profile', samplePath('azure-vm'), '--json']);
    const format = await cliInProcess(['check', '--profile', samplePath('azure-vm'), '--format', 'json']);
    const both = await cliInProcess(['check', '--profile', samplePath('azure-vm'), '--json', '--format', 'json']);
    expect(format).toEqual(json);
    expect(both).toEqual(json);
    expect(JSON.parse(format.stdout)).toEqual(reportOf('azure-vm'));
  });

  it('prints the wizard’s HTML page and the Markdown report, with the exit status of the verdict', async () => {
    const html = await cliInProcess(['check', '--profile', samplePath('pre-install'), '--format', 'html']);
    expect(html.stdout).toBe(renderHtml(reportOf('pre-install')));
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.code).toBe(1);
    const md = await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--format', 'markdown']);
    expect(md.stdout).toBe(renderMarkdown(reportOf('healthy-server')));
    expect(md.stdout).toMatch(/^# MARS readiness: FS01/);
    expect(md.code).toBe(0);
  });

  it('refuses --json with another --format, naming both, and an unknown format', async () => {
    for (const format of ['text', 'html', 'markdown']) {
      for (const command of ['check', 'doctor']) {
        const run = await cliInProcess([command, '--profile', samplePath('healthy-server'), '--json', '--format', format]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('--json');
        expect(run.stderr).toContain(`--format ${format}`);
      }
    }
    const bad = await cliInProcess(['check', '--profile', samplePath('healthy-server'), '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--format.*pdf/s);
  });

  it('is refused before anything is probed, and by the installed program too', async () => {
    // No --profile: the usage error comes first (a probe of this Linux machine would print notes on stderr).
    const run = await cliProcess(['check', '--json', '--format', 'markdown', '--offline'], { COLUMNS: '80' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // Wrapped at the terminal's width, as every sentence of the CLI.
    expect(run.stderr.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(run.stderr.replace(/\s+/g, ' ').trim()).toBe(
      `${APP.name}: --json and --format markdown ask for two different outputs: give one of them (--json is the same as --format json).`,
    );
  });
});

describe('doctor --format', () => {
  it('keeps the diagnosis in JSON, and the doctor’s block in HTML and Markdown', async () => {
    const json = JSON.parse((await cliInProcess(['doctor', '--profile', samplePath('v2-last-backup-failed'), '--format', 'json'])).stdout);
    expect(json.diagnosis.outcome).toBe('failed');
    expect(json).toEqual(JSON.parse((await cliInProcess(['doctor', '--profile', samplePath('v2-last-backup-failed'), '--json'])).stdout));
    const html = await cliInProcess(['doctor', '--profile', samplePath('v2-last-backup-failed'), '--format', 'html']);
    expect(html.stdout).toContain('<section class="diagnosis not-ready"');
    const md = await cliInProcess(['doctor', '--profile', samplePath('v2-last-backup-failed'), '--format', 'markdown']);
    expect(md.stdout).toContain('**The last backup failed on ');
    expect(md.code).toBe(1);
  });
});
