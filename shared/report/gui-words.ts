// A finding's words as the wizard shows them. The rules write for every reader at once - the terminal, the
// HTML report and the wizard - so a fix step may name a command-line option ("on the command line:
// --select PATH") or tell the reader to collect the profile again on the machine itself. In the wizard a
// person clicks instead: each such step is said here in the wizard's own terms (the page and the field to
// use), and on a live check of this machine - where the profile was just collected here - a step that
// says to collect it on the machine itself is said as what to do here instead. The rules' texts, and the
// CLI's and the report's words, stay as they are. Pure.
//
// A step is known by the id of the message it was said from (a finding's `messages.steps`), so the
// rewrites work in every language; what the wizard says instead is a whole message of its own.

import type { OsFamily } from '../profile/types.js';
import type { Arg, MessageId, Msg } from '../i18n/message.js';
import { joinSentences, say, t } from '../i18n/translate.js';
import type { FirstAction } from './do-this-first.js';
import type { CheckId, Finding } from './types.js';

/** live: this machine, probed just now; opened: a profile collected elsewhere, opened from its file. */
export type ReportOrigin = 'live' | 'opened';

// The wizard's own names for its page, switch, fields and section, said in the current language.
const page = () => t('gui.name.selectPage');
const networkSwitch = () => t('gui.name.networkSwitch');
const uploadField = () => t('gui.name.uploadField');
const cacheField = () => t('gui.name.cacheField');
const cannotRead = (or: boolean) => t('gui.step.cannotRead', { or: or ? 'yes' : 'no', section: t('gui.name.cannotReadSection') });

/** What a step becomes, from the message it was said from; null drops the whole step. */
type Words = (step: Msg) => string | null;
interface Rewrite {
  /** What the step becomes on a live check and in an opened profile. */
  live: Words;
  opened: Words;
}

/** The step as the rule said it. */
const asItIs: Words = (step) => say(step);
/** Left out: it has nothing to say here. */
const leftOut: Words = () => null;
/** Another message, given the step's own arguments (a key, a command) and these. */
const instead =
  (id: MessageId, args: Record<string, Arg> = {}): Words =>
  (step) =>
    t(id, { ...step.args, ...args });

const addFolders: Rewrite = {
  live: () => t('gui.step.addFolders.live', { page: page() }),
  opened: () => t('gui.step.addFolders.opened', { page: page() }),
};
const offline: Rewrite = {
  live: () => t('gui.step.offline.live', { switch: networkSwitch(), page: page() }),
  opened: () => t('gui.step.offline.opened', { switch: networkSwitch() }),
};
/** "Check again": on a live check, the area's Check again button; an opened profile has none. */
const checkAgain = (opened: Words = () => t('gui.step.thenCheckThatMachine')): Rewrite => ({ live: asItIs, opened });
/** "Collect the profile again on the machine itself": on a live check, it was collected here just now. */
const collectAgain = (or: boolean): Rewrite => ({
  live: () => cannotRead(or),
  opened: () => t('gui.step.checkMachine', { or: or ? 'yes' : 'no' }),
});
const collectSoThat = (why: 'volumes' | 'registry' | 'version'): Rewrite => ({
  live: () => cannotRead(false),
  opened: () => t('gui.step.checkMachineSoThat', { why }),
});
const asAdministrator = (reason: 'defender' | 'eventLog' | 'none'): Rewrite => ({
  live: () => t('gui.step.administrator.live', { reason }),
  opened: () => t('gui.step.administrator.opened', { reason }),
});
/** A step that ends "or collect the profile again on the machine": said without that, or with the wizard. */
const orCollect = (live: MessageId, opened: MessageId): Rewrite => ({ live: instead(live), opened: instead(opened) });

