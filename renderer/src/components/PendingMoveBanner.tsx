// A fix running elsewhere (another window of the wizard, or the command line) is said as running - wait,
// then check again - never as interrupted. An interrupted fix found on the machine: said at the top of every page - what was found and what the
// wizard would do about it - and dealt with only when the user asks and confirms: the wizard never acts on
// it by itself, not on page load, not ever. Afterwards it says what was done, and the machine examined
// again (the fresh report) is handed to the app.
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { FIX_RUNNING_ELSEWHERE, type AppInfo, type FixOutcome, type ScanRequest } from '../../../shared/api/wizard-api';
import type { FixAction } from '../../../shared/actions/fix-plan';
import { t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';
import { engineWords } from './FixResult';

export function PendingMoveBanner({
  info,
  request,
  onSettled,
}: {
  info: AppInfo;
  request: ScanRequest;
  /** After the user's confirmed action: the outcome (with the machine examined again), or null on an error. */
  onSettled: (outcome: FixOutcome | null) => void;
}) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [said, setSaid] = useState<{ severity: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const pending = info.pending;
  // A fix that runs elsewhere (another window, the command line) is not interrupted: nothing to deal with here.
  if (!pending && !said)
    return info.fixRunning ? (
      <Alert severity="info" role="status" sx={{ mb: 2 }}>
        {FIX_RUNNING_ELSEWHERE}
      </Alert>
    ) : null;
  const noun = pending?.action ? KIND[pending.action] : 'fix';

  const settle = (result: Awaited<ReturnType<typeof api.recoverFix>>) => {
    setWorking(false);
    setConfirming(false);
    if (!result.ok) {
      setSaid({ severity: 'error', text: result.error.message });
      return onSettled(null);
    }
    setSaid(describe(result.value));
    onSettled(result.value);
  };
  const act = async () => {
    setWorking(true);
    settle(pending?.damaged ? await api.discardPendingMove(request) : await api.recoverFix(request));
  };

  return (
    <Alert severity={said?.severity ?? 'warning'} role="alert" sx={{ mb: 2 }}>
      {said ? (
        <Typography>{said.text}</Typography>
      ) : (
        <Stack spacing={1}>
          <AlertTitle component="p">{t('wizard.pending.title')}</AlertTitle>
          <Typography>{pending!.message}</Typography>
          <Typography>{pending!.damaged ? t('wizard.pending.willDo.damaged') : t('wizard.pending.willDo.recover')}</Typography>
          {confirming ? (
            <>
              <Typography sx={{ fontWeight: 600 }}>{t('wizard.pending.goAhead')}</Typography>
              <Stack direction="row" spacing={1}>
                <Button variant="contained" onClick={() => void act()} disabled={working}>
                  {working
                    ? t('wizard.pending.working')
                    : pending!.damaged
                      ? t('wizard.pending.setAside')
                      : t('wizard.pending.finishOrUndo')}
                </Button>
                <Button color="inherit" onClick={() => setConfirming(false)} disabled={working}>
                  {t('wizard.pending.notNow')}
                </Button>
              </Stack>
            </>
          ) : (
            <Stack direction="row">
              <Button variant="outlined" onClick={() => setConfirming(true)}>
                {pending!.damaged ? t('wizard.pending.setAsideAsk') : t('wizard.pending.dealWith', { noun })}
              </Button>
            </Stack>
          )}
        </Stack>
      )}
    </Alert>
  );
}

/** The fix's kind, as the messages choose their words. */
const KIND: Record<FixAction, 'move' | 'point' | 'start'> = {
  'relocate-cache': 'move',
  'point-registry': 'point',
  'start-engine': 'start',
};

function describe(outcome: FixOutcome): { severity: 'success' | 'warning'; text: string } {
  const args = {
    action: outcome.action ? KIND[outcome.action] : 'fix',
    engine: engineWords(outcome.after.profile.agent?.serviceState),
    from: String(outcome.from),
    to: String(outcome.to),
  };
  const fresh = t('wizard.pending.fresh');
  if (outcome.outcome === 'done') return { severity: 'success', text: `${t('wizard.pending.finished', args)} ${fresh}` };
  if (outcome.outcome === 'rolled-back')
    return { severity: 'warning', text: `${t('wizard.pending.undone', { ...args, reason: String(outcome.error) })} ${fresh}` };
  if (outcome.outcome === 'discarded')
    return { severity: 'success', text: `${t('wizard.pending.discarded', { path: String(outcome.from) })} ${fresh}` };
  return { severity: 'success', text: t('wizard.pending.nothingLeft') };
}
