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
import { m, type Arg, type MessageId } from '../i18n/message.js';
import { t } from '../i18n/translate.js';

export class ArgumentError extends Error {}

const MAX_PATHS = 200;
const MAX_PATH_LENGTH = 32_767; // Windows' own limit for extended paths
const MAX_TEXT = 20 * 1024 * 1024;

function fail(id: MessageId, args?: Record<string, Arg>): never {
  throw new ArgumentError(t(id, args));
}

/** What an argument is, for the errors: a request in words, or a field by its name (as the code spells it). */
type Subject = Arg;

const SCAN_REQUEST = m('validation.arguments.subject.scanRequest');
const SAVE_REQUEST = m('validation.arguments.subject.saveRequest');
const FIX_REQUEST = m('validation.arguments.subject.fixRequest');
const FIX_FINDING = m('validation.arguments.subject.fixFinding');

function record(value: unknown, subject: Subject): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('validation.arguments.notObject', { subject });
  return value as Record<string, unknown>;
}

function onlyKeys(value: Record<string, unknown>, allowed: string[], subject: Subject): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) fail('validation.arguments.unknownFields', { subject, fields: extra.map((k) => `"${k}"`).join(', ') });
}

export function edition(value: unknown): EditionId {
  if (typeof value !== 'string' || !isEditionId(value)) fail('validation.arguments.edition');
  return value;
}

function path(value: unknown, subject: Subject): string {
  if (typeof value !== 'string' || value.trim() === '') fail('validation.arguments.path.empty', { subject });
  if (value.length > MAX_PATH_LENGTH) fail('validation.arguments.path.tooLong', { subject });
  if (value.includes('\0')) fail('validation.arguments.path.nul', { subject });
  return value.trim();
}

export function scanRequest(value: unknown): ScanRequest {
  const v = record(value, SCAN_REQUEST);
  onlyKeys(v, ['edition', 'paths', 'systemState', 'uploadMbps', 'cachePath', 'offline'], SCAN_REQUEST);
  if (!Array.isArray(v.paths)) fail('validation.arguments.paths.notList');
  if (v.paths.length > MAX_PATHS) fail('validation.arguments.paths.tooMany', { max: MAX_PATHS });
  if (typeof v.systemState !== 'boolean') fail('validation.arguments.trueOrFalse', { field: 'systemState' });
  if (typeof v.offline !== 'boolean') fail('validation.arguments.trueOrFalse', { field: 'offline' });
  const mbps = v.uploadMbps;
  if (mbps !== null && (typeof mbps !== 'number' || !Number.isFinite(mbps) || mbps < 0)) fail('validation.arguments.uploadMbps');
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
  if (typeof value !== 'string') fail('validation.arguments.profile.notText');
  if (value.length > MAX_TEXT) fail('validation.arguments.profile.tooLarge');
  return value;
}

export function checkId(value: unknown): CheckId {
  if (typeof value !== 'string' || !CHECKS.some((c) => c.id === value)) fail('validation.arguments.checkId', { value: String(value) });
  return value as CheckId;
}

export function saveRequest(value: unknown): SaveRequest {
  const v = record(value, SAVE_REQUEST);
  onlyKeys(v, ['suggestedName', 'content', 'kind'], SAVE_REQUEST);
  if (v.kind !== 'json' && v.kind !== 'html' && v.kind !== 'md' && v.kind !== 'csv') fail('validation.arguments.save.kind');
  if (typeof v.content !== 'string' || v.content.length > MAX_TEXT) fail('validation.arguments.save.content');
  if (typeof v.suggestedName !== 'string' || !/^[^\\/:*?"<>|\0]{1,120}$/.test(v.suggestedName))
    fail('validation.arguments.save.suggestedName');
  return { suggestedName: v.suggestedName, content: v.content, kind: v.kind };
}

const checkPlan = compileSchema(FIX_PLAN_SCHEMA);

export function fixRequest(value: unknown): FixRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('validation.arguments.notObject', { subject: FIX_REQUEST });
  const v = value as Record<string, unknown>;
  const extra = Object.keys(v).filter((k) => k !== 'action' && k !== 'to' && k !== 'finding');
  if (extra.length > 0) fail('validation.arguments.fix.extraField', { field: extra[0]!.slice(0, 40) });
  if (!FIX_ACTIONS.includes(v.action as FixAction)) fail('validation.arguments.fix.action', { actions: FIX_ACTIONS.join(', ') });
  const action = v.action as FixAction;
  const finding = fixFinding(v.finding);
  const also = finding ? { finding } : {};
  if (action === 'relocate-cache') return { action, to: path(v.to, m('validation.arguments.subject.targetFolder')), ...also };
  if (v.to !== null && v.to !== undefined) fail('validation.arguments.fix.noFolder', { action });
  return { action, to: null, ...also };
}

/** The finding a fix is planned for: a check of the catalogue, and its subject (or null). */
function fixFinding(value: unknown): FixRequest['finding'] {
  if (value === undefined || value === null) return null;
  const v = record(value, FIX_FINDING);
  onlyKeys(v, ['check', 'subject'], FIX_FINDING);
  if (v.subject !== null && (typeof v.subject !== 'string' || v.subject.length > MAX_PATH_LENGTH)) fail('validation.arguments.fix.subject');
  return { check: checkId(v.check), subject: v.subject };
}

export function fixPlan(value: unknown): FixPlan {
  const problem = checkPlan(value);
  if (problem) fail('validation.arguments.fix.plan', { problem });
  return value as FixPlan;
}

function none(args: unknown[]): [] {
  if (args.length !== 0) fail('validation.arguments.count.none');
  return [];
}

function count(args: unknown[], n: number): void {
  // Checked before anything else, so that a call with millions of arguments costs nothing to refuse.
  if (args.length !== n) fail('validation.arguments.count.wrong', { expected: n, given: String(args.length) });
}

export function language(value: unknown): Language {
  if (typeof value !== 'string' || !(LANGUAGES as readonly string[]).includes(value)) {
    fail('validation.arguments.language', { languages: LANGUAGES.join(', ') });
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
