import type { Role } from '@lco/core';

/** One active grant: a role and, for scoped roles, the country code or city id it applies to. */
export interface Grant {
  role: Role;
  scopeId: string | null;
}

/** Who is making a request: a signed-in person with their active grants. Anonymous requests have none. */
export interface Actor {
  userId: string;
  email: string;
  sessionId: string;
  grants: readonly Grant[];
}

export function hasRole(actor: Actor, role: Role, scopeId?: string | null): boolean {
  return actor.grants.some((g) => g.role === role && (scopeId === undefined || g.scopeId === scopeId));
}
