// Opens a machine profile collected on another machine: the file is read and decoded here (UTF-8, or
// UTF-16 as Windows PowerShell writes it, by the decoder the CLI uses) and evaluated by the main process,
// which validates it and names what is wrong when it is not a profile.
import { Alert, Button } from '@mui/material';
import { useId, useRef, useState } from 'react';
import type { EditionId } from '../../../shared/matrix/types';
import { decodeProfileText } from '../../../shared/profile/decode-profile-text';
import { t } from '../../../shared/i18n/translate';
import { useApi } from '../api/context';
import type { Examined } from '../state';

export function OpenProfileButton({
  edition,
  onOpened,
  variant = 'outlined',
}: {
  edition: EditionId;
  onOpened: (e: Examined) => void;
  variant?: 'outlined' | 'text';
}) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const open = async (file: File) => {
    setError(null);
    // Not file.text(): that reads UTF-8 only, and PowerShell 5's Out-File writes UTF-16.
    const text = decodeProfileText(new Uint8Array(await file.arrayBuffer()));
    const result = await api.evaluateProfile(text, edition);
    if (result.ok) onOpened({ ...result.value, notes: [], source: 'opened', fileName: file.name });
    else setError(result.error.message);
  };

  return (
    <>
      <input
        id={id}
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('wizard.openProfile.input')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      <Button variant={variant} onClick={() => input.current?.click()}>
        {t('wizard.openProfile.button')}
      </Button>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }} role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
