// The original support matrix: "Support matrix for backup with the MARS agent", dated 2019-02-17
// (reference/support-matrix-2019-02.md). Rows as that document has them; its known typos (`bengine`,
// "should be encrypted") are corrected as later editions corrected them (reference/mars-facts.md).

import { ARTICLES, cite, type Heading } from './articles.js';
import type { Citation, MatrixEdition } from './types.js';

// Each section once, with its address on learn.microsoft.com (contract v2: findings carry it). The page is
// the same one, revised since; where a 2019-02 heading is gone, the address is that of the heading that
// holds its rows today ("Support for direct backups" is now "Supported operating systems", "URL access"
// "URL and IP access"). The other articles are cited as in the current edition, where they exist.
const matrix = (heading: Heading<'matrix'>, anchor: string): Citation => cite('matrix', heading, anchor);
const troubleshoot = (heading: Heading<'troubleshoot'>, anchor: string): Citation => cite('troubleshoot', heading, anchor);
const systemStateArticle = (heading: Heading<'systemState'>, anchor: string): Citation => cite('systemState', heading, anchor);

const direct = matrix('Support for direct backups', 'supported-operating-systems');
const backupLimits = matrix('Backup limits', 'backup-limits');
const urlAccess = matrix('URL access', 'url-and-ip-access');
const fileTypes = matrix('Supported file types for backup', 'supported-file-types-for-backup');
const cache = matrix('Cache folder support', 'cache-folder-support');
const restoration = matrix('Support for data restoration', 'support-for-data-restoration');
const theAgent = matrix('The MARS agent', 'the-mars-agent');

export const edition201902: MatrixEdition = {
  id: '2019-02',
  date: '2019-02-17',
  document: ARTICLES.matrix.document,
  operatingSystems: [
    { os: 'windows-10', listing: 'listed', editions: ['Enterprise', 'Pro', 'Home'], systemState: false, ...direct },
    { os: 'windows-8.1', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, ...direct },
    { os: 'windows-8', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, ...direct },
    {
      os: 'windows-7',
      listing: 'listed',
      editions: ['Ultimate', 'Enterprise', 'Pro', 'Home Premium', 'Home Basic', 'Starter'],
      systemState: false,
      ...direct,
    },
    { os: 'server-2016', listing: 'listed', editions: ['Standard', 'Datacenter', 'Essentials'], systemState: true, ...direct },
    {
      os: 'server-2012-r2',
      listing: 'listed',
      editions: ['Standard', 'Datacenter', 'Foundation', 'Essentials'],
      systemState: true,
      ...direct,
    },
    { os: 'server-2012', listing: 'listed', editions: ['Standard', 'Datacenter', 'Foundation'], systemState: true, ...direct },
    {
      os: 'server-2008-r2',
      listing: 'listed',
      editions: ['Standard', 'Enterprise', 'Datacenter', 'Foundation'],
      systemState: true,
      ...direct,
    },
    { os: 'server-2008', listing: 'listed', editions: ['Standard', 'Datacenter', 'Foundation'], systemState: false, ...direct },
    {
      os: 'storage-server',
      listing: 'listed',
      editions: ['Storage Server Standard', 'Storage Server Workgroup'],
      systemState: false,
      ...direct,
    },
  ],
  serverCoreUnsupported: null,
  sizeLimits: [
    { fromVersion: [6, 2], limitGB: 54_400, appliesTo: 'Windows 8, Windows Server 2012 and later', ...backupLimits },
    { fromVersion: [0, 0], limitGB: 1_700, appliesTo: 'Windows 7, Windows Server 2008 SP2 and 2008 R2 SP1', ...backupLimits },
  ],
  software: null,
  tls12: null,
  dfsrUnsupported: null,
  endpoints: [
    { pattern: 'www.msftncsi.com', protocol: 'http', probeHost: 'www.msftncsi.com', port: 80, ...urlAccess },
    { pattern: '*.microsoft.com', protocol: 'https', probeHost: 'www.microsoft.com', port: 443, ...urlAccess },
    { pattern: '*.windowsazure.com', protocol: 'https', probeHost: 'management.core.windowsazure.com', port: 443, ...urlAccess },
    { pattern: '*.microsoftonline.com', protocol: 'https', probeHost: 'login.microsoftonline.com', port: 443, ...urlAccess },
    { pattern: '*.windows.net', protocol: 'https', probeHost: 'login.windows.net', port: 443, ...urlAccess },
  ],
  throttling: { unavailableOn: ['server-2008-r2', 'server-2008', 'windows-7'], ...matrix('Throttling support', 'throttling-support') },
  cache: { failBelowPercent: 5, warnBelowPercent: 10, systemStateFailGB: 30, systemStateWarnGB: 35, ...cache },
  volumes: matrix('Supported drives or volumes for backup', 'supported-drives-or-volumes-for-backup'),
  fileKinds: fileTypes,
  offlineSeeding: {
    maxFirstUploadDays: 7,
    largeFirstBackupTB: 1,
    ...matrix('Support for initial offline backup', 'support-for-initial-offline-backup'),
  },
  instantRestore: { dotnetRelease: 379_893, dotnetName: '4.5.2', ...restoration },
  restore: restoration,
  azureVm: theAgent,
  agent: theAgent,
  proxy: urlAccess,
  osGeneral: direct,
  // Every backup of an agent below 2.0.9083.0 fails since 2018-03-19, before this edition: it holds here too.
  // This page lists no agent versions; the reference shown is the current matrix's newest.
  agentVersions: {
    minimum: '2.0.9083.0',
    newestListed: '2.0.9625.0',
    ...cite(
      'upgrade',
      'Identify servers with earlier versions of the MARS agent',
      'identify-servers-with-earlier-versions-of-the-mars-agent',
    ),
  },
  // The vault credentials rules (10 days, agent 2.0.9249.0) are later than this edition: current only.
  vaultCredentials: null,
  // System State's prerequisites are unchanged since that article's 2019-07-22 edition.
  systemState: {
    prerequisites: { systemVolumeFreeGB: 30, ...systemStateArticle('Prerequisites', 'prerequisites') },
    windowsServerBackup: systemStateArticle('Verify Windows Server Backup is installed', 'verify-windows-server-backup-is-installed'),
    services: {
      automatic: ['RpcSs', 'EventSystem', 'SENS'],
      onDemand: ['VSS', 'SWPRV'],
      ...systemStateArticle('Dependent services', 'dependent-services'),
    },
    updates: systemStateArticle('Basic troubleshooting', 'basic-troubleshooting'),
  },
  antivirus: troubleshoot(
    'Another process or antivirus software blocking access to cache folder',
    'another-process-or-antivirus-software-blocking-access-to-cache-folder',
  ),
  clock: troubleshoot('Additional recommendations', 'additional-recommendations'),
  serviceProxy: troubleshoot('Verifying proxy settings for Windows', 'verifying-proxy-settings-for-windows'),
  jobHistory: troubleshoot('Basic troubleshooting', 'basic-troubleshooting'),
  errorCodes: {
    failedFiles: troubleshoot('Backup jobs completed with warning', 'backup-jobs-completed-with-warning'),
    activation: troubleshoot('The activation did not complete successfully', 'the-activation-did-not-complete-successfully'),
    commonIssues: troubleshoot('Common issues', 'common-issues'),
    vssWriter: systemStateArticle('VSS Writer timeout error', 'vss-writer-timeout-error'),
    shadowStorage: troubleshoot('Increase shadow copy storage', 'increase-shadow-copy-storage'),
  },
};
