// A finding's words as the wizard shows them. The rules write for every reader at once - the terminal, the
// HTML report and the wizard - so a fix step may name a command-line option ("on the command line:
// --select PATH") or tell the reader to collect the profile again on the machine itself. In the wizard a
// person clicks instead: each such step is said here in the wizard's own terms (the page and the field to
// use), and on a live check of this machine - where the profile was just collected here - a step that
// says to collect it on the machine itself is said as what to do here instead. The rules' texts, and the
// CLI's and the report's words, stay as they are. Pure.

import type { OsFamily } from '../profile/types.js';
import { t } from '../i18n/translate.js';
import type { CheckId, Finding } from './types.js';

/** live: this machine, probed just now; opened: a profile collected elsewhere, opened from its file. */
export type ReportOrigin = 'live' | 'opened';

// The wizard's own names for its page, switch, fields and section, said in the current language.
const page = () => t('gui.name.selectPage');
const networkSwitch = () => t('gui.name.networkSwitch');
const uploadField = () => t('gui.name.uploadField');
const cacheField = () => t('gui.name.cacheField');
const cannotRead = (or: boolean) => t('gui.step.cannotRead', { or: or ? 'yes' : 'no', section: t('gui.name.cannotReadSection') });

/** What a match becomes (said when it is used, from the groups it captured); null drops the whole step. */
type Words = ((...groups: string[]) => string) | null;
interface Rewrite {
  /** Matches a whole step, or the part of one to say differently. */
  match: RegExp;
  /** What the match becomes on a live check and in an opened profile. */
  live: Words;
  opened: Words;
}

const addFolders = {
  live: () => t('gui.step.addFolders.live', { page: page() }),
  opened: () => t('gui.step.addFolders.opened', { page: page() }),
};
const yes = (group: string | undefined) => (group ? 'yes' : 'no');

// The rules' steps are matched as English says them; what the wizard says instead comes from the catalogue.
/** In order: the first whole-step rewrite that matches wins; the clause rewrites after it all apply. */
const REWRITES: readonly Rewrite[] = [
  // The network test was off (--offline), or the profile holds none.
  {
    match: /^Run this check again on the machine without --offline(, so that it tests each address)?\.$/,
    live: () => t('gui.step.offline.live', { switch: networkSwitch(), page: page() }),
    opened: () => t('gui.step.offline.opened', { switch: networkSwitch() }),
  },
  // The selection was not scanned (--select).
  {
    match:
      /^(Choose what to back up in the wizard|Scan the selection in the wizard) \(or pass --select\),? and collect the profile on the machine itself\.$/,
    ...addFolders,
  },
  {
    match:
      /^(Let the wizard scan the selection|Choose what to back up in the wizard and let it scan the folders) \(on the command line: --select PATH\)\.$/,
    ...addFolders,
  },
  {
    match: /^To see example paths of each kind, scan on the machine itself \(the wizard, or check --select PATH\)\.$/,
    // Here the scan has run: what it could not tell, scanning again does not tell either.
    live: null,
    opened: () => t('gui.step.examplePaths.opened'),
  },
  // The upload speed (--upload-mbps).
  {
    match: /^Measure the upload speed of this connection and give it \(on the command line: --upload-mbps N\)\.$/,
    live: () => t('gui.step.uploadSpeed.live', { field: uploadField(), page: page() }),
    opened: () => t('gui.step.uploadSpeed.opened', { field: uploadField() }),
  },
  // The vault credentials file (collect --vault-credentials): the wizard does not read one yet.
  {
    match: /^Name the file again in the wizard on this machine, or collect the profile with "collect --vault-credentials FILE"\.$/,
    live: null,
    opened: () => t('gui.step.vaultCredentials.opened'),
  },
  // An interrupted fix (fix resume): the wizard's own notice at the top deals with it.
  {
    match:
      /^Open the wizard on this machine: its first page says what was interrupted and offers to finish or undo it\. Or run "mars-readiness fix resume" in an administrator prompt\.$/,
    live: () => t('gui.step.interruptedFix.live'),
    opened: () => t('gui.step.interruptedFix.opened'),
  },
  // Check again: on a live check, the area's Check again button; an opened profile has none.
  {
    match: /^(Check again(?: afterwards)?\.)$/,
    live: (step) => step,
    opened: () => t('gui.step.thenCheckThatMachine'),
  },
  {
    match: /^(Or check again)( once .*)$/,
    live: (or, rest) => `${or}${rest}`,
    opened: (_or, rest) => t('gui.step.orCheckThatMachine', { rest }),
  },
  // Collect the profile again: on a live check, it was collected here just now.
  {
    match:
      /^Collect the profile again with this tool on the machine itself; before the agent is installed, name the folder you mean to use for its cache\.$/,
    live: () => t('gui.step.cacheFolder.live', { field: cacheField(), page: page() }),
    opened: () => t('gui.step.cacheFolder.opened', { field: cacheField() }),
  },
  {
    match: /^Collect the profile again on this machine as an administrator(.*)$/,
    live: (rest) => t('gui.step.administrator.live', { rest }),
    opened: (rest) => t('gui.step.administrator.opened', { rest }),
  },
  {
    match: /^(Or )?[Cc]ollect the profile again on the machine itself, as an administrator if it can be\.$/,
    live: (or) => t('gui.step.administratorIfYouCan.live', { or: yes(or) }),
    opened: (or) => t('gui.step.administratorIfYouCan.opened', { or: yes(or) }),
  },
  {
    match:
      /^(Or )?[Cc]ollect the profile again (?:with this tool )?on (?:the machine itself|this machine|the machine)(, so that [^.]+)?\.$/,
    live: (or) => cannotRead(Boolean(or)),
    opened: (or, why) => t('gui.step.checkMachine', { or: yes(or), why: why ?? '' }),
  },
];

