import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import * as schema from './schema.ts';

/** The one database type the repositories see, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle extends Notices {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Close the engine: an open PGlite keeps Node alive and holds hundreds of MB. */
  close(): Promise<void>;
}

/** PostgreSQL's LISTEN/NOTIFY: notices sent with pg_notify reach every listener once their transaction commits. */
export interface Notices {
  /**
   * Call `onNotice` with each payload sent on `channel` (a fixed lower-case identifier from the code, never
   * user input). `onLost` is called if the listening connection fails: notices may have been missed since.
   * Resolves once listening, to a function that stops.
   */
  listen(channel: string, onNotice: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>>;
  /**
   * Deliver a notice to this process's listeners at once, as its writers do after their commit: over
   * PostgreSQL the database's own notice arrives moments later, and the next request must not come first.
   */
  echo(channel: string, payload: string): void;
}

/** This process's listeners by channel, for `echo`. */
function localListeners() {
  const byChannel = new Map<string, Set<(payload: string) => void>>();
  return {
    add(channel: string, onNotice: (payload: string) => void): () => void {
      const set = byChannel.get(channel) ?? new Set();
      set.add(onNotice);
      byChannel.set(channel, set);
      return () => set.delete(onNotice);
    },
    echo(channel: string, payload: string): void {
      for (const onNotice of byChannel.get(channel) ?? []) onNotice(payload);
    },
  };
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
  const { handle, ready } = await startOpening(options);
  await ready;
  return handle;
}

/** A handle usable at once, and the promise that the engine opened (rejects with DatabaseUnavailableError). */
export interface Opening {
  handle: DatabaseHandle;
  ready: Promise<void>;
}

/**
 * Start opening the database without waiting for the embedded engine. Queries made meanwhile wait for it, so a
 * caller can build what does not query (the HTTP app) while PGlite starts: that overlap is a good part of
 * `lco serve`'s start (issue #2: ready within 2 s). PostgreSQL answers in milliseconds and is awaited here.
 */
export async function startOpening(options: OpenOptions): Promise<Opening> {
  if (options.databaseUrl) return { handle: await openPostgres(options.databaseUrl), ready: Promise.resolve() };
  const folder = path.join(options.dataDir, 'pgdata');
  ensureWritable(path.dirname(folder));
  const client = new PGlite(folder);
  const ready = client.waitReady.catch((error: unknown) => {
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${folder}: ${reason(error)}`);
  });
  // Also handled here, so a failure before the caller awaits `ready` is not an unhandled rejection.
  ready.catch(() => undefined);
  return { handle: fromPglite(client), ready };
}

/** Wrap an already created PGlite (tests restore one from a dump). */
export function fromPglite(client: PGlite): DatabaseHandle {
  const local = localListeners();
  return {
    db: drizzlePglite({ client, schema }),
    engine: 'pglite',
    // In-process: the engine cannot lose the connection.
    listen: async (channel, onNotice) => {
      const stop = await client.listen(channel, onNotice);
      const unregister = local.add(channel, onNotice);
      return async () => {
        unregister();
        await stop();
      };
    },
    echo: local.echo,
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  // Loaded here, not at the top: the embedded engine's start (issue #2: ready within 2 s) skips the driver.
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${redact(url)}: ${reason(error)}`);
  }
  // Listening holds a connection for good, so listeners get their own rather than starving the pool.
  const listeners = new Set<InstanceType<typeof pg.Client>>();
  let closed = false;
  const local = localListeners();
  return {
    db: drizzlePg({ client: pool, schema }),
    engine: 'postgres',
    listen: async (channel, onNotice, onLost) => {
      if (closed) throw new Error('the database is closed');
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      client.on('error', () => {
        listeners.delete(client);
        onLost();
      });
      client.on('notification', (notice) => {
        if (notice.channel === channel) onNotice(notice.payload ?? '');
      });
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (closed) {
        // The handle closed while this connected: not left open (a database with a connection cannot be dropped).
        await client.end().catch(() => undefined);
        throw new Error('the database was closed');
      }
      listeners.add(client);
      const unregister = local.add(channel, onNotice);
      return async () => {
        unregister();
        if (listeners.delete(client)) await client.end().catch(() => undefined);
      };
    },
    echo: local.echo,
    close: async () => {
      closed = true;
      await Promise.all([...listeners].map((client) => client.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
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

/** The rows of a raw statement (`db.execute`): both engines, node-postgres and PGlite, answer with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
