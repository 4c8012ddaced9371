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
}
