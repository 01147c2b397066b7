// "Hide names and addresses" on the Report page: the switch, and while it is on, a preview of what the
// saved files will hide (kinds and counts, and a few of the texts as they will read). The redaction is
// the CLI's own (shared/report/redact), run here on the report and profile the page holds.
import { Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { redactionLines } from '../../../shared/report/redact/words';
import type { RedactionSummary } from '../../../shared/report/redact/redact';

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
      <FormControlLabel control={<Switch checked={checked} onChange={(_e, value) => onChange(value)} />} label="Hide names and addresses" />
      <Typography variant="body2" color="text.secondary">
        Machine, domain and user names and IP addresses are replaced by stand-ins such as HOST-1 in everything saved or copied from this
        page.
      </Typography>
      {checked && summary && (
        <Box role="region" aria-label="What will be hidden" sx={{ mt: 1 }}>
          {lines.length === 0 ? (
            <Typography>This report holds no names or addresses to hide.</Typography>
          ) : (
            <>
              <Typography>What will be hidden:</Typography>
              <ul aria-label="Hidden names and addresses">
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <Typography>How it will read:</Typography>
              <ul aria-label="Sample of the hidden text">
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
