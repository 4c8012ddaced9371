import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

/** Fingerprint of the reference data last written, so an unchanged seed costs one read at start. */
export const seedState = pgTable('seed_state', {
  name: text('name').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Run `write` unless `rows` are exactly what was written last time under `name`. The fingerprint is a hash
 * of the rows themselves, so any change in data or in how rows are derived triggers a rewrite.
 * Returns whether it wrote.
 */
export async function applySeed(
  db: Database,
  name: string,
  rows: unknown,
  write: () => Promise<void>,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const fingerprint = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const [current] = await db.select().from(seedState).where(eq(seedState.name, name));
  if (!options.force && current?.fingerprint === fingerprint) return false;
  await write();
  await db
    .insert(seedState)
    .values({ name, fingerprint })
    .onConflictDoUpdate({ target: seedState.name, set: { fingerprint, appliedAt: sql`now()` } });
  return true;
}
