// Every sample profile validates against the schema; the version-2 samples are version 2 and each shows
// its contract-v2 check in a state that does not pass.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../shared/profile/validate.js';
import type { CheckId, Status } from '../../../shared/report/types.js';
import { findingsOf, SAMPLES, sample } from '../../helpers/profiles.js';
import { V2_SAMPLES } from '../../helpers/status-profiles.js';

const names = readdirSync(SAMPLES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

const EXPECTED: Record<string, [CheckId, Status][]> = {
  'v2-old-agent': [['agent.version', 'fail']],
  'v2-agent-folders-selected': [['selection.agent-folders', 'warn']],
  'v2-system-state-prerequisites': [['system-state.prerequisites', 'fail']],
  'v2-vault-credentials-expired': [['agent.vault-credentials', 'fail']],
  'v2-antivirus-no-exclusions': [['agent.antivirus', 'warn']],
  'v2-clock-skew': [['host.clock', 'fail']],
  'v2-service-proxy-differs': [['network.service-proxy', 'warn']],
  'v2-last-backup-failed': [
    ['history.last-backup', 'fail'],
    ['history.known-error', 'warn'],
  ],
  'v2-known-errors': [
    ['history.known-error', 'warn'],
    ['history.known-error', 'info'],
  ],
};

describe('the sample profiles', () => {
  it('all validate against the schema', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
    for (const name of names) expect(validateProfile(sample(name)).ok, name).toBe(true);
  });

  it('include one version-2 sample per new check of contract v2, each in a state that does not pass', () => {
    expect([...V2_SAMPLES].sort()).toEqual(names.filter((name) => name.startsWith('v2-')).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...V2_SAMPLES].sort());
    for (const name of V2_SAMPLES) {
      const profile = sample(name);
      expect(profile.schemaVersion, name).toBe(2);
      for (const [check, status] of EXPECTED[name]!) {
        expect(
          findingsOf(profile, check).map((f) => f.status),
          `${name}: ${check}`,
        ).toContain(status);
      }
    }
  });
});
