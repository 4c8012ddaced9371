import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import { cities, countries } from '../network/network.tables.ts';
import { cycleEvents, cycles, observations, reviewComments } from './cycle.tables.ts';

export type CycleRow = typeof cycles.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;
export type NewObservation = typeof observations.$inferInsert;

export interface CityRef {
  id: string;
  slug: string;
  name: string;
  countryIso2: string;
}

export class CycleRepository {
  constructor(private readonly db: Database) {}

  async findCity(slug: string): Promise<CityRef | undefined> {
    const [row] = await this.db
      .select({ id: cities.id, slug: cities.slug, name: cities.name, countryIso2: cities.countryIso2 })
      .from(cities)
      .where(eq(cities.slug, slug))
      .limit(1);
    return row;
  }

  async listCycles(cityId: string, states?: string[]): Promise<CycleRow[]> {
    return this.db
      .select()
      .from(cycles)
      .where(and(eq(cycles.cityId, cityId), states ? inArray(cycles.state, states) : undefined))
      .orderBy(desc(cycles.year));
  }

  async findCycle(cityId: string, year: number): Promise<CycleRow | undefined> {
    const [row] = await this.db
      .select()
      .from(cycles)
      .where(and(eq(cycles.cityId, cityId), eq(cycles.year, year)))
      .limit(1);
    return row;
  }

  /** The cycle, locked for the rest of the transaction: two transitions at once cannot both win. */
  async lockCycle(cityId: string, year: number): Promise<CycleRow | undefined> {
    const [row] = await this.db
      .select()
      .from(cycles)
      .where(and(eq(cycles.cityId, cityId), eq(cycles.year, year)))
      .for('update')
      .limit(1);
    return row;
  }

  async insertCycle(values: typeof cycles.$inferInsert): Promise<boolean> {
    const rows = await this.db.insert(cycles).values(values).onConflictDoNothing().returning({ year: cycles.year });
    return rows.length > 0;
  }

  async setState(cityId: string, year: number, state: string, at: Date): Promise<void> {
    await this.db
      .update(cycles)
      .set({ state, updatedAt: at })
      .where(and(eq(cycles.cityId, cityId), eq(cycles.year, year)));
  }

  async insertEvent(values: typeof cycleEvents.$inferInsert): Promise<void> {
    await this.db.insert(cycleEvents).values(values);
  }

  async history(cityId: string, year: number) {
    return this.db
      .select({ event: cycleEvents, actorName: users.displayName })
      .from(cycleEvents)
      .leftJoin(users, eq(users.id, cycleEvents.actorId))
      .where(and(eq(cycleEvents.cityId, cityId), eq(cycleEvents.year, year)))
      .orderBy(asc(cycleEvents.at));
  }

  async observationsOf(cityId: string, years: number[]): Promise<ObservationRow[]> {
    if (years.length === 0) return [];
    return this.db
      .select()
      .from(observations)
      .where(and(eq(observations.cityId, cityId), inArray(observations.year, years)))
      .orderBy(asc(observations.measurementId), asc(observations.breakdown), asc(observations.year));
  }

  async findObservation(cityId: string, year: number, measurementId: string, breakdown: string) {
    const [row] = await this.db
      .select()
      .from(observations)
      .where(
        and(
          eq(observations.cityId, cityId),
          eq(observations.year, year),
          eq(observations.measurementId, measurementId),
          eq(observations.breakdown, breakdown),
        ),
      )
      .limit(1);
    return row;
  }

  async insertObservation(values: NewObservation): Promise<ObservationRow | undefined> {
    const [row] = await this.db.insert(observations).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** Update only if the stored version is the one the editor read; returns undefined on a conflict. */
  async updateObservation(values: NewObservation, expectedVersion: number): Promise<ObservationRow | undefined> {
    const { cityId, year, measurementId, breakdown, ...changes } = values;
    const [row] = await this.db
      .update(observations)
      .set({ ...changes, version: sql`${observations.version} + 1` })
      .where(
        and(
          eq(observations.cityId, cityId),
          eq(observations.year, year),
          eq(observations.measurementId, measurementId),
          eq(observations.breakdown, breakdown),
          eq(observations.version, expectedVersion),
        ),
      )
      .returning();
    return row;
  }

  async deleteObservation(
    cityId: string,
    year: number,
    measurementId: string,
    breakdown: string,
    expectedVersion: number,
  ) {
    const rows = await this.db
      .delete(observations)
      .where(
        and(
          eq(observations.cityId, cityId),
          eq(observations.year, year),
          eq(observations.measurementId, measurementId),
          eq(observations.breakdown, breakdown),
          eq(observations.version, expectedVersion),
        ),
      )
      .returning({ version: observations.version });
    return rows.length > 0;
  }

  async insertComments(values: (typeof reviewComments.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await this.db.insert(reviewComments).values(values);
  }

  async comments(cityId: string, year: number) {
    return this.db
      .select()
      .from(reviewComments)
      .where(and(eq(reviewComments.cityId, cityId), eq(reviewComments.year, year)))
      .orderBy(desc(reviewComments.at));
  }

  /** Submitted cycles across the network, oldest first: the secretariat's queue. */
  async submittedQueue() {
    return this.db
      .select({ cycle: cycles, citySlug: cities.slug, cityName: cities.name, countryNames: countries.names })
      .from(cycles)
      .innerJoin(cities, eq(cities.id, cycles.cityId))
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(eq(cycles.state, 'submitted'))
      .orderBy(asc(cycles.updatedAt));
  }

  /** People holding one of these roles (for a city, or network-wide when scopeId is null), to mail them. */
  async peopleWithRoles(roles: string[], scopeId: string | null) {
    return this.db
      .selectDistinct({ email: users.email, lang: users.preferredLang })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          inArray(roleGrants.role, roles),
          scopeId === null ? isNull(roleGrants.scopeId) : eq(roleGrants.scopeId, scopeId),
          isNull(roleGrants.revokedAt),
          isNull(users.disabledAt),
        ),
      );
  }
}
