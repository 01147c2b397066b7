// The installed program wraps what it says to 80 columns when stdout is not a terminal, or to COLUMNS
// where that is set (as GNU tools do); JSON goes out unwrapped whatever the width.
import { describe, expect, it } from 'vitest';
import { terminalColumns } from '../../../electron/cli/main.js';
import { cliProcess } from '../../helpers/cli.js';
import { fileURLToPath } from 'node:url';
import { SAMPLES } from '../../helpers/profiles.js';

const sample = fileURLToPath(new URL('cache-problems.json', SAMPLES));
const overlong = (text: string, width: number) => text.split('\n').filter((l) => l.length > width && !/^https:\/\/\S+$/.test(l));

describe('the width the CLI wraps to', () => {
  it('is 80 without a terminal and without COLUMNS', async () => {
    // An unset COLUMNS (execFile drops an undefined variable).
    const result = await cliProcess(['check', '--profile', sample], { COLUMNS: undefined });
    expect(result.stdout.split('\n').some((l) => l.length > 70)).toBe(true);
    expect(overlong(result.stdout, 80)).toEqual([]);
  });

  it('follows COLUMNS, and JSON is never wrapped', async () => {
    const narrow = await cliProcess(['check', '--profile', sample], { COLUMNS: '50' });
    expect(overlong(narrow.stdout, 50)).toEqual([]);
    const json = await cliProcess(['check', '--profile', sample, '--json'], { COLUMNS: '40' });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it('takes COLUMNS first (kept between 40 and 1000), then the terminal (at most 100), else 80', () => {
    expect(terminalColumns(120, '50')).toBe(50);
    expect(terminalColumns(200, '60')).toBe(60);
    expect(terminalColumns(120, undefined)).toBe(100);
    expect(terminalColumns(72, undefined)).toBe(72);
    expect(terminalColumns(30, undefined)).toBe(40);
    expect(terminalColumns(undefined, '132')).toBe(132);
    expect(terminalColumns(undefined, '39')).toBe(40);
    expect(terminalColumns(undefined, '0')).toBe(40);
    expect(terminalColumns(undefined, '10000')).toBe(1000);
    for (const bad of ['', 'wide', '-5', '80px', '1e3']) expect(terminalColumns(undefined, bad)).toBe(80);
    expect(terminalColumns(72, 'abc')).toBe(72);
  });
});
