// Which operating system a profile describes, told from its version number, product type and edition -
// never from the caption text (captions are localised and free-form). Build numbers from
// reference/mars-facts.md.

import type { OsFacts } from '../profile/types.js';
import { isAzureStackHciEdition, isMultiSessionEdition, isStorageServerEdition } from './windows-editions.js';
import type { OsKey } from './types.js';
import { parseVersion } from '../util/version.js';
import { m, type Msg } from '../i18n/message.js';

/** An OS's name: a product name as it is ("Windows Vista"), or a message where it is words ("Windows Server, build 26200"). */
export type OsName = string | Msg;

export type OsIdentity =
  /** One of the operating systems the matrix talks about. */
  | { kind: 'known'; os: OsKey; name: string; version: number[] }
  /** A Windows the matrix does not list in any edition (Vista, Server 2003, an unlisted server build). */
  | { kind: 'unlisted'; name: OsName; version: number[] }
  /** Not Windows at all. */
  | { kind: 'not-windows'; name: OsName }
  /** The profile does not say enough to tell: what it lacks, as a message. */
  | { kind: 'undetermined'; missing: Msg };

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

/** The name of a family other than Windows (a message when it is no name). */
const familyName = (family: Exclude<OsFacts['family'], 'windows'>): OsName =>
  family === 'linux' ? 'Linux' : family === 'macos' ? 'macOS' : m('evidence.os.otherFamily');

// What the profile lacks to tell the Windows, as messages (said where they are shown, in the reader's language).
const missingServer = () => m('evidence.os.missing.server');
const missingBuild = () => m('evidence.os.missing.build', { build: '<build>' });

/**
 * Which OS the profile describes, deciding in the order of reference/mars-facts.md ("Identification, in
 * this order"): the version; Azure Stack HCI; Storage Server; Enterprise multi-session; a major version
 * below 6; server or client; then the release.
 */
export function identifyOs(os: OsFacts): OsIdentity {
  if (os.family !== 'windows') return { kind: 'not-windows', name: familyName(os.family) };
  const version = parseVersion(os.version);
  if (!version) return { kind: 'undetermined', missing: m('evidence.os.missing.version') };
  const [major = 0, minor = 0, build] = version;
  const known = (key: OsKey, name = OS_NAMES[key]): OsIdentity => ({ kind: 'known', os: key, name, version });
  const unlisted = (name: OsName): OsIdentity => ({ kind: 'unlisted', name, version });
  const undetermined = (missing: Msg): OsIdentity => ({ kind: 'undetermined', missing });
  const is = (a: number, b: number) => major === a && minor === b;

  if (isAzureStackHciEdition(os.editionId)) return unlisted('Azure Stack HCI (Azure Local)');
  if (isStorageServerEdition(os.editionId)) {
    // Storage Server editions exist for Server 2012, 2012 R2 and 2016 only.
    if (is(6, 2)) return known('storage-server', 'Windows Storage Server 2012');
    if (is(6, 3)) return known('storage-server', 'Windows Storage Server 2012 R2');
    if (is(10, 0) && build === undefined) return undetermined(missingBuild());
    if (is(10, 0) && build === 14393) return known('storage-server', 'Windows Storage Server 2016');
    return unlisted(m('evidence.os.storageServerOn', { version: version.join('.') }));
  }
  if (is(10, 0) && isMultiSessionEdition(os.editionId)) {
    // Windows 10/11 Enterprise multi-session reports ProductType server, yet is Windows 10 or 11.
    if (build === undefined) return undetermined(missingBuild());
    return known(build >= 22000 ? 'windows-11' : 'windows-10');
  }
  if (major < 6) {
    if (is(5, 2)) return unlisted(serverOrClient(os) === false ? 'Windows XP x64' : 'Windows Server 2003');
    if (is(5, 1)) return unlisted('Windows XP');
    return unlisted(`Windows ${version.join('.')}`);
  }
  const server = serverOrClient(os);
  if (server === null) return undetermined(missingServer());
  if (is(6, 0)) {
    if (!server) return unlisted('Windows Vista');
    // Only Service Pack 2 is in the matrix: build 6002 (6003 after the 2019 updates), or SP 2 stated.
    const sp2 = build !== undefined ? build >= 6002 : os.servicePack != null ? os.servicePack >= 2 : null;
    if (sp2 === null) return undetermined(m('evidence.os.missing.server2008'));
    return sp2 ? known('server-2008') : unlisted(m('evidence.os.server2008NoSp2'));
  }
  const pairs: Record<string, [OsKey, OsKey]> = {
    '6.1': ['windows-7', 'server-2008-r2'],
    '6.2': ['windows-8', 'server-2012'],
    '6.3': ['windows-8.1', 'server-2012-r2'],
  };
  const pair = pairs[`${major}.${minor}`];
  if (pair) return known(server ? pair[1] : pair[0]);
  if (is(10, 0)) {
    if (build === undefined) return undetermined(missingBuild());
    if (!server) return known(build >= 22000 ? 'windows-11' : 'windows-10');
    const key = SERVER_BUILDS[build];
    return key ? known(key) : unlisted(m('evidence.os.serverBuild', { build: String(build) }));
  }
  return unlisted(`Windows ${version.join('.')}`);
}

/**
 * Server or workstation: from ProductType; when it is null, from InstallationType (Client is a workstation);
 * when that is null too, from the EditionID (one starting Server, StorageServer or IoTServer is a server,
 * any other a workstation); null when none of the three is known.
 */
function serverOrClient(os: OsFacts): boolean | null {
  if (os.productType != null) return os.productType !== 'workstation';
  if (os.installationType != null) return os.installationType !== 'Client';
  if (os.editionId != null) return /^(server|storageserver|iotserver)/i.test(os.editionId);
  return null;
}
