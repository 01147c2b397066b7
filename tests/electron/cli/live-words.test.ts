// A live check (check without --profile) never tells its reader to "collect the profile again with this
// tool on the machine itself", nor speaks of "the profile": every sample sandbox (a copy) and this machine,
// in the text, Markdown and HTML reports. The JSON report keeps the rules' own words.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { m } from '../../../shared/i18n/message.js';
import { say } from '../../../shared/i18n/translate.js';
import { liveSteps } from '../../../shared/report/live-words.js';
import { cliInProcess } from '../../helpers/cli.js';

const SANDBOXES = fileURLToPath(new URL('../../../samples/sandboxes/', import.meta.url));
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mars live-words ${name}-`));
  cpSync(join(SANDBOXES, name), dir, { recursive: true });
  copies.push(dir);
  return dir;
}

const PROFILE_TALK = /machine itself|\b[Tt]he profile\b/;
const targets = [
  ...readdirSync(SANDBOXES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name),
  'this machine',
];

describe('the words of a live check', () => {
  it.each(targets)(
    '%s: no "collect the profile again", no "the profile", in text, Markdown and HTML',
    async (name) => {
      const where = name === 'this machine' ? [] : ['--sandbox', copyOf(name)];
      for (const format of ['text', 'markdown', 'html']) {
        const result = await cliInProcess(['check', ...where, '--offline', '--format', format], { columns: 1000 });
        expect([0, 1]).toContain(result.code);
        const said = result.stdout.split('\n').filter((line) => PROFILE_TALK.test(line));
        expect(said, `${name} as ${format}`).toEqual([]);
      }
    },
    60_000,
  );

  it('keeps the rules own words in the JSON report', async () => {
    const result = await cliInProcess(['check', '--offline', '--json']);
    expect(result.stdout).toMatch(PROFILE_TALK);
  });

  it('leaves out a step that only says to collect again, and points to the notes when no step is left', () => {
    const steps = [m('software.dotnet.undetermined.fix.winver'), m('software.fix.collectAgain')];
    expect(liveSteps(steps.map(say), steps)).toEqual(['Run "winver" on the machine to see which Windows it is.']);
    const collect = [m('os.systemState.unknown.fix')];
    expect(liveSteps(collect.map(say), collect)).toEqual([
      'Read the notes printed before the report for why it could not be read, put that right, then check again.',
    ]);
  });
});
