// The check catalogue, in the order of contract/checks.md. Each entry names its area (how reports group
// findings) and the function that yields its findings.

import type { CheckId, Finding } from '../report/types.js';
import { agentInstall, agentService } from './agent.js';
import { backupOfflineSeeding } from './backup.js';
import { cacheAttributes, cacheAzureTemporary, cacheFolder, cacheFreeSpace, cacheLocation, cacheRegistry } from './cache.js';
import type { RuleContext } from './context.js';
import { filesDfsr, filesOneDrive, filesSkipped } from './files.js';
import { networkEndpoints, networkProxy, networkThrottling, networkTls12 } from './network.js';
import { osSupported, osSystemState } from './os.js';
import { restoreInstantRestore, restoreTarget } from './restore.js';
import { selectionAzureTemporary } from './selection.js';
import { softwareDotnet, softwarePowershell } from './software.js';
import { volumeSizeLimit, volumeSupported } from './volume.js';

export type Area = 'os' | 'software' | 'agent' | 'cache' | 'volume' | 'selection' | 'files' | 'network' | 'backup' | 'restore';

export const AREA_NAMES: Record<Area, string> = {
  os: 'Operating system',
  software: 'Software',
  agent: 'Agent',
  cache: 'Cache folder',
  volume: 'Volumes',
  selection: 'Selection',
  files: 'Files',
  network: 'Network',
  backup: 'Backup',
  restore: 'Restore',
};

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
  { id: 'cache.registry', run: cacheRegistry },
  { id: 'cache.folder', run: cacheFolder },
  { id: 'cache.location', run: cacheLocation },
  { id: 'cache.attributes', run: cacheAttributes },
  { id: 'cache.free-space', run: cacheFreeSpace },
  { id: 'cache.azure-temporary', run: cacheAzureTemporary },
  { id: 'volume.supported', run: volumeSupported },
  { id: 'volume.size-limit', run: volumeSizeLimit },
  { id: 'selection.azure-temporary', run: selectionAzureTemporary },
  { id: 'files.skipped', run: filesSkipped },
  { id: 'files.onedrive', run: filesOneDrive },
  { id: 'files.dfsr', run: filesDfsr },
  { id: 'network.endpoints', run: networkEndpoints },
  { id: 'network.proxy', run: networkProxy },
  { id: 'network.throttling', run: networkThrottling },
  { id: 'backup.offline-seeding', run: backupOfflineSeeding },
  { id: 'restore.instant-restore', run: restoreInstantRestore },
  { id: 'restore.target', run: restoreTarget },
];

/** The area of a check is the part of its id before the dot. */
export function areaOf(check: CheckId): Area {
  return check.slice(0, check.indexOf('.')) as Area;
}
