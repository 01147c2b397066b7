// Results: the verdict, then the findings by area, blockers first; each can be checked again on this
// machine, and a finding that names a fix the wizard can carry out (moving the cache, pointing both
// registry values at it, starting the backup engine) leads to the Fix page for that fix. After a fix was
// done, what it did and which findings it fixed stand at the top. When the agent's history shows a failed
// backup, the doctor's block (DiagnosisBanner) comes first of all.
import { Alert, Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { offerProblem } from '../../../shared/actions/offer';
import type { ScanRequest } from '../../../shared/api/wizard-api';
import { groupFindings } from '../../../shared/report/grouping';
import type { Finding } from '../../../shared/report/types';
import { useApi } from '../api/context';
import { DiagnosisBanner } from '../components/DiagnosisBanner';
import { FindingCard } from '../components/FindingCard';
import { FixDoneAlert, type FixDone } from '../components/FixResult';
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
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { report } = examined;
  // Moving the cache is also there before anything fails (off the system drive, to a bigger disk), on a
  // machine examined here, whenever the move could be planned and no finding offers it already.
  const cacheFinding = report.findings.find((f) => f.check === 'cache.location') ?? report.findings.find((f) => f.check === 'cache.folder');
  const offerMove =
    examined.source === 'live' &&
    cacheFinding !== undefined &&
    !report.findings.some((f) => f.fix?.action === 'relocate-cache') &&
    offerProblem('relocate-cache', examined.profile) === null;

  const recheck = async (finding: Finding) => {
    setBusy(key(finding));
    setMessage(null);
    const result = await api.recheck({ ...request, edition: report.matrix.edition }, finding.check);
    setBusy(null);
    if (!result.ok) return setMessage(result.error.message);
    // The machine examined again is the new truth, for every finding.
    onChange({ ...examined, ...result.value });
    const fresh = result.value.report.findings.filter((f) => f.check === finding.check);
    const now = fresh.find((f) => f.subject === finding.subject) ?? fresh[0];
    setMessage(now ? `Checked again: ${now.title}.` : 'Checked again: the check no longer applies.');
  };

  return (
    <Stack spacing={2}>
      <DiagnosisBanner report={report} onFix={onFix} />
      {fixed && <FixDoneAlert done={fixed} />}
      {examined.source === 'opened' && (
        <Alert severity="info" role="note">
          This is a profile collected on another machine{examined.fileName ? ` (${examined.fileName})` : ''}. Nothing here was probed.
        </Alert>
      )}
      <VerdictBanner report={report} />
      <Box aria-live="polite" role="status">
        {message && <Typography>{message}</Typography>}
      </Box>
      {groupFindings(report.findings).map((group) => (
        <section key={group.area} aria-labelledby={`area-${group.area}`}>
          <Typography id={`area-${group.area}`} component="h2" variant="h6" sx={{ mt: 1, mb: 1 }}>
            {group.name}
          </Typography>
          {group.findings.map((f) => (
            <FindingCard
              key={key(f)}
              finding={f}
              rechecking={busy === key(f)}
              {...(examined.source === 'live' ? { onRecheck: () => void recheck(f) } : {})}
              {...(f.fix?.action ? { onFix: () => onFix(f) } : {})}
            />
          ))}
          {group.area === 'cache' && offerMove && (
            <Button variant="outlined" onClick={() => onFix({ ...cacheFinding!, fix: null })} sx={{ mt: 1 }}>
              Move the cache folder to another volume…
            </Button>
          )}
        </section>
      ))}
      {examined.notes.length > 0 && (
        <section aria-labelledby="notes-heading">
          <Typography id="notes-heading" component="h2" variant="h6">
            What could not be read
          </Typography>
          <List dense>
            {examined.notes.map((n) => (
              <ListItem key={`${n.field}${n.reason}`} disableGutters>
                <ListItemText primary={n.reason} secondary={n.field} />
              </ListItem>
            ))}
          </List>
        </section>
      )}
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={onNext}>
          Save or share the report
        </Button>
      </Stack>
    </Stack>
  );
}

function key(f: Finding): string {
  return `${f.check}|${f.subject ?? ''}`;
}
