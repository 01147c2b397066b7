// EditionID (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion) to the edition names the matrix uses.
// Mapping from reference/mars-facts.md. An "Eval" suffix (evaluation media) counts as the edition it
// evaluates; an "N" suffix (the European editions without media features) as the edition itself.

import type { EditionName } from './types.js';

const EDITION_IDS: Record<string, EditionName> = {
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
  storageserverstandard: 'Storage Server Standard',
  storageserverworkgroup: 'Storage Server Workgroup',
};

/** The matrix's name for an EditionID, or null when the matrix has no name for it. */
export function editionName(editionId: string): EditionName | null {
  let key = editionId.trim().toLowerCase();
  if (key.endsWith('eval')) key = key.slice(0, -'eval'.length);
  if (key.startsWith('iotserver')) return 'Server IoT';
  const direct = EDITION_IDS[key];
  if (direct) return direct;
  // "ProfessionalN", "EnterpriseN", "CoreN", "EnterpriseSN": the N variant of a named edition.
  if (key.endsWith('n')) return EDITION_IDS[key.slice(0, -1)] ?? null;
  return null;
}

export function isStorageServerEdition(editionId: string | null | undefined): boolean {
  return typeof editionId === 'string' && /^storageserver/i.test(editionId.trim());
}
