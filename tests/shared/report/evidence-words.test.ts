// Evidence in words (shared/report/evidence-words.ts): every evidence key that any check emits over the
// sample profiles and the profiles that draw every status of every check, in both matrix editions, has its
// own wording (none falls back to the generic one), and no fact shows a JSON pointer, JSON or a doubled
// backslash. Then the wordings a helpdesk agent reads aloud, one by one.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDITION_IDS } from '../../../shared/matrix/index.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { buildReport } from '../../../shared/report/build.js';
import {
  bytesAlike,
  evidenceFacts,
  knowsEvidence,
  pointerWords,
  valueWords,
  type EvidenceFact,
} from '../../../shared/report/evidence-words.js';
import { osWords } from '../../../shared/matrix/os-words.js';
import type { Finding } from '../../../shared/report/types.js';
import { GB, SAMPLES, sample, TB } from '../../helpers/profiles.js';
import { STATUS_PROFILES } from '../../helpers/status-profiles.js';

const SAMPLE_NAMES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const PROFILES: MachineProfile[] = [...SAMPLE_NAMES.map(sample), ...STATUS_PROFILES];
const NOW = new Date('2026-11-25T12:00:00Z');

/** Every finding of every profile above, in both editions, live (with an interrupted fix) and not. */
const FINDINGS: Finding[] = PROFILES.flatMap((profile) =>
  EDITION_IDS.flatMap((edition) =>
    [null, 'a move of the cache was interrupted'].flatMap(
      (interruptedFix) =>
        buildReport(JSON.parse(JSON.stringify(profile)) as MachineProfile, { edition, toolVersion: 'test', now: NOW, interruptedFix })
          .findings,
    ),
  ),
);
const OPTIONS = { locale: 'en-GB', timeZone: 'Europe/London' };

describe('every evidence key the checks emit', () => {
  const keys = new Map<string, Finding>();
  for (const f of FINDINGS) for (const key of Object.keys(f.evidence)) keys.set(`${f.check} ${key}`, f);

  it('is many keys, from every check that has evidence', () => {
    expect(keys.size).toBeGreaterThan(80);
  });
  it('has its own wording: none falls back to the generic one', () => {
    const unknown = [...keys.keys()].filter((k) => {
      const [check, key] = k.split(' ') as [Finding['check'], string];
      // The OS's family, caption and version are read together as one fact.
      return !knowsEvidence(key, check);
    });
    expect(unknown).toEqual([]);
    const generic = FINDINGS.flatMap((f) => evidenceFacts(f, OPTIONS)).filter((fact) => fact.generic);
    expect(generic.map((g) => g.key)).toEqual([]);
  });
  it('reads as words: no pointer, no JSON, no doubled backslash, no raw ISO time', () => {
    const bad = (fact: EvidenceFact) =>
      [fact.label, fact.value].some(
        (t) =>
          t.includes('\\\\') ||
          t.startsWith('/') ||
          /[{}[\]]/.test(t) ||
          /\d{4}-\d\d-\d\dT\d\d:/.test(t) ||
          t.trim() === '' ||
          /undefined|NaN|\[object/.test(t),
      );
    const facts = FINDINGS.flatMap((f) => evidenceFacts(f, OPTIONS).map((fact) => ({ check: f.check, ...fact })));
    expect(facts.filter(bad)).toEqual([]);
  });
  it('gives every finding with evidence at least one fact', () => {
    const silent = FINDINGS.filter((f) => Object.keys(f.evidence).length > 0 && evidenceFacts(f, OPTIONS).length === 0);
    expect(silent.map((f) => f.check)).toEqual([]);
  });
});

const factsOf = (profileName: string, check: Finding['check']) => {
  const report = buildReport(sample(profileName), { edition: 'current', toolVersion: 'test', now: NOW });
  const f = report.findings.find((x) => x.check === check)!;
  return Object.fromEntries(evidenceFacts(f, OPTIONS).map((fact) => [fact.label, fact.value]));
};

describe('the wordings', () => {
  it('names the OS with its version in brackets', () => {
    expect(factsOf('old-os', 'os.supported')['Windows version']).toBe('Windows Server 2008 R2 (6.1.7601)');
    expect(factsOf('healthy-server', 'os.supported')['Windows version']).toBe('Windows Server 2019 (10.0.17763)');
    expect(osWords({ family: 'linux', caption: 'Debian GNU/Linux 12 (bookworm)', version: null })).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(osWords({ family: 'windows', caption: 'Microsoft Windows 11 Pro', version: '10.0.22631', productType: 'workstation' })).toBe(
      'Windows 11 (10.0.22631)',
    );
    // What cannot be identified keeps its caption, still with the version.
    expect(osWords({ family: 'windows', caption: 'Microsoft Windows Server', version: '10.0.99999' })).toBe(
      'Microsoft Windows Server (10.0.99999)',
    );
  });
  it('says the free space on the cache volume by its letter, in GB or TB', () => {
    const facts = factsOf('cache-problems', 'cache.free-space');
    const label = Object.keys(facts).find((l) => l.startsWith('Free space on '))!;
    expect(label).toMatch(/^Free space on [A-Z]:$/);
    expect(facts[label]).toMatch(/^[\d,.]+ (GB|TB)$/);
    expect(facts['Cache folder']).not.toContain('\\\\');
  });
  it('writes a volume in one unit within one fact', () => {
    expect(bytesAlike([1.5 * TB, 300 * GB])).toEqual(['1,536 GB', '300 GB']);
    expect(bytesAlike([2 * TB, 1.5 * TB])).toEqual(['2 TB', '1.5 TB']);
    expect(bytesAlike([64 * GB, 12.3 * GB])).toEqual(['64 GB', '12.3 GB']);
  });
  it('writes dates by Intl in the reader’s locale and zone, booleans and lists as words', () => {
    const facts = factsOf('v2-vault-credentials-expired', 'agent.vault-credentials');
    const written = facts['Vault credentials file written']!;
    expect(written).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(
        new Date('2026-10-30T08:12:40Z'),
      ),
    );
    expect(facts['Vault credentials file intact']).toMatch(/^(yes|no|not known)$/);
    const av = factsOf('v2-antivirus-no-exclusions', 'agent.antivirus');
    expect(av['Microsoft Defender real-time protection']).toMatch(/^(on|off)$/);
    expect(av['Programs Defender does not scan']).toBe('none');
  });
  it('summarises the agent’s job history instead of listing every event', () => {
    const facts = factsOf('v2-last-backup-failed', 'history.last-backup');
    expect(facts["Backup jobs in the agent's event log"]).toMatch(/^\d+ events; the last: a job completed with errors, /);
    expect(facts['History read for']).toBe('the last 14 days');
  });
  it('falls back to the pointer’s parts in words, never the pointer itself', () => {
    expect(pointerWords('/systemStatePrerequisites/someNewThing/0')).toBe('System State prerequisites, some new thing, item 1');
    const [fact] = evidenceFacts({ check: 'os.supported', evidence: { '/os/brandNewField': 'C:\\Windows' } });
    expect(fact).toMatchObject({ label: 'Operating system, brand new field', value: 'C:\\Windows', generic: true });
    expect(valueWords({ 'C:\\Data': 3, fooBar: true })).toBe('C:\\Data: 3; foo bar: yes');
  });
});
