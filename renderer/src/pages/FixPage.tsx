// The Fix page for the action a finding names - move the cache (a folder to choose first), point both
// registry values at the cache, or start the backup engine. It plans from the machine as it is now and
// shows the plan with its numbers before anything runs; the fix runs only when the user confirms; while it
// runs it shows its progress and can be stopped, which puts everything back; afterwards the machine
// examined again is the new truth, and the result stands at the top. For a profile opened from a file the
// page changes nothing here: it gives that machine's script, or the steps by hand, and a ticket text.
import { Alert, AlertTitle, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FIX_TITLES, type FixAction, type FixPlan } from '../../../shared/actions/fix-plan';
import { namedFolders, planPointRegistry } from '../../../shared/actions/point-registry-plan';
import { fixScript } from '../../../shared/actions/powershell-script';
import { planRelocation } from '../../../shared/actions/relocate-plan';
import { planStartEngine } from '../../../shared/actions/start-engine-plan';
import { suggestTarget } from '../../../shared/actions/suggest-target';
import type { AppInfo, FixOutcome, ScanRequest } from '../../../shared/api/wizard-api';
import { guiSteps, type ReportOrigin } from '../../../shared/report/gui-words';
import type { Finding } from '../../../shared/report/types';
import { samePath } from '../../../shared/util/paths';
import { formatBytes, formatList, joinSentences, t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';
import { FixConfirmation } from '../components/FixConfirmation';
import { FixProgressView, useFixProgress } from '../components/FixProgressView';
import { FixDoneAlert, fixDone, putBackWords, type FixDone } from '../components/FixResult';
import type { Examined } from '../state';

type Phase =
  | { kind: 'choose' }
  | { kind: 'planning' }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'fixed'; message: string }
  | { kind: 'unsupported'; message: string }
  | { kind: 'confirm'; plan: FixPlan }
  | { kind: 'running'; plan: FixPlan; stopping: boolean }
  | { kind: 'done'; plan: FixPlan; done: FixDone }
  | { kind: 'put-back'; plan: FixPlan; outcome: FixOutcome; stopped: boolean }
  | { kind: 'failed'; plan: FixPlan | null; message: string };

const TITLES = FIX_TITLES;

const HOW = {
  'relocate-cache': 'wizard.fix.how.relocateCache',
  'point-registry': 'wizard.fix.how.pointRegistry',
  'start-engine': 'wizard.fix.how.startEngine',
} as const satisfies Record<FixAction, string>;

