import { type Actor, hasRole } from '../../platform/security/actor.ts';

/** The city a monitoring request is about, with its country (National Commissions read their country's). */
export interface CityScope {
  cityId: string;
  countryIso2: string;
}

export type CycleAction =
  | 'cycle.read-unpublished'
  | 'cycle.create'
  | 'observation.write'
  | 'cycle.submit'
  | 'cycle.accept'
  | 'cycle.return'
  | 'cycle.reopen'
  | 'target.write';

const isNetworkStaff = (actor: Actor) => hasRole(actor, 'admin') || hasRole(actor, 'secretariat');
const isCityTeam = (actor: Actor, city: CityScope) =>
  hasRole(actor, 'city-coordinator', city.cityId) || hasRole(actor, 'city-editor', city.cityId);

/**
 * Who may do what with a city's cycles. Accepted data is public and needs no check; everything else is
 * the city team's and the network staff's. Pinned by cycle.policy.test.ts.
 */
export function can(actor: Actor | null, action: CycleAction, city: CityScope): boolean {
  if (!actor) return false;
  switch (action) {
    case 'cycle.read-unpublished':
      return isCityTeam(actor, city) || isNetworkStaff(actor) || hasRole(actor, 'natcom', city.countryIso2);
    case 'cycle.create':
    case 'observation.write':
      return isCityTeam(actor, city);
    case 'cycle.submit':
    case 'target.write':
      return hasRole(actor, 'city-coordinator', city.cityId);
    case 'cycle.accept':
    case 'cycle.return':
    case 'cycle.reopen':
      return isNetworkStaff(actor);
  }
}
