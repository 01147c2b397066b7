// The Markdown report (shared/report/markdown.ts), for a ticket or a chat: a heading with the machine and
// the verdict, the Do this first list (by who acts, each action with its steps and what it resolves), the
// blockers, warnings and unknowns with their fixes and Learn more links, the passed checks as a table,
// one row each. Values from the profile never become markup.
import { describe, expect, it } from 'vitest';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { buildReport } from '../../../shared/report/build.js';
import { localDateTime } from '../../../shared/report/diagnosis.js';
import { doThisFirst } from '../../../shared/report/do-this-first.js';
import { escapeMarkdown, renderMarkdown } from '../../../shared/report/markdown.js';
import { sample } from '../../helpers/profiles.js';
import { STATUS_PROFILES, V2_SAMPLES } from '../../helpers/status-profiles.js';

const report = (profile: MachineProfile) =>
  buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-12-01T07:45:00Z') });
const headings = (md: string) => md.split('\n').filter((l) => /^#{1,3} /.test(l));

describe('the Markdown report', () => {
  it('has the verdict, then Do this first by who acts, then the findings by status, then the passed table', () => {
    const r = report(sample('pre-install'));
    const when = (iso: string) => localDateTime(iso, 'en-GB', 'UTC');
    const md = renderMarkdown(r, { formatDate: when });
    expect(headings(md)).toEqual([
      '# MARS readiness: HELPDESK-LT07, Microsoft Windows 11 Pro',
      '## Do this first',
      '### An administrator of this PC',
      '### The network team',
      '### You',
      '### The helpdesk',
      '## Blockers (2)',
      '### \\*.blob.core.windows.net cannot be reached',
      '### The agent cannot back up from E:',
      '## Warnings (2)',
      '### Some selected files will be skipped',
      '### OneDrive or cloud-only files are selected',
      '## Not known (1)',
      "### The cache folder's attributes are not known",
      '## For information',
      '## Passed (20 checks)',
    ]);
    expect(md).toContain('**Not ready**: 2 blockers, 2 warnings, 1 unknown, 20 passed, 5 for information.');
    expect(md).toContain(
      `Report made ${when('2026-12-01T07:45:00.000Z')} by mars-readiness test; machine examined ${when(r.host.capturedAt!)}.`,
    );
    expect(when('2026-12-01T07:45:00.000Z')).toMatch(/^Tue, 1 Dec 2026, 07:45/);
    // An action: its title, its steps as a nested list, what it resolves.
    expect(md).toContain(
      [
        '2. **Let this machine reach \\*.blob.core.windows.net through the firewall and any proxy** (needed)',
        '   1. Allow outgoing HTTPS (port 443) from this machine to \\*.blob.core.windows.net, on the firewall and on any proxy.',
        '   2. If a proxy inspects TLS, exempt these addresses from inspection.',
        '   3. Check again.',
        '   - Resolves: \\*.blob.core.windows.net cannot be reached',
      ].join('\n'),
    );
    expect(md).toContain('**What to do**, by an administrator of this PC:');
    expect(md).not.toMatch(/server admin/);
  });

  it('gives every finding that is not a pass its Learn more link, and every pass one table row', () => {
    for (const r of [...STATUS_PROFILES, ...V2_SAMPLES.map(sample)].map(report)) {
      const md = renderMarkdown(r);
      for (const f of r.findings.filter((x) => x.status !== 'pass')) expect(md).toContain(`](${f.source.url})`);
      const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Area |') && !l.startsWith('| ---'));
      const passed = r.findings.filter((f) => f.status === 'pass');
      expect(rows).toHaveLength(passed.length);
      passed.forEach((f, i) => {
        expect(rows[i]).toContain(escapeMarkdown(f.title));
        expect(rows[i]!.split(/(?<!\\)\|/)).toHaveLength(5);
      });
      // Each action of Do this first is there, numbered in order.
      const titles = doThisFirst(r).groups.flatMap((g) => g.actions.map((a) => a.title));
      titles.forEach((title, i) => expect(md).toContain(`${i + 1}. **${escapeMarkdown(title)}**`));
    }
  });

  it('says what the wizard can do, and what happened to the last backup', () => {
    const md = renderMarkdown(report(sample('cache-problems')));
    expect(md).toContain('- The wizard can do it for you: Move the cache folder (`mars-readiness fix relocate-cache`)');
    expect(md).toContain('   - Resolves: The cache folder has attributes the agent does not support; Not enough free space for the cache');
    const failed = renderMarkdown(report(sample('v2-last-backup-failed')), { formatDate: (iso) => `<${iso}>` });
    expect(failed).toContain(
      '**The last backup failed on \\<2026-11-19T21:47:30Z\\>: the volume holding the cache folder is too full for the amount of data being backed up.**',
    );
    expect(failed).toContain("- `SalLowDiskSpace` (seen twice): the volume of the agent's cache folder ran out of space.");
  });

  it('escapes what the profile says: paths, wildcards, brackets and pipes stay text', () => {
    expect(escapeMarkdown('*.blob.core.windows.net')).toBe('\\*.blob.core.windows.net');
    expect(escapeMarkdown('C:\\Program Files\\Agent')).toBe('C:\\Program Files\\Agent');
    expect(escapeMarkdown('\\\\server\\share')).toBe('\\\\\\server\\share');
    expect(escapeMarkdown('a | b <img src=x> [c](d) `e` _f_')).toBe('a \\| b \\<img src=x\\> \\[c\\](d) \\`e\\` \\_f\\_');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('# not a heading\nnext')).toBe('\\# not a heading next');
    const hostile = report(sample('cache-problems'));
    hostile.host.name = '<script>alert(1)</script> | x';
    hostile.findings.find((f) => f.status === 'pass')!.title = 'a | b';
    const md = renderMarkdown(hostile);
    expect(md).toContain('# MARS readiness: \\<script\\>alert(1)\\</script\\> \\| x');
    expect(md).toContain('| a \\| b |');
    expect(md).not.toMatch(/(?<!\\)<script/);
  });
});
