// The OS and the host on Linux: /etc/os-release for the name, DMI (sysfs) for "is this an Azure VM".
// Azure stamps every VM's chassis asset tag with one fixed value; a Hyper-V VM elsewhere has the same
// vendor and product names but not that tag.

import { hostname } from 'node:os';
import type { HostFacts, OsFacts } from '../../../shared/profile/types.js';
import type { ProbeNotes } from '../notes.js';
import type { LinuxFs } from './volumes-linux.js';
import { t } from '../../../shared/i18n/translate.js';

export const AZURE_ASSET_TAG = '7783-7084-3265-9085-8269-3286-77';

export function architectureOf(arch: string): OsFacts['architecture'] {
  return arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : arch === 'ia32' ? 'x86' : null;
}

export function parseOsRelease(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2').replace(/\\(.)/g, '$1');
  }
  return values;
}

export async function probeLinuxOs(fs: LinuxFs, notes: ProbeNotes, arch = process.arch): Promise<OsFacts> {
  let caption: string | null = null;
  try {
    const release = parseOsRelease(await fs.readFile('/etc/os-release'));
    caption = release.PRETTY_NAME ?? release.NAME ?? null;
  } catch {
    notes.add('/os/caption', t('probes.note.fileUnreadable', { path: '/etc/os-release' }));
  }
  // Windows' version, product type and edition do not apply to Linux: null, as the schema allows.
  return {
    family: 'linux',
    caption,
    version: null,
    productType: null,
    editionId: null,
    installationType: null,
    architecture: architectureOf(arch),
    servicePack: null,
  };
}

export async function probeLinuxHost(fs: LinuxFs, notes: ProbeNotes): Promise<HostFacts> {
  return { name: hostname(), azureVm: await azureFromDmi(fs, notes), role: null };
}

async function azureFromDmi(fs: LinuxFs, notes: ProbeNotes): Promise<boolean | null> {
  const read = (name: string) =>
    fs.readFile(`/sys/class/dmi/id/${name}`).then(
      (t) => t.trim(),
      () => null,
    );
  const [vendor, tag] = await Promise.all([read('sys_vendor'), read('chassis_asset_tag')]);
  if (vendor === null && tag === null) {
    notes.add('/host/azureVm', t('probes.linux.dmiUnreadable'));
    return null;
  }
  if (tag === AZURE_ASSET_TAG) return true;
  if (vendor !== null && vendor !== 'Microsoft Corporation') return false;
  if (tag !== null) return false;
  notes.add('/host/azureVm', t('probes.linux.assetTagUnreadable'));
  return null;
}
