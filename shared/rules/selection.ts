// What the user means to back up, as several rules need it: the total size, the items grouped by the
// volume that holds them, and the selection.azure-temporary check.

import type { MachineProfile, SelectedItem } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import { normalizeWindowsPath } from '../util/paths.js';
import { volumeOfPath, type RuleContext, type VolumeRef } from './context.js';
import { finding, fix } from './finding.js';
import { list, m } from '../i18n/message.js';

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
        title: m('selection.azureTemporary.warn.title'),
        detail: m('selection.azureTemporary.warn.detail', {
          paths: list(paths),
          count: paths.length,
          volumes: list(onTemporary.map((g) => g.ref.id)),
        }),
        fix: fix('server admin', [m('selection.azureTemporary.warn.fix.dataDisk'), m('selection.azureTemporary.warn.fix.remove')]),
      }),
    ];
  }
  if (unknown.length > 0) {
    return [
      finding(ctx, 'selection.azure-temporary', {
        ...base,
        status: 'unknown',
        title: m('selection.azureTemporary.unknown.title'),
        detail: m('selection.azureTemporary.unknown.detail', { volumes: list(unknown.map((g) => g.ref.id)), count: unknown.length }),
        fix: fix('helpdesk', [m('selection.azureTemporary.unknown.fix')]),
      }),
    ];
  }
  return [
    finding(ctx, 'selection.azure-temporary', {
      ...base,
      status: 'pass',
      title: m('selection.azureTemporary.pass.title'),
      detail: groups.length === 0 ? m('selection.azureTemporary.pass.nothingSelected') : m('selection.azureTemporary.pass.detail'),
    }),
  ];
}
