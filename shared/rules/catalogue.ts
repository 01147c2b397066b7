// The check catalogue, in the order reports and docs/checks.md list the checks. Each entry names its area
// (how reports group findings) and the function that yields its findings; what each check reads, the
// statuses it gives and the matrix section it enforces are in check-docs.ts, joined here by checkReference().

import { DEFAULT_EDITION, EDITIONS, EDITION_IDS, type EditionId } from '../matrix/index.js';
import type { CheckId, Finding, Status } from '../report/types.js';
import { agentInstall, agentInterruptedFix, agentService } from './agent.js';
import { selectionAgentFolders } from './agent-folders.js';
import { agentVersion } from './agent-version.js';
import { agentAntivirus } from './antivirus.js';
import { backupOfflineSeeding } from './backup.js';
import { cacheAttributes, cacheAzureTemporary, cacheFolder, cacheFreeSpace, cacheLocation, cacheRegistry } from './cache.js';
import { CHECK_DOCS, sectionsOf } from './check-docs.js';
import type { MessageId } from '../i18n/message.js';
import { t } from '../i18n/translate.js';
import type { RuleContext } from './context.js';
import { filesDfsr, filesOneDrive, filesSkipped } from './files.js';
import { historyKnownError, historyLastBackup } from './history.js';
import { hostClock } from './host.js';
import { networkEndpoints, networkProxy, networkThrottling, networkTls12 } from './network.js';
import { osSupported, osSystemState } from './os.js';
import { restoreInstantRestore, restoreTarget } from './restore.js';
import { selectionAzureTemporary } from './selection.js';
import { networkServiceProxy } from './service-proxy.js';
import { softwareDotnet, softwarePowershell } from './software.js';
import { systemStatePrerequisites } from './system-state.js';
import { agentVaultCredentials } from './vault-credentials.js';
import { volumeSizeLimit, volumeSupported } from './volume.js';

export type Area =
  | 'os'
  | 'software'
  | 'agent'
  | 'cache'
  | 'volume'
  | 'selection'
  | 'files'
  | 'network'
  | 'backup'
  | 'restore'
  | 'system-state'
  | 'host'
  | 'history';

const AREA_IDS: Record<Area, MessageId> = {
  os: 'report.area.os',
  software: 'report.area.software',
  agent: 'report.area.agent',
  cache: 'report.area.cache',
  volume: 'report.area.volume',
  selection: 'report.area.selection',
  files: 'report.area.files',
  network: 'report.area.network',
  backup: 'report.area.backup',
  restore: 'report.area.restore',
  'system-state': 'report.area.systemState',
  host: 'report.area.host',
  history: 'report.area.history',
};

/** Every area, in the order reports head them. */
export const AREAS = Object.keys(AREA_IDS) as readonly Area[];

/** An area's name in the current language, as a report heads its findings ("Cache folder"). */
export function areaWords(area: Area): string {
  return t(AREA_IDS[area]);
}

export interface Check {
  id: CheckId;
  run: (ctx: RuleContext) => Finding[];
}

export const CHECKS: readonly Check[] = [
  { id: 'os.supported', run: osSupported },
  { id: 'os.system-state', run: osSystemState },
  { id: 'software.dotnet', run: softwareDotnet },
  { id: 'software.powershell', run: softwarePowershell },
  { id: 'network.tls12', run: networkTls12 },
  { id: 'agent.install', run: agentInstall },
  { id: 'agent.service', run: agentService },
  { id: 'agent.version', run: agentVersion },
  { id: 'agent.interrupted-fix', run: agentInterruptedFix },
  { id: 'cache.registry', run: cacheRegistry },
  { id: 'cache.folder', run: cacheFolder },
  { id: 'cache.location', run: cacheLocation },
  { id: 'cache.attributes', run: cacheAttributes },
  { id: 'cache.free-space', run: cacheFreeSpace },
  { id: 'cache.azure-temporary', run: cacheAzureTemporary },
  { id: 'volume.supported', run: volumeSupported },
  { id: 'volume.size-limit', run: volumeSizeLimit },
  { id: 'selection.azure-temporary', run: selectionAzureTemporary },
  { id: 'selection.agent-folders', run: selectionAgentFolders },
  { id: 'files.skipped', run: filesSkipped },
  { id: 'files.onedrive', run: filesOneDrive },
  { id: 'files.dfsr', run: filesDfsr },
  { id: 'network.endpoints', run: networkEndpoints },
  { id: 'network.proxy', run: networkProxy },
  { id: 'network.service-proxy', run: networkServiceProxy },
  { id: 'network.throttling', run: networkThrottling },
  { id: 'backup.offline-seeding', run: backupOfflineSeeding },
  { id: 'restore.instant-restore', run: restoreInstantRestore },
  { id: 'restore.target', run: restoreTarget },
  { id: 'system-state.prerequisites', run: systemStatePrerequisites },
  { id: 'agent.vault-credentials', run: agentVaultCredentials },
  { id: 'agent.antivirus', run: agentAntivirus },
  { id: 'host.clock', run: hostClock },
  { id: 'history.last-backup', run: historyLastBackup },
  { id: 'history.known-error', run: historyKnownError },
];

/** The area of a check is the part of its id before the dot. */
export function areaOf(check: CheckId): Area {
  return check.slice(0, check.indexOf('.')) as Area;
}

/** One check as `mars-readiness checks --json` prints it and docs/checks.md describes it. */
export interface CheckReference {
  id: CheckId;
  area: Area;
  areaName: string;
  title: string;
  description: string;
  /** When the check gives no finding at all; null when it always gives one (in an edition that has its row). */
  when: string | null;
  /** What a finding's subject names, for a check that gives one finding per thing; else null. */
  subject: string | null;
  /** JSON pointers into the machine profile; `*` stands for any element of a list. */
  reads: string[];
  statuses: Status[];
  /** The matrix section(s) it enforces in the default edition, joined by "; ". */
  section: string;
  /** The sections it enforces in each edition; empty where the edition has no such row and the check gives no finding. */
  sections: Record<EditionId, string[]>;
}

/** The catalogue with each check's description, in the catalogue's order. */
export function checkReference(): CheckReference[] {
  return CHECKS.map(({ id }) => {
    const doc = CHECK_DOCS[id];
    const sections = Object.fromEntries(EDITION_IDS.map((edition) => [edition, sectionsOf(id, EDITIONS[edition])])) as Record<
      EditionId,
      string[]
    >;
    return {
      id,
      area: areaOf(id),
      areaName: areaWords(areaOf(id)),
      title: doc.title,
      description: doc.description,
      when: doc.when,
      subject: doc.subject,
      reads: [...doc.reads],
      statuses: [...doc.statuses],
      section: sections[DEFAULT_EDITION].join('; '),
      sections,
    };
  });
}
