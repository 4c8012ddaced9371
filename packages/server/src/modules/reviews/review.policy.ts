import { type Actor, hasRole } from '../../platform/security/actor.ts';

/**
 * What an expert-review request is about: the city (and its country) when there is one, and the person whose
 * assignment or profile it touches. A reviewer's rights come from being that person, never from the role alone.
 */
export interface ReviewScope {
  cityId: string | null;
  countryIso2: string | null;
  /** The reviewer of the assignment, or the expert whose profile or conflict it is. */
  personId: string | null;
}

export type ReviewAction =
  // the city's side
  | 'narrative.write'
  | 'results.read'
  // the secretariat's side
  | 'rubric.write'
  | 'round.read'
  | 'round.create'
  | 'round.update'
  | 'round.close'
  | 'round.add-cycle'
  | 'assignment.create'
  | 'assignment.delete'
  | 'flag.acknowledge'
  | 'round.consolidate'
  | 'conflict.withdraw'
  // the reviewer's side
  | 'expert.profile-read'
  | 'expert.profile-write'
  | 'conflict.declare'
  | 'assignment.read'
  | 'rating.write'
  | 'rating.submit'
  | 'rating.revise';

const isNetworkStaff = (actor: Actor) => hasRole(actor, 'admin') || hasRole(actor, 'secretariat');
const isCityTeam = (actor: Actor, cityId: string | null) =>
  cityId !== null && (hasRole(actor, 'city-coordinator', cityId) || hasRole(actor, 'city-editor', cityId));
/** The expert herself: her role, and the scope is her own. */
const isThisExpert = (actor: Actor, scope: ReviewScope) =>
  hasRole(actor, 'expert') && scope.personId !== null && scope.personId === actor.userId;

/**
 * Who may do what in expert review. The secretariat runs rounds; a reviewer acts only on her own assignments
 * and profile; the city team writes its narratives and reads its results. Pinned by review.policy.test.ts.
 */
export function can(actor: Actor | null, action: ReviewAction, scope: ReviewScope): boolean {
  if (!actor) return false;
  switch (action) {
    case 'narrative.write':
      return isCityTeam(actor, scope.cityId);
    case 'results.read':
      return (
        isCityTeam(actor, scope.cityId) ||
        isNetworkStaff(actor) ||
        (scope.countryIso2 !== null && hasRole(actor, 'natcom', scope.countryIso2))
      );
    case 'rubric.write':
    case 'round.read':
    case 'round.create':
    case 'round.update':
    case 'round.close':
    case 'round.add-cycle':
    case 'assignment.create':
    case 'assignment.delete':
    case 'flag.acknowledge':
    case 'round.consolidate':
    case 'conflict.withdraw':
      return isNetworkStaff(actor);
    case 'expert.profile-read':
    case 'expert.profile-write':
      return isNetworkStaff(actor) || isThisExpert(actor, scope);
    case 'assignment.read':
      return isNetworkStaff(actor) || isThisExpert(actor, scope);
    // Only the reviewer rates: not even the secretariat writes a rating in her name.
    case 'conflict.declare':
    case 'rating.write':
    case 'rating.submit':
    case 'rating.revise':
      return isThisExpert(actor, scope);
  }
}
