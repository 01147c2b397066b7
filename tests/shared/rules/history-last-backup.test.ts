// history.last-backup (contract v2): only with the agent installed and `history`; both editions. Of the
// events 3, 10, 11, 18 the latest decides (equal times: the worst): 11 or 18 fail, 10 warns, 3 passes; none
// in the window: info; events null: unknown; a null section: one unknown finding without a subject.
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../shared/profile/types.js';
import { findingsOf, one, statusOf } from '../../helpers/profiles.js';
import { healthyV2 } from '../../helpers/v2-profiles.js';

const CHECK = 'history.last-backup';
const withEvents = (events: HistoryEvent[] | null) => healthyV2((p) => (p.history = { windowDays: 14, events, errorCodes: [] }));
const status = (events: HistoryEvent[] | null, edition: 'current' | '2019-02' = 'current') => statusOf(withEvents(events), CHECK, edition);
const at = (id: number, time: string): HistoryEvent => ({ id, time });

describe('history.last-backup', () => {
  it('passes when the latest finished job completed (3)', () => {
    expect(status([at(11, '2026-11-18T23:00:00Z'), at(1, '2026-11-19T21:00:00Z'), at(3, '2026-11-19T23:00:00Z')])).toBe('pass');
    expect(one(withEvents([at(3, '2026-11-19T23:00:00Z')]), CHECK).fix).toBeNull();
  });

  it('warns when it completed with warnings (10)', () => {
    const f = one(withEvents([at(3, '2026-11-18T23:00:00Z'), at(10, '2026-11-19T23:00:00Z')]), CHECK);
    expect(f.status).toBe('warn');
    expect(f.fix!.steps.join(' ')).toContain('LastBackupFailedFiles');
  });

  it('fails when it completed with errors (11) or a scheduled backup failed to start (18)', () => {
    expect(status([at(3, '2026-11-18T23:00:00Z'), at(11, '2026-11-19T23:00:00Z')])).toBe('fail');
    const f = one(withEvents([at(3, '2026-11-18T23:00:00Z'), at(18, '2026-11-19T21:00:00Z')]), CHECK);
    expect(f.status).toBe('fail');
    expect(f.title).toMatch(/did not start/);
    expect(f.fix!.steps.join(' ')).toContain('Task Scheduler');
  });

  it('takes the latest by time, not by position in the list', () => {
    expect(status([at(3, '2026-11-19T23:00:00Z'), at(11, '2026-11-18T23:00:00Z')])).toBe('pass');
    expect(status([at(11, '2026-11-19T23:00:00Z'), at(3, '2026-11-18T23:00:00Z')])).toBe('fail');
    // Instants, not text: 00:30+01:00 is 23:30 the day before.
    expect(status([at(3, '2026-11-20T00:30:00+01:00'), at(10, '2026-11-19T23:45:00Z')])).toBe('warn');
    // Fractions of a second count.
    expect(status([at(3, '2026-11-19T23:00:00.5Z'), at(11, '2026-11-19T23:00:00.25Z')])).toBe('pass');
  });

  it('takes the worst of jobs that ended at the same time', () => {
    expect(status([at(3, '2026-11-19T23:00:00Z'), at(10, '2026-11-19T23:00:00Z')])).toBe('warn');
    expect(status([at(10, '2026-11-19T23:00:00Z'), at(3, '2026-11-19T23:00:00Z')])).toBe('warn');
    expect(status([at(3, '2026-11-19T23:00:00Z'), at(11, '2026-11-19T23:00:00.000Z'), at(10, '2026-11-20T00:00:00+01:00')])).toBe('fail');
    expect(status([at(18, '2026-11-19T23:00:00Z'), at(3, '2026-11-19T23:00:00Z')])).toBe('fail');
  });

  it('gives info when no job finished in the window (only other events, or none)', () => {
    expect(status([])).toBe('info');
    expect(status([at(1, '2026-11-19T21:00:00Z'), at(14, '2026-11-19T21:00:00Z'), at(16, '2026-11-19T22:00:00Z')])).toBe('info');
    const f = one(withEvents([]), CHECK);
    expect(f.title).toContain('14 days');
    expect(f.fix).toBeNull();
  });

  it('ignores events other than 3, 10, 11 and 18, even the latest ones', () => {
    expect(status([at(3, '2026-11-19T23:00:00Z'), at(1, '2026-11-20T01:00:00Z'), at(16, '2026-11-20T02:00:00Z')])).toBe('pass');
  });

  it('is unknown when events is null or missing', () => {
    expect(status(null)).toBe('unknown');
    expect(
      statusOf(
        healthyV2((p) => (p.history = { windowDays: 7 })),
        CHECK,
      ),
    ).toBe('unknown');
    expect(one(withEvents(null), CHECK).fix!.who).toBe('helpdesk');
  });

  it('gives one unknown finding without a subject for a null section, none without the section', () => {
    expect(
      findingsOf(
        healthyV2((p) => (p.history = null)),
        CHECK,
      ).map((f) => [f.subject, f.status]),
    ).toEqual([[null, 'unknown']]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.history),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('gives no finding unless the agent is installed, also for a null section', () => {
    expect(
      findingsOf(
        healthyV2((p) => (p.agent = { installed: false })),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => ((p.agent = { installed: null }), (p.history = null))),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => delete p.agent),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('runs in both editions', () => {
    expect(status([at(11, '2026-11-19T23:00:00Z')], '2019-02')).toBe('fail');
    expect(status([], '2019-02')).toBe('info');
  });
});
