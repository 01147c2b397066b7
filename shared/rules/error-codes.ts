// The error codes the agent's own logs hold that we can explain, as data: what each means and what
// usually causes it, in our words; the check of this tool that tells whether that cause is still there
// (if any); what to do; and the section of Microsoft's documentation that describes it. Microsoft's
// troubleshooting articles (and the Azure portal's self-help pages for MARS errors) are the sources.
// Codes starting 0x compare as numbers (0x0001FC07 is 0x1FC07); any other code case-insensitively as text.

import type { Citation, MatrixEdition } from '../matrix/types.js';
import type { CheckId } from '../report/types.js';

export interface KnownErrorCode {
  /** The code as Microsoft spells it: the subject of its finding. */
  code: string;
  /** What it means, in a few words. */
  meaning: string;
  /** What usually causes it, in plain words. */
  cause: string;
  /** The checks that tell whether that cause is still there; empty when no check looks at it. */
  checks: CheckId[];
  /** What to do about it. */
  steps: string[];
  cite: (edition: MatrixEdition) => Citation;
}

const CACHE_STEPS = [
  "Look at the cache findings of this report (free space, the folder itself, antivirus) and put right what they name: the agent's cache folder needs room and must stay where the registry says.",
  "Then run a backup now from the agent's console (Back Up Now) and check that it completes.",
];

export const KNOWN_ERROR_CODES: readonly KnownErrorCode[] = [
  {
    code: '0x80070570',
    meaning: 'a file or folder is damaged and cannot be read',
    cause: 'the file system of the volume the files come from is damaged',
    checks: [],
    steps: ['Run "chkdsk <drive>: /scan" in an administrator prompt on the volume the files come from, and repair what it finds.'],
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x80070002',
    meaning: 'a file could not be found',
    cause: "the agent's cache folder is full or its volume is gone, or antivirus software took the file away",
    checks: ['cache.free-space', 'cache.folder', 'agent.antivirus'],
    steps: CACHE_STEPS,
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x80070003',
    meaning: 'a folder could not be found',
    cause: "the agent's cache folder is full or its volume is gone, or antivirus software took the file away",
    checks: ['cache.free-space', 'cache.folder', 'agent.antivirus'],
    steps: CACHE_STEPS,
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x80070005',
    meaning: 'access was denied',
    cause: 'antivirus or other software keeps the agent from reading the files',
    checks: ['agent.antivirus'],
    steps: [
      "Exclude the agent's cache folder, its bin folder and cbengine.exe from antivirus scanning (see the antivirus finding), then back up again.",
    ],
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x8007018B',
    meaning: 'a file kept in the cloud could not be read',
    cause: 'the files are OneDrive files, or other files stored only in the cloud or offline',
    checks: ['files.onedrive'],
    steps: ['Leave OneDrive folders and cloud-only files out of the backup, or make them available on this machine first.'],
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x1FC07',
    meaning: 'the agent could not finish activating (an internal service error)',
    cause: "the agent's cache folder is on a volume without room, was moved the wrong way, or lost its OnlineBackup.KEK file",
    checks: ['cache.registry', 'cache.folder', 'cache.free-space'],
    steps: [
      'Check that both cache registry values name the folder that holds OnlineBackup.KEK, and that its volume has room (see the cache findings).',
      'Upgrade the agent to the latest version, then back up again.',
    ],
    cite: (e) => e.errorCodes.activation,
  },
  {
    code: '0x1FBD3',
    meaning: 'the agent does not match the version of the Azure Backup service',
    cause: 'the agent is out of date',
    checks: ['agent.version'],
    steps: ['Upgrade the agent to the latest version (https://aka.ms/azurebackup_agent), then back up again.'],
    cite: (e) => e.agentVersions,
  },
  {
    code: '0x800423F2',
    meaning: 'a Volume Shadow Copy writer took too long while the snapshot was taken',
    cause: 'the machine was short of processor time or memory, or another backup program was using Volume Shadow Copy at the same time',
    checks: ['system-state.prerequisites'],
    steps: ['Schedule the backup for a time when the machine is quiet and no other backup runs, then try again.'],
    cite: (e) => e.errorCodes.vssWriter,
  },
  {
    code: 'SalChecksumStoreInitializationFailed',
    meaning: 'the agent could not read the backup checksums kept in its cache folder',
    cause: 'antivirus or another program locks the files in the cache folder, or the cache folder is not valid',
    checks: ['agent.antivirus', 'cache.folder'],
    steps: ['Exclude the cache folder from antivirus scanning and check the cache findings, then restart the server and back up again.'],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalVhdInitializationError',
    meaning: 'the agent could not use its cache folder to prepare a virtual disk',
    cause: 'antivirus or another program locks the files in the cache folder, or the cache folder is not valid',
    checks: ['agent.antivirus', 'cache.folder'],
    steps: ['Exclude the cache folder from antivirus scanning and check the cache findings, then restart the server and back up again.'],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalLowDiskSpace',
    meaning: "the volume of the agent's cache folder ran out of space",
    cause: 'the volume holding the cache folder is too full for the amount of data being backed up',
    checks: ['cache.free-space'],
    steps: [
      'Free space on the cache volume, or move the cache folder to a volume with room (see the free-space finding), then back up again.',
    ],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalBitmapError',
    meaning: 'the agent could not work out what changed in a file',
    cause: "the agent is out of date, or its cache folder's volume has too little room",
    checks: ['agent.version', 'cache.free-space'],
    steps: ['Upgrade the agent to the latest version and make room on the cache volume, then back up again.'],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalFileProviderUnInitializationFailed',
    meaning: 'the part of the agent that reads the files failed',
    cause:
      "the cache folder or the agent's bin folder is part of the backup, or the folder of the agent's virtual disks is not owned by SYSTEM",
    checks: ['selection.agent-folders'],
    steps: [
      "Exclude the cache folder and the agent's bin folder from the backup (Schedule Backup > Exclusion Settings), then back up again.",
    ],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalFailedToMountVhd',
    meaning: 'the agent could not open the virtual disk it keeps in its cache folder',
    cause: 'the cache folder is encrypted or compressed, or the Virtual Disk service is not working',
    checks: ['cache.attributes'],
    steps: [
      'Make the cache folder a plain folder again: not encrypted, not compressed (see the cache attributes finding).',
      'Restart the Virtual Disk service: "net stop vds" and "net start vds" in an administrator prompt. Then back up again.',
    ],
    cite: (e) => e.cache,
  },
  {
    code: 'SalFailedToMountVhdSemaphoreTimeoutError',
    meaning: "opening the agent's virtual disk took too long",
    cause: "the server's clock is not in step with the right time",
    checks: ['host.clock'],
    steps: ['Set the clock from a time server ("w32tm /resync" in an administrator prompt), then back up again.'],
    cite: (e) => e.clock,
  },
  {
    code: 'WSBDiskSpaceOrSFCIssue',
    meaning: 'Windows Server Backup could not back up System State',
    cause: 'the volume Windows runs from has less than 30 GB free',
    checks: ['system-state.prerequisites'],
    steps: [
      'Free space on the system volume (usually C:) until at least 30 GB are free, or move the cache folder to a volume with room, then back up again.',
    ],
    cite: (e) => e.systemState.prerequisites,
  },
  {
    code: 'CBPSourceSnapshotFailedVSSProviderVETO',
    meaning: 'a Volume Shadow Copy provider refused to take the snapshot',
    cause: "the disks' SAN policy does not bring every disk online",
    checks: [],
    steps: ['In an administrator prompt, run diskpart, then "SAN POLICY=OnlineAll", then back up again.'],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'CBPIcMetadataValidationFailure',
    meaning: 'the integrity check of the latest backup failed',
    cause: 'too little shadow copy storage or free space, or short (8.3) file names being created on the volume',
    checks: [],
    steps: [
      'Give the volume more shadow copy storage ("vssadmin Resize ShadowStorage" in an administrator prompt) and free space on it.',
      'Turn off short file names: "fsutil 8dot3name set 1". Then back up again.',
    ],
    cite: (e) => e.errorCodes.shadowStorage,
  },
];

