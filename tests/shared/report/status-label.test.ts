// The status words of a finding, for its check: a restore-target problem is never "Blocks backup".
import { describe, expect, it } from 'vitest';
import { statusLabel, STATUS_WORDS } from '../../../shared/report/grouping.js';
import { healthy, one } from '../../helpers/profiles.js';

describe('statusLabel', () => {
  it('says a fail of a restore check blocks restore, and leaves every other status and check as STATUS_WORDS says', () => {
    const restore = one(
      healthy((p) => (p.restoreTarget = { version: '6.0.6002' })),
      'restore.target',
    );
    expect(restore.status).toBe('fail');
    expect(statusLabel(restore.status, restore.check)).toBe('Blocks restore');
    expect(statusLabel('fail', 'restore.instant-restore')).toBe('Blocks restore');
    expect(statusLabel('fail', 'cache.free-space')).toBe('Blocks backup');
    expect(statusLabel('warn', 'restore.target')).toBe(STATUS_WORDS.warn);
    expect(statusLabel('fail')).toBe('Blocks backup');
  });
});
