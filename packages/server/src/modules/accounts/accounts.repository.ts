import type { Role, Translations } from '@lco/core';
import { and, asc, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { Grant } from '../../platform/security/actor.ts';
import { cities, countries } from '../network/network.tables.ts';
import { invitations, passwordResets, roleGrants, sessions, users } from './accounts.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/** A grant with what a person needs to read it: the city's or country's name. */
export interface GrantRow extends Grant {
  id: string;
  grantedAt: Date;
  city: { slug: string; name: string } | null;
  country: { iso2: string; names: Translations } | null;
}

/** A live session with its person and grants: what every authenticated request needs, read at once. */
export interface LiveSession {
  session: SessionRow;
  user: UserRow;
  grants: GrantRow[];
}

interface GrantJson {
  id: string;
  role: string;
  scopeId: string | null;
  grantedAt: string;
  citySlug: string | null;
  cityName: string | null;
  countryIso2: string | null;
  countryNames: Translations | null;
}

export class AccountsRepository {
  constructor(private readonly db: Database) {}

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email)).limit(1);
    return row;
  }

  async findUserById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  async insertUser(values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await this.db.insert(users).values(values).returning();
    if (!row) throw new Error('insert into users returned nothing');
    return row;
  }

  async updateUser(id: string, changes: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await this.db.update(users).set(changes).where(eq(users.id, id)).returning();
    if (!row) throw new Error(`user ${id} vanished during an update`);
    return row;
  }

  async listUsers(filter: { cityId?: string }): Promise<UserRow[]> {
    const query = this.db.selectDistinct({ user: users }).from(users);
    if (filter.cityId) {
      const rows = await query
        .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), isNull(roleGrants.revokedAt)))
        .where(eq(roleGrants.scopeId, filter.cityId))
        .orderBy(asc(users.email));
      return rows.map((r) => r.user);
    }
    return (await query.orderBy(asc(users.email))).map((r) => r.user);
  }

  async activeGrants(userIds: string[]): Promise<Map<string, GrantRow[]>> {
    const result = new Map<string, GrantRow[]>();
    if (userIds.length === 0) return result;
    const rows = await this.db
      .select({
        id: roleGrants.id,
        userId: roleGrants.userId,
        role: roleGrants.role,
        scopeId: roleGrants.scopeId,
        grantedAt: roleGrants.grantedAt,
        citySlug: cities.slug,
        cityName: cities.name,
        countryIso2: countries.iso2,
        countryNames: countries.names,
      })
      .from(roleGrants)
      .leftJoin(cities, sql`${cities.id}::text = ${roleGrants.scopeId}`)
      .leftJoin(countries, eq(countries.iso2, roleGrants.scopeId))
      .where(and(sql`${roleGrants.userId} = any(${sql.param(userIds)}::uuid[])`, isNull(roleGrants.revokedAt)))
      .orderBy(asc(roleGrants.grantedAt));
    for (const r of rows) {
      const list = result.get(r.userId) ?? [];
      list.push({
        id: r.id,
        role: r.role as Role,
        scopeId: r.scopeId,
        grantedAt: r.grantedAt,
        city: r.citySlug && r.cityName ? { slug: r.citySlug, name: r.cityName } : null,
        country: r.countryIso2 && r.countryNames ? { iso2: r.countryIso2, names: r.countryNames } : null,
      });
      result.set(r.userId, list);
    }
    return result;
  }

  async findActiveGrant(userId: string, role: Role, scopeId: string | null) {
    const [row] = await this.db
      .select()
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, userId),
          eq(roleGrants.role, role),
          scopeId === null ? isNull(roleGrants.scopeId) : eq(roleGrants.scopeId, scopeId),
          isNull(roleGrants.revokedAt),
        ),
      )
      .limit(1);
    return row;
  }

  async findGrant(id: string) {
    const [row] = await this.db.select().from(roleGrants).where(eq(roleGrants.id, id)).limit(1);
    return row;
  }

  async insertGrant(values: typeof roleGrants.$inferInsert) {
    const [row] = await this.db.insert(roleGrants).values(values).returning();
    if (!row) throw new Error('insert into role_grants returned nothing');
    return row;
  }

  async revokeGrant(id: string, by: string, at: Date) {
    const [row] = await this.db
      .update(roleGrants)
      .set({ revokedAt: at, revokedBy: by })
      .where(and(eq(roleGrants.id, id), isNull(roleGrants.revokedAt)))
      .returning();
    return row;
  }

  // Sessions

  async insertSession(values: typeof sessions.$inferInsert): Promise<void> {
    await this.db.insert(sessions).values(values);
  }

  /**
   * The session behind a cookie with its person and grants, in one round trip: this runs on every
   * authenticated request.
   */
  async findLiveSession(id: string, now: Date, idleCutoff: Date): Promise<LiveSession | undefined> {
    const rows = await this.db
      .select({
        session: sessions,
        user: users,
        grants: sql<GrantJson[]>`coalesce((
            select json_agg(json_build_object(
                'id', g.id, 'role', g.role, 'scopeId', g.scope_id, 'grantedAt', g.granted_at,
                'citySlug', c.slug, 'cityName', c.name, 'countryIso2', k.iso2, 'countryNames', k.names)
              order by g.granted_at)
            from ${roleGrants} g
            left join ${cities} c on c.id::text = g.scope_id
            left join ${countries} k on k.iso2 = g.scope_id
            where g.user_id = ${sessions.userId} and g.revoked_at is null), '[]'::json)`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, id),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleCutoff),
          isNull(users.disabledAt),
        ),
      )
      .limit(1);
    const row = rows[0];
    if (!row) return undefined;
    return {
      session: row.session,
      user: row.user,
      grants: row.grants.map((g) => ({
        id: g.id,
        role: g.role as Role,
        scopeId: g.scopeId,
        grantedAt: new Date(g.grantedAt),
        city: g.citySlug && g.cityName ? { slug: g.citySlug, name: g.cityName } : null,
        country: g.countryIso2 && g.countryNames ? { iso2: g.countryIso2, names: g.countryNames } : null,
      })),
    };
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }

  async revokeSession(id: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  /** Revoke every live session of a person, optionally keeping one; returns how many ended. */
  async revokeSessions(userId: string, at: Date, keep?: string): Promise<number> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined))
      .returning({ id: sessions.id });
    return rows.length;
  }

  async listLiveSessions(userId: string, now: Date, idleCutoff: Date): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleCutoff),
        ),
      )
      .orderBy(desc(sessions.lastSeenAt));
  }

  // Invitations

  async insertInvitation(values: typeof invitations.$inferInsert): Promise<InvitationRow> {
    const [row] = await this.db.insert(invitations).values(values).returning();
    if (!row) throw new Error('insert into invitations returned nothing');
    return row;
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await this.db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
    return row;
  }

  /** Marks it accepted only if nobody else did first: the double submit loses the race cleanly. */
  async acceptInvitation(id: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(invitations)
      .set({ acceptedAt: at, acceptedBy: userId })
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    return rows.length > 0;
  }

  async listInvitations(filter: { scopeId?: string }): Promise<InvitationRow[]> {
    return this.db
      .select()
      .from(invitations)
      .where(filter.scopeId ? eq(invitations.scopeId, filter.scopeId) : undefined)
      .orderBy(desc(invitations.createdAt))
      .limit(500);
  }

  // Password resets

  async insertPasswordReset(values: typeof passwordResets.$inferInsert): Promise<void> {
    await this.db.insert(passwordResets).values(values);
  }

  /** Use a reset token once: returns the user id, or undefined when unknown, used or expired. */
  async consumePasswordReset(tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await this.db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
      )
      .returning({ userId: passwordResets.userId });
    return row?.userId;
  }

  /** A new password makes every other outstanding reset link for the person useless. */
  async expirePasswordResets(userId: string, now: Date): Promise<void> {
    await this.db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  }

  // Scopes

  async findCityBySlug(slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
    const [row] = await this.db
      .select({ id: cities.id, slug: cities.slug, name: cities.name })
      .from(cities)
      .where(eq(cities.slug, slug))
      .limit(1);
    return row;
  }

  async findCityName(id: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ name: cities.name })
      .from(cities)
      .where(sql`${cities.id}::text = ${id}`)
      .limit(1);
    return row?.name;
  }

  async countActiveAdmins(): Promise<number> {
    return this.db.$count(roleGrants, and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt)));
  }

  async countryExists(iso2: string): Promise<boolean> {
    return (await this.db.$count(countries, eq(countries.iso2, iso2))) > 0;
  }
}
