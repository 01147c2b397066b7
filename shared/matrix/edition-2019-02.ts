// The original support matrix: "Support matrix for backup with the MARS agent", dated 2019-02-17
// (reference/support-matrix-2019-02.md). Rows as that document has them; its known typos (`bengine`,
// "should be encrypted") are corrected as later editions corrected them (reference/mars-facts.md).

import type { MatrixEdition } from './types.js';

const direct = 'Support for direct backups';

export const edition201902: MatrixEdition = {
  id: '2019-02',
  date: '2019-02-17',
  document: 'Support matrix for backup with the Microsoft Azure Recovery Services (MARS) agent',
  operatingSystems: [
    { os: 'windows-10', listing: 'listed', editions: ['Enterprise', 'Pro', 'Home'], systemState: false, section: direct },
    { os: 'windows-8.1', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, section: direct },
    { os: 'windows-8', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, section: direct },
    {
      os: 'windows-7',
      listing: 'listed',
      editions: ['Ultimate', 'Enterprise', 'Pro', 'Home Premium', 'Home Basic', 'Starter'],
      systemState: false,
      section: direct,
    },
    { os: 'server-2016', listing: 'listed', editions: ['Standard', 'Datacenter', 'Essentials'], systemState: true, section: direct },
    {
      os: 'server-2012-r2',
      listing: 'listed',
      editions: ['Standard', 'Datacenter', 'Foundation', 'Essentials'],
      systemState: true,
      section: direct,
    },
    { os: 'server-2012', listing: 'listed', editions: ['Standard', 'Datacenter', 'Foundation'], systemState: true, section: direct },
    {
      os: 'server-2008-r2',
      listing: 'listed',
      editions: ['Standard', 'Enterprise', 'Datacenter', 'Foundation'],
      systemState: true,
      section: direct,
    },
    { os: 'server-2008', listing: 'listed', editions: ['Standard', 'Datacenter', 'Foundation'], systemState: false, section: direct },
    {
      os: 'storage-server',
      listing: 'listed',
      editions: ['Storage Server Standard', 'Storage Server Workgroup'],
      systemState: false,
      section: direct,
    },
  ],
  serverCoreUnsupported: null,
  sizeLimits: [
    { fromVersion: [6, 2], limitGB: 54_400, appliesTo: 'Windows 8, Windows Server 2012 and later', section: 'Backup limits' },
    { fromVersion: [0, 0], limitGB: 1_700, appliesTo: 'Windows 7, Windows Server 2008 SP2 and 2008 R2 SP1', section: 'Backup limits' },
  ],
  software: null,
  tls12: null,
  dfsrUnsupported: null,
  endpoints: [
    { pattern: 'www.msftncsi.com', protocol: 'http', probeHost: 'www.msftncsi.com', port: 80, section: 'URL access' },
    { pattern: '*.microsoft.com', protocol: 'https', probeHost: 'www.microsoft.com', port: 443, section: 'URL access' },
    { pattern: '*.windowsazure.com', protocol: 'https', probeHost: 'management.core.windowsazure.com', port: 443, section: 'URL access' },
    { pattern: '*.microsoftonline.com', protocol: 'https', probeHost: 'login.microsoftonline.com', port: 443, section: 'URL access' },
    { pattern: '*.windows.net', protocol: 'https', probeHost: 'login.windows.net', port: 443, section: 'URL access' },
  ],
  throttling: { unavailableOn: ['server-2008-r2', 'server-2008', 'windows-7'], section: 'Throttling support' },
  cache: { failBelowPercent: 5, warnBelowPercent: 10, systemStateFailGB: 30, systemStateWarnGB: 35, section: 'Cache folder support' },
  volumes: { section: 'Supported drives or volumes for backup' },
  fileKinds: { section: 'Supported file types for backup' },
  offlineSeeding: { maxFirstUploadDays: 7, largeFirstBackupTB: 1, section: 'Support for initial offline backup' },
  instantRestore: { dotnetRelease: 379_893, dotnetName: '4.5.2', section: 'Support for data restoration' },
  restore: { section: 'Support for data restoration' },
  azureVm: { section: 'The MARS agent' },
  agent: { section: 'The MARS agent' },
  proxy: { section: 'URL access' },
  osGeneral: { section: direct },
};
