import { type GrantOut, type Lang, localize, type UserOut } from '@lco/core';
import type { GrantRow, UserRow } from './accounts.repository.ts';

export function presentGrant(grant: GrantRow, lang: Lang): GrantOut {
  const scope = grant.city
    ? { kind: 'city' as const, id: grant.scopeId ?? '', ref: grant.city.slug, name: grant.city.name }
    : grant.country
      ? {
          kind: 'country' as const,
          id: grant.country.iso2,
          ref: grant.country.iso2,
          name: localize(grant.country.names, lang).text,
        }
      : null;
  return { id: grant.id, role: grant.role, scope, grantedAt: grant.grantedAt.toISOString() };
}

export function presentUser(user: UserRow, grants: GrantRow[], lang: Lang): UserOut {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    preferredLang: user.preferredLang as UserOut['preferredLang'],
    hasPassword: user.passwordHash !== null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    grants: grants.map((g) => presentGrant(g, lang)),
  };
}
