// What the relocation engine needs from a machine, whatever the machine is: a real Windows (reg.exe,
// sc.exe, robocopy-free Node copy) or a sandbox folder. The engine talks only to this.

import type { ServiceState } from '../../shared/profile/types.js';

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
  /** Failpoints are honoured on sandbox machines only. */
  isSandbox: boolean;
}
