// What each check is, as data: a title and one sentence for a helpdesk agent, the profile fields it reads
// (JSON pointers into the machine profile, `*` standing for any element of a list), the statuses it can
// give, when it gives no finding at all, and the matrix rows it enforces - taken from the edition itself,
// as the rule's findings cite them, so that a section's name is written once, in edition-*.ts.
// `mars-readiness checks` and docs/checks.md (scripts/generate-checks-doc.js) are made from this.

import type { Citation, MatrixEdition } from '../matrix/types.js';
import type { CheckId, Status } from '../report/types.js';
import { KNOWN_ERROR_CODES } from './error-codes.js';
import { m, type MessageId, type Msg } from '../i18n/message.js';
import { say, t } from '../i18n/translate.js';

export interface CheckDoc {
  /** A few words naming what is checked, in the current language. */
  readonly title: string;
  /** One sentence, in plain words, that a helpdesk agent can read out, in the current language. */
  readonly description: string;
  /** When the check gives no finding at all, or null when it always gives one (the edition aside). */
  readonly when: string | null;
  /** What a finding's subject names when the check gives one finding per thing; null when it gives one finding. */
  readonly subject: string | null;
  /** The same words as catalogue messages (checkDocs.*), for a view that says them itself. */
  readonly messages: { title: Msg; description: Msg; when: Msg | null; subject: Msg | null };
  /** The profile fields it reads, to decide or to show as evidence. */
  reads: readonly string[];
  /** Every status its findings can take, in the order that decides (fail, warn, unknown, info, pass). */
  statuses: readonly Status[];
  /** The rows of an edition the check enforces; null when the edition has none (the check gives no finding there). */
  cites: (edition: MatrixEdition) => Citation | readonly Citation[] | null;
}

