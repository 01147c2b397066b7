// A plan in words and numbers, before anything runs: what the fix does, the figures (size, files, free
// space before and after, the measured time estimate and how long the engine is stopped), exactly which
// folders and registry values change, what was checked, what could not be, and the steps. The terminal's
// confirmation and `fix --dry-run` print these lines; the wizard shows the same facts as a page.

import { samePath } from '../util/paths.js';
import { t } from '../i18n/translate.js';
import { bytes } from '../i18n/message.js';
import { ENGINE_SERVICE_NAME, type FixPlan } from './fix-plan.js';
import { durationWords } from './progress-rate.js';

export function planHeadline(plan: FixPlan): string {
  if (plan.action === 'relocate-cache') return t('plans.headline.relocateCache', { from: String(plan.from), to: String(plan.to) });
  if (plan.action === 'point-registry') return t('plans.headline.pointRegistry', { to: String(plan.to) });
  return t('plans.headline.startEngine', { service: ENGINE_SERVICE_NAME });
}

/** The figures as sentences; empty for a fix that has none. */
export function figureLines(plan: FixPlan): string[] {
  const { figures } = plan;
  const lines: string[] = [];
  if (figures.cacheBytes !== null)
    lines.push(
      t('plans.figures.cache', {
        size: bytes(figures.cacheBytes),
        counted: figures.cacheFiles !== null ? 'yes' : 'no',
        files: figures.cacheFiles ?? 0,
      }),
    );
  const volume = figures.targetVolume;
  if (volume && volume.freeBefore !== null)
    lines.push(
      t('plans.figures.free', {
        volume: volume.id,
        free: bytes(volume.freeBefore),
        known: volume.freeAfter !== null ? 'yes' : 'no',
        after: bytes(volume.freeAfter ?? 0),
      }),
    );
  if (figures.estimate) {
    const e = figures.estimate;
    lines.push(
      t('plans.figures.estimate', {
        duration: durationWords(e.seconds),
        sampled: bytes(e.sampledBytes),
        rate: bytes(e.readBytesPerSecond),
      }),
    );
    lines.push(t('plans.figures.engineStopped'));
  } else if (plan.action === 'relocate-cache') lines.push(t('plans.figures.notMeasured'));
  return lines;
}

/** What changes, exactly: folders made and kept, registry values from what to what, the service. */
export function changeLines(plan: FixPlan): string[] {
  const lines: string[] = [];
  if (plan.action === 'relocate-cache') {
    lines.push(t('plans.change.copiedInto', { to: String(plan.to) }));
    lines.push(t('plans.change.leftAsIs', { from: String(plan.from) }));
  }
  for (const change of plan.registry) {
    const value = `${change.key}\\${change.name}`;
    lines.push(
      change.before !== null && samePath(change.before, change.after)
        ? t('plans.change.registryStays', { value, after: change.after })
        : t('plans.change.registry', {
            value,
            beforeSet: change.before === null ? 'no' : 'yes',
            before: change.before ?? '',
            after: change.after,
          }),
    );
  }
  if (plan.steps.some((s) => s.id === 'stop-service')) lines.push(t('plans.change.serviceRestarted', { service: ENGINE_SERVICE_NAME }));
  else if (plan.steps.some((s) => s.id === 'start-service')) lines.push(t('plans.change.serviceStarted', { service: ENGINE_SERVICE_NAME }));
  return lines;
}

export function describePlanLines(plan: FixPlan): string[] {
  const lines = [planHeadline(plan), ''];
  const figures = figureLines(plan);
  if (figures.length > 0) lines.push(...figures, '');
  lines.push(t('plans.describe.changes'), ...changeLines(plan).map((l) => `  ${l}`), '');
  lines.push(t('plans.describe.checked'), ...plan.preconditions.map((p) => `  - ${p.says}`), '');
  for (const caution of plan.cautions) lines.push(t('plans.describe.notChecked', { caution }), '');
  lines.push(t('plans.describe.steps'));
  plan.steps.forEach((s, i) =>
    lines.push(
      t('plans.describe.step', { number: i + 1, title: s.title }),
      `   ${s.does}`,
      `   ${t('plans.describe.undo', { undo: s.undo })}`,
    ),
  );
  if (plan.action === 'relocate-cache') lines.push('', t('plans.describe.originalStays'));
  return lines;
}
