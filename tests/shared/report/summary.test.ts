// "Copy a short summary" (shared/report/summary.ts): the verdict, the blockers first, then the warnings,
// then what is not known, then the Do this first list in short - one line per action, by who acts, in
// words that fit the machine - with plurals from Intl and the doctor's headline in the reader's time.
import { describe, expect, it } from 'vitest';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { buildReport } from '../../../shared/report/build.js';
import { localDateTime } from '../../../shared/report/diagnosis.js';
import { doThisFirst } from '../../../shared/report/do-this-first.js';
import { shortSummary } from '../../../shared/report/summary.js';
import { sample } from '../../helpers/profiles.js';

const report = (profile: MachineProfile) =>
  buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-12-01T07:45:00Z') });
const lines = (text: string) => text.trimEnd().split('\n');

describe('the short summary', () => {
  it('lists the blockers first, then the warnings, then what is not known, then what to do', () => {
    const r = report(sample('pre-install'));
    const text = shortSummary(r);
    expect(lines(text).slice(0, 2)).toEqual([
      'MARS readiness of HELPDESK-LT07, Microsoft Windows 11 Pro: Not ready (support matrix current, 2026-03).',
      '2 blockers, 2 warnings, 1 unknown, 20 passed.',
    ]);
    const at = (line: string) => lines(text).indexOf(line);
    const order = ['Blockers:', 'Warnings:', 'Not known:', 'Do this first:'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each list holds the titles of its status, and nothing of another.
    const list = (heading: string) => {
      const from = at(heading) + 1;
      const to = lines(text).findIndex((l, i) => i >= from && l === '');
      return lines(text).slice(from, to === -1 ? undefined : to);
    };
    expect(list('Blockers:').sort()).toEqual(
      r.findings
        .filter((f) => f.status === 'fail')
        .map((f) => `- ${f.title}`)
        .sort(),
    );
    expect(list('Warnings:').sort()).toEqual(
      r.findings
        .filter((f) => f.status === 'warn')
        .map((f) => `- ${f.title}`)
        .sort(),
    );
    expect(list('Not known:')).toEqual(["- The cache folder's attributes are not known"]);
    // Do this first in short: the laptop's administrator is not a "server admin"; one line per action.
    expect(list('Do this first:')).toEqual([
      'An administrator of this PC:',
      '  1. Take E: out of the selection, and back it up where it is stored.',
      'The network team:',
      '  2. Let this machine reach *.blob.core.windows.net through the firewall and any proxy.',
      'You:',
      '  3. Change the selection where the agent would skip files.',
      '  4. Leave OneDrive and cloud-only files out of the selection.',
      'The helpdesk:',
      '  5. Find out whether the cache folder is a plain folder.',
    ]);
    expect(text).not.toMatch(/server admin\b|\b1 warnings|\d+ blockers?, \d+ warnings?, \d+ unknown, \d+ passed, \d+ for/);
  });

  it('counts what one action resolves, and says when the wizard can do it', () => {
    const text = shortSummary(report(sample('cache-problems')));
    expect(text).toContain(
      '  2. Move the cache folder to a plain folder on a local, fixed disk with room; resolves 2 findings; the wizard can do it (Move the cache folder).',
    );
    expect(text).toContain('1 warning, 0 unknown, 22 passed.');
    expect(text.indexOf('Blockers:')).toBeLessThan(text.indexOf('Warnings:'));
  });

  it('opens with what happened to the last backup, in the reader’s time', () => {
    const r = report(sample('v2-last-backup-failed'));
    const tokyo = (iso: string) => localDateTime(iso, 'en-GB', 'Asia/Tokyo');
    expect(lines(shortSummary(r, { formatDate: tokyo }))[2]).toBe(
      `The last backup failed on ${tokyo('2026-11-19T21:47:30Z')}: the volume holding the cache folder is too full for the amount of data being backed up.`,
    );
    expect(tokyo('2026-11-19T21:47:30Z')).not.toContain('2026-11-19');
  });

  it('says only the verdict and the counts for a healthy machine', () => {
    const r = report(sample('healthy-server'));
    expect(doThisFirst(r).count).toBe(0);
    expect(lines(shortSummary(r))).toEqual([
      'MARS readiness of FS01, Microsoft Windows Server 2019 Standard: Ready (support matrix current, 2026-03).',
      '0 blockers, 0 warnings, 0 unknown, 26 passed.',
    ]);
  });
});
