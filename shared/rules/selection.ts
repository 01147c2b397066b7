// What the user means to back up, as several rules need it: the total size, the items grouped by the
// volume that holds them, and the selection.azure-temporary check.

import type { MachineProfile, SelectedItem } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import { normalizeWindowsPath } from '../util/paths.js';
import { volumeOfPath, type RuleContext, type VolumeRef } from './context.js';
import { finding, fix, listInWords } from './finding.js';

/** The sum of the selected items' sizes; 0 with nothing selected; null when any size is unknown. */
export function selectionTotal(profile: MachineProfile): number | null {
  const items = profile.selection?.items ?? [];
  let total = 0;
  for (const item of items) {
    if (item.sizeBytes == null) return null;
    total += item.sizeBytes;
  }
  return total;
}

/**
 * The items' sizes added up (contract v2): the sum of the known sizes, in exact integers, and whether every
 * size is known. With sizes null the known sum is a lower bound of the total; an empty list is a total of 0.
 */
export interface SizeSum {
  known: bigint;
  complete: boolean;
}

export function sumSizes(items: readonly SelectedItem[]): SizeSum {
  let known = 0n;
  let complete = true;
  for (const item of items) {
    if (item.sizeBytes == null) complete = false;
    else known += BigInt(item.sizeBytes);
  }
  return { known, complete };
}

export interface VolumeGroup {
  ref: VolumeRef;
  items: SelectedItem[];
}

/** The selected items grouped by the volume that holds them, in the order the volumes first appear. */
export function itemsByVolume(profile: MachineProfile): VolumeGroup[] {
  const groups = new Map<string, VolumeGroup>();
  for (const item of profile.selection?.items ?? []) {
    const ref = volumeOfPath(profile, item.path, item.volume);
    const key = normalizeWindowsPath(ref.id);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { ref, items: [item] });
  }
  return [...groups.values()];
}

export function selectionAzureTemporary(ctx: RuleContext): Finding[] {
  if (ctx.profile.host?.azureVm !== true) return [];
  const groups = itemsByVolume(ctx.profile);
  const onTemporary = groups.filter((g) => g.ref.volume?.azureTemporary === true);
  const unknown = groups.filter((g) => !g.ref.unc && (g.ref.volume?.azureTemporary ?? null) === null);
  const evidence = {
    '/host/azureVm': true,
    volumes: Object.fromEntries(groups.map((g) => [g.ref.id, g.ref.volume?.azureTemporary ?? null])),
  };
  const base = { evidence, cite: ctx.edition.azureVm };
  if (onTemporary.length > 0) {
    const paths = onTemporary.flatMap((g) => g.items.map((item) => item.path));
    return [
      finding(ctx, 'selection.azure-temporary', {
        ...base,
        status: 'warn',
        title: "Selected data is on the Azure VM's temporary disk",
        detail: `${listInWords(paths)} ${paths.length === 1 ? 'is' : 'are'} on this Azure VM's temporary disk (${listInWords(onTemporary.map((g) => g.ref.id))}). That disk is wiped when the VM is redeployed or resized; the data is lost and the backups of it then fail.`,
        fix: fix('server admin', [
          'Keep lasting data on a managed data disk, not on the temporary disk, and back it up from there.',
          "Remove the temporary disk's folders from the selection.",
        ]),
      }),
    ];
  }
  if (unknown.length > 0) {
    return [
      finding(ctx, 'selection.azure-temporary', {
        ...base,
        status: 'unknown',
        title: 'Whether selected data is on the temporary disk is not known',
        detail: `It is not known whether ${listInWords(unknown.map((g) => g.ref.id))} ${unknown.length === 1 ? 'is' : 'are'} this Azure VM's temporary disk.`,
        fix: fix('helpdesk', ['Look for DATALOSS_WARNING_README.txt at the root of each drive: it marks the temporary disk.']),
      }),
    ];
  }
  return [
    finding(ctx, 'selection.azure-temporary', {
      ...base,
      status: 'pass',
      title: 'No selected data on the temporary disk',
      detail:
        groups.length === 0
          ? 'Nothing is selected on this Azure VM yet.'
          : "None of the selected data is on this Azure VM's temporary disk.",
    }),
  ];
}
