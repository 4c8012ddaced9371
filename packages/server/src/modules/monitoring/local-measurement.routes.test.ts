import { CycleDetailSchema, ObservationOutSchema, ProblemSchema } from '@lco/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { Agent, cityId, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { LocalMeasurementOutSchema } from './local-measurement.schema.ts';
import { localMeasurements } from './local-measurement.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const locals = (city: string) => `/api/v1/cities/${city}/local-measurements`;
const observation = (city: string, year: number, id: string, breakdown = 'total') =>
  `/api/v1/cities/${city}/cycles/${year}/observations/${id}/${breakdown}`;
const value = (v: number, extra: Record<string, unknown> = {}) => ({
  value: v,
  sourceDetail: 'City library service, annual report',
  expectedVersion: null,
  ...extra,
});

const libraryUse = {
  names: {
    en: 'Adults using a public library',
    fr: 'Adultes usagers d’une bibliothèque publique',
    fi: 'Kirjaston käyttäjät',
  },
  definition: 'Share of adults who borrowed or used a public library in the year',
  unit: 'percent',
  polarity: 'higher-better',
  breakdowns: [{ dimension: 'sex', categories: ['male', 'female', 'total'] }],
};

async function team(city: string) {
  const coordinator = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city }] });
  const editor = await signedIn(t.app, { grants: [{ role: 'city-editor', city }] });
  return { coordinator: coordinator.agent, editor: editor.agent };
}

describe('defining local measurements', () => {
  it('lets the coordinator define one, marked local, with an id from its name and a range from its unit', async () => {
    const { coordinator } = await team('espoo');
    const res = await coordinator.post(locals('espoo'), libraryUse);
    expect(res.statusCode, res.body).toBe(201);
    const created = LocalMeasurementOutSchema.parse(res.json());
    expect(created).toMatchObject({
      id: 'local-adults-using-a',
      local: true,
      city: 'espoo',
      names: libraryUse.names,
      unit: 'percent',
      range: { min: 0, max: 100 },
      breakdownKeys: ['total', 'sex:male', 'sex:female'],
    });
    // The same name again gets the next free id.
    const again = LocalMeasurementOutSchema.parse((await coordinator.post(locals('espoo'), libraryUse)).json());
    expect(again.id).toBe('local-adults-using-2');
    const rating = LocalMeasurementOutSchema.parse(
      (
        await coordinator.post(locals('espoo'), {
          id: 'local-park-rating',
          names: { fi: 'Puistojen arvio' },
          definition: 'Residents’ rating of the city’s parks',
          unit: 'rating-1-5',
          polarity: 'higher-better',
        })
      ).json(),
    );
    expect(rating).toMatchObject({ id: 'local-park-rating', range: { min: 1, max: 5 }, breakdownKeys: ['total'] });

    const list = await new Agent(t.app).get(locals('espoo'));
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: unknown[] }).items.map((i) => LocalMeasurementOutSchema.parse(i));
    expect(items.map((i) => i.id)).toEqual(['local-adults-using-2', 'local-adults-using-a', 'local-park-rating']);
    expect(items.every((i) => i.local)).toBe(true);
    // Another city's list is its own.
    expect((await new Agent(t.app).get(locals('cork'))).json()).toEqual({ items: [] });

    const audits = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'local-measurement.create'), eq(auditLog.scopeId, await cityId(t.app, 'espoo'))));
    expect(audits).toHaveLength(3);
  });

  it('refuses bad definitions with the field at fault, and an id the city already uses', async () => {
    const { coordinator } = await team('cork');
    const bad = async (body: Record<string, unknown>) => {
      const res = await coordinator.post(locals('cork'), { ...libraryUse, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      return ProblemSchema.parse(res.json()).errors?.[0]?.field;
    };
    expect(await bad({ names: {} })).toBe('names');
    expect(await bad({ unit: 'furlongs' })).toBe('unit');
    expect(await bad({ polarity: 'up' })).toBe('polarity');
    expect(await bad({ id: 'local-Library' })).toBe('id');
    expect(await bad({ id: '1.1.1a' })).toBe('id');
    expect(await bad({ id: 'local-a-very-long-identifier' })).toBe('id');
    expect(await bad({ breakdowns: [{ dimension: 'age', categories: ['young'] }] })).toContain('breakdowns');
    expect(await bad({ breakdowns: [{ dimension: 'sex', categories: ['total'] }] })).toContain('breakdowns');
    expect((await coordinator.post(locals('cork'), { ...libraryUse, id: 'local-library' })).statusCode).toBe(201);
    const twice = await coordinator.post(locals('cork'), { ...libraryUse, id: 'local-library' });
    expect(twice.statusCode).toBe(409);
  });

  it('is for the coordinator of the city only', async () => {
    const { editor } = await team('cork');
    const { agent: otherCoordinator } = await signedIn(t.app, {
      grants: [{ role: 'city-coordinator', city: 'dublin' }],
    });
    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    const before = await t.app.db.$count(localMeasurements);
    expect((await editor.post(locals('cork'), libraryUse)).statusCode).toBe(403);
    expect((await otherCoordinator.post(locals('cork'), libraryUse)).statusCode).toBe(403);
    expect((await secretariat.post(locals('cork'), libraryUse)).statusCode).toBe(403);
    expect((await new Agent(t.app).post(locals('cork'), libraryUse)).statusCode).toBe(401);
    expect((await otherCoordinator.patch(`${locals('cork')}/local-library`, { definition: 'x' })).statusCode).toBe(403);
    expect((await otherCoordinator.delete(`${locals('cork')}/local-library`)).statusCode).toBe(403);
    expect(await t.app.db.$count(localMeasurements)).toBe(before);
  });
});

