// A fix plan's JSON Schema (TypeBox): what crosses to the elevated helper, what a journal holds and what the
// wizard sends is checked against it; FixPlan, its type, is what every planner makes. Kept apart from
// fix-plan.ts so that only the code that checks a plan loads TypeBox.

import { Type, type Static } from '@sinclair/typebox';
import { FIX_ACTIONS, FIX_STEP_IDS, PRECONDITION_IDS } from './fix-plan.js';

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
