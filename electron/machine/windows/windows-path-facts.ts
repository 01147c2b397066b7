// A target folder on Windows as the plan needs it: the attributes of every existing component of its path
// read without following reparse points (path-facts.ts), folded into the port's PathFacts.

import { samePath } from '../../../shared/util/paths.js';
import type { CommandRunner } from '../../probes/command-runner.js';
import { FILE_ATTRIBUTE } from '../../probes/windows/machine-facts.js';
import type { PathFacts } from '../machine.js';
import { probeWindowsPathFacts } from './path-facts.js';

export async function windowsPathFacts(run: CommandRunner, path: string): Promise<PathFacts> {
  const result = await probeWindowsPathFacts(run, path);
  if (!result.ok) throw new Error(result.reason);
  const { facts } = result;
  const link = facts.existing.find((c) => (c.attributes & FILE_ATTRIBUTE.reparsePoint) !== 0) ?? null;
  // The deepest existing folder's attributes: its own when it is the target, else the ones a new folder
  // made in it would inherit (compression and encryption pass down).
  const deepest = facts.existing.at(-1);
  const bits = deepest?.attributes ?? 0;
  const unknown = facts.unknownAttributes ?? null;
  return {
    canonical: facts.longPath,
    exists: facts.exists,
    empty: facts.empty,
    attributes:
      unknown && !link
        ? null
        : {
            compressed: (bits & FILE_ATTRIBUTE.compressed) !== 0,
            encrypted: (bits & FILE_ATTRIBUTE.encrypted) !== 0,
            sparse: (bits & FILE_ATTRIBUTE.sparse) !== 0,
            reparsePoint: link !== null,
          },
    linkAt: link?.path ?? null,
    fileAt: facts.existing.find((c) => (c.attributes & FILE_ATTRIBUTE.directory) === 0 && !samePath(c.path, facts.longPath))?.path ?? null,
    unknown,
  };
}
