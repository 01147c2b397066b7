// The proxies the agent's service could use: WinHTTP (netsh), the Internet settings, the environment.

import type { ProxyFacts } from '../../../shared/profile/types.js';
import { outputText, type CommandRunner } from '../command-runner.js';
import type { ProbeNotes } from '../notes.js';
import { KEYS } from './keys.js';
import { numberValue, stringValue, type RegistryReader } from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

/**
 * `netsh winhttp show proxy`. Its words are localised, its layout is not: with a proxy, indented
 * "label : value" lines follow (the server first); with direct access there are none.
 */
export function parseNetshProxy(text: string): string | null {
  const values = text
    .split('\n')
    .map((line) => /^\s+[^:]+?\s+:\s+(\S.*?)\s*$/.exec(line)?.[1])
    .filter((v): v is string => v !== undefined);
  return values[0] ?? null;
}

export function environmentProxy(env: NodeJS.ProcessEnv): string | null {
  return env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || env.ALL_PROXY || env.all_proxy || null;
}

export async function probeWindowsProxy(
  run: CommandRunner,
  registry: RegistryReader,
  env: NodeJS.ProcessEnv,
  notes: ProbeNotes,
): Promise<ProxyFacts> {
  const [netsh, internet] = await Promise.all([
    run('netsh', ['winhttp', 'show', 'proxy'], { timeoutMs: 5000 }),
    registry.readKey(KEYS.userInternetSettings),
  ]);
  let winhttp: string | null = null;
  if (netsh.failure || netsh.exitCode !== 0)
    notes.add(
      '/network/proxy/winhttp',
      netsh.failure ?? t('probes.command.exitedWith', { command: 'netsh', code: String(netsh.exitCode) }),
    );
  else winhttp = parseNetshProxy(outputText(netsh.stdout));
  const system = numberValue(internet, 'ProxyEnable') === 1 ? stringValue(internet, 'ProxyServer') : null;
  return { winhttp, system, environment: environmentProxy(env) };
}
