// A WizardApi that answers from sample profiles, records calls, and lets a test drive scan and fix
// progress. Its plans come from the real planners (shared/actions), so the numbers a page shows are the
// ones the main process would give for that profile; a fix it "runs" changes a copy of the profile the way
// the real fix changes the machine, and the report after it is built from that copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixPlan, PlanResult } from '../../shared/actions/fix-plan.js';
import { planPointRegistry } from '../../shared/actions/point-registry-plan.js';
import { planRelocation } from '../../shared/actions/relocate-plan.js';
import type { Language } from '../../shared/i18n/languages.js';
import { planStartEngine } from '../../shared/actions/start-engine-plan.js';
import type {
  ApiResult,
  FixOutcome,
  FixProgress,
  PendingMoveView,
  ScanOutcome,
  ScanProgress,
  WizardApi,
} from '../../shared/api/wizard-api.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { buildReport } from '../../shared/report/build.js';
import { validateProfile } from '../../shared/profile/validate.js';
import { volumeOfPath } from '../../shared/rules/context.js';
import { samePath } from '../../shared/util/paths.js';

// Under jsdom, import.meta.url is not a file URL: samples are found from the project root (vitest's cwd).
export const sampleProfile = (name: string): MachineProfile =>
  JSON.parse(readFileSync(join(process.cwd(), 'samples', 'profiles', `${name}.json`), 'utf8')) as MachineProfile;

/** The cache as the main process would measure it before a move: its files and a timed read. */
export const MEASURED = { files: 1234, bytes: 9663676416, sampledBytes: 64 * 2 ** 20, readBytesPerSecond: 200 * 2 ** 20 };

export interface FakeApi extends WizardApi {
  calls: { method: string; args: unknown[] }[];
  emit(progress: ScanProgress): void;
  emitFix(progress: FixProgress): void;
  finishScan(): void;
  /** With holdFix: lets the fix that is running finish as done (its progress is the test's to emit). */
  finishFix(): void;
  /** The machine as the fake holds it now (changed by each fix that was done). */
  profile(): MachineProfile;
}

