import type { SystemStateService } from '../profile/types.js';

// The shape of a support-matrix edition. An edition is data: one module per edition, each row citing the
// section of the document it comes from, so that two editions can be compared row by row.

export type EditionId = 'current' | '2019-02';

/** The operating systems the matrix talks about, whichever edition lists them. */
export type OsKey =
  | 'windows-11'
  | 'windows-10'
  | 'windows-8.1'
  | 'windows-8'
  | 'windows-7'
  | 'server-2025'
  | 'server-2022'
  | 'server-2019'
  | 'server-2016'
  | 'server-2012-r2'
  | 'server-2012'
  | 'server-2008-r2'
  | 'server-2008'
  | 'storage-server';

/** Edition names as the matrix writes them (EditionIDs map onto these: see windows-editions.ts). */
export type EditionName =
  | 'Home'
  | 'Pro'
  | 'Enterprise'
  | 'IoT Enterprise'
  | 'Education'
  | 'Ultimate'
  | 'Home Premium'
  | 'Home Basic'
  | 'Starter'
  | 'Standard'
  | 'Datacenter'
  | 'Essentials'
  | 'Foundation'
  | 'Server IoT'
  | 'Storage Server Standard'
  | 'Storage Server Workgroup';

export interface Citation {
  /** Heading of the section in the edition's document (or, for another of Microsoft's articles, its name and heading). */
  section: string;
  /**
   * The https address of that section on learn.microsoft.com (contract v2: every finding's source carries it).
   * One address per section: every row citing the same section gives the same address.
   */
  url: string;
  /** The name of the article the address opens, where it is not the edition's document (articles.ts). */
  document?: string;
}

export interface OsRow extends Citation {
  os: OsKey;
  /** "listed": in the support table; "end-of-support": only in the table of OSes past their support. */
  listing: 'listed' | 'end-of-support';
  editions: EditionName[];
  systemState: boolean;
}

export interface SizeLimitRow extends Citation {
  /** The OS version from which this limit applies (inclusive), as [major, minor]. */
  fromVersion: [number, number];
  limitGB: number;
  appliesTo: string;
}

export interface EndpointRow extends Citation {
  /** The matrix entry, lower case: a host or a wildcard. */
  pattern: string;
  protocol: 'http' | 'https';
  /** The host probed to stand for a wildcard (a wildcard itself cannot be probed). */
  probeHost: string;
  /**
   * The probe host is a made-up name (a storage account, say, which each vault has its own of): it may well
   * not exist, and DNS not knowing it says nothing about the network.
   */
  probeHostIsSample?: boolean;
  port: number;
  /** Patterns that share one finding, any one of which is enough (the OS connectivity check). */
  anyOf?: string[];
}

export interface SoftwareRequirements extends Citation {
  /** Minimum .NET 4.x Release DWORD on a listed OS, and on an end-of-support OS. */
  dotnetReleaseListed: number;
  dotnetReleaseEndOfSupport: number;
  dotnetListedName: string;
  dotnetEndOfSupportName: string;
  powershellMinimum: string;
}

export interface MatrixEdition {
  id: EditionId;
  /** The date of the edition's document. */
  date: string;
  document: string;
  operatingSystems: OsRow[];
  /** Whether Server Core installations are refused (current says so; 2019-02 is silent). */
  serverCoreUnsupported: (Citation & { unsupported: true }) | null;
  sizeLimits: SizeLimitRow[];
  software: SoftwareRequirements | null;
  tls12: Citation | null;
  dfsrUnsupported: Citation | null;
  endpoints: EndpointRow[];
  throttling: Citation & { unavailableOn: OsKey[] };
  cache: Citation & { failBelowPercent: number; warnBelowPercent: number; systemStateFailGB: number; systemStateWarnGB: number };
  volumes: Citation;
  fileKinds: Citation;
  offlineSeeding: Citation & { maxFirstUploadDays: number; largeFirstBackupTB: number };
  instantRestore: Citation & { dotnetRelease: number; dotnetName: string };
  restore: Citation;
  azureVm: Citation;
  agent: Citation;
  proxy: Citation;
  osGeneral: Citation;

  // Contract v2: the articles the matrix links to, for the checks on the agent's version, its vault
  // credentials, System State's prerequisites, antivirus, the clock, the service's proxy and the job history.

  /** Agent versions: below `minimum` every backup fails; `newestListed` is shown as a reference, never required. */
  agentVersions: Citation & { minimum: string; newestListed: string };
  /** The vault credentials file (current only): its extension, how old it may be, the agent it needs to register. */
  vaultCredentials: (Citation & { extension: string; maxAgeDays: number; agentMinimum: string }) | null;
  systemState: {
    /** What Windows Server Backup needs before System State can be backed up; `systemVolumeFreeGB` free on the system volume. */
    prerequisites: Citation & { systemVolumeFreeGB: number };
    windowsServerBackup: Citation;
    /** The services System State backup depends on: `automatic` ones start automatically and run, `onDemand` ones must not be disabled. */
    services: Citation & { automatic: readonly SystemStateService[]; onDemand: readonly SystemStateService[] };
    /** "Ensure your OS has the latest updates" (a pending restart leaves them not yet in effect). */
    updates: Citation;
  };
  antivirus: Citation;
  /** The machine's date and time (the skew thresholds are ours: rules/host.ts). */
  clock: Citation;
  /** The proxy of the system account, which the agent's engine uses. */
  serviceProxy: Citation;
  /** Where to start when a backup job failed or completed with warnings. */
  jobHistory: Citation;
  /** The sections that explain the error codes of the agent's logs (rules/error-codes.ts names which). */
  errorCodes: {
    /** The codes LastBackupFailedFiles lists (Backup jobs completed with warning). */
    failedFiles: Citation;
    activation: Citation;
    commonIssues: Citation;
    vssWriter: Citation;
    shadowStorage: Citation;
  };
}
