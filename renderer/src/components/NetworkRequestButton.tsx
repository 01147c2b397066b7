// "Request for the network team…": the addresses the test did not reach, as the CLI's network-request
// writes them, saved as Markdown (for a ticket or an email) or CSV (for a spreadsheet).
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import type { MachineProfile } from '../../../shared/profile/types';
import { buildNetworkRequest } from '../../../shared/report/network-request/build';
import { renderRequestCsv, renderRequestMarkdown } from '../../../shared/report/network-request/render';
import type { Report } from '../../../shared/report/types';
import { t } from '../../../shared/i18n/translate';

export function NetworkRequestButton({
  profile,
  report,
  onSave,
}: {
  profile: MachineProfile;
  report: Report;
  onSave: (extension: 'md' | 'csv', content: string) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const choose = (extension: 'md' | 'csv') => {
    setAnchor(null);
    const request = buildNetworkRequest(profile, report);
    onSave(extension, extension === 'csv' ? renderRequestCsv(request) : renderRequestMarkdown(request));
  };
  return (
    <>
      <Button
        variant="outlined"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('wizard.network.button')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose('md')}>{t('wizard.network.markdown')}</MenuItem>
        <MenuItem onClick={() => choose('csv')}>{t('wizard.network.csv')}</MenuItem>
      </Menu>
    </>
  );
}
