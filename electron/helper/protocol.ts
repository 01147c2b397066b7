// The elevated helper's protocol: JSON lines over a local channel (a named pipe on Windows, a Unix socket
// in a private folder elsewhere) that the unelevated wizard creates and only the helper it started knows:
// the channel's name and a one-time key reach the helper on its command line, and the helper's first line
// must carry the key. Every line is checked against its schema on arrival; one that does not fit ends the
// conversation.

import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { FIX_ACTIONS } from '../../shared/actions/fix-plan.js';
import { FIX_PLAN_SCHEMA } from '../../shared/actions/fix-plan-schema.js';
import { compileSchema } from '../../shared/util/schema.js';

const Text = Type.String({ maxLength: 4000 });
const Count = Type.Integer({ minimum: 0 });

/** What the wizard asks of the helper: one task, then perhaps a cancel. */
export const TO_HELPER = Type.Union([
  Type.Object(
    {
      type: Type.Literal('run'),
      plan: FIX_PLAN_SCHEMA,
      selection: Type.Union([
        Type.Object(
          { paths: Type.Array(Type.String({ maxLength: 32_767 }), { maxItems: 200 }), systemState: Type.Boolean() },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('recover') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('discard') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('cancel') }, { additionalProperties: false }),
]);
export type ToHelper = Static<typeof TO_HELPER>;

export const STEP_STATES = ['running', 'done', 'failed', 'undoing', 'undone'] as const;

/** What the helper tells the wizard: who it is, how the work goes, that it lives, and how it ended. */
export const FROM_HELPER = Type.Union([
  Type.Object({ type: Type.Literal('hello'), key: Type.String({ maxLength: 200 }), pid: Count }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('step'),
      step: Type.String({ maxLength: 40 }),
      state: Type.Union(STEP_STATES.map((s) => Type.Literal(s))),
      detail: Type.Optional(Text),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('copy'), files: Count, totalFiles: Count, bytes: Count, totalBytes: Count },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('heartbeat') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('done'),
      /** null: there was nothing to do (no interrupted move to recover or discard). */
      outcome: Type.Union([Type.Literal('done'), Type.Literal('rolled-back'), Type.Literal('discarded'), Type.Null()]),
      action: Type.Union([...FIX_ACTIONS.map((a) => Type.Literal(a)), Type.Null()]),
      error: Type.Union([Text, Type.Null()]),
      from: Type.Union([Text, Type.Null()]),
      to: Type.Union([Text, Type.Null()]),
      leftInPlace: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false },
  ),
  /** The task could not be carried out; `code` says which kind of reason (the error table's codes). */
  Type.Object({ type: Type.Literal('failed'), code: Type.String({ maxLength: 40 }), message: Text }, { additionalProperties: false }),
]);
export type FromHelper = Static<typeof FROM_HELPER>;

export const checkToHelper = compileSchema(TO_HELPER);
export const checkFromHelper = compileSchema(FROM_HELPER);

/** The longest line either side accepts: a plan with long paths fits many times over. */
export const MAX_LINE = 1024 * 1024;
/** The helper says it lives this often; silence for HEARTBEAT_LOST means it is gone. */
export const HEARTBEAT_MS = 1000;
export const HEARTBEAT_LOST_MS = 15_000;

/** A fresh channel name and key. */
export async function newChannel(platform: NodeJS.Platform = process.platform): Promise<{ path: string; key: string }> {
  const key = randomBytes(24).toString('hex');
  if (platform === 'win32') return { path: `\\\\.\\pipe\\mars-readiness-${randomBytes(16).toString('hex')}`, key };
  // A Unix socket in a folder only this user may enter (mkdtemp makes it 0700).
  const dir = await mkdtemp(join(tmpdir(), 'mars-helper-'));
  return { path: join(dir, 'channel'), key };
}

/** Splits a byte stream into lines, refusing any longer than MAX_LINE. */
export function lineReader(onLine: (line: string) => void, onTooLong: () => void): (chunk: Buffer) => void {
  let pending = '';
  let refused = false;
  return (chunk) => {
    if (refused) return;
    pending += chunk.toString('utf8');
    if (pending.length > MAX_LINE && !pending.includes('\n')) {
      // Once refused, nothing more from this peer is read: the conversation is over.
      refused = true;
      pending = '';
      return onTooLong();
    }
    let index: number;
    while ((index = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, index);
      pending = pending.slice(index + 1);
      if (line.trim()) onLine(line);
    }
  };
}

/** Parses and checks one line; the problem in words when it does not fit. */
export function parseLine<T>(
  line: string,
  check: (value: unknown) => string | null,
): { ok: true; value: T } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'a line that is not JSON' };
  }
  const problem = check(value);
  return problem ? { ok: false, problem } : { ok: true, value: value as T };
}
