// One finding: status, title and subject at a glance; opened, the plain explanation, how to fix it and
// who can (in the wizard's words: what to click, never a command-line option; on a live check never "collect
// the profile again"), what the check saw as named facts, the matrix section it enforces and a link to
// Microsoft's documentation of it. Blockers and warnings start open, with their fix. Its id is
// findingAnchor(finding); its summary's `${id}-summary`.
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Link, Stack, Typography } from '@mui/material';
import { findingAnchor } from '../../../shared/report/anchor';
import { evidenceFacts, factText } from '../../../shared/report/evidence-words';
import { guiSteps, learnMoreUrl, type ReportOrigin } from '../../../shared/report/gui-words';
import { learnUrl } from '../../../shared/i18n/languages';
import { sectionWords } from '../../../shared/matrix/citation-words';
import { currentLanguage, t } from '../../../shared/i18n/translate';
import type { Finding, Fixer } from '../../../shared/report/types';
import { waivedWords } from '../../../shared/report/waiver-words';
import { sayAround } from '../say-around';
import { StatusChip } from './StatusChip';

/** Who carries a fix out, as the "What to do" line chooses its words. */
const WHO: Record<Fixer, string> = { user: 'user', helpdesk: 'helpdesk', 'server admin': 'serverAdmin', 'network team': 'networkTeam' };

export function FindingCard({
  finding,
  origin,
  onFix,
  heading = 'h3',
}: {
  finding: Finding;
  /** Where the report was made: a live check of this machine, or a profile opened from a file. */
  origin: ReportOrigin;
  onFix?: () => void;
  /** The level of its title: h4 inside a folded group of the results. */
  heading?: 'h3' | 'h4';
}) {
  const f = finding;
  // Stable and unique: the doctor's block (DiagnosisBanner) finds the card by it, and focuses its summary.
  const id = findingAnchor(f);
  const steps = guiSteps(f, origin);
  const facts = evidenceFacts(f);
  // Microsoft Learn in the reader's language (the address's locale segment), when the address is Learn's.
  const learnPage = learnMoreUrl(f.source.url);
  const learnMore = learnPage ? learnUrl(learnPage, currentLanguage()) : null;
  return (
    <Accordion
      id={id}
      disableGutters
      defaultExpanded={f.status === 'fail' || f.status === 'warn'}
      slotProps={{ heading: { component: heading } }}
    >
      <AccordionSummary expandIcon={<span aria-hidden="true">▾</span>} aria-controls={`${id}-details`} id={`${id}-summary`}>
        <Stack direction="row" spacing={1.5} sx={{ minWidth: 0, alignItems: 'center' }}>
          <StatusChip status={f.status} check={f.check} />
          <Typography sx={{ overflowWrap: 'anywhere' }}>{f.title}</Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails id={`${id}-details`}>
        <Stack spacing={1.5}>
          <Typography sx={{ overflowWrap: 'anywhere' }}>{f.detail}</Typography>
          {waivedWords(f) && <Typography sx={{ overflowWrap: 'anywhere', fontStyle: 'italic' }}>{waivedWords(f)}</Typography>}
          {f.fix && steps.length > 0 && (
            <Box>
              <Typography sx={{ fontWeight: 600 }}>{t('wizard.finding.whatToDo', { who: WHO[f.fix.who] ?? f.fix.who })}</Typography>
              <Box component="ol" sx={{ my: 0.5, paddingInlineStart: 3 }}>
                {steps.map((step) => (
                  <li key={step}>
                    <Typography component="span" sx={{ overflowWrap: 'anywhere' }}>
                      {step}
                    </Typography>
                  </li>
                ))}
              </Box>
            </Box>
          )}
          {facts.length > 0 && (
            <Box component="details">
              <Typography component="summary" sx={{ cursor: 'pointer' }}>
                {t('wizard.finding.saw')}
              </Typography>
              <Box component="ul" aria-label={t('wizard.finding.sawList', { title: f.title })} sx={{ my: 0.5, paddingInlineStart: 3 }}>
                {facts.map((fact, index) => (
                  <li key={`${fact.key}|${index}`}>
                    <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                      {factText(fact)}
                    </Typography>
                  </li>
                ))}
              </Box>
            </Box>
          )}
          <Typography variant="body2" color="text.secondary">
            {t('wizard.finding.source', {
              check: f.check,
              hasSubject: f.subject ? 'yes' : 'no',
              subject: f.subject ?? '',
              section: sectionWords(f.source.section),
              edition: f.source.edition,
              date: f.source.date,
            })}
            {learnMore && (
              <>
                {' '}
                {sayAround(
                  'wizard.finding.learnMoreSentence',
                  {},
                  'link',
                  // A new window: the desktop app opens Microsoft Learn links in the system's browser, never in its own window.
                  <Link href={learnMore} target="_blank" rel="noopener noreferrer" underline="always">
                    {t('wizard.finding.learnMore', { section: sectionWords(f.source.section) })}
                  </Link>,
                )}
              </>
            )}
          </Typography>
          {onFix && (
            <Stack direction="row" spacing={1}>
              <Button variant="contained" size="small" onClick={onFix}>
                {t('wizard.finding.fix')}
              </Button>
            </Stack>
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}
