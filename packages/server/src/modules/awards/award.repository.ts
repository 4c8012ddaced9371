import type { AwardApplicationsQuery, RegionCode, Translations } from '@lco/core';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import { cityMemberships } from '../membership/membership.tables.ts';
import { cycles, observations } from '../monitoring/cycle.tables.ts';
import { cities, cityAwards, countries } from '../network/network.tables.ts';
import type { Recipient } from './award.machine.ts';
import { awardApplicationEvents, awardApplications, awardCycles, awardScores, awardVotes } from './award.tables.ts';

export type CycleRow = typeof awardCycles.$inferSelect;
export type ApplicationRow = typeof awardApplications.$inferSelect;

/** A city with what eligibility looks at: membership and past awards. */
export interface AwardCity {
  id: string;
  slug: string;
  name: string;
  countryIso2: string;
  regionCode: RegionCode;
  membershipStatus: string;
  memberSince: number | null;
  joinedAt: Date | null;
  awardYears: number[];
}

const cityColumns = {
  id: cities.id,
  slug: cities.slug,
  name: cities.name,
  countryIso2: cities.countryIso2,
  regionCode: sql<RegionCode>`${countries.regionCode}`,
  membershipStatus: cities.membershipStatus,
  memberSince: cities.memberSince,
  joinedAt: cityMemberships.joinedAt,
  awardYears: sql<
    number[]
  >`coalesce((select array_agg(${cityAwards.year} order by ${cityAwards.year}) from ${cityAwards} where ${cityAwards.cityId} = ${cities.id}), '{}')`,
};

/** States an application reaches only through its National Commission's nomination: they use the quota. */
export const NOMINATED_STATES = ['nominated', 'shortlisted', 'not-shortlisted', 'awarded', 'not-awarded'];

export class AwardRepository {
  constructor(private readonly db: Database) {}

  // cities

  private selectCities() {
    return this.db
      .select(cityColumns)
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .leftJoin(cityMemberships, eq(cityMemberships.cityId, cities.id));
  }

  async findCity(slug: string): Promise<AwardCity | undefined> {
    const [row] = await this.selectCities().where(eq(cities.slug, slug)).limit(1);
    return row;
  }

  async findCityById(id: string): Promise<AwardCity | undefined> {
    const [row] = await this.selectCities().where(eq(cities.id, id)).limit(1);
    return row;
  }

  /** The city's accepted monitoring cycles with how many observations each holds. */
  async acceptedCycles(cityId: string): Promise<{ year: number; observations: number }[]> {
    return this.db
      .select({
        year: cycles.year,
        observations: sql<number>`(select count(*)::int from ${observations} where ${observations.cityId} = ${cycles.cityId} and ${observations.year} = ${cycles.year})`,
      })
      .from(cycles)
      .where(and(eq(cycles.cityId, cityId), eq(cycles.state, 'accepted')))
      .orderBy(asc(cycles.year));
  }

  // cycles

  async insertCycle(values: typeof awardCycles.$inferInsert): Promise<CycleRow | undefined> {
    const [row] = await this.db.insert(awardCycles).values(values).onConflictDoNothing().returning();
    return row;
  }

  async findCycle(id: string, options: { lock?: boolean } = {}): Promise<CycleRow | undefined> {
    const query = this.db.select().from(awardCycles).where(eq(awardCycles.id, id)).limit(1);
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  async listCycles(): Promise<CycleRow[]> {
    return this.db.select().from(awardCycles).orderBy(desc(awardCycles.year));
  }

  async updateCycle(id: string, values: Partial<typeof awardCycles.$inferInsert>): Promise<CycleRow | undefined> {
    const [row] = await this.db.update(awardCycles).set(values).where(eq(awardCycles.id, id)).returning();
    return row;
  }

  /** The latest award year on record: the seeded history or a cycle run here. */
  async lastAwardYear(): Promise<number | null> {
    const [seeded] = await this.db.select({ year: sql<number | null>`max(${cityAwards.year})` }).from(cityAwards);
    const [run] = await this.db.select({ year: sql<number | null>`max(${awardCycles.year})` }).from(awardCycles);
    const years = [seeded?.year, run?.year].filter((y): y is number => y !== null && y !== undefined).map(Number);
    return years.length === 0 ? null : Math.max(...years);
  }

  // applications

  async insertApplication(values: typeof awardApplications.$inferInsert): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.insert(awardApplications).values(values).onConflictDoNothing().returning();
    return row;
  }

  async findApplication(id: string, options: { lock?: boolean } = {}): Promise<ApplicationRow | undefined> {
    const query = this.db.select().from(awardApplications).where(eq(awardApplications.id, id)).limit(1);
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  /** Update the application if it is still at the version read; undefined when someone changed it meanwhile. */
  async updateApplication(
    cityId: string,
    id: string,
    version: number,
    values: Partial<typeof awardApplications.$inferInsert>,
  ): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .update(awardApplications)
      .set({ ...values, version: sql`${awardApplications.version} + 1` })
      .where(
        and(eq(awardApplications.cityId, cityId), eq(awardApplications.id, id), eq(awardApplications.version, version)),
      )
      .returning();
    return row;
  }

