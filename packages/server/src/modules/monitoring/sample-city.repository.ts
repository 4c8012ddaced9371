import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { cycleEvents, cycles, observations, targets } from './cycle.tables.ts';

/** Writes the Sample City's invented series in a few set-based statements. */
export class SampleCityRepository {
  constructor(private readonly db: Database) {}

  async upsertAcceptedCycles(cityId: string, years: number[], at: Date): Promise<void> {
    await this.db
      .insert(cycles)
      .values(years.map((year) => ({ cityId, year, state: 'accepted', createdAt: at, updatedAt: at })))
      .onConflictDoUpdate({ target: [cycles.cityId, cycles.year], set: { state: 'accepted', updatedAt: at } });
    await this.db.execute(sql`
      insert into ${cycleEvents} (city_id, year, at, from_state, to_state, comment)
      select ${cityId}::uuid, y, ${at}::timestamptz, null, 'accepted', 'sample data'
      from unnest(${sql.param(years)}::int[]) as y
      where not exists (select 1 from ${cycleEvents} e where e.city_id = ${cityId}::uuid and e.year = y)`);
  }

  async upsertObservations(
    cityId: string,
    rows: { year: number; measurementId: string; breakdown: string; value: string; unit: string }[],
    source: string,
    at: Date,
  ): Promise<void> {
    await this.db.execute(sql`
      insert into ${observations}
        (city_id, year, measurement_id, breakdown, value, unit, source_detail, provenance, election_year, warnings_confirmed, updated_at)
      select ${cityId}::uuid, r.year, r.measurement_id, r.breakdown, r.value::numeric, r.unit, ${source}, 'sample',
             case when r.measurement_id = '1.1.2a' then r.year end, true, ${at}::timestamptz
      from unnest(${sql.param(rows.map((r) => r.year))}::int[], ${sql.param(rows.map((r) => r.measurementId))}::text[],
                  ${sql.param(rows.map((r) => r.breakdown))}::text[], ${sql.param(rows.map((r) => r.value))}::text[],
                  ${sql.param(rows.map((r) => r.unit))}::text[]) as r(year, measurement_id, breakdown, value, unit)
      on conflict (city_id, year, measurement_id, breakdown) do update
        set value = excluded.value, unit = excluded.unit, source_detail = excluded.source_detail,
            provenance = excluded.provenance, version = ${observations.version} + 1, updated_at = excluded.updated_at
        where ${observations.value} is distinct from excluded.value`);
  }

  async upsertTargets(
    cityId: string,
    rows: { measurementId: string; breakdown: string; targetValue: string; targetYear: number }[],
    at: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insert(targets)
      .values(rows.map((r) => ({ cityId, ...r, updatedAt: at })))
      .onConflictDoUpdate({
        target: [targets.cityId, targets.measurementId, targets.breakdown],
        set: { targetValue: sql`excluded.target_value`, targetYear: sql`excluded.target_year`, updatedAt: at },
      });
  }
}
