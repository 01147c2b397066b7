// What a test that renders the wizard imports first. The pages are lazy (renderer/src/App.tsx), and a
// page's first import is transformed then and there: on two busy cores that took longer than a find*
// query waits, and the page seemed never to come. Imported here, before any test runs, each page shows
// as quickly the first time as any other. find* queries wait up to 8 s (returning the moment it is there),
// and a test that walks the wizard through several pages has a minute (it took 23 s on busy cores).
import { configure } from '@testing-library/react';
import { vi } from 'vitest';

await Promise.all([
  import('../../renderer/src/pages/SelectPage'),
  import('../../renderer/src/pages/ScanPage'),
  import('../../renderer/src/pages/ResultsPage'),
  import('../../renderer/src/pages/FixPage'),
  import('../../renderer/src/pages/ReportPage'),
]);
configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 60_000 });
