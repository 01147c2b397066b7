// The guided fix for the cache folder. The relocation engine (plan, journal, rollback) is built next
// (issue 5); until then this page shows the finding and the safe manual steps, and says so plainly.
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { MOVE_CACHE_STEPS } from '../../../shared/rules/cache';
import type { Finding } from '../../../shared/report/types';
import { FindingCard } from '../components/FindingCard';
import type { Examined } from '../state';

export function FixPage({ finding, examined, onBack }: { finding: Finding; examined: Examined; onBack: () => void }) {
  const cache = examined.profile.cache;
  return (
    <Stack spacing={2}>
      <FindingCard finding={finding} />
      <Typography component="h2" variant="h6">
        Moving the cache folder
      </Typography>
      <Typography>
        The cache{cache ? ` (now ${cache.path})` : ''} must be copied, never moved, with its permissions, and both registry values must name
        the new folder. The old folder stays until a backup has succeeded.
      </Typography>
      <Alert severity="info" role="note">
        The wizard cannot move the cache by itself yet: that arrives with its relocation engine, which will show every step before it runs
        and undo them if one fails. Until then, an administrator can follow these steps.
      </Alert>
      <Box component="ol" sx={{ pl: 3 }}>
        {MOVE_CACHE_STEPS.map((s) => (
          <li key={s}>
            <Typography component="span">{s}</Typography>
          </li>
        ))}
      </Box>
      <Stack direction="row">
        <Button onClick={onBack}>Back to the results</Button>
      </Stack>
    </Stack>
  );
}
