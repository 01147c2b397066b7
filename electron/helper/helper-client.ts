// The wizard's side of the helper protocol: opens the channel, has the machine start the helper (through
// UAC on Windows), checks that the first line carries the key, hands over the one task, relays progress,
// passes Stop on, and watches the heartbeat. Whatever happens, the answer is the helper's own: done with
// its outcome, or failed with its reason and code - never a bare exit status.

import { currentLanguage, t } from '../../shared/i18n/translate.js';
import { m } from '../../shared/i18n/message.js';
import { rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { AppError } from '../errors.js';
import type { ElevatedLauncher, LaunchOutcome } from '../machine/machine.js';
import { helperArgs } from './helper-main.js';
import { checkFromHelper, HEARTBEAT_LOST_MS, lineReader, newChannel, parseLine, type FromHelper, type ToHelper } from './protocol.js';

export interface HelperProgram {
  /** The executable that runs the helper: the desktop app itself, or Node. */
  program: string;
  /** Arguments before the helper's own (the app's folder when not packaged, or the entry script). */
  leadingArgs: string[];
  sandbox?: string | null;
}

export type HelperDone = Extract<FromHelper, { type: 'done' }>;

export interface HelperEvents {
  onMessage: (message: Extract<FromHelper, { type: 'step' | 'copy' }>) => void;
}

/** How long the administrator prompt may wait for an answer before the wizard gives up on it. */
const CONNECT_TIMEOUT_MS = 10 * 60 * 1000;

export async function runInHelper(
  launch: ElevatedLauncher,
  program: HelperProgram,
  task: Exclude<ToHelper, { type: 'cancel' }>,
  events: HelperEvents,
  signal: AbortSignal,
  timing: { connectTimeoutMs?: number; heartbeatLostMs?: number } = {},
): Promise<HelperDone> {
  const channel = await newChannel();
  const launchStop = new AbortController();
  let peer = null as Socket | null;
  let settle: (result: { done?: HelperDone; error?: AppError }) => void = () => {};
  const finished = new Promise<{ done?: HelperDone; error?: AppError }>((resolve) => (settle = resolve));
  let lastHeard = Date.now();

  const server = createServer((socket) => {
    // Only the first connection that proves it knows the key is the helper; anything else is dropped.
    if (peer) return socket.destroy();
    const onLine = (line: string) => {
      lastHeard = Date.now();
      const parsed = parseLine<FromHelper>(line, checkFromHelper);
      if (!parsed.ok) {
        socket.destroy();
        if (peer === socket)
          settle({ error: new AppError('internal', t('machine.helper.answerNotUnderstood', { problem: parsed.problem })) });
        return;
      }
      const message = parsed.value;
      if (peer !== socket) {
        if (message.type !== 'hello' || message.key !== channel.key) return void socket.destroy();
        peer = socket;
        server.close();
        socket.write(`${JSON.stringify(task)}\n`);
        if (signal.aborted) socket.write(`${JSON.stringify({ type: 'cancel' })}\n`);
        return;
      }
      if (message.type === 'step' || message.type === 'copy') events.onMessage(message);
      else if (message.type === 'done') settle({ done: message });
      else if (message.type === 'failed') settle({ error: new AppError(message.code as AppError['code'], message.message) });
    };
    socket.on(
      'data',
      lineReader(onLine, () => socket.destroy()),
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      if (peer === socket)
        settle({
          error: new AppError('refused', t('machine.helper.stoppedMidway')),
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(channel.path, resolve);
  });
  const onAbort = () => peer?.write(`${JSON.stringify({ type: 'cancel' })}\n`);
  signal.addEventListener('abort', onAbort);

  const args = [
    ...program.leadingArgs,
    ...helperArgs({ channel: channel.path, key: channel.key, sandbox: program.sandbox ?? null, language: currentLanguage() }),
  ];
  // A launcher that throws (Node's spawn does, for some failures to start a program) has failed to start
  // it, as one that says so: the same answer at once, not a wait for a helper that will never connect.
  const launched: Promise<LaunchOutcome> = launch(program.program, args, launchStop.signal).catch((error: unknown): LaunchOutcome => ({
    exitCode: null,
    failure: (error as Error)?.message ?? String(error),
    declined: false,
  }));
  void launched.then((outcome) => {
    // The launcher ends when the helper does; if it never connected, the launch's own reason is the answer.
    if (peer) return;
    settle({
      error: outcome.declined
        ? new AppError('declined', t('machine.helper.declined'))
        : new AppError(
            'refused',
            t('machine.helper.couldNotStart', {
              reason: outcome.failure ?? m('machine.helper.endedBeforeConnect', { exitCode: String(outcome.exitCode) }),
            }),
          ),
    });
  });
  const connectTimeout = timing.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const watchdog = setInterval(() => {
    const silent = Date.now() - lastHeard;
    if (!peer && silent > connectTimeout) settle({ error: new AppError('refused', t('machine.helper.promptTimedOut')) });
    else if (peer && silent > (timing.heartbeatLostMs ?? HEARTBEAT_LOST_MS))
      settle({ error: new AppError('refused', t('machine.helper.stoppedAnswering')) });
  }, 500);
  try {
    const result = await finished;
    if (result.error) throw result.error;
    return result.done!;
  } finally {
    clearInterval(watchdog);
    signal.removeEventListener('abort', onAbort);
    peer?.end();
    server.close();
    if (process.platform !== 'win32') await rm(dirname(channel.path), { recursive: true, force: true });
  }
}
