// The doctor's diagnosis read from a report: what it says when the logs could not be read, when they hold
// no code, and the Windows meaning of an HRESULT the error table does not hold (the same in the finding).
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/build.js';
import { diagnose, diagnosisHeadline } from '../../../shared/report/diagnosis.js';
import type { HistoryFacts } from '../../../shared/profile/types.js';
import { sample } from '../../helpers/profiles.js';

const NOW = new Date('2026-11-20T08:00:00Z');
const failedWith = (errorCodes: HistoryFacts['errorCodes']) => {
  const profile = sample('v2-last-backup-failed');
  profile.history = { ...profile.history!, errorCodes };
  return buildReport(profile, { edition: 'current', toolVersion: 'test', now: NOW });
};
const headline = (errorCodes: HistoryFacts['errorCodes']) => diagnosisHeadline(diagnose(failedWith(errorCodes))!, () => 'DATE');

describe('the diagnosis', () => {
  it('says the logs could not be read when they could not, never that they name no code', () => {
    expect(headline(null)).toBe("The last backup failed on DATE. The agent's error logs could not be read, so why is not known yet.");
    expect(headline([])).toBe("The last backup failed on DATE. The agent's logs name no error code for it.");
  });

  it('gives the cause of the most telling code, and explains an HRESULT the table lacks in the finding too', () => {
    const report = failedWith([
      { code: '0x80070070', source: 'errlog', count: 1 },
      { code: 'SalLowDiskSpace', source: 'errlog', count: 2 },
    ]);
    const diagnosis = diagnose(report)!;
    expect(diagnosis.codes.map((c) => c.code)).toEqual(['SalLowDiskSpace', '0x80070070']);
    expect(diagnosis.cause).toMatch(/cache folder is too full/);
    const finding = report.findings.find((f) => f.check === 'history.known-error' && f.subject === '0x80070070')!;
    expect(finding.status).toBe('info');
    expect(finding.detail).toMatch(/^The agent recorded error 0x80070070: Windows error 112: there is not enough space on the disk\./);
    expect(finding.detail).not.toMatch(/cannot explain/);
  });

  it('is absent when the last job completed, and for a report without history', () => {
    const profile = sample('v2-last-backup-failed');
    profile.history!.events = [...profile.history!.events!, { id: 3, time: '2026-11-20T01:00:00Z' }];
    expect(diagnose(buildReport(profile, { edition: 'current', toolVersion: 'test', now: NOW }))).toBeNull();
    expect(diagnose(buildReport(sample('healthy-server'), { edition: 'current', toolVersion: 'test', now: NOW }))).toBeNull();
  });
});