export function FixPage({
  finding,
  examined,
  request,
  onDone,
  onBack,
  onRunning,
  info,
}: {
  info: AppInfo | null;
  finding: Finding;
  examined: Examined;
  request: ScanRequest;
  /** The machine examined again after a fix, and, when the fix was done, what it fixed. */
  onDone: (e: Examined, done: FixDone | null) => void;
  onBack: () => void;
  /** Told when a fix starts and ends: while it runs, the page must stay open (its Stop is here). */
  onRunning?: (running: boolean) => void;
}) {
  const api = useApi();
  const action: FixAction = finding.fix?.action ?? 'relocate-cache';
  // A profile opened from a file describes another machine (or this one, some time ago): nothing is done
  // here for it. Its fix is that machine's script, planned from the profile's own paths and volumes.
  const elsewhere = examined.source === 'opened';
  const [to, setTo] = useState(() => suggestTarget(examined.profile));
  const [phase, setPhase] = useState<Phase>(action === 'relocate-cache' ? { kind: 'choose' } : { kind: 'planning' });
  const running = phase.kind === 'running';
  const { progress, start, finish } = useFixProgress(api);
  useEffect(() => onRunning?.(running), [onRunning, running]);
  // Only a finding that names this fix: "Move the cache folder to another volume…" is offered on a pass.
  const check = finding.fix?.action ? finding.check : null;
  const subject = finding.subject ?? null;
  const forFinding = useMemo(() => (check ? { check, subject } : null), [check, subject]);
  const planned = useRef(0);
  const result = useRef<HTMLDivElement>(null);
  // The report the fix started from: what "now passes" is measured against.
  const before = useRef(examined.report);

  const plan = useCallback(
    async (target: string | null) => {
      const mine = ++planned.current;
      setPhase({ kind: 'planning' });
      // The finding it is for: a page showing older results must not plan a fix that was done since.
      const answer = await api.planFix({ action, to: target, finding: forFinding });
      if (mine !== planned.current) return; // a newer plan replaced this one
      if (!answer.ok) {
        if (answer.error.code === 'unsupported') return setPhase({ kind: 'unsupported', message: answer.error.message });
        return setPhase({ kind: 'refused', problems: [answer.error.message] });
      }
      const result = answer.value;
      if (!result.ok && result.fixed) return setPhase({ kind: 'fixed', message: joinSentences(result.problems) });
      setPhase(result.ok ? { kind: 'confirm', plan: result.plan } : { kind: 'refused', problems: result.problems });
    },
    [api, action, forFinding],
  );

  // Pointing the values and starting the engine have nothing to choose: they are planned at once.
  useEffect(() => {
    if (!elsewhere && action !== 'relocate-cache' && planned.current === 0) void plan(null);
  }, [elsewhere, action, plan]);

  const run = async (confirmed: FixPlan) => {
    start();
    before.current = examined.report;
    setPhase({ kind: 'running', plan: confirmed, stopping: false });
    const answer = await api.runFix(confirmed, { ...request, edition: examined.report.matrix.edition });
    finish();
    if (!answer.ok) {
      setPhase({ kind: 'failed', plan: confirmed, message: answer.error.message });
    } else {
      const outcome = answer.value;
      const fresh: Examined = { ...outcome.after, source: 'live' };
      if (outcome.outcome === 'done') {
        const done = fixDone(outcome, confirmed, before.current);
        setPhase({ kind: 'done', plan: confirmed, done });
        onDone(fresh, done);
      } else {
        setPhase((p) => ({ kind: 'put-back', plan: confirmed, outcome, stopped: p.kind === 'running' && p.stopping }));
        onDone(fresh, null);
      }
    }
    // The result takes the focus: the Stop button it replaces is gone.
    setTimeout(() => result.current?.focus(), 0);
  };
  const stop = () => {
    setPhase((p) => (p.kind === 'running' ? { ...p, stopping: true } : p));
    void api.cancelFix();
  };
  const retry = () => void plan(action === 'relocate-cache' ? to : null);

  const showTarget = action === 'relocate-cache' && ['choose', 'planning', 'refused', 'confirm'].includes(phase.kind);
  const shownPlan = 'plan' in phase ? phase.plan : null;

  return (
    <Stack spacing={2}>
      <Box ref={result} tabIndex={-1} aria-live="polite" sx={{ outline: 'none' }}>
        {phase.kind === 'done' && (
          <Stack spacing={1}>
            <FixDoneAlert done={phase.done} />
          </Stack>
        )}
        {phase.kind === 'put-back' && <PutBack plan={phase.plan} outcome={phase.outcome} stopped={phase.stopped} onRetry={retry} />}
        {phase.kind === 'failed' && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" onClick={retry}>
                {t('wizard.fix.retry')}
              </Button>
            }
          >
            <AlertTitle component="h2">{t('wizard.fix.failed')}</AlertTitle>
            {phase.message}
          </Alert>
        )}
      </Box>

      <section aria-labelledby="found-heading">
        <Typography id="found-heading" component="h2" variant="h6">
          {phase.kind === 'done' ? t('wizard.fix.foundBefore') : t('wizard.fix.found')}
        </Typography>
        <Typography sx={{ fontWeight: 600 }}>{finding.title}</Typography>
        <Typography>{finding.detail}</Typography>
      </section>

      <section aria-labelledby="fix-heading">
        <Typography id="fix-heading" component="h2" variant="h6">
          {TITLES[action]}
        </Typography>
        <Typography>{t(HOW[action])}</Typography>
      </section>

      {elsewhere ? (
        <ElsewhereFix examined={examined} finding={finding} action={action} to={to} setTo={setTo} />
      ) : (
        <>
          {showTarget && (
            <Stack spacing={2} component="form" onSubmit={(e) => (e.preventDefault(), void plan(to))}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
                <TextField
                  label={t('wizard.fix.target.field')}
                  value={to}
                  size="small"
                  sx={{ flex: '1 1 18rem' }}
                  onChange={(e) => {
                    setTo(e.target.value);
                    planned.current++;
                    setPhase({ kind: 'choose' });
                  }}
                  helperText={t('wizard.fix.target.hint')}
                />
                <Button type="submit" variant="outlined" disabled={to.trim() === '' || phase.kind === 'planning'}>
                  {t('wizard.fix.target.check')}
                </Button>
              </Stack>
            </Stack>
          )}
          {phase.kind === 'planning' && (
            <Typography role="status">
              {action === 'relocate-cache' ? t('wizard.fix.planning.move', { folder: to }) : t('wizard.fix.planning.other')}
            </Typography>
          )}
          {phase.kind === 'refused' && (
            <Alert severity="error" role="alert">
              <AlertTitle component="h2">
                {action === 'relocate-cache' ? t('wizard.fix.refused.move') : t('wizard.fix.refused.other')}
              </AlertTitle>
              <Box component="ul" sx={{ m: 0, paddingInlineStart: 3 }}>
                {phase.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </Box>
              {action !== 'relocate-cache' && (
                <Button color="inherit" variant="outlined" size="small" sx={{ mt: 1 }} onClick={retry}>
                  {t('wizard.fix.checkAgain')}
                </Button>
              )}
            </Alert>
          )}
          {phase.kind === 'fixed' && (
            <Alert severity="info" role="alert">
              {phase.message}
            </Alert>
          )}
          {phase.kind === 'unsupported' && <ManualSteps finding={finding} origin="live" why={phase.message} />}
          {phase.kind === 'confirm' && (
            <FixConfirmation
              key={JSON.stringify(phase.plan)}
              plan={phase.plan}
              machineLabel={info?.machine.label ?? t('wizard.fix.thisMachine')}
              onConfirm={() => void run(phase.plan)}
              onCancel={action === 'relocate-cache' ? () => setPhase({ kind: 'choose' }) : onBack}
            />
          )}
          {shownPlan &&
            (running ||
              ((phase.kind === 'done' || phase.kind === 'put-back' || phase.kind === 'failed') &&
                Object.keys(progress.steps).length > 0)) && (
              <FixProgressView
                plan={shownPlan}
                progress={progress}
                running={running}
                stopping={phase.kind === 'running' && phase.stopping}
                onStop={stop}
              />
            )}
        </>
      )}

      <Stack direction="row" spacing={2}>
        <Button variant={phase.kind === 'done' ? 'contained' : 'text'} onClick={onBack} disabled={running}>
          {t('wizard.fix.back')}
        </Button>
      </Stack>
    </Stack>
  );
}

