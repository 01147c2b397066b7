// The wizard: six pages in order, one component each. The page's heading takes the focus when a page
// opens, so keyboard and screen-reader users start at its top. The header's language menu says everything
// again in the language chosen: the main process is told (it speaks it too), the pages load its catalogue,
// and everything below the header is drawn afresh, the report said again from its findings' messages.
import { Alert, Box, Container, CssBaseline, Stack, Step, StepButton, Stepper, ThemeProvider, Typography } from '@mui/material';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, ScanRequest, WizardApi } from '../../shared/api/wizard-api';
import { LANGUAGE_DIRECTION, type Language } from '../../shared/i18n/languages';
import { currentLanguage, t } from '../../shared/i18n/translate';
import { relocalizeFinding, relocalizeReport } from '../../shared/report/relocalize';
import type { Finding } from '../../shared/report/types';
import { ApiContext } from './api/context';
import type { FixDone } from './components/FixResult';
import { LanguageMenu } from './components/LanguageMenu';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { PendingMoveBanner } from './components/PendingMoveBanner';
import { markDocument, switchLanguage } from './language';
import { WelcomePage } from './pages/WelcomePage';
import { DEFAULT_REQUEST, PAGES, type Examined, type Page } from './state';
import { themeFor } from './theme';

// The first page loads with the app; the others as they are needed, so that the wizard paints sooner.
const SelectPage = lazy(() => import('./pages/SelectPage').then((m) => ({ default: m.SelectPage })));
const ScanPage = lazy(() => import('./pages/ScanPage').then((m) => ({ default: m.ScanPage })));
const ResultsPage = lazy(() => import('./pages/ResultsPage').then((m) => ({ default: m.ResultsPage })));
const FixPage = lazy(() => import('./pages/FixPage').then((m) => ({ default: m.FixPage })));
const ReportPage = lazy(() => import('./pages/ReportPage').then((m) => ({ default: m.ReportPage })));

