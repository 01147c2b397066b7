import { Alert, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { t } from '../../../shared/i18n/translate';
import type { EditionId } from '../../../shared/matrix/types';
import { OpenProfileButton } from '../components/OpenProfileButton';
import type { Examined } from '../state';

const CHECKED = ['windows', 'agent', 'cache', 'volumes', 'network'] as const;

export function WelcomePage({ onStart, onOpened, edition }: { onStart: () => void; onOpened: (e: Examined) => void; edition: EditionId }) {
  return (
    <Stack spacing={2}>
      <Typography>{t('wizard.welcome.intro')}</Typography>
      <Typography component="h2" variant="h6">
        {t('wizard.welcome.checkedHeading')}
      </Typography>
      <List dense disablePadding>
        {CHECKED.map((what) => (
          <ListItem key={what} disableGutters>
            <ListItemText primary={t(`wizard.welcome.checked.${what}.what`)} secondary={t(`wizard.welcome.checked.${what}.how`)} />
          </ListItem>
        ))}
      </List>
      <Alert severity="info" role="note">
        {t('wizard.welcome.nothingChanges')}
      </Alert>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={onStart}>
          {t('wizard.welcome.start')}
        </Button>
        <OpenProfileButton edition={edition} onOpened={onOpened} />
      </Stack>
    </Stack>
  );
}
