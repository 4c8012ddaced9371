import { asc, getTableName, inArray, sql } from 'drizzle-orm';
import { type BulkColumn, type BulkConstant, bulkLoad } from '../../platform/db/bulk-load.ts';
import { type Database, rowsOf } from '../../platform/db/client.ts';
import { cities } from '../network/network.tables.ts';
import type { CityRef } from './cycle.repository.ts';
import { cycleEvents, cycles, observations } from './cycle.tables.ts';

/** A city's cycle for one year. */
export interface CycleKey {
  cityId: string;
  year: number;
}

/** A row to write: a checked row of the file, with its city's id and its measurement's unit. */
export interface ImportedRow {
  cityId: string;
  year: number;
  measurementId: string;
  breakdown: string;
  /** Exact decimal as text. */
  value: string;
  unit: string;
  sourceDetail: string;
  note: string | null;
  electionYear: number | null;
}

/** What an upsert wrote in one cycle. */
export interface WrittenPerCycle extends CycleKey {
  inserted: number;
  updated: number;
}

/** The columns an imported row fills, in the staging table as in observations. */
const IMPORTED: readonly BulkColumn<ImportedRow>[] = [
  { name: 'city_id', type: 'uuid', of: (r) => r.cityId },
  { name: 'year', type: 'int', of: (r) => r.year },
  { name: 'measurement_id', type: 'text', of: (r) => r.measurementId },
  { name: 'breakdown', type: 'text', of: (r) => r.breakdown },
  { name: 'value', type: 'numeric', of: (r) => r.value },
  { name: 'unit', type: 'text', of: (r) => r.unit },
  { name: 'source_detail', type: 'text', of: (r) => r.sourceDetail },
  { name: 'note', type: 'text', of: (r) => r.note },
  { name: 'election_year', type: 'int', of: (r) => r.electionYear },
];

/** The rows of cycles that hold nothing yet are written straight into observations, as a first version. */
function firstVersion(at: Date, actorId: string | null): BulkConstant[] {
  return [
    { name: 'provenance', type: 'text', value: 'import' },
    { name: 'warnings_confirmed', type: 'boolean', value: false },
    { name: 'version', type: 'int', value: 1 },
    { name: 'updated_at', type: 'timestamptz', value: at.toISOString() },
    { name: 'updated_by', type: 'uuid', value: actorId },
  ];
}

/** The staging table of the rows of cycles that hold values already; dropped when the transaction ends. */
const STAGING = 'observation_import_rows';

/** The set-based statements of observation imports (DESIGN §5: `insert … select from unnest(…)`). */
export class ObservationImportRepository {
  constructor(private readonly db: Database) {}

  async citiesBySlug(slugs: string[]): Promise<CityRef[]> {
    if (slugs.length === 0) return [];
    return this.db
      .select({ id: cities.id, slug: cities.slug, name: cities.name, countryIso2: cities.countryIso2 })
      .from(cities)
      .where(inArray(cities.slug, slugs))
      .orderBy(asc(cities.slug));
  }

  /** Open a draft for each cycle that does not exist yet, with its first history event; returns the opened ones. */
  async openDrafts(keys: CycleKey[], at: Date, actorId: string | null, comment: string): Promise<CycleKey[]> {
    if (keys.length === 0) return [];
    const result = await this.db.execute(sql`
      with opened as (
        insert into ${cycles} (city_id, year, state, created_at, created_by, updated_at)
        select k.city_id, k.year, 'draft', ${at}::timestamptz, ${actorId}::uuid, ${at}::timestamptz
        from unnest(${sql.param(keys.map((k) => k.cityId))}::uuid[], ${sql.param(keys.map((k) => k.year))}::int[])
          as k(city_id, year)
        on conflict do nothing
        returning city_id, year)
      insert into ${cycleEvents} (city_id, year, at, actor_id, from_state, to_state, comment)
      select city_id, year, ${at}::timestamptz, ${actorId}::uuid, null, 'draft', ${comment} from opened
      returning city_id, year`);
    return rowsOf<{ city_id: string; year: number }>(result).map((r) => ({ cityId: r.city_id, year: Number(r.year) }));
  }

  /** The cycles, locked until the transaction ends (in one order, so two imports cannot deadlock). */
  async lockCycles(keys: CycleKey[]): Promise<(CycleKey & { state: string })[]> {
    if (keys.length === 0) return [];
    const result = await this.db.execute(sql`
      select c.city_id, c.year, c.state
      from ${cycles} c
      join unnest(${sql.param(keys.map((k) => k.cityId))}::uuid[], ${sql.param(keys.map((k) => k.year))}::int[])
        as k(city_id, year) on c.city_id = k.city_id and c.year = k.year
      order by c.city_id, c.year
      for update of c`);
    return rowsOf<{ city_id: string; year: number; state: string }>(result).map((r) => ({
      cityId: r.city_id,
      year: Number(r.year),
      state: r.state,
    }));
  }

  /** Stored values of these series (city, year, measurement): the neighbours the imported rows are checked against. */
  async storedValues(series: (CycleKey & { measurementId: string })[]) {
    if (series.length === 0) return [];
    const result = await this.db.execute(sql`
      select o.city_id, o.year, o.measurement_id, o.breakdown, o.value
      from ${observations} o
      join unnest(${sql.param(series.map((k) => k.cityId))}::uuid[], ${sql.param(series.map((k) => k.year))}::int[],
                  ${sql.param(series.map((k) => k.measurementId))}::text[]) as k(city_id, year, measurement_id)
        on o.city_id = k.city_id and o.year = k.year and o.measurement_id = k.measurement_id`);
    type Row = { city_id: string; year: number; measurement_id: string; breakdown: string; value: string };
    return rowsOf<Row>(result).map((r) => ({
      cityId: r.city_id,
      year: Number(r.year),
      measurementId: r.measurement_id,
      breakdown: r.breakdown,
      value: Number(r.value),
    }));
  }