describe('observing local measurements', () => {
  it('takes values checked by the same rules, keeps their warnings, and is refused in another city', async () => {
    const { coordinator, editor } = await team('swansea');
    const local = LocalMeasurementOutSchema.parse(
      (await coordinator.post(locals('swansea'), { ...libraryUse, id: 'local-library' })).json(),
    );
    const out = await editor.request('PUT', observation('swansea', 2023, local.id), value(120));
    expect(out.statusCode).toBe(400);
    expect(ProblemSchema.parse(out.json()).errors?.[0]).toMatchObject({ field: 'value' });
    expect(
      (await editor.request('PUT', observation('swansea', 2023, local.id, 'setting:schools'), value(40))).statusCode,
    ).toBe(400);
    expect(
      (await editor.request('PUT', observation('swansea', 2023, local.id), value(40, { unit: 'count' }))).statusCode,
    ).toBe(400);

    await editor.request('PUT', observation('swansea', 2022, local.id), value(20));
    const saved = await editor.request('PUT', observation('swansea', 2023, local.id), value(48.5));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(ObservationOutSchema.parse(saved.json())).toMatchObject({
      measurementId: 'local-library',
      local: true,
      value: '48.5',
      unit: 'percent',
      warnings: [expect.objectContaining({ code: 'implausible-change' })],
    });
    expect(
      (await editor.request('PUT', observation('swansea', 2023, local.id, 'sex:female'), value(50))).statusCode,
    ).toBe(200);

    // The warning is still there when the cycle is read, and blocks submitting until confirmed.
    const detail = CycleDetailSchema.parse((await editor.get('/api/v1/cities/swansea/cycles/2023')).json());
    expect(detail.observations.find((o) => o.measurementId === local.id && o.breakdown === 'total')?.warnings).toEqual([
      expect.objectContaining({ code: 'implausible-change' }),
    ]);
    expect(detail.unconfirmedWarnings).toBe(1);
    expect((await coordinator.post('/api/v1/cities/swansea/cycles/2023/submit')).statusCode).toBe(409);

    // A local measurement belongs to its city.
    const { agent: bristol } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'bristol' }] });
    expect((await bristol.request('PUT', observation('bristol', 2023, local.id), value(40))).statusCode).toBe(404);
  });

  it('can be commented on when the secretariat returns the cycle; another city’s cannot', async () => {
    const { coordinator, editor } = await team('cork');
    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    const local = LocalMeasurementOutSchema.parse(
      (await coordinator.post(locals('cork'), { ...libraryUse, id: 'local-reading' })).json(),
    );
    await editor.request('PUT', observation('cork', 2021, local.id), value(40));
    expect((await coordinator.post('/api/v1/cities/cork/cycles/2021/submit')).statusCode).toBe(200);

    const foreign = await secretariat.post('/api/v1/cities/cork/cycles/2021/return', {
      comments: [{ measurementId: 'local-not-ours', comment: 'Where is this from?' }],
    });
    expect(foreign.statusCode).toBe(400);
    const returned = await secretariat.post('/api/v1/cities/cork/cycles/2021/return', {
      comments: [{ measurementId: local.id, comment: 'Which libraries count?' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(CycleDetailSchema.parse(returned.json()).comments).toEqual([
      expect.objectContaining({ measurementId: local.id, comment: 'Which libraries count?' }),
    ]);
  });

  it('cannot be deleted, or lose its unit or used breakdowns, while values use it', async () => {
    const { coordinator, editor } = await team('larissa');
    const local = LocalMeasurementOutSchema.parse(
      (await coordinator.post(locals('larissa'), { ...libraryUse, id: 'local-library' })).json(),
    );
    const saved = ObservationOutSchema.parse(
      (await editor.request('PUT', observation('larissa', 2023, local.id, 'sex:female'), value(51))).json(),
    );
    const url = `${locals('larissa')}/${local.id}`;

    const renamed = await coordinator.patch(url, { names: { en: 'Library users', el: 'Χρήστες βιβλιοθηκών' } });
    expect(renamed.statusCode).toBe(200);
    expect(LocalMeasurementOutSchema.parse(renamed.json())).toMatchObject({
      local: true,
      names: { en: 'Library users', el: 'Χρήστες βιβλιοθηκών' },
      unit: 'percent',
    });
    expect((await coordinator.patch(url, { unit: 'count' })).statusCode).toBe(409);
    expect((await coordinator.patch(url, { breakdowns: [] })).statusCode).toBe(409);
    const wider = await coordinator.patch(url, {
      breakdowns: [
        { dimension: 'sex', categories: ['male', 'female', 'total'] },
        { dimension: 'sector', categories: ['public', 'private'] },
      ],
    });
    expect(wider.statusCode).toBe(200);
    expect(LocalMeasurementOutSchema.parse(wider.json()).breakdownKeys).toContain('sector:public');
    expect((await coordinator.patch(url, {})).statusCode).toBe(400);
    expect((await coordinator.patch(`${locals('larissa')}/local-nothing`, { definition: 'x' })).statusCode).toBe(404);

    const refused = await coordinator.delete(url);
    expect(refused.statusCode).toBe(409);
    expect(ProblemSchema.parse(refused.json()).detail).toContain('1 value(s)');

    expect(
      (
        await editor.delete(
          `/api/v1/cities/larissa/cycles/2023/observations/${local.id}/sex:female?version=${saved.version}`,
        )
      ).statusCode,
    ).toBe(204);
    // Evidence for it counts as use too.
    const link = await editor.post('/api/v1/cities/larissa/cycles/2023/evidence/links', {
      url: 'https://example.org/library-report',
      title: 'Library report',
      measurementId: local.id,
      breakdown: 'sex:female',
    });
    expect(link.statusCode).toBe(201);
    expect(ProblemSchema.parse((await coordinator.delete(url)).json()).detail).toContain('1 evidence item(s)');
    const linkId = (link.json() as { id: string }).id;
    expect((await editor.delete(`/api/v1/cities/larissa/cycles/2023/evidence/${linkId}`)).statusCode).toBe(204);

    expect((await coordinator.patch(url, { unit: 'count' })).statusCode).toBe(200);
    expect((await coordinator.delete(url)).statusCode).toBe(204);
    expect((await new Agent(t.app).get(locals('larissa'))).json()).toEqual({ items: [] });
    expect((await coordinator.delete(url)).statusCode).toBe(404);
    expect((await editor.request('PUT', observation('larissa', 2023, local.id), value(40))).statusCode).toBe(404);
  });
});
