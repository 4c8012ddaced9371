import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SETTINGS, type Settings } from '../context.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { type AppOptions, buildApp } from '../http/app.ts';
import { Mailer } from '../mail/mailer.ts';
import { testDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  mailer: Mailer;
  /** This app's own temporary data folder (uploaded files under `files/`), removed on close. */
  dataDir: string;
  /** Move the app's frozen clock forward (expiry of sessions, links, back-offs). */
  advance(milliseconds: number): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  settings?: Partial<Settings>;
  smtpUrl?: string;
  extra?: Partial<AppOptions>;
}

/** The HTTP app on this test file's own seeded database, for `app.inject()`, with a clock tests control. */
export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await testDatabase();
  // A frozen clock: tests decide when time passes, so back-offs and expiries do not depend on how fast
  // the machine runs the test.
  let now = Date.now();
  const mailer = new Mailer(database.db, options.smtpUrl ?? null, 'observatory@example.org');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-test-data-'));
  const app = await buildApp({
    db: database.db,
    notices: database,
    engine: database.engine,
    webDist: null,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    mailer,
    now: () => new Date(now),
    dataDir,
    ...options.extra,
  });
  return {
    app,
    database,
    mailer,
    dataDir,
    advance: (ms) => {
      now += ms;
    },
    close: async () => {
      await app.close();
      await mailer.settled();
      mailer.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