  /**
   * Insert new values and update the ones that differ (the version goes up, warnings need confirming again);
   * equal values are not touched. The rows come grouped by cycle, each cycle once (the caller has grouped them
   * already). Returns, per cycle, how many rows were inserted and how many updated.
   * Call it with the cycles locked (`lockCycles`): nothing else writes their values until the commit.
   */
  async upsert(
    cycles: readonly { key: CycleKey; rows: readonly ImportedRow[] }[],
    at: Date,
    actorId: string | null,
  ): Promise<WrittenPerCycle[]> {
    const empty = await this.emptyCycles(cycles.map((c) => c.key));
    // A cycle without values (a year opened by this import, typically a back-fill) has nothing to compare
    // with: its rows go in at once, without a staging table or a join.
    const fresh: ImportedRow[] = [];
    const others: ImportedRow[] = [];
    const written: WrittenPerCycle[] = [];
    for (const cycle of cycles) {
      const into = empty.has(keyOf(cycle.key)) ? fresh : others;
      for (const r of cycle.rows) into.push(r);
      if (into === fresh) written.push({ ...cycle.key, inserted: cycle.rows.length, updated: 0 });
    }
    await bulkLoad(this.db, getTableName(observations), IMPORTED, fresh, firstVersion(at, actorId));
    return [...written, ...(await this.merge(others, at, actorId))];
  }

  /** The cycles (`cityId|year`) of these that hold no observation yet. */
  private async emptyCycles(keys: CycleKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const result = await this.db.execute(sql`
      select k.city_id, k.year
      from unnest(${sql.param(keys.map((k) => k.cityId))}::uuid[], ${sql.param(keys.map((k) => k.year))}::int[])
        as k(city_id, year)
      where not exists (select from ${observations} o where o.city_id = k.city_id and o.year = k.year)`);
    return new Set(
      rowsOf<{ city_id: string; year: number }>(result).map((r) => keyOf({ cityId: r.city_id, year: Number(r.year) })),
    );
  }

  /**
   * Rows of cycles that hold values: staged in a temporary table, then one statement updates the values that
   * differ and one inserts the new ones. Loading a table and joining it is several times faster than one
   * `insert … on conflict do update` fed by array parameters (issue #4).
   */
  private async merge(rows: readonly ImportedRow[], at: Date, actorId: string | null): Promise<WrittenPerCycle[]> {
    if (rows.length === 0) return [];
    const staging = sql.identifier(STAGING);
    // Room to sort and hash a large file's rows in memory (the default 4 MB spills them to disk).
    await this.db.execute(sql`set local work_mem = '64MB'`);
    await this.db.execute(sql`
      create temporary table ${staging} (
        city_id uuid not null, year int not null, measurement_id text not null, breakdown text not null,
        value numeric not null, unit text not null, source_detail text not null, note text, election_year int
      ) on commit drop`);
    await bulkLoad(this.db, STAGING, IMPORTED, rows);
    // Counted in the database: a hundred thousand returned rows would cost more than the counting.
    const updated = await this.db.execute(sql`
      with changed as (
        update ${observations} o
        set value = s.value, unit = s.unit, source_detail = s.source_detail, note = s.note,
            election_year = s.election_year, provenance = 'import', warnings_confirmed = false,
            version = o.version + 1, updated_at = ${at}::timestamptz, updated_by = ${actorId}::uuid
        from ${staging} s
        where o.city_id = s.city_id and o.year = s.year and o.measurement_id = s.measurement_id
          and o.breakdown = s.breakdown
          and (o.value, o.unit, o.source_detail, o.note, o.election_year)
            is distinct from (s.value, s.unit, s.source_detail, s.note, s.election_year)
        returning o.city_id, o.year)
      select city_id, year, count(*) as n from changed group by city_id, year`);
    const inserted = await this.db.execute(sql`
      with added as (
        insert into ${observations}
          (city_id, year, measurement_id, breakdown, value, unit, source_detail, note, provenance, election_year,
           warnings_confirmed, version, updated_at, updated_by)
        select s.city_id, s.year, s.measurement_id, s.breakdown, s.value, s.unit, s.source_detail, s.note, 'import',
               s.election_year, false, 1, ${at}::timestamptz, ${actorId}::uuid
        from ${staging} s
        where not exists (
          select from ${observations} o
          where o.city_id = s.city_id and o.year = s.year and o.measurement_id = s.measurement_id
            and o.breakdown = s.breakdown)
        returning city_id, year)
      select city_id, year, count(*) as n from added group by city_id, year`);
    const counts = new Map<string, WrittenPerCycle>();
    const cycleOf = (r: CountRow) => {
      const key = `${r.city_id}|${r.year}`;
      let entry = counts.get(key);
      if (!entry) {
        entry = { cityId: r.city_id, year: Number(r.year), inserted: 0, updated: 0 };
        counts.set(key, entry);
      }
      return entry;
    };
    for (const r of rowsOf<CountRow>(updated)) cycleOf(r).updated = Number(r.n);
    for (const r of rowsOf<CountRow>(inserted)) cycleOf(r).inserted = Number(r.n);
    return [...counts.values()];
  }
}

/** A count per cycle (node-postgres returns a bigint count as text). */
type CountRow = { city_id: string; year: number; n: number | string };

function keyOf(key: CycleKey): string {
  return `${key.cityId}|${key.year}`;
}
