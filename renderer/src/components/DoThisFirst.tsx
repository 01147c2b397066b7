// "Do this first" at the top of the results: the report's blockers, warnings and unknowns as one short list
// of actions (shared/report/do-this-first.ts), grouped by who carries them out - in words that fit the
// machine ("An administrator of this PC" on a workstation) - one action per root cause. Each action has its
// one procedure, step by step, in the wizard's words (what to click, never a command-line option); what it
// resolves, each a link that opens, brings into view and focuses that finding's card; and, where the
// wizard can carry the fix out, one button that starts it through the same handler as the card's own Fix
// button (onFix, with the finding whose fix it is). Nothing to do: nothing shown.
import { Box, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { Fragment } from 'react';
import { FIX_TITLES } from '../../../shared/actions/fix-plan';
import { findingAnchor } from '../../../shared/report/anchor';
import { ACTION_STATUS_WORDS, doThisFirst, whoWords, type FirstAction } from '../../../shared/report/do-this-first';
import { guiActionSteps, type ReportOrigin } from '../../../shared/report/gui-words';
import type { Finding, Report } from '../../../shared/report/types';
import { t } from '../../../shared/i18n/translate';
import { sayAround } from '../say-around';
import { goToFinding } from './go-to-finding';

const HEADING_ID = 'do-this-first-heading';
const CHIP_COLOR = { fail: 'error', warn: 'warning', unknown: 'info' } as const;

export function DoThisFirst({
  report,
  origin,
  onFix,
}: {
  report: Report;
  /** Where the report was made (a live check of this machine, or a profile opened from a file): the steps are said for it. */
  origin: ReportOrigin;
  /** What a finding card's own Fix button does: an action's Fix button calls it with the finding whose fix it is. */
  onFix?: (finding: Finding) => void;
}) {
  const list = doThisFirst(report);
  if (list.count === 0) return null;
  let before = 0;
  return (
    <Paper component="section" variant="outlined" aria-labelledby={HEADING_ID} sx={{ p: 2 }}>
      <Typography id={HEADING_ID} component="h2" variant="h6">
        {t('wizard.doThisFirst.heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {t('wizard.doThisFirst.count', { count: list.count })}
      </Typography>
      {list.groups.map((group) => {
        const id = `do-this-first-${group.who.replace(/\s+/g, '-')}`;
        const start = before + 1;
        before += group.actions.length;
        return (
          <Box component="section" key={group.who} aria-labelledby={id} sx={{ mt: 1.5 }}>
            <Typography id={id} component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
              {whoWords(group.who, list.machine)}
            </Typography>
            <Box component="ol" start={start} aria-labelledby={id} sx={{ paddingInlineStart: 3, my: 0.5 }}>
              {group.actions.map((action) => (
                <ActionItem key={action.id} action={action} origin={origin} onFix={onFix} />
              ))}
            </Box>
          </Box>
        );
      })}
    </Paper>
  );
}

function ActionItem({
  action,
  origin,
  onFix,
}: {
  action: FirstAction;
  origin: ReportOrigin;
  onFix: ((finding: Finding) => void) | undefined;
}) {
  const titleId = `do-this-first-${action.id}`;
  // In the wizard's words: what to click, never a command-line option.
  const steps = guiActionSteps(action, origin);
  return (
    <Box component="li" aria-labelledby={titleId} sx={{ mb: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Typography id={titleId} component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {action.title}
        </Typography>
        <Chip size="small" variant="outlined" color={CHIP_COLOR[action.status]} label={ACTION_STATUS_WORDS[action.status]} />
      </Stack>
      <Box component="ol" aria-label={t('wizard.doThisFirst.how', { title: action.title })} sx={{ paddingInlineStart: 3, my: 0.5 }}>
        {steps.map((step, i) => (
          <li key={i}>
            <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {step}
            </Typography>
          </li>
        ))}
      </Box>
      <Typography variant="body2">
        {sayAround(
          'wizard.doThisFirst.resolves',
          {},
          'findings',
          action.resolves.map((finding, i) => {
            const anchor = findingAnchor(finding);
            return (
              <Fragment key={anchor}>
                {i > 0 && t('wizard.doThisFirst.separator')}
                <Link href={`#${anchor}`} underline="always" onClick={(e) => goToFinding(e, anchor)}>
                  {finding.title}
                </Link>
              </Fragment>
            );
          }),
        )}
      </Typography>
      {action.action && action.fixFinding && onFix && (
        <Button variant="contained" size="small" sx={{ mt: 1 }} onClick={() => onFix(action.fixFinding!)}>
          {t('wizard.fixButton', { title: FIX_TITLES[action.action] })}
        </Button>
      )}
    </Box>
  );
}
