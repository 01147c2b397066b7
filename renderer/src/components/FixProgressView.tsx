// A fix while it runs: the step it is on, in words; each step's state; for a copy, a bar with the files
// and bytes copied of the total, the throughput and the time left (one reckoning with the terminal's:
// ProgressRate); and a Stop that puts everything back, there at every moment. Progress events can come
// thousands a second (one a file): they are taken as they come and shown a few times a second.
import { Alert, Box, Button, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { stepWords, type FixPlan } from '../../../shared/actions/fix-plan';
import { durationWords, ProgressRate, type RateReading } from '../../../shared/actions/progress-rate';
import type { FixProgress, WizardApi } from '../../../shared/api/wizard-api';
import { formatBytes } from '../../../shared/i18n/translate';

export interface FixProgressState {
  /** Each step's last state, by step. */
  steps: Partial<Record<string, FixProgress['state']>>;
  /** The step that reported last, with its detail (a failure's or a rollback's reason). */
  current: { step: string; state: FixProgress['state']; detail: string | null } | null;
  /** The copy's counts with the throughput and time left; null until the copy reports. */
  copy: RateReading | null;
}

const EMPTY: FixProgressState = { steps: {}, current: null, copy: null };
const SHOW_EVERY_MS = 200;

/**
 * Fix progress as the page shows it. start() listens from that moment (before the fix is asked for, so
 * that its first step is not missed) and clears what an earlier run showed; finish() shows the last
 * events at once and stops listening (a recovery from the banner is not this page's fix).
 */
export function useFixProgress(api: WizardApi) {
  const [shown, setShown] = useState<FixProgressState>(EMPTY);
  const latest = useRef<FixProgressState>(EMPTY);
  const listening = useRef(false);
  const rate = useRef(new ProgressRate());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setShown(latest.current);
  }, []);
  const start = useCallback(() => {
    latest.current = EMPTY;
    rate.current = new ProgressRate();
    listening.current = true;
    flush();
  }, [flush]);
  const finish = useCallback(() => {
    listening.current = false;
    flush();
  }, [flush]);

  useEffect(() => {
    const unsubscribe = api.onFixProgress((p) => {
      if (!listening.current) return;
      const was = latest.current;
      const counts =
        p.totalBytes !== undefined && p.totalFiles !== undefined
          ? rate.current.update({ files: p.files ?? 0, totalFiles: p.totalFiles, bytes: p.bytes ?? 0, totalBytes: p.totalBytes })
          : was.copy;
      latest.current = {
        steps: { ...was.steps, [p.step]: p.state },
        current: { step: p.step, state: p.state, detail: p.detail ?? (was.current?.step === p.step ? was.current.detail : null) },
        copy: counts,
      };
      // A step that starts, ends or fails is shown at once; the copy's counts a few times a second.
      if (p.totalBytes === undefined || was.steps[p.step] !== p.state) flush();
      else timer.current ??= setTimeout(flush, SHOW_EVERY_MS);
    });
    return () => {
      unsubscribe();
      listening.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [api, flush]);

  return { progress: shown, start, finish };
}

const STATE_WORDS: Record<FixProgress['state'], string> = {
  running: 'Running…',
  done: 'Done',
  failed: 'Failed',
  undoing: 'Putting back…',
  undone: 'Put back',
};

/** The list of a plan's steps: "Steps of the move" on the confirmation, "Progress of the move" here. */
export function stepsNoun(plan: FixPlan): string {
  return plan.action === 'relocate-cache' ? 'the move' : 'the fix';
}

export function FixProgressView({
  plan,
  progress,
  running,
  stopping,
  onStop,
}: {
  plan: FixPlan;
  progress: FixProgressState;
  /** Still running: the Stop button is offered. */
  running: boolean;
  stopping: boolean;
  onStop: () => void;
}) {
  const { current, copy } = progress;
  const copying = running && current?.step === 'copy' && current.state === 'running';
  const now = current
    ? current.step === 'rollback'
      ? current.state === 'undone'
        ? 'Everything was put back.'
        : `Putting everything back${current.detail ? ` (${current.detail})` : ''}…`
      : `${stepWords(plan, current.step)}: ${STATE_WORDS[current.state].toLowerCase()}`
    : 'Starting…';
  return (
    <section aria-labelledby="fix-progress-heading">
      <Stack spacing={1.5}>
        <Typography id="fix-progress-heading" component="h2" variant="h6">
          {running ? (plan.action === 'relocate-cache' ? `Moving the cache to ${plan.to}` : 'Carrying out the fix') : 'What was done'}
        </Typography>
        <Typography role="status" aria-live="polite" sx={{ fontWeight: 600 }}>
          {running ? `Now: ${now}` : null}
        </Typography>
        {copy && (
          <Box>
            <LinearProgress
              variant="determinate"
              value={copy.totalBytes > 0 ? Math.min(100, Math.round((copy.bytes / copy.totalBytes) * 100)) : 100}
              aria-label="Copy progress"
              aria-valuetext={`${formatBytes(copy.bytes)} of ${formatBytes(copy.totalBytes)} copied`}
              sx={{ height: 10, borderRadius: 1 }}
            />
            <Typography sx={{ mt: 0.5 }}>
              Copied {copy.files.toLocaleString('en')} of {copy.totalFiles.toLocaleString('en')} files, {formatBytes(copy.bytes)} of{' '}
              {formatBytes(copy.totalBytes)}.
            </Typography>
            {copying && (
              <Typography color="text.secondary">
                {copy.bytesPerSecond !== null ? `${formatBytes(copy.bytesPerSecond)} per second` : 'Measuring the speed…'}
                {copy.secondsLeft !== null ? `, ${durationWords(copy.secondsLeft)} left.` : copy.bytesPerSecond !== null ? '.' : ''}
              </Typography>
            )}
          </Box>
        )}
        <List aria-label={`Progress of ${stepsNoun(plan)}`} dense>
          {plan.steps.map((step, i) => {
            const state = progress.steps[step.id];
            return (
              <ListItem key={step.id} disableGutters>
                <ListItemText primary={`${i + 1}. ${step.title} - ${state ? STATE_WORDS[state] : 'Waiting'}`} />
              </ListItem>
            );
          })}
        </List>
        {progress.steps.rollback && (
          <Alert severity="warning" role="note">
            {progress.steps.rollback === 'undone'
              ? 'Everything this fix had done was put back.'
              : `Putting everything back${progress.current?.step === 'rollback' && progress.current.detail ? ` (${progress.current.detail})` : ''}: the steps done so far are undone, last first.`}
          </Alert>
        )}
        {running && (
          <Stack direction="row">
            <Button variant="outlined" color="warning" onClick={onStop} disabled={stopping}>
              {stopping ? 'Stopping and putting everything back…' : 'Stop and put everything back'}
            </Button>
          </Stack>
        )}
      </Stack>
    </section>
  );
}
