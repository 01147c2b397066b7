// The scan: each probe's progress as it happens (announced politely to screen readers), cancellable.
import { Alert, Button, CircularProgress, List, ListItem, ListItemIcon, ListItemText, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { ScanOutcome, ScanRequest, ScanStep } from '../../../shared/api/wizard-api';
import { useApi } from '../api/context';

const STEP_WORDS: Record<ScanStep, string> = {
  system: 'Windows, .NET, PowerShell and TLS',
  agent: 'The agent and its backup engine',
  volumes: 'Volumes',
  cache: 'The cache folder',
  selection: 'The folders to back up',
  network: "Microsoft's addresses",
  report: 'Holding it all against the support matrix',
};

export function ScanPage({ request, onDone, onBack }: { request: ScanRequest; onDone: (o: ScanOutcome) => void; onBack: () => void }) {
  const api = useApi();
  const [steps, setSteps] = useState<Partial<Record<ScanStep, 'running' | 'done'>>>({});
  const [error, setError] = useState<{ message: string; cancelled: boolean } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    const unsubscribe = api.onScanProgress((p) => setSteps((s) => ({ ...s, [p.step]: p.state })));
    // StrictMode runs effects twice in development; one scan is enough.
    if (!started.current) {
      started.current = true;
      void api.scan(request).then((result) => {
        if (result.ok) onDone(result.value);
        else setError({ message: result.error.message, cancelled: result.error.code === 'cancelled' });
      });
    }
    return unsubscribe;
  }, [api, request, onDone]);

  const order = Object.keys(STEP_WORDS) as ScanStep[];
  const seen = order.filter((s) => steps[s]);
  return (
    <Stack spacing={2}>
      <List aria-label="Scan progress" aria-live="polite">
        {seen.length === 0 && !error && (
          <ListItem>
            <ListItemIcon>
              <CircularProgress size={20} aria-hidden="true" />
            </ListItemIcon>
            <ListItemText primary="Starting…" />
          </ListItem>
        )}
        {seen.map((s) => (
          <ListItem key={s}>
            <ListItemIcon>
              {steps[s] === 'done' ? <span aria-hidden="true">✓</span> : <CircularProgress size={20} aria-hidden="true" />}
            </ListItemIcon>
            <ListItemText primary={STEP_WORDS[s]} secondary={steps[s] === 'done' ? 'Done' : 'Looking…'} />
          </ListItem>
        ))}
      </List>
      {error && (
        <Alert severity={error.cancelled ? 'info' : 'error'} role="alert">
          {error.message}
        </Alert>
      )}
      <Stack direction="row" spacing={2}>
        {error ? (
          <Button variant="contained" onClick={onBack}>
            Back to the selection
          </Button>
        ) : (
          <Button
            variant="outlined"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void api.cancelScan();
            }}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
