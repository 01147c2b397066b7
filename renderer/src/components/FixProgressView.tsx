// A fix while it runs: the step it is on, in words; each step's state; for a copy, a bar with the files
// and bytes copied of the total, the throughput and the time left (one reckoning with the terminal's:
// ProgressRate); and a Stop that puts everything back, there at every moment. Progress events can come
// thousands a second (one a file): they are taken as they come and shown a few times a second.
import { Alert, Box, Button, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { stepWords, type FixPlan } from '../../../shared/actions/fix-plan';
import { durationWords, ProgressRate, type RateReading } from '../../../shared/actions/progress-rate';
import type { FixProgress, WizardApi } from '../../../shared/api/wizard-api';
import { formatBytes, t } from '../../../shared/i18n/translate';

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

/** The list of a plan's steps: "Steps of the move" on the confirmation, "Progress of the move" here. */
export function stepsKind(plan: FixPlan): 'move' | 'fix' {
  return plan.action === 'relocate-cache' ? 'move' : 'fix';
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
        ? t('wizard.progress.allPutBack')
        : current.detail
          ? t('wizard.progress.puttingBackWhy', { reason: current.detail })
          : t('wizard.progress.puttingBack')
      : t('wizard.progress.stepState', { step: stepWords(plan, current.step), state: current.state })
    : t('wizard.progress.starting');
  return (
    <section aria-labelledby="fix-progress-heading">
      <Stack spacing={1.5}>
        <Typography id="fix-progress-heading" component="h2" variant="h6">
          {running
            ? plan.action === 'relocate-cache'
              ? t('wizard.progress.heading.move', { folder: String(plan.to) })
              : t('wizard.progress.heading.fix')
            : t('wizard.progress.heading.done')}
        </Typography>
        <Typography role="status" aria-live="polite" sx={{ fontWeight: 600 }}>
          {running ? t('wizard.progress.now', { what: now }) : null}
        </Typography>
        {copy && (
          <Box>
            <LinearProgress
              variant="determinate"
              value={copy.totalBytes > 0 ? Math.min(100, Math.round((copy.bytes / copy.totalBytes) * 100)) : 100}
              aria-label={t('wizard.progress.copy.label')}
              aria-valuetext={t('wizard.progress.copy.value', { copied: formatBytes(copy.bytes), total: formatBytes(copy.totalBytes) })}
              sx={{ height: 10, borderRadius: 1 }}
            />
            <Typography sx={{ mt: 0.5 }}>
              {t('wizard.progress.copy.counts', {
                files: copy.files,
                totalFiles: copy.totalFiles,
                bytes: formatBytes(copy.bytes),
                totalBytes: formatBytes(copy.totalBytes),
              })}
            </Typography>
            {copying && (
              <Typography color="text.secondary">
                {copy.bytesPerSecond !== null
                  ? copy.secondsLeft !== null
                    ? t('wizard.progress.copy.rateLeft', { rate: formatBytes(copy.bytesPerSecond), left: durationWords(copy.secondsLeft) })
                    : t('wizard.progress.copy.rate', { rate: formatBytes(copy.bytesPerSecond) })
                  : copy.secondsLeft !== null
                    ? t('wizard.progress.copy.measuringLeft', { left: durationWords(copy.secondsLeft) })
                    : t('wizard.progress.copy.measuring')}
              </Typography>
            )}
          </Box>
        )}
        <List aria-label={t('wizard.progress.stepsList', { kind: stepsKind(plan) })} dense>
          {plan.steps.map((step, i) => {
            const state = progress.steps[step.id];
            return (
              <ListItem key={step.id} disableGutters>
                <ListItemText primary={t('wizard.progress.step', { number: i + 1, title: step.title, state: state ?? 'waiting' })} />
              </ListItem>
            );
          })}
        </List>
        {progress.steps.rollback && (
          <Alert severity="warning" role="note">
            {progress.steps.rollback === 'undone'
              ? t('wizard.progress.rollback.done')
              : progress.current?.step === 'rollback' && progress.current.detail
                ? t('wizard.progress.rollback.runningWhy', { reason: progress.current.detail })
                : t('wizard.progress.rollback.running')}
          </Alert>
        )}
        {running && (
          <Stack direction="row">
            <Button variant="outlined" color="warning" onClick={onStop} disabled={stopping}>
              {stopping ? t('wizard.progress.stopping') : t('wizard.progress.stop')}
            </Button>
          </Stack>
        )}
      </Stack>
    </section>
  );
}
