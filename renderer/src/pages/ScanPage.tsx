// The scan: each probe's progress as it happens (announced politely to screen readers), cancellable. While
// the selected folders are scanned, how far it is - files, bytes, files a second and the folder it is in -
// as often as the main process says (at least twice a second); those figures are shown, not announced,
// which at that pace would drown everything else a screen reader says.
import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { ScanOutcome, ScanRequest, ScanStep, SelectionScanProgress } from '../../../shared/api/wizard-api';
import { plural } from '../../../shared/rules/finding';
import { formatBytes } from '../../../shared/i18n/translate';
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
  const [figures, setFigures] = useState<SelectionScanProgress | null>(null);
  const [error, setError] = useState<{ message: string; cancelled: boolean } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    const unsubscribe = api.onScanProgress((p) => {
      setSteps((s) => ({ ...s, [p.step]: p.state }));
      if (p.selection) setFigures(p.selection);
    });
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
      {figures && steps.selection && (
        <Box role="group" aria-label="How far the scan of the folders is" sx={{ pl: 2 }}>
          <Typography>
            {steps.selection === 'done' ? 'Scanned' : 'So far'}: {plural(figures.files, 'file')}, {formatBytes(figures.bytes)}
            {steps.selection === 'running' ? `, ${plural(figures.filesPerSecond, 'file')} a second` : ''}.
          </Typography>
          {steps.selection === 'running' && (
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              Now in {figures.current}
            </Typography>
          )}
        </Box>
      )}
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
