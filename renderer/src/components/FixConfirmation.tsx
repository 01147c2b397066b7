// A planned fix before anything runs: what it does, in the numbers the plan carries (the cache's size and
// files, the free space before and after, the time it takes and how long the backup engine is stopped),
// exactly which folders and registry values change, what was checked and what could not be, and each
// step with how it is undone. The same sentences as the terminal's (shared/actions/describe-plan).
// Nothing runs until the explicit button; with cautions, only once the user says they have read them.
import { Alert, AlertTitle, Box, Button, Checkbox, FormControlLabel, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { changeLines, figureLines, planHeadline } from '../../../shared/actions/describe-plan';
import type { FixPlan } from '../../../shared/actions/fix-plan';
import { t } from '../../../shared/i18n/translate';
import { stepsKind } from './FixProgressView';

/** The words of the button that starts the fix: what it does, to what. */
export function confirmWords(plan: FixPlan): string {
  if (plan.action === 'relocate-cache') return t('wizard.confirm.button.move', { folder: String(plan.to) });
  if (plan.action === 'point-registry') return t('wizard.confirm.button.point', { folder: String(plan.to) });
  return t('wizard.confirm.button.start');
}

/** The figures, or for a fix that copies nothing, what that means for the engine. */
function figures(plan: FixPlan): string[] {
  const lines = figureLines(plan);
  if (lines.length > 0) return lines;
  if (plan.action === 'point-registry') return [t('wizard.confirm.figures.point')];
  return [t('wizard.confirm.figures.start')];
}

export function FixConfirmation({
  plan,
  machineLabel,
  onConfirm,
  onCancel,
}: {
  plan: FixPlan;
  machineLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [read, setRead] = useState(false);
  const id = useId();
  const mustRead = plan.cautions.length > 0;
  const heading = `${id}-heading`;
  return (
    <Box component="section" aria-labelledby={heading}>
      <Stack spacing={2}>
        <div>
          <Typography id={heading} component="h2" variant="h5">
            {planHeadline(plan)}
          </Typography>
          <Typography color="text.secondary">{t('wizard.confirm.nothingYet', { machine: machineLabel })}</Typography>
        </div>

        {plan.cautions.length > 0 && (
          <Alert severity="warning" variant="outlined" role="note">
            <AlertTitle component="h3">{t('wizard.confirm.cautions')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, paddingInlineStart: 3 }}>
              {plan.cautions.map((c) => (
                <li key={c}>
                  <Typography component="span">{t('wizard.confirm.caution', { caution: c })}</Typography>
                </li>
              ))}
            </Box>
          </Alert>
        )}

        <section aria-labelledby={`${id}-numbers`}>
          <Typography id={`${id}-numbers`} component="h3" variant="h6">
            {t('wizard.confirm.numbers')}
          </Typography>
          <Box component="ul" sx={{ my: 0.5, paddingInlineStart: 3 }}>
            {figures(plan).map((line) => (
              <li key={line}>
                <Typography component="span">{line}</Typography>
              </li>
            ))}
          </Box>
        </section>

        <section aria-labelledby={`${id}-changes`}>
          <Typography id={`${id}-changes`} component="h3" variant="h6">
            {t('wizard.confirm.changes')}
          </Typography>
          <Box component="ul" sx={{ my: 0.5, paddingInlineStart: 3 }} aria-label={t('wizard.confirm.changes')}>
            {changeLines(plan).map((line) => (
              <li key={line}>
                <Typography component="span" sx={{ overflowWrap: 'anywhere' }}>
                  {line}
                </Typography>
              </li>
            ))}
          </Box>
        </section>

        <section aria-labelledby={`${id}-checked`}>
          <Typography id={`${id}-checked`} component="h3" variant="h6">
            {t('wizard.confirm.checked')}
          </Typography>
          <Box component="ul" sx={{ my: 0.5, paddingInlineStart: 3 }}>
            {plan.preconditions.map((p) => (
              <li key={p.id}>
                <Typography component="span">{p.says}</Typography>
              </li>
            ))}
          </Box>
        </section>

        <section aria-labelledby={`${id}-steps`}>
          <Typography id={`${id}-steps`} component="h3" variant="h6">
            {t('wizard.confirm.steps')}
          </Typography>
          <Typography color="text.secondary">{t('wizard.confirm.stepsUndone')}</Typography>
          <List aria-label={t('wizard.confirm.stepsList', { kind: stepsKind(plan) })}>
            {plan.steps.map((step, i) => (
              <ListItem key={step.id} disableGutters sx={{ display: 'block' }}>
                <ListItemText
                  primary={t('wizard.confirm.step', { number: i + 1, title: step.title })}
                  secondary={t('wizard.confirm.stepUndo', { does: step.does, undo: step.undo })}
                  slotProps={{ primary: { sx: { fontWeight: 600 } } }}
                />
              </ListItem>
            ))}
          </List>
          {plan.action === 'relocate-cache' && <Typography>{t('wizard.confirm.originalStays')}</Typography>}
        </section>

        {mustRead && (
          <FormControlLabel
            control={<Checkbox checked={read} onChange={(e) => setRead(e.target.checked)} />}
            label={t('wizard.confirm.read')}
          />
        )}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={onConfirm} disabled={mustRead && !read}>
            {confirmWords(plan)}
          </Button>
          <Button onClick={onCancel}>{t('wizard.confirm.notNow')}</Button>
        </Stack>
      </Stack>
    </Box>
  );
}
