import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { evidence } from './evidence.tables.ts';

export type EvidenceRow = typeof evidence.$inferSelect;
export type NewEvidence = typeof evidence.$inferInsert;
export interface EvidenceWithUploader {
  evidence: EvidenceRow;
  uploaderName: string | null;
}

export class EvidenceRepository {
  constructor(private readonly db: Database) {}

  async list(cityId: string, year: number): Promise<EvidenceWithUploader[]> {
    return this.db
      .select({ evidence, uploaderName: users.displayName })
      .from(evidence)
      .leftJoin(users, eq(users.id, evidence.uploadedBy))
      .where(and(eq(evidence.cityId, cityId), eq(evidence.year, year)))
      .orderBy(asc(evidence.uploadedAt), asc(evidence.id));
  }

  async find(cityId: string, year: number, id: string): Promise<EvidenceWithUploader | undefined> {
    const [row] = await this.db
      .select({ evidence, uploaderName: users.displayName })
      .from(evidence)
      .leftJoin(users, eq(users.id, evidence.uploadedBy))
      .where(and(eq(evidence.cityId, cityId), eq(evidence.year, year), eq(evidence.id, id)))
      .limit(1);
    return row;
  }

  async insert(values: NewEvidence): Promise<EvidenceRow> {
    const [row] = await this.db.insert(evidence).values(values).returning();
    if (!row) throw new Error('evidence insert returned no row');
    return row;
  }

  async delete(cityId: string, year: number, id: string): Promise<EvidenceRow | undefined> {
    const [row] = await this.db
      .delete(evidence)
      .where(and(eq(evidence.cityId, cityId), eq(evidence.year, year), eq(evidence.id, id)))
      .returning();
    return row;
  }
}
