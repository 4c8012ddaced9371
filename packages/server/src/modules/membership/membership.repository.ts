import type { ApplicationsQuery, RegionCode, Translations } from '@lco/core';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import { cycles } from '../monitoring/cycle.tables.ts';
import { cities, countries } from '../network/network.tables.ts';
import type { Recipient } from './membership.machine.ts';
import {
  cityMemberships,
  membershipApplicationEvents,
  membershipApplications,
  membershipCalls,
  membershipReportReminders,
  membershipReports,
  membershipSettings,
  membershipStandingEvents,
} from './membership.tables.ts';

export type CallRow = typeof membershipCalls.$inferSelect;
export type ApplicationRow = typeof membershipApplications.$inferSelect;
export type ReportRow = typeof membershipReports.$inferSelect;
export type SettingsRow = typeof membershipSettings.$inferSelect;

export interface MemberCity {
  id: string;
  slug: string;
  name: string;
  countryIso2: string;
  regionCode: RegionCode;
  membershipStatus: string;
  memberSince: number | null;
}

const cityColumns = {
  id: cities.id,
  slug: cities.slug,
  name: cities.name,
  countryIso2: cities.countryIso2,
  regionCode: sql<RegionCode>`${countries.regionCode}`,
  membershipStatus: cities.membershipStatus,
  memberSince: cities.memberSince,
};

/** States an application reaches only through its National Commission's endorsement: they use the quota. */
export const ENDORSED_STATES = ['endorsed', 'recommended', 'accepted', 'not-accepted'];

export class MembershipRepository {
  constructor(private readonly db: Database) {}

  // cities

  async findCity(slug: string): Promise<MemberCity | undefined> {
    const [row] = await this.db
      .select(cityColumns)
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(eq(cities.slug, slug))
      .limit(1);
    return row;
  }

  async findCityById(id: string): Promise<MemberCity | undefined> {
    const [row] = await this.db
      .select(cityColumns)
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(eq(cities.id, id))
      .limit(1);
    return row;
  }

  async countryNames(iso2: string): Promise<Translations | undefined> {
    const [row] = await this.db.select({ names: countries.names }).from(countries).where(eq(countries.iso2, iso2));
    return row?.names;
  }

  async insertCity(values: typeof cities.$inferInsert) {
    const [row] = await this.db.insert(cities).values(values).onConflictDoNothing().returning();
    return row;
  }

  async makeMember(cityId: string, year: number, facts: { population: number | null; populationYear: number | null }) {
    await this.db
      .update(cities)
      .set({
        membershipStatus: 'member',
        memberSince: year,
        ...(facts.population === null ? {} : { population: facts.population, populationYear: facts.populationYear }),
      })
      .where(eq(cities.id, cityId));
  }

  // calls

  async insertCall(values: typeof membershipCalls.$inferInsert): Promise<CallRow> {
    const [row] = await this.db.insert(membershipCalls).values(values).returning();
    if (!row) throw new Error('call not inserted');
    return row;
  }

  async updateCall(id: string, values: Partial<typeof membershipCalls.$inferInsert>): Promise<CallRow | undefined> {
    const [row] = await this.db.update(membershipCalls).set(values).where(eq(membershipCalls.id, id)).returning();
    return row;
  }

  async findCall(id: string, options: { lock?: boolean } = {}): Promise<CallRow | undefined> {
    const query = this.db.select().from(membershipCalls).where(eq(membershipCalls.id, id)).limit(1);
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  async listCalls(): Promise<CallRow[]> {
    return this.db.select().from(membershipCalls).orderBy(desc(membershipCalls.opensAt));
  }

  // applications

  async insertApplication(values: typeof membershipApplications.$inferInsert): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.insert(membershipApplications).values(values).onConflictDoNothing().returning();
    return row;
  }

