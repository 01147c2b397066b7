// "Do this first": a report's blockers, warnings and unknowns as one short list of actions, grouped by who
// carries them out, one action per root cause. Findings that one fix resolves become one action with one
// procedure (and the one fix the wizard can carry out for it), listing the findings it resolves: the cache
// on a full disk, on the Azure temporary disk and the SalLowDiskSpace the agent logged are one move of the
// cache folder; every address the network test could not reach is one request to the network team.
//
// Which findings share a root cause is data (ROOT_CAUSES below), beside two rules that need no table: an
// error code of the agent's logs joins the action of the check that tells whether its cause is still
// there (the error-code table names it), and findings whose fixes are word for word the same are one
// action. Fails come before warnings, unknowns last, each phrased as something to find out. Every title is
// an instruction a helpdesk agent can read aloud; whoWords says who, in words that fit the machine.

import type { ActionId, CheckId, Finding, FindingStatus, Fixer, Report, Status } from './types.js';
import { findingAnchor } from './anchor.js';
import { CHECKS } from '../rules/catalogue.js';
import { errorCodeKey, knownErrorCode } from '../rules/error-codes.js';
import { formatList, t } from '../i18n/translate.js';
import { saidWords } from './grouping.js';

/** Who acts, from the one closest to the machine: the order of the groups when their worst is alike. */
export const FIXERS: readonly Fixer[] = ['user', 'helpdesk', 'server admin', 'network team'];

/** What kind of machine the report is of, as far as it tells: it decides how an administrator is named. */
export type MachineKind = 'server' | 'workstation' | 'unknown';

export type ActionStatus = Extract<Status, 'fail' | 'warn' | 'unknown'>;

export interface FirstAction {
  /**
   * Stable, and fit for an HTML id: the root cause's id (ROOT_CAUSES), else the findingAnchor of the finding
   * it starts from ("find-out-" before it for an unknown).
   */
  id: string;
  /** The contract's word for who carries it out; whoWords(who, machine) says it for a person. */
  who: Fixer;
  /** The worst status of what it resolves. */
  status: ActionStatus;
  /** What to do, as an instruction: "Move the cache folder to a volume with room"; for an unknown, "Find out ...". */
  title: string;
  /** The one procedure, step by step. */
  steps: string[];
  /** The fix the wizard can carry out for all of it, where it can; null otherwise. */
  action: ActionId | null;
  /** The finding whose own Fix button does that fix (the wizard's onFix takes it); null without an action. */
  fixFinding: Finding | null;
  /** The findings it resolves: those that gave it its steps (the worst first), then those that follow from them. */
  resolves: Finding[];
}

export interface FirstGroup {
  who: Fixer;
  actions: FirstAction[];
}

export interface DoThisFirst {
  machine: MachineKind;
  /** The groups, the one with the worst action first. */
  groups: FirstGroup[];
  /** How many actions there are in all. */
  count: number;
}

type ProblemStatus = Extract<Status, 'fail' | 'warn'>;

/** Findings of one check, optionally only some subjects (compared as error codes are) or statuses. */
export interface Cover {
  check: CheckId;
  subjects?: readonly string[];
  statuses?: readonly ProblemStatus[];
}

/**
 * One root cause: the findings one fix resolves. `covers` give the action its steps; `alsoResolves` join
 * it only when one it covers is in the report (an error the agent logged because of it, a consequence).
 */
export interface RootCause {
  id: string;
  covers: readonly Cover[];
  alsoResolves?: readonly Cover[];
  /** The instruction, from the findings it covers (the worst first). */
  title: (covered: readonly Finding[]) => string;
  /**
   * How the steps of several covered findings become one procedure: only the steps they all share (one
   * move resolves them all), or each one's own steps around the shared ones. One finding gives its own.
   */
  merge?: 'shared' | 'each-then-shared' | 'shared-then-each';
}

