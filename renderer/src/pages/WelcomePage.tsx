import { Alert, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { EditionId } from '../../../shared/matrix/types';
import { OpenProfileButton } from '../components/OpenProfileButton';
import type { Examined } from '../state';

const CHECKED = [
  ['Windows', 'the version and edition, .NET, PowerShell and TLS 1.2'],
  ['The agent', 'whether it is installed, and its backup engine'],
  ['The cache folder', 'where it is, its free space, and its two registry values'],
  ['Volumes', 'that the data you choose is on local NTFS volumes within the size limits'],
  ['Network', 'that the Microsoft addresses the agent needs can be reached'],
];

export function WelcomePage({ onStart, onOpened, edition }: { onStart: () => void; onOpened: (e: Examined) => void; edition: EditionId }) {
  return (
    <Stack spacing={2}>
      <Typography>
        This wizard holds this machine against the support matrix of the Azure Backup agent (MARS), tells you in plain words what would stop
        a backup, and helps you fix it.
      </Typography>
      <Typography component="h2" variant="h6">
        What is checked
      </Typography>
      <List dense disablePadding>
        {CHECKED.map(([what, how]) => (
          <ListItem key={what} disableGutters>
            <ListItemText primary={what} secondary={how} />
          </ListItem>
        ))}
      </List>
      <Alert severity="info" role="note">
        Looking changes nothing and needs no administrator rights. Nothing on this machine is changed unless you ask for a fix and confirm
        its steps.
      </Alert>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={onStart}>
          Start
        </Button>
        <OpenProfileButton edition={edition} onOpened={onOpened} />
      </Stack>
    </Stack>
  );
}
