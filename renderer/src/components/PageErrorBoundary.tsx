// What the user sees when a page cannot be drawn: the page's code failed to load (the later pages load as
// they are needed) or it threw while drawing. Without a boundary React would take the whole wizard down to
// a blank window; with it the header and the steps stay, and the user is told what happened, in words, with
// the one thing that helps: loading the wizard again. The App keys it by page, so another page starts clean.
import { Alert, AlertTitle, Button } from '@mui/material';
import { Component, type ReactNode } from 'react';
import { t } from '../../../shared/i18n/translate';

interface State {
  error: Error | null;
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever opens the developer tools (or reads a test's log): the stack the sentence leaves out.
    console.error('A page of the wizard failed:', error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert
        severity="error"
        role="alert"
        action={
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            {t('wizard.app.pageReload')}
          </Button>
        }
      >
        <AlertTitle>{t('wizard.app.pageFailed')}</AlertTitle>
        {t('wizard.app.pageFailedDetail', { error: error.message })}
      </Alert>
    );
  }
}