/** Parts of a step, said differently wherever they come. */
const CLAUSES: readonly Rewrite[] = [
  {
    match: /; or collect the profile again as an administrator\.$/,
    live: () => t('gui.clause.administrator.live'),
    opened: () => t('gui.clause.administrator.opened'),
  },
  {
    match: /, or collect the profile(?: again)?(?: with this tool)? on (?:the machine(?: itself)?|this machine)\.$/,
    live: () => '.',
    opened: () => t('gui.clause.orCheckMachine.opened'),
  },
  {
    match: /, and collect the profile again on the machine itself\.$/,
    live: () => t('gui.clause.andCheckAgain.live'),
    opened: () => t('gui.clause.andCheckMachine.opened'),
  },
  {
    match: /\bcheck again( afterwards)?\.$/,
    live: (afterwards) => `check again${afterwards}.`,
    opened: () => t('gui.clause.checkThatMachine.opened'),
  },
  // Whatever else names an option of the command line: the hint in brackets goes, the sentence stays.
  { match: / \((?:on the command line: |or pass |or )?--[a-z][^)]*\)/g, live: () => '', opened: () => '' },
];

const apply = (words: Words, groups: string[]): string | null => (words === null ? null : words(...groups));

/** One step in the wizard's words; null when it has nothing to say there. */
export function guiStep(step: string, origin: ReportOrigin): string | null {
  let text = step;
  for (const rewrite of REWRITES) {
    const found = rewrite.match.exec(text);
    if (!found) continue;
    const words = apply(
      rewrite[origin],
      found.slice(1).map((g) => g ?? ''),
    );
    if (words === null) return null;
    text = text.replace(rewrite.match, () => words);
    break;
  }
  for (const clause of CLAUSES)
    text = text.replace(clause.match, (...args: unknown[]) => {
      const groups = args.slice(1, -2).map((g) => (typeof g === 'string' ? g : ''));
      return apply(clause[origin], groups) ?? '';
    });
  // A sentence that still names the command line or one of its options says nothing to a person clicking.
  text = text
    .split(/(?<=\.)\s+/)
    .filter((sentence) => !/ --[A-Za-z]|mars-readiness /.test(sentence))
    .join(' ')
    .trim();
  return text === '' ? null : text;
}

/**
 * A finding's fix steps as the wizard shows them. Never empty for a finding that has steps: where every
 * step was for another place, the wizard says what it can here.
 */
export function guiSteps(finding: Pick<Finding, 'fix'>, origin: ReportOrigin): string[] {
  const steps = finding.fix?.steps ?? [];
  const shown = steps.map((s) => guiStep(s, origin)).filter((s): s is string => s !== null);
  if (steps.length > 0 && shown.length === 0)
    return [origin === 'live' ? cannotRead(false) : t('gui.step.checkMachine', { or: 'no', why: '' })];
  return shown;
}

/** A probe's note ("not tested: --offline") in the wizard's words. */
export function guiNote(reason: string): string {
  return reason
    .replace(/not tested: --offline\b/, () => t('gui.note.offline', { switch: networkSwitch() }))
    .replace(/ \(?--[a-z][\w-]*\)?/g, '');
}

/**
 * A finding's "Learn more" address, when it is one the wizard may offer: https on learn.microsoft.com, with
 * no credentials in it. The desktop app opens only such addresses, in the system's browser.
 */
export function learnMoreUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    const ours =
      parsed.protocol === 'https:' && parsed.hostname === 'learn.microsoft.com' && parsed.username === '' && parsed.password === '';
    return ours ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The checks that look at what only Windows has: its registry, .NET and PowerShell, the MARS agent, its
 * cache, the volumes and files it backs up, its history. On a machine that is not Windows they cannot tell
 * anything; the endpoints, the proxy, the clock and the upload estimate can.
 */
export const NEEDS_WINDOWS: ReadonlySet<CheckId> = new Set<CheckId>([
  'os.system-state',
  'software.dotnet',
  'software.powershell',
  'network.tls12',
  'agent.install',
  'agent.service',
  'agent.version',
  'agent.interrupted-fix',
  'cache.registry',
  'cache.folder',
  'cache.location',
  'cache.attributes',
  'cache.free-space',
  'cache.azure-temporary',
  'volume.supported',
  'volume.size-limit',
  'selection.azure-temporary',
  'selection.agent-folders',
  'files.skipped',
  'files.onedrive',
  'files.dfsr',
  'network.service-proxy',
  'network.throttling',
  'restore.instant-restore',
  'restore.target',
  'system-state.prerequisites',
  'agent.vault-credentials',
  'agent.antivirus',
  'history.last-backup',
  'history.known-error',
]);

/** The one line the checks that need Windows fold into on another machine ("12 checks do not apply here: ..."). */
export function notHereWords(count: number, osName: string): string {
  return t('gui.notHere', { count, os: osName });
}

/**
 * Whether a finding does not apply because the machine is not Windows: a check that needs Windows, on a
 * machine of another family, that could only say "not known" or give information. What it found that
 * blocks, warns or passes is shown as ever.
 */
export function notForThisOs(finding: Pick<Finding, 'check' | 'status'>, family: OsFamily): boolean {
  return family !== 'windows' && (finding.status === 'unknown' || finding.status === 'info') && NEEDS_WINDOWS.has(finding.check);
}
