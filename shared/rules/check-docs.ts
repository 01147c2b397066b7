// What each check is, as data: a title and one sentence for a helpdesk agent, the profile fields it reads
// (JSON pointers into the machine profile, `*` standing for any element of a list), the statuses it can
// give, when it gives no finding at all, and the matrix rows it enforces - taken from the edition itself,
// as the rule's findings cite them, so that a section's name is written once, in edition-*.ts.
// `mars-readiness checks` and docs/checks.md (scripts/generate-checks-doc.js) are made from this.

import type { Citation, MatrixEdition } from '../matrix/types.js';
import type { CheckId, Status } from '../report/types.js';
import { KNOWN_ERROR_CODES } from './error-codes.js';

export interface CheckDoc {
  /** A few words naming what is checked. */
  title: string;
  /** One sentence, in plain words, that a helpdesk agent can read out. */
  description: string;
  /** When the check gives no finding at all, or null when it always gives one (the edition aside). */
  when: string | null;
  /** What a finding's subject names when the check gives one finding per thing; null when it gives one finding. */
  subject: string | null;
  /** The profile fields it reads, to decide or to show as evidence. */
  reads: readonly string[];
  /** Every status its findings can take, in the order that decides (fail, warn, unknown, info, pass). */
  statuses: readonly Status[];
  /** The rows of an edition the check enforces; null when the edition has none (the check gives no finding there). */
  cites: (edition: MatrixEdition) => Citation | readonly Citation[] | null;
}

/** What each status means, for every view that explains them. */
export const STATUS_MEANINGS: Record<Status, string> = {
  fail: 'blocks: the agent cannot back this machine up as it stands, and the finding says what to change',
  warn: 'backups work, but with a risk or a loss the user should know about',
  unknown: 'the profile lacks a fact the check needs; the finding says which, and how to find it out',
  info: 'a fact worth knowing, which neither blocks nor warns',
  pass: 'checked, and fine',
};

/** The fields that tell which Windows this is (shared/matrix/identify-os.ts). */
const OS_IDENTITY = ['/os/family', '/os/version', '/os/productType', '/os/installationType', '/os/editionId', '/os/servicePack'];
/** The same, with what names the OS in sentences and evidence. */
const OS_FACTS = [...OS_IDENTITY, '/os/caption', '/os/architecture'];
/** What places the cache folder on a volume (rules/context.ts, volumeOfPath). */
const CACHE_VOLUME = ['/cache/path', '/cache/volume', '/volumes/*/id'];
/** What places each selected item on a volume. */
const ITEM_VOLUMES = ['/selection/items/*/path', '/selection/items/*/volume', '/volumes/*/id'];
/** What makes a volume one the agent cannot use (rules/cache.ts, locationProblems). */
const VOLUME_PROBLEMS = [
  '/volumes/*/driveType',
  '/volumes/*/remotePath',
  '/volumes/*/online',
  '/volumes/*/readOnly',
  '/volumes/*/bitlocker',
];

const ONLY_INSTALLED = 'only when the agent is installed';
const ONLY_AZURE_VM = 'only on an Azure virtual machine';
const ONLY_SELECTION = 'only when the profile says what is to be backed up (a selection)';

/** The edition's operating-system rows, as os.* findings cite them (the OS's row, else the general one). */
const osRows = (edition: MatrixEdition) => [...edition.operatingSystems, edition.osGeneral];