// A subject of either of two names ("www.msftconnecttest.com|www.msftncsi.com") is said as "a or b".
const subjectOf = (findings: readonly Finding[]) =>
  formatList([...new Set(findings.map((f) => formatList((f.subject ?? '').split('|'), 'or')).filter(Boolean))]);
const isSet = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const has = (findings: readonly Finding[], check: CheckId) => findings.some((f) => f.check === check);

export const ROOT_CAUSES: readonly RootCause[] = [
  {
    // Finishing or undoing the fix starts the engine it stopped.
    id: 'interrupted-fix',
    covers: [{ check: 'agent.interrupted-fix' }],
    alsoResolves: [{ check: 'agent.service' }],
    title: () => t('guidance.first.interruptedFix'),
  },
  {
    // One move to a plain folder on a local disk with room, off the temporary disk, resolves each of these.
    id: 'move-cache',
    covers: [{ check: 'cache.location' }, { check: 'cache.azure-temporary' }, { check: 'cache.free-space' }, { check: 'cache.attributes' }],
    alsoResolves: [{ check: 'history.known-error', subjects: ['SalLowDiskSpace'] }],
    title: (covered) => {
      if (covered.length === 1) {
        const only = covered[0]!.check;
        if (only === 'cache.free-space') return t('guidance.first.moveCache.freeSpace');
        if (only === 'cache.attributes') return t('guidance.first.moveCache.attributes');
        if (only === 'cache.azure-temporary') return t('guidance.first.moveCache.azureTemporary');
        return t('guidance.first.moveCache.location');
      }
      const yes = (check: CheckId) => (has(covered, check) ? 'yes' : 'no');
      return t('guidance.first.moveCache.several', {
        plain: yes('cache.attributes'),
        room: yes('cache.free-space'),
        temporary: yes('cache.azure-temporary'),
      });
    },
    merge: 'shared',
  },
  {
    // A missing cache folder that the other registry value may name is found by pointing both at the cache.
    id: 'cache-registry',
    covers: [{ check: 'cache.registry' }],
    alsoResolves: [{ check: 'cache.folder' }],
    title: ([registry]) =>
      !isSet(registry!.evidence['/agent/scratchLocation']) && !isSet(registry!.evidence['/agent/providerScratchLocation'])
        ? t('guidance.first.cacheRegistry.register')
        : t('guidance.first.cacheRegistry.point'),
  },
  {
    id: 'upgrade-agent',
    covers: [{ check: 'agent.version' }, { check: 'agent.vault-credentials', statuses: ['warn'] }],
    title: () => t('guidance.first.upgradeAgent'),
    merge: 'shared-then-each',
  },
  {
    // The .NET Framework the agent needs is newer than the one Instant Restore needs.
    id: 'install-dotnet',
    covers: [{ check: 'software.dotnet' }],
    alsoResolves: [{ check: 'restore.instant-restore' }],
    title: () => t('guidance.first.installDotnet'),
  },
  {
    id: 'allow-endpoints',
    covers: [{ check: 'network.endpoints' }],
    title: (covered) => {
      const addresses = subjectOf(covered);
      return addresses ? t('guidance.first.allowEndpoints.these', { addresses }) : t('guidance.first.allowEndpoints.all');
    },
    merge: 'each-then-shared',
  },
  {
    id: 'system-volume-space',
    covers: [{ check: 'system-state.prerequisites', subjects: ['system-volume-space'] }],
    alsoResolves: [{ check: 'history.known-error', subjects: ['WSBDiskSpaceOrSFCIssue'] }],
    title: () => t('guidance.first.systemVolumeSpace'),
  },
];

/** The instruction for a System State prerequisite, by the subject of its finding. */
const PREREQUISITE_TITLES: Record<string, (() => string) | undefined> = {
  'windows-server-backup': () => t('guidance.first.prerequisites.windowsServerBackup'),
  services: () => t('guidance.first.prerequisites.services'),
  'system-volume-space': () => t('guidance.first.systemVolumeSpace'),
  'pending-reboot': () => t('guidance.first.prerequisites.pendingReboot'),
  other: () => t('guidance.first.prerequisites.other'),
};

