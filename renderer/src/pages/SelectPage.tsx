// What to back up: folders (typed, or picked in the desktop app), System State, the upload bandwidth,
// the cache folder to examine, and, under settings, the matrix edition and the network test. A sandbox
// machine may record what its owner means to back up: that selection is filled in here, once, where the
// user sees it and can change it - and it is used only as the user leaves it (never behind their back).
import {
  Alert,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  IconButton,
  InputLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { AppInfo, ScanRequest } from '../../../shared/api/wizard-api';
import type { EditionId } from '../../../shared/matrix/types';
import { formatList, formatNumber, t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';

type Recorded = NonNullable<AppInfo['recordedSelection']>;
/** The wizards (one per API) whose recorded selection was filled in already: once, at the first visit. */
const filledIn = new WeakSet<object>();

const recordedWords = (recorded: Recorded) =>
  formatList([...recorded.paths, ...(recorded.systemState ? [t('wizard.select.systemState')] : [])]) || t('wizard.select.recorded.nothing');
const sameSelection = (request: ScanRequest, recorded: Recorded) =>
  request.systemState === recorded.systemState &&
  request.paths.length === recorded.paths.length &&
  recorded.paths.every((p) => request.paths.includes(p));

export function SelectPage({
  info,
  request,
  onChange,
  onBack,
  onScan,
}: {
  info: AppInfo | null;
  request: ScanRequest;
  onChange: (r: ScanRequest) => void;
  onBack: () => void;
  onScan: () => void;
}) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  const [mbps, setMbps] = useState(request.uploadMbps === null ? '' : String(request.uploadMbps));
  const mbpsValue = mbps.trim() === '' ? null : Number(mbps);
  const mbpsError = mbpsValue !== null && (!Number.isFinite(mbpsValue) || mbpsValue < 0);
  const recorded = info?.recordedSelection ?? null;
  const applyRecorded = (r: Recorded) => onChange({ ...request, paths: [...r.paths], systemState: r.systemState });

  // The first time the page is seen with a recorded selection, and nothing chosen yet, it is filled in.
  useEffect(() => {
    if (!recorded || filledIn.has(api)) return;
    filledIn.add(api);
    if (request.paths.length === 0 && !request.systemState) applyRecorded(recorded);
    // Only when the recorded selection is first known: later changes are the user's.
  }, [recorded, api]);

  const add = (path: string) => {
    const clean = path.trim();
    if (clean && !request.paths.includes(clean)) onChange({ ...request, paths: [...request.paths, clean] });
    setTyped('');
  };
  const pick = async () => {
    const result = await api.pickFolder();
    if (result.ok && result.value) add(result.value);
    else if (!result.ok) setPickError(result.error.message);
  };

  return (
    <Stack spacing={3} component="form" onSubmit={(e) => (e.preventDefault(), add(typed))}>
      <section aria-labelledby="folders-heading">
        <Typography id="folders-heading" component="h2" variant="h6">
          {t('wizard.select.folders.heading')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('wizard.select.folders.hint')}
        </Typography>
        {recorded && (
          <Alert
            severity="info"
            role="note"
            sx={{ mb: 1 }}
            action={
              sameSelection(request, recorded) ? undefined : (
                <Button color="inherit" size="small" onClick={() => applyRecorded(recorded)}>
                  {t('wizard.select.recorded.use')}
                </Button>
              )
            }
          >
            {t('wizard.select.recorded.text', { what: recordedWords(recorded), same: sameSelection(request, recorded) ? 'yes' : 'no' })}
          </Alert>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextField
            label={t('wizard.select.folders.field')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            size="small"
            sx={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" variant="outlined" disabled={typed.trim() === ''}>
            {t('wizard.select.folders.add')}
          </Button>
          {info?.mode === 'desktop' && (
            <Button variant="outlined" onClick={() => void pick()}>
              {t('wizard.select.folders.browse')}
            </Button>
          )}
        </Stack>
        {pickError && (
          <Alert severity="warning" role="note">
            {pickError}
          </Alert>
        )}
        <List aria-label={t('wizard.select.folders.list')}>
          {request.paths.length === 0 && (
            <ListItem disableGutters>
              <ListItemText secondary={t('wizard.select.folders.none')} />
            </ListItem>
          )}
          {request.paths.map((path) => (
            <ListItem
              key={path}
              disableGutters
              secondaryAction={
                <IconButton
                  edge="end"
                  aria-label={t('wizard.select.folders.remove', { path })}
                  onClick={() => onChange({ ...request, paths: request.paths.filter((p) => p !== path) })}
                >
                  <span aria-hidden="true">✕</span>
                </IconButton>
              }
            >
              <ListItemText primary={path} />
            </ListItem>
          ))}
        </List>
        <FormControlLabel
          control={<Checkbox checked={request.systemState} onChange={(e) => onChange({ ...request, systemState: e.target.checked })} />}
          label={t('wizard.select.systemStateToo')}
        />
      </section>

      <section aria-labelledby="more-heading">
        <Typography id="more-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
          {t('wizard.select.more.heading')}
        </Typography>
        <Stack spacing={2}>
          <TextField
            label={t('wizard.select.bandwidth.field')}
            value={mbps}
            size="small"
            inputMode="decimal"
            error={mbpsError}
            helperText={
              mbpsError
                ? t('wizard.select.bandwidth.invalid', { example1: formatNumber(20), example2: formatNumber(0.5) })
                : t('wizard.select.bandwidth.hint')
            }
            onChange={(e) => {
              setMbps(e.target.value);
              const n = e.target.value.trim() === '' ? null : Number(e.target.value);
              if (n === null || (Number.isFinite(n) && n >= 0)) onChange({ ...request, uploadMbps: n });
            }}
          />
          <TextField
            label={t('wizard.select.cache.field')}
            value={request.cachePath ?? ''}
            size="small"
            helperText={t('wizard.select.cache.hint')}
            onChange={(e) => onChange({ ...request, cachePath: e.target.value.trim() === '' ? null : e.target.value })}
          />
          <FormControlLabel
            control={<Switch checked={!request.offline} onChange={(e) => onChange({ ...request, offline: !e.target.checked })} />}
            label={t('wizard.select.network')}
          />
          <FormControl size="small" sx={{ maxWidth: '22rem' }}>
            <InputLabel id="edition-label">{t('wizard.select.edition.field')}</InputLabel>
            <Select
              labelId="edition-label"
              label={t('wizard.select.edition.field')}
              value={request.edition}
              onChange={(e) => onChange({ ...request, edition: e.target.value as EditionId })}
            >
              {(info?.editions ?? [{ id: 'current', date: '2026-03' }]).map((e) => (
                <MenuItem key={e.id} value={e.id}>
                  {t(e.id === 'current' ? 'wizard.select.edition.current' : 'wizard.select.edition.original', { date: e.date })}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Stack>
      </section>

      <Stack direction="row" spacing={2}>
        <Button onClick={onBack}>{t('wizard.select.back')}</Button>
        <Button variant="contained" onClick={onScan} disabled={mbpsError}>
          {t('wizard.select.scan')}
        </Button>
      </Stack>
    </Stack>
  );
}
