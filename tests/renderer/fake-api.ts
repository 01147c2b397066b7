// A WizardApi that answers from sample profiles, records calls, and lets a test drive scan progress.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRelocation } from '../../shared/actions/relocate-plan.js';
import { FIX_STEP_IDS } from '../../shared/actions/fix-plan.js';
import type { ApiResult, FixProgress, ScanProgress, WizardApi } from '../../shared/api/wizard-api.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { buildReport } from '../../shared/report/build.js';
import { validateProfile } from '../../shared/profile/validate.js';

// Under jsdom, import.meta.url is not a file URL: samples are found from the project root (vitest's cwd).
export const sampleProfile = (name: string): MachineProfile =>
  JSON.parse(readFileSync(join(process.cwd(), 'samples', 'profiles', `${name}.json`), 'utf8')) as MachineProfile;

export interface FakeApi extends WizardApi {
  calls: { method: string; args: unknown[] }[];
  emit(progress: ScanProgress): void;
  emitFix(progress: FixProgress): void;
  finishScan(): void;
}

export function fakeApi({
  mode = 'browser' as 'browser' | 'desktop',
  sample = 'cache-problems',
  holdScan = false,
  canFix = true,
} = {}): FakeApi {
  const listeners = new Set<(p: ScanProgress) => void>();
  const fixListeners = new Set<(p: FixProgress) => void>();
  const calls: { method: string; args: unknown[] }[] = [];
  let release: () => void = () => {};
  const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
  const record = (method: string, args: unknown[]) => calls.push({ method, args });
  const outcome = () => {
    const profile = sampleProfile(sample);
    return {
      profile,
      report: buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-11-25T12:00:00Z') }),
      notes: [{ field: '/host/azureVm', reason: 'the asset tag could not be read' }],
    };
  };
  let cancelled = false;
  const api: FakeApi = {
    calls,
    emit: (p) => listeners.forEach((l) => l(p)),
    emitFix: (p) => fixListeners.forEach((l) => l(p)),
    finishScan: () => release(),
    appInfo: async () => (
      record('appInfo', []),
      ok({
        toolVersion: '9.9.9',
        sandbox: false,
        machine: { kind: 'windows', label: 'this machine (FS01)', cannotFix: canFix ? null : 'cannot fix here' },
        pending: null,
        mode,
        platform: 'win32',
        editions: [
          { id: 'current', date: '2026-03' },
          { id: '2019-02', date: '2019-02-17' },
        ],
        defaultEdition: 'current',
      })
    ),
    scan: async (request) => {
      record('scan', [request]);
      if (holdScan) await new Promise<void>((resolve) => (release = resolve));
      if (cancelled) return { ok: false, error: { code: 'cancelled', message: 'The scan was cancelled.' } };
      return ok(outcome());
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
        return { ok: false, error: { code: 'invalid-profile', message: 'This file is not a valid machine profile: is not valid JSON' } };
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
    planFix: async (to) => {
      record('planFix', [to]);
      if (!canFix) return { ok: false, error: { code: 'unsupported', message: 'The desktop wizard cannot move the cache by itself yet.' } };
      const profile = sampleProfile(sample);
      profile.volumes.push({ id: 'F:', fileSystem: 'exFAT', driveType: 'removable', freeBytes: 10 });
      return ok(planRelocation({ profile, to, target: null, offlineSeeding: false }));
    },
    cancelFix: async () => (record('cancelFix', []), ok(null)),
    recoverFix: async (request) => (record('recoverFix', [request]), ok({ outcome: null, error: null, after: afterFix() })),
    discardPendingMove: async (request) => (record('discardPendingMove', [request]), ok({ outcome: null, error: null, after: afterFix() })),
    runFix: async (plan, request) => {
      record('runFix', [plan, request]);
      for (const step of FIX_STEP_IDS) {
        api.emitFix({ step, state: 'running' });
        api.emitFix({ step, state: 'done' });
      }
      const profile = sampleProfile('healthy-server');
      return ok({
        outcome: 'done',
        error: null,
        after: { profile, report: buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date() }), notes: [] },
      });
    },
  };
  return api;
}

function afterFix() {
  const profile = sampleProfile('healthy-server');
  return { profile, report: buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date() }), notes: [] };
}
