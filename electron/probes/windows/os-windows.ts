// The OS from the registry: version and build, product type, edition, installation type, architecture,
// service pack. No admin rights needed; each value that cannot be read is null with a note.

import type { OsFacts, SoftwareFacts } from '../../../shared/profile/types.js';
import type { ProbeNotes } from '../notes.js';
import { KEYS } from './keys.js';
import { numberValue, stringValue, type KeyRead, type RegistryReader } from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

const PRODUCT_TYPES: Record<string, OsFacts['productType']> = { winnt: 'workstation', servernt: 'server', lanmannt: 'domain-controller' };
const ARCHITECTURES: Record<string, OsFacts['architecture']> = { amd64: 'x64', x86: 'x86', arm64: 'arm64' };
const INSTALLATION_TYPES: Record<string, OsFacts['installationType']> = {
  client: 'Client',
  server: 'Server',
  'server core': 'Server Core',
};

export async function probeWindowsOs(registry: RegistryReader, notes: ProbeNotes): Promise<OsFacts> {
  const [current, options, environment] = await Promise.all([
    registry.readKey(KEYS.currentVersion),
    registry.readKey(KEYS.productOptions),
    registry.readKey(KEYS.environment),
  ]);
  explain(notes, '/os/version', current, KEYS.currentVersion);
  explain(notes, '/os/productType', options, KEYS.productOptions);
  explain(notes, '/os/architecture', environment, KEYS.environment);

  // Windows 10 and later keep "6.3" in CurrentVersion for old programs; the real numbers are separate.
  const major = numberValue(current, 'CurrentMajorVersionNumber');
  const minor = numberValue(current, 'CurrentMinorVersionNumber');
  const build = stringValue(current, 'CurrentBuildNumber') ?? stringValue(current, 'CurrentBuild');
  const legacy = stringValue(current, 'CurrentVersion');
  const base = major !== null && minor !== null ? `${major}.${minor}` : legacy;
  const version = base && /^\d+\.\d+$/.test(base) ? (build && /^\d+$/.test(build) ? `${base}.${build}` : base) : null;

  const productName = stringValue(current, 'ProductName');
  const servicePackText = stringValue(current, 'CSDVersion');
  return {
    family: 'windows',
    caption: captionOf(productName, build),
    version,
    productType: PRODUCT_TYPES[(stringValue(options, 'ProductType') ?? '').toLowerCase()] ?? null,
    editionId: stringValue(current, 'EditionID'),
    installationType: INSTALLATION_TYPES[(stringValue(current, 'InstallationType') ?? '').toLowerCase()] ?? null,
    architecture: ARCHITECTURES[(stringValue(environment, 'PROCESSOR_ARCHITECTURE') ?? '').toLowerCase()] ?? null,
    servicePack: current.status === 'ok' ? Number(/(\d+)/.exec(servicePackText ?? '')?.[1] ?? 0) : null,
  };
}

/** Windows 11 still calls itself "Windows 10" in ProductName; the build tells them apart. */
function captionOf(productName: string | null, build: string | null): string | null {
  if (!productName) return null;
  const named = build && Number(build) >= 22000 ? productName.replace(/^Windows 10\b/, 'Windows 11') : productName;
  return named.startsWith('Microsoft ') ? named : `Microsoft ${named}`;
}

export async function probeWindowsSoftware(registry: RegistryReader, notes: ProbeNotes): Promise<SoftwareFacts> {
  const [dotnet, ps3, ps1, schannel, crypto] = await Promise.all([
    registry.readKey(KEYS.dotnet4),
    registry.readKey(KEYS.powershell3),
    registry.readKey(KEYS.powershell1),
    registry.readKey(KEYS.schannelTls12Client),
    registry.readKey(KEYS.dotnetCrypto),
  ]);
  explain(notes, '/software/dotnetRelease', dotnet, KEYS.dotnet4);
  // The NDP\v4\Full key is absent when .NET 4.x is not installed: the schema's 0.
  const dotnetRelease = dotnet.status === 'missing' ? 0 : dotnet.status === 'ok' ? (numberValue(dotnet, 'Release') ?? 0) : null;
  const powershellVersion = stringValue(ps3, 'PowerShellVersion') ?? stringValue(ps1, 'PowerShellVersion');
  if (!powershellVersion) notes.add('/software/powershellVersion', t('probes.os.noPowershellVersion'));
  const flag = (read: KeyRead, name: string): boolean | null => {
    const value = numberValue(read, name);
    return value === null ? null : value !== 0;
  };
  const tlsReadable = schannel.status !== 'error' && crypto.status !== 'error';
  if (!tlsReadable) notes.add('/software/tls12', t('probes.os.tlsUnreadable'));
  return {
    dotnetRelease,
    powershellVersion,
    tls12: tlsReadable
      ? {
          schannelClientEnabled: flag(schannel, 'Enabled'),
          schannelClientDisabledByDefault: flag(schannel, 'DisabledByDefault'),
          dotnetStrongCrypto: flag(crypto, 'SchUseStrongCrypto'),
          dotnetSystemDefaultTls: flag(crypto, 'SystemDefaultTlsVersions'),
        }
      : null,
  };
}

export function explain(notes: ProbeNotes, field: string, read: KeyRead, key: string): void {
  if (read.status === 'error') notes.add(field, t('probes.note.itemUnreadable', { item: key, reason: read.reason }));
}