/**
 * The instruction for a blocker or warning of its own (no root cause above covers it), by check: from its
 * finding, and all the findings of that check the action resolves (two codes whose fixes are the same).
 */
const PROBLEM_TITLES: Partial<Record<CheckId, (f: Finding, all: readonly Finding[]) => string>> = {
  'os.supported': (f) =>
    typeof f.evidence['/os/family'] === 'string' && f.evidence['/os/family'] !== 'windows'
      ? t('guidance.first.os.notWindows')
      : f.status === 'fail'
        ? t('guidance.first.os.unsupported')
        : t('guidance.first.os.planMove'),
  'os.system-state': () => t('guidance.first.systemState'),
  'software.powershell': () => t('guidance.first.powershell'),
  'network.tls12': () => t('guidance.first.tls12'),
  'agent.service': () => t('guidance.first.service'),
  'agent.vault-credentials': () => t('guidance.first.vaultCredentials'),
  'agent.antivirus': () => t('guidance.first.antivirus'),
  'cache.folder': () => t('guidance.first.cacheFolder'),
  'volume.supported': (f) =>
    f.subject ? t('guidance.first.volumeSupported.named', { volume: f.subject }) : t('guidance.first.volumeSupported.unnamed'),
  'volume.size-limit': (f) =>
    f.subject ? t('guidance.first.volumeSizeLimit.named', { volume: f.subject }) : t('guidance.first.volumeSizeLimit.unnamed'),
  'selection.azure-temporary': () => t('guidance.first.selectionAzureTemporary'),
  'selection.agent-folders': () => t('guidance.first.agentFolders'),
  'files.skipped': () => t('guidance.first.filesSkipped'),
  'files.onedrive': () => t('guidance.first.onedrive'),
  'files.dfsr': () => t('guidance.first.dfsr'),
  'network.service-proxy': () => t('guidance.first.serviceProxy'),
  'backup.offline-seeding': () => t('guidance.first.offlineSeeding'),
  'restore.instant-restore': () => t('guidance.first.instantRestore'),
  'restore.target': () => t('guidance.first.restoreTarget'),
  'system-state.prerequisites': (f) => (PREREQUISITE_TITLES[f.subject ?? ''] ?? PREREQUISITE_TITLES.other!)(),
  'host.clock': () => t('guidance.first.clock'),
  'history.last-backup': (f) => (f.status === 'warn' ? t('guidance.first.lastBackup.warned') : t('guidance.first.lastBackup.failed')),
  'history.known-error': (_, all) => {
    const codes = subjectOf(all);
    return codes ? t('guidance.first.knownError.codes', { count: all.length, codes }) : t('guidance.first.knownError.logged');
  },
};