export const CHECK_DOCS: Record<CheckId, CheckDoc> = {
  'os.supported': {
    title: 'Supported Windows',
    description:
      "Tells whether this machine's Windows version, edition and processor type are ones the MARS agent installs on and Microsoft supports it on.",
    when: null,
    subject: null,
    reads: OS_FACTS,
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: osRows,
  },
  'os.system-state': {
    title: 'System State backup',
    description:
      'Tells whether System State can be backed up on this version of Windows, and blocks when it is selected on one where it cannot be.',
    when: null,
    subject: null,
    reads: [...OS_FACTS, '/selection/systemState', '/host/azureVm'],
    statuses: ['fail', 'unknown', 'info'],
    cites: osRows,
  },
  'software.dotnet': {
    title: '.NET Framework',
    description:
      'Checks that the installed .NET Framework is recent enough for the agent to install and run (older Windows past its end of support needs less).',
    when: null,
    subject: null,
    reads: ['/software/dotnetRelease', ...OS_IDENTITY],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.software,
  },
  'software.powershell': {
    title: 'Windows PowerShell',
    description: "Checks that Windows PowerShell is recent enough for the agent's installer, which stops without it.",
    when: null,
    subject: null,
    reads: ['/software/powershellVersion'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.software,
  },
  'network.tls12': {
    title: 'TLS 1.2',
    description:
      'Checks that TLS 1.2, the only protocol the agent talks to Azure with, is available: not turned off in the registry, and turned on where this Windows leaves it off by default.',
    when: null,
    subject: null,
    reads: [
      '/software/tls12/schannelClientEnabled',
      '/software/tls12/schannelClientDisabledByDefault',
      '/software/tls12/dotnetStrongCrypto',
      '/software/tls12/dotnetSystemDefaultTls',
      ...OS_IDENTITY,
    ],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => edition.tls12,
  },
  'agent.install': {
    title: 'Agent installed',
    description:
      'Says whether the MARS agent is already installed, which version, and whether it backs this machine up directly or serves a backup server (MABS or DPM).',
    when: null,
    subject: null,
    reads: ['/agent/installed', '/agent/version', '/agent/installPath', '/host/role'],
    statuses: ['info'],
    cites: (edition) => edition.agent,
  },
  'agent.service': {
    title: 'Backup engine running',
    description: "Checks that the agent's backup engine, the obengine service, is running: scheduled backups do not start without it.",
    when: ONLY_INSTALLED,
    subject: null,
    reads: ['/agent/installed', '/agent/serviceState'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.agent,
  },
  'agent.version': {
    title: 'Agent version',
    description:
      'Checks that the installed MARS agent is recent enough: below 2.0.9083.0 every backup fails, and (current matrix) below 2.0.9249.0 registering with a vault can fail; otherwise shows the version beside the newest one the matrix lists.',
    when: ONLY_INSTALLED,
    subject: null,
    reads: ['/agent/installed', '/agent/version'],
    statuses: ['fail', 'warn', 'unknown', 'info'],
    cites: (edition) => [edition.agentVersions, ...(edition.vaultCredentials ? [edition.vaultCredentials] : [])],
  },
  'agent.interrupted-fix': {
    title: 'No interrupted fix',
    description:
      'Only in a check of this machine (a profile cannot carry it): a fix of this tool that was interrupted - by a crash, a power cut, a closed window - and waits to be finished or undone. It may have left the backup engine stopped.',
    when: 'only in a live check, when the fix record is open',
    subject: null,
    reads: ["the fix record in the wizard's state folder"],
    statuses: ['fail'],
    cites: (edition) => edition.agent,
  },
  'cache.registry': {
    title: 'Cache registry values',
    description:
      'Checks that the two registry values that tell the agent where its cache folder is are both set and name the same folder; when they disagree, backups fail with passphrase errors.',
    when: null,
    subject: null,
    reads: ['/agent/installed', '/agent/scratchLocation', '/agent/providerScratchLocation'],
    statuses: ['fail', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.cache,
  },
  'cache.folder': {
    title: 'Cache folder exists',
    description: 'Checks that the cache folder the registry points the agent at is really there.',
    when: ONLY_INSTALLED,
    subject: null,
    reads: ['/agent/installed', '/cache/path', '/cache/exists'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  },
  'cache.location': {
    title: 'Cache folder location',
    description:
      'Checks that the cache folder is on a local, fixed, online and writable volume of this machine, not on a network share, a removable or optical drive, or a locked BitLocker volume.',
    when: null,
    subject: null,
    reads: [...CACHE_VOLUME, ...VOLUME_PROBLEMS],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  },
  'cache.attributes': {
    title: 'Cache folder attributes',
    description:
      'Checks that the cache folder is a plain folder: not encrypted, compressed or sparse, not a link to somewhere else, and not on a deduplicated volume.',
    when: null,
    subject: null,
    reads: [...CACHE_VOLUME, '/cache/attributes', '/volumes/*/deduplicated'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  },
  'cache.free-space': {
    title: 'Free space for the cache',
    description:
      'Checks that the volume holding the cache has enough free space for the data chosen for backup: a share of its size, plus extra room when System State is included.',
    when: null,
    subject: null,
    reads: [...CACHE_VOLUME, '/volumes/*/freeBytes', '/selection/systemState', '/selection/items/*/sizeBytes'],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  },
  'cache.azure-temporary': {
    title: 'Cache on the Azure temporary disk',
    description:
      "Checks that the cache folder is not on the Azure VM's temporary disk, which Azure wipes when it moves, resizes or redeploys the VM.",
    when: ONLY_AZURE_VM,
    subject: null,
    reads: ['/host/azureVm', ...CACHE_VOLUME, '/volumes/*/azureTemporary'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.azureVm,
  },
  'volume.supported': {
    title: 'Volume can be backed up',
    description:
      'For each volume that holds data chosen for backup, checks that the agent can read from it: a local, fixed, online, writable NTFS volume, unlocked when the backup starts.',
    when: ONLY_SELECTION,
    subject: 'the volume id, one finding per volume holding selected items',
    reads: [...ITEM_VOLUMES, ...VOLUME_PROBLEMS, '/volumes/*/fileSystem', '/volumes/*/deduplicated'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.volumes,
  },
  'volume.size-limit': {
    title: 'Volume size limit',
    description:
      'For each volume that holds data chosen for backup, checks that the amount selected there stays under the most the agent backs up from one volume on this version of Windows.',
    when: `${ONLY_SELECTION}, on Windows`,
    subject: 'the volume id, one finding per volume holding selected items',
    reads: [...ITEM_VOLUMES, '/selection/items/*/sizeBytes', ...OS_IDENTITY],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => (edition.sizeLimits.length > 0 ? edition.sizeLimits : edition.volumes),
  },
  'selection.azure-temporary': {
    title: 'Selected data on the Azure temporary disk',
    description:
      "Warns when data chosen for backup lives on the Azure VM's temporary disk, which is wiped when the VM is moved, so the data and its backups are lost.",
    when: ONLY_AZURE_VM,
    subject: null,
    reads: ['/host/azureVm', ...ITEM_VOLUMES, '/volumes/*/azureTemporary'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.azureVm,
  },
  'selection.agent-folders': {
    title: "The agent's folders left out of the backup",
    description:
      "Warns when a folder chosen for backup is, or holds, the agent's cache folder or its bin folder: the backup then fails unless both are excluded, and the profile does not record exclusions.",
    when: 'only when the profile says what is to be backed up and where the cache folder or the agent is',
    subject: null,
    reads: ['/selection/items/*/path', '/cache/path', '/agent/installPath'],
    statuses: ['warn', 'pass'],
    cites: (edition) => edition.cache,
  },
  'files.skipped': {
    title: 'Files the agent skips',
    description:
      'Counts the files in the scanned folders that the agent leaves out of every backup, such as hard links, junctions and files both encrypted and sparse.',
    when: null,
    subject: null,
    reads: ['/selection/items/*/path', '/selection/items/*/skipped'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.fileKinds,
  },
  'files.onedrive': {
    title: 'OneDrive and cloud-only files',
    description:
      'Warns when what is chosen for backup includes OneDrive folders or files kept only in the cloud, which the agent does not back up.',
    when: ONLY_SELECTION,
    subject: null,
    reads: ['/selection/items/*/path', '/selection/items/*/oneDrive', '/selection/items/*/skipped/cloudPlaceholders'],
    statuses: ['warn', 'pass'],
    cites: (edition) => edition.fileKinds,
  },
  'files.dfsr': {
    title: 'DFS Replication folders',
    description:
      'Blocks when what is chosen for backup includes folders kept in step by DFS Replication, which the agent does not support.',
    when: ONLY_SELECTION,
    subject: null,
    reads: ['/selection/items/*/path', '/selection/items/*/dfsReplicated'],
    statuses: ['fail', 'pass'],
    cites: (edition) => edition.dfsrUnsupported,
  },
  'network.endpoints': {
    title: 'Microsoft addresses reachable',
    description:
      'For each Microsoft address the agent has to reach, checks that the network test got through to it, since registration and backups fail without it.',
    when: null,
    subject:
      'the address pattern, one finding per pattern the edition lists (a single finding without one when the network was not tested)',
    reads: [
      '/network/endpoints/*/pattern',
      '/network/endpoints/*/host',
      '/network/endpoints/*/reachable',
      '/network/endpoints/*/error',
      '/network/endpoints/*/ms',
    ],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => (edition.endpoints.length > 0 ? edition.endpoints : edition.proxy),
  },
  'network.proxy': {
    title: 'Proxy settings',
    description:
      "Shows the proxy the agent's service would go through; the service runs as Local System, so the signed-in user's own proxy settings do not apply to it.",
    when: null,
    subject: null,
    reads: ['/network/proxy/winhttp', '/network/proxy/system', '/network/proxy/environment'],
    statuses: ['info'],
    cites: (edition) => edition.proxy,
  },
  'network.service-proxy': {
    title: "The backup engine's proxy",
    description:
      "Checks that the network test went out through the same proxy as the agent's backup engine, which runs as Local System and uses the machine's WinHTTP setting or Local System's own Internet settings.",
    when: 'only when the profile records the proxies (serviceProxy)',
    subject: null,
    reads: ['/serviceProxy/winhttp', '/serviceProxy/systemAccount', '/serviceProxy/probe'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.serviceProxy,
  },
  'network.throttling': {
    title: 'Network throttling',
    description:
      "Says whether the agent's bandwidth throttling, with separate limits for work and non-work hours, is available on this version of Windows.",
    when: null,
    subject: null,
    reads: OS_IDENTITY,
    statuses: ['info'],
    cites: (edition) => edition.throttling,
  },
  'backup.offline-seeding': {
    title: 'Length of the first backup',
    description:
      'Estimates how long the first full upload will take at the given upload speed, and suggests sending the first copy on disk when that would take more than a week or the data is very large.',
    when: ONLY_SELECTION,
    subject: null,
    reads: ['/selection/items/*/sizeBytes', '/network/uploadMbps'],
    statuses: ['warn', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.offlineSeeding,
  },
  'restore.instant-restore': {
    title: 'Instant Restore',
    description:
      'Checks that the .NET Framework is recent enough for Instant Restore, which opens a recovery point as a drive; backups work either way.',
    when: null,
    subject: null,
    reads: ['/software/dotnetRelease'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.instantRestore,
  },
  'restore.target': {
    title: 'Restore target',
    description:
      'Checks that the machine named to restore to runs the same or a later Windows version than this one, since backups cannot be restored onto an older Windows.',
    when: 'only when the profile names a machine to restore to',
    subject: null,
    reads: ['/restoreTarget/version', '/os/family', '/os/version'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.restore,
  },
  'system-state.prerequisites': {
    title: "System State's prerequisites",
    description:
      'Where System State is to be backed up, checks what Windows Server Backup needs first: the feature installed, the services it depends on set up and running, 30 GB free on the system volume, and no restart pending.',
    when: 'only when System State is selected on a Windows Server that can back it up, not an Azure VM, and the profile records the prerequisites',
    subject:
      'the prerequisite: windows-server-backup, services, system-volume-space, pending-reboot (one finding without a subject when none could be read)',
    reads: [
      '/selection/systemState',
      ...OS_IDENTITY,
      '/host/azureVm',
      '/systemStatePrerequisites/windowsServerBackup',
      '/systemStatePrerequisites/services',
      '/systemStatePrerequisites/systemVolume',
      '/systemStatePrerequisites/rebootPending',
      '/volumes/*/id',
      '/volumes/*/freeBytes',
    ],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => [
      edition.systemState.prerequisites,
      edition.systemState.windowsServerBackup,
      edition.systemState.services,
      edition.systemState.updates,
    ],
  },
  'agent.vault-credentials': {
    title: 'Vault credentials file',
    description:
      'Checks the vault credentials file named for registering the agent: Azure refuses one with another extension than .VaultCredentials, one that is damaged, or one downloaded more than 10 days earlier; an agent below 2.0.9249.0 may not accept it.',
    when: 'only when a vault credentials file was named (vaultCredentials)',
    subject: null,
    reads: [
      '/vaultCredentials/fileName',
      '/vaultCredentials/lastWriteTime',
      '/vaultCredentials/xmlWellFormed',
      '/capturedAt',
      '/agent/installed',
      '/agent/version',
    ],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => edition.vaultCredentials,
  },
  'agent.antivirus': {
    title: 'Antivirus exclusions',
    description:
      "Checks that Microsoft Defender's real-time scanning leaves out the agent's cache folder, its bin folder and its engine, cbengine.exe; other antivirus products are not examined.",
    when: "only when the agent is installed and the profile records Defender's settings (antivirus)",
    subject: null,
    reads: [
      '/antivirus/defenderRealTimeProtection',
      '/antivirus/exclusionPaths',
      '/antivirus/exclusionProcesses',
      '/cache/path',
      '/agent/installPath',
    ],
    statuses: ['warn', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.antivirus,
  },
  'host.clock': {
    title: 'Clock',
    description:
      "Checks that this machine's clock agrees with Microsoft's servers: more than a minute apart is a risk, more than five minutes and Azure can refuse the agent's sign-in (thresholds of this tool).",
    when: 'only when the profile records a clock measurement (clock)',
    subject: null,
    reads: ['/clock/skewSeconds', '/clock/referenceHost'],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => edition.clock,
  },
  'history.last-backup': {
    title: 'Last backup',
    description:
      "Tells how the latest backup job that finished went, from the agent's event log: completed, completed with warnings, completed with errors, or a scheduled backup that failed to start.",
    when: "only when the agent is installed and the profile records the agent's history",
    subject: null,
    reads: ['/agent/installed', '/history/windowDays', '/history/events'],
    statuses: ['fail', 'warn', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.jobHistory,
  },
  'history.known-error': {
    title: 'Errors in the agent logs',
    description:
      "For each error code in the agent's own logs, says what it means, what usually causes it, and which check tells whether that cause is still there.",
    when: "only when the agent is installed, the profile records the agent's history, and its logs hold error codes",
    subject: 'the error code, one finding per code (one finding without a subject when the logs could not be read)',
    reads: ['/agent/installed', '/history/windowDays', '/history/errorCodes'],
    statuses: ['warn', 'unknown', 'info'],
    cites: (edition) => [...new Set([edition.errorCodes.failedFiles, ...KNOWN_ERROR_CODES.map((entry) => entry.cite(edition))])],
  },
};

/** The section names a check enforces in an edition, each once, in the edition's order; empty when it has none. */
export function sectionsOf(check: CheckId, edition: MatrixEdition): string[] {
  const cited = CHECK_DOCS[check].cites(edition);
  const rows: readonly Citation[] = cited === null ? [] : Array.isArray(cited) ? cited : [cited as Citation];
  return [...new Set(rows.map((row) => row.section))];
}
