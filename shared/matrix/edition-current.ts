// The current support matrix: articles/backup/backup-support-matrix-mars-agent.md as of 2026-03, with
// the articles it links to (FAQ, troubleshooting, network, TLS, install). Facts: reference/mars-facts.md.

import type { MatrixEdition } from './types.js';

const supported = 'Supported operating systems';
const endOfSupport = 'Operating systems at end of support';
const serverEditions = ['Standard', 'Datacenter', 'Essentials', 'Server IoT'] as const;
const network = 'Networking and access support';

export const editionCurrent: MatrixEdition = {
  id: 'current',
  date: '2026-03',
  document: 'Support matrix for backup with the Microsoft Azure Recovery Services (MARS) agent',
  operatingSystems: [
    {
      os: 'windows-11',
      listing: 'listed',
      editions: ['Enterprise', 'Pro', 'Home', 'IoT Enterprise'],
      systemState: false,
      section: supported,
    },
    {
      os: 'windows-10',
      listing: 'listed',
      editions: ['Enterprise', 'Pro', 'Home', 'IoT Enterprise'],
      systemState: false,
      section: supported,
    },
    { os: 'windows-8.1', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, section: supported },
    { os: 'windows-8', listing: 'listed', editions: ['Enterprise', 'Pro'], systemState: false, section: supported },
    { os: 'server-2025', listing: 'listed', editions: [...serverEditions], systemState: true, section: supported },
    { os: 'server-2022', listing: 'listed', editions: [...serverEditions], systemState: true, section: supported },
    { os: 'server-2019', listing: 'listed', editions: [...serverEditions], systemState: true, section: supported },
    { os: 'server-2016', listing: 'listed', editions: ['Standard', 'Datacenter', 'Essentials'], systemState: true, section: supported },
    {
      os: 'server-2012-r2',
      listing: 'listed',
      editions: ['Standard', 'Datacenter', 'Foundation', 'Essentials'],
      systemState: true,
      section: supported,
    },
    { os: 'server-2012', listing: 'listed', editions: ['Standard', 'Datacenter', 'Foundation'], systemState: true, section: supported },
    {
      os: 'storage-server',
      listing: 'listed',
      editions: ['Storage Server Standard', 'Storage Server Workgroup'],
      systemState: false,
      section: supported,
    },
    {
      os: 'windows-7',
      listing: 'end-of-support',
      editions: ['Ultimate', 'Enterprise', 'Pro', 'Home Premium', 'Home Basic', 'Starter'],
      systemState: false,
      section: endOfSupport,
    },
    {
      os: 'server-2008-r2',
      listing: 'end-of-support',
      editions: ['Standard', 'Enterprise', 'Datacenter', 'Foundation'],
      systemState: true,
      section: endOfSupport,
    },
    {
      os: 'server-2008',
      listing: 'end-of-support',
      editions: ['Standard', 'Datacenter', 'Foundation'],
      systemState: false,
      section: endOfSupport,
    },
  ],
  serverCoreUnsupported: { unsupported: true, section: supported },
  sizeLimits: [
    { fromVersion: [6, 2], limitGB: 54_400, appliesTo: 'Windows 8, Windows Server 2012 and later', section: 'Size limits' },
    { fromVersion: [0, 0], limitGB: 1_700, appliesTo: 'Windows 7, Windows Server 2008 SP2 and 2008 R2 SP1', section: 'Size limits' },
  ],
  software: {
    dotnetReleaseListed: 528_040,
    dotnetListedName: '4.8',
    dotnetReleaseEndOfSupport: 378_389,
    dotnetEndOfSupportName: '4.5',
    powershellMinimum: '5.0',
    section: supported,
  },
  tls12: { section: 'Transport Layer Security (TLS) 1.2 for Azure Backup' },
  dfsrUnsupported: { section: 'Supported file types for backup' },
  endpoints: [
    { pattern: '*.microsoft.com', protocol: 'https', probeHost: 'www.microsoft.com', port: 443, section: network },
    { pattern: '*.windowsazure.com', protocol: 'https', probeHost: 'management.core.windowsazure.com', port: 443, section: network },
    { pattern: '*.microsoftonline.com', protocol: 'https', probeHost: 'login.microsoftonline.com', port: 443, section: network },
    { pattern: '*.windows.net', protocol: 'https', probeHost: 'login.windows.net', port: 443, section: network },
    {
      pattern: '*.blob.core.windows.net',
      protocol: 'https',
      probeHost: 'mystorage.blob.core.windows.net',
      probeHostIsSample: true,
      port: 443,
      section: network,
    },
    {
      pattern: '*.queue.core.windows.net',
      protocol: 'https',
      probeHost: 'mystorage.queue.core.windows.net',
      probeHostIsSample: true,
      port: 443,
      section: network,
    },
    {
      pattern: '*.blob.storage.azure.net',
      protocol: 'https',
      probeHost: 'md-xyz.blob.storage.azure.net',
      probeHostIsSample: true,
      port: 443,
      section: network,
    },
    {
      pattern: 'www.msftconnecttest.com|www.msftncsi.com',
      anyOf: ['www.msftconnecttest.com', 'www.msftncsi.com'],
      protocol: 'https',
      probeHost: 'www.msftconnecttest.com',
      port: 443,
      section: network,
    },
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
  proxy: { section: network },
  osGeneral: { section: supported },
};
