// Each source names the document its address opens: a section of the troubleshooting article (or another
// article the matrix links to) is not said to be in the support matrix. And every section the editions cite
// has its name in the catalogue, in English as the data has it.
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { ARTICLES, HEADINGS, type ArticleKey } from '../../../shared/matrix/articles.js';
import { documentWords, sectionWords } from '../../../shared/matrix/citation-words.js';
import { loadCatalogue } from '../../../shared/i18n/load.js';
import { speak } from '../../../shared/i18n/translate.js';
import { EDITION_IDS, EDITIONS } from '../../../shared/matrix/index.js';
import type { Citation } from '../../../shared/matrix/types.js';
import { evaluate } from '../../../shared/report/build.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import { CHECK_DOCS } from '../../../shared/rules/check-docs.js';
import { STATUS_PROFILES } from '../../helpers/status-profiles.js';
import { sample } from '../../helpers/profiles.js';

afterAll(() => speak('en', en));

const TROUBLESHOOT_PAGE = 'https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot';
const TROUBLESHOOT_NAME = 'Troubleshoot the Microsoft Azure Recovery Services (MARS) agent';
const page = (url: string) => url.replace(/#.*$/, '');

function citations(edition: (typeof EDITION_IDS)[number]): Citation[] {
  return CHECKS.flatMap(({ id }) => {
    const cited = CHECK_DOCS[id].cites(EDITIONS[edition]);
    return cited === null ? [] : Array.isArray(cited) ? (cited as Citation[]) : [cited as Citation];
  });
}

describe('the document a source names', () => {
  for (const edition of EDITION_IDS) {
    it(`is the troubleshooting article wherever the address is that article's (${edition})`, () => {
      const findings = [
        ...STATUS_PROFILES.flatMap((profile) => evaluate(profile, edition)),
        ...evaluate(sample('v2-known-errors'), edition),
      ];
      const troubleshooting = findings.filter((f) => page(f.source.url) === TROUBLESHOOT_PAGE);
      expect(troubleshooting.some((f) => f.check.startsWith('history.'))).toBe(true);
      for (const f of troubleshooting) expect(f.source.document, `${f.check} ${f.source.section}`).toBe(TROUBLESHOOT_NAME);
      // Every source names the article its address opens.
      for (const f of findings) {
        const article = (Object.keys(ARTICLES) as ArticleKey[]).find((key) => ARTICLES[key].url === page(f.source.url));
        expect(article, f.source.url).toBeDefined();
        expect(f.source.document, `${f.check}: ${f.source.url}`).toBe(ARTICLES[article!].document);
      }
      for (const row of citations(edition).filter((c) => page(c.url) === TROUBLESHOOT_PAGE)) expect(row.document).toBe(TROUBLESHOOT_NAME);
    });

    it(`has every cited section and document in the catalogue, said in another language (${edition})`, async () => {
      speak('de', await loadCatalogue('de'));
      for (const row of citations(edition)) {
        expect(sectionWords(row.section), row.section).not.toBe(row.section);
        expect(documentWords({ document: row.document ?? EDITIONS[edition].document, url: row.url }), row.url).not.toMatch(
          /Support matrix|Troubleshoot|Upgrade the/,
        );
      }
      speak('en', en);
      for (const row of citations(edition)) expect(sectionWords(row.section), row.section).toBe(row.section);
    });
  }

  it("says each heading in English as the editions' data writes it", () => {
    const catalogue: Record<string, string> = en;
    for (const headings of Object.values(HEADINGS))
      for (const [heading, id] of Object.entries(headings as Record<string, string>)) expect(catalogue[id], id).toBe(heading);
    for (const article of Object.values(ARTICLES)) expect(catalogue[article.documentWords]).toBe(article.document);
  });
});
