// A fix the wizard carries out itself, as data: which action, on which host, what it changes (folders,
// registry values, the service), in numbers, what was checked before it was offered (every precondition,
// by id, so that the PowerShell script checks the very same list), and the steps, each with what it does
// and how it is undone. One engine (electron/actions/fix-engine.ts) carries out every action's plan; the
// wizard's confirmation, `fix --dry-run` and `fix --script` all show the same plan first.

import { Type, type Static } from '@sinclair/typebox';

export const FIX_ACTIONS = ['relocate-cache', 'point-registry', 'start-engine'] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

/** Every step any action has, in the order the engine runs them; each action's plan lists its own. */
/** Each fix by what it does, as a button or a page title says it. */
export const FIX_TITLES: Record<FixAction, string> = {
  'relocate-cache': 'Move the cache folder',
  'point-registry': 'Point both cache registry values at the cache',
  'start-engine': 'Start the backup engine',
};

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

const PATH = Type.String({ minLength: 1, maxLength: 32_767 });
const NullablePath = Type.Union([PATH, Type.Null()]);
/** A registry value as read: any text (an empty one counts as not set), or absent. */
const RegistryText = Type.Union([Type.String({ maxLength: 32_767 }), Type.Null()]);
const Bytes = Type.Integer({ minimum: 0 });
const NullableBytes = Type.Union([Bytes, Type.Null()]);

/** A registry value the fix sets, with what it holds now (restored if the fix is undone). */
const REGISTRY_CHANGE = Type.Object(
  { key: Type.String({ maxLength: 500 }), name: Type.String({ maxLength: 100 }), before: RegistryText, after: PATH },
  { additionalProperties: false },
);

/** The numbers shown before the user confirms. */
const FIGURES = Type.Object(
  {
    /** The cache as listed when the plan was made: bytes and files to copy (null: not listed). */
    cacheBytes: NullableBytes,
    cacheFiles: NullableBytes,
    /** The target's volume: its free space now and once the copy is there. */
    targetVolume: Type.Union([
      Type.Object(
        { id: Type.String({ maxLength: 300 }), freeBefore: NullableBytes, freeAfter: NullableBytes },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    /** How long the fix should take, from a measured read of the cache; null: not measured. */
    estimate: Type.Union([
      Type.Object(
        {
          seconds: Type.Number({ minimum: 0 }),
          /** The backup engine is stopped for about this long (the whole fix, for a move). */
          engineStoppedSeconds: Type.Number({ minimum: 0 }),
          readBytesPerSecond: Type.Number({ minimum: 0 }),
          sampledBytes: Bytes,
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

/** A plan as data: its JSON Schema (what crosses to the elevated helper is checked against it) and its type. */
export const FIX_PLAN_SCHEMA = Type.Object(
  {
    action: Type.Union(FIX_ACTIONS.map((a) => Type.Literal(a))),
    /** The host the plan was made on: a plan is only ever carried out there. */
    host: Type.Union([Type.String({ maxLength: 256 }), Type.Null()]),
    /** The folder that holds the cache now (relocate-cache, point-registry); null for start-engine. */
    from: NullablePath,
    /** The folder both registry values name once the fix is done; null for start-engine. */
    to: NullablePath,
    /** The values both registry entries hold now, restored if the fix is undone. */
    previous: Type.Object({ scratchLocation: RegistryText, providerScratchLocation: RegistryText }, { additionalProperties: false }),
    /** Bytes the copy needs on the target volume (0 when nothing is copied). */
    neededBytes: Bytes,
    registry: Type.Array(REGISTRY_CHANGE, { maxItems: 4 }),
    /** The paths selected for backup that the plan held the target against (the script checks the same). */
    selectedPaths: Type.Array(PATH, { maxItems: 500 }),
    figures: FIGURES,
    preconditions: Type.Array(
      Type.Object(
        { id: Type.Union(PRECONDITION_IDS.map((id) => Type.Literal(id))), says: Type.String({ maxLength: 2000 }) },
        { additionalProperties: false },
      ),
      { maxItems: PRECONDITION_IDS.length },
    ),
    /** What could not be checked before the fix, said to the user before they confirm. */
    cautions: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 }),
    steps: Type.Array(
      Type.Object(
        {
          id: Type.Union(FIX_STEP_IDS.map((id) => Type.Literal(id))),
          title: Type.String({ maxLength: 500 }),
          does: Type.String({ maxLength: 2000 }),
          undo: Type.String({ maxLength: 2000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type FixPlan = Static<typeof FIX_PLAN_SCHEMA>;
export type PlanStep = FixPlan['steps'][number];
export type PlanFigures = FixPlan['figures'];
export type PlanResult = { ok: true; plan: FixPlan } | { ok: false; problems: string[] };

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
  return (
    (
      {
        'stop-service': 'Stopping the backup engine',
        copy: 'Copying the cache',
        verify: 'Verifying the copy',
        'set-registry': 'Pointing the agent at the folder',
        'start-service': 'Starting the backup engine',
        reprobe: 'Checking the result',
        rollback: 'Putting everything back',
        'roll-forward': 'Finishing the interrupted fix',
      } as Record<string, string>
    )[step] ?? 'Working'
  );
}
