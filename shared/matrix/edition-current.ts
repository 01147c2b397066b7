// The current support matrix: articles/backup/backup-support-matrix-mars-agent.md as of 2026-03, with
// the articles it links to (FAQ, troubleshooting, System State troubleshooting, upgrade, network, TLS,
// install). Facts: reference/mars-facts.md.

import { ARTICLES, cite, citeArticle, type Heading } from './articles.js';
import type { Citation, MatrixEdition } from './types.js';

// Each section once, with its address on learn.microsoft.com (contract v2: findings carry it).
const matrix = (heading: Heading<'matrix'>, anchor: string): Citation => cite('matrix', heading, anchor);
const troubleshoot = (heading: Heading<'troubleshoot'>, anchor: string): Citation => cite('troubleshoot', heading, anchor);
const systemStateArticle = (heading: Heading<'systemState'>, anchor: string): Citation => cite('systemState', heading, anchor);

const supported = matrix('Supported operating systems', 'supported-operating-systems');
const endOfSupport = matrix('Operating systems at end of support', 'operating-systems-at-end-of-support');
const serverEditions = ['Standard', 'Datacenter', 'Essentials', 'Server IoT'] as const;
const network = matrix('Networking and access support', 'networking-and-access-support');
const sizeLimits = matrix('Size limits', 'size-limits');
const fileTypes = matrix('Supported file types for backup', 'supported-file-types-for-backup');
const cache = matrix('Cache folder support', 'cache-folder-support');
const restoration = matrix('Support for data restoration', 'support-for-data-restoration');
const theAgent = matrix('The MARS agent', 'the-mars-agent');

export const editionCurrent: MatrixEdition = {
  id: 'current',
  date: '2026-03',
  document: ARTICLES.matrix.document,
  operatingSystems: [
    {
      os: 'windows-11',
      listing: 'listed',
      editions: ['Enterprise', 'Pro', 'Home', 'IoT Enterprise'],
      systemState: false,
      ...supported,
    },
    {
      os: 'windows-10',
      listing: 'listed',
      editions: ['Enterprise', 'Pro', 'Home', 'IoT Enterprise'],
      systemState: false,
      ...supported,
    },
    { os: 'windows-8.1', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, ...supported },
    { os: 'windows-8', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, ...supported },
    { os: 'server-2025', listing: 'listed', editions: [...serverEditions], systemState: true, ...supported },
    { os: 'server-2022', listing: 'listed', editions: [...serverEditions], systemState: true, ...supported },
    { os: 'server-2019', listing: 'listed', editions: [...serverEditions], systemState: true, ...supported },
    { os: 'server-2016', listing: 'listed', editions: ['Standard', 'Datacenter', 'Essentials'], systemState: true, ...supported },
    {
      os: 'server-2012-r2',
      listing: 'listed',
      editions: ['Standard', 'Datacenter', 'Foundation', 'Essentials'],
      systemState: true,
      ...supported,
    },
    { os: 'server-2012', listing: 'listed', editions: ['Standard', 'Datacenter', 'Foundation'], systemState: true, ...supported },
    {
      os: 'storage-server',
      listing: 'listed',
      editions: ['Storage Server Standard', 'Storage Server Workgroup'],
      systemState: false,
      ...supported,
    },
    {
      os: 'windows-7',
      listing: 'end-of-support',
      editions: ['Ultimate', 'Enterprise', 'Pro', 'Home Premium', 'Home Basic', 'Starter'],
      systemState: false,
      ...endOfSupport,
    },
    {
      os: 'server-2008-r2',
      listing: 'end-of-support',
      editions: ['Standard', 'Enterprise', 'Datacenter', 'Foundation'],
      systemState: true,
      ...endOfSupport,
    },
    {
      os: 'server-2008',
      listing: 'end-of-support',
      editions: ['Standard', 'Datacenter', 'Foundation'],
      systemState: false,
      ...endOfSupport,
    },
  ],
  serverCoreUnsupported: { unsupported: true, ...supported },
  sizeLimits: [
    { fromVersion: [6, 2], limitGB: 54_400, appliesTo: 'Windows 8, Windows Server 2012 and later', ...sizeLimits },
    { fromVersion: [0, 0], limitGB: 1_700, appliesTo: 'Windows 7, Windows Server 2008 SP2 and 2008 R2 SP1', ...sizeLimits },
  ],
  software: {
    dotnetReleaseListed: 528_040,
    dotnetListedName: '4.8',
    dotnetReleaseEndOfSupport: 378_389,
    dotnetEndOfSupportName: '4.5',
    powershellMinimum: '5.0',
    ...supported,
  },
  tls12: citeArticle('tls'),
  dfsrUnsupported: fileTypes,
  endpoints: [
    { pattern: '*.microsoft.com', protocol: 'https', probeHost: 'www.microsoft.com', port: 443, ...network },
    { pattern: '*.windowsazure.com', protocol: 'https', probeHost: 'management.core.windowsazure.com', port: 443, ...network },
    { pattern: '*.microsoftonline.com', protocol: 'https', probeHost: 'login.microsoftonline.com', port: 443, ...network },
    { pattern: '*.windows.net', protocol: 'https', probeHost: 'login.windows.net', port: 443, ...network },
    {
      pattern: '*.blob.core.windows.net',
      protocol: 'https',
      probeHost: 'mystorage.blob.core.windows.net',
      probeHostIsSample: true,
      port: 443,
      ...network,
    },
    {
      pattern: '*.queue.core.windows.net',
      protocol: 'https',
      probeHost: 'mystorage.queue.core.windows.net',
      probeHostIsSample: true,
      port: 443,
      ...network,
    },
    {
      pattern: '*.blob.storage.azure.net',
      protocol: 'https',
      probeHost: 'md-xyz.blob.storage.azure.net',
      probeHostIsSample: true,
      port: 443,
      ...network,
    },
    {
      pattern: 'www.msftconnecttest.com|www.msftncsi.com',
      anyOf: ['www.msftconnecttest.com', 'www.msftncsi.com'],
      protocol: 'https',
      probeHost: 'www.msftconnecttest.com',
      port: 443,
      ...network,
    },
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
  proxy: network,
  osGeneral: supported,
  agentVersions: {
    minimum: '2.0.9083.0',
    // The last row of the matrix's "Previous MARS agent versions" (KB5095917): shown as a reference only,
    // since the latest agent is published as a download, never as a number.
    newestListed: '2.0.9625.0',
    ...cite(
      'upgrade',
      'Identify servers with earlier versions of the MARS agent',
      'identify-servers-with-earlier-versions-of-the-mars-agent',
    ),
  },
  vaultCredentials: {
    extension: '.vaultCredentials',
    maxAgeDays: 10,
    agentMinimum: '2.0.9249.0',
    ...troubleshoot('Invalid vault credentials provided', 'invalid-vault-credentials-provided'),
  },
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
