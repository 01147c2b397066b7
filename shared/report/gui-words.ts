// A finding's words as the wizard shows them. The rules write for every reader at once - the terminal, the
// HTML report and the wizard - so a fix step may name a command-line option ("on the command line:
// --select PATH") or tell the reader to collect the profile again on the machine itself. In the wizard a
// person clicks instead: each such step is said here in the wizard's own terms (the page and the field to
// use), and on a live check of this machine - where the profile was just collected here - a step that
// says to collect it on the machine itself is said as what to do here instead. The rules' texts, and the
// CLI's and the report's words, stay as they are. Pure.

import { plural } from '../rules/finding.js';
import type { OsFamily } from '../profile/types.js';
import type { CheckId, Finding } from './types.js';

/** live: this machine, probed just now; opened: a profile collected elsewhere, opened from its file. */
export type ReportOrigin = 'live' | 'opened';

const SELECT_PAGE = '"What to back up"';
const NETWORK_SWITCH = `"Test the connection to Microsoft's addresses"`;
/** "Check again", for a profile opened from a file: that page has no Check again button, the machine is elsewhere. */
const CHECK_THAT_MACHINE = 'check the machine itself again with this wizard, or open a profile collected on it since';
const CANNOT_READ = 'Look at "What could not be read" at the end of this page for why it was not read, then check again';

type Words = string | ((...groups: string[]) => string) | null;
interface Rewrite {
  /** Matches a whole step, or the part of one to say differently. */
  match: RegExp;
  /** What the match becomes on a live check and in an opened profile; null drops the whole step. */
  live: Words;
  opened: Words;
}

const addFolders = {
  live: `Add the folders you mean to back up on the ${SELECT_PAGE} page, then scan again.`,
  opened: `Check the machine itself with this wizard, with the folders you mean to back up added on ${SELECT_PAGE}.`,
};

/** In order: the first whole-step rewrite that matches wins; the clause rewrites after it all apply. */
const REWRITES: readonly Rewrite[] = [
  // The network test was off (--offline), or the profile holds none.
  {
    match: /^Run this check again on the machine without --offline(, so that it tests each address)?\.$/,
    live: `Turn on ${NETWORK_SWITCH} on the ${SELECT_PAGE} page, then scan again.`,
    opened: `Check the machine itself with this wizard, with ${NETWORK_SWITCH} turned on.`,
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
    opened: 'To see example paths of each kind, check the machine itself with this wizard.',
  },
  // The upload speed (--upload-mbps).
  {
    match: /^Measure the upload speed of this connection and give it \(on the command line: --upload-mbps N\)\.$/,
    live: `Measure the upload speed of this connection and give it in "Upload bandwidth (Mbps)" on the ${SELECT_PAGE} page, then scan again.`,
    opened: `Measure the upload speed of that machine's connection, and give it in "Upload bandwidth (Mbps)" when you check the machine itself with this wizard.`,
  },
  // The vault credentials file (collect --vault-credentials): the wizard does not read one yet.
  {
    match: /^Name the file again in the wizard on this machine, or collect the profile with "collect --vault-credentials FILE"\.$/,
    live: null,
    opened: 'Collect the profile again on the machine itself, naming the vault credentials file.',
  },
  // An interrupted fix (fix resume): the wizard's own notice at the top deals with it.
  {
    match:
      /^Open the wizard on this machine: its first page says what was interrupted and offers to finish or undo it\. Or run "mars-readiness fix resume" in an administrator prompt\.$/,
    live: 'The notice at the top of the wizard says what was interrupted and offers to finish or undo it.',
    opened: 'Open the wizard on that machine: its first page says what was interrupted and offers to finish or undo it.',
  },
  // Check again: on a live check, the area's Check again button; an opened profile has none.
  {
    match: /^(Check again(?: afterwards)?\.)$/,
    live: (step) => step,
    opened: `Then ${CHECK_THAT_MACHINE}.`,
  },
  {
    match: /^(Or check again)( once .*)$/,
    live: (or, rest) => `${or}${rest}`,
    opened: (_or, rest) => `Or ${CHECK_THAT_MACHINE}${rest}`,
  },
  // Collect the profile again: on a live check, it was collected here just now.
  {
    match:
      /^Collect the profile again with this tool on the machine itself; before the agent is installed, name the folder you mean to use for its cache\.$/,
    live: `Before the agent is installed, give the folder you mean to use for its cache in "Cache folder" on the ${SELECT_PAGE} page, then scan again.`,
    opened:
      'Check the machine itself with this wizard; before the agent is installed, give the folder you mean to use for its cache in "Cache folder".',
  },
  {
    match: /^Collect the profile again on this machine as an administrator(.*)$/,
    live: (rest) => `Run this wizard again as an administrator and check again${rest}`,
    opened: (rest) => `Check the machine itself with this wizard, run as an administrator${rest}`,
  },
  {
    match: /^(Or )?[Cc]ollect the profile again on the machine itself, as an administrator if it can be\.$/,
    live: (or) => `${or ? 'Or run' : 'Run'} this wizard again as an administrator if you can, and check again.`,
    opened: (or) => `${or ? 'Or check' : 'Check'} the machine itself with this wizard, as an administrator if you can.`,
  },
  {
    match:
      /^(Or )?[Cc]ollect the profile again (?:with this tool )?on (?:the machine itself|this machine|the machine)(, so that [^.]+)?\.$/,
    live: (or) => `${or ? `Or l${CANNOT_READ.slice(1)}` : CANNOT_READ}.`,
    opened: (or, why) => `${or ? 'Or check' : 'Check'} the machine itself with this wizard${why ?? ''}.`,
  },
];

