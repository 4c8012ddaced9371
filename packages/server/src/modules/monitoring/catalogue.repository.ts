import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { catalogueMeasurements } from './catalogue.tables.ts';

export class CatalogueRepository {
  constructor(private readonly db: Database) {}

  async upsertMeasurements(rows: (typeof catalogueMeasurements.$inferInsert)[]): Promise<void> {
    await this.db
      .insert(catalogueMeasurements)
      .values(rows)
      .onConflictDoUpdate({
        target: [catalogueMeasurements.version, catalogueMeasurements.id],
        set: {
          featureCode: sql`excluded.feature_code`,
          source: sql`excluded.source`,
          unit: sql`excluded.unit`,
          polarity: sql`excluded.polarity`,
        },
      });
  }

  async countMeasurements(version: string): Promise<number> {
    const result = await this.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${catalogueMeasurements} where ${catalogueMeasurements.version} = ${version}`,
    );
    return result.rows[0]?.n ?? 0;
  }
}