export function App({ api }: { api: WizardApi }) {
  const [page, setPage] = useState<Page>('welcome');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [request, setRequest] = useState<ScanRequest>(DEFAULT_REQUEST);
  const [examined, setExamined] = useState<Examined | null>(null);
  const [fixing, setFixing] = useState<Finding | null>(null);
  // The fix just done, said at the top of the results until the machine is examined some other way.
  const [fixed, setFixed] = useState<FixDone | null>(null);
  // While a fix runs the wizard stays on the Fix page: its progress and its Stop button are there.
  const [fixRunning, setFixRunning] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The language everything is said in; a change draws everything below the header afresh (its key).
  const [language, setLanguage] = useState<Language>(() => currentLanguage());
  const [languageError, setLanguageError] = useState<string | null>(null);
  const direction = LANGUAGE_DIRECTION[language];
  const theme = useMemo(() => themeFor(direction), [direction]);

  /** Speaks the language in the pages (its catalogue loaded), and says the report and the finding being fixed again in it. */
  const speakHere = useCallback(async (next: Language) => {
    await switchLanguage(next);
    setExamined((e) => (e ? { ...e, report: relocalizeReport(e.report) } : e));
    setFixing((f) => (f ? relocalizeFinding(f) : f));
    setLanguage(next);
  }, []);

  /** What the main process says of itself now; the pages speak its language (a window started or shown again catches up). */
  const refreshInfo = useCallback(async () => {
    const r = await api.appInfo();
    if (!r.ok) return null;
    setInfo(r.value);
    if (r.value.language.current !== currentLanguage()) void speakHere(r.value.language.current);
    return r.value;
  }, [api, speakHere]);

  useEffect(() => {
    markDocument(currentLanguage());
    void refreshInfo().then((value) => value && setRequest((q) => ({ ...q, edition: value.defaultEdition })));
  }, [refreshInfo]);
  useEffect(() => heading.current?.focus(), [page]);
  // The main process speaks one language for every window (another tab of browser mode may have chosen
  // one since): coming back to this window, the pages follow it, so that no page mixes two languages.
  useEffect(() => {
    const follow = () => {
      if (document.visibilityState === 'visible') void refreshInfo();
    };
    window.addEventListener('focus', follow);
    document.addEventListener('visibilitychange', follow);
    return () => {
      window.removeEventListener('focus', follow);
      document.removeEventListener('visibilitychange', follow);
    };
  }, [refreshInfo]);

  const chooseLanguage = async (next: Language) => {
    setLanguageError(null);
    const result = await api.setLanguage(next);
    if (!result.ok) return setLanguageError(result.error.message);
    setInfo((i) => (i ? { ...i, language: result.value } : i));
    try {
      await speakHere(result.value.current);
    } catch (error) {
      setLanguageError((error as Error).message);
    }
    // The main process's own words (the machine's label, an interrupted fix) are said in the language now.
    void refreshInfo();
  };

  const go = useCallback((next: Page) => setPage(next), []);
  const wasRunning = useRef(false);
  const onFixRunning = useCallback(
    (running: boolean) => {
      setFixRunning(running);
      // A fix that ended, however it ended, may have left an interrupted one behind: ask again.
      if (wasRunning.current && !running) void refreshInfo();
      wasRunning.current = running;
    },
    [refreshInfo],
  );
  const show = useCallback(
    (e: Examined | null) => {
      // Said in the pages' language, whichever the main process spoke when it made the report.
      setExamined(e && { ...e, report: relocalizeReport(e.report) });
      setFixed(null);
      // The machine examined again: whether a fix runs elsewhere, or was left interrupted, may have changed too.
      if (e?.source === 'live') void refreshInfo();
    },
    [refreshInfo],
  );
  const reachable = (p: Page) =>
    !fixRunning && (p === 'welcome' || p === 'select' || (examined !== null && p !== 'scan' && (p !== 'fix' || fixing !== null)));
  const title = PAGES.find((p) => p.id === page)!.label();

  return (
    <ApiContext.Provider value={api}>
      <ThemeProvider theme={theme} defaultMode="system">
        <CssBaseline />
        <Container maxWidth="md" component="main" sx={{ py: 3 }}>
          <Stack
            component="header"
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}
          >
            <Typography variant="overline" component="p" color="text.secondary">
              {info ? t('wizard.app.nameVersion', { version: info.toolVersion }) : t('wizard.app.name')}
            </Typography>
            {info && (
              <LanguageMenu
                current={language}
                locked={info.language.locked}
                ignoredPolicy={info.language.ignoredPolicy}
                busy={fixRunning || page === 'scan'}
                onChoose={(next) => void chooseLanguage(next)}
              />
            )}
          </Stack>
          {languageError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {languageError}
            </Alert>
          )}
          <Box key={language}>
            <nav aria-label={t('wizard.app.steps')}>
              <Stepper nonLinear activeStep={PAGES.findIndex((p) => p.id === page)} sx={{ mb: 3, flexWrap: 'wrap', rowGap: 1 }}>
                {PAGES.map((p) => (
                  <Step key={p.id} completed={false} disabled={!reachable(p.id)}>
                    <StepButton onClick={() => go(p.id)} aria-current={p.id === page ? 'step' : undefined}>
                      {p.label()}
                    </StepButton>
                  </Step>
                ))}
              </Stepper>
            </nav>
            {info?.sandbox && (
              <Alert severity="info" role="note" sx={{ mb: 2 }}>
                {t('wizard.app.sandbox')}
              </Alert>
            )}
            {info && (
              <PendingMoveBanner
                info={info}
                request={request}
                onSettled={(outcome) => {
                  void refreshInfo();
                  // The machine examined again after the recovery is the new truth: the fresh report.
                  if (outcome) {
                    show({ ...outcome.after, source: 'live' });
                    go('results');
                  }
                }}
              />
            )}
            <Typography variant="h4" component="h1" tabIndex={-1} ref={heading} sx={{ mb: 2, outline: 'none' }}>
              {page === 'welcome' ? t('wizard.welcome.heading') : title}
            </Typography>
            <PageErrorBoundary key={page}>
              <Suspense fallback={<Typography role="status">{t('wizard.app.loading')}</Typography>}>
                {page === 'welcome' && (
                  <WelcomePage
                    onStart={() => go('select')}
                    onOpened={(e) => {
                      show(e);
                      go('results');
                    }}
                    edition={request.edition}
                  />
                )}
                {page === 'select' && (
                  <SelectPage info={info} request={request} onChange={setRequest} onBack={() => go('welcome')} onScan={() => go('scan')} />
                )}
                {page === 'scan' && (
                  <ScanPage
                    request={request}
                    onDone={(outcome) => {
                      show({ ...outcome, source: 'live' });
                      go('results');
                    }}
                    onBack={() => go('select')}
                  />
                )}
                {page === 'results' && examined && (
                  <ResultsPage
                    examined={examined}
                    request={request}
                    fixed={fixed}
                    onChange={show}
                    onFix={(f) => {
                      setFixing(f);
                      setFixed(null);
                      go('fix');
                    }}
                    onNext={() => go('report')}
                  />
                )}
                {page === 'fix' && examined && fixing && (
                  <FixPage
                    key={`${fixing.check}|${fixing.subject ?? ''}`}
                    info={info}
                    finding={fixing}
                    examined={examined}
                    request={request}
                    onDone={(e, done) => {
                      setExamined({ ...e, report: relocalizeReport(e.report) });
                      setFixed(done);
                    }}
                    onBack={() => go('results')}
                    onRunning={onFixRunning}
                  />
                )}
                {page === 'report' && examined && (
                  <ReportPage
                    examined={examined}
                    onOpened={(e) => {
                      show(e);
                      go('results');
                    }}
                    onRestart={() => {
                      show(null);
                      go('welcome');
                    }}
                  />
                )}
              </Suspense>
            </PageErrorBoundary>
          </Box>
        </Container>
      </ThemeProvider>
    </ApiContext.Provider>
  );
}