/** Parts of a step, said differently wherever they come. */
const CLAUSES: readonly Rewrite[] = [
  {
    match: /; or collect the profile again as an administrator\.$/,
    live: '; or run this wizard again as an administrator and check again.',
    opened: '; or check the machine itself with this wizard, run as an administrator.',
  },
  {
    match: /, or collect the profile(?: again)?(?: with this tool)? on (?:the machine(?: itself)?|this machine)\.$/,
    live: '.',
    opened: ', or check the machine itself with this wizard.',
  },
  {
    match: /, and collect the profile again on the machine itself\.$/,
    live: ', and check again.',
    opened: ', and check the machine itself with this wizard.',
  },
  {
    match: /\bcheck again( afterwards)?\.$/,
    live: (afterwards) => `check again${afterwards}.`,
    opened: `${CHECK_THAT_MACHINE}.`,
  },
  // Whatever else names an option of the command line: the hint in brackets goes, the sentence stays.
  { match: / \((?:on the command line: |or pass |or )?--[a-z][^)]*\)/g, live: '', opened: '' },
];

const apply = (words: Words, groups: string[]): string | null => (typeof words === 'function' ? words(...groups) : words);

/** One step in the wizard's words; null when it has nothing to say there. */
export function guiStep(step: string, origin: ReportOrigin): string | null {
  let text = step;
  for (const rewrite of REWRITES) {
    const found = rewrite.match.exec(text);
    if (!found) continue;
    const words = apply(rewrite[origin], found.slice(1));
    if (words === null) return null;
    text = text.replace(rewrite.match, words);
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
  if (steps.length > 0 && shown.length === 0) return [origin === 'live' ? `${CANNOT_READ}.` : 'Check the machine itself with this wizard.'];
  return shown;
}

/** A probe's note ("not tested: --offline") in the wizard's words. */
export function guiNote(reason: string): string {
  return reason.replace(/not tested: --offline\b/, `not tested: ${NETWORK_SWITCH} was turned off`).replace(/ \(?--[a-z][\w-]*\)?/g, '');
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
  return `${plural(count, 'check does', 'checks do')} not apply here: this machine runs ${osName}, and they look at what only Windows has - the MARS agent, its cache and registry values, .NET and PowerShell.`;
}

/**
 * Whether a finding does not apply because the machine is not Windows: a check that needs Windows, on a
 * machine of another family, that could only say "not known" or give information. What it found that
 * blocks, warns or passes is shown as ever.
 */
export function notForThisOs(finding: Pick<Finding, 'check' | 'status'>, family: OsFamily): boolean {
  return family !== 'windows' && (finding.status === 'unknown' || finding.status === 'info') && NEEDS_WINDOWS.has(finding.check);
}
