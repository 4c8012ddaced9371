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

/** Set by the server bundle's build (scripts/build.mjs) to a hash of its sources; absent when run from source. */
declare const LCO_SOURCE_HASH: string | undefined;

function sourceHash(): string | null {
  return typeof LCO_SOURCE_HASH === 'string' ? LCO_SOURCE_HASH : null;
}

/**
 * Run `write` unless the rows are exactly what was written last time under `name`. The fingerprint is a hash
 * of the rows themselves, so any change in data or in how rows are derived triggers a rewrite. The rows are
 * a pure function of the code, so a bundle built from the same sources as the last seed skips even deriving
 * them (a good part of a restart, issue #2). Returns whether it wrote.
 */
export async function applySeed(
  db: Database,
  name: string,
  rows: () => unknown | Promise<unknown>,
  write: () => Promise<void>,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const codeName = `${name}@sources`;
  const sources = sourceHash();
  if (!options.force && sources) {
    const [seededBy] = await db.select().from(seedState).where(eq(seedState.name, codeName));
    if (seededBy?.fingerprint === sources) return false;
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(await rows()))
    .digest('hex');
  const [current] = await db.select().from(seedState).where(eq(seedState.name, name));
  const wrote = options.force === true || current?.fingerprint !== fingerprint;
  if (wrote) {
    await write();
    await record(db, name, fingerprint);
  }
  // Which sources the data now matches; unknown when run from source, so the next bundle derives it again.
  if (sources) await record(db, codeName, sources);
  else await db.delete(seedState).where(eq(seedState.name, codeName));
  return wrote;
}

async function record(db: Database, name: string, fingerprint: string): Promise<void> {
  await db
    .insert(seedState)
    .values({ name, fingerprint })
    .onConflictDoUpdate({ target: seedState.name, set: { fingerprint, appliedAt: sql`now()` } });
}
