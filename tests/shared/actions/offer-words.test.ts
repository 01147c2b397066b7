// The words of a fix that cannot be offered (shared/actions/offer.ts, shared/report/build.ts) and of a
// volume the cache cannot move to (relocate-plan.ts), in other languages.
import { afterAll, describe, expect, it } from 'vitest';
import { offerProblem } from '../../../shared/actions/offer.js';
import { planRelocation } from '../../../shared/actions/relocate-plan.js';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { say } from '../../../shared/i18n/translate.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { GB, healthy } from '../../helpers/profiles.js';

const readOnlyF = (p: MachineProfile) =>
  p.volumes.push({
    id: 'F:',
    fileSystem: 'NTFS',
    driveType: 'fixed',
    sizeBytes: 4096 * GB,
    freeBytes: 2048 * GB,
    readOnly: true,
    online: true,
    bitlocker: 'off',
    deduplicated: false,
    azureTemporary: false,
  });

describe('words of an offer and a target volume', () => {
  afterAll(() => speakLanguage('en'));
  it('says "no volume can hold the cache" as a message, which a report can say again in another language', async () => {
    const profile = healthy((p) => {
      for (const v of p.volumes) v.driveType = 'network';
    });
    const problem = offerProblem('relocate-cache', profile);
    expect(problem).toEqual({ id: 'actions.offer.noVolume' });
    await speakLanguage('de');
    expect(say(problem as { id: 'actions.offer.noVolume' })).not.toMatch(/no volume/);
  });
  it('says what a volume is in Japanese as a sentence of its own (です)', async () => {
    await speakLanguage('ja');
    const result = planRelocation({ profile: healthy(readOnlyF), to: 'F:\\MARS Cache', target: null, offlineSeeding: false });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toContain('F: は読み取り専用です。');
    await speakLanguage('en');
    const english = planRelocation({ profile: healthy(readOnlyF), to: 'F:\\MARS Cache', target: null, offlineSeeding: false });
    expect(english.ok ? [] : english.problems).toContain('F: is read-only.');
  });
});
