// Every finding every rule makes is said with its own check's words (its area of the catalogue, and no
// other status named in a message id; its fix steps from the same area): what lets a saved report that breaks it be refused as edited
// (shared/report/saved-report.ts). Over every sample profile, both editions, and each with a waiver of all.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/report/build.js';
import { messageArea, stepFitsFinding, wordsFitFinding } from '../../../shared/report/words-fit.js';
import type { MachineProfile } from '../../../shared/profile/types.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/profiles/', import.meta.url));
const profiles = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(SAMPLES + name, 'utf8')) as MachineProfile] as const);

describe("a finding's words", () => {
  it.each(profiles)("%s: every title and detail of every finding is its check's, for its status, in both editions", (_, profile) => {
    let seen = 0;
    for (const edition of ['current', '2019-02'] as const)
      for (const finding of evaluate(profile, edition)) {
        for (const id of [finding.messages?.title.id, finding.messages?.detail.id]) {
          expect(id, `${finding.check} ${finding.status}`).toBeTypeOf('string');
          expect(wordsFitFinding(finding.check, finding.status, undefined, id!), `${finding.check} ${finding.status}: ${id}`).toBe(true);
          seen++;
        }
        for (const step of finding.messages?.steps ?? [])
          expect(stepFitsFinding(finding.check, step.id), `${finding.check}: step ${step.id}`).toBe(true);
      }
    expect(seen).toBeGreaterThan(40);
  });

  it("refuses another check's area, another status, and judges a waived finding by the status it had", () => {
    expect(messageArea('system-state.prerequisites')).toBe('systemState');
    expect(messageArea('selection.agent-folders')).toBe('agent');
    expect(wordsFitFinding('os.supported', 'pass', undefined, 'os.supported.pass.title')).toBe(true);
    expect(wordsFitFinding('os.supported', 'pass', undefined, 'agent.service.notRunning.title')).toBe(false);
    expect(wordsFitFinding('cache.free-space', 'fail', undefined, 'cache.freeSpace.pass.detail')).toBe(false);
    expect(wordsFitFinding('cache.free-space', 'waived', 'fail', 'cache.freeSpace.fail.detail')).toBe(true);
    expect(wordsFitFinding('cache.free-space', 'waived', 'fail', 'cache.freeSpace.pass.detail')).toBe(false);
    expect(stepFitsFinding('cache.free-space', 'cache.move.copy')).toBe(true);
    expect(stepFitsFinding('cache.free-space', 'selection.azureTemporary.warn.fix.remove')).toBe(false);
    // An id that names no status fits any status of its check.
    expect(wordsFitFinding('network.proxy', 'info', undefined, 'network.proxy.title')).toBe(true);
  });
});
