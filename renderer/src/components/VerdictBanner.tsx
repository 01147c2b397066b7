import { Alert, AlertTitle } from '@mui/material';
import { plural } from '../../../shared/rules/finding';
import { VERDICT_WORDS } from '../../../shared/report/grouping';
import type { Report } from '../../../shared/report/types';

const SEVERITY = { ready: 'success', 'ready-with-warnings': 'warning', 'not-ready': 'error' } as const;
const ADVICE = {
  ready: 'The agent can back this machine up as it stands.',
  'ready-with-warnings': 'Backups can work, but look at the warnings and unknowns below.',
  'not-ready': 'Something below blocks backup. Each blocker says what to do and who can do it.',
};

export function VerdictBanner({ report }: { report: Report }) {
  const c = report.counts;
  return (
    <Alert severity={SEVERITY[report.verdict]} role="status" variant="filled">
      <AlertTitle component="p" sx={{ fontSize: '1.2rem', fontWeight: 700 }}>
        {VERDICT_WORDS[report.verdict]}
      </AlertTitle>
      {ADVICE[report.verdict]} {plural(c.fail, 'blocker')}, {plural(c.warn, 'warning')}, {c.unknown} unknown, {c.pass} passed
      {c.waived !== undefined ? `, ${c.waived} waived` : ''}.
    </Alert>
  );
}
