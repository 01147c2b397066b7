// history.known-error (contract v2): only with the agent installed and `history`; both editions. One finding
// per distinct code of errorCodes: 0x codes compare as numbers (0x0001FC07 = 0x1FC07), others as text in
// any case; warn for a code of the error-code table (subject as the table spells it, detail its cause and the
// check it points to), info for any other (subject its first spelling). [] gives nothing; null one unknown.
import { describe, expect, it } from 'vitest';
import type { HistoryErrorCode } from '../../../shared/profile/types.js';
import { errorCodeKey, KNOWN_ERROR_CODES, knownErrorCode } from '../../../shared/rules/error-codes.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import { findingsOf } from '../../helpers/profiles.js';
import { healthyV2 } from '../../helpers/v2-profiles.js';

const CHECK = 'history.known-error';
const withCodes = (errorCodes: HistoryErrorCode[] | null) => healthyV2((p) => (p.history = { windowDays: 14, events: [], errorCodes }));
const code = (c: string, count = 1, source: HistoryErrorCode['source'] = 'errlog'): HistoryErrorCode => ({ code: c, source, count });
const found = (errorCodes: HistoryErrorCode[] | null, edition: 'current' | '2019-02' = 'current') =>
  findingsOf(withCodes(errorCodes), CHECK, edition).map((f) => [f.subject, f.status]);

describe('history.known-error', () => {
  it('warns for each code of the table, with its subject as the table spells it', () => {
    expect(found([code('0x80070005'), code('SalLowDiskSpace')])).toEqual([
      ['0x80070005', 'warn'],
      ['SalLowDiskSpace', 'warn'],
    ]);
    for (const entry of KNOWN_ERROR_CODES) expect(found([code(entry.code)]), entry.code).toEqual([[entry.code, 'warn']]);
  });

  it('compares codes starting 0x as numbers: leading zeros and the case of the digits do not matter', () => {
    expect(found([code('0x0001FC07')])).toEqual([['0x1FC07', 'warn']]);
    expect(found([code('0x1fc07')])).toEqual([['0x1FC07', 'warn']]);
    expect(found([code('0x8007018b')])).toEqual([['0x8007018B', 'warn']]);
    expect(found([code('0x0001FBD3'), code('0x1FBD3'), code('0x01fbd3')])).toEqual([['0x1FBD3', 'warn']]);
    // A number the table does not hold, however close in text.
    expect(found([code('0x1FC070')])).toEqual([['0x1FC070', 'info']]);
  });

  it('compares other codes case-insensitively as text', () => {
    expect(found([code('sallowdiskspace'), code('SALLOWDISKSPACE')])).toEqual([['SalLowDiskSpace', 'warn']]);
    expect(found([code('SalLowDiskSpaceX')])).toEqual([['SalLowDiskSpaceX', 'info']]);
  });

  it('gives info for a code the table does not hold, its subject the first spelling', () => {
    expect(found([code('0x00A0020'), code('0xA0020'), code('0x000a0020')])).toEqual([['0x00A0020', 'info']]);
    expect(found([code('0x80070020')])).toEqual([['0x80070020', 'info']]);
    expect(found([code('SomethingElse'), code('somethingelse')])).toEqual([['SomethingElse', 'info']]);
    const [f] = findingsOf(withCodes([code('ABC123', 4, 'failed-files')]), CHECK);
    expect(f).toMatchObject({ subject: 'ABC123', status: 'info', fix: null });
    expect(f!.detail).toContain('4 times');
  });

  it('gives one finding per distinct code, in the order they first appear, counting every entry', () => {
    const codes = [code('0x8007018b', 3, 'failed-files'), code('Unknown1'), code('0x8007018B', 2, 'errlog'), code('0x1FC07')];
    expect(found(codes)).toEqual([
      ['0x8007018B', 'warn'],
      ['Unknown1', 'info'],
      ['0x1FC07', 'warn'],
    ]);
    const [first] = findingsOf(withCodes(codes), CHECK);
    expect(first!.detail).toContain('5 times');
  });

  it("says each known code's cause in plain words and names the check it points to", () => {
    const [f] = findingsOf(withCodes([code('SalLowDiskSpace')]), CHECK);
    expect(f!.detail).toContain('cache.free-space');
    expect(f!.detail).toMatch(/too full/);
    expect(f!.fix!.who).toBe('server admin');
    const [none] = findingsOf(withCodes([code('0x80070570')]), CHECK);
    expect(none!.detail).toContain('No check of this tool looks at that cause');
    expect(none!.fix!.steps.join(' ')).toContain('chkdsk');
    const ids = new Set(CHECKS.map((check) => check.id));
    for (const entry of KNOWN_ERROR_CODES) {
      for (const check of entry.checks) expect(ids.has(check), `${entry.code} points to ${check}`).toBe(true);
      const [g] = findingsOf(withCodes([code(entry.code)]), CHECK);
      for (const check of entry.checks) expect(g!.detail, entry.code).toContain(check);
      expect(g!.fix!.steps.length, entry.code).toBeGreaterThan(0);
    }
  });

  it('gives no finding for an empty list, one unknown without a subject for null or missing', () => {
    expect(found([])).toEqual([]);
    expect(found(null)).toEqual([[null, 'unknown']]);
    expect(
      findingsOf(
        healthyV2((p) => (p.history = { windowDays: 14 })),
        CHECK,
      ).map((f) => [f.subject, f.status]),
    ).toEqual([[null, 'unknown']]);
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

  it('gives no finding unless the agent is installed', () => {
    expect(
      findingsOf(
        healthyV2((p) => ((p.agent = { installed: false }), (p.history = { windowDays: 1, errorCodes: [code('0x1FC07')] }))),
        CHECK,
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        healthyV2((p) => ((p.agent = { installed: null }), (p.history = null))),
        CHECK,
      ),
    ).toEqual([]);
  });

  it('runs in both editions, citing a section with an address in each', () => {
    expect(found([code('0x1FBD3'), code('X12')], '2019-02')).toEqual([
      ['0x1FBD3', 'warn'],
      ['X12', 'info'],
    ]);
  });
});

describe('the error-code table', () => {
  it('holds each code once, as a number or as text', () => {
    const keys = KNOWN_ERROR_CODES.map((entry) => errorCodeKey(entry.code));
    expect(new Set(keys).size).toBe(keys.length);
    expect(errorCodeKey('0x0001FC07')).toBe(errorCodeKey('0x1FC07'));
    expect(errorCodeKey('SalBitmapError')).toBe(errorCodeKey('salbitmaperror'));
    expect(knownErrorCode('0x800423f2')?.code).toBe('0x800423F2');
    expect(knownErrorCode('0x0')).toBeUndefined();
  });
});
