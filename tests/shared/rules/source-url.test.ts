// Contract v2: every finding's source carries `url`, the https address on learn.microsoft.com of the
// documentation section it enforces, kept as data in the edition: one address per section.
import { describe, expect, it } from 'vitest';
import { EDITION_IDS, EDITIONS } from '../../../shared/matrix/index.js';
import type { Citation } from '../../../shared/matrix/types.js';
import { evaluate } from '../../../shared/report/build.js';
import type { Finding } from '../../../shared/report/types.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import { CHECK_DOCS } from '../../../shared/rules/check-docs.js';
import { STATUS_PROFILES } from '../../helpers/status-profiles.js';

const WELL_FORMED = /^https:\/\/learn\.microsoft\.com\/[a-z0-9-]+(\/[a-z0-9-]+)+(#[a-z0-9-]+)?$/;

/** Every finding the status profiles draw in an edition, with a live check's interrupted fix added. */
function allFindings(edition: (typeof EDITION_IDS)[number]): Finding[] {
  const live = evaluate(STATUS_PROFILES[0]!, edition, {}, 'An interrupted move of the cache must be finished or undone first.');
  return [...STATUS_PROFILES.flatMap((profile) => evaluate(profile, edition)), ...live];
}

describe('source.url', () => {
  for (const edition of EDITION_IDS) {
    it(`is a well-formed learn.microsoft.com address on every finding of every check (${edition})`, () => {
      const findings = allFindings(edition);
      const seen = new Set(findings.map((f) => f.check));
      // Every check that has a row in this edition gives findings here, and each carries its address.
      for (const { id } of CHECKS) {
        if (CHECK_DOCS[id].cites(EDITIONS[edition]) === null) continue;
        expect(seen.has(id), `${id} gave no finding in ${edition}`).toBe(true);
      }
      for (const f of findings) {
        expect(f.source.url, `${f.check} (${f.subject ?? '-'}, ${f.status})`).toMatch(WELL_FORMED);
        expect(new URL(f.source.url).protocol).toBe('https:');
        expect(Object.keys(f.source)).toEqual(['edition', 'date', 'document', 'section', 'url']);
      }
    });

    it(`gives one address per section, as the edition's data has it (${edition})`, () => {
      const bySection = new Map<string, Set<string>>();
      const add = (section: string, url: string) => bySection.set(section, (bySection.get(section) ?? new Set()).add(url));
      for (const f of allFindings(edition)) add(f.source.section, f.source.url);
      for (const { id } of CHECKS) {
        const cited = CHECK_DOCS[id].cites(EDITIONS[edition]);
        const rows: readonly Citation[] = cited === null ? [] : Array.isArray(cited) ? cited : [cited as Citation];
        for (const row of rows) {
          expect(row.url, `${id}: ${row.section}`).toMatch(WELL_FORMED);
          add(row.section, row.url);
        }
      }
      for (const [section, urls] of bySection) expect([...urls], section).toHaveLength(1);
    });
  }

  it('cites the same Microsoft pages in both editions for the v2 articles', () => {
    const [current, original] = [EDITIONS.current, EDITIONS['2019-02']];
    expect(original.agentVersions.url).toBe(current.agentVersions.url);
    expect(original.systemState).toEqual(current.systemState);
    expect([original.antivirus, original.clock, original.serviceProxy, original.jobHistory]).toEqual([
      current.antivirus,
      current.clock,
      current.serviceProxy,
      current.jobHistory,
    ]);
    expect(original.errorCodes).toEqual(current.errorCodes);
    expect(original.cache.url).toBe(current.cache.url);
    expect(original.vaultCredentials).toBeNull();
  });
});
