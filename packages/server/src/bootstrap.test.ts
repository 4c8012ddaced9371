import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from './bootstrap.ts';
import { catalogueMeasurements } from './modules/monitoring/catalogue.tables.ts';
import { cities, cityAwards, countries, regions } from './modules/network/network.tables.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import { testDatabase } from './platform/testing/database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await testDatabase();
});
afterAll(async () => handle.close());

async function counts() {
  const { db } = handle;
  return {
    regions: await db.$count(regions),
    countries: await db.$count(countries),
    cities: await db.$count(cities),
    city_awards: await db.$count(cityAwards),
    catalogue_measurements: await db.$count(catalogueMeasurements),
  };
}

describe('seeding', () => {
  it('loads the catalogue and the network directory', async () => {
    expect(await counts()).toMatchObject({
      regions: 5,
      cities: 58,
      city_awards: 58,
      catalogue_measurements: 60,
    });
  });

  it('is idempotent: writing the seed again changes no counts', async () => {
    const before = await counts();
    expect(await seed(handle, { force: true })).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('skips writing when the reference data has not changed since the last seed', async () => {
    expect(await seed(handle)).toBe(false);
  });

  it('rewrites what a hand edit changed when the seed is forced', async () => {
    await handle.db.update(cities).set({ name: 'Corcaigh' }).where(eq(cities.slug, 'cork'));
    await seed(handle, { force: true });
    const [cork] = await handle.db.select({ name: cities.name }).from(cities).where(eq(cities.slug, 'cork'));
    expect(cork?.name).toBe('Cork');
  });

  it(`runs on the engine the suite was started for (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
    expect(handle.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });
});
