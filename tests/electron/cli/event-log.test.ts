// check and doctor --event-log through the real command line: refused, before anything is probed, where
// the events would not be this machine's (a profile, a sandbox) or there is no Application log (not
// Windows); the README's table of event ids is the code's own (AREA_EVENT_IDS).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventLogRefusal } from '../../../electron/cli/event-log-option.js';
import { areaWords, type Area } from '../../../shared/rules/catalogue.js';
import { AREA_EVENT_IDS, RUN_EVENT_ID } from '../../../shared/report/event-log.js';
import { cliProcess } from '../../helpers/cli.js';

const PROFILE = new URL('../../../samples/profiles/cache-problems.json', import.meta.url).pathname;
// No sandbox is opened: the refusal comes first (this one does not even exist).
const SANDBOX = '/nonexistent/sandbox';

describe('--event-log', () => {
  it.each([
    [['check', '--profile', PROFILE, '--event-log'], /cannot be used with --profile/],
    [['doctor', '--profile', PROFILE, '--event-log', '--json'], /cannot be used with --profile/],
    [['check', '--sandbox', SANDBOX, '--offline', '--event-log'], /which a sandbox does not have/],
  ])('%j is refused with exit status 2 and nothing on stdout', async (args, why) => {
    const result = await cliProcess(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(why);
  });

  it.runIf(process.platform !== 'win32')('is refused on a machine that is not Windows', async () => {
    const result = await cliProcess(['check', '--offline', '--event-log']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--event-log writes to the Windows Application log: this machine is not Windows/);
  });

  it('is allowed on Windows for this machine, probed now', () => {
    expect(eventLogRefusal({ eventLog: true }, 'win32')).toBeNull();
    expect(eventLogRefusal({}, 'linux')).toBeNull();
  });
});

describe("the README's event ids", () => {
  it('lists every area with the id the events carry, and the run with its own', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('| Area             | Id'));
    const cells = [...table.matchAll(/\| ([A-Za-z ]+?) +\| (\d+) +/g)].map((m) => [m[1]!, Number(m[2])] as const);
    const expected = [
      ['The run', RUN_EVENT_ID] as const,
      ...(Object.keys(AREA_EVENT_IDS) as Area[]).map((area) => [areaWords(area), AREA_EVENT_IDS[area]] as const),
    ];
    expect(new Map(cells)).toEqual(new Map(expected));
  });
});
