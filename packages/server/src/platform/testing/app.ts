import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client.ts';
import { buildApp } from '../http/app.ts';
import { testDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The HTTP app on this test file's own seeded database, for `app.inject()`. */
export async function testApp(): Promise<TestApp> {
  const database = await testDatabase();
  const app = await buildApp({ db: database.db, webDist: null });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
