// Validates what crosses the boundary into the main process: every argument of every call, whatever the
// renderer (or a page pretending to be it) sends. Pure, shared by the IPC handlers and the HTTP bridge.

import { isEditionId } from '../matrix/index.js';
import type { EditionId } from '../matrix/types.js';
import { CHECKS } from '../rules/catalogue.js';
import type { CheckId } from '../report/types.js';
import type { Method, SaveRequest, ScanRequest } from './wizard-api.js';
import { FIX_ACTIONS, type FixAction, type FixPlan } from '../actions/fix-plan.js';
import { FIX_PLAN_SCHEMA } from '../actions/fix-plan-schema.js';
import type { FixRequest } from './wizard-api.js';
import { compileSchema } from '../util/schema.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';

export class ArgumentError extends Error {}

const MAX_PATHS = 200;
const MAX_PATH_LENGTH = 32_767; // Windows' own limit for extended paths
const MAX_TEXT = 20 * 1024 * 1024;

function fail(message: string): never {
  throw new ArgumentError(message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function onlyKeys(value: Record<string, unknown>, allowed: string[], what: string): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) fail(`${what} has unknown field ${extra.map((k) => `"${k}"`).join(', ')}`);
}

export function edition(value: unknown): EditionId {
  if (typeof value !== 'string' || !isEditionId(value)) fail(`edition must be "current" or "2019-02"`);
  return value;
}

function path(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${what} must be a non-empty path`);
  if (value.length > MAX_PATH_LENGTH) fail(`${what} is longer than any path Windows accepts`);
  if (value.includes('\0')) fail(`${what} contains a NUL character`);
  return value.trim();
}

export function scanRequest(value: unknown): ScanRequest {
  const v = record(value, 'the scan request');
  onlyKeys(v, ['edition', 'paths', 'systemState', 'uploadMbps', 'cachePath', 'offline'], 'the scan request');
  if (!Array.isArray(v.paths)) fail('paths must be a list of folders');
  if (v.paths.length > MAX_PATHS) fail(`at most ${MAX_PATHS} folders can be selected at once`);
  if (typeof v.systemState !== 'boolean') fail('systemState must be true or false');
  if (typeof v.offline !== 'boolean') fail('offline must be true or false');
  const mbps = v.uploadMbps;
  if (mbps !== null && (typeof mbps !== 'number' || !Number.isFinite(mbps) || mbps < 0))
    fail('uploadMbps must be a number of megabits per second, 0 or more, or null');
  return {
    edition: edition(v.edition),
    paths: v.paths.map((p, i) => path(p, `paths[${i}]`)),
    systemState: v.systemState,
    uploadMbps: mbps,
    cachePath: v.cachePath === null ? null : path(v.cachePath, 'cachePath'),
    offline: v.offline,
  };
}

export function profileText(value: unknown): string {
  if (typeof value !== 'string') fail('the profile must be the text of a JSON file');
  if (value.length > MAX_TEXT) fail('the profile is larger than 20 MB: that is not a machine profile');
  return value;
}

export function checkId(value: unknown): CheckId {
  if (typeof value !== 'string' || !CHECKS.some((c) => c.id === value)) fail(`"${String(value)}" is not a check of the catalogue`);
  return value as CheckId;
}

export function saveRequest(value: unknown): SaveRequest {
  const v = record(value, 'the save request');
  onlyKeys(v, ['suggestedName', 'content', 'kind'], 'the save request');
  if (v.kind !== 'json' && v.kind !== 'html' && v.kind !== 'md' && v.kind !== 'csv') fail('kind must be "json", "html", "md" or "csv"');
  if (typeof v.content !== 'string' || v.content.length > MAX_TEXT) fail('content must be text of at most 20 MB');
  if (typeof v.suggestedName !== 'string' || !/^[^\\/:*?"<>|\0]{1,120}$/.test(v.suggestedName))
    fail('suggestedName must be a plain file name');
  return { suggestedName: v.suggestedName, content: v.content, kind: v.kind };
}

const checkPlan = compileSchema(FIX_PLAN_SCHEMA);

export function fixRequest(value: unknown): FixRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('the fix request must be an object');
  const v = value as Record<string, unknown>;
  const extra = Object.keys(v).filter((k) => k !== 'action' && k !== 'to' && k !== 'finding');
  if (extra.length > 0) fail(`the fix request has a field it should not: ${extra[0]!.slice(0, 40)}`);
  if (!FIX_ACTIONS.includes(v.action as FixAction)) fail(`the action must be one of ${FIX_ACTIONS.join(', ')}`);
  const action = v.action as FixAction;
  const finding = fixFinding(v.finding);
  const also = finding ? { finding } : {};
  if (action === 'relocate-cache') return { action, to: path(v.to, 'the target folder'), ...also };
  if (v.to !== null && v.to !== undefined) fail(`${action} takes no folder`);
  return { action, to: null, ...also };
}

/** The finding a fix is planned for: a check of the catalogue, and its subject (or null). */
function fixFinding(value: unknown): FixRequest['finding'] {
  if (value === undefined || value === null) return null;
  const v = record(value, 'the finding of the fix request');
  onlyKeys(v, ['check', 'subject'], 'the finding of the fix request');
  if (v.subject !== null && (typeof v.subject !== 'string' || v.subject.length > MAX_PATH_LENGTH))
    fail('the subject of the finding must be text or null');
  return { check: checkId(v.check), subject: v.subject };
}

export function fixPlan(value: unknown): FixPlan {
  const problem = checkPlan(value);
  if (problem) fail(`the plan is not one the wizard made (${problem})`);
  return value as FixPlan;
}

function none(args: unknown[]): [] {
  if (args.length !== 0) fail('this call takes no arguments');
  return [];
}

function count(args: unknown[], n: number): void {
  // Checked before anything else, so that a call with millions of arguments costs nothing to refuse.
  if (args.length !== n) fail(`this call takes ${n} argument${n === 1 ? '' : 's'}, not ${args.length}`);
}

export function language(value: unknown): Language {
  if (typeof value !== 'string' || !(LANGUAGES as readonly string[]).includes(value)) {
    fail(`the language must be one of ${LANGUAGES.join(', ')}`);
  }
  return value as Language;
}

/** The validated arguments of each method, in order. */
export const PARSE_ARGUMENTS: { [M in Method]: (args: unknown[]) => unknown[] } = {
  appInfo: none,
  cancelScan: none,
  cancelFix: none,
  pickFolder: none,
  scan: (args) => (count(args, 1), [scanRequest(args[0])]),
  evaluateProfile: (args) => (count(args, 2), [profileText(args[0]), edition(args[1])]),
  recheck: (args) => (count(args, 2), [scanRequest(args[0]), checkId(args[1])]),
  saveFile: (args) => (count(args, 1), [saveRequest(args[0])]),
  planFix: (args) => (count(args, 1), [fixRequest(args[0])]),
  runFix: (args) => (count(args, 2), [fixPlan(args[0]), scanRequest(args[1])]),
  recoverFix: (args) => (count(args, 1), [scanRequest(args[0])]),
  discardPendingMove: (args) => (count(args, 1), [scanRequest(args[0])]),
  setLanguage: (args) => (count(args, 1), [language(args[0])]),
};
