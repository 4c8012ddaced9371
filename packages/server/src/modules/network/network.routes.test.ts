import {
  CitiesResponseSchema,
  CityResponseSchema,
  CountriesResponseSchema,
  ProblemSchema,
  RegionsResponseSchema,
} from '@lco/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../platform/testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/regions', () => {
  it('lists the five UNESCO regions with their member cities counted', async () => {
    const res = await get('/api/v1/regions?lang=fr');
    expect(res.statusCode).toBe(200);
    const body = RegionsResponseSchema.parse(res.json());
    expect(body.items.map((r) => r.code).sort()).toEqual([
      'africa',
      'arab-states',
      'asia-pacific',
      'europe-north-america',
      'latin-america-caribbean',
    ]);
    expect(body.items.find((r) => r.code === 'arab-states')?.name).toEqual({ text: 'États arabes', lang: 'fr' });
    const total = body.items.reduce((sum, r) => sum + r.cityCount, 0);
    // 57 award cities (Cork twice) and the fictional Sample City.
    expect(total).toBe(58);
  });
});

describe('GET /api/v1/countries', () => {
  it('gives every ISO country its name in the requested language and its UNESCO region', async () => {
    const res = await get('/api/v1/countries?lang=ar');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('ar');
    const body = CountriesResponseSchema.parse(res.json());
    expect(body.items.length).toBeGreaterThanOrEqual(245);
    const egypt = body.items.find((c) => c.iso2 === 'EG');
    expect(egypt).toMatchObject({ iso3: 'EGY', region: 'arab-states', name: { lang: 'ar' } });
    expect(egypt?.cityCount).toBe(3); // Giza, Aswan, Damietta
  });

  it('falls back to English for an unknown language and says so', async () => {
    const res = await get('/api/v1/countries?lang=de');
    const body = CountriesResponseSchema.parse(res.json());
    expect(body).toMatchObject({ lang: 'en', requestedLang: 'de', fallback: true });
    expect(body.items.find((c) => c.iso2 === 'FR')?.name).toEqual({ text: 'France', lang: 'en' });
  });
});

describe('GET /api/v1/cities', () => {
  it('filters by region and country', async () => {
    const body = CitiesResponseSchema.parse((await get('/api/v1/cities?country=ie')).json());
    expect(body.items.map((c) => c.slug).sort()).toEqual(['cork', 'dublin', 'limerick']);
    expect(body.items.find((c) => c.slug === 'cork')?.awardYears).toEqual([2015, 2024]);

    const arab = CitiesResponseSchema.parse((await get('/api/v1/cities?region=arab-states&pageSize=100')).json());
    expect(arab.items.every((c) => c.region === 'arab-states')).toBe(true);
    expect(arab.items.map((c) => c.name)).toContain('Amman');
  });

  it('finds accented names from a plain keyboard and by country name in another language', async () => {
    const medellin = CitiesResponseSchema.parse((await get('/api/v1/cities?q=medellin')).json());
    expect(medellin.items.map((c) => c.name)).toEqual(['Medellín']);
    const inChinese = CitiesResponseSchema.parse(
      (await get(`/api/v1/cities?q=${encodeURIComponent('爱尔兰')}`)).json(),
    );
    expect(inChinese.total).toBe(3);
  });

  it('treats % and _ in a search as characters, not wildcards', async () => {
    const body = CitiesResponseSchema.parse((await get('/api/v1/cities?q=%25')).json());
    expect(body.total).toBe(0);
  });

  it('paginates with a stable order and an honest total', async () => {
    const first = CitiesResponseSchema.parse((await get('/api/v1/cities?pageSize=20&page=1')).json());
    const third = CitiesResponseSchema.parse((await get('/api/v1/cities?pageSize=20&page=3')).json());
    expect(first.total).toBe(58);
    expect(first.items).toHaveLength(20);
    expect(third.items).toHaveLength(18);
    const names = first.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names.indexOf('Câmara de Lobos')).toBeLessThan(names.indexOf('Chengdu'));
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['pageSize=100000', 'pageSize'],
    ['region=mars', 'region'],
    ['country=IRL', 'country'],
  ])('rejects %s with 400 naming the field %s', async (query, field) => {
    const res = await get(`/api/v1/cities?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = ProblemSchema.parse(res.json());
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(JSON.stringify(problem)).not.toMatch(/at \w+ \(/); // no stack trace
  });
});

describe('GET /api/v1/cities/:slug', () => {
  it("shows a city's public profile with its awards and the source of its location", async () => {
    const res = await get('/api/v1/cities/melton?lang=zh');
    expect(res.statusCode).toBe(200);
    const { city } = CityResponseSchema.parse(res.json());
    expect(city).toMatchObject({ name: 'Melton', country: { iso2: 'AU' }, region: 'asia-pacific', fictional: false });
    expect(city.awards).toEqual([{ year: 2015, title: 'UNESCO Learning City Award 2015' }]);
    expect(city.regionName.lang).toBe('zh');
    expect(city.location?.lat).toBeCloseTo(-37.68, 0);
  });

  it('labels Sample City as fictional', async () => {
    const { city } = CityResponseSchema.parse((await get('/api/v1/cities/sample-city')).json());
    expect(city.fictional).toBe(true);
    expect(city.country.name.text).toMatch(/fictional/);
  });

  it('answers an unknown city with 404 problem+json', async () => {
    const res = await get('/api/v1/cities/atlantis');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(ProblemSchema.parse(res.json())).toMatchObject({ status: 404, type: '/problems/not-found' });
  });
});
