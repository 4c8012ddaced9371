import { type Actor, hasRole } from '../../platform/security/actor.ts';

/** The city an award request is about, with its country (a National Commission acts for its country). */
export interface AwardScope {
  cityId: string | null;
  countryIso2: string | null;
}

export type AwardAction =
  // the secretariat's side
  | 'cycle.write'
  | 'cycle.transition'
  | 'application.shortlist'
  | 'application.not-shortlist'
  | 'application.select'
  | 'board.read'
  // the city's side
  | 'application.create'
  | 'application.edit'
  | 'application.submit'
  // the National Commission's side
  | 'application.nominate'
  | 'application.decline'
  | 'quota.read'
  // the reviewers' side
  | 'score.write'
  // the jury's side
  | 'vote.cast'
  | 'ballot.read'
  | 'votes.read'
  // reads that are not public (the service narrows them further by state)
  | 'application.read'
  | 'application.list';

const isNetworkStaff = (actor: Actor) => hasRole(actor, 'admin') || hasRole(actor, 'secretariat');
const isCoordinator = (actor: Actor, scope: AwardScope) =>
  scope.cityId !== null && hasRole(actor, 'city-coordinator', scope.cityId);
const isCityTeam = (actor: Actor, scope: AwardScope) =>
  isCoordinator(actor, scope) || (scope.cityId !== null && hasRole(actor, 'city-editor', scope.cityId));
const isNationalCommission = (actor: Actor, scope: AwardScope) =>
  scope.countryIso2 !== null && hasRole(actor, 'natcom', scope.countryIso2);

/**
 * Who may do what in the Award. The city coordinator applies and submits (editors help with the report); the
 * National Commission of the city's country nominates or declines; the secretariat's reviewers (experts) score;
 * the secretariat opens cycles, shortlists, runs the jury and announces; jury members vote. Rules beyond roles
 * (deadlines, eligibility, quotas, state, secrecy) are the state machine's (award.machine.ts). Pinned by
 * award.policy.test.ts.
 */
export function can(actor: Actor | null, action: AwardAction, scope: AwardScope): boolean {
  if (!actor) return false;
  switch (action) {
    case 'cycle.write':
    case 'cycle.transition':
    case 'application.shortlist':
    case 'application.not-shortlist':
    case 'application.select':
    case 'board.read':
      return isNetworkStaff(actor);
    case 'application.create':
    case 'application.submit':
      return isCoordinator(actor, scope);
    case 'application.edit':
      return isCityTeam(actor, scope);
    case 'application.nominate':
    case 'application.decline':
      return isNationalCommission(actor, scope);
    case 'quota.read':
      return isNationalCommission(actor, scope) || isNetworkStaff(actor);
    // Only a reviewer scores: not even the secretariat writes a score in her name.
    case 'score.write':
      return hasRole(actor, 'expert');
    case 'vote.cast':
    case 'ballot.read':
      return hasRole(actor, 'jury');
    case 'votes.read':
      return hasRole(actor, 'jury') || isNetworkStaff(actor);
    case 'application.read':
      return (
        isCityTeam(actor, scope) ||
        isNationalCommission(actor, scope) ||
        isNetworkStaff(actor) ||
        hasRole(actor, 'expert') ||
        hasRole(actor, 'jury')
      );
    // A list is filtered to what the actor may read; anyone signed in may ask.
    case 'application.list':
      return true;
  }
}

/** Whether the actor holds a National Commission grant for some country (to name the rule when it is another). */
export function isSomeNationalCommission(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'natcom');
}

/** Whether the actor is on the city's team without being its coordinator (to name the rule for an editor). */
export function isCityEditorOnly(actor: Actor, scope: AwardScope): boolean {
  return scope.cityId !== null && hasRole(actor, 'city-editor', scope.cityId) && !isCoordinator(actor, scope);
}