/** The instruction for what a report could not tell, by check: always something to find out. */
const FIND_OUT_TITLES: Partial<Record<CheckId, (findings: readonly Finding[]) => string>> = {
  'os.supported': () => t('guidance.findOut.osSupported'),
  'os.system-state': () => t('guidance.findOut.osSystemState'),
  'software.dotnet': () => t('guidance.findOut.softwareDotnet'),
  'software.powershell': () => t('guidance.findOut.softwarePowershell'),
  'network.tls12': () => t('guidance.findOut.networkTls12'),
  'agent.service': () => t('guidance.findOut.agentService'),
  'agent.version': () => t('guidance.findOut.agentVersion'),
  'agent.vault-credentials': () => t('guidance.findOut.agentVaultCredentials'),
  'agent.antivirus': () => t('guidance.findOut.agentAntivirus'),
  'cache.registry': () => t('guidance.findOut.cacheRegistry'),
  'cache.folder': () => t('guidance.findOut.cacheFolder'),
  'cache.location': () => t('guidance.findOut.cacheLocation'),
  'cache.attributes': () => t('guidance.findOut.cacheAttributes'),
  'cache.free-space': () => t('guidance.findOut.cacheFreeSpace'),
  'cache.azure-temporary': () => t('guidance.findOut.cacheAzureTemporary'),
  'volume.supported': (fs) => {
    const volumes = subjectOf(fs);
    return volumes ? t('guidance.findOut.volumeSupported.named', { volumes }) : t('guidance.findOut.volumeSupported.unnamed');
  },
  'volume.size-limit': (fs) => {
    const volumes = subjectOf(fs);
    return volumes ? t('guidance.findOut.volumeSizeLimit.named', { volumes }) : t('guidance.findOut.volumeSizeLimit.unnamed');
  },
  'selection.azure-temporary': () => t('guidance.findOut.selectionAzureTemporary'),
  'files.skipped': () => t('guidance.findOut.filesSkipped'),
  'network.endpoints': () => t('guidance.findOut.networkEndpoints'),
  'network.service-proxy': () => t('guidance.findOut.networkServiceProxy'),
  'backup.offline-seeding': () => t('guidance.findOut.backupOfflineSeeding'),
  'restore.instant-restore': () => t('guidance.findOut.restoreInstantRestore'),
  'restore.target': () => t('guidance.findOut.restoreTarget'),
  'system-state.prerequisites': () => t('guidance.findOut.systemStatePrerequisites'),
  'host.clock': () => t('guidance.findOut.hostClock'),
  'history.last-backup': () => t('guidance.findOut.historyLastBackup'),
  'history.known-error': () => t('guidance.findOut.historyKnownError'),
};

/** The words for a finding no table above names (a check added later): still an instruction. */
export function fallbackProblem(title: string): string {
  return t('guidance.first.fallback', { title });
}
export function fallbackFindOut(title: string): string {
  return t('guidance.findOut.fallback', { title: lowerFirst(title) });
}
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/**
 * Who acts, in words that fit the machine: no "server admin" for a Windows 11 laptop. Capitalized to head
 * a group ("An administrator of this PC"); in a sentence, lower case ("... by an administrator of this PC").
 */
export function whoWords(who: Fixer, machine: MachineKind, place: 'heading' | 'sentence' = 'heading'): string {
  const person =
    who === 'user'
      ? 'user'
      : who === 'helpdesk'
        ? 'helpdesk'
        : who === 'network team'
          ? 'networkTeam'
          : machine === 'server'
            ? 'serverAdmin'
            : machine === 'workstation'
              ? 'pcAdmin'
              : 'machineAdmin';
  return t(place === 'heading' ? 'guidance.who.heading' : 'guidance.who.sentence', { who: person });
}

/**
 * Whether the report is of a server or a workstation: the Windows product type the OS check read (its
 * evidence), else the installation type, else the OS's name; "unknown" when none tells.
 */
export function machineKindOf(report: Pick<Report, 'findings' | 'host'>): MachineKind {
  const os = report.findings.find((f) => f.check === 'os.supported')?.evidence ?? {};
  const productType = os['/os/productType'];
  if (productType === 'workstation') return 'workstation';
  if (productType === 'server' || productType === 'domain-controller') return 'server';
  const installation = os['/os/installationType'];
  if (installation === 'Client') return 'workstation';
  if (installation === 'Server' || installation === 'Server Core') return 'server';
  const name = report.host.os ?? (typeof os['/os/caption'] === 'string' ? os['/os/caption'] : '');
  if (/\bServer\b/i.test(name)) return 'server';
  if (/\bWindows (XP|Vista|7|8(\.1)?|10|11)\b/i.test(name)) return 'workstation';
  return 'unknown';
}

const SEVERITY: Record<FindingStatus, number> = { fail: 0, warn: 1, unknown: 2, waived: 3, info: 4, pass: 5 };
const CHECK_ORDER = new Map(CHECKS.map((check, index) => [check.id, index]));
const byReportOrder = (a: Finding, b: Finding) =>
  SEVERITY[a.status] - SEVERITY[b.status] || (CHECK_ORDER.get(a.check) ?? 0) - (CHECK_ORDER.get(b.check) ?? 0);

