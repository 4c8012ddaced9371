import type { RegionCode, Translations } from '@lco/core';
import { and, asc, count, eq, getTableColumns, ilike, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { cities, cityAwards, countries, regions } from './network.tables.ts';

export type CityRow = typeof cities.$inferSelect & {
  countryNames: Translations;
  regionCode: RegionCode;
  awardYears: number[];
};
export type NewCity = Omit<typeof cities.$inferInsert, 'id' | 'createdAt'>;

export interface CityFilter {
  region?: RegionCode;
  country?: string;
  /** Already folded to lower-case ASCII by the service. */
  search?: string;
}

export class NetworkRepository {
  constructor(private readonly db: Database) {}

  async upsertRegions(rows: { code: string; names: Translations }[]): Promise<void> {
    await this.db
      .insert(regions)
      .values(rows)
      .onConflictDoUpdate({ target: regions.code, set: { names: sql`excluded.names` } });
  }

  async upsertCountries(rows: (typeof countries.$inferInsert)[]): Promise<void> {
    await this.db
      .insert(countries)
      .values(rows)
      .onConflictDoUpdate({
        target: countries.iso2,
        set: { iso3: sql`excluded.iso3`, names: sql`excluded.names`, regionCode: sql`excluded.region_code` },
      });
  }

  /** Insert or refresh cities by slug, in one statement. */
  async upsertCities(rows: NewCity[]): Promise<void> {
    await this.db
      .insert(cities)
      .values(rows)
      .onConflictDoUpdate({
        target: cities.slug,
        set: Object.fromEntries(
          Object.entries(getTableColumns(cities))
            .filter(([key]) => key !== 'id' && key !== 'slug' && key !== 'createdAt')
            .map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]),
        ),
      });
  }

  /** Insert or refresh awards, naming cities by slug, in one statement. */
  async upsertAwards(rows: { slug: string; year: number; title: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(sql`
      insert into ${cityAwards} (city_id, year, title)
      select c.id, a.year, a.title
      from unnest(${sql.param(rows.map((r) => r.slug))}::text[], ${sql.param(rows.map((r) => r.year))}::int[],
                  ${sql.param(rows.map((r) => r.title))}::text[]) as a(slug, year, title)
      join ${cities} c on c.slug = a.slug
      on conflict (city_id, year) do update set title = excluded.title`);
  }

  async listRegions(): Promise<{ code: string; names: Translations; countryCount: number; cityCount: number }[]> {
    const result = await this.db
      .select({
        code: regions.code,
        names: regions.names,
        countryCount: sql<number>`(select count(*)::int from ${countries} where ${countries.regionCode} = ${regions.code})`,
        cityCount: sql<number>`(select count(*)::int from ${cities} join ${countries} on ${countries.iso2} = ${cities.countryIso2} where ${countries.regionCode} = ${regions.code})`,
      })
      .from(regions)
      .orderBy(asc(regions.code));
    return result;
  }

  async listCountries(): Promise<
    { iso2: string; iso3: string; names: Translations; regionCode: string; cityCount: number }[]
  > {
    return this.db
      .select({
        iso2: countries.iso2,
        iso3: countries.iso3,
        names: countries.names,
        regionCode: countries.regionCode,
        cityCount: sql<number>`(select count(*)::int from ${cities} where ${cities.countryIso2} = ${countries.iso2})`,
      })
      .from(countries)
      .orderBy(asc(countries.iso2));
  }

  async findCities(
    filter: CityFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: CityRow[]; total: number }> {
    const where = and(...this.conditions(filter));
    const [totalRow] = await this.db
      .select({ total: count() })
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
      .where(where);
    const rows = await this.selectCities()
      .where(where)
      // The folded name first, so "Câmara de Lobos" sorts among the Cs, as a reader expects.
      .orderBy(asc(cities.searchText), asc(cities.slug))
      .offset(page.offset)
      .limit(page.limit);
    return { rows: rows as CityRow[], total: totalRow?.total ?? 0 };
  }

  async findCityBySlug(slug: string): Promise<(CityRow & { awards: { year: number; title: string }[] }) | undefined> {
    const [row] = await this.selectCities().where(eq(cities.slug, slug)).limit(1);
    if (!row) return undefined;
    const awards = await this.db
      .select({ year: cityAwards.year, title: cityAwards.title })
      .from(cityAwards)
      .where(eq(cityAwards.cityId, row.id))
      .orderBy(asc(cityAwards.year));
    return { ...(row as CityRow), awards };
  }

  private selectCities() {
    return this.db
      .select({
        ...getTableColumns(cities),
        countryNames: countries.names,
        regionCode: countries.regionCode,
        awardYears: sql<
          number[]
        >`coalesce((select array_agg(${cityAwards.year} order by ${cityAwards.year}) from ${cityAwards} where ${cityAwards.cityId} = ${cities.id}), '{}')`,
      })
      .from(cities)
      .innerJoin(countries, eq(countries.iso2, cities.countryIso2));
  }

  private conditions(filter: CityFilter): SQL[] {
    const conditions: SQL[] = [];
    if (filter.region) conditions.push(eq(countries.regionCode, filter.region));
    if (filter.country) conditions.push(eq(cities.countryIso2, filter.country));
    if (filter.search) conditions.push(ilike(cities.searchText, `%${escapeLike(filter.search)}%`));
    return conditions;
  }
}

/** A user's `%` or `_` is a character to find, not a wildcard. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
