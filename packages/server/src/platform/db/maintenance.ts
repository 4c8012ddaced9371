import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from './client.ts';

/**
 * What PostgreSQL's autovacuum daemon does, for the embedded engine, which has none. Without it no table is
 * ever analysed, so the planner takes a grown table for the empty one it saw last: a survey wave's response
 * lookups chose the wave's index over the primary key and went from 2 to 28 ms as the wave reached 2,000
 * responses (issue #6). Tables changed enough since their last ANALYZE are analysed and tables with enough
 * dead rows vacuumed, at autovacuum's default thresholds; `lco serve` runs this after start and every minute.
 */
const ANALYZE_AFTER = { rows: 50, share: 0.1 };
const VACUUM_AFTER = { rows: 50, share: 0.2 };

/** A table's counters from pg_stat_user_tables. */
export interface TableActivity {
  table: string;
  liveRows: number;
  deadRows: number;
  changedSinceAnalyze: number;
}

export interface Upkeep {
  analyze: string[];
  vacuum: string[];
}

/** The tables due for ANALYZE and for VACUUM, as autovacuum would decide with its default settings. */
export function upkeepDue(tables: readonly TableActivity[]): Upkeep {
  const due = (count: number, live: number, after: { rows: number; share: number }) =>
    count > after.rows + after.share * live;
  return {
    analyze: tables.filter((t) => due(t.changedSinceAnalyze, t.liveRows, ANALYZE_AFTER)).map((t) => t.table),
    vacuum: tables.filter((t) => due(t.deadRows, t.liveRows, VACUUM_AFTER)).map((t) => t.table),
  };
}

/** Analyses and vacuums the tables that are due; answers what it did. */
export async function keepTablesUp(db: Database): Promise<Upkeep> {
  // The engine reports its counters when idle, at most once a second: have the last changes counted first.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const result = await db.execute(sql`
    select relname as table, n_live_tup as live_rows, n_dead_tup as dead_rows,
           n_mod_since_analyze as changed_since_analyze
    from pg_stat_user_tables where schemaname = 'public'`);
  const upkeep = upkeepDue(
    rowsOf<Record<string, string | number>>(result).map((r) => ({
      table: String(r.table),
      liveRows: Number(r.live_rows),
      deadRows: Number(r.dead_rows),
      changedSinceAnalyze: Number(r.changed_since_analyze),
    })),
  );
  // One statement per table (VACUUM cannot run in a transaction), so other queries interleave.
  for (const table of upkeep.vacuum) await db.execute(sql`vacuum (analyze) ${sql.identifier(table)}`);
  for (const table of upkeep.analyze.filter((t) => !upkeep.vacuum.includes(t))) {
    await db.execute(sql`analyze ${sql.identifier(table)}`);
  }
  return upkeep;
}
