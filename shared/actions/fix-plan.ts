// A fix the wizard carries out itself, as data: which action, on which host, what it changes (folders,
// registry values, the service), in numbers, what was checked before it was offered (every precondition,
// by id, so that the PowerShell script checks the very same list), and the steps, each with what it does
// and how it is undone. One engine (electron/actions/fix-engine.ts) carries out every action's plan; the
// wizard's confirmation, `fix --dry-run` and `fix --script` all show the same plan first.

import { t } from '../i18n/translate.js';
import type { MessageId } from '../i18n/message.js';

export const FIX_ACTIONS = ['relocate-cache', 'point-registry', 'start-engine'] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

/** Each fix by what it does, as a button or a page title says it (in the current language, read when used). */
export const FIX_TITLES: Readonly<Record<FixAction, string>> = {
  get 'relocate-cache'() {
    return t('plans.title.relocateCache');
  },
  get 'point-registry'() {
    return t('plans.title.pointRegistry');
  },
  get 'start-engine'() {
    return t('plans.title.startEngine');
  },
};

/** Every step any action has, in the order the engine runs them; each action's plan lists its own. */

export const FIX_STEP_IDS = ['stop-service', 'copy', 'verify', 'set-registry', 'start-service', 'reprobe'] as const;
export type FixStepId = (typeof FIX_STEP_IDS)[number];

/** The steps of each action, in order. */
export const ACTION_STEPS: Record<FixAction, readonly FixStepId[]> = {
  'relocate-cache': FIX_STEP_IDS,
  'point-registry': ['stop-service', 'set-registry', 'start-service', 'reprobe'],
  'start-engine': ['start-service', 'reprobe'],
};

/**
 * What a plan checked before it was offered. Each holds in every plan that lists it (a failing one refuses
 * the plan with its sentence instead); the PowerShell script checks each again on the machine, and a test
 * holds the two lists equal.
 */
export const PRECONDITION_IDS = [
  'same-host',
  'agent-installed',
  'service-known',
  'no-recovery-pending',
  'no-backup-running',
  'no-offline-seeding',
  'source-exists',
  'source-holds-key',
  'target-path-valid',
  'target-not-system-folder',
  'target-apart-from-source',
  'target-outside-selection',
  'target-volume-local',
  'target-volume-ntfs',
  'target-volume-qualifies',
  'target-free-space',
  'target-no-link',
  'target-new-or-empty',
  'target-plain-folder',
  'no-system-state-disks',
  'service-stopped',
] as const;
export type PreconditionId = (typeof PRECONDITION_IDS)[number];

/** Which preconditions each action checks; its plan lists exactly these. */
export const ACTION_PRECONDITIONS: Record<FixAction, readonly PreconditionId[]> = {
  'relocate-cache': [
    'same-host',
    'agent-installed',
    'service-known',
    'no-recovery-pending',
    'no-backup-running',
    'no-offline-seeding',
    'source-exists',
    'target-path-valid',
    'target-not-system-folder',
    'target-apart-from-source',
    'target-outside-selection',
    'target-volume-local',
    'target-volume-ntfs',
    'target-volume-qualifies',
    'target-free-space',
    'target-no-link',
    'target-new-or-empty',
    'target-plain-folder',
    'no-system-state-disks',
  ],
  'point-registry': ['same-host', 'agent-installed', 'service-known', 'no-recovery-pending', 'no-backup-running', 'source-holds-key'],
  'start-engine': ['same-host', 'agent-installed', 'service-known', 'no-recovery-pending', 'service-stopped'],
};

// The plan's schema lives in fix-plan-schema.ts, loaded only where a plan crosses a boundary (the helper,
// the journal, the wizard's arguments): TypeBox is some 200 modules, which `check --profile` need not load.
export type { FixPlan } from './fix-plan-schema.js';
import type { FixPlan } from './fix-plan-schema.js';
export type PlanStep = FixPlan['steps'][number];
export type PlanFigures = FixPlan['figures'];
/** fixed: refused because the finding the fix was planned for passes on the machine as it is now. */
/**
 * A plan, or why there is none. `fixed`: nothing to do - the machine is already as the fix would leave it
 * (the finding passes now, the engine already runs, both values already agree); the one problem says so.
 */
export type PlanResult = { ok: true; plan: FixPlan } | { ok: false; problems: string[]; fixed?: boolean };

/** The refusal for these problems: nothing to do when the only one is that it is done already. */
export function refusal(problems: string[], alreadyDone: string | null): PlanResult & { ok: false } {
  return problems.length === 1 && problems[0] === alreadyDone ? { ok: false, problems, fixed: true } : { ok: false, problems };
}

export const ENGINE_SERVICE_NAME = 'obengine';
export const CONFIG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
export const PROVIDER_KEY = `${CONFIG_KEY}\\CloudBackupProvider`;

/** What the machine says of the agent's backup jobs: a running one blocks every fix that stops the engine. */
export type BackupJobFacts =
  | { running: true; since: string | null }
  | { running: false }
  /** Cannot be told, with why (the event log cannot be read, say). */
  | { running: null; why: string };

/** The two registry changes of a fix that points both values at `to`. */
export function registryChanges(previous: FixPlan['previous'], to: string): FixPlan['registry'] {
  return [
    { key: CONFIG_KEY, name: 'ScratchLocation', before: previous.scratchLocation, after: to },
    { key: PROVIDER_KEY, name: 'ScratchLocation', before: previous.providerScratchLocation, after: to },
  ];
}

/** The words for a step where a person reads progress (never its id). */
export function stepWords(plan: FixPlan | null, step: string): string {
  const titled = plan?.steps.find((s) => s.id === step)?.title;
  if (titled) return titled;
  return t(Object.hasOwn(PROGRESS_WORDS, step) ? PROGRESS_WORDS[step]! : 'plans.progress.working');
}

const PROGRESS_WORDS: Record<string, MessageId> = {
  'stop-service': 'plans.progress.stopService',
  copy: 'plans.progress.copy',
  verify: 'plans.progress.verify',
  'set-registry': 'plans.progress.setRegistry',
  'start-service': 'plans.progress.startService',
  reprobe: 'plans.progress.reprobe',
  rollback: 'plans.progress.rollback',
  'roll-forward': 'plans.progress.rollForward',
};