  async findApplication(id: string, options: { lock?: boolean } = {}): Promise<ApplicationRow | undefined> {
    const query = this.db.select().from(membershipApplications).where(eq(membershipApplications.id, id)).limit(1);
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  /** Applications matching the query, limited to these cities and countries unless `visible` is null (all). */
  async listApplications(visible: { cityIds: string[]; countryCodes: string[] } | null, query: ApplicationsQuery) {
    const conditions: SQL[] = [];
    if (visible) {
      const scopes: SQL[] = [];
      if (visible.cityIds.length > 0) scopes.push(inArray(cities.id, visible.cityIds));
      if (visible.countryCodes.length > 0) scopes.push(inArray(cities.countryIso2, visible.countryCodes));
      const scope = or(...scopes);
      if (scope) conditions.push(scope);
    }
    if (query.call) conditions.push(eq(membershipApplications.callId, query.call));
    if (query.state) conditions.push(eq(membershipApplications.state, query.state));
    if (query.region) conditions.push(eq(countries.regionCode, query.region));
    if (query.country) conditions.push(eq(cities.countryIso2, query.country));
    if (query.city) conditions.push(eq(cities.slug, query.city));
    return this.db
      .select({ application: membershipApplications, city: cityColumns })
      .from(membershipApplications)
      .innerJoin(cities, eq(cities.id, membershipApplications.cityId))
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(and(...conditions))
      .orderBy(asc(membershipApplications.createdAt));
  }

  /** Applications counted by UNESCO region and state, of one call or of all. */
  async countApplications(callId: string | undefined) {
    return this.db
      .select({
        region: sql<RegionCode>`${countries.regionCode}`,
        state: membershipApplications.state,
        n: sql<number>`count(*)::int`,
      })
      .from(membershipApplications)
      .innerJoin(cities, eq(cities.id, membershipApplications.cityId))
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(callId ? eq(membershipApplications.callId, callId) : undefined)
      .groupBy(countries.regionCode, membershipApplications.state)
      .orderBy(asc(countries.regionCode));
  }

  /** Update the application if it is still at the version read; undefined when someone changed it meanwhile. */
  async updateApplication(
    cityId: string,
    id: string,
    version: number,
    values: Partial<typeof membershipApplications.$inferInsert>,
  ): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .update(membershipApplications)
      .set({ ...values, version: sql`${membershipApplications.version} + 1` })
      .where(
        and(
          eq(membershipApplications.cityId, cityId),
          eq(membershipApplications.id, id),
          eq(membershipApplications.version, version),
        ),
      )
      .returning();
    return row;
  }

