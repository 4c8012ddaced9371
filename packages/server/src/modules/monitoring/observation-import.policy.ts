import { type Actor, hasRole } from '../../platform/security/actor.ts';
import { type CityScope, can as canCycle } from './cycle.policy.ts';

export type ImportAction = 'observations.import' | 'observations.import-network' | 'observations.export-unpublished';

/**
 * Who may move observations in and out as files. A city's import is a city team's write, as entering the
 * values one by one is; a network-wide back-fill (many cities and years in one file) is the network staff's;
 * exporting a cycle that is not public needs the right to read it. Accepted cycles export for everyone and
 * need no check. Pinned by observation-import.policy.test.ts.
 */
export function can(actor: Actor | null, action: ImportAction, city: CityScope | null): boolean {
  if (!actor) return false;
  switch (action) {
    case 'observations.import':
      return city !== null && canCycle(actor, 'observation.write', city);
    case 'observations.export-unpublished':
      return city !== null && canCycle(actor, 'cycle.read-unpublished', city);
    case 'observations.import-network':
      return hasRole(actor, 'admin') || hasRole(actor, 'secretariat');
  }
}
