// The guided cache move: choose the target folder, see every step (what it does, how it is undone) before
// anything runs, follow the progress, and see the machine examined again afterwards. Where the wizard
// cannot move the cache itself, it says so and gives the safe manual steps.
import { Alert, Box, Button, LinearProgress, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { planRelocation } from '../../../shared/actions/relocate-plan';
import type { FixPlan } from '../../../shared/actions/fix-plan';
import { fixScript } from '../../../shared/actions/powershell-script';
import { suggestTarget } from '../../../shared/actions/suggest-target';
import type { AppInfo, FixOutcome, FixProgress, ScanRequest } from '../../../shared/api/wizard-api';
import { MOVE_CACHE_STEPS } from '../../../shared/rules/cache';
import type { Finding } from '../../../shared/report/types';
import { formatBytes } from '../../../shared/util/units';
import { useApi } from '../api/context';
import { FindingCard } from '../components/FindingCard';
import type { Examined } from '../state';

const STATE_WORDS: Record<FixProgress['state'], string> = {
  running: 'Running…',
  done: 'Done',
  failed: 'Failed',
  undoing: 'Undoing…',
  undone: 'Undone',
};

export function FixPage({
  finding,
  examined,
  request,
  onDone,
  onBack,
  info,
}: {
  info: AppInfo | null;
  finding: Finding;
  examined: Examined;
  request: ScanRequest;
  onDone: (e: Examined) => void;
  onBack: () => void;
}) {
  const api = useApi();
  const [to, setTo] = useState(() => suggestTarget(examined.profile));
  // A profile opened from a file describes another machine (or this one, some time ago): nothing is done
  // here for it. Its fix is that machine's script, planned from the profile's own paths and volumes.
  const elsewhere = examined.source === 'opened';
  // Where the cache was when the page opened: the results update once it has moved.
  const [from] = useState(() => examined.profile.cache?.path ?? null);
  const [plan, setPlan] = useState<FixPlan | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [unsupported, setUnsupported] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<string, FixProgress>>({});
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<FixOutcome | null>(null);

  useEffect(() => api.onFixProgress((p) => setProgress((all) => ({ ...all, [p.step]: { ...all[p.step], ...p } }))), [api]);

  const check = async () => {
    setPlan(null);
    setProblems([]);
    const result = await api.planFix({ action: 'relocate-cache', to });
    if (!result.ok) {
      if (result.error.code === 'unsupported') setUnsupported(result.error.message);
      else setProblems([result.error.message]);
      return;
    }
    if (result.value.ok) setPlan(result.value.plan);
    else setProblems(result.value.problems);
  };
  const move = async () => {
    if (!plan) return;
    setRunning(true);
    setProgress({});
    const result = await api.runFix(plan, { ...request, edition: examined.report.matrix.edition });
    setRunning(false);
    if (!result.ok) return setProblems([result.error.message]);
    setOutcome(result.value);
    onDone({ ...result.value.after, source: 'live' });
  };

  const copy = progress.copy;
  return (
    <Stack spacing={2}>
      <FindingCard finding={finding} />
      <Typography component="h2" variant="h6">
        Move the cache folder
      </Typography>
      <Typography>
        The cache{from ? ` (in ${from})` : ''} is copied, never moved, with its permissions; the copy is checked file by file; then both
        registry values name it and the backup engine starts again. If any step fails, everything is put back. The old folder stays until
        you delete it after a successful backup.
      </Typography>

      {elsewhere ? (
        <ElsewhereFix examined={examined} to={to} setTo={setTo} />
      ) : outcome ? null : unsupported ? (
        <>
          <Alert severity="info" role="note">
            {unsupported}
          </Alert>
          <Box component="ol" sx={{ pl: 3 }}>
            {MOVE_CACHE_STEPS.map((s) => (
              <li key={s}>
                <Typography component="span">{s}</Typography>
              </li>
            ))}
          </Box>
        </>
      ) : (
        <Stack spacing={2} component="form" onSubmit={(e) => (e.preventDefault(), void check())}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <TextField
              label="Move the cache to"
              value={to}
              size="small"
              sx={{ flex: '1 1 18rem' }}
              slotProps={{ input: { readOnly: running } }}
              onChange={(e) => {
                setTo(e.target.value);
                setPlan(null);
                setProblems([]);
              }}
              helperText="A new or empty folder on a local, fixed NTFS volume with room to spare."
            />
            <Button type="submit" variant="outlined" disabled={to.trim() === '' || running}>
              Check this folder
            </Button>
          </Stack>
          {problems.length > 0 && (
            <Alert severity="error" role="alert">
              <Typography sx={{ fontWeight: 600 }}>The cache cannot go there:</Typography>
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </Box>
            </Alert>
          )}
        </Stack>
      )}

      {plan && !elsewhere && (
        <section aria-labelledby="plan-heading">
          <Typography>This acts on {info?.machine.label ?? 'this machine'}.</Typography>
          {plan.cautions.map((c) => (
            <Alert key={c} severity="warning" role="note">
              {c}
            </Alert>
          ))}
          <Typography id="plan-heading" component="h2" variant="h6">
            The steps, before anything runs
          </Typography>
          <List aria-label="Steps of the move" aria-live="polite">
            {plan.steps.map((step, i) => {
              const state = progress[step.id]?.state;
              return (
                <ListItem key={step.id} disableGutters sx={{ display: 'block' }}>
                  <ListItemText
                    primary={`${i + 1}. ${step.title}${state ? ` - ${STATE_WORDS[state]}` : ''}`}
                    secondary={`${step.does} If undone: ${step.undo}`}
                  />
                  {step.id === 'copy' && copy?.totalBytes !== undefined && (
                    <Box>
                      <LinearProgress
                        variant="determinate"
                        value={copy.totalBytes ? ((copy.bytes ?? 0) / copy.totalBytes) * 100 : 100}
                        aria-label="Copy progress"
                      />
                      <Typography variant="body2" color="text.secondary">
                        {copy.files} of {copy.totalFiles} files, {formatBytes(copy.bytes ?? 0)} of {formatBytes(copy.totalBytes)}
                      </Typography>
                    </Box>
                  )}
                </ListItem>
              );
            })}
          </List>
          {progress.rollback && (
            <Alert severity="warning" role="note">
              Undoing the move: {progress.rollback.detail ?? progress.rollback.state}
            </Alert>
          )}
          {!outcome && (
            <Stack direction="row" spacing={2}>
              <Button variant="contained" onClick={() => void move()} disabled={running}>
                {running ? 'Moving the cache…' : `Move the cache to ${plan.to}`}
              </Button>
              {running && (
                <Button variant="outlined" onClick={() => void api.cancelFix()}>
                  Stop and put everything back
                </Button>
              )}
            </Stack>
          )}
        </section>
      )}

      <div role="status" aria-live="polite">
        {outcome?.outcome === 'done' && (
          <Alert severity="success">
            The cache now lives in {plan?.to}: the copy matched the original file by file, both registry values name it, and the backup
            engine runs. The machine was examined again: see the results. Run a backup now, and delete {plan?.from} only after it succeeds.
          </Alert>
        )}
        {outcome?.outcome === 'rolled-back' && (
          <Alert severity="warning">
            The move did not complete ({outcome.error}), so everything was put back: the cache stays in {plan?.from} and the backup engine
            runs.
          </Alert>
        )}
      </div>
      <Stack direction="row">
        <Button onClick={onBack} disabled={running}>
          Back to the results
        </Button>
      </Stack>
    </Stack>
  );
}

/** For another machine's profile: that machine's script and a ticket text, never an action here. */
function ElsewhereFix({ examined, to, setTo }: { examined: Examined; to: string; setTo: (to: string) => void }) {
  const host = examined.profile.host?.name ?? 'the machine this profile describes';
  const planned = to.trim() ? planRelocation({ profile: examined.profile, to, target: null, offlineSeeding: null }) : null;
  const script = planned?.ok ? fixScript(planned.plan) : null;
  const ticket = planned?.ok
    ? [
        `Please move the MARS agent's cache folder on ${host}.`,
        `From: ${planned.plan.from}`,
        `To: ${planned.plan.to}`,
        `It needs ${formatBytes(planned.plan.neededBytes)} free on the new volume. Run the attached PowerShell script there, in an administrator window; it stops the backup engine, copies and checks the cache, switches both registry values and starts the engine again, and puts everything back if any step fails.`,
      ].join('\n')
    : null;
  return (
    <Stack spacing={2}>
      <Alert severity="info" role="note">
        This profile was opened from a file ({examined.fileName ?? 'a saved profile'}), so nothing is changed on this machine. Below is the
        script to run on {host} itself, made from the profile's own paths, and a ticket text for whoever looks after it.
      </Alert>
      <TextField label={`Move the cache on ${host} to`} value={to} size="small" onChange={(e) => setTo(e.target.value)} />
      {planned && !planned.ok && (
        <Alert severity="error" role="alert">
          <Typography sx={{ fontWeight: 600 }}>The cache cannot go there:</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {planned.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </Box>
        </Alert>
      )}
      {ticket && <TextField label="Ticket text" value={ticket} multiline minRows={4} slotProps={{ input: { readOnly: true } }} />}
      {script && (
        <TextField
          label={`PowerShell script for ${host}`}
          value={script}
          multiline
          minRows={6}
          maxRows={16}
          slotProps={{ input: { readOnly: true } }}
        />
      )}
    </Stack>
  );
}
