// A fix running elsewhere (another window of the wizard, or the command line) is said as running - wait,
// then check again - never as interrupted. An interrupted fix found on the machine: said at the top of every page - what was found and what the
// wizard would do about it - and dealt with only when the user asks and confirms: the wizard never acts on
// it by itself, not on page load, not ever. Afterwards it says what was done, and the machine examined
// again (the fresh report) is handed to the app.
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { FIX_RUNNING_ELSEWHERE, type AppInfo, type FixOutcome, type ScanRequest } from '../../../shared/api/wizard-api';
import { useApi } from '../api/context';

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
  // The interrupted fix by its kind, as the record's sentence names it: "move", "change" or "start".
  const noun = /An interrupted (move|change|start)\b/.exec(pending?.message ?? '')?.[1] ?? 'fix';

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
  const willDo = pending?.damaged
    ? 'Setting it aside keeps the record under a new name and starts the backup engine again if this tool stopped it. Nothing else changes. Do this only after someone has looked at it.'
    : 'If its copy had been checked, the fix is finished; otherwise everything it did is put back as it was. The backup engine is stopped while this runs; afterwards this says whether it runs.';

  return (
    <Alert severity={said?.severity ?? 'warning'} role="alert" sx={{ mb: 2 }}>
      {said ? (
        <Typography>{said.text}</Typography>
      ) : (
        <Stack spacing={1}>
          <AlertTitle component="p">An interrupted fix was found</AlertTitle>
          <Typography>{pending!.message}</Typography>
          <Typography>What the wizard will do, once you confirm: {willDo} Nothing has been done about it yet.</Typography>
          {confirming ? (
            <>
              <Typography sx={{ fontWeight: 600 }}>This changes the machine now. Go ahead?</Typography>
              <Stack direction="row" spacing={1}>
                <Button variant="contained" onClick={() => void act()} disabled={working}>
                  {working ? 'Working…' : pending!.damaged ? 'Set the record aside' : 'Finish or undo it now'}
                </Button>
                <Button color="inherit" onClick={() => setConfirming(false)} disabled={working}>
                  Not now
                </Button>
              </Stack>
            </>
          ) : (
            <Stack direction="row">
              <Button variant="outlined" onClick={() => setConfirming(true)}>
                {pending!.damaged ? 'Set the record aside…' : `Deal with the interrupted ${noun}…`}
              </Button>
            </Stack>
          )}
        </Stack>
      )}
    </Alert>
  );
}

const WHAT = {
  'relocate-cache': 'move',
  'point-registry': 'change of the registry values',
  'start-engine': 'start of the backup engine',
} as const;

function describe(outcome: FixOutcome): { severity: 'success' | 'warning'; text: string } {
  const agent = outcome.after.profile.agent;
  const engine =
    agent?.serviceState === 'running'
      ? 'the backup engine runs'
      : `the backup engine is ${agent?.serviceState ?? 'in a state that could not be read'}`;
  const what = outcome.action ? WHAT[outcome.action] : 'fix';
  const fresh = 'The machine was examined again: the results show it as it is now.';
  if (outcome.outcome === 'done') {
    const where =
      outcome.action === 'relocate-cache'
        ? `the cache is in ${outcome.to}, both registry values name it, and ${engine}`
        : outcome.action === 'point-registry'
          ? `both registry values name ${outcome.to}, and ${engine}`
          : engine;
    return { severity: 'success', text: `The interrupted ${what} was finished: ${where}. ${fresh}` };
  }
  if (outcome.outcome === 'rolled-back') {
    const where =
      outcome.action === 'relocate-cache'
        ? `the cache stays in ${outcome.from}, both registry values are as they were, what was copied to ${outcome.to} was deleted, and ${engine}`
        : outcome.action === 'point-registry'
          ? `both registry values are as they were, and ${engine}`
          : engine;
    return { severity: 'warning', text: `The interrupted ${what} was undone (${outcome.error}): ${where}. ${fresh}` };
  }
  if (outcome.outcome === 'discarded')
    return { severity: 'success', text: `The record was set aside (kept under a new name, ${outcome.from}). ${fresh}` };
  return { severity: 'success', text: 'There was no interrupted fix left to deal with.' };
}
