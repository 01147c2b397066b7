// What a fix left, in words: done (what now holds, which findings it fixed, what to do next) or put back
// (what stayed as it was). Built from the fix's outcome and the machine examined again afterwards - the
// new truth - never from what the plan hoped for. Shown at the top of the Fix page and of the Results page.
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import type { FixAction, FixPlan } from '../../../shared/actions/fix-plan';
import type { FixOutcome } from '../../../shared/api/wizard-api';
import { t } from '../../../shared/i18n/translate';
import type { ServiceState } from '../../../shared/profile/types';
import type { Report } from '../../../shared/report/types';
import { samePath } from '../../../shared/util/paths';

/** A fix that was done, with the findings it fixed: what the Results page says at its top. */
export interface FixDone {
  action: FixAction;
  from: string | null;
  to: string | null;
  /** Findings that failed or warned before the fix and pass now: the title then and the title now. */
  fixed: { check: string; before: string; now: string }[];
}

/** The checks that were fail or warn before and all pass now (matched by check: a move changes subjects). */
export function fixedFindings(before: Report, after: Report): FixDone['fixed'] {
  const fixed: FixDone['fixed'] = [];
  for (const finding of before.findings) {
    if (finding.status !== 'fail' && finding.status !== 'warn') continue;
    if (fixed.some((f) => f.check === finding.check)) continue;
    const now = after.findings.filter((f) => f.check === finding.check);
    if (now.length > 0 && now.every((f) => f.status === 'pass'))
      fixed.push({ check: finding.check, before: finding.title, now: now[0]!.title });
  }
  return fixed;
}

export function fixDone(outcome: FixOutcome, plan: FixPlan, before: Report): FixDone {
  return {
    action: outcome.action ?? plan.action,
    from: outcome.from ?? plan.from,
    to: outcome.to ?? plan.to,
    fixed: fixedFindings(before, outcome.after.report),
  };
}

/** The first sentence of a fix that was done. */
export function doneHeadline(done: FixDone): string {
  const count = done.fixed.length;
  if (done.action === 'relocate-cache') return t('wizard.done.headline.move', { folder: String(done.to), count });
  if (done.action === 'point-registry') return t('wizard.done.headline.point', { folder: String(done.to), count });
  return t('wizard.done.headline.start', { count });
}

function doneDetail(done: FixDone): string[] {
  if (done.action === 'relocate-cache')
    return [t('wizard.done.detail.move.checked'), t('wizard.done.detail.move.delete', { folder: String(done.from) })];
  if (done.action === 'point-registry') return [t('wizard.done.detail.point.restarted'), t('wizard.done.detail.point.backUp')];
  return [t('wizard.done.detail.start.running'), t('wizard.done.detail.start.examined')];
}

/** The result of a fix that was done, with what it fixed; its heading at the given level. */
export function FixDoneAlert({ done, heading = 'h2' }: { done: FixDone; heading?: 'h2' | 'h3' }) {
  return (
    <Alert severity="success" role="status">
      <AlertTitle component={heading} sx={{ fontSize: '1.1rem', fontWeight: 700 }}>
        {doneHeadline(done)}
      </AlertTitle>
      {done.fixed.length > 0 && (
        <Box component="ul" aria-label={t('wizard.done.fixedList')} sx={{ mt: 0, mb: 1, paddingInlineStart: 3 }}>
          {done.fixed.map((f) => (
            <li key={f.check}>
              <Typography component="span">{t('wizard.done.fixed', { before: f.before, now: f.now })}</Typography>
            </li>
          ))}
        </Box>
      )}
      {doneDetail(done).map((line) => (
        <Typography key={line} sx={{ mt: 0.5 }}>
          {line}
        </Typography>
      ))}
    </Alert>
  );
}

/** The backup engine's state as a clause ("the backup engine runs", "the backup engine is stopped"). */
export function engineWords(state: ServiceState | undefined): string {
  return t('wizard.engine.state', { state: state === 'not-installed' ? 'notInstalled' : (state ?? 'unread') });
}

/**
 * What was put back after a stop or a failure, in words, from the plan and the machine as examined again:
 * where the cache is, what both registry values hold, and whether the engine runs.
 */
export function putBackWords(plan: FixPlan, outcome: FixOutcome, stoppedByUser: boolean): { title: string; lines: string[] } {
  const agent = outcome.after.profile.agent;
  const title = stoppedByUser ? t('wizard.putBack.title.stopped') : t('wizard.putBack.title.failed');
  const engine = engineWords(agent?.serviceState);
  const valuesAsBefore =
    same(agent?.scratchLocation, plan.previous.scratchLocation) &&
    same(agent?.providerScratchLocation, plan.previous.providerScratchLocation);
  const values = valuesAsBefore
    ? t('wizard.putBack.values.asBefore', {
        values: describeValues(plan.previous.scratchLocation, plan.previous.providerScratchLocation),
      })
    : t('wizard.putBack.values.now', { values: describeValues(agent?.scratchLocation ?? null, agent?.providerScratchLocation ?? null) });
  const reason = outcome.error ?? t('wizard.putBack.noReason');
  const sentence =
    plan.action === 'relocate-cache'
      ? t('wizard.putBack.sentence.move', { reason, from: String(plan.from), to: String(plan.to), values, engine })
      : plan.action === 'point-registry'
        ? t('wizard.putBack.sentence.point', { reason, values, engine })
        : t('wizard.putBack.sentence.start', { reason, engine });
  const lines = [sentence];
  if (outcome.leftInPlace > 0) lines.push(t('wizard.putBack.leftInPlace'));
  lines.push(t('wizard.putBack.examined'));
  return { title, lines };
}

function same(now: string | null | undefined, before: string | null): boolean {
  const a = now == null || now.trim() === '' ? null : now;
  const b = before == null || before.trim() === '' ? null : before;
  return a === b || (a !== null && b !== null && samePath(a, b));
}

function describeValues(config: string | null, provider: string | null): string {
  if (config !== null && provider !== null && samePath(config, provider)) return t('wizard.putBack.values.same', { folder: config });
  const nothing = t('wizard.putBack.values.nothing');
  return t('wizard.putBack.values.each', { config: config ?? nothing, provider: provider ?? nothing });
}
