// An interrupted cache move found on the machine: said at the top of every page, and dealt with only
// when the user asks and confirms - the wizard never acts on it by itself.
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { AppInfo, FixOutcome, ScanRequest } from '../../../shared/api/wizard-api';
import { useApi } from '../api/context';

export function PendingMoveBanner({ info, request, onSettled }: { info: AppInfo; request: ScanRequest; onSettled: () => void }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [said, setSaid] = useState<{ severity: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const pending = info.pending;
  if (!pending && !said) return null;

  const settle = (result: Awaited<ReturnType<typeof api.recoverFix>>) => {
    setWorking(false);
    setConfirming(false);
    if (!result.ok) return setSaid({ severity: 'error', text: result.error.message });
    setSaid(describe(result.value));
    onSettled();
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
          <Typography>{pending!.message}</Typography>
          {confirming ? (
            <>
              <Typography>
                {pending!.damaged
                  ? 'Setting it aside keeps the record under a new name and starts the backup engine again if this tool stopped it. Nothing else changes. Do this only after someone has looked at it.'
                  : 'If its copy had been checked, the move is finished; otherwise everything is put back as it was. The backup engine is stopped while this runs.'}
              </Typography>
              <Stack direction="row" spacing={1}>
                <Button variant="contained" onClick={() => void act()} disabled={working}>
                  {working ? 'Working…' : pending!.damaged ? 'Set the record aside' : 'Finish or undo it now'}
                </Button>
                <Button onClick={() => setConfirming(false)} disabled={working}>
                  Not now
                </Button>
              </Stack>
            </>
          ) : (
            <Stack direction="row">
              <Button variant="outlined" onClick={() => setConfirming(true)}>
                {pending!.damaged ? 'Set the record aside…' : 'Deal with the interrupted move…'}
              </Button>
            </Stack>
          )}
        </Stack>
      )}
    </Alert>
  );
}

function describe(outcome: FixOutcome): { severity: 'success' | 'warning'; text: string } {
  if (outcome.outcome === 'done')
    return { severity: 'success', text: 'The interrupted move was finished: the cache is in its new folder and the backup engine runs.' };
  if (outcome.outcome === 'rolled-back')
    return {
      severity: 'warning',
      text: `The interrupted move was undone (${outcome.error}): the cache stays where it was, and the backup engine runs.`,
    };
  if (outcome.outcome === 'discarded') return { severity: 'success', text: 'The record was set aside (kept under a new name).' };
  return { severity: 'success', text: 'There was no interrupted move left to deal with.' };
}
