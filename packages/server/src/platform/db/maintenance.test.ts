import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../testing/database.ts';
import type { DatabaseHandle } from './client.ts';
import { keepTablesUp, upkeepDue } from './maintenance.ts';

describe('upkeepDue', () => {
  it('asks for ANALYZE past 50 rows and a tenth changed, VACUUM past 50 rows and a fifth dead', () => {
    const due = upkeepDue([
      { table: 'quiet', liveRows: 1000, deadRows: 200, changedSinceAnalyze: 150 },
      { table: 'changed', liveRows: 1000, deadRows: 0, changedSinceAnalyze: 151 },
      { table: 'dead', liveRows: 1000, deadRows: 251, changedSinceAnalyze: 0 },
      { table: 'new', liveRows: 0, deadRows: 0, changedSinceAnalyze: 51 },
      { table: 'small', liveRows: 10, deadRows: 10, changedSinceAnalyze: 10 },
    ]);
    expect(due).toEqual({ analyze: ['changed', 'new'], vacuum: ['dead'] });
  });
});

describe('keepTablesUp', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await testDatabase();
  });
  afterAll(async () => handle.close());

  // The counters behind it are the engine's own; PostgreSQL reports them a moment late, and has its
  // autovacuum daemon anyway, so this is the embedded engine's test.
  it.runIf(!process.env.TEST_DATABASE_URL)('analyses a table that grew, so the planner sees its rows', async () => {
    const db = handle.db;
    await db.execute(sql`create table upkeep_probe (id int primary key, grp int not null, note text)`);
    await db.execute(sql`create index upkeep_probe_grp on upkeep_probe (grp)`);
    await keepTablesUp(db);
    await db.execute(sql`insert into upkeep_probe select g, 1, 'row ' || g from generate_series(1, 2000) g`);
    const estimate = async () =>
      Number(
        (
          (await db.execute(sql`select reltuples from pg_class where relname = 'upkeep_probe'`)) as unknown as {
            rows: { reltuples: number }[];
          }
        ).rows[0]?.reltuples,
      );
    expect(await estimate()).toBeLessThan(1);
    const done = await keepTablesUp(db);
    expect(done.analyze).toContain('upkeep_probe');
    expect(await estimate()).toBe(2000);
    await db.execute(sql`delete from upkeep_probe where id > 500`);
    expect((await keepTablesUp(db)).vacuum).toContain('upkeep_probe');
    // Nothing left to do until the tables change again.
    expect(await keepTablesUp(db)).toEqual({ analyze: [], vacuum: [] });
  });
});
