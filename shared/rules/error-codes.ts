// The error codes the agent's own logs hold that we can explain, as data: what each means and what
// usually causes it, in our words; the check of this tool that tells whether that cause is still there
// (if any); what to do; and the section of Microsoft's documentation that describes it. Microsoft's
// troubleshooting articles (and the Azure portal's self-help pages for MARS errors) are the sources.
// Codes starting 0x compare as numbers (0x0001FC07 is 0x1FC07); any other code case-insensitively as text.

import type { Citation, MatrixEdition } from '../matrix/types.js';
import type { CheckId } from '../report/types.js';
import { m, type Msg } from '../i18n/message.js';
import { say } from '../i18n/translate.js';

/** An entry of the table as data: its words are catalogue messages (history.errorCode.*). */
interface ErrorCodeEntry {
  /** The code as Microsoft spells it: the subject of its finding. */
  code: string;
  /** What it means, in a few words. */
  meaning: Msg;
  /** What usually causes it, in plain words. */
  cause: Msg;
  /** The checks that tell whether that cause is still there; empty when no check looks at it. */
  checks: CheckId[];
  /** What to do about it. */
  steps: Msg[];
  cite: (edition: MatrixEdition) => Citation;
}

export interface KnownErrorCode {
  /** The code as Microsoft spells it: the subject of its finding. */
  readonly code: string;
  /** What it means, in a few words, in the current language. */
  readonly meaning: string;
  /** What usually causes it, in plain words, in the current language. */
  readonly cause: string;
  /** The checks that tell whether that cause is still there; empty when no check looks at it. */
  readonly checks: CheckId[];
  /** What to do about it, in the current language. */
  readonly steps: string[];
  /** The same words as catalogue messages, for findings (which keep their messages). */
  readonly messages: { meaning: Msg; cause: Msg; steps: Msg[] };
  readonly cite: (edition: MatrixEdition) => Citation;
}

const CACHE_STEPS = [m('history.errorCode.cacheSteps.fixCache'), m('history.errorCode.cacheSteps.backUpNow')];

