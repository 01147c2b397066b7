// docs/checks.md and `mars-readiness checks` are made from the check metadata (shared/rules/check-docs.ts):
// the committed page must be what that data renders to today, every check must be described, and the
// description must agree with what the rules do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventIdsOf, renderChecksDoc } from '../../scripts/generate-checks-doc.js';
import { AREA_EVENT_IDS, RUN_EVENT_ID } from '../../shared/report/event-log.js';
import { DEFAULT_EDITION, EDITION_IDS, EDITIONS } from '../../shared/matrix/index.js';
import { evaluate } from '../../shared/report/build.js';
import { STATUSES } from '../../shared/report/types.js';
import { areaWords, CHECKS, checkReference } from '../../shared/rules/catalogue.js';
import { STATUS_MEANINGS } from '../../shared/rules/check-docs.js';
import { KNOWN_ERROR_CODES } from '../../shared/rules/error-codes.js';
import { cliInProcess, cliProcess } from '../helpers/cli.js';
import { STATUS_PROFILES as PROFILES } from '../helpers/status-profiles.js';

const docUrl = new URL('../../docs/checks.md', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../../shared/profile/machine-profile.schema.json', import.meta.url), 'utf8'));
const ids = CHECKS.map((check) => check.id);

const render = () =>
  renderChecksDoc({
    checks: checkReference(),
    editions: Object.values(EDITIONS),
    defaultEdition: DEFAULT_EDITION,
    statusMeanings: STATUS_MEANINGS,
    statuses: STATUSES,
    errorCodes: [...KNOWN_ERROR_CODES],
    eventIds: eventIdsOf(AREA_EVENT_IDS, RUN_EVENT_ID, areaWords),
  });

describe('docs/checks.md', () => {
  it('is what the check metadata renders to today', async () => {
    expect(readFileSync(docUrl, 'utf8'), 'docs/checks.md is stale: run npm run docs').toBe(await render());
  });

  it('lists every error code the doctor explains, each with the checks it points to', () => {
    const doc = readFileSync(docUrl, 'utf8');
    for (const entry of KNOWN_ERROR_CODES) {
      const row = doc.split('\n').find((line) => new RegExp(`^\\| \`${entry.code}\` +\\|`).test(line));
      expect(row, entry.code).toBeTruthy();
      for (const check of entry.checks) expect(row).toContain(`\`${check}\``);
    }
  });

  it('describes every check of the catalogue, once each', () => {
    const doc = readFileSync(docUrl, 'utf8');
    const headings = [...doc.matchAll(/^### (\S+)$/gm)].map((match) => match[1]);
    expect([...headings].sort()).toEqual([...ids].sort());
    const table = [...doc.matchAll(/^\| \[`([^`]+)`\]/gm)].map((match) => match[1]);
    expect(table, 'the table at the top lists the checks in the catalogue order').toEqual(ids);
  });
});

describe('the check metadata', () => {
  const reference = checkReference();

  it('covers every check of CHECKS, with what it reads, its statuses and its matrix section', () => {
    expect(reference.map((entry) => entry.id)).toEqual(ids);
    for (const entry of reference) {
      expect(entry.title.trim(), entry.id).not.toBe('');
      expect(entry.description, entry.id).toMatch(/^[A-Z].*\.$/);
      expect(entry.reads.length, entry.id).toBeGreaterThan(0);
      expect(entry.statuses.length, entry.id).toBeGreaterThan(0);
      expect(entry.section.trim(), entry.id).not.toBe('');
      expect(new Set(entry.statuses).size, entry.id).toBe(entry.statuses.length);
      expect(new Set(entry.reads).size, entry.id).toBe(entry.reads.length);
      for (const status of entry.statuses) expect(STATUSES, entry.id).toContain(status);
    }
  });

  it('reads only fields the profile schema has', () => {
    for (const entry of reference) {
      for (const pointer of entry.reads) expect(schemaNode(pointer), `${entry.id} reads ${pointer}`).not.toBeNull();
    }
  });

  it('agrees with the findings the rules give: statuses, sections and evidence', () => {
    const byId = new Map(reference.map((entry) => [entry.id, entry]));
    const seen = new Map<string, Set<string>>();
    for (const edition of EDITION_IDS) {
      // A live check adds what a profile cannot carry: an interrupted fix found on the machine.
      const live = evaluate(PROFILES[0]!, edition, {}, 'An interrupted move of the cache must be finished or undone first.');
      for (const profile of PROFILES) {
        for (const f of [...evaluate(profile, edition), ...(profile === PROFILES[0] ? live : [])]) {
          const entry = byId.get(f.check)!;
          seen.set(f.check, (seen.get(f.check) ?? new Set()).add(f.status));
          expect(entry.statuses, `${f.check} gave ${f.status}`).toContain(f.status);
          expect(entry.sections[edition], `${f.check} cited "${f.source.section}" (${edition})`).toContain(f.source.section);
          for (const key of Object.keys(f.evidence).filter((k) => k.startsWith('/'))) {
            expect(
              entry.reads.some((pointer) => covers(pointer, key)),
              `${f.check} shows ${key} as evidence but does not list it in reads`,
            ).toBe(true);
          }
        }
      }
    }
    // Nor does a check list a status that it never gives: the profiles below draw every status of every check.
    const inOrder = (statuses: Iterable<string>) => STATUSES.filter((status) => [...statuses].includes(status));
    for (const entry of reference) expect(inOrder(seen.get(entry.id) ?? []), entry.id).toEqual(entry.statuses);
  });
});

describe('mars-readiness checks', () => {
  it('--json prints the catalogue, the ids exactly those of CHECKS, and exits 0', async () => {
    const result = await cliProcess(['checks', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as { id: string; area: string; reads: string[]; statuses: string[]; section: string }[];
    expect(printed.map((entry) => entry.id)).toEqual(ids);
    expect(printed).toEqual(checkReference());
  });

  it('prints every check as text, grouped by area, within the width', async () => {
    const result = await cliInProcess(['checks'], { columns: 80 });
    expect(result.code).toBe(0);
    for (const id of ids) expect(result.stdout).toContain(`  ${id}  `);
    expect(result.stdout).toContain('\nCache folder\n');
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

/** The schema node a JSON pointer (with `*` for any element of a list) names, or null when there is none. */
function schemaNode(pointer: string): unknown {
  let nodes: any[] = [schema];
  for (const segment of pointer.split('/').slice(1)) {
    nodes = nodes
      .flatMap((node) => [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])])
      .map((node) => (segment === '*' ? node.items : node.properties?.[segment]))
      .filter((node) => node !== undefined);
    if (nodes.length === 0) return null;
  }
  return nodes[0];
}

/** A listed pointer covers an evidence key that is the same field, a field within it, or a section holding it. */
function covers(pointer: string, key: string): boolean {
  const a = pointer.split('/');
  const b = key.split('/');
  return a.slice(0, Math.min(a.length, b.length)).every((segment, i) => segment === '*' || segment === b[i]);
}