const isProblem = (f: Finding): boolean => (f.status === 'fail' || f.status === 'warn') && f.fix !== null;
const sameSubject = (a: string, b: string) => errorCodeKey(a) === errorCodeKey(b);
const matches = (f: Finding, cover: Cover): boolean =>
  f.check === cover.check &&
  (!cover.subjects || (f.subject !== null && cover.subjects.some((s) => sameSubject(s, f.subject!)))) &&
  (!cover.statuses || cover.statuses.includes(f.status as ProblemStatus));
const fixKey = (f: Finding) => JSON.stringify([f.fix!.who, f.fix!.action, f.fix!.steps]);
const dedupe = (steps: readonly string[]) => [...new Set(steps)];

const CHECK_AGAIN = /^Check again\b/;

/** Several findings' steps as one procedure (see RootCause.merge). */
function mergeSteps(leaders: readonly Finding[], how: RootCause['merge'] = 'shared-then-each'): string[] {
  const lists = leaders.map((f) => f.fix!.steps);
  if (lists.length === 1) return [...lists[0]!];
  const shared = lists[0]!.filter((step) => lists.every((list) => list.includes(step)));
  const each = dedupe(lists.flatMap((list) => list.filter((step) => !shared.includes(step))));
  const steps =
    how === 'shared' && shared.length > 0 ? shared : how === 'each-then-shared' ? [...each, ...shared] : dedupe([...shared, ...each]);
  // "Check again" ends a procedure, whichever finding's steps it came from.
  return [...steps.filter((step) => !CHECK_AGAIN.test(step)), ...steps.filter((step) => CHECK_AGAIN.test(step))];
}

interface Draft {
  id: string;
  leaders: Finding[];
  followers: Finding[];
  /** The title, or how to make it from the leaders (in the report's order) once they are all known. */
  title: string | ((leaders: readonly Finding[]) => string);
  merge?: RootCause['merge'];
}

function toAction(draft: Draft): FirstAction {
  const leaders = [...draft.leaders].sort(byReportOrder);
  const resolves = [...leaders, ...[...draft.followers].sort(byReportOrder)];
  const withAction = leaders.find((f) => f.fix?.action) ?? draft.followers.find((f) => f.fix?.action) ?? null;
  const worst = [...resolves].sort(byReportOrder)[0]!.status as ActionStatus;
  return {
    id: draft.id,
    who: leaders[0]!.fix!.who,
    status: worst,
    title: typeof draft.title === 'string' ? draft.title : draft.title(leaders),
    steps: mergeSteps(leaders, draft.merge),
    action: withAction?.fix?.action ?? null,
    fixFinding: withAction,
    resolves,
  };
}

