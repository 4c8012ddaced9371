import { ROLE_SCOPE, type Role } from '@lco/core';
import { type Actor, hasRole } from '../../platform/security/actor.ts';

/**
 * Who may do what with accounts, roles and the trail. Pure: every handler asks `can` before acting, and
 * the role-by-action matrix in accounts.policy.test.ts pins the answers.
 */
export type AccountAction =
  | { action: 'role.grant'; role: Role; scopeId: string | null }
  | { action: 'role.revoke'; role: Role; scopeId: string | null }
  | { action: 'invitation.create'; role: Role; scopeId: string | null }
  | { action: 'invitation.list' }
  | { action: 'user.list' }
  | { action: 'user.read'; userId: string }
  | { action: 'user.disable'; userId: string }
  | { action: 'audit.read'; scopeId: string | null }
  | { action: 'audit.read-all' }
  | { action: 'outbox.read' };

/** The roles each role may hand out (by invitation or grant). City coordinators only within their city. */
const GRANTABLE: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  admin: ['admin', 'secretariat', 'natcom', 'city-coordinator', 'city-editor', 'expert', 'jury'],
  secretariat: ['natcom', 'city-coordinator', 'city-editor', 'expert', 'jury'],
  'city-coordinator': ['city-editor'],
};

function mayHandOut(actor: Actor, role: Role, scopeId: string | null): boolean {
  return actor.grants.some((grant) => {
    if (!GRANTABLE[grant.role]?.includes(role)) return false;
    // A city coordinator's power ends at her city's boundary.
    if (ROLE_SCOPE[grant.role] === 'city') return grant.scopeId === scopeId;
    return true;
  });
}

const isNetworkStaff = (actor: Actor) => hasRole(actor, 'admin') || hasRole(actor, 'secretariat');

export function can(actor: Actor, request: AccountAction): boolean {
  switch (request.action) {
    case 'role.grant':
    case 'role.revoke':
    case 'invitation.create':
      return mayHandOut(actor, request.role, request.scopeId);
    case 'invitation.list':
    case 'user.list':
      return isNetworkStaff(actor) || hasRole(actor, 'city-coordinator');
    case 'user.read':
      return request.userId === actor.userId || isNetworkStaff(actor) || hasRole(actor, 'city-coordinator');
    case 'user.disable':
      return hasRole(actor, 'admin') && request.userId !== actor.userId;
    case 'audit.read-all':
      return isNetworkStaff(actor);
    case 'audit.read':
      return isNetworkStaff(actor) || (request.scopeId !== null && hasRole(actor, 'city-coordinator', request.scopeId));
    case 'outbox.read':
      return hasRole(actor, 'admin');
  }
}