/** What each status means, for every view that explains them, in the current language. */
export const STATUS_MEANINGS: Readonly<Record<Status, string>> = {
  get fail() {
    return t('checkDocs.status.fail');
  },
  get warn() {
    return t('checkDocs.status.warn');
  },
  get unknown() {
    return t('checkDocs.status.unknown');
  },
  get info() {
    return t('checkDocs.status.info');
  },
  get pass() {
    return t('checkDocs.status.pass');
  },
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

/** What a check's entry gives beside its words; `when` and `subject` name catalogue messages. */
interface DocParts {
  when: MessageId | null;
  subject: MessageId | null;
  /** JSON pointers, or a message where what is read is not in the profile. */
  reads: readonly (string | Msg)[];
  statuses: readonly Status[];
  cites: CheckDoc['cites'];
}

/** A check's entry: its title and description are checkDocs.<check>.title and .description, said when read. */
function doc(check: CheckId, parts: DocParts): CheckDoc {
  const messages = {
    title: m(`checkDocs.${check}.title` as MessageId),
    description: m(`checkDocs.${check}.description` as MessageId),
    when: parts.when === null ? null : m(parts.when),
    subject: parts.subject === null ? null : m(parts.subject),
  };
  return {
    get title() {
      return say(messages.title);
    },
    get description() {
      return say(messages.description);
    },
    get when() {
      return messages.when && say(messages.when);
    },
    get subject() {
      return messages.subject && say(messages.subject);
    },
    messages,
    get reads() {
      return parts.reads.map((read) => (typeof read === 'string' ? read : say(read)));
    },
    statuses: parts.statuses,
    cites: parts.cites,
  };
}

/** The edition's operating-system rows, as os.* findings cite them (the OS's row, else the general one). */
const osRows = (edition: MatrixEdition) => [...edition.operatingSystems, edition.osGeneral];

export const CHECK_DOCS: Record<CheckId, CheckDoc> = {
  'os.supported': doc('os.supported', {
    when: null,
    subject: null,
    reads: OS_FACTS,
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: osRows,
  }),
  'os.system-state': doc('os.system-state', {
    when: null,
    subject: null,
    reads: [...OS_FACTS, '/selection/systemState', '/host/azureVm'],
    statuses: ['fail', 'unknown', 'info'],
    cites: osRows,
  }),
  'software.dotnet': doc('software.dotnet', {
    when: null,
    subject: null,
    reads: ['/software/dotnetRelease', ...OS_IDENTITY],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.software,
  }),
  'software.powershell': doc('software.powershell', {
    when: null,
    subject: null,
    reads: ['/software/powershellVersion'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.software,
  }),
  'network.tls12': doc('network.tls12', {
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
  }),
  'agent.install': doc('agent.install', {
    when: null,
    subject: null,
    reads: ['/agent/installed', '/agent/version', '/agent/installPath', '/host/role'],
    statuses: ['info'],
    cites: (edition) => edition.agent,
  }),
  'agent.service': doc('agent.service', {
    when: 'checkDocs.when.installed',
    subject: null,
    reads: ['/agent/installed', '/agent/serviceState'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.agent,
  }),
  'agent.version': doc('agent.version', {
    when: 'checkDocs.when.installed',
    subject: null,
    reads: ['/agent/installed', '/agent/version'],
    statuses: ['fail', 'warn', 'unknown', 'info'],
    cites: (edition) => [edition.agentVersions, ...(edition.vaultCredentials ? [edition.vaultCredentials] : [])],
  }),
  'agent.interrupted-fix': doc('agent.interrupted-fix', {
    when: 'checkDocs.agent.interrupted-fix.when',
    subject: null,
    reads: [m('checkDocs.agent.interrupted-fix.reads')],
    statuses: ['fail'],
    cites: (edition) => edition.agent,
  }),
  'cache.registry': doc('cache.registry', {
    when: null,
    subject: null,
    reads: ['/agent/installed', '/agent/scratchLocation', '/agent/providerScratchLocation'],
    statuses: ['fail', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.cache,
  }),
  'cache.folder': doc('cache.folder', {
    when: 'checkDocs.when.installed',
    subject: null,
    reads: ['/agent/installed', '/cache/path', '/cache/exists'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  }),
  'cache.location': doc('cache.location', {
    when: null,
    subject: null,
    reads: [...CACHE_VOLUME, ...VOLUME_PROBLEMS],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  }),
  'cache.attributes': doc('cache.attributes', {
    when: null,
    subject: null,
    reads: [...CACHE_VOLUME, '/cache/attributes', '/volumes/*/deduplicated'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  }),
  'cache.free-space': doc('cache.free-space', {
    when: null,
    subject: null,
    reads: [...CACHE_VOLUME, '/volumes/*/freeBytes', '/selection/systemState', '/selection/items/*/sizeBytes'],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => edition.cache,
  }),
  'cache.azure-temporary': doc('cache.azure-temporary', {
    when: 'checkDocs.when.azureVm',
    subject: null,
    reads: ['/host/azureVm', ...CACHE_VOLUME, '/volumes/*/azureTemporary'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.azureVm,
  }),
  'volume.supported': doc('volume.supported', {
    when: 'checkDocs.when.selection',
    subject: 'checkDocs.volume.supported.subject',
    reads: [...ITEM_VOLUMES, ...VOLUME_PROBLEMS, '/volumes/*/fileSystem', '/volumes/*/deduplicated'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.volumes,
  }),
  'volume.size-limit': doc('volume.size-limit', {
    when: 'checkDocs.volume.size-limit.when',
    subject: 'checkDocs.volume.supported.subject',
    reads: [...ITEM_VOLUMES, '/selection/items/*/sizeBytes', ...OS_IDENTITY],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => (edition.sizeLimits.length > 0 ? edition.sizeLimits : edition.volumes),
  }),
  'selection.azure-temporary': doc('selection.azure-temporary', {
    when: 'checkDocs.when.azureVm',
    subject: null,
    reads: ['/host/azureVm', ...ITEM_VOLUMES, '/volumes/*/azureTemporary'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.azureVm,
  }),
  'selection.agent-folders': doc('selection.agent-folders', {
    when: 'checkDocs.selection.agent-folders.when',
    subject: null,
    reads: ['/selection/items/*/path', '/cache/path', '/agent/installPath'],
    statuses: ['warn', 'pass'],
    cites: (edition) => edition.cache,
  }),
  'files.skipped': doc('files.skipped', {
    when: null,
    subject: null,
    reads: ['/selection/items/*/path', '/selection/items/*/skipped'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.fileKinds,
  }),
  'files.onedrive': doc('files.onedrive', {
    when: 'checkDocs.when.selection',
    subject: null,
    reads: ['/selection/items/*/path', '/selection/items/*/oneDrive', '/selection/items/*/skipped/cloudPlaceholders'],
    statuses: ['warn', 'pass'],
    cites: (edition) => edition.fileKinds,
  }),
  'files.dfsr': doc('files.dfsr', {
    when: 'checkDocs.when.selection',
    subject: null,
    reads: ['/selection/items/*/path', '/selection/items/*/dfsReplicated'],
    statuses: ['fail', 'pass'],
    cites: (edition) => edition.dfsrUnsupported,
  }),
  'network.endpoints': doc('network.endpoints', {
    when: null,
    subject: 'checkDocs.network.endpoints.subject',
    reads: [
      '/network/endpoints/*/pattern',
      '/network/endpoints/*/host',
      '/network/endpoints/*/reachable',
      '/network/endpoints/*/error',
      '/network/endpoints/*/ms',
    ],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => (edition.endpoints.length > 0 ? edition.endpoints : edition.proxy),
  }),
  'network.proxy': doc('network.proxy', {
    when: null,
    subject: null,
    reads: ['/network/proxy/winhttp', '/network/proxy/system', '/network/proxy/environment'],
    statuses: ['info'],
    cites: (edition) => edition.proxy,
  }),
  'network.service-proxy': doc('network.service-proxy', {
    when: 'checkDocs.network.service-proxy.when',
    subject: null,
    reads: ['/serviceProxy/winhttp', '/serviceProxy/systemAccount', '/serviceProxy/probe'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.serviceProxy,
  }),
  'network.throttling': doc('network.throttling', {
    when: null,
    subject: null,
    reads: OS_IDENTITY,
    statuses: ['info'],
    cites: (edition) => edition.throttling,
  }),
  'backup.offline-seeding': doc('backup.offline-seeding', {
    when: 'checkDocs.when.selection',
    subject: null,
    reads: ['/selection/items/*/sizeBytes', '/network/uploadMbps'],
    statuses: ['warn', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.offlineSeeding,
  }),
  'restore.instant-restore': doc('restore.instant-restore', {
    when: null,
    subject: null,
    reads: ['/software/dotnetRelease'],
    statuses: ['warn', 'unknown', 'pass'],
    cites: (edition) => edition.instantRestore,
  }),
  'restore.target': doc('restore.target', {
    when: 'checkDocs.restore.target.when',
    subject: null,
    reads: ['/restoreTarget/version', '/os/family', '/os/version'],
    statuses: ['fail', 'unknown', 'pass'],
    cites: (edition) => edition.restore,
  }),
  'system-state.prerequisites': doc('system-state.prerequisites', {
    when: 'checkDocs.system-state.prerequisites.when',
    subject: 'checkDocs.system-state.prerequisites.subject',
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
  }),
  'agent.vault-credentials': doc('agent.vault-credentials', {
    when: 'checkDocs.agent.vault-credentials.when',
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
  }),
  'agent.antivirus': doc('agent.antivirus', {
    when: 'checkDocs.agent.antivirus.when',
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
  }),
  'host.clock': doc('host.clock', {
    when: 'checkDocs.host.clock.when',
    subject: null,
    reads: ['/clock/skewSeconds', '/clock/referenceHost'],
    statuses: ['fail', 'warn', 'unknown', 'pass'],
    cites: (edition) => edition.clock,
  }),
  'history.last-backup': doc('history.last-backup', {
    when: 'checkDocs.history.last-backup.when',
    subject: null,
    reads: ['/agent/installed', '/history/windowDays', '/history/events'],
    statuses: ['fail', 'warn', 'unknown', 'info', 'pass'],
    cites: (edition) => edition.jobHistory,
  }),
  'history.known-error': doc('history.known-error', {
    when: 'checkDocs.history.known-error.when',
    subject: 'checkDocs.history.known-error.subject',
    reads: ['/agent/installed', '/history/windowDays', '/history/errorCodes'],
    statuses: ['warn', 'unknown', 'info'],
    cites: (edition) => [...new Set([edition.errorCodes.failedFiles, ...KNOWN_ERROR_CODES.map((entry) => entry.cite(edition))])],
  }),
};

/** The section names a check enforces in an edition, each once, in the edition's order; empty when it has none. */
export function sectionsOf(check: CheckId, edition: MatrixEdition): string[] {
  const cited = CHECK_DOCS[check].cites(edition);
  const rows: readonly Citation[] = cited === null ? [] : Array.isArray(cited) ? cited : [cited as Citation];
  return [...new Set(rows.map((row) => row.section))];
}
