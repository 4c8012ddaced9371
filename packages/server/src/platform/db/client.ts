import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

/** The one database type the repositories see, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Close the engine: an open PGlite keeps Node alive and holds hundreds of MB. */
  close(): Promise<void>;
}

/** Thrown when the database cannot be opened; the CLI prints its message as the one line the user sees. */
export class DatabaseUnavailableError extends Error {}

export interface OpenOptions {
  /** PostgreSQL server; when null the embedded engine is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database; ignored with a server. */
  dataDir: string;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(path.join(options.dataDir, 'pgdata'));
}

async function openEmbedded(folder: string): Promise<DatabaseHandle> {
  ensureWritable(path.dirname(folder));
  let client: PGlite;
  try {
    client = await PGlite.create(folder);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${folder}: ${reason(error)}`);
  }
  return fromPglite(client);
}

/** Wrap an already created PGlite (tests restore one from a dump). */
export function fromPglite(client: PGlite): DatabaseHandle {
  return {
    db: drizzlePglite({ client, schema }),
    engine: 'pglite',
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${redact(url)}: ${reason(error)}`);
  }
  return { db: drizzlePg({ client: pool, schema }), engine: 'postgres', close: () => pool.end() };
}

function ensureWritable(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new DatabaseUnavailableError(
      `data directory ${folder} is not writable (set DATA_DIR to a folder you can write)`,
    );
  }
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Never print a password from a connection string. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid DATABASE_URL)';
  }
}
