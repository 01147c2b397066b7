// Share the result: the report as JSON or as one HTML page for a ticket, a short summary to paste, the
// machine profile to open elsewhere; or open another machine's profile.
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { redactReportAndProfile } from '../../../shared/report/redact/redact';
import { HideNamesSwitch } from '../components/HideNamesSwitch';
import { NetworkRequestButton } from '../components/NetworkRequestButton';
import { renderHtml } from '../../../shared/report/html';
import { shortSummary } from '../../../shared/report/summary';
import { t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';
import { OpenProfileButton } from '../components/OpenProfileButton';
import { fileNameFor, saveText } from '../save';
import type { Examined } from '../state';

export function ReportPage({
  examined,
  onOpened,
  onRestart,
}: {
  examined: Examined;
  onOpened: (e: Examined) => void;
  onRestart: () => void;
}) {
  const api = useApi();
  const [status, setStatus] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  // With "Hide names and addresses" on, everything saved or copied here is the redacted report and profile.
  const [hideNames, setHideNames] = useState(false);
  const redacted = useMemo(() => (hideNames ? redactReportAndProfile(examined.report, examined.profile) : null), [hideNames, examined]);
  const { report, profile } = redacted ?? examined;
  const host = report.host.name;

  const save = async (what: string, extension: 'json' | 'html' | 'md' | 'csv', content: string) => {
    try {
      const where = await saveText(api, { suggestedName: fileNameFor(host, what, extension), content, kind: extension });
      setStatus(where ? { severity: 'success', text: t('wizard.report.saved', { where }) } : null);
    } catch (error) {
      setStatus({ severity: 'error', text: t('wizard.report.notSaved', { reason: (error as Error).message }) });
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shortSummary(report));
      setStatus({ severity: 'success', text: t('wizard.report.copied') });
    } catch {
      setStatus({ severity: 'error', text: t('wizard.report.notCopied') });
    }
  };

  return (
    <Stack spacing={2}>
      <Typography>{t('wizard.report.intro')}</Typography>
      <HideNamesSwitch checked={hideNames} onChange={setHideNames} summary={redacted?.summary ?? null} samples={redacted?.samples ?? []} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => void save('mars-readiness', 'html', renderHtml(report))}>
          {t('wizard.report.saveHtml')}
        </Button>
        <Button variant="outlined" onClick={() => void save('mars-readiness', 'json', `${JSON.stringify(report, null, 2)}\n`)}>
          {t('wizard.report.saveJson')}
        </Button>
        <Button variant="outlined" onClick={() => void copy()}>
          {t('wizard.report.copy')}
        </Button>
        <Button variant="outlined" onClick={() => void save('machine-profile', 'json', `${JSON.stringify(profile, null, 2)}\n`)}>
          {t('wizard.report.saveProfile')}
        </Button>
        <NetworkRequestButton
          profile={profile}
          report={report}
          onSave={(extension, content) => void save('network-request', extension, content)}
        />
      </Stack>
      <div role="status" aria-live="polite">
        {status && (
          <Alert severity={status.severity} role="none">
            {status.text}
          </Alert>
        )}
      </div>
      <Typography component="h2" variant="h6">
        {t('wizard.report.another')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <OpenProfileButton edition={report.matrix.edition} onOpened={onOpened} />
        <Button onClick={onRestart}>{t('wizard.report.restart')}</Button>
      </Stack>
    </Stack>
  );
}
