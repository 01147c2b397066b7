// The relocation journal: what the engine is doing, flushed to disk before and after every step, so that
// a crash or a power cut at any point can be finished or undone on the next start. It records what the
// move will create before it creates anything - the folders it makes and every file and folder of the
// copy - because recovery may remove only that. Every journal read is checked against its schema: a
// damaged one is reported, never acted on.

import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { registryChanges, type FIX_STEP_IDS, type FixPlan } from '../../shared/actions/fix-plan.js';
import { FIX_PLAN_SCHEMA } from '../../shared/actions/fix-plan-schema.js';
import { preconditionsOf } from '../../shared/actions/relocate-plan.js';
import { compileSchema } from '../../shared/util/schema.js';
import { writeFileAtomically } from '../util/atomic-file.js';
import { ExplainedError } from '../explained-error.js';
import { t } from '../../shared/i18n/translate.js';

const StepState = Type.Optional(Type.Union([Type.Literal('started'), Type.Literal('done')]));
const STEPS = Type.Object(
  {
    'stop-service': StepState,
    copy: StepState,
    verify: StepState,
    'set-registry': StepState,
    'start-service': StepState,
    reprobe: StepState,
  } satisfies Record<(typeof FIX_STEP_IDS)[number], unknown>,
  { additionalProperties: false },
);

export const JOURNAL_SCHEMA = Type.Object(
  {
    /** 3: any fix's plan (2 was the cache move's alone, before its figures and preconditions). */
    version: Type.Literal(3),
    plan: FIX_PLAN_SCHEMA,
    startedAt: Type.String({ maxLength: 40 }),
    state: Type.Union([Type.Literal('running'), Type.Literal('rolling-back'), Type.Literal('rolling-forward'), Type.Literal('closed')]),
    outcome: Type.Union([Type.Literal('done'), Type.Literal('rolled-back'), Type.Null()]),
    steps: STEPS,
    /** True once every file of the copy matched the original: from then on, recovery finishes the move. */
    verified: Type.Boolean(),
    /** The folders the move made, outermost first (the target and any missing folder above it). */
    createdFolders: Type.Array(Type.String({ maxLength: 32_767 }), { maxItems: 1000 }),
    /** What the copy writes below the target, listed from the original before anything is copied. */
    manifest: Type.Array(
      Type.Object(
        {
          path: Type.String({ maxLength: 32_767 }),
          size: Type.Integer({ minimum: 0 }),
          kind: Type.Union([Type.Literal('file'), Type.Literal('dir'), Type.Literal('link')]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10_000_000 },
    ),
    /** This tool stopped the backup engine: whatever happens, it starts it again. */
    stoppedService: Type.Boolean(),
    error: Type.Union([Type.String(), Type.Null()]),
    /** How many items an undo left in place because this fix did not make them (absent: none). */
    leftInPlace: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type Journal = Static<typeof JOURNAL_SCHEMA>;

const checkJournal = compileSchema(JOURNAL_SCHEMA);

export const JOURNAL_FILE = 'relocation-journal.json';
export const journalPath = (stateDir: string) => join(stateDir, JOURNAL_FILE);

/** A journal that cannot be read as one: it is reported with where it is, and nothing is done. */
export class DamagedJournalError extends ExplainedError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(t('engine.journal.damaged', { path, problem, command: 'mars-readiness fix resume --discard' }));
  }
}

export async function readJournal(path: string): Promise<Journal | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new DamagedJournalError(path, t('engine.journal.unreadable', { error: error.code ?? error.message }));
  });
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DamagedJournalError(path, t(text.trim() === '' ? 'engine.journal.empty' : 'engine.journal.notJson'));
  }
  value = fromVersion2(value);
  const problem = checkJournal(value);
  if (problem) throw new DamagedJournalError(path, t('engine.journal.notOurs', { problem }));
  return value as Journal;
}

/**
 * A journal the previous version wrote (version 2: a cache move's, before plans had an action, figures and
 * preconditions) read as this version's, so that a move interrupted before an upgrade can still be finished
 * or undone. Only what version 2 could not say is filled in; everything it said is checked as always.
 */
function fromVersion2(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 2) return value;
  const old = value as { plan?: Record<string, unknown> };
  const plan = old.plan;
  if (typeof plan !== 'object' || plan === null || 'action' in plan) return value;
  const previous = plan.previous as FixPlan['previous'] | undefined;
  const to = plan.to;
  return {
    ...old,
    version: 3,
    plan: {
      action: 'relocate-cache',
      ...plan,
      registry: previous && typeof to === 'string' ? registryChanges(previous, to) : [],
      selectedPaths: [],
      figures: { cacheBytes: null, cacheFiles: null, targetVolume: null, estimate: null },
      preconditions: preconditionsOf('relocate-cache'),
    },
  };
}

export async function writeJournal(path: string, journal: Journal): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(journal, null, 2)}\n`);
}

/** Sets a journal aside, renamed beside itself: never deleted, so that someone can still look at it. */
export async function setJournalAside(path: string, now: Date): Promise<string> {
  const aside = `${path.replace(/\.json$/, '')}.discarded-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  await rename(path, aside);
  return aside;
}

/**
 * A mark beside the journal while this tool has the backup engine stopped: readable even when the journal
 * is not, so that setting a damaged journal aside still knows to start the engine again.
 */
const STOPPED_MARK = 'engine-stopped-by-fix';
export const serviceStoppedMark = {
  set: (stateDir: string) => writeFile(join(stateDir, STOPPED_MARK), String(process.pid)),
  clear: (stateDir: string) => rm(join(stateDir, STOPPED_MARK), { force: true }),
  isSet: (stateDir: string) =>
    stat(join(stateDir, STOPPED_MARK)).then(
      () => true,
      () => false,
    ),
};

/**
 * Temporary files an atomic write left when its process was killed between writing and renaming
 * (electron/util/atomic-file.ts names them "<file>.<digits>"): ours, in the state folder, removed by whoever holds
 * the fix lock before it starts. (A sandbox's registry and services files live there too.)
 */
export async function removeLeftoverTemporaries(stateDir: string): Promise<void> {
  const names = await readdir(stateDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => /^(relocation-journal|registry|services)\.json\.\d+$/.test(name))
      .map((name) => rm(join(stateDir, name), { force: true })),
  );
}

export function isOpen(journal: Journal | null): journal is Journal {
  return journal !== null && journal.state !== 'closed';
}