/** The form two spellings of one code share: a 0x code as its number, any other code in lower case. */
export function errorCodeKey(code: string): string {
  return /^0x[0-9A-Fa-f]+$/.test(code) ? `0x${BigInt(code).toString(16)}` : code.toLowerCase();
}

const BY_KEY = new Map(KNOWN_ERROR_CODES.map((entry) => [errorCodeKey(entry.code), entry]));

/** The table's entry for a code, whichever way it is spelled; undefined for a code the table does not hold. */
export function knownErrorCode(code: string): KnownErrorCode | undefined {
  return BY_KEY.get(errorCodeKey(code));
}

/**
 * Windows errors wrapped in an HRESULT (0x8007xxxx carries Win32 error xxxx) that agents' logs often
 * hold beside the table's codes: what each means, so that no common code is left unexplained.
 */
const WIN32_ERRORS: Record<number, string> = {
  2: 'a file could not be found',
  3: 'a folder could not be found',
  5: 'access was denied',
  21: 'a device is not ready',
  32: 'a file is in use by another program',
  33: 'part of a file is locked by another program',
  87: 'a value passed to Windows was not valid',
  112: 'there is not enough space on the disk',
  1117: 'a disk reported an input/output error',
  1392: 'a file or folder is damaged and cannot be read',
  1450: 'Windows ran short of system resources',
};

/** What Windows says a 0x8007xxxx code means, for a code the error table does not hold; null otherwise. */
export function windowsErrorMeaning(code: string): string | null {
  const match = /^0x8007([0-9A-Fa-f]{4})$/.exec(code);
  if (!match) return null;
  const number = Number.parseInt(match[1]!, 16);
  const words = WIN32_ERRORS[number];
  return words ? `Windows error ${number}: ${words}` : `Windows error ${number}`;
}