  /** Applications of the country the National Commission has endorsed in the call (its quota used). */
  async endorsedInCountry(callId: string, countryIso2: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipApplications)
      .innerJoin(cities, eq(cities.id, membershipApplications.cityId))
      .where(
        and(
          eq(membershipApplications.callId, callId),
          eq(cities.countryIso2, countryIso2),
          inArray(membershipApplications.state, ENDORSED_STATES),
        ),
      );
    return row?.n ?? 0;
  }

  async insertEvent(values: typeof membershipApplicationEvents.$inferInsert): Promise<void> {
    await this.db.insert(membershipApplicationEvents).values(values);
  }

  async history(cityId: string, applicationId: string) {
    return this.db
      .select({ event: membershipApplicationEvents, actorName: users.displayName })
      .from(membershipApplicationEvents)
      .leftJoin(users, eq(users.id, membershipApplicationEvents.actorId))
      .where(
        and(
          eq(membershipApplicationEvents.cityId, cityId),
          eq(membershipApplicationEvents.applicationId, applicationId),
        ),
      )
      .orderBy(asc(membershipApplicationEvents.at));
  }

  async displayName(userId: string): Promise<string | null> {
    const [row] = await this.db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
    return row?.name ?? null;
  }

  /** Submissions whose National Commission is to be reminded now; claimed in the same statement (idempotent). */
  async claimEndorsementReminders(now: Date): Promise<ApplicationRow[]> {
    return this.db
      .update(membershipApplications)
      .set({ remindedAt: now })
      .where(
        and(
          eq(membershipApplications.state, 'submitted'),
          isNull(membershipApplications.remindedAt),
          sql`${membershipApplications.endorsementDeadline} >= ${now}`,
          sql`${membershipApplications.endorsementDeadline} - make_interval(days => (select ${membershipCalls.reminderDaysBefore} from ${membershipCalls} where ${membershipCalls.id} = ${membershipApplications.callId})) <= ${now}`,
        ),
      )
      .returning();
  }

  /** Submissions past their deadline in calls whose rules make them expire. */
  async expiredSubmissions(now: Date): Promise<ApplicationRow[]> {
    return this.db
      .select({ application: membershipApplications })
      .from(membershipApplications)
      .innerJoin(membershipCalls, eq(membershipCalls.id, membershipApplications.callId))
      .where(
        and(
          eq(membershipApplications.state, 'submitted'),
          eq(membershipCalls.expireAfterDeadline, true),
          sql`${membershipApplications.endorsementDeadline} < ${now}`,
        ),
      )
      .then((rows) => rows.map((r) => r.application));
  }

  /** The people a step mails: the next actor by role and scope, with their language. */
  async recipients(recipients: readonly Recipient[], city: { id: string; countryIso2: string }) {
    const wanted: SQL[] = [];
    for (const r of recipients) {
      if (r === 'coordinator')
        wanted.push(and(eq(roleGrants.role, 'city-coordinator'), eq(roleGrants.scopeId, city.id)) as SQL);
      if (r === 'city-team') {
        wanted.push(
          and(inArray(roleGrants.role, ['city-coordinator', 'city-editor']), eq(roleGrants.scopeId, city.id)) as SQL,
        );
      }
      if (r === 'natcom')
        wanted.push(and(eq(roleGrants.role, 'natcom'), eq(roleGrants.scopeId, city.countryIso2)) as SQL);
      if (r === 'secretariat') wanted.push(and(eq(roleGrants.role, 'secretariat'), isNull(roleGrants.scopeId)) as SQL);
      if (r === 'jury') wanted.push(and(eq(roleGrants.role, 'jury'), isNull(roleGrants.scopeId)) as SQL);
    }
    if (wanted.length === 0) return [];
    return this.db
      .selectDistinct({ email: users.email, lang: users.preferredLang })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(sql`(${sql.join(wanted, sql` or `)})`, isNull(roleGrants.revokedAt), isNull(users.disabledAt)));
  }

  // memberships, reports and standing

  async upsertMembership(values: typeof cityMemberships.$inferInsert): Promise<void> {
    await this.db
      .insert(cityMemberships)
      .values(values)
      .onConflictDoUpdate({
        target: cityMemberships.cityId,
        set: {
          joinedAt: values.joinedAt,
          applicationId: values.applicationId,
          standing: values.standing,
          facts: values.facts,
          updatedAt: values.updatedAt,
        },
      });
  }

  async membership(cityId: string) {
    const [row] = await this.db.select().from(cityMemberships).where(eq(cityMemberships.cityId, cityId));
    return row;
  }

  async setStanding(cityId: string, standing: 'active' | 'inactive', at: Date): Promise<void> {
    await this.db
      .insert(cityMemberships)
      .values({ cityId, standing, standingChangedAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: cityMemberships.cityId,
        set: { standing, standingChangedAt: at, updatedAt: at },
      });
  }

  async insertStandingEvent(values: typeof membershipStandingEvents.$inferInsert): Promise<void> {
    await this.db.insert(membershipStandingEvents).values(values);
  }

  async isCycleAccepted(cityId: string, year: number): Promise<boolean> {
    return (
      (await this.db.$count(
        cycles,
        and(eq(cycles.cityId, cityId), eq(cycles.year, year), eq(cycles.state, 'accepted')),
      )) > 0
    );
  }

  async insertReport(values: typeof membershipReports.$inferInsert): Promise<ReportRow> {
    const [row] = await this.db.insert(membershipReports).values(values).returning();
    if (!row) throw new Error('report not inserted');
    return row;
  }

  async reports(cityId: string) {
    return this.db
      .select({ report: membershipReports, by: users.displayName })
      .from(membershipReports)
      .leftJoin(users, eq(users.id, membershipReports.submittedBy))
      .where(eq(membershipReports.cityId, cityId))
      .orderBy(desc(membershipReports.submittedAt));
  }

  /** Every member city with what its compliance is computed from. */
  async members() {
    return this.db
      .select({
        ...cityColumns,
        joinedAt: cityMemberships.joinedAt,
        standing: sql<string>`coalesce(${cityMemberships.standing}, 'active')`,
        lastReportAt: sql<Date | null>`(select max(${membershipReports.submittedAt}) from ${membershipReports} where ${membershipReports.cityId} = ${cities.id})`,
      })
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .leftJoin(cityMemberships, eq(cityMemberships.cityId, cities.id))
      .where(eq(cities.membershipStatus, 'member'))
      .orderBy(asc(cities.searchText), asc(cities.slug));
  }

  async lastReportAt(cityId: string): Promise<Date | null> {
    const [row] = await this.db
      .select({ at: sql<string | null>`max(${membershipReports.submittedAt})` })
      .from(membershipReports)
      .where(eq(membershipReports.cityId, cityId));
    return row?.at ? new Date(row.at) : null;
  }

  /** Claim the reminder of a due report: true the first time for this member and due date. */
  async claimReportReminder(cityId: string, dueOn: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .insert(membershipReportReminders)
      .values({ cityId, dueOn, sentAt: now })
      .onConflictDoNothing()
      .returning();
    return rows.length > 0;
  }

  // settings

  async settings(): Promise<SettingsRow> {
    const [row] = await this.db.select().from(membershipSettings).where(eq(membershipSettings.id, 1));
    if (row) return row;
    await this.db.insert(membershipSettings).values({ id: 1 }).onConflictDoNothing();
    const [created] = await this.db.select().from(membershipSettings).where(eq(membershipSettings.id, 1));
    if (!created) throw new Error('membership settings missing');
    return created;
  }

  async updateSettings(values: Partial<typeof membershipSettings.$inferInsert>): Promise<SettingsRow> {
    await this.settings();
    const [row] = await this.db.update(membershipSettings).set(values).where(eq(membershipSettings.id, 1)).returning();
    if (!row) throw new Error('membership settings missing');
    return row;
  }

  // statistics

  async memberStats() {
    const byRegion = await this.db
      .select({ region: sql<RegionCode>`${countries.regionCode}`, members: sql<number>`count(*)::int` })
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(eq(cities.membershipStatus, 'member'))
      .groupBy(countries.regionCode)
      .orderBy(asc(countries.regionCode));
    const byYear = await this.db
      .select({ year: cities.memberSince, members: sql<number>`count(*)::int` })
      .from(cities)
      .where(eq(cities.membershipStatus, 'member'))
      .groupBy(cities.memberSince)
      .orderBy(sql`${cities.memberSince} asc nulls last`);
    return { byRegion, byYear };
  }
}
