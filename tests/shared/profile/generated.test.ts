import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the generated validator', () => {
  it('matches what the schema compiles to today', () => {
    const script = new URL('../../../scripts/generate-validator.js', import.meta.url);
    const fresh = execFileSync(process.execPath, [script.pathname, '--print'], { encoding: 'utf8', timeout: 30_000 });
    const committed = readFileSync(new URL('../../../shared/profile/profile-validator.generated.js', import.meta.url), 'utf8');
    expect(committed, 'run: node scripts/generate-validator.js').toBe(fresh);
  });
});
