// @vitest-environment jsdom
// The wizard tells the cases of a fix apart by the fields the main process sends, never by its words,
// which come in the language it speaks: an undo that left files it did not make says so (leftInPlace),
// and an interrupted fix is named by its action, in English and in German alike.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { putBackWords } from '../../renderer/src/components/FixResult.js';
import { PendingMoveBanner } from '../../renderer/src/components/PendingMoveBanner.js';
import { ApiContext } from '../../renderer/src/api/context.js';
import type { FixPlan } from '../../shared/actions/fix-plan.js';
import type { AppInfo, FixOutcome, PendingMoveView } from '../../shared/api/wizard-api.js';
import en from '../../shared/i18n/catalogue/en/index.js';
import { speakLanguage } from '../../shared/i18n/load.js';
import { speak, t } from '../../shared/i18n/translate.js';
import { fakeApi } from './fake-api.js';

afterEach(() => {
  cleanup();
  speak('en', en);
});

const plan = {
  action: 'relocate-cache',
  from: 'C:\\Scratch',
  to: 'D:\\MARS Cache',
  previous: { scratchLocation: 'C:\\Scratch', providerScratchLocation: 'C:\\Scratch' },
} as unknown as FixPlan;

const rolledBack = (error: string, leftInPlace: number): FixOutcome =>
  ({
    outcome: 'rolled-back',
    action: 'relocate-cache',
    from: plan.from,
    to: plan.to,
    error,
    leftInPlace,
    after: { profile: { agent: { scratchLocation: 'C:\\Scratch', providerScratchLocation: 'C:\\Scratch', serviceState: 'running' } } },
  }) as unknown as FixOutcome;

describe('an undo that left files in place', () => {
  it('is said from leftInPlace, whatever language the reason is in', async () => {
    await speakLanguage('de');
    const german = 'Kopie fehlgeschlagen; an Ort und Stelle belassen, nicht von dieser Verschiebung angelegt: D:\\MARS Cache\\x.txt';
    expect(putBackWords(plan, rolledBack(german, 1), false).lines).toContain(t('wizard.putBack.leftInPlace'));
    expect(putBackWords(plan, rolledBack(german, 0), false).lines).not.toContain(t('wizard.putBack.leftInPlace'));
  });

  it('is not said for English words that only look like it', () => {
    const lines = putBackWords(plan, rolledBack('the folder name says left in place', 0), false).lines;
    expect(lines).not.toContain(t('wizard.putBack.leftInPlace'));
  });
});

describe('an interrupted fix', () => {
  const info = (pending: PendingMoveView): AppInfo => ({ pending }) as unknown as AppInfo;
  const banner = (pending: PendingMoveView) =>
    render(
      <ApiContext.Provider value={fakeApi({})}>
        <PendingMoveBanner info={info(pending)} request={{ edition: 'current' } as never} onSettled={() => {}} />
      </ApiContext.Provider>,
    );

  it.each([
    ['relocate-cache', 'move'],
    ['point-registry', 'point'],
    ['start-engine', 'start'],
  ] as const)('is named by its action (%s), though its sentence is German', async (action, noun) => {
    await speakLanguage('de');
    banner({ message: 'Eine unterbrochene Korrektur muss zuerst abgeschlossen werden.', action, damaged: false, path: 'C:\\x.json' });
    expect(screen.getByRole('button', { name: t('wizard.pending.dealWith', { noun }) })).toBeTruthy();
  });

  it('is a fix, when its record cannot be read', () => {
    banner({ message: 'The record is damaged.', action: null, damaged: true, path: 'C:\\x.json' });
    expect(screen.getByRole('alert').textContent).toContain('The record is damaged.');
  });
});
