// The wizard's words for a finding (shared/report/gui-words.ts): over every finding of the sample profiles
// and the status profiles, in both editions, no fix step shown in the wizard names a command-line option or
// command, and on a live check none tells the user to collect the profile again on the machine itself.
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { m } from '../../../shared/i18n/message.js';
import { EDITION_IDS } from '../../../shared/matrix/index.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { buildReport } from '../../../shared/report/build.js';
import { guiActionSteps, guiNote, guiStep, guiSteps, learnMoreUrl, type ReportOrigin } from '../../../shared/report/gui-words.js';
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
    expect(guiStep(m('backup.offlineSeeding.unknownSize.fix'), 'live')).toBe(
      'Add the folders you mean to back up on the "What to back up" page, then scan again.',
    );
    expect(guiStep(m('network.endpoints.unknown.fix'), 'live')).toBe(
      `Turn on "Test the connection to Microsoft's addresses" on the "What to back up" page, then scan again.`,
    );
    expect(guiStep(m('backup.offlineSeeding.zeroSpeed.fix'), 'live')).toMatch(
      /^Measure the upload speed of this connection and give it in "Upload bandwidth \(Mbps\)" on the "What to back up" page/,
    );
    expect(guiStep(m('os.supported.unknown.fix.collect'), 'live')).toMatch(/^Look at "What could not be read"/);
    expect(guiStep(m('os.supported.unknown.fix.collect'), 'opened')).toBe('Check the machine itself with this wizard.');
    expect(guiStep(m('software.dotnet.undetermined.fix.winver'), 'live')).toBe('Run "winver" on the machine to see which Windows it is.');
    // A step with nothing for the command line stays exactly as the rule wrote it.
    expect(guiStep('Stop the backup engine: net stop obengine.', 'live')).toBe('Stop the backup engine: net stop obengine.');
  });
  it('for an opened profile never say "check again" (that page has no Check again button); on a live check they keep it', () => {
    const steps = FINDINGS.flatMap((f) => f.fix?.steps ?? []);
    expect(steps.some((s) => /\bcheck again\b/i.test(s))).toBe(true);
    expect(FINDINGS.flatMap((f) => guiSteps(f, 'opened')).filter((s) => /\bcheck again\b/i.test(s))).toEqual([]);
    const that = 'check the machine itself again with this wizard, or open a profile collected on it since';
    expect(guiStep(m('agent.fix.checkAgain'), 'opened')).toBe(`Then ${that}.`);
    expect(guiStep(m('agent.interruptedFix.fix.checkAgain'), 'opened')).toBe(`Then ${that}.`);
    expect(guiStep(m('network.tls12.fix.restart'), 'opened')).toBe(`Restart the machine, then ${that}.`);
    expect(guiStep(m('host.clock.unknown.fix.later'), 'opened')).toBe(`Or ${that} once the network test reaches the Microsoft addresses.`);
    for (const [id, step] of [
      ['agent.fix.checkAgain', 'Check again.'],
      ['agent.interruptedFix.fix.checkAgain', 'Check again afterwards.'],
      ['network.tls12.fix.restart', 'Restart the machine, then check again.'],
    ] as const)
      expect(guiStep(m(id), 'live')).toBe(step);
  });
  it('say a probe note without its option', () => {
    expect(guiNote('not tested: --offline')).toBe(`not tested: "Test the connection to Microsoft's addresses" was turned off`);
  });
});

describe('fix steps in the wizard, in German', () => {
  afterAll(() => speakLanguage('en'));
  it('are known by their message, not their English words: the wizard says its own fields and pages', async () => {
    await speakLanguage('de');
    expect(guiStep(m('backup.offlineSeeding.unknownSize.fix'), 'live')).toBe(
      'Fügen Sie auf der Seite „Was gesichert wird“ die Ordner hinzu, die Sie sichern möchten, und scannen Sie dann erneut.',
    );
    expect(guiStep(m('cache.freeSpace.unknown.fix'), 'opened')).toContain('mit diesem Assistenten');
    expect(guiStep(m('backup.offlineSeeding.zeroSpeed.fix'), 'live')).toContain('„Uploadbandbreite (Mbit/s)“');
    expect(guiStep(m('network.endpoints.unknown.fix'), 'live')).toContain('„Verbindung zu den Adressen von Microsoft testen“');
    expect(guiStep(m('files.skipped.warn.fix.scanForExamples'), 'live')).toBeNull();
    expect(guiStep(m('agent.fix.checkAgain'), 'opened')).toBe(
      'Prüfen Sie dann den Computer selbst erneut mit diesem Assistenten, oder öffnen Sie ein seitdem darauf erfasstes Profil.',
    );
    expect(guiStep(m('agent.antivirus.unknown.fix.asAdmin'), 'live')).toBe(
      'Führen Sie diesen Assistenten erneut als Administrator aus, und prüfen Sie erneut: Windows zeigt die Defender-Ausschlüsse nur Administratoren.',
    );
    expect(guiStep(m('restore.instantRestore.unknown.fix', { key: 'HKLM\\X' }), 'live')).toBe(
      'Lesen Sie den Wert „Release“ unter HKLM\\X.',
    );
    expect(guiNote('nicht getestet: --offline')).toBe('nicht getestet: „Verbindung zu den Adressen von Microsoft testen“ war deaktiviert');
  });
  it('over every finding of the samples: no option of the command line, no "collect the profile" on a live check', async () => {
    await speakLanguage('de');
    const findings = PROFILES.slice(0, 12).flatMap(
      (profile) =>
        buildReport(structuredClone(profile), { edition: 'current', toolVersion: 'test', now: new Date('2026-11-25T12:00:00Z') }).findings,
    );
    for (const origin of ORIGINS) {
      const shown = findings.flatMap((f) => guiSteps(f, origin));
      expect(shown.filter((s) => /--[a-z]+|mars-readiness/.test(s))).toEqual([]);
    }
    expect(findings.flatMap((f) => guiSteps(f, 'live')).filter((s) => /erfassen Sie das Profil/i.test(s))).toEqual([]);
  });
  it('of a "Do this first" action, by the messages of the findings it resolves', async () => {
    await speakLanguage('de');
    const [f] = buildReport(structuredClone(PROFILES[0]!), { edition: 'current', toolVersion: 'test', now: new Date() }).findings;
    const finding = {
      ...f!,
      fix: { who: 'helpdesk' as const, steps: [] as string[], action: null },
      messages: { ...f!.messages!, steps: [m('network.endpoints.unknown.fix')] },
    };
    finding.fix.steps = finding.messages.steps.map(() => 'Führen Sie diese Prüfung auf dem Computer erneut ohne --offline aus.');
    expect(guiActionSteps({ steps: finding.fix.steps, resolves: [finding] }, 'live')[0]).toContain(
      '„Verbindung zu den Adressen von Microsoft testen“',
    );
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