  /**
   * Applications matching the query, limited to these cities and countries, or to these states, unless `visible`
   * is null (all).
   */
  async listApplications(
    visible: { cityIds: string[]; countryCodes: string[]; states: string[] } | null,
    query: AwardApplicationsQuery,
  ) {
    const conditions: SQL[] = [];
    if (visible) {
      const scopes: SQL[] = [];
      if (visible.cityIds.length > 0) scopes.push(inArray(cities.id, visible.cityIds));
      if (visible.countryCodes.length > 0) scopes.push(inArray(cities.countryIso2, visible.countryCodes));
      if (visible.states.length > 0) scopes.push(inArray(awardApplications.state, visible.states));
      const scope = or(...scopes);
      if (scope) conditions.push(scope);
    }
    if (query.cycle) conditions.push(eq(awardApplications.cycleId, query.cycle));
    if (query.state) conditions.push(eq(awardApplications.state, query.state));
    if (query.country) conditions.push(eq(cities.countryIso2, query.country));
    if (query.city) conditions.push(eq(cities.slug, query.city));
    return this.db
      .select({ application: awardApplications, city: cityColumns })
      .from(awardApplications)
      .innerJoin(cities, eq(cities.id, awardApplications.cityId))
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .leftJoin(cityMemberships, eq(cityMemberships.cityId, cities.id))
      .where(and(...conditions))
      .orderBy(asc(cities.searchText), asc(awardApplications.createdAt));
  }

  /** Cities of the country its National Commission has nominated in the cycle (its quota used). */
  async nominatedInCountry(cycleId: string, countryIso2: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(awardApplications)
      .innerJoin(cities, eq(cities.id, awardApplications.cityId))
      .where(
        and(
          eq(awardApplications.cycleId, cycleId),
          eq(cities.countryIso2, countryIso2),
          inArray(awardApplications.state, NOMINATED_STATES),
        ),
      );
    return row?.n ?? 0;
  }

  /** The awardees selected in a cycle, with their country and region. */
  async awardees(cycleId: string): Promise<{ applicationId: string; countryIso2: string; region: RegionCode }[]> {
    return this.db
      .select({
        applicationId: awardApplications.id,
        countryIso2: cities.countryIso2,
        region: sql<RegionCode>`${countries.regionCode}`,
      })
      .from(awardApplications)
      .innerJoin(cities, eq(cities.id, awardApplications.cityId))
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(and(eq(awardApplications.cycleId, cycleId), eq(awardApplications.state, 'awarded')));
  }

  async countInState(cycleId: string, state: string): Promise<number> {
    return this.db.$count(
      awardApplications,
      and(eq(awardApplications.cycleId, cycleId), eq(awardApplications.state, state)),
    );
  }

