// Which operating system a profile describes, told from its version number, product type and edition -
// never from the caption text (captions are localised and free-form). Build numbers from
// reference/mars-facts.md.

import type { OsFacts } from '../profile/types.js';
import { isStorageServerEdition } from './windows-editions.js';
import type { OsKey } from './types.js';
import { parseVersion } from '../util/version.js';

export type OsIdentity =
  /** One of the operating systems the matrix talks about. */
  | { kind: 'known'; os: OsKey; name: string; version: number[] }
  /** A Windows the matrix does not list in any edition (Vista, Server 2003, an unlisted server build). */
  | { kind: 'unlisted'; name: string; version: number[] }
  /** Not Windows at all. */
  | { kind: 'not-windows'; name: string }
  /** The profile does not say enough to tell. */
  | { kind: 'undetermined'; missing: string };

export const OS_NAMES: Record<OsKey, string> = {
  'windows-11': 'Windows 11',
  'windows-10': 'Windows 10',
  'windows-8.1': 'Windows 8.1',
  'windows-8': 'Windows 8',
  'windows-7': 'Windows 7',
  'server-2025': 'Windows Server 2025',
  'server-2022': 'Windows Server 2022',
  'server-2019': 'Windows Server 2019',
  'server-2016': 'Windows Server 2016',
  'server-2012-r2': 'Windows Server 2012 R2',
  'server-2012': 'Windows Server 2012',
  'server-2008-r2': 'Windows Server 2008 R2',
  'server-2008': 'Windows Server 2008 SP2',
  'storage-server': 'Windows Storage Server',
};

const SERVER_BUILDS: Record<number, OsKey> = {
  14393: 'server-2016',
  17763: 'server-2019',
  20348: 'server-2022',
  26100: 'server-2025',
};

/** Storage Server editions exist for these base releases only. */
const STORAGE_SERVER_BASES: OsKey[] = ['server-2016', 'server-2012-r2', 'server-2012'];

const FAMILY_NAMES = { linux: 'Linux', macos: 'macOS', other: 'an operating system other than Windows' };

export function identifyOs(os: OsFacts): OsIdentity {
  if (os.family !== 'windows') return { kind: 'not-windows', name: FAMILY_NAMES[os.family] };
  const version = parseVersion(os.version);
  if (!version) return { kind: 'undetermined', missing: 'the Windows version number (os.version)' };
  const server = isServer(os);
  const [major = 0, minor = 0, build] = version;
  const known = (key: OsKey): OsIdentity => {
    if (isStorageServerEdition(os.editionId) && STORAGE_SERVER_BASES.includes(key)) {
      return {
        kind: 'known',
        os: 'storage-server',
        name: `Windows Storage Server (${OS_NAMES[key].replace('Windows Server ', '')})`,
        version,
      };
    }
    return { kind: 'known', os: key, name: OS_NAMES[key], version };
  };
  const unlisted = (name: string): OsIdentity => ({ kind: 'unlisted', name, version });

  if (major < 6) {
    if (major === 5 && minor === 2) return unlisted(server === false ? 'Windows XP x64' : 'Windows Server 2003');
    if (major === 5 && minor === 1) return unlisted('Windows XP');
    return unlisted(`Windows ${version.join('.')}`);
  }
  if (major === 6 && minor === 0) {
    if (server === null) return { kind: 'undetermined', missing: 'whether this is a server or a workstation (os.productType)' };
    if (!server) return unlisted('Windows Vista');
    // Only Service Pack 2 is in the matrix: build 6002 (6003 after the 2019 updates), or SP 2 stated.
    const sp2 = build !== undefined ? build >= 6002 : (os.servicePack ?? null) !== null ? (os.servicePack ?? 0) >= 2 : null;
    if (sp2 === null) return { kind: 'undetermined', missing: 'the build or service pack of Windows Server 2008 (only SP2 is supported)' };
    return sp2 ? known('server-2008') : unlisted('Windows Server 2008 without Service Pack 2');
  }
  if (major === 6 && minor <= 3) {
    if (server === null) return { kind: 'undetermined', missing: 'whether this is a server or a workstation (os.productType)' };
    const byMinor: Record<number, [OsKey, OsKey]> = {
      1: ['windows-7', 'server-2008-r2'],
      2: ['windows-8', 'server-2012'],
      3: ['windows-8.1', 'server-2012-r2'],
    };
    const pair = byMinor[minor];
    if (!pair) return unlisted(`Windows ${version.join('.')}`);
    return known(server ? pair[1] : pair[0]);
  }
  if (major === 10 && minor === 0) {
    if (server === null) return { kind: 'undetermined', missing: 'whether this is a server or a workstation (os.productType)' };
    if (build === undefined) return { kind: 'undetermined', missing: 'the Windows build number (os.version as 10.0.<build>)' };
    if (!server) return known(build >= 22000 ? 'windows-11' : 'windows-10');
    const key = SERVER_BUILDS[build];
    return key ? known(key) : unlisted(`Windows Server, build ${build}`);
  }
  return unlisted(`Windows ${version.join('.')}`);
}

/** Server or workstation, from ProductType first, then InstallationType, then the EditionID. */
function isServer(os: OsFacts): boolean | null {
  if (os.productType) return os.productType !== 'workstation';
  if (os.installationType) return os.installationType !== 'Client';
  if (os.editionId) return /^(server|storageserver|iotserver)/i.test(os.editionId.trim());
  return null;
}
