import { asc, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { cities } from '../network/network.tables.ts';
import type { CityRef } from './cycle.repository.ts';
import { cycleEvents, cycles, observations } from './cycle.tables.ts';

/** A city's cycle for one year. */
export interface CycleKey {
  cityId: string;
  year: number;
}

/** The rows to write, column by column: the arrays `unnest` takes, built without an object per row. */
export interface ImportedColumns {
  cityId: string[];
  year: number[];
  measurementId: string[];
  breakdown: string[];
  /** Exact decimals as text. */
  value: string[];
  unit: string[];
  sourceDetail: string[];
  note: (string | null)[];
  electionYear: (number | null)[];
}

/** What an upsert wrote in one cycle (a cycle can come in several chunks). */
export interface WrittenPerCycle extends CycleKey {
  inserted: number;
  updated: number;
}

/** Rows per upsert statement: big enough to be set-based, small enough to keep each statement's arrays modest. */
const CHUNK = 25_000;

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
   * equal values are not touched. Returns, per cycle, how many rows were inserted and how many updated.
   */
  async upsert(rows: ImportedColumns, at: Date, actorId: string | null): Promise<WrittenPerCycle[]> {
    const written: WrittenPerCycle[] = [];
    for (let start = 0; start < rows.cityId.length; start += CHUNK) {
      const column = <T>(values: T[]) => sql.param(values.slice(start, start + CHUNK));
      // Counted in the database: a hundred thousand returned rows would cost more than the counting.
      const result = await this.db.execute(sql`
        with written as (
          insert into ${observations} as o
            (city_id, year, measurement_id, breakdown, value, unit, source_detail, note, provenance, election_year,
             warnings_confirmed, version, updated_at, updated_by)
          select r.city_id, r.year, r.measurement_id, r.breakdown, r.value, r.unit, r.source_detail, r.note, 'import',
                 r.election_year, false, 1, ${at}::timestamptz, ${actorId}::uuid
          from unnest(${column(rows.cityId)}::uuid[], ${column(rows.year)}::int[],
                      ${column(rows.measurementId)}::text[], ${column(rows.breakdown)}::text[],
                      ${column(rows.value)}::numeric[], ${column(rows.unit)}::text[],
                      ${column(rows.sourceDetail)}::text[], ${column(rows.note)}::text[],
                      ${column(rows.electionYear)}::int[])
            as r(city_id, year, measurement_id, breakdown, value, unit, source_detail, note, election_year)
          on conflict (city_id, year, measurement_id, breakdown) do update
            set value = excluded.value, unit = excluded.unit, source_detail = excluded.source_detail,
                note = excluded.note, election_year = excluded.election_year, provenance = 'import',
                warnings_confirmed = false, version = o.version + 1, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            where (o.value, o.unit, o.source_detail, o.note, o.election_year)
              is distinct from (excluded.value, excluded.unit, excluded.source_detail, excluded.note, excluded.election_year)
          returning o.city_id, o.year, o.version)
        select city_id, year, count(*) filter (where version = 1) as inserted, count(*) filter (where version > 1) as updated
        from written group by city_id, year`);
      type Row = { city_id: string; year: number; inserted: number | string; updated: number | string };
      for (const r of rowsOf<Row>(result)) {
        written.push({
          cityId: r.city_id,
          year: Number(r.year),
          inserted: Number(r.inserted),
          updated: Number(r.updated),
        });
      }
    }
    return written;
  }
}
/** The rows of a raw statement: both engines (node-postgres and PGlite) answer with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
