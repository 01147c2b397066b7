import { Alert, AlertTitle } from '@mui/material';
import { t } from '../../../shared/i18n/translate';
import { VERDICT_WORDS } from '../../../shared/report/grouping';
import type { Report } from '../../../shared/report/types';

const SEVERITY = { ready: 'success', 'ready-with-warnings': 'warning', 'not-ready': 'error' } as const;
const ADVICE = {
  ready: 'wizard.verdict.advice.ready',
  'ready-with-warnings': 'wizard.verdict.advice.readyWithWarnings',
  'not-ready': 'wizard.verdict.advice.notReady',
} as const;

export function VerdictBanner({ report }: { report: Report }) {
  const c = report.counts;
  return (
    <Alert severity={SEVERITY[report.verdict]} role="status" variant="filled">
      <AlertTitle component="p" sx={{ fontSize: '1.2rem', fontWeight: 700 }}>
        {VERDICT_WORDS[report.verdict]}
      </AlertTitle>
      {t(ADVICE[report.verdict])}{' '}
      {t('wizard.verdict.counts', {
        fail: c.fail,
        warn: c.warn,
        unknown: c.unknown,
        pass: c.pass,
        hasWaived: c.waived !== undefined ? 'yes' : 'no',
        waived: c.waived ?? 0,
      })}
    </Alert>
  );
}
