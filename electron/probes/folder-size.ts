// The total size of the files below a folder (the cache), measured by the selection scanner, so that
// there is one tree walker: off the main thread, links not followed. A folder that could not be read
// whole gives null and a note, never a size that is too small.

import { scanFolders } from './selection/scanner.js';
import type { ProbeNotes } from './notes.js';
import { t } from '../../shared/i18n/translate.js';

export async function folderSize(root: string, notes: ProbeNotes, field: string): Promise<number | null> {
  try {
    // Only the size is wanted: lstat's walk, without a PowerShell process to read attributes on Windows.
    const [scan] = await scanFolders([root], { enumeration: 'lstat' });
    if (!scan || scan.unreadable.count > 0) {
      notes.add(
        field,
        t('probes.folderSize.unreadable', {
          count: scan?.unreadable.count ?? 1,
          root,
          examples: scan?.unreadable.examples.join(', ') ?? root,
        }),
      );
      return null;
    }
    return scan.bytes;
  } catch (error) {
    notes.add(field, t('probes.folderSize.failed', { reason: (error as Error).message }));
    return null;
  }
}