export function fakeApi({
  mode = 'browser' as 'browser' | 'desktop',
  sample = 'cache-problems',
  holdScan = false,
  canFix = true,
  /** runFix waits for finishFix() or cancelFix(); the test emits the progress itself. */
  holdFix = false,
  /** Whether a backup runs cannot be told: every plan that stops the engine carries a caution. */
  backupUnknown = false,
  pending = null as PendingMoveView | null,
} = {}): FakeApi {
  const listeners = new Set<(p: ScanProgress) => void>();
  const fixListeners = new Set<(p: FixProgress) => void>();
  const calls: { method: string; args: unknown[] }[] = [];
  let release: () => void = () => {};
  let releaseFix: ((how: 'done' | 'stopped') => void) | null = null;
  let machine = sampleProfile(sample);
  let interrupted = pending;
  const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
  const record = (method: string, args: unknown[]) => calls.push({ method, args });
  const examine = (notes = [{ field: '/host/azureVm', reason: 'the asset tag could not be read' }]): ScanOutcome => {
    const profile = structuredClone(machine);
    return {
      profile,
      report: buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-11-25T12:00:00Z') }),
      notes,
    };
  };
  const backupJob = backupUnknown
    ? ({ running: null, why: 'the CloudBackup event log could not be read' } as const)
    : ({ running: false } as const);
  const plan = (action: FixPlan['action'], to: string | null): PlanResult => {
    const profile = structuredClone(machine);
    if (action === 'start-engine') return planStartEngine(profile);
    if (action === 'point-registry')
      // The folder the cache really is in holds its key file; the other value names an empty folder.
      return planPointRegistry({
        profile,
        backupJob,
        holders: [profile.agent?.scratchLocation, profile.agent?.providerScratchLocation]
          .filter((p): p is string => !!p)
          .map((path) => ({ path, holdsKey: !!profile.cache?.path && samePath(path, profile.cache.path) })),
      });
    profile.volumes.push({ id: 'F:', fileSystem: 'exFAT', driveType: 'removable', freeBytes: 10 });
    return planRelocation({ profile, to: to ?? '', target: null, offlineSeeding: false, backupJob, measured: MEASURED });
  };
  /** The machine after a fix that was done, as the real fix leaves it. */
  const apply = (fix: FixPlan) => {
    const next = structuredClone(machine);
    if (fix.action === 'start-engine' || fix.action === 'relocate-cache' || fix.action === 'point-registry')
      next.agent!.serviceState = 'running';
    if (fix.to !== null) {
      next.agent!.scratchLocation = fix.to;
      next.agent!.providerScratchLocation = fix.to;
    }
    if (fix.action === 'relocate-cache' && fix.to) {
      const volume = volumeOfPath(next, fix.to, null).volume!;
      next.cache = {
        ...next.cache!,
        path: fix.to,
        volume: volume.id,
        attributes: { encrypted: false, compressed: false, sparse: false, reparsePoint: false },
      };
      volume.freeBytes = (volume.freeBytes ?? 0) - (next.cache.sizeBytes ?? 0);
    }
    machine = next;
  };
  const outcome = (fix: FixPlan, result: 'done' | 'rolled-back', error: string | null): FixOutcome => ({
    outcome: result,
    action: fix.action,
    from: fix.from,
    to: fix.to,
    error,
    leftInPlace: 0,
    after: examine([]),
  });
  let cancelled = false;
  let language: Language = 'en';
  const api: FakeApi = {
    calls,
    emit: (p) => listeners.forEach((l) => l(p)),
    emitFix: (p) => fixListeners.forEach((l) => l(p)),
    finishScan: () => release(),
    finishFix: () => releaseFix?.('done'),
    profile: () => structuredClone(machine),
    appInfo: async () => (
      record('appInfo', []),
      ok({
        toolVersion: '9.9.9',
        sandbox: false,
        machine: { kind: 'windows', label: 'this machine (FS01)', cannotFix: canFix ? null : 'cannot fix here' },
        pending: interrupted,
        mode,
        platform: 'win32',
        editions: [
          { id: 'current', date: '2026-03' },
          { id: '2019-02', date: '2019-02-17' },
        ],
        defaultEdition: 'current',
        language: { current: language, source: 'default', locked: false, ignoredPolicy: null },
      })
    ),
    scan: async (request) => {
      record('scan', [request]);
      if (holdScan) await new Promise<void>((resolve) => (release = resolve));
      if (cancelled) return { ok: false, error: { code: 'cancelled', message: 'The scan was cancelled.' } };
      return ok(examine());
    },
    cancelScan: async () => {
      record('cancelScan', []);
      cancelled = true;
      release();
      return ok(null);
    },
    evaluateProfile: async (text, edition) => {
      record('evaluateProfile', [text, edition]);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return {
          ok: false,
          error: { code: 'invalid-profile', message: 'This file is not a valid machine profile: the file is not valid JSON' },
        };
      }
      const valid = validateProfile(value);
      if (!valid.ok)
        return {
          ok: false,
          error: { code: 'invalid-profile', message: `This file is not a valid machine profile: ${valid.problems[0]?.pointer}` },
        };
      return ok({ profile: valid.profile, report: buildReport(valid.profile, { edition, toolVersion: 'test', now: new Date() }) });
    },
    recheck: async (request, check) => {
      record('recheck', [request, check]);
      const fixed = sampleProfile('healthy-server');
      return ok({ profile: fixed, report: buildReport(fixed, { edition: 'current', toolVersion: 'test', now: new Date() }), notes: [] });
    },
    pickFolder: async () => (
      record('pickFolder', []),
      mode === 'desktop' ? ok('D:\\Picked Folder') : { ok: false, error: { code: 'unsupported', message: 'no picker' } }
    ),
    saveFile: async (request) => (
      record('saveFile', [request]),
      mode === 'desktop'
        ? ok(`C:\\Users\\me\\${request.suggestedName}`)
        : { ok: false, error: { code: 'unsupported', message: 'download' } }
    ),
    onScanProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFixProgress: (listener) => {
      fixListeners.add(listener);
      return () => fixListeners.delete(listener);
    },
    planFix: async (request) => {
      record('planFix', [request]);
      if (!canFix)
        return { ok: false, error: { code: 'unsupported', message: 'The desktop wizard cannot fix this machine by itself yet.' } };
      return ok(plan(request.action, request.to));
    },
    cancelFix: async () => (record('cancelFix', []), releaseFix?.('stopped'), ok(null)),
    recoverFix: async (request) => {
      record('recoverFix', [request]);
      const was = interrupted;
      interrupted = null;
      if (!was) return ok({ outcome: null, action: null, from: null, to: null, error: null, leftInPlace: 0, after: examine([]) });
      const from = machine.cache?.path ?? null;
      return ok({
        outcome: 'rolled-back',
        action: 'relocate-cache',
        from,
        to: 'D:\\MARS Cache',
        error: 'the move was interrupted before its copy was verified',
        leftInPlace: 0,
        after: examine([]),
      });
    },
    setLanguage: async (chosen) => {
      record('setLanguage', [chosen]);
      language = chosen;
      return ok({ current: language, source: 'user' as const, locked: false, ignoredPolicy: null });
    },
    discardPendingMove: async (request) => {
      record('discardPendingMove', [request]);
      interrupted = null;
      return ok({ outcome: 'discarded', action: null, from: null, to: null, error: null, leftInPlace: 0, after: examine([]) });
    },
    runFix: async (confirmed, request) => {
      record('runFix', [confirmed, request]);
      // The main process plans again and refuses a plan that differs from the one shown.
      const fresh = plan(confirmed.action, confirmed.to);
      if (!fresh.ok) return { ok: false, error: { code: 'refused', message: `This cannot be done any more: ${fresh.problems.join(' ')}` } };
      if (holdFix) {
        const how = await new Promise<'done' | 'stopped'>((resolve) => (releaseFix = resolve));
        releaseFix = null;
        if (how === 'stopped') {
          api.emitFix({ step: 'rollback', state: 'undoing', detail: 'the move was stopped during the copy' });
          api.emitFix({ step: 'rollback', state: 'undone' });
          return ok(outcome(confirmed, 'rolled-back', 'the move was stopped during the copy'));
        }
      } else {
        for (const step of confirmed.steps) {
          api.emitFix({ step: step.id, state: 'running' });
          api.emitFix({ step: step.id, state: 'done' });
        }
      }
      apply(confirmed);
      return ok(outcome(confirmed, 'done', null));
    },
  };
  return api;
}
