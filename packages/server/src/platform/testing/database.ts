import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type DatabaseHandle, fromPglite, openDatabase } from '../db/client.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated and seeded database for one test file: PGlite restored from the run's dump, or, when
 * TEST_DATABASE_URL points at a PostgreSQL server, a new database cloned from the run's template.
 * Close it in afterAll; closing a PostgreSQL copy also drops it.
 */
export async function testDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `lco_test_${randomUUID().replaceAll('-', '')}`;
    await adminQuery(serverUrl, `create database ${name} template ${inject('postgresTemplate')}`);
    const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: '' });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await adminQuery(serverUrl, `drop database if exists ${name}`);
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteDump'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return fromPglite(client);
}
