// The language menu in the app's header: each language by its own name (and marked as that language, so
// that a screen reader says "Deutsch" in German). Choosing one is the App's to carry out. While a policy
// of the machine sets the language, the menu is disabled and says so; while a scan or a fix runs, too. A
// policy value set to a language the tool does not speak is said beside it, for whoever set it.
import { Box, Button, Menu, MenuItem, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { policyPassedOverWords, type IgnoredPolicy } from '../../../shared/i18n/policy';
import { t } from '../../../shared/i18n/translate';

export function LanguageMenu({
  current,
  locked,
  ignoredPolicy = null,
  busy = false,
  onChoose,
}: {
  current: Language;
  /** A policy of the machine fixes the language. */
  locked: boolean;
  /** The machine's policy value is set but of no use (a language the tool does not speak): said beside the menu. */
  ignoredPolicy?: IgnoredPolicy | null;
  /** A scan or a fix runs: the pages cannot be said again now. */
  busy?: boolean;
  onChoose: (language: Language) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const noteId = useId();
  const choose = (language: Language) => {
    setAnchor(null);
    if (language !== current) onChoose(language);
  };
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
      <Button
        size="small"
        color="inherit"
        variant="outlined"
        aria-label={t('wizard.language.button', { name: LANGUAGE_NAMES[current] })}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-describedby={locked ? noteId : undefined}
        disabled={locked || busy}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <span lang={current}>{LANGUAGE_NAMES[current]}</span>
        <span aria-hidden="true">&nbsp;▾</span>
      </Button>
      {locked && (
        <Typography id={noteId} variant="caption" color="text.secondary">
          {t('wizard.language.policy')}
        </Typography>
      )}
      {ignoredPolicy && (
        <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {policyPassedOverWords(ignoredPolicy)}
        </Typography>
      )}
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((language) => (
          <MenuItem
            key={language}
            lang={language}
            role="menuitemradio"
            aria-checked={language === current}
            selected={language === current}
            onClick={() => choose(language)}
          >
            {LANGUAGE_NAMES[language]}
          </MenuItem>
        ))}
      </Menu>
    </Box>
  );
}