  /** Applications of the cycle in a state, locked for a step that changes them together (announcement). */
  async applicationsInState(cycleId: string, state: string): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(awardApplications)
      .where(and(eq(awardApplications.cycleId, cycleId), eq(awardApplications.state, state)))
      .for('update');
  }

  async insertEvent(values: typeof awardApplicationEvents.$inferInsert): Promise<void> {
    await this.db.insert(awardApplicationEvents).values(values);
  }

  async history(cityId: string, applicationId: string) {
    return this.db
      .select({ event: awardApplicationEvents, actorName: users.displayName })
      .from(awardApplicationEvents)
      .leftJoin(users, eq(users.id, awardApplicationEvents.actorId))
      .where(and(eq(awardApplicationEvents.cityId, cityId), eq(awardApplicationEvents.applicationId, applicationId)))
      .orderBy(asc(awardApplicationEvents.at));
  }

  /** Record the award on the city's public profile (the directory's awards, as the seeded history). */
  async recordCityAward(cityId: string, year: number, title: string): Promise<void> {
    await this.db
      .insert(cityAwards)
      .values({ cityId, year, title })
      .onConflictDoUpdate({
        target: [cityAwards.cityId, cityAwards.year],
        set: { title },
      });
  }

  // scores

  async upsertScore(values: typeof awardScores.$inferInsert): Promise<void> {
    await this.db
      .insert(awardScores)
      .values(values)
      .onConflictDoUpdate({
        target: [awardScores.cityId, awardScores.applicationId, awardScores.reviewerId, awardScores.criterion],
        set: { score: values.score, rationale: values.rationale, updatedAt: values.updatedAt },
      });
  }

  async findScore(cityId: string, applicationId: string, reviewerId: string, criterion: string) {
    const [row] = await this.db
      .select()
      .from(awardScores)
      .where(
        and(
          eq(awardScores.cityId, cityId),
          eq(awardScores.applicationId, applicationId),
          eq(awardScores.reviewerId, reviewerId),
          eq(awardScores.criterion, criterion),
        ),
      );
    return row;
  }

  async scoresOf(cityId: string, applicationId: string, reviewerId?: string) {
    return this.db
      .select({ score: awardScores, reviewer: users.displayName })
      .from(awardScores)
      .innerJoin(users, eq(users.id, awardScores.reviewerId))
      .where(
        and(
          eq(awardScores.cityId, cityId),
          eq(awardScores.applicationId, applicationId),
          ...(reviewerId ? [eq(awardScores.reviewerId, reviewerId)] : []),
        ),
      )
      .orderBy(asc(users.displayName), asc(awardScores.criterion));
  }

  /** Every score of the cycle's applications, with the reviewer's name. */
  async scoresOfCycle(cycleId: string) {
    return this.db
      .select({ score: awardScores, reviewer: users.displayName })
      .from(awardScores)
      .innerJoin(users, eq(users.id, awardScores.reviewerId))
      .innerJoin(
        awardApplications,
        and(eq(awardApplications.cityId, awardScores.cityId), eq(awardApplications.id, awardScores.applicationId)),
      )
      .where(eq(awardApplications.cycleId, cycleId))
      .orderBy(asc(users.displayName));
  }

  // votes

  /** Cast a vote; false when this juror already voted on the application (the first vote stands). */
  async insertVote(values: typeof awardVotes.$inferInsert): Promise<boolean> {
    const rows = await this.db.insert(awardVotes).values(values).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async votesOfJuror(cycleId: string, jurorId: string) {
    return this.db
      .select({ applicationId: awardVotes.applicationId, vote: awardVotes.vote })
      .from(awardVotes)
      .where(and(eq(awardVotes.cycleId, cycleId), eq(awardVotes.jurorId, jurorId)));
  }

  /** Votes for and against each application of the cycle. */
  async tally(cycleId: string): Promise<Map<string, { for: number; against: number }>> {
    const rows = await this.db
      .select({
        applicationId: awardVotes.applicationId,
        for: sql<number>`count(*) filter (where ${awardVotes.vote} = 'for')::int`,
        against: sql<number>`count(*) filter (where ${awardVotes.vote} = 'against')::int`,
      })
      .from(awardVotes)
      .where(eq(awardVotes.cycleId, cycleId))
      .groupBy(awardVotes.applicationId);
    return new Map(rows.map((r) => [r.applicationId, { for: r.for, against: r.against }]));
  }

  async jurorsWhoVoted(cycleId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(distinct ${awardVotes.jurorId})::int` })
      .from(awardVotes)
      .where(eq(awardVotes.cycleId, cycleId));
    return row?.n ?? 0;
  }

  // mail

  /** The people a step mails: the next actor by role and scope, with their language. */
  async recipients(recipients: readonly Recipient[], city: { id: string; countryIso2: string } | null) {
    const wanted: SQL[] = [];
    for (const r of recipients) {
      if (r === 'coordinator' && city)
        wanted.push(and(eq(roleGrants.role, 'city-coordinator'), eq(roleGrants.scopeId, city.id)) as SQL);
      if (r === 'city-team' && city) {
        wanted.push(
          and(inArray(roleGrants.role, ['city-coordinator', 'city-editor']), eq(roleGrants.scopeId, city.id)) as SQL,
        );
      }
      if (r === 'natcom' && city)
        wanted.push(and(eq(roleGrants.role, 'natcom'), eq(roleGrants.scopeId, city.countryIso2)) as SQL);
      if (r === 'secretariat') wanted.push(and(eq(roleGrants.role, 'secretariat'), isNull(roleGrants.scopeId)) as SQL);
      if (r === 'reviewers') wanted.push(and(eq(roleGrants.role, 'expert'), isNull(roleGrants.scopeId)) as SQL);
      if (r === 'jury') wanted.push(and(eq(roleGrants.role, 'jury'), isNull(roleGrants.scopeId)) as SQL);
    }
    if (wanted.length === 0) return [];
    return this.db
      .selectDistinct({ email: users.email, lang: users.preferredLang })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(sql`(${sql.join(wanted, sql` or `)})`, isNull(roleGrants.revokedAt), isNull(users.disabledAt)));
  }

  /** The coordinators of every member city and every National Commission: who hears that a cycle is open. */
  async cycleOpenedRecipients() {
    return this.db
      .selectDistinct({ email: users.email, lang: users.preferredLang })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(cities, sql`${cities.id}::text = ${roleGrants.scopeId}`)
      .where(
        and(
          or(
            and(eq(roleGrants.role, 'city-coordinator'), eq(cities.membershipStatus, 'member')),
            eq(roleGrants.role, 'natcom'),
          ),
          isNull(roleGrants.revokedAt),
          isNull(users.disabledAt),
        ),
      );
  }

  // the public record

  /** Every award on record (seeded and announced here), with the city, its country and region. */
  async awardRecord() {
    return this.db
      .select({
        year: cityAwards.year,
        slug: cities.slug,
        name: cities.name,
        countryIso2: cities.countryIso2,
        countryNames: sql<Translations>`${countries.names}`,
        region: sql<RegionCode>`${countries.regionCode}`,
      })
      .from(cityAwards)
      .innerJoin(cities, eq(cities.id, cityAwards.cityId))
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .orderBy(desc(cityAwards.year), asc(cities.searchText));
  }
}
