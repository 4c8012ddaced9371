import { CycleDetailSchema, ObservationOutSchema, ProblemSchema } from '@lco/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../platform/mail/mail.tables.ts';
import { Agent, cityId, createPerson, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { observations } from './cycle.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const base = (city: string, year: number) => `/api/v1/cities/${city}/cycles/${year}`;
const value = (v: number, extra: Record<string, unknown> = {}) => ({
  value: v,
  sourceDetail: 'National statistics office, census 2021',
  expectedVersion: null,
  ...extra,
});

async function team(city: string) {
  const coordinator = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city }] });
  const editor = await signedIn(t.app, { grants: [{ role: 'city-editor', city }] });
  const secretariat = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
  return { coordinator: coordinator.agent, editor: editor.agent, secretariat: secretariat.agent };
}

describe('entering values', () => {
  it('opens a draft on the first save, keeps the value exactly, and shows it to the team only', async () => {
    const { editor } = await team('cork');
    const res = await editor.request('PUT', `${base('cork', 2023)}/observations/1.1.1a/total`, value(96.25));
    expect(res.statusCode).toBe(200);
    expect(ObservationOutSchema.parse(res.json())).toMatchObject({
      value: '96.25',
      unit: 'percent',
      version: 1,
      provenance: 'manual',
    });
    const detail = CycleDetailSchema.parse((await editor.get(base('cork', 2023))).json());
    expect(detail).toMatchObject({ state: 'draft', coverage: { measurementsWithData: 1, measurements: 60 } });
    expect(detail.history.map((h) => h.to)).toEqual(['draft']);
    expect((await new Agent(t.app).get(base('cork', 2023))).statusCode).toBe(404); // unpublished
  });

  it('refuses an out-of-range value, a wrong unit, an unknown measurement and a foreign breakdown', async () => {
    const { editor } = await team('cork');
    const out = await editor.request('PUT', `${base('cork', 2023)}/observations/1.1.1a/total`, value(120));
    expect(out.statusCode).toBe(400);
    expect(ProblemSchema.parse(out.json()).errors?.[0]?.field).toBe('value');
    const unit = await editor.request(
      'PUT',
      `${base('cork', 2023)}/observations/1.1.4a/total`,
      value(1200, { unit: 'count' }),
    );
    expect(ProblemSchema.parse(unit.json()).errors?.[0]?.field).toBe('unit');
    expect((await editor.request('PUT', `${base('cork', 2023)}/observations/9.9.9z/total`, value(1))).statusCode).toBe(
      404,
    );
    expect(
      (await editor.request('PUT', `${base('cork', 2023)}/observations/1.2.3b/sex:female`, value(1))).statusCode,
    ).toBe(400);
    expect(
      (
        await editor.request('PUT', `${base('cork', 2023)}/observations/1.1.1a/total`, {
          value: 'ninety',
          sourceDetail: 'x',
          expectedVersion: null,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('catches two editors saving the same value: the later save is refused, not applied', async () => {
    const { editor, coordinator } = await team('limerick');
    const first = ObservationOutSchema.parse(
      (await editor.request('PUT', `${base('limerick', 2023)}/observations/1.2.2a/total`, value(5.1))).json(),
    );
    const a = await editor.request(
      'PUT',
      `${base('limerick', 2023)}/observations/1.2.2a/total`,
      value(5.2, { expectedVersion: first.version }),
    );
    const b = await coordinator.request(
      'PUT',
      `${base('limerick', 2023)}/observations/1.2.2a/total`,
      value(5.3, { expectedVersion: first.version }),
    );
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(409);
    expect(ProblemSchema.parse(b.json()).detail).toContain('meanwhile');
    const both = await coordinator.request('PUT', `${base('limerick', 2023)}/observations/1.2.3b/total`, value(2));
    const again = await editor.request('PUT', `${base('limerick', 2023)}/observations/1.2.3b/total`, value(3));
    expect(both.statusCode).toBe(200);
    expect(again.statusCode).toBe(409); // both thought they were first
    const detail = CycleDetailSchema.parse((await editor.get(base('limerick', 2023))).json());
    expect(detail.observations.find((o) => o.measurementId === '1.2.2a')?.value).toBe('5.2');
  });

  it('lets nobody outside the city team write, and nobody write anonymously', async () => {
    const { agent: other } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'dublin' }] });
    expect((await other.request('PUT', `${base('cork', 2023)}/observations/1.2.3b/total`, value(2))).statusCode).toBe(
      403,
    );
    const { agent: natcom } = await signedIn(t.app, { grants: [{ role: 'natcom', country: 'IE' }] });
    expect((await natcom.request('PUT', `${base('cork', 2023)}/observations/1.2.3b/total`, value(2))).statusCode).toBe(
      403,
    );
    expect((await natcom.get(base('cork', 2023))).statusCode).toBe(200); // but reads its country's cities
    expect(
      (await new Agent(t.app).request('PUT', `${base('cork', 2023)}/observations/1.2.3b/total`, value(2))).statusCode,
    ).toBe(401);
  });
});

describe('from submission to publication', () => {
  it('blocks submitting until warnings are confirmed, then submits once, accepts, locks and publishes', async () => {
    const { editor, coordinator, secretariat } = await team('espoo');
    const year = 2024;
    await editor.request('PUT', `${base('espoo', year)}/observations/1.1.1a/sex:male`, value(90));
    await editor.request('PUT', `${base('espoo', year)}/observations/1.1.1a/sex:female`, value(94));
    const total = ObservationOutSchema.parse(
      (await editor.request('PUT', `${base('espoo', year)}/observations/1.1.1a/total`, value(97))).json(),
    );
    expect(total.warnings.map((w) => w.code)).toEqual(['total-outside-parts']);

    expect((await editor.post(`${base('espoo', year)}/submit`)).statusCode).toBe(403); // the coordinator submits
    const blocked = await coordinator.post(`${base('espoo', year)}/submit`);
    expect(blocked.statusCode).toBe(409);
    expect(ProblemSchema.parse(blocked.json()).detail).toContain('1.1.1a (total)');

    await editor.request(
      'PUT',
      `${base('espoo', year)}/observations/1.1.1a/total`,
      value(97, {
        expectedVersion: total.version,
        confirmWarnings: true,
        note: 'Total from the register; parts from the survey',
      }),
    );
    const submitted = await coordinator.post(`${base('espoo', year)}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(CycleDetailSchema.parse(submitted.json()).state).toBe('submitted');
    expect((await coordinator.post(`${base('espoo', year)}/submit`)).statusCode).toBe(409); // the double click

    // Submitted means no more edits until the secretariat decides.
    expect((await editor.request('PUT', `${base('espoo', year)}/observations/1.2.3b/total`, value(2))).statusCode).toBe(
      409,
    );
    const queue = (await secretariat.get('/api/v1/review-queue')).json() as { items: { city: string; year: number }[] };
    expect(queue.items).toContainEqual(expect.objectContaining({ city: 'espoo', year }));

    const accepted = await secretariat.post(`${base('espoo', year)}/accept`);
    expect(CycleDetailSchema.parse(accepted.json()).state).toBe('accepted');
    const locked = await editor.request(
      'PUT',
      `${base('espoo', year)}/observations/1.1.1a/total`,
      value(96, { expectedVersion: 2 }),
    );
    expect(locked.statusCode).toBe(409);

    const published = await new Agent(t.app).get(base('espoo', year));
    expect(published.statusCode).toBe(200);
    const detail = CycleDetailSchema.parse(published.json());
    expect(detail.observations.map((o) => `${o.breakdown}=${o.value}`).sort()).toEqual([
      'sex:female=94',
      'sex:male=90',
      'total=97',
    ]);
    expect(detail.history.map((h) => h.to)).toEqual(['draft', 'submitted', 'accepted']);
  });

  it('returns with comments per measurement, and reopens an accepted cycle only with a reason', async () => {
    const { editor, coordinator, secretariat } = await team('swansea');
    const y = 2022;
    await editor.request('PUT', `${base('swansea', y)}/observations/1.2.2a/total`, value(4.4));
    await coordinator.post(`${base('swansea', y)}/submit`);
    expect((await secretariat.post(`${base('swansea', y)}/return`, { comments: [] })).statusCode).toBe(400);
    const returned = await secretariat.post(`${base('swansea', y)}/return`, {
      comments: [{ measurementId: '1.2.2a', comment: 'Which labour force survey?' }],
    });
    const detail = CycleDetailSchema.parse(returned.json());
    expect(detail.state).toBe('returned');
    expect(detail.comments[0]).toMatchObject({ measurementId: '1.2.2a', comment: 'Which labour force survey?' });

    await editor.request(
      'PUT',
      `${base('swansea', y)}/observations/1.2.2a/total`,
      value(4.4, { expectedVersion: 1, sourceDetail: 'Labour Force Survey Q4' }),
    );
    await coordinator.post(`${base('swansea', y)}/submit`);
    await secretariat.post(`${base('swansea', y)}/accept`);
    expect((await secretariat.post(`${base('swansea', y)}/reopen`, { reason: '' })).statusCode).toBe(400);
    const reopened = await secretariat.post(`${base('swansea', y)}/reopen`, {
      reason: 'The office revised its figure',
    });
    expect(CycleDetailSchema.parse(reopened.json()).state).toBe('returned');
    expect((await coordinator.post(`${base('swansea', y)}/accept`)).statusCode).toBe(403);
  });

  it('mails the people concerned in their language', async () => {
    const secretary = await createPerson(t.app, { grants: [{ role: 'secretariat' }], lang: 'fr' });
    const { editor, coordinator } = await team('bristol');
    await editor.request('PUT', `${base('bristol', 2021)}/observations/1.2.3b/total`, value(12));
    await coordinator.post(`${base('bristol', 2021)}/submit`);
    const mails = await t.app.db.select().from(mailOutbox);
    const toSecretary = mails.find((m) => m.toAddress === secretary.email && m.kind === 'cycle-submitted');
    expect(toSecretary?.subject).toContain('a soumis son rapport de suivi 2021');
  });

  it('publishes the Sample City’s ten accepted years of sample data', async () => {
    const cycles = (await new Agent(t.app).get('/api/v1/cities/sample-city/cycles')).json() as {
      items: { year: number; state: string }[];
    };
    expect(cycles.items.map((c) => c.year)).toEqual([2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015]);
    const res2024 = await new Agent(t.app).get(base('sample-city', 2024));
    const detail = CycleDetailSchema.parse(res2024.json());
    expect(detail.coverage.measurementsWithData).toBe(60);
    expect(detail.observations.every((o) => o.provenance === 'sample' && o.sourceDetail.includes('Sample data'))).toBe(
      true,
    );
  });

  it('keeps a deleted value out, and refuses deleting a value someone changed', async () => {
    const { editor } = await team('larissa');
    const saved = ObservationOutSchema.parse(
      (await editor.request('PUT', `${base('larissa', 2020)}/observations/1.2.3b/total`, value(7))).json(),
    );
    expect(
      (await editor.delete(`${base('larissa', 2020)}/observations/1.2.3b/total?version=${saved.version + 1}`))
        .statusCode,
    ).toBe(409);
    expect(
      (await editor.delete(`${base('larissa', 2020)}/observations/1.2.3b/total?version=${saved.version}`)).statusCode,
    ).toBe(204);
    const larissa = await cityId(t.app, 'larissa');
    const left = await t.app.db.select().from(observations);
    expect(left.some((o) => o.cityId === larissa && o.measurementId === '1.2.3b' && o.year === 2020)).toBe(false);
  });
});
