// What the relocation engine needs from a machine, whatever the machine is: a real Windows (reg.exe,
// sc.exe, robocopy) or a sandbox folder. The engine talks only to this.

import type { ServiceState } from '../../shared/profile/types.js';
import type { CopiedFile, CopyOptions } from './copy-tree.js';

export interface ScratchValues {
  scratchLocation: string | null;
  providerScratchLocation: string | null;
}

export interface RelocationMachine {
  /** Where the journal lives: it must survive a crash of this process. */
  journalPath: string;
  /** A Windows path of the machine as a path this process can open. */
  localPath(windowsPath: string): string;
  readScratch(): Promise<ScratchValues>;
  /** Writes both values (null deletes one), then reads them back. */
  writeScratch(values: ScratchValues): Promise<ScratchValues>;
  serviceState(): Promise<ServiceState>;
  stopService(): Promise<void>;
  startService(): Promise<void>;
  /** Copies the cache folder (local paths) keeping what the platform must keep: on Windows, the ACLs. */
  copy(from: string, to: string, options: CopyOptions): Promise<CopiedFile[]>;
  /** Failpoints are honoured on sandbox machines only. */
  isSandbox: boolean;
  /**
   * Makes the journal's folder writable by administrators only, where the platform has access control: the
   * elevated helper acts on what the journal says, so no one else may be able to write it.
   */
  prepareJournalFolder?(): Promise<void>;
  /** Why an open journal found here cannot be trusted (someone else could have written it); null if it can. */
  journalDoubt?(): Promise<string | null>;
}
