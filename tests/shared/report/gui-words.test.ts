// The wizard's words for a finding (shared/report/gui-words.ts): over every finding of the sample profiles
// and the status profiles, in both editions, no fix step shown in the wizard names a command-line option or
// command, and on a live check none tells the user to collect the profile again on the machine itself.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDITION_IDS } from '../../../shared/matrix/index.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { buildReport } from '../../../shared/report/build.js';
import { guiNote, guiStep, guiSteps, learnMoreUrl, type ReportOrigin } from '../../../shared/report/gui-words.js';
import type { Finding } from '../../../shared/report/types.js';
import { SAMPLES, sample } from '../../helpers/profiles.js';
import { STATUS_PROFILES } from '../../helpers/status-profiles.js';

const PROFILES: MachineProfile[] = [
  ...readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => sample(f.replace(/\.json$/, ''))),
  ...STATUS_PROFILES,
];
const FINDINGS: Finding[] = PROFILES.flatMap((profile) =>
  EDITION_IDS.flatMap((edition) =>
    [null, 'a move of the cache was interrupted'].flatMap(
      (interruptedFix) =>
        buildReport(structuredClone(profile), { edition, toolVersion: 'test', now: new Date('2026-11-25T12:00:00Z'), interruptedFix })
          .findings,
    ),
  ),
);
const ORIGINS: ReportOrigin[] = ['live', 'opened'];

describe('fix steps in the wizard', () => {
  it('the rules do name command-line options and collecting again (else this test proves nothing)', () => {
    const steps = FINDINGS.flatMap((f) => f.fix?.steps ?? []);
    expect(steps.some((s) => / --[a-z]/.test(s))).toBe(true);
    expect(steps.some((s) => /collect the profile again with this tool on the machine itself/i.test(s))).toBe(true);
  });
  it('never name a command-line option or command', () => {
    for (const origin of ORIGINS) {
      const shown = FINDINGS.flatMap((f) => guiSteps(f, origin));
      expect(shown.filter((s) => / --[A-Za-z]|mars-readiness|--[a-z]+/.test(s))).toEqual([]);
    }
  });
  it('on a live check never say to collect the profile again, or to go to the machine itself', () => {
    const shown = FINDINGS.flatMap((f) => guiSteps(f, 'live'));
    expect(shown.filter((s) => /collect the profile|on the machine itself|with this tool/i.test(s))).toEqual([]);
  });
  it('leave every finding that has steps with at least one, and every step a sentence', () => {
    for (const origin of ORIGINS)
      for (const f of FINDINGS) {
        if ((f.fix?.steps.length ?? 0) === 0) continue;
        const shown = guiSteps(f, origin);
        expect(shown.length, `${f.check} ${origin}`).toBeGreaterThan(0);
        for (const s of shown) expect(s, `${f.check} ${origin}`).toMatch(/^[A-Z"].*[^,;\s]$/);
      }
  });
  it('say what to click instead', () => {
    expect(guiStep('Let the wizard scan the selection (on the command line: --select PATH).', 'live')).toBe(
      'Add the folders you mean to back up on the "What to back up" page, then scan again.',
    );
    expect(guiStep('Run this check again on the machine without --offline.', 'live')).toBe(
      `Turn on "Test the connection to Microsoft's addresses" on the "What to back up" page, then scan again.`,
    );
    expect(guiStep('Measure the upload speed of this connection and give it (on the command line: --upload-mbps N).', 'live')).toMatch(
      /^Measure the upload speed of this connection and give it in "Upload bandwidth \(Mbps\)" on the "What to back up" page/,
    );
    expect(guiStep('Collect the profile again with this tool on the machine itself.', 'live')).toMatch(/^Look at "What could not be read"/);
    expect(guiStep('Collect the profile again with this tool on the machine itself.', 'opened')).toBe(
      'Check the machine itself with this wizard.',
    );
    expect(
      guiStep(
        'Run "winver" on the machine to see which Windows it is, or collect the profile again with this tool on the machine itself.',
        'live',
      ),
    ).toBe('Run "winver" on the machine to see which Windows it is.');
    // A step with nothing for the command line stays exactly as the rule wrote it.
    expect(guiStep('Stop the backup engine: net stop obengine.', 'live')).toBe('Stop the backup engine: net stop obengine.');
  });
  it('for an opened profile never say "check again" (that page has no Check again button); on a live check they keep it', () => {
    const steps = FINDINGS.flatMap((f) => f.fix?.steps ?? []);
    expect(steps.some((s) => /\bcheck again\b/i.test(s))).toBe(true);
    expect(FINDINGS.flatMap((f) => guiSteps(f, 'opened')).filter((s) => /\bcheck again\b/i.test(s))).toEqual([]);
    const that = 'check the machine itself again with this wizard, or open a profile collected on it since';
    expect(guiStep('Check again.', 'opened')).toBe(`Then ${that}.`);
    expect(guiStep('Check again afterwards.', 'opened')).toBe(`Then ${that}.`);
    expect(guiStep('Restart the machine, then check again.', 'opened')).toBe(`Restart the machine, then ${that}.`);
    expect(guiStep('Or check again once the network test reaches the Microsoft addresses.', 'opened')).toBe(
      `Or ${that} once the network test reaches the Microsoft addresses.`,
    );
    for (const step of ['Check again.', 'Check again afterwards.', 'Restart the machine, then check again.'])
      expect(guiStep(step, 'live')).toBe(step);
  });
  it('say a probe note without its option', () => {
    expect(guiNote('not tested: --offline')).toBe(`not tested: "Test the connection to Microsoft's addresses" was turned off`);
  });
});

describe('learnMoreUrl', () => {
  it('accepts only https addresses on learn.microsoft.com, without credentials', () => {
    const url = 'https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent#cache-folder-support';
    expect(learnMoreUrl(url)).toBe(url);
    for (const bad of [
      'http://learn.microsoft.com/azure/backup/',
      'https://learn.microsoft.com.example.org/azure/backup/',
      'https://user:secret@learn.microsoft.com/azure/backup/',
      'https://example.org/?https://learn.microsoft.com/',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'app://wizard/index.html',
      'not a url',
    ])
      expect(learnMoreUrl(bad), bad).toBeNull();
  });
});