/** The steps the wizard says in its own words, by the id of the message the rule said them from. */
const REWRITES: Partial<Record<MessageId, Rewrite>> = {
  // The network test was off (--offline), or the profile holds none.
  'network.endpoints.unknown.fix': offline,
  'network.endpoints.untested.fix': offline,
  // The selection was not scanned (--select).
  'cache.freeSpace.unknown.fix': addFolders,
  'volume.sizeLimit.unknown.fix': addFolders,
  'files.skipped.unscanned.fix': addFolders,
  'backup.offlineSeeding.unknownSize.fix': addFolders,
  // Here the scan has run: what it could not tell, scanning again does not tell either.
  'files.skipped.warn.fix.scanForExamples': { live: leftOut, opened: () => t('gui.step.examplePaths.opened') },
  // The upload speed (--upload-mbps).
  'backup.offlineSeeding.zeroSpeed.fix': {
    live: () => t('gui.step.uploadSpeed.live', { field: uploadField(), page: page() }),
    opened: () => t('gui.step.uploadSpeed.opened', { field: uploadField() }),
  },
  // The vault credentials file (collect --vault-credentials): the wizard does not read one yet.
  'agent.vaultCredentials.unknown.fix': { live: leftOut, opened: () => t('gui.step.vaultCredentials.opened') },
  // An interrupted fix (fix resume): the wizard's own notice at the top deals with it.
  'agent.interruptedFix.fix.wizard': { live: () => t('gui.step.interruptedFix.live'), opened: () => t('gui.step.interruptedFix.opened') },
  'agent.fix.checkAgain': checkAgain(),
  'agent.interruptedFix.fix.checkAgain': checkAgain(),
  'host.clock.fix.checkAgain': checkAgain(),
  'network.endpoints.fix.checkAgain': checkAgain(),
  'systemState.checkAgain': checkAgain(),
  'host.clock.unknown.fix.later': checkAgain(() => t('gui.step.clockLater.opened')),
  'cache.registry.fix.checkAfter': checkAgain(instead('gui.step.registration.opened')),
  'network.tls12.fix.restart': checkAgain(instead('gui.step.restart.opened')),
  'software.powershell.fail.fix.restart': checkAgain(instead('gui.step.restart.opened')),
  'software.dotnet.fail.fix.restart': checkAgain(instead('gui.step.restartIfAsked.opened')),
  'restore.target.noBuild.fix': checkAgain(instead('gui.step.fullVersion.opened')),
  'cache.noCache.fix': {
    live: () => t('gui.step.cacheFolder.live', { field: cacheField(), page: page() }),
    opened: () => t('gui.step.cacheFolder.opened', { field: cacheField() }),
  },
  'agent.antivirus.unknown.fix.asAdmin': asAdministrator('defender'),
  'history.lastBackup.readLog.collectAsAdmin': asAdministrator('eventLog'),
  'history.knownError.unreadable.fix.collectAsAdmin': asAdministrator('none'),
  'systemState.unread.fix.collect': {
    live: () => t('gui.step.administratorIfYouCan.live', { or: 'no' }),
    opened: () => t('gui.step.administratorIfYouCan.opened', { or: 'no' }),
  },
  'os.supported.unknown.fix.collect': collectAgain(false),
  'network.tls12.unread.fix.collectAgain': collectAgain(true),
  'software.fix.collectAgain': collectAgain(true),
  'systemState.services.unknownFix.collect': collectAgain(true),
  'cache.location.undescribed.fix': collectSoThat('volumes'),
  'os.supported.undetermined.unknown.fix.collect': collectSoThat('registry'),
  'os.systemState.unknown.fix': collectSoThat('version'),
  'restore.target.unknown.fix': collectSoThat('version'),
  'network.serviceProxy.unknown.fix.systemAccount': orCollect('gui.step.systemAccount.live', 'gui.step.systemAccount.opened'),
  'network.tls12.unknown.fix': orCollect('gui.step.findWinver.live', 'gui.step.findWinver.opened'),
  'software.dotnet.undetermined.fix.winver': orCollect('gui.step.runWinver.live', 'gui.step.runWinver.opened'),
  'restore.instantRestore.unknown.fix': orCollect('gui.step.readRelease.live', 'gui.step.readRelease.opened'),
  'cache.location.driveKind.fix': orCollect('gui.step.driveKind.live', 'gui.step.driveKind.opened'),
  'volume.supported.undescribed.fix': orCollect('gui.step.checkPath.live', 'gui.step.checkPath.opened'),
};

/** The sentences of a text (after a full stop and a space, or after an ideographic full stop). */
const sentencesOf = (text: string) => text.split(/(?<=\.)\s+|(?<=。)/u);

/**
 * One step in the wizard's words; null when it has nothing to say there. Given as the message it was said
 * from (else as its text, which is shown as it reads).
 */
export function guiStep(step: Msg | string, origin: ReportOrigin): string | null {
  const rewrite = typeof step === 'string' ? undefined : REWRITES[step.id];
  const words = typeof step === 'string' ? step : rewrite ? rewrite[origin](step) : say(step);
  if (words === null) return null;
  // A sentence that still names the command line or one of its options says nothing to a person clicking.
  const text = joinSentences(sentencesOf(words).filter((sentence) => !/ --[A-Za-z]|mars-readiness /.test(sentence))).trim();
  return text === '' ? null : text;
}

function shownSteps(steps: readonly (Msg | string)[], origin: ReportOrigin): string[] {
  const shown = steps.map((s) => guiStep(s, origin)).filter((s): s is string => s !== null);
  if (steps.length > 0 && shown.length === 0) return [origin === 'live' ? cannotRead(false) : t('gui.step.checkMachine', { or: 'no' })];
  return [...new Set(shown)];
}

/**
 * A finding's fix steps as the wizard shows them. Never empty for a finding that has steps: where every
 * step was for another place, the wizard says what it can here.
 */
export function guiSteps(finding: Pick<Finding, 'fix' | 'messages'>, origin: ReportOrigin): string[] {
  const steps = finding.fix?.steps ?? [];
  const messages = finding.messages?.steps;
  return shownSteps(messages?.length === steps.length ? messages : steps, origin);
}

/**
 * A "Do this first" action's steps as the wizard shows them: each step known by the message it was said
 * from in the findings it resolves.
 */
export function guiActionSteps(action: Pick<FirstAction, 'steps' | 'resolves'>, origin: ReportOrigin): string[] {
  const said = new Map<string, Msg>();
  for (const f of action.resolves) {
    const steps = f.fix?.steps ?? [];
    const messages = f.messages?.steps;
    if (messages?.length === steps.length) steps.forEach((s, i) => said.has(s) || said.set(s, messages[i]!));
  }
  return shownSteps(
    action.steps.map((s) => said.get(s) ?? s),
    origin,
  );
}

/** A probe's note ("not tested: --offline") in the wizard's words. */
export function guiNote(reason: string): string {
  const offline = new Set([t('probes.collect.offline'), 'not tested: --offline']);
  if (offline.has(reason)) return t('gui.note.offline', { switch: networkSwitch() });
  return reason.replace(/ \(?--[a-z][\w-]*\)?/g, '');
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