function PutBack({ plan, outcome, stopped, onRetry }: { plan: FixPlan; outcome: FixOutcome; stopped: boolean; onRetry: () => void }) {
  const words = putBackWords(plan, outcome, stopped);
  return (
    <Alert severity="warning">
      <AlertTitle component="h2" sx={{ fontSize: '1.1rem', fontWeight: 700 }}>
        {words.title}
      </AlertTitle>
      {words.lines.map((line) => (
        <Typography key={line} sx={{ mb: 0.5 }}>
          {line}
        </Typography>
      ))}
      <Button variant="contained" color="warning" sx={{ mt: 1 }} onClick={onRetry}>
        {t('wizard.fix.retry')}
      </Button>
    </Alert>
  );
}

/** The finding's own steps, for someone to carry out by hand. */
function ManualSteps({ finding, origin, why }: { finding: Finding; origin: ReportOrigin; why: string }) {
  return (
    <Stack spacing={1}>
      <Alert severity="info" role="note">
        {why}
      </Alert>
      <Typography component="h2" variant="h6">
        {t('wizard.fix.manual.heading')}
      </Typography>
      <Box component="ol" sx={{ paddingInlineStart: 3, my: 0 }}>
        {guiSteps(finding, origin).map((s) => (
          <li key={s}>
            <Typography component="span">{s}</Typography>
          </li>
        ))}
      </Box>
    </Stack>
  );
}

