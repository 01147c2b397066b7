// Which machine a command works on: the sandbox it names, or this one through its platform's adapter.

import { linuxMachine } from './linux/linux-machine.js';
import type { Machine } from './machine.js';
import { openSandboxMachine } from './sandbox/sandbox-adapter.js';
import { windowsMachine } from './windows/windows-machine.js';

export async function openMachine(options: { sandbox?: string | null | undefined } = {}): Promise<Machine> {
  if (options.sandbox) return openSandboxMachine(options.sandbox);
  return thisMachine();
}

export function thisMachine(platform: NodeJS.Platform = process.platform): Machine {
  return platform === 'win32' ? windowsMachine() : linuxMachine({ platform });
}
