// What a fix left, in words: done (what now holds, which findings it fixed, what to do next) or put back
// (what stayed as it was). Built from the fix's outcome and the machine examined again afterwards - the
// new truth - never from what the plan hoped for. Shown at the top of the Fix page and of the Results page.
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import type { FixAction, FixPlan } from '../../../shared/actions/fix-plan';
import type { FixOutcome } from '../../../shared/api/wizard-api';
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
  const passes =
    done.fixed.length > 0
      ? `; the finding${done.fixed.length === 1 ? '' : 's'} it fixed now pass${done.fixed.length === 1 ? 'es' : ''}`
      : '';
  if (done.action === 'relocate-cache') return `The cache now lives in ${done.to}${passes}.`;
  if (done.action === 'point-registry') return `Both cache registry values now name ${done.to}${passes}.`;
  return `The backup engine runs again${passes}.`;
}

function doneDetail(done: FixDone): string[] {
  if (done.action === 'relocate-cache')
    return [
      'The copy matched the original file by file, both registry values name the new folder, and the backup engine runs. The machine was examined again: the results are the machine as it is now.',
      `Delete ${done.from} only after a backup has succeeded: run one now in the agent's console (Back Up Now). Until then it is your way back.`,
    ];
  if (done.action === 'point-registry')
    return [
      'The backup engine was started again after the change, so it reads the values afresh. Nothing was copied or deleted. The machine was examined again: the results are the machine as it is now.',
      "Run a backup now in the agent's console (Back Up Now) to see it succeed.",
    ];
  return [
    'The backup engine (the obengine service) was started and was still running when it was checked again a few seconds later. Scheduled backups run again.',
    'The machine was examined again: the results are the machine as it is now.',
  ];
}

/** The result of a fix that was done, with what it fixed; its heading at the given level. */
export function FixDoneAlert({ done, heading = 'h2' }: { done: FixDone; heading?: 'h2' | 'h3' }) {
  return (
    <Alert severity="success" role="status">
      <AlertTitle component={heading} sx={{ fontSize: '1.1rem', fontWeight: 700 }}>
        {doneHeadline(done)}
      </AlertTitle>
      {done.fixed.length > 0 && (
        <Box component="ul" aria-label="Findings this fix fixed" sx={{ mt: 0, mb: 1, pl: 3 }}>
          {done.fixed.map((f) => (
            <li key={f.check}>
              <Typography component="span">
                {f.before}: now passes ({f.now})
              </Typography>
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

const NOUN: Record<FixAction, string> = {
  'relocate-cache': 'The move',
  'point-registry': 'The change of the registry values',
  'start-engine': 'The start of the backup engine',
};

/**
 * What was put back after a stop or a failure, in words, from the plan and the machine as examined again:
 * where the cache is, what both registry values hold, and whether the engine runs.
 */
export function putBackWords(plan: FixPlan, outcome: FixOutcome, stoppedByUser: boolean): { title: string; lines: string[] } {
  const agent = outcome.after.profile.agent;
  const title = stoppedByUser ? 'Stopped. Everything was put back.' : 'The fix failed, so everything was put back.';
  const engine =
    agent?.serviceState === 'running'
      ? 'the backup engine runs'
      : `the backup engine is ${agent?.serviceState?.replace('-', ' ') ?? 'in a state that could not be read'}`;
  const valuesAsBefore =
    same(agent?.scratchLocation, plan.previous.scratchLocation) &&
    same(agent?.providerScratchLocation, plan.previous.providerScratchLocation);
  const values = valuesAsBefore
    ? `both registry values are as before (${describeValues(plan.previous.scratchLocation, plan.previous.providerScratchLocation)})`
    : `the registry values now read ${describeValues(agent?.scratchLocation ?? null, agent?.providerScratchLocation ?? null)}`;
  const what: string[] = [];
  if (plan.action === 'relocate-cache') what.push(`the cache stays in ${plan.from}`, `what was copied to ${plan.to} was deleted`);
  if (plan.action !== 'start-engine') what.push(values);
  what.push(engine);
  const sentence = `${NOUN[plan.action]} did not complete (${outcome.error ?? 'no reason was given'}), so everything was put back: ${listWords(what)}.`;
  const lines = [sentence];
  if (outcome.error && /left in place/.test(outcome.error))
    lines.push(
      'Some files were left in place because this fix did not make them: they are named above. Look at them before you try again.',
    );
  lines.push('The machine was examined again: the results are the machine as it is now. Retry plans the fix afresh from it.');
  return { title, lines };
}

function same(now: string | null | undefined, before: string | null): boolean {
  const a = now == null || now.trim() === '' ? null : now;
  const b = before == null || before.trim() === '' ? null : before;
  return a === b || (a !== null && b !== null && samePath(a, b));
}

function describeValues(config: string | null, provider: string | null): string {
  if (config !== null && provider !== null && samePath(config, provider)) return `both name ${config}`;
  return `Config names ${config ?? 'nothing'}, CloudBackupProvider names ${provider ?? 'nothing'}`;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
