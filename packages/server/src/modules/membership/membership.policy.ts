import { type Actor, hasRole } from '../../platform/security/actor.ts';

/** The city a membership request is about, with its country (a National Commission acts for its country). */
export interface MembershipScope {
  cityId: string | null;
  countryIso2: string | null;
  /** The application's call asks an expert jury to recommend (the jury reads only such applications). */
  juryCall?: boolean;
}

export type MembershipAction =
  // the secretariat's side
  | 'call.write'
  | 'applicant-city.create'
  | 'application.accept'
  | 'application.not-accept'
  | 'application.count'
  | 'compliance.read'
  | 'compliance.remind'
  | 'member.standing'
  | 'settings.write'
  // the city's side
  | 'application.create'
  | 'application.edit'
  | 'application.sign'
  | 'application.revise'
  | 'application.submit'
  | 'report.submit'
  // the National Commission's side
  | 'application.endorse'
  | 'application.decline'
  // the jury's side
  | 'application.recommend'
  // reads that are not public
  | 'application.read'
  | 'application.list'
  | 'report.read';

const isNetworkStaff = (actor: Actor) => hasRole(actor, 'admin') || hasRole(actor, 'secretariat');
const isCoordinator = (actor: Actor, scope: MembershipScope) =>
  scope.cityId !== null && hasRole(actor, 'city-coordinator', scope.cityId);
const isCityTeam = (actor: Actor, scope: MembershipScope) =>
  isCoordinator(actor, scope) || (scope.cityId !== null && hasRole(actor, 'city-editor', scope.cityId));
const isNationalCommission = (actor: Actor, scope: MembershipScope) =>
  scope.countryIso2 !== null && hasRole(actor, 'natcom', scope.countryIso2);

/**
 * Who may do what in membership. The city coordinator signs and submits (editors help with the form); the
 * National Commission of the city's country endorses or declines; the jury recommends; the secretariat runs calls,
 * decides, and keeps the compliance board. Rules beyond roles (window, quota, deadline, state) are the state
 * machine's (membership.machine.ts). Pinned by membership.policy.test.ts.
 */
export function can(actor: Actor | null, action: MembershipAction, scope: MembershipScope): boolean {
  if (!actor) return false;
  switch (action) {
    case 'call.write':
    case 'applicant-city.create':
    case 'application.accept':
    case 'application.not-accept':
    case 'application.count':
    case 'compliance.read':
    case 'compliance.remind':
    case 'member.standing':
    case 'settings.write':
      return isNetworkStaff(actor);
    case 'application.create':
    case 'application.sign':
    case 'application.revise':
    case 'application.submit':
    case 'report.submit':
      return isCoordinator(actor, scope);
    case 'application.edit':
      return isCityTeam(actor, scope);
    case 'application.endorse':
    case 'application.decline':
      return isNationalCommission(actor, scope);
    case 'application.recommend':
      return hasRole(actor, 'jury') || isNetworkStaff(actor);
    // The form, its history and the signed and stamped form; the jury only where the call asks for it.
    case 'application.read':
      return (
        isCityTeam(actor, scope) ||
        isNationalCommission(actor, scope) ||
        isNetworkStaff(actor) ||
        (scope.juryCall === true && hasRole(actor, 'jury'))
      );
    // A list is filtered to what the actor may read; anyone signed in may ask.
    case 'application.list':
      return true;
    case 'report.read':
      return isCityTeam(actor, scope) || isNationalCommission(actor, scope) || isNetworkStaff(actor);
  }
}

/** Whether the actor holds a National Commission grant for some country (to name the rule when it is another). */
export function isSomeNationalCommission(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'natcom');
}

/** Whether the actor is on the city's team without being its coordinator (to name the rule for an editor). */
export function isCityEditorOnly(actor: Actor, scope: MembershipScope): boolean {
  return scope.cityId !== null && hasRole(actor, 'city-editor', scope.cityId) && !isCoordinator(actor, scope);
}
