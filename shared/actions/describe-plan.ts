// A plan in words and numbers, before anything runs: what the fix does, the figures (size, files, free
// space before and after, the measured time estimate and how long the engine is stopped), exactly which
// folders and registry values change, what was checked, what could not be, and the steps. The terminal's
// confirmation and `fix --dry-run` print these lines; the wizard shows the same facts as a page.

import { samePath } from '../util/paths.js';
import { formatBytes } from '../i18n/translate.js';
import type { FixPlan } from './fix-plan.js';
import { durationWords } from './progress-rate.js';

export function planHeadline(plan: FixPlan): string {
  if (plan.action === 'relocate-cache') return `Move the cache from ${plan.from} to ${plan.to}`;
  if (plan.action === 'point-registry') return `Point both cache registry values at ${plan.to}`;
  return 'Start the backup engine (obengine)';
}

/** The figures as sentences; empty for a fix that has none. */
export function figureLines(plan: FixPlan): string[] {
  const { figures } = plan;
  const lines: string[] = [];
  if (figures.cacheBytes !== null)
    lines.push(
      `The cache holds ${formatBytes(figures.cacheBytes)}${figures.cacheFiles !== null ? ` in ${figures.cacheFiles.toLocaleString('en')} file${figures.cacheFiles === 1 ? '' : 's'}` : ''}.`,
    );
  const volume = figures.targetVolume;
  if (volume && volume.freeBefore !== null)
    lines.push(
      `${volume.id} has ${formatBytes(volume.freeBefore)} free now${volume.freeAfter !== null ? `, about ${formatBytes(volume.freeAfter)} once the copy is there` : ''}.`,
    );
  if (figures.estimate) {
    const e = figures.estimate;
    lines.push(
      `Copying and checking it should take ${durationWords(e.seconds)} (from reading ${formatBytes(e.sampledBytes)} of the cache at ${formatBytes(e.readBytesPerSecond)}/s just now), plus the time the backup engine takes to stop and start.`,
    );
    lines.push('The backup engine is stopped all that time: no backup can run until it is started again at the end.');
  } else if (plan.action === 'relocate-cache')
    lines.push('How long it takes could not be measured; the backup engine is stopped throughout.');
  return lines;
}

/** What changes, exactly: folders made and kept, registry values from what to what, the service. */
export function changeLines(plan: FixPlan): string[] {
  const lines: string[] = [];
  if (plan.action === 'relocate-cache') {
    lines.push(`Folder copied into: ${plan.to} (made if it is not there; it must be empty)`);
    lines.push(`Folder left as it is: ${plan.from} (delete it yourself after a backup has succeeded)`);
  }
  for (const change of plan.registry)
    lines.push(
      change.before !== null && samePath(change.before, change.after)
        ? `Registry: ${change.key}\\${change.name}: stays ${change.after}`
        : `Registry: ${change.key}\\${change.name}: ${change.before ?? '(not set)'} -> ${change.after}`,
    );
  if (plan.steps.some((s) => s.id === 'stop-service')) lines.push('Service: obengine is stopped, then started again');
  else if (plan.steps.some((s) => s.id === 'start-service')) lines.push('Service: obengine is started');
  return lines;
}

export function describePlanLines(plan: FixPlan): string[] {
  const lines = [planHeadline(plan), ''];
  const figures = figureLines(plan);
  if (figures.length > 0) lines.push(...figures, '');
  lines.push('What changes:', ...changeLines(plan).map((l) => `  ${l}`), '');
  lines.push('Checked before this was offered:', ...plan.preconditions.map((p) => `  - ${p.says}`), '');
  for (const caution of plan.cautions) lines.push(`Not checked: ${caution}`, '');
  lines.push('The steps:');
  plan.steps.forEach((s, i) => lines.push(`${i + 1}. ${s.title}`, `   ${s.does}`, `   If undone: ${s.undo}`));
  if (plan.action === 'relocate-cache') lines.push('', `The original folder stays; delete it only after a backup has succeeded.`);
  return lines;
}
