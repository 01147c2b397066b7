// The elevated helper: a short-lived process with its own entry point, started (through UAC on Windows)
// for one task - move the cache as the user confirmed it, recover an interrupted move, or set a damaged
// record aside - which it carries out through the application services, so that it re-plans from the
// machine and acts only when the confirmed plan still holds. It speaks the helper protocol to the wizard
// that started it, says it lives every second, and when the wizard goes away it stops the move (which is
// then undone) and exits. It writes a log beside the journal that the wizard can show.

import { matchLanguage, type Language } from '../../shared/i18n/languages.js';
import { speakLanguage } from '../../shared/i18n/load.js';
import { t } from '../../shared/i18n/translate.js';
import { appendFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { FixStepId } from '../../shared/actions/fix-plan.js';
import { errorCode } from '../errors.js';
import type { EngineOptions } from '../actions/fix-engine.js';
import type { Machine } from '../machine/machine.js';
import { openMachine } from '../machine/open-machine.js';
import { discardJournal, recoverFix, runConfirmedFix } from '../services/fixes.js';
import { discardResultOf, fixResultOf } from '../services/fix-result.js';
import { checkToHelper, HEARTBEAT_MS, lineReader, parseLine, type FromHelper, type ToHelper } from './protocol.js';

export const HELPER_FLAG = '--fix-helper';
export const HELPER_LOG = 'helper.log';

export interface HelperArgs {
  channel: string;
  key: string;
  sandbox: string | null;
  /** The wizard's language, so that what the helper says (steps, errors) reads as the wizard does. */
  language: Language;
}

/** The helper's command line: `--fix-helper --channel NAME --key KEY [--sandbox DIR] [--lang LANGUAGE]`. */
export function parseHelperArgs(argv: string[]): HelperArgs | null {
  const at = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const channel = at('--channel');
  const key = at('--key');
  if (!argv.includes(HELPER_FLAG) || !channel || !key) return null;
  // A language it does not speak is English: the words change, never what the helper does.
  return { channel, key, sandbox: at('--sandbox'), language: matchLanguage(at('--lang')) ?? 'en' };
}

export function helperArgs(args: HelperArgs): string[] {
  return [
    HELPER_FLAG,
    '--channel',
    args.channel,
    '--key',
    args.key,
    ...(args.sandbox ? ['--sandbox', args.sandbox] : []),
    ...(args.language !== 'en' ? ['--lang', args.language] : []),
  ];
}

/** Runs the helper to its end; the exit status: 0 done, 1 the task failed, 2 bad arguments or channel. */
export async function runHelper(
  argv: string[],
  open: (sandbox: string | null) => Promise<Machine> = (s) => openMachine({ sandbox: s }),
): Promise<number> {
  const args = parseHelperArgs(argv);
  if (!args) return 2;
  await speakLanguage(args.language).catch(() => {});
  const machine = await open(args.sandbox).catch(() => null);
  if (!machine) return 2;
  const log = (line: string) =>
    appendFile(join(machine.stateDir, HELPER_LOG), `${new Date().toISOString()} [${process.pid}] ${line}\n`).catch(() => {});
  const socket = await new Promise<Socket | null>((resolve) => {
    const s = connect(args.channel, () => resolve(s));
    s.once('error', () => resolve(null));
  });
  if (!socket) {
    await log(`could not reach the wizard's channel ${args.channel}`);
    return 2;
  }
  const send = (message: FromHelper) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
  };
  const stop = new AbortController();
  const heartbeat = setInterval(() => send({ type: 'heartbeat' }), HEARTBEAT_MS);
  // The wizard gone (closed, crashed) is a Stop: the move is undone and the helper exits.
  socket.on('close', () => stop.abort());
  socket.on('error', () => stop.abort());
  send({ type: 'hello', key: args.key, pid: process.pid });
  await log('started');

  const task = await new Promise<ToHelper | null>((resolve) => {
    socket.on(
      'data',
      lineReader(
        (line) => {
          const parsed = parseLine<ToHelper>(line, checkToHelper);
          if (!parsed.ok) {
            void log(`refused a message: ${parsed.problem}`);
            send({
              type: 'failed',
              code: 'invalid-argument',
              message: t('machine.helper.notUnderstood', { problem: parsed.problem }),
            });
            socket.end();
            return resolve(null);
          }
          if (parsed.value.type === 'cancel') {
            void log('stop asked for');
            stop.abort();
          } else resolve(parsed.value);
        },
        () => {
          void log('refused a message longer than the protocol allows');
          send({ type: 'failed', code: 'invalid-argument', message: t('machine.helper.tooLong') });
          socket.end();
          resolve(null);
        },
      ),
    );
    socket.on('close', () => resolve(null));
  });

  let status = 1;
  if (task) {
    await log(`task: ${task.type}${task.type === 'run' ? ` ${task.plan.action} ${task.plan.from ?? ''} -> ${task.plan.to ?? ''}` : ''}`);
    const options: EngineOptions = {
      signal: stop.signal,
      onStep: (step: FixStepId | 'rollback' | 'roll-forward', state, detail) => {
        void log(`${step}: ${state}${detail ? ` (${detail})` : ''}`);
        send({ type: 'step', step, state, ...(detail ? { detail: detail.slice(0, 4000) } : {}) });
      },
      onCopy: (p) => send({ type: 'copy', files: p.files, totalFiles: p.totalFiles, bytes: p.bytes, totalBytes: p.totalBytes }),
    };
    try {
      if (task.type === 'run') {
        send({ type: 'done', ...fixResultOf(await runConfirmedFix(machine, task.plan, task.selection, options)) });
      } else if (task.type === 'recover') {
        send({ type: 'done', ...fixResultOf(await recoverFix(machine, options)) });
      } else {
        send({ type: 'done', ...discardResultOf(await discardJournal(machine)) });
      }
      status = 0;
      await log('done');
    } catch (error) {
      const message = (error as Error).message;
      await log(`failed: ${message}`);
      send({ type: 'failed', code: errorCode(error), message: message.slice(0, 4000) });
    }
  }
  clearInterval(heartbeat);
  // A channel the wizard already closed has nothing left to flush: end only one that is open.
  if (!socket.destroyed) await new Promise<void>((resolve) => socket.end(resolve));
  return status;
}
