import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { cycles, observations, targets } from './cycle.tables.ts';

export type TargetRow = typeof targets.$inferSelect;

export class ProgressRepository {
  constructor(private readonly db: Database) {}

  /** Values of accepted cycles only: progress is public, and only accepted data is. */
  async acceptedValues(cityId: string) {
    return this.db
      .select({
        year: observations.year,
        measurementId: observations.measurementId,
        breakdown: observations.breakdown,
        value: observations.value,
      })
      .from(observations)
      .innerJoin(cycles, and(eq(cycles.cityId, observations.cityId), eq(cycles.year, observations.year)))
      .where(and(eq(observations.cityId, cityId), eq(cycles.state, 'accepted')))
      .orderBy(asc(observations.measurementId), asc(observations.breakdown), asc(observations.year));
  }

  /**
   * How many state changes the city's cycles have had. Accepted values change only through one (accept,
   * reopen), and the events are append-only, so the count moves whenever the accepted data may have.
   */
  async targets(cityId: string): Promise<TargetRow[]> {
    return this.db
      .select()
      .from(targets)
      .where(eq(targets.cityId, cityId))
      .orderBy(asc(targets.measurementId), asc(targets.breakdown));
  }

  async upsertTarget(values: typeof targets.$inferInsert): Promise<TargetRow> {
    const { cityId: _c, measurementId: _m, breakdown: _b, ...changes } = values;
    const [row] = await this.db
      .insert(targets)
      .values(values)
      .onConflictDoUpdate({ target: [targets.cityId, targets.measurementId, targets.breakdown], set: changes })
      .returning();
    if (!row) throw new Error('upsert of a target returned nothing');
    return row;
  }

  async findTarget(cityId: string, measurementId: string, breakdown: string): Promise<TargetRow | undefined> {
    const [row] = await this.db
      .select()
      .from(targets)
      .where(
        and(eq(targets.cityId, cityId), eq(targets.measurementId, measurementId), eq(targets.breakdown, breakdown)),
      )
      .limit(1);
    return row;
  }

  async deleteTarget(cityId: string, measurementId: string, breakdown: string): Promise<boolean> {
    const rows = await this.db
      .delete(targets)
      .where(
        and(eq(targets.cityId, cityId), eq(targets.measurementId, measurementId), eq(targets.breakdown, breakdown)),
      )
      .returning({ m: targets.measurementId });
    return rows.length > 0;
  }
}
