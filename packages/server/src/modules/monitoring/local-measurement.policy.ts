import { type Actor, hasRole } from '../../platform/security/actor.ts';
import type { CityScope } from './cycle.policy.ts';

export type LocalMeasurementAction = 'local-measurement.write';

/** A city's own indicators are defined by its coordinator; reading them needs no check (they are public). */
export function can(actor: Actor | null, action: LocalMeasurementAction, city: CityScope): boolean {
  if (!actor) return false;
  switch (action) {
    case 'local-measurement.write':
      return hasRole(actor, 'city-coordinator', city.cityId);
  }
}
