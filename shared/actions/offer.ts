// Whether the wizard can really carry out the fix a finding names, on the machine the profile describes:
// the action's own planner is asked, with what only the machine itself can tell (is the target folder
// empty, does a folder hold OnlineBackup.KEK, is a backup running) taken at its most favourable - the fix
// plans again on the machine before anything runs. A finding names an action only when this holds, so
// that no Fix button leads to a refusal the profile already shows.

import type { MachineProfile } from '../profile/types.js';
import { samePath } from '../util/paths.js';
import type { FixAction } from './fix-plan.js';
import { namedFolders, planPointRegistry } from './point-registry-plan.js';
import { planRelocation } from './relocate-plan.js';
import { planStartEngine } from './start-engine-plan.js';
import { suggestTarget } from './suggest-target.js';
import { m, type Msg } from '../i18n/message.js';

/**
 * Why `action` cannot be done on this profile's machine, as a message argument; null when it can be offered.
 * A message where the reason is one (said again in whatever language the report is read); a planner's
 * refusal is the sentence it said, in the language of the moment (the planners' problems are words).
 */
export function offerProblem(action: FixAction, profile: MachineProfile): Msg | string | null {
  if (action === 'start-engine') return firstProblem(planStartEngine(profile));
  if (action === 'point-registry') {
    // A folder the profile knows to be missing holds nothing; of the others, the cache folder the profile
    // describes (else the first) is taken to hold the key - the machine tells for sure when the fix plans.
    const cache = profile.cache;
    const missing = (path: string) => cache != null && samePath(cache.path, path) && cache.exists === false;
    const folders = namedFolders(profile).filter((path) => !missing(path));
    const holder = folders.find((path) => cache != null && samePath(cache.path, path)) ?? folders[0];
    const holders = namedFolders(profile).map((path) => ({ path, holdsKey: holder !== undefined && samePath(path, holder) }));
    return firstProblem(planPointRegistry({ profile, holders }));
  }
  const to = suggestTarget(profile);
  if (!to) return m('actions.offer.noVolume');
  return firstProblem(planRelocation({ profile, to, target: null, offlineSeeding: null }));
}

function firstProblem(result: ReturnType<typeof planStartEngine>): string | null {
  if (result.ok) return null;
  // The refusal is said inside actions.offer.cannotHere, which ends the sentence itself.
  return result.problems[0]!.replace(/[.。]$/u, '');
}
