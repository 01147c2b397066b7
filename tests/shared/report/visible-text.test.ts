// A profile's strings cannot steer a terminal or turn a sentence around: escape sequences, line ends and
// direction overrides in a host name, a path or a registry value reach no rendering of the report (text,
// Markdown, HTML, summary, diff) as themselves; the JSON report keeps the values as they were.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/build.js';
import { diffReports, renderDiffText } from '../../../shared/report/diff.js';
import { renderHtml } from '../../../shared/report/html.js';
import { renderMarkdown } from '../../../shared/report/markdown.js';
import { shortSummary } from '../../../shared/report/summary.js';
import { renderText } from '../../../shared/report/text.js';
import { SHOWN_INSTEAD, visibleText } from '../../../shared/report/visible-text.js';
import { sample } from '../../helpers/profiles.js';

const HOSTILE_HOST = 'APP02\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007\u001b[2J\nMARS readiness: READY';
const HOSTILE_PATH = 'C:\\Data\u202Esrevird\\Scratch\u0085x';
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileReport() {
  const profile = sample('cache-problems');
  profile.host!.name = HOSTILE_HOST;
  profile.agent!.scratchLocation = HOSTILE_PATH;
  return buildReport(profile, { edition: 'current', toolVersion: 't', now: new Date('2026-12-01T00:00:00Z') });
}

describe('visibleText', () => {
  it('shows controls and direction overrides as U+FFFD and line ends as spaces, and leaves the rest alone', () => {
    expect(visibleText('a\u001b[31mb')).toBe(`a${SHOWN_INSTEAD}[31mb`);
    expect(visibleText('a\r\nb\nc\td')).toBe('a b c d');
    expect(visibleText('C:\\x\u202Ey')).toBe(`C:\\x${SHOWN_INSTEAD}y`);
    expect(visibleText('Zürich 中文 🙂 مرحبا')).toBe('Zürich 中文 🙂 مرحبا');
  });
});

describe('every rendering of a hostile profile', () => {
  const report = hostileReport();
  const renderings = {
    text: renderText(report),
    markdown: renderMarkdown(report),
    html: renderHtml(report),
    summary: shortSummary(report),
    diff: renderDiffText(diffReports(report, report)),
  };

  it.each(Object.entries(renderings))('%s: no control character or override, and no forged line', (_name, out) => {
    expect(out).not.toMatch(FORBIDDEN);
    expect(out.split('\n').filter((line) => line.startsWith('MARS readiness: READY'))).toEqual([]);
  });

  it('still names the machine, its marks shown', () => {
    expect(renderings.text.split('\n')[1]).toContain(`APP02${SHOWN_INSTEAD}]8;;https://evil.example/`);
  });

  it('keeps the JSON report as the profile had it', () => {
    expect(report.host.name).toBe(HOSTILE_HOST);
  });
});
