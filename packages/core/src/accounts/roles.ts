/**
 * The roles of the platform and what each is scoped to. A person may hold several grants.
 * Pure data, shared by the server (policies) and the web app (navigation).
 */
export const ROLES = ['admin', 'secretariat', 'natcom', 'city-coordinator', 'city-editor', 'expert', 'jury'] as const;
export type Role = (typeof ROLES)[number];

/** What a grant of the role is scoped to: a country, a city, or the whole network. */
export type ScopeKind = 'country' | 'city' | 'network';

export const ROLE_SCOPE: Readonly<Record<Role, ScopeKind>> = {
  admin: 'network',
  secretariat: 'network',
  natcom: 'country',
  'city-coordinator': 'city',
  'city-editor': 'city',
  expert: 'network',
  jury: 'network',
};

/**
 * Is this string a role?
 * @example isRole('natcom') // true
 * @example isRole('root') // false
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
