// "Hide names and addresses" on the Report page: the switch, and while it is on, a preview of what the
// saved files will hide (kinds and counts, and a few of the texts as they will read). The redaction is
// the CLI's own (shared/report/redact), run here on the report and profile the page holds.
import { Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { redactionLines } from '../../../shared/report/redact/words';
import type { RedactionSummary } from '../../../shared/report/redact/redact';
import { t } from '../../../shared/i18n/translate';

export function HideNamesSwitch({
  checked,
  onChange,
  summary,
  samples,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  summary: RedactionSummary | null;
  samples: string[];
}) {
  const lines = summary ? redactionLines(summary) : [];
  return (
    <Box>
      <FormControlLabel
        control={<Switch checked={checked} onChange={(_e, value) => onChange(value)} />}
        label={t('wizard.hideNames.switch')}
      />
      <Typography variant="body2" color="text.secondary">
        {t('wizard.hideNames.explain')}
      </Typography>
      {checked && summary && (
        <Box role="region" aria-label={t('wizard.hideNames.region')} sx={{ mt: 1 }}>
          {lines.length === 0 ? (
            <Typography>{t('wizard.hideNames.none')}</Typography>
          ) : (
            <>
              <Typography>{t('wizard.hideNames.hidden')}</Typography>
              <ul aria-label={t('wizard.hideNames.hiddenList')}>
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <Typography>{t('wizard.hideNames.sample')}</Typography>
              <ul aria-label={t('wizard.hideNames.sampleList')}>
                {samples.map((sample) => (
                  <li key={sample}>
                    <code>{sample.length > 160 ? `${sample.slice(0, 160)}…` : sample}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Box>
      )}
    </Box>
  );
}
