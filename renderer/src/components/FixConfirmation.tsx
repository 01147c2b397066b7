// A planned fix before anything runs: what it does, in the numbers the plan carries (the cache's size and
// files, the free space before and after, the time it takes and how long the backup engine is stopped),
// exactly which folders and registry values change, what was checked and what could not be, and each
// step with how it is undone. The same sentences as the terminal's (shared/actions/describe-plan).
// Nothing runs until the explicit button; with cautions, only once the user says they have read them.
import { Alert, AlertTitle, Box, Button, Checkbox, FormControlLabel, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { changeLines, figureLines, planHeadline } from '../../../shared/actions/describe-plan';
import type { FixPlan } from '../../../shared/actions/fix-plan';
import { stepsNoun } from './FixProgressView';

/** The words of the button that starts the fix: what it does, to what. */
export function confirmWords(plan: FixPlan): string {
  if (plan.action === 'relocate-cache') return `Move the cache to ${plan.to} now`;
  if (plan.action === 'point-registry') return `Point both values at ${plan.to}`;
  return 'Start the backup engine';
}

/** The figures, or for a fix that copies nothing, what that means for the engine. */
function figures(plan: FixPlan): string[] {
  const lines = figureLines(plan);
  if (lines.length > 0) return lines;
  if (plan.action === 'point-registry')
    return ['Nothing is copied or deleted. The backup engine is stopped only while the two values change: a few seconds.'];
  return ['Nothing is copied, deleted or changed besides the state of the backup engine.'];
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
          <Typography color="text.secondary">Nothing has been changed yet. This acts on {machineLabel}, once you confirm below.</Typography>
        </div>

        {plan.cautions.length > 0 && (
          <Alert severity="warning" variant="outlined" role="note">
            <AlertTitle component="h3">Read this first: not checked</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {plan.cautions.map((c) => (
                <li key={c}>
                  <Typography component="span">Not checked: {c}</Typography>
                </li>
              ))}
            </Box>
          </Alert>
        )}

        <section aria-labelledby={`${id}-numbers`}>
          <Typography id={`${id}-numbers`} component="h3" variant="h6">
            In numbers
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
            {figures(plan).map((line) => (
              <li key={line}>
                <Typography component="span">{line}</Typography>
              </li>
            ))}
          </Box>
        </section>

        <section aria-labelledby={`${id}-changes`}>
          <Typography id={`${id}-changes`} component="h3" variant="h6">
            What changes
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }} aria-label="What changes">
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
            Checked before this was offered
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
            {plan.preconditions.map((p) => (
              <li key={p.id}>
                <Typography component="span">{p.says}</Typography>
              </li>
            ))}
          </Box>
        </section>

        <section aria-labelledby={`${id}-steps`}>
          <Typography id={`${id}-steps`} component="h3" variant="h6">
            The steps, and how each is undone
          </Typography>
          <Typography color="text.secondary">
            If any step fails, or you press Stop, the steps already done are undone, last first.
          </Typography>
          <List aria-label={`Steps of ${stepsNoun(plan)}`}>
            {plan.steps.map((step, i) => (
              <ListItem key={step.id} disableGutters sx={{ display: 'block' }}>
                <ListItemText
                  primary={`${i + 1}. ${step.title}`}
                  secondary={`${step.does} If undone: ${step.undo}`}
                  slotProps={{ primary: { sx: { fontWeight: 600 } } }}
                />
              </ListItem>
            ))}
          </List>
          {plan.action === 'relocate-cache' && (
            <Typography>The original folder stays; delete it only after a backup has succeeded.</Typography>
          )}
        </section>

        {mustRead && (
          <FormControlLabel
            control={<Checkbox checked={read} onChange={(e) => setRead(e.target.checked)} />}
            label="I have read what will change and what was not checked"
          />
        )}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={onConfirm} disabled={mustRead && !read}>
            {confirmWords(plan)}
          </Button>
          <Button onClick={onCancel}>Not now</Button>
        </Stack>
      </Stack>
    </Box>
  );
}
