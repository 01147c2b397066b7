// Results: the verdict and the machine, then the findings by area, blockers first. Blockers and warnings
// open with their fix; the checks that passed fold into one line per area, opened on demand; on a machine
// that is not Windows, the checks that only Windows can answer fold into one line that says why they do not
// apply. On a live check each area has one "Check again" button, whose result is said where the button is
// (the areas keep their places, so it stays there). A finding that names a fix the wizard can carry out
// (moving the cache, pointing both registry values at it, starting the backup engine) leads to the Fix page
// for that fix. After a fix was done, what it did and which findings it fixed stand at the top. When the
// agent's history shows a failed backup, the doctor's block (DiagnosisBanner) comes first of all.
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { offerProblem } from '../../../shared/actions/offer';
import type { ScanRequest } from '../../../shared/api/wizard-api';
import { pointerLabel } from '../../../shared/report/evidence-words';
import { osWords } from '../../../shared/matrix/os-words';
import { groupFindings, type AreaGroup } from '../../../shared/report/grouping';
import { guiNote, notForThisOs, notHereWords } from '../../../shared/report/gui-words';
import type { Finding, FindingStatus } from '../../../shared/report/types';
import { areaOf, areaWords, CHECKS, type Area } from '../../../shared/rules/catalogue';
import { currentLanguage, t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';
import { DiagnosisBanner } from '../components/DiagnosisBanner';
import { DoThisFirst } from '../components/DoThisFirst';
import { FindingCard } from '../components/FindingCard';
import { FixDoneAlert, type FixDone } from '../components/FixResult';
import { SinceLastTime } from '../components/SinceLastTime';
import { VerdictBanner } from '../components/VerdictBanner';
import type { Examined } from '../state';

export function ResultsPage({
  examined,
  request,
  onChange,
  onFix,
  onNext,
  fixed = null,
}: {
  /** The fix that was just done, to say at the top; null when there is none to say. */
  fixed?: FixDone | null;
  examined: Examined;
  request: ScanRequest;
  onChange: (e: Examined) => void;
  onFix: (f: Finding) => void;
  onNext: () => void;
}) {
  const api = useApi();
  const [checking, setChecking] = useState<Area | null>(null);
  /** What the last "Check again" of each area found, said where its button is. */
  const [said, setSaid] = useState<Partial<Record<Area, string>>>({});
  const { report, profile } = examined;
  const origin = examined.source;
  const family = profile.os.family;
  const notHere = report.findings.filter((f) => notForThisOs(f, family));
  const shown = report.findings.filter((f) => !notForThisOs(f, family));
  // The areas in the order the page opened with: checked again, an area stays where its button was.
  const [firstOrder] = useState<Area[]>(() => groupFindings(shown).map((g) => g.area));
  const place = (area: Area) => (firstOrder.includes(area) ? firstOrder.indexOf(area) : firstOrder.length);
  const groups = groupFindings(shown).sort((a, b) => place(a.area) - place(b.area));
  // An area checked again that has no finding any more still says so, in its place.
  for (const area of firstOrder)
    if (said[area] && !groups.some((g) => g.area === area))
      groups.splice(Math.min(place(area), groups.length), 0, { area, name: areaWords(area), findings: [], worst: 'pass' });

  // Moving the cache is also there before anything fails (off the system drive, to a bigger disk), on a
  // machine examined here, whenever the move could be planned and no finding offers it already.
  const cacheFinding = report.findings.find((f) => f.check === 'cache.location') ?? report.findings.find((f) => f.check === 'cache.folder');
  const offerMove =
    origin === 'live' &&
    cacheFinding !== undefined &&
    !report.findings.some((f) => f.fix?.action === 'relocate-cache') &&
    offerProblem('relocate-cache', examined.profile) === null;

  const recheck = async (group: AreaGroup) => {
    const before = report.findings.filter((f) => areaOf(f.check) === group.area);
    setChecking(group.area);
    setSaid((s) => ({ ...s, [group.area]: undefined }));
    // The machine is probed afresh for the whole report; the area's first finding names what was asked about.
    const asked = group.findings[0]?.check ?? CHECKS.find((c) => areaOf(c.id) === group.area)!.id;
    const result = await api.recheck({ ...request, edition: report.matrix.edition }, asked);
    setChecking(null);
    if (!result.ok) return setSaid((s) => ({ ...s, [group.area]: t('wizard.results.recheck.failed', { reason: result.error.message }) }));
    // The machine examined again is the new truth, for every finding.
    onChange({ ...examined, ...result.value });
    const after = result.value.report.findings.filter((f) => areaOf(f.check) === group.area);
    setSaid((s) => ({ ...s, [group.area]: recheckWords(before, after, new Date()) }));
  };

  return (
    <Stack spacing={2}>
      <DiagnosisBanner report={report} onFix={onFix} />
      {fixed && <FixDoneAlert done={fixed} />}
      {origin === 'opened' && (
        <Alert severity="info" role="note">
          {examined.fileName ? t('wizard.results.opened.named', { file: examined.fileName }) : t('wizard.results.opened.unnamed')}
        </Alert>
      )}
      <VerdictBanner report={report} />
      {origin === 'live' && <SinceLastTime diff={examined.sinceLastTime} />}
      <Typography>
        {t('wizard.results.machine', {
          machine: machineWords(profile.host?.name ?? null, osWords(profile.os)),
          date: report.matrix.date,
          edition: report.matrix.edition,
        })}
      </Typography>
      {/* One short list of what to do, by who acts, before the findings it is made of. */}
      {/* Without the checks that do not apply here, which the list would only ask to find out about. */}
      <DoThisFirst report={notHere.length > 0 ? { ...report, findings: shown } : report} origin={origin} onFix={onFix} />
      {groups.map((group) => {
        const open = group.findings.filter((f) => f.status !== 'pass');
        const passed = group.findings.filter((f) => f.status === 'pass');
        const headingId = `area-${group.area}`;
        return (
          <section key={group.area} aria-labelledby={headingId}>
            <Typography id={headingId} component="h2" variant="h6" sx={{ mt: 1, mb: 1 }}>
              {group.name}
            </Typography>
            {open.map((f) => (
              <FindingCard key={key(f)} finding={f} origin={origin} {...(f.fix?.action ? { onFix: () => onFix(f) } : {})} />
            ))}
            {passed.length > 0 && (
              <Folded id={`passed-${group.area}`} summary={t('wizard.results.passed', { count: passed.length })}>
                {passed.map((f) => (
                  <FindingCard key={key(f)} finding={f} origin={origin} heading="h4" />
                ))}
              </Folded>
            )}
            {group.area === 'cache' && offerMove && (
              <Button variant="outlined" onClick={() => onFix({ ...cacheFinding!, fix: null })} sx={{ mt: 1 }}>
                {t('wizard.results.moveCache')}
              </Button>
            )}
            {origin === 'live' && (
              <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                {/* Neutral colours: primary blue on its own hover tint falls short of 4.5:1. */}
                {/* The button being checked stays enabled, only said to be unavailable: a disabled button drops
                    the keyboard focus to the page's body, and the person pressing it would lose their place. */}
                <Button
                  variant="outlined"
                  color="inherit"
                  size="small"
                  disabled={checking !== null && checking !== group.area}
                  aria-disabled={checking === group.area ? true : undefined}
                  onClick={() => {
                    if (checking === null) void recheck(group);
                  }}
                >
                  {t(checking === group.area ? 'wizard.results.recheck.checking' : 'wizard.results.recheck.button', {
                    area: group.area === 'system-state' ? 'systemState' : group.area,
                    name: group.name,
                  })}
                </Button>
                <Box role="status" aria-live="polite" sx={{ flex: '1 1 16rem' }}>
                  {said[group.area] && <Typography variant="body2">{said[group.area]}</Typography>}
                </Box>
              </Stack>
            )}
          </section>
        );
      })}
      {notHere.length > 0 && (
        <section aria-labelledby="needs-windows-heading">
          <Typography id="needs-windows-heading" component="h2" variant="h6" sx={{ mt: 1, mb: 1 }}>
            {t('wizard.results.needsWindows')}
          </Typography>
          <Folded id="needs-windows" summary={notHereWords(notHere.length, osWords(profile.os))}>
            {notHere.map((f) => (
              <FindingCard key={key(f)} finding={f} origin={origin} heading="h4" />
            ))}
          </Folded>
        </section>
      )}
      {examined.notes.length > 0 && (
        <section aria-labelledby="notes-heading">
          <Typography id="notes-heading" component="h2" variant="h6">
            {t('wizard.results.notes')}
          </Typography>
          <List dense>
            {examined.notes.map((n) => (
              <ListItem key={`${n.field}${n.reason}`} disableGutters>
                <ListItemText primary={guiNote(n.reason)} secondary={pointerLabel(n.field)} />
              </ListItem>
            ))}
          </List>
        </section>
      )}
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={onNext}>
          {t('wizard.results.next')}
        </Button>
      </Stack>
    </Stack>
  );
}

/**
 * A group folded into one line, opened on demand. A card inside it that is opened from elsewhere (the
 * doctor's or the Do this first list's link clicks its summary) opens the group first, at once, so that the
 * card can be brought into view and take the focus.
 */
function Folded({ id, summary, children }: { id: string; summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Accordion expanded={open} onChange={(_event, expanded) => setOpen(expanded)} disableGutters variant="outlined" sx={{ mt: 1 }}>
      <AccordionSummary expandIcon={<span aria-hidden="true">▾</span>} aria-controls={`${id}-details`} id={`${id}-summary`}>
        <Typography sx={{ overflowWrap: 'anywhere' }}>{summary}</Typography>
      </AccordionSummary>
      <AccordionDetails
        id={`${id}-details`}
        onClickCapture={() => {
          if (!open) flushSync(() => setOpen(true));
        }}
      >
        {children}
      </AccordionDetails>
    </Accordion>
  );
}

/** What checking an area again found: what changed since, or that nothing did; at what time, in the reader's words. */
export function recheckWords(before: readonly Finding[], after: readonly Finding[], at: Date): string {
  const was = new Map(before.map((f) => [key(f), f]));
  const now = new Set(after.map(key));
  const changes = [
    ...after
      .filter((f) => was.get(key(f))?.status !== f.status)
      .map((f) => {
        const old = was.get(key(f));
        return old
          ? t('wizard.results.recheck.changed', { title: f.title, now: statusKey(f), was: statusKey(old) })
          : t('wizard.results.recheck.added', { title: f.title, now: statusKey(f) });
      }),
    ...before.filter((f) => !now.has(key(f))).map((f) => t('wizard.results.recheck.gone', { title: f.title })),
  ];
  const time = new Intl.DateTimeFormat(currentLanguage(), { timeStyle: 'short' }).format(at);
  // A full stop before the changes: each starts with a finding's title, capital and all.
  return changes.length === 0
    ? t('wizard.results.recheck.nothing', { time })
    : t('wizard.results.recheck.changes', { time, changes: changes.join(t('wizard.results.recheck.separator')) });
}

/** A finding's status as the recheck messages choose their words: a restore check's fail blocks restoring. */
function statusKey(f: Pick<Finding, 'status' | 'check'>): FindingStatus | 'failRestore' {
  return f.status === 'fail' && areaOf(f.check) === 'restore' ? 'failRestore' : f.status;
}

/** The machine by its name and its Windows, either alone. */
function machineWords(name: string | null, os: string): string {
  return name && os ? t('wizard.results.machineNameOs', { name, os }) : name || os;
}

function key(f: Finding): string {
  return `${f.check}|${f.subject ?? ''}`;
}
