// antivirus (contract v2): Microsoft Defender, as the agent's exclusions need it. Real-time protection from
// CIM (the one PowerShell run, machine-facts.ts); the exclusions are the value names of Defender's own keys
// and of its policy keys. Current Defender denies those keys to non-administrators (ERROR_ACCESS_DENIED):
// then the list is null - not known - never "no exclusions".

import type { AntivirusFacts } from '../../../shared/profile/types.js';
import { ProbeNotes } from '../notes.js';
import { cimNotThere, describeCimError, type CimFacts } from './machine-facts.js';
import { keyErrorWords, valueNames, WIN32_ERROR, type KeyRead, type RegistryReader } from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

export const DEFENDER_EXCLUSION_KEYS = {
  paths: [
    'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths',
    'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Exclusions\\Paths',
  ],
  processes: [
    'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Processes',
    'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Exclusions\\Processes',
  ],
} as const;

const P = '/antivirus';

/**
 * `%Name%` replaced by the variable's value (names in any case, as Windows does); a variable that is not set
 * stays as written, as ExpandEnvironmentStrings leaves it. The wizard's environment stands for the
 * machine's: the same for %ProgramFiles%, %SystemRoot% and the like, which is what exclusions name.
 */
export function expandEnvironment(text: string, env: NodeJS.ProcessEnv): string {
  const byName = new Map(Object.entries(env).map(([name, value]) => [name.toLowerCase(), value]));
  return text.replace(/%([^%]+)%/g, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole);
}

/** The value names of both keys, expanded, each once (case-insensitively); null when either key could not be read. */
async function exclusionList(
  registry: RegistryReader,
  keys: readonly string[],
  field: string,
  env: NodeJS.ProcessEnv,
  notes: ProbeNotes,
): Promise<string[] | null> {
  const reads = await Promise.all(keys.map((key) => registry.readKey(key)));
  const failed = keys.flatMap((key, i) => {
    const read = reads[i] as KeyRead;
    return read.status === 'error' ? [{ key, read }] : [];
  });
  if (failed.length > 0) {
    const denied = failed.filter((f) => f.read.win32Error === WIN32_ERROR.accessDenied);
    if (denied.length > 0) notes.add(field, t('probes.antivirus.exclusionsAdminOnly', { keys: denied.map((f) => f.key).join(', ') }));
    for (const { key, read } of failed.filter((f) => f.read.win32Error !== WIN32_ERROR.accessDenied))
      notes.add(field, t('probes.antivirus.exclusionKeyUnreadable', { key, reason: keyErrorWords(read) }));
    return null;
  }
  const seen = new Set<string>();
  const list: string[] = [];
  for (const read of reads) {
    if (read.status !== 'ok') continue; // a missing key adds nothing
    for (const name of valueNames(read)) {
      const expanded = expandEnvironment(name, env);
      if (expanded === '' || seen.has(expanded.toLowerCase())) continue;
      seen.add(expanded.toLowerCase());
      list.push(expanded);
    }
  }
  return list;
}

/** Real-time protection: false also where Defender is absent (no such namespace or class). */
function realTimeProtection(cim: CimFacts | null, unanswered: string | null, notes: ProbeNotes): boolean | null {
  const field = `${P}/defenderRealTimeProtection`;
  const answer = cim?.defenderRealTimeProtection;
  if (answer === undefined) {
    notes.add(field, t('probes.antivirus.realTimeNotRead', { reason: unanswered ?? t('probes.cim.notInAnswer') }));
    return null;
  }
  if ('error' in answer) {
    if (cimNotThere(answer.error)) return false;
    notes.add(field, t('probes.antivirus.statusUnreadable', { reason: describeCimError(answer.error) }));
    return null;
  }
  if (answer.value === null) notes.add(field, t('probes.antivirus.noStatus'));
  return answer.value;
}

/** The section; null (with a note) when none of it could be read. */
export async function probeWindowsAntivirus(
  cim: CimFacts | null,
  unanswered: string | null,
  registry: RegistryReader,
  env: NodeJS.ProcessEnv,
  notes: ProbeNotes,
): Promise<AntivirusFacts | null> {
  const local = new ProbeNotes();
  const defenderRealTimeProtection = realTimeProtection(cim, unanswered, local);
  const [exclusionPaths, exclusionProcesses] = await Promise.all([
    exclusionList(registry, DEFENDER_EXCLUSION_KEYS.paths, `${P}/exclusionPaths`, env, local),
    exclusionList(registry, DEFENDER_EXCLUSION_KEYS.processes, `${P}/exclusionProcesses`, env, local),
  ]);
  if (defenderRealTimeProtection === null && exclusionPaths === null && exclusionProcesses === null) {
    notes.add(P, t('probes.antivirus.nothingRead', { reasons: local.list.map((n) => n.reason).join('; ') }));
    return null;
  }
  for (const note of local.list) notes.add(note.field, note.reason);
  return { defenderRealTimeProtection, exclusionPaths, exclusionProcesses };
}