/** For another machine's profile: that machine's script (or the steps by hand) and a ticket text, never an action here. */
function ElsewhereFix({
  examined,
  finding,
  action,
  to,
  setTo,
}: {
  examined: Examined;
  finding: Finding;
  action: FixAction;
  to: string;
  setTo: (to: string) => void;
}) {
  const { profile } = examined;
  const host = profile.host?.name ?? t('wizard.fix.elsewhere.unnamedHost');
  const planned =
    action === 'relocate-cache'
      ? to.trim()
        ? planRelocation({ profile, to, target: null, offlineSeeding: null })
        : null
      : action === 'point-registry'
        ? planPointRegistry({ profile, holders: profileHolders(examined) })
        : planStartEngine(profile);
  let script: string | null = null;
  if (planned?.ok) {
    try {
      script = fixScript(planned.plan);
    } catch {
      script = null;
    }
  }
  const manual = action !== 'relocate-cache' && !script;
  const ticket =
    planned?.ok && script
      ? ticketText(host, planned.plan)
      : manual
        ? [
            t('wizard.fix.ticket.manual', { host, title: finding.title }),
            finding.detail,
            t('wizard.fix.ticket.steps'),
            ...guiSteps(finding, 'opened').map((s, i) => t('wizard.fix.ticket.step', { number: i + 1, step: s })),
          ].join('\n')
        : null;
  return (
    <Stack spacing={2}>
      <Alert severity="info" role="note">
        {t('wizard.fix.elsewhere.note', {
          file: examined.fileName ?? t('wizard.fix.elsewhere.savedProfile'),
          host,
          manual: manual ? 'yes' : 'no',
        })}
      </Alert>
      {action === 'relocate-cache' && (
        <TextField label={t('wizard.fix.elsewhere.target', { host })} value={to} size="small" onChange={(e) => setTo(e.target.value)} />
      )}
      {action === 'relocate-cache' && planned && !planned.ok && (
        <Alert severity="error" role="alert">
          <Typography sx={{ fontWeight: 600 }}>{t('wizard.fix.refused.move')}</Typography>
          <Box component="ul" sx={{ m: 0, paddingInlineStart: 3 }}>
            {planned.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </Box>
        </Alert>
      )}
      {manual && (
        <ManualSteps
          finding={finding}
          origin="opened"
          why={
            action === 'point-registry' && profileHolders(examined).some((h) => h.holdsKey === null)
              ? t('wizard.fix.elsewhere.whichHolds', { host, folders: formatList(namedFolders(profile)) })
              : planned && !planned.ok
                ? t('wizard.fix.elsewhere.noScriptFromProfile', { problems: joinSentences(planned.problems) })
                : t('wizard.fix.elsewhere.noScript')
          }
        />
      )}
      {ticket && (
        <TextField
          label={t('wizard.fix.elsewhere.ticketField')}
          value={ticket}
          multiline
          minRows={4}
          slotProps={{ input: { readOnly: true } }}
        />
      )}
      {script && (
        <TextField
          label={t('wizard.fix.elsewhere.scriptField', { host })}
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

/**
 * Which folder the two values name holds the cache, as far as a profile tells: one it says is missing does
 * not; of the rest, the one left is taken as the holder only when it is the only one - and the script
 * checks that it holds OnlineBackup.KEK on the machine itself before it changes anything.
 */
function profileHolders(examined: Examined) {
  const cache = examined.profile.cache;
  const folders = namedFolders(examined.profile);
  const missing = (path: string) => cache?.exists === false && !!cache.path && samePath(path, cache.path);
  const left = folders.filter((p) => !missing(p));
  return folders.map((path) => ({ path, holdsKey: missing(path) ? false : left.length === 1 ? true : null }));
}

function ticketText(host: string, plan: FixPlan): string {
  if (plan.action === 'relocate-cache')
    return [
      t('wizard.fix.ticket.move.ask', { host }),
      t('wizard.fix.ticket.move.from', { folder: String(plan.from) }),
      t('wizard.fix.ticket.move.to', { folder: String(plan.to) }),
      t('wizard.fix.ticket.move.how', { size: formatBytes(plan.neededBytes) }),
    ].join('\n');
  if (plan.action === 'point-registry')
    return [t('wizard.fix.ticket.point.ask', { host, folder: String(plan.to) }), t('wizard.fix.ticket.point.how')].join('\n');
  return [t('wizard.fix.ticket.start.ask', { host }), t('wizard.fix.ticket.start.how')].join('\n');
}
