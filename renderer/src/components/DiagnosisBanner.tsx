// The doctor at the top of the results, when the agent's history shows a failed (or warned) backup job:
// the headline with the job's time in the reader's own language and time zone, then each error code of
// the agent's logs with what it means, and for each check that tells whether its cause is still there a
// link that opens its finding card, brings it into view and focuses it, and - where that finding offers a fix the
// wizard can carry out - a button that starts it through the card's own handler (onFix).
import { FIX_TITLES } from '../../../shared/actions/fix-plan';
import { Alert, AlertTitle, Box, Button, Link, Stack, Typography } from '@mui/material';
import { findingAnchor } from '../../../shared/report/anchor';
import {
  codeMeaning,
  diagnose,
  diagnosisHeadlineParts,
  htmlDateTime,
  localDateTime,
  pointedCheckState,
  type DiagnosedCode,
  type PointedCheck,
} from '../../../shared/report/diagnosis';
import type { Finding, Report } from '../../../shared/report/types';
import { t } from '../../../shared/i18n/translate';
import { goToFinding } from './go-to-finding';

const HEADING_ID = 'diagnosis-heading';

export function DiagnosisBanner({
  report,
  onFix,
  formatDate = (iso) => localDateTime(iso),
}: {
  report: Report;
  /** What a finding card's own Fix button does: the fix buttons here call it with that finding. */
  onFix?: (finding: Finding) => void;
  /** How the job's time reads: the reader's locale and time zone by default. */
  formatDate?: (iso: string) => string;
}) {
  const diagnosis = diagnose(report);
  if (!diagnosis) return null;
  const { before, after } = diagnosisHeadlineParts(diagnosis);
  const findingOf = (check: PointedCheck) => report.findings.find((f) => f.check === check.check && f.subject === check.subject);
  // One fix button per finding, beside the first code that points to it (two codes may name one cause).
  const fixShownAt = new Map<Finding, string>();
  for (const code of diagnosis.codes)
    for (const check of code.checks) {
      const finding = findingOf(check);
      if (finding?.fix?.action && !fixShownAt.has(finding)) fixShownAt.set(finding, code.code);
    }

  return (
    <Alert
      severity={diagnosis.outcome === 'warned' ? 'warning' : 'error'}
      aria-labelledby={HEADING_ID}
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle id={HEADING_ID} component="h2" sx={{ fontSize: '1.15rem', fontWeight: 700 }}>
        {before}
        <time dateTime={htmlDateTime(diagnosis.at)}>{formatDate(diagnosis.at)}</time>
        {after}
      </AlertTitle>
      {diagnosis.codes.length > 0 && (
        <>
          <Typography id="diagnosis-codes">
            {diagnosis.windowDays !== null
              ? t('wizard.diagnosis.codesInDays', { days: diagnosis.windowDays })
              : t('wizard.diagnosis.codes')}
          </Typography>
          <Box component="ul" aria-labelledby="diagnosis-codes" sx={{ paddingInlineStart: 2.5, mt: 1, mb: 0 }}>
            {diagnosis.codes.map((code) => (
              <CodeItem
                key={code.code}
                code={code}
                findingOf={findingOf}
                onFix={onFix}
                fixHere={(finding) => fixShownAt.get(finding) === code.code}
              />
            ))}
          </Box>
        </>
      )}
    </Alert>
  );
}

function CodeItem({
  code,
  findingOf,
  onFix,
  fixHere,
}: {
  code: DiagnosedCode;
  findingOf: (check: PointedCheck) => Finding | undefined;
  onFix: ((finding: Finding) => void) | undefined;
  /** Whether this code's line carries the finding's fix button (only the first code that points to it does). */
  fixHere: (finding: Finding) => boolean;
}) {
  const meaning = codeMeaning(code);
  return (
    <Box component="li" sx={{ mb: 1.5 }}>
      <Typography>
        <Box component="code" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {code.code}
        </Box>{' '}
        {meaning === null
          ? t('wizard.diagnosis.codeUnexplained', { count: code.count })
          : t('wizard.diagnosis.code', { count: code.count, meaning })}
        {code.cause ? ` ${t('wizard.diagnosis.usually', { cause: code.cause })}` : ''}
        {code.known && code.checks.length === 0 ? ` ${t('wizard.diagnosis.noCheck')}` : ''}
      </Typography>
      {code.checks.length > 0 && (
        <Box component="ul" aria-label={t('wizard.diagnosis.causeList', { code: code.code })} sx={{ paddingInlineStart: 2.5, my: 0.5 }}>
          {code.checks.map((check) => {
            const finding = findingOf(check);
            const anchor = finding ? findingAnchor(finding) : null;
            const action = finding?.fix?.action ?? null;
            return (
              <Box component="li" key={check.check} sx={{ mb: 0.5 }}>
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'baseline' }}>
                  <Typography component="span" sx={{ fontWeight: 600 }}>
                    {pointedCheckState(finding ? check.status : null)}
                    {finding ? ':' : ''}
                  </Typography>{' '}
                  {anchor && finding && (
                    <Link href={`#${anchor}`} color="inherit" underline="always" onClick={(e) => goToFinding(e, anchor)}>
                      {finding.title}
                    </Link>
                  )}{' '}
                  {/* The check's id, small, for whoever reads the text or JSON report beside this. */}
                  <Typography component="span" variant="caption" color="text.secondary">
                    {t('wizard.diagnosis.checkId', { check: check.check })}
                  </Typography>
                  {action && finding && onFix && fixHere(finding) && (
                    <>
                      {' '}
                      <Button variant="outlined" color="inherit" size="small" onClick={() => onFix(finding)}>
                        {t('wizard.fixButton', { title: FIX_TITLES[action] })}
                      </Button>
                    </>
                  )}
                </Stack>
              </Box>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
