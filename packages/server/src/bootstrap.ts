import { type DatabaseHandle, type Opening, type OpenOptions, startOpening } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { applySeed } from './platform/db/seed-state.ts';
import type { ReferenceData } from './reference-data.ts';

export interface SeedOptions {
  /** Write even when the rows equal the last seed (e.g. `lco seed` after a hand edit of the database). */
  force?: boolean;
}

/**
 * Reference data every installation has: the catalogue, the network directory, the fictional Sample
 * City's invented series and survey wave, and the expert-review rubrics shipped with the code. Idempotent; skipped
 * when the rows equal the last seed. Returns whether anything was written.
 */
export async function seed(handle: DatabaseHandle, options: SeedOptions = {}): Promise<boolean> {
  // Imported only when the rows must be derived or written, which a restart on current data skips.
  const module = () => import('./reference-data.ts');
  let derived: Promise<ReferenceData> | undefined;
  const data = () => {
    derived ??= module().then((m) => m.referenceData());
    return derived;
  };
  // One transaction: a half-written directory never survives a crash or a failed constraint.
  return handle.db.transaction((tx) =>
    applySeed(tx, 'reference-data', data, async () => (await module()).writeReferenceData(tx, await data()), options),
  );
}

/** Open the configured database, bring its schema up to date and seed it: what `lco serve` does first. */
export async function openPrepared(options: OpenOptions): Promise<DatabaseHandle> {
  return prepare(await startOpening(options));
}

/** Wait for an opening database, then migrate and seed it; closes it on failure. */
export async function prepare({ handle, ready }: Opening): Promise<DatabaseHandle> {
  try {
    await ready;
    await migrate(handle);
    await seed(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
