// The scan: each probe's progress as it happens (announced politely to screen readers), cancellable. While
// the selected folders are scanned, how far it is - files, bytes, files a second and the folder it is in -
// as often as the main process says (at least twice a second); those figures are shown, not announced,
// which at that pace would drown everything else a screen reader says.
import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { ScanOutcome, ScanRequest, ScanStep, SelectionScanProgress } from '../../../shared/api/wizard-api';
import { formatBytes, t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';

/** The probes in the order they run; each one's words are `wizard.scan.step.<step>`. */
const ORDER: readonly ScanStep[] = ['system', 'agent', 'volumes', 'cache', 'selection', 'network', 'report'];

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

  const seen = ORDER.filter((s) => steps[s]);
  return (
    <Stack spacing={2}>
      <List aria-label={t('wizard.scan.progress')} aria-live="polite">
        {seen.length === 0 && !error && (
          <ListItem>
            <ListItemIcon>
              <CircularProgress size={20} aria-hidden="true" />
            </ListItemIcon>
            <ListItemText primary={t('wizard.scan.starting')} />
          </ListItem>
        )}
        {seen.map((s) => (
          <ListItem key={s}>
            <ListItemIcon>
              {steps[s] === 'done' ? <span aria-hidden="true">✓</span> : <CircularProgress size={20} aria-hidden="true" />}
            </ListItemIcon>
            <ListItemText
              primary={t(`wizard.scan.step.${s}`)}
              secondary={steps[s] === 'done' ? t('wizard.scan.done') : t('wizard.scan.looking')}
            />
          </ListItem>
        ))}
      </List>
      {figures && steps.selection && (
        <Box role="group" aria-label={t('wizard.scan.figures.label')} sx={{ paddingInlineStart: 2 }}>
          <Typography>
            {steps.selection === 'running'
              ? t('wizard.scan.figures.running', { files: figures.files, size: formatBytes(figures.bytes), rate: figures.filesPerSecond })
              : t('wizard.scan.figures.done', { files: figures.files, size: formatBytes(figures.bytes) })}
          </Typography>
          {steps.selection === 'running' && (
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {t('wizard.scan.figures.current', { folder: figures.current })}
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
            {t('wizard.scan.backToSelection')}
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
            {cancelling ? t('wizard.scan.cancelling') : t('wizard.scan.cancel')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