const ENTRIES: readonly ErrorCodeEntry[] = [
  {
    code: '0x80070570',
    meaning: m('history.errorCode.0x80070570.meaning'),
    cause: m('history.errorCode.0x80070570.cause'),
    checks: [],
    steps: [m('history.errorCode.0x80070570.step1', { command: 'chkdsk <drive>: /scan' })],
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x80070002',
    meaning: m('history.errorCode.0x80070002.meaning'),
    cause: m('history.errorCode.0x80070002.cause'),
    checks: ['cache.free-space', 'cache.folder', 'agent.antivirus'],
    steps: CACHE_STEPS,
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x80070003',
    meaning: m('history.errorCode.0x80070003.meaning'),
    cause: m('history.errorCode.0x80070002.cause'),
    checks: ['cache.free-space', 'cache.folder', 'agent.antivirus'],
    steps: CACHE_STEPS,
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x80070005',
    meaning: m('history.errorCode.0x80070005.meaning'),
    cause: m('history.errorCode.0x80070005.cause'),
    checks: ['agent.antivirus'],
    steps: [m('history.errorCode.0x80070005.step1')],
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x8007018B',
    meaning: m('history.errorCode.0x8007018B.meaning'),
    cause: m('history.errorCode.0x8007018B.cause'),
    checks: ['files.onedrive'],
    steps: [m('history.errorCode.0x8007018B.step1')],
    cite: (e) => e.errorCodes.failedFiles,
  },
  {
    code: '0x1FC07',
    meaning: m('history.errorCode.0x1FC07.meaning'),
    cause: m('history.errorCode.0x1FC07.cause'),
    checks: ['cache.registry', 'cache.folder', 'cache.free-space'],
    steps: [m('history.errorCode.0x1FC07.step1'), m('history.errorCode.0x1FC07.step2')],
    cite: (e) => e.errorCodes.activation,
  },
  {
    code: '0x1FBD3',
    meaning: m('history.errorCode.0x1FBD3.meaning'),
    cause: m('history.errorCode.0x1FBD3.cause'),
    checks: ['agent.version'],
    steps: [m('history.errorCode.0x1FBD3.step1')],
    cite: (e) => e.agentVersions,
  },
  {
    code: '0x800423F2',
    meaning: m('history.errorCode.0x800423F2.meaning'),
    cause: m('history.errorCode.0x800423F2.cause'),
    checks: ['system-state.prerequisites'],
    steps: [m('history.errorCode.0x800423F2.step1')],
    cite: (e) => e.errorCodes.vssWriter,
  },
  {
    code: 'SalChecksumStoreInitializationFailed',
    meaning: m('history.errorCode.SalChecksumStoreInitializationFailed.meaning'),
    cause: m('history.errorCode.SalChecksumStoreInitializationFailed.cause'),
    checks: ['agent.antivirus', 'cache.folder'],
    steps: [m('history.errorCode.SalChecksumStoreInitializationFailed.step1')],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalVhdInitializationError',
    meaning: m('history.errorCode.SalVhdInitializationError.meaning'),
    cause: m('history.errorCode.SalChecksumStoreInitializationFailed.cause'),
    checks: ['agent.antivirus', 'cache.folder'],
    steps: [m('history.errorCode.SalChecksumStoreInitializationFailed.step1')],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalLowDiskSpace',
    meaning: m('history.errorCode.SalLowDiskSpace.meaning'),
    cause: m('history.errorCode.SalLowDiskSpace.cause'),
    checks: ['cache.free-space'],
    steps: [m('history.errorCode.SalLowDiskSpace.step1')],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalBitmapError',
    meaning: m('history.errorCode.SalBitmapError.meaning'),
    cause: m('history.errorCode.SalBitmapError.cause'),
    checks: ['agent.version', 'cache.free-space'],
    steps: [m('history.errorCode.SalBitmapError.step1')],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalFileProviderUnInitializationFailed',
    meaning: m('history.errorCode.SalFileProviderUnInitializationFailed.meaning'),
    cause: m('history.errorCode.SalFileProviderUnInitializationFailed.cause'),
    checks: ['selection.agent-folders'],
    steps: [m('history.errorCode.SalFileProviderUnInitializationFailed.step1')],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'SalFailedToMountVhd',
    meaning: m('history.errorCode.SalFailedToMountVhd.meaning'),
    cause: m('history.errorCode.SalFailedToMountVhd.cause'),
    checks: ['cache.attributes'],
    steps: [m('history.errorCode.SalFailedToMountVhd.step1'), m('history.errorCode.SalFailedToMountVhd.step2')],
    cite: (e) => e.cache,
  },
  {
    code: 'SalFailedToMountVhdSemaphoreTimeoutError',
    meaning: m('history.errorCode.SalFailedToMountVhdSemaphoreTimeoutError.meaning'),
    cause: m('history.errorCode.SalFailedToMountVhdSemaphoreTimeoutError.cause'),
    checks: ['host.clock'],
    steps: [m('history.errorCode.SalFailedToMountVhdSemaphoreTimeoutError.step1')],
    cite: (e) => e.clock,
  },
  {
    code: 'WSBDiskSpaceOrSFCIssue',
    meaning: m('history.errorCode.WSBDiskSpaceOrSFCIssue.meaning'),
    cause: m('history.errorCode.WSBDiskSpaceOrSFCIssue.cause'),
    checks: ['system-state.prerequisites'],
    steps: [m('history.errorCode.WSBDiskSpaceOrSFCIssue.step1')],
    cite: (e) => e.systemState.prerequisites,
  },
  {
    code: 'CBPSourceSnapshotFailedVSSProviderVETO',
    meaning: m('history.errorCode.CBPSourceSnapshotFailedVSSProviderVETO.meaning'),
    cause: m('history.errorCode.CBPSourceSnapshotFailedVSSProviderVETO.cause'),
    checks: [],
    steps: [m('history.errorCode.CBPSourceSnapshotFailedVSSProviderVETO.step1')],
    cite: (e) => e.errorCodes.commonIssues,
  },
  {
    code: 'CBPIcMetadataValidationFailure',
    meaning: m('history.errorCode.CBPIcMetadataValidationFailure.meaning'),
    cause: m('history.errorCode.CBPIcMetadataValidationFailure.cause'),
    checks: [],
    steps: [m('history.errorCode.CBPIcMetadataValidationFailure.step1'), m('history.errorCode.CBPIcMetadataValidationFailure.step2')],
    cite: (e) => e.errorCodes.shadowStorage,
  },
];

/** An entry whose words are said in the language current when they are read. */
function spoken(entry: ErrorCodeEntry): KnownErrorCode {
  return {
    code: entry.code,
    get meaning() {
      return say(entry.meaning);
    },
    get cause() {
      return say(entry.cause);
    },
    checks: entry.checks,
    get steps() {
      return entry.steps.map(say);
    },
    messages: { meaning: entry.meaning, cause: entry.cause, steps: entry.steps },
    cite: entry.cite,
  };
}

export const KNOWN_ERROR_CODES: readonly KnownErrorCode[] = ENTRIES.map(spoken);

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
const WIN32_ERRORS: Record<number, Msg> = {
  2: m('history.windowsError.2'),
  3: m('history.windowsError.3'),
  5: m('history.windowsError.5'),
  21: m('history.windowsError.21'),
  32: m('history.windowsError.32'),
  33: m('history.windowsError.33'),
  87: m('history.windowsError.87'),
  112: m('history.windowsError.112'),
  1117: m('history.windowsError.1117'),
  1392: m('history.windowsError.1392'),
  1450: m('history.windowsError.1450'),
};

/** What Windows says a 0x8007xxxx code means, for a code the error table does not hold, as a message; null otherwise. */
export function windowsErrorMessage(code: string): Msg | null {
  const match = /^0x8007([0-9A-Fa-f]{4})$/.exec(code);
  if (!match) return null;
  const number = String(Number.parseInt(match[1]!, 16));
  const words = WIN32_ERRORS[Number(number)];
  return words ? m('history.windowsError.named', { number, words }) : m('history.windowsError.unnamed', { number });
}

/** What Windows says a 0x8007xxxx code means, in the current language; null for a code it does not explain. */
export function windowsErrorMeaning(code: string): string | null {
  const message = windowsErrorMessage(code);
  return message ? say(message) : null;
}
