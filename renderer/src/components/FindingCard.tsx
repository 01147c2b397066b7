// One finding: status, title and subject at a glance; opened, the plain explanation, how to fix it and
// who can, the evidence, and the matrix section it enforces. Its id is findingAnchor(finding); its summary's
// `${id}-summary`.
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Stack, Typography } from '@mui/material';
import { findingAnchor } from '../../../shared/report/anchor';
import type { Finding } from '../../../shared/report/types';
import { StatusChip } from './StatusChip';

export function FindingCard({
  finding,
  onRecheck,
  onFix,
  rechecking,
}: {
  finding: Finding;
  onRecheck?: () => void;
  onFix?: () => void;
  rechecking?: boolean;
}) {
  const f = finding;
  // Stable and unique: the doctor's block (DiagnosisBanner) finds the card by it, and focuses its summary.
  const id = findingAnchor(f);
  return (
    <Accordion id={id} disableGutters defaultExpanded={f.status === 'fail'} slotProps={{ heading: { component: 'h3' } }}>
      <AccordionSummary expandIcon={<span aria-hidden="true">▾</span>} aria-controls={`${id}-details`} id={`${id}-summary`}>
        <Stack direction="row" spacing={1.5} sx={{ minWidth: 0, alignItems: 'center' }}>
          <StatusChip status={f.status} />
          <Typography sx={{ overflowWrap: 'anywhere' }}>{f.title}</Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails id={`${id}-details`}>
        <Stack spacing={1.5}>
          <Typography>{f.detail}</Typography>
          {f.fix && (
            <Box>
              <Typography sx={{ fontWeight: 600 }}>What to do ({f.fix.who}):</Typography>
              <Box component="ol" sx={{ my: 0.5, pl: 3 }}>
                {f.fix.steps.map((step) => (
                  <li key={step}>
                    <Typography component="span">{step}</Typography>
                  </li>
                ))}
              </Box>
            </Box>
          )}
          <Box component="details">
            <Typography component="summary" sx={{ cursor: 'pointer' }}>
              Evidence
            </Typography>
            <Box component="pre" sx={{ fontSize: '0.8rem', overflowX: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {JSON.stringify(f.evidence, null, 2)}
            </Box>
          </Box>
          <Typography variant="body2" color="text.secondary">
            Check {f.check}
            {f.subject ? ` (${f.subject})` : ''}. Matrix section "{f.source.section}", {f.source.edition} edition ({f.source.date}).
          </Typography>
          {(onFix || onRecheck) && (
            <Stack direction="row" spacing={1}>
              {onFix && (
                <Button variant="contained" size="small" onClick={onFix}>
                  Fix this
                </Button>
              )}
              {onRecheck && (
                <Button variant="outlined" size="small" onClick={onRecheck} disabled={rechecking}>
                  {rechecking ? 'Checking again…' : 'Check again'}
                </Button>
              )}
            </Stack>
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}
