// EditionID (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion) to the edition names the matrix uses.
// Mapping from reference/mars-facts.md. EditionIDs compare case-insensitively; an "Eval" suffix (evaluation
// media) counts as the edition it evaluates; an "N" edition (the European editions without media features)
// is a known EditionID followed by one uppercase "N", and counts as the edition itself ("ProfessionalN" is
// Pro; "Professionaln" is no known EditionID; "ServerSolution" is Essentials, not an N edition).

import type { EditionName } from './types.js';

/** The matrix's edition names, and the names of the editions Windows has that no row of the matrix lists. */
export type EditionLabel = EditionName | 'Enterprise multi-session' | 'Datacenter: Azure Edition' | 'Azure Stack HCI';

const EDITION_IDS: Record<string, EditionLabel> = {
  core: 'Home',
  coresinglelanguage: 'Home',
  corecountryspecific: 'Home',
  professional: 'Pro',
  enterprise: 'Enterprise',
  enterprises: 'Enterprise',
  iotenterprise: 'IoT Enterprise',
  iotenterprises: 'IoT Enterprise',
  education: 'Education',
  ultimate: 'Ultimate',
  homepremium: 'Home Premium',
  homebasic: 'Home Basic',
  starter: 'Starter',
  serverstandard: 'Standard',
  serverdatacenter: 'Datacenter',
  serversolution: 'Essentials',
  serverfoundation: 'Foundation',
  serverenterprise: 'Enterprise',
  // Windows writes ServerStorage*; StorageServer* is the spelling this project's sheet used before: both count.
  serverstoragestandard: 'Storage Server Standard',
  serverstorageworkgroup: 'Storage Server Workgroup',
  storageserverstandard: 'Storage Server Standard',
  storageserverworkgroup: 'Storage Server Workgroup',
  // Windows 10/11 Enterprise multi-session (Azure Virtual Desktop): ProductType server, yet Windows 10/11.
  serverrdsh: 'Enterprise multi-session',
  // Windows Server 2022/2025 Datacenter: Azure Edition, and its Server Core form.
  serverturbine: 'Datacenter: Azure Edition',
  serverturbinecor: 'Datacenter: Azure Edition',
  serverazurestackhcicor: 'Azure Stack HCI',
};

/**
 * The known EditionID an EditionID stands for, lower case ("ServerDatacenterEval" -> "serverdatacenter",
 * "EnterpriseSN" -> "enterprises"); `iotserver` for every Server IoT EditionID; null for an EditionID
 * this mapping does not know.
 */
export function canonicalEditionId(editionId: string): string | null {
  let id = editionId;
  if (/eval$/i.test(id)) id = id.slice(0, -'eval'.length);
  const key = id.toLowerCase();
  if (key.startsWith('iotserver')) return 'iotserver';
  if (Object.hasOwn(EDITION_IDS, key)) return key;
  // One uppercase N after a known EditionID.
  if (id.endsWith('N') && Object.hasOwn(EDITION_IDS, key.slice(0, -1))) return key.slice(0, -1);
  return null;
}

/** The edition's name for an EditionID, or null when the mapping has no name for it. */
export function editionName(editionId: string): EditionLabel | null {
  const key = canonicalEditionId(editionId);
  if (key === 'iotserver') return 'Server IoT';
  return key ? EDITION_IDS[key]! : null;
}

/** A Windows Storage Server EditionID: StorageServer* or ServerStorage*, in any case. */
export function isStorageServerEdition(editionId: string | null | undefined): boolean {
  return typeof editionId === 'string' && /^(storageserver|serverstorage)/i.test(editionId);
}

/** Windows 10/11 Enterprise multi-session (EditionID ServerRdsh). */
export function isMultiSessionEdition(editionId: string | null | undefined): boolean {
  return typeof editionId === 'string' && canonicalEditionId(editionId) === 'serverrdsh';
}

/** Azure Stack HCI / Azure Local (EditionID ServerAzureStackHCICor), which no edition of the matrix lists. */
export function isAzureStackHciEdition(editionId: string | null | undefined): boolean {
  return typeof editionId === 'string' && canonicalEditionId(editionId) === 'serverazurestackhcicor';
}