/** The report's "Do this first" list. */
export function doThisFirst(report: Pick<Report, 'findings' | 'host'>): DoThisFirst {
  const machine = machineKindOf(report);
  const findings = [...report.findings].sort(byReportOrder);
  const problems = findings.filter(isProblem);
  const placed = new Map<Finding, Draft>();
  const drafts: Draft[] = [];
  const place = (draft: Draft, f: Finding, as: 'leaders' | 'followers') => {
    draft[as].push(f);
    placed.set(f, draft);
  };
  const free = (f: Finding) => !placed.has(f);

  // 1. The root causes of the table, with what follows from each.
  for (const cause of ROOT_CAUSES) {
    const covered = problems.filter((f) => free(f) && cause.covers.some((c) => matches(f, c)));
    if (covered.length === 0) continue;
    const draft: Draft = {
      id: cause.id,
      leaders: [],
      followers: [],
      title: cause.title,
      ...(cause.merge ? { merge: cause.merge } : {}),
    };
    covered.forEach((f) => place(draft, f, 'leaders'));
    drafts.push(draft);
  }
  for (const cause of ROOT_CAUSES) {
    const draft = drafts.find((d) => d.id === cause.id);
    if (!draft || !cause.alsoResolves) continue;
    for (const f of problems) if (free(f) && cause.alsoResolves.some((c) => matches(f, c))) place(draft, f, 'followers');
  }

  // 2. Each other blocker or warning (but the agent's history) on its own; word-for-word the same fixes together.
  const isHistory = (f: Finding) => f.check === 'history.known-error' || f.check === 'history.last-backup';
  const byFix = new Map<string, Draft>();
  const alone = (f: Finding) => {
    const key = fixKey(f);
    const same = byFix.get(key);
    if (same) return place(same, f, 'leaders');
    const title = (leaders: readonly Finding[]) => {
      const first = leaders[0]!;
      const words = PROBLEM_TITLES[first.check];
      return words
        ? words(
            first,
            leaders.filter((l) => l.check === first.check),
          )
        : fallbackProblem(first.title);
    };
    const draft: Draft = { id: findingAnchor(f), leaders: [], followers: [], title };
    byFix.set(key, draft);
    drafts.push(draft);
    place(draft, f, 'leaders');
  };
  for (const f of problems) if (free(f) && !isHistory(f)) alone(f);

  // 3. An error code the agent logged joins the action of the check that tells whether its cause is still
  // there (the first of its checks that finds a problem here, when that check's problems are one action).
  for (const f of problems) {
    if (!free(f) || f.check !== 'history.known-error' || f.subject === null) continue;
    for (const check of knownErrorCode(f.subject)?.checks ?? []) {
      const found = problems.filter((p) => p.check === check);
      if (found.length === 0) continue;
      const homes = new Set(found.map((p) => placed.get(p)));
      const home = [...homes][0];
      if (homes.size === 1 && home) place(home, f, 'followers');
      break;
    }
  }
  for (const f of problems) if (free(f) && f.check === 'history.known-error') alone(f);

  // 4. A failed (or warned) last backup goes with its causes when they are one action, else stands alone.
  for (const f of problems) {
    if (!free(f) || f.check !== 'history.last-backup') continue;
    const homes = new Set(problems.filter((p) => p.check === 'history.known-error').map((p) => placed.get(p)));
    const home = [...homes][0];
    if (homes.size === 1 && home) place(home, f, 'followers');
    else alone(f);
  }

  // 5. What the report could not tell: one "find out" per check and who (or per word-for-word fix).
  const unknowns = findings.filter((f) => f.status === 'unknown' && f.fix !== null);
  const questions: Draft[] = [];
  for (const f of unknowns) {
    const same = questions.find(
      (d) => d.leaders[0]!.fix!.who === f.fix!.who && d.leaders.some((l) => l.check === f.check || fixKey(l) === fixKey(f)),
    );
    if (same) same.leaders.push(f);
    else
      questions.push({
        id: `find-out-${findingAnchor(f)}`,
        leaders: [f],
        followers: [],
        title: (leaders) => {
          const first = leaders[0]!;
          const words = FIND_OUT_TITLES[first.check];
          return words ? words(leaders.filter((l) => l.check === first.check)) : fallbackFindOut(first.title);
        },
      });
  }

  const actions = [...drafts, ...questions].map(toAction).sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      // A root cause's list starts with its worst: compare those in the report's order.
      byReportOrder(a.resolves[0]!, b.resolves[0]!),
  );
  const groups = FIXERS.map((who) => ({ who, actions: actions.filter((a) => a.who === who) }))
    .filter((g) => g.actions.length > 0)
    .sort((a, b) => SEVERITY[a.actions[0]!.status] - SEVERITY[b.actions[0]!.status] || FIXERS.indexOf(a.who) - FIXERS.indexOf(b.who));
  return { machine, groups, count: actions.length };
}

/**
 * How much an action matters, as a label before it: needed (it resolves a blocker), advised (a warning),
 * not known yet (something to find out). Not "blocks backup": a blocker of a restore does not.
 */
export const ACTION_STATUS_WORDS: Readonly<Record<ActionStatus, string>> = saidWords({
  fail: 'guidance.actionStatus.fail',
  warn: 'guidance.actionStatus.warn',
  unknown: 'guidance.actionStatus.unknown',
});
