import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { SERVER_ROOT } from '../paths.ts';
import type { DatabaseHandle } from './client.ts';

/** The committed drizzle-kit migrations: one set for both engines. */
export const MIGRATIONS_FOLDER = path.join(SERVER_ROOT, 'drizzle');

export async function migrate(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // The two drivers' migrators differ only in the session type they accept.
  if (handle.engine === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase, config);
  else {
    // Loaded only for PostgreSQL: it brings the `pg` driver, which the embedded engine's start can skip.
    const { migrate: migratePg } = await import('drizzle-orm/node-postgres/migrator');
    await migratePg(handle.db as unknown as NodePgDatabase, config);
  }
}
