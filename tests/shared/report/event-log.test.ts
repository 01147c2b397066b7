// The report as Application log events: the run's own event first (its type following the verdict), then
// one per blocker (Error) and per warning (Warning) and nothing for the rest, each with its area's stable
// id; descriptions in words with no control character a profile smuggled in, and never longer than the cap.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AREAS, areaOf } from '../../../shared/rules/catalogue.js';
import { buildReport } from '../../../shared/report/build.js';
import { AREA_EVENT_IDS, eventsOf, MAX_DESCRIPTION, RUN_EVENT_ID } from '../../../shared/report/event-log.js';
import { healthy, sample, SAMPLES } from '../../helpers/profiles.js';

const NOW = new Date('2026-12-01T07:45:00Z');
const reportOf = (profile: Parameters<typeof buildReport>[0]) =>
  buildReport(profile, { edition: 'current', toolVersion: '9.9.9', now: NOW });
const NAMES = readdirSync(fileURLToPath(SAMPLES))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('eventsOf', () => {
  it.each(NAMES)('%s: the run, then one event per blocker and warning, with its area id', (name) => {
    const report = reportOf(sample(name));
    const [run, ...rest] = eventsOf(report);
    expect(run!.id).toBe(RUN_EVENT_ID);
    expect(run!.type).toBe({ ready: 'INFORMATION', 'ready-with-warnings': 'WARNING', 'not-ready': 'ERROR' }[report.verdict]);
    expect(run!.description).toContain(`${report.counts.fail} blocking`);
    const problems = report.findings.filter((f) => f.status === 'fail' || f.status === 'warn');
    expect(rest).toHaveLength(problems.length);
    // Blockers first, and each event names its own finding.
    const sorted = [...problems.filter((f) => f.status === 'fail'), ...problems.filter((f) => f.status === 'warn')];
    rest.forEach((event, i) => {
      const f = sorted[i]!;
      expect(event.id).toBe(AREA_EVENT_IDS[areaOf(f.check)]);
      expect(event.type).toBe(f.status === 'fail' ? 'ERROR' : 'WARNING');
      expect(event.description.startsWith(`${f.status === 'fail' ? 'Blocks backup' : 'Warning'}: ${f.title}`)).toBe(true);
      expect(event.description).toContain(`Check: ${f.check}`);
      expect(event.description).toContain(`Learn more: ${f.source.url}`);
    });
    for (const event of [run!, ...rest]) {
      expect(event.description).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(event.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
  });

  it('gives every area its own id, within what eventcreate accepts (1 to 1000), apart from the run', () => {
    const ids = Object.values(AREA_EVENT_IDS);
    expect(Object.keys(AREA_EVENT_IDS).sort()).toEqual([...AREAS].sort());
    expect(new Set([...ids, RUN_EVENT_ID]).size).toBe(ids.length + 1);
    for (const id of [...ids, RUN_EVENT_ID]) expect(id >= 1 && id <= 1000).toBe(true);
  });

  it('a healthy machine gives only the run, as information', () => {
    expect(eventsOf(reportOf(healthy())).map((e) => e.type)).toEqual(['INFORMATION']);
  });

  it('drops control characters from a hostile host name and cuts a description that is too long', () => {
    const report = reportOf(
      healthy((p) => {
        p.host!.name = 'FS01\u001b]8;;http://evil\u0007\r\nX';
        p.cache!.path = `C:\\${'long folder\\'.repeat(600)}`;
        p.cache!.attributes = { ...p.cache!.attributes, compressed: true } as never;
      }),
    );
    const events = eventsOf(report);
    // The escape and the bell go; a line end stays a line end.
    expect(events[0]!.description.startsWith('MARS readiness of FS01]8;;http://evil\nX: ')).toBe(true);
    for (const event of events) {
      expect(event.description).not.toContain('\u001b');
      expect(event.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
    expect(events.some((e) => e.description.endsWith('…'))).toBe(true);
  });
});
