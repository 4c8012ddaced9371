import { and, asc, count, eq, like } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { observations } from './cycle.tables.ts';
import { evidence } from './evidence.tables.ts';
import { localMeasurements } from './local-measurement.tables.ts';

export type LocalMeasurementRow = typeof localMeasurements.$inferSelect;
export type NewLocalMeasurement = typeof localMeasurements.$inferInsert;

export class LocalMeasurementRepository {
  constructor(private readonly db: Database) {}

  async list(cityId: string): Promise<LocalMeasurementRow[]> {
    return this.db
      .select()
      .from(localMeasurements)
      .where(eq(localMeasurements.cityId, cityId))
      .orderBy(asc(localMeasurements.id));
  }

  /**
   * One local measurement. `update` locks it for a change or a deletion; `share` holds it while an
   * observation of it is saved, so it cannot be deleted underneath.
   */
  async find(cityId: string, id: string, lock?: 'update' | 'share'): Promise<LocalMeasurementRow | undefined> {
    const query = this.db
      .select()
      .from(localMeasurements)
      .where(and(eq(localMeasurements.cityId, cityId), eq(localMeasurements.id, id)));
    const [row] = await (lock ? query.for(lock) : query).limit(1);
    return row;
  }

  async idsStartingWith(cityId: string, prefix: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: localMeasurements.id })
      .from(localMeasurements)
      .where(and(eq(localMeasurements.cityId, cityId), like(localMeasurements.id, `${prefix}%`)));
    return new Set(rows.map((r) => r.id));
  }

  async insert(values: NewLocalMeasurement): Promise<LocalMeasurementRow | undefined> {
    const [row] = await this.db.insert(localMeasurements).values(values).onConflictDoNothing().returning();
    return row;
  }

  async update(
    cityId: string,
    id: string,
    changes: Partial<Omit<NewLocalMeasurement, 'cityId' | 'id'>>,
  ): Promise<LocalMeasurementRow | undefined> {
    const [row] = await this.db
      .update(localMeasurements)
      .set(changes)
      .where(and(eq(localMeasurements.cityId, cityId), eq(localMeasurements.id, id)))
      .returning();
    return row;
  }

  async delete(cityId: string, id: string): Promise<void> {
    await this.db
      .delete(localMeasurements)
      .where(and(eq(localMeasurements.cityId, cityId), eq(localMeasurements.id, id)));
  }

  /** What refers to a local measurement: its observations' breakdowns (any year) and its evidence. */
  async usage(cityId: string, id: string): Promise<{ breakdowns: string[]; observations: number; evidence: number }> {
    const used = await this.db
      .select({ breakdown: observations.breakdown, n: count() })
      .from(observations)
      .where(and(eq(observations.cityId, cityId), eq(observations.measurementId, id)))
      .groupBy(observations.breakdown);
    const [files] = await this.db
      .select({ n: count() })
      .from(evidence)
      .where(and(eq(evidence.cityId, cityId), eq(evidence.measurementId, id)));
    return {
      breakdowns: used.map((u) => u.breakdown),
      observations: used.reduce((sum, u) => sum + Number(u.n), 0),
      evidence: Number(files?.n ?? 0),
    };
  }
}
