// "Since last time": when the wizard kept a report of this machine before (desktop: its history folder
// under the app's user data), one line says what changed since, and a short list names each change -
// worse, new, resolved, better, changed - in the words of `mars-readiness diff`.
import { Alert, Box, Typography } from '@mui/material';
import { t } from '../../../shared/i18n/translate';
import { DIFF_LISTS, diffEntryWords, diffFails, diffHeadline, nothingChanged, type ReportDiff } from '../../../shared/report/diff';

export function SinceLastTime({ diff }: { diff: ReportDiff | null | undefined }) {
  if (!diff) return null;
  const lists = DIFF_LISTS.filter(({ key }) => diff[key].length > 0);
  return (
    <Alert severity={diffFails(diff) ? 'warning' : 'info'} role="note" aria-label={t('wizard.sinceLastTime.label')}>
      <Typography sx={{ fontWeight: 600 }}>{diffHeadline(diff)}</Typography>
      {!nothingChanged(diff) && (
        <Box component="ul" sx={{ my: 0.5, paddingInlineStart: 3 }}>
          {lists.flatMap(({ key, heading }) =>
            diff[key].map((entry) => (
              <li key={`${key}|${entry.check}|${entry.subject ?? ''}`}>
                <Typography component="span" sx={{ overflowWrap: 'anywhere' }}>
                  {t('wizard.sinceLastTime.entry', { heading, entry: diffEntryWords(entry) })}
                </Typography>
              </li>
            )),
          )}
        </Box>
      )}
    </Alert>
  );
}
