// A report as events for the Windows Application log (check/doctor --event-log): one event per blocker
// (Error) and per warning (Warning), each with the event id of its check's area, so that a monitoring
// rule can watch "cache" or "network" problems across a fleet without reading the words; and one
// Information event per run with the verdict and the counts, so that a run that found nothing still shows
// it ran. The ids are stable: a rule written against them keeps working from one version to the next.
// eventcreate.exe, which writes the events, takes ids from 1 to 1000. Pure.

import { areaOf, type Area } from '../rules/catalogue.js';
import { areaWords, VERDICT_WORDS } from './grouping.js';
import { t } from '../i18n/translate.js';
import type { Finding, Report } from './types.js';

/** The source the events are written under; the MSI registers it (build/msi/mars-readiness.wxs). */
export const EVENT_SOURCE = 'MARS Readiness';

/** The run's own event: the verdict and the counts. */
export const RUN_EVENT_ID = 100;

/** The event id of each area's blockers and warnings (their type, Error or Warning, tells which). */
export const AREA_EVENT_IDS: Record<Area, number> = {
  os: 110,
  software: 120,
  agent: 130,
  cache: 140,
  volume: 150,
  selection: 160,
  files: 170,
  network: 180,
  backup: 190,
  restore: 200,
  'system-state': 210,
  host: 220,
  history: 230,
};

export type EventType = 'ERROR' | 'WARNING' | 'INFORMATION';

export interface LogEvent {
  id: number;
  type: EventType;
  description: string;
}

/** Longer descriptions are cut: the log keeps about 32,000 characters, and the command line carries them. */
export const MAX_DESCRIPTION = 4000;

/** The run's event first, then the blockers, then the warnings, each in the report's order. */
export function eventsOf(report: Report): LogEvent[] {
  const c = report.counts;
  const run: LogEvent = {
    id: RUN_EVENT_ID,
    type: report.verdict === 'not-ready' ? 'ERROR' : report.verdict === 'ready-with-warnings' ? 'WARNING' : 'INFORMATION',
    description: fit(
      [
        report.host.name
          ? t('report.event.run', { machine: report.host.name, verdict: VERDICT_WORDS[report.verdict] })
          : t('report.event.runUnnamed', { verdict: VERDICT_WORDS[report.verdict] }),
        t('report.event.counts', {
          fail: c.fail,
          warn: c.warn,
          unknown: c.unknown,
          pass: c.pass,
          waived: c.waived ?? 0,
          withWaivers: c.waived ? 'yes' : 'no',
        }),
        t('report.event.matrix', {
          edition: report.matrix.edition,
          date: report.matrix.date,
          tool: `${report.tool.name} ${report.tool.version}`,
        }),
      ].join('\n'),
    ),
  };
  const problems = report.findings.filter((f) => f.status === 'fail' || f.status === 'warn');
  const order = (f: Finding) => (f.status === 'fail' ? 0 : 1);
  return [run, ...[...problems].sort((a, b) => order(a) - order(b)).map(findingEvent)];
}

function findingEvent(f: Finding): LogEvent {
  const lines = [t('report.event.title', { status: f.status === 'fail' ? 'fail' : 'warn', title: f.title }), '', f.detail];
  if (f.fix) {
    const who = { user: 'user', helpdesk: 'helpdesk', 'server admin': 'serverAdmin', 'network team': 'networkTeam' }[f.fix.who];
    lines.push('', t('report.event.whatToDo', { who }), ...f.fix.steps.map((step, i) => `${i + 1}. ${step}`));
  }
  const area = areaWords(areaOf(f.check));
  lines.push(
    '',
    f.subject
      ? t('report.event.checkOfSubject', { area, check: f.check, subject: f.subject })
      : t('report.event.check', { area, check: f.check }),
    t('report.text.learnMore', { url: f.source.url }),
  );
  return { id: AREA_EVENT_IDS[areaOf(f.check)], type: f.status === 'fail' ? 'ERROR' : 'WARNING', description: fit(lines.join('\n')) };
}

/** Control characters other than line ends dropped (a profile's strings are not trusted), then cut to size. */
function fit(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly what is dropped
  const clean = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
  return clean.length <= MAX_DESCRIPTION ? clean : `${clean.slice(0, MAX_DESCRIPTION - 1)}…`;
}
