import { ProblemSchema, ProgressResponseSchema, TargetOutSchema } from '@lco/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { cities } from '../network/network.tables.ts';
import { targets } from './cycle.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe('progress', () => {
  it("shows the Sample City's progress per series and rolled up, without any score", async () => {
    const res = await new Agent(t.app).get('/api/v1/cities/sample-city/progress');
    expect(res.statusCode).toBe(200);
    const body = ProgressResponseSchema.parse(res.json());
    expect(body.basedOn.acceptedYears).toHaveLength(10);
    expect(body.rollUps.area).toHaveLength(3);
    expect(body.rollUps.focusArea).toHaveLength(12);
    expect(body.rollUps.feature).toHaveLength(42);
    for (const r of body.rollUps.focusArea) {
      expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.measurements);
      expect(r.coverage.withValue).toBe(r.measurements);
    }
    expect(JSON.stringify(body)).not.toMatch(/"score"/);
    const targeted = body.series.filter((s) => s.target !== null);
    expect(targeted.length).toBeGreaterThan(5);
    expect(
      targeted.every((s) => ['achieved', 'on-track', 'moderate', 'limited', 'deteriorating'].includes(s.status)),
    ).toBe(true);
  });

  it('uses accepted data only: a draft value does not move the public progress', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    await agent.request('PUT', '/api/v1/cities/cork/cycles/2024/observations/1.1.1a/total', {
      value: 91,
      sourceDetail: 'Census',
      expectedVersion: null,
    });
    const body = ProgressResponseSchema.parse((await new Agent(t.app).get('/api/v1/cities/cork/progress')).json());
    expect(body.series).toEqual([]);
    expect(body.basedOn.acceptedYears).toEqual([]);
  });

  it('follows acceptance, reopening and target changes at once, though the result is kept between reads', async () => {
    const coordinator = (await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'swansea' }] })).agent;
    const secretariat = (await signedIn(t.app, { grants: [{ role: 'secretariat' }] })).agent;
    const read = async () =>
      ProgressResponseSchema.parse((await new Agent(t.app).get('/api/v1/cities/swansea/progress')).json());
    const series = async () => (await read()).series.find((s) => s.measurementId === '1.2.2a');
    const cycle = '/api/v1/cities/swansea/cycles/2022';
    for (const [year, value] of [
      [2021, 60],
      [2022, 62],
    ] as const) {
      const put = await coordinator.request('PUT', `/api/v1/cities/swansea/cycles/${year}/observations/1.2.2a/total`, {
        value,
        sourceDetail: 'Labour Force Survey',
        confirmWarnings: true,
        expectedVersion: null,
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await coordinator.post(`/api/v1/cities/swansea/cycles/${year}/submit`)).statusCode).toBe(200);
      // Read (and kept) while this year is submitted, not yet accepted.
      expect((await series())?.valueCount ?? 0).toBe(year === 2021 ? 0 : 1);
      expect((await secretariat.post(`/api/v1/cities/swansea/cycles/${year}/accept`)).statusCode).toBe(200);
    }
    expect(await series()).toMatchObject({ valueCount: 2, latest: { year: 2022, value: 62 }, target: null });

    await coordinator.request('PUT', '/api/v1/cities/swansea/targets/1.2.2a/total', {
      targetValue: 70,
      targetYear: 2030,
    });
    expect((await series())?.target).toMatchObject({ year: 2030, value: 70 });
    await coordinator.request('PUT', '/api/v1/cities/swansea/targets/1.2.2a/total', {
      targetValue: 75,
      targetYear: 2030,
    });
    expect((await series())?.target).toMatchObject({ value: 75 });

    expect((await secretariat.post(`${cycle}/reopen`, { reason: 'A revised survey wave' })).statusCode).toBe(200);
    expect((await series())?.valueCount).toBe(1);
  });

  it('follows a target changed by another process, through the database notice', async () => {
    const coordinator = (await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'sample-city' }] })).agent;
    const read = async () =>
      ProgressResponseSchema.parse((await new Agent(t.app).get('/api/v1/cities/sample-city/progress')).json());
    const target = async () =>
      (await read()).series.find((s) => s.measurementId === '1.2.2a' && s.breakdown === 'total')?.target;
    const put = await coordinator.request('PUT', '/api/v1/cities/sample-city/targets/1.2.2a/total', {
      targetValue: 80,
      targetYear: 2032,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await target()).toMatchObject({ value: 80 });
    expect(await target()).toMatchObject({ value: 80 }); // kept
    // As another server process would: straight into the database, bypassing this one's services.
    await t.app.db.update(targets).set({ targetValue: '85' }).where(eq(targets.measurementId, '1.2.2a'));
    await expect.poll(target, { timeout: 2_000 }).toMatchObject({ value: 85 });
  });

  it('stops answering for a slug the moment it names another city or none', async () => {
    const path = '/api/v1/cities/espoo/progress';
    expect((await new Agent(t.app).get(path)).statusCode).toBe(200); // read and kept by slug
    // As another process would (no service renames cities): straight into the database.
    await t.app.db.update(cities).set({ slug: 'espoo-renamed' }).where(eq(cities.slug, 'espoo'));
    await expect.poll(async () => (await new Agent(t.app).get(path)).statusCode, { timeout: 2_000 }).toBe(404);
    expect((await new Agent(t.app).get('/api/v1/cities/espoo-renamed/progress')).statusCode).toBe(200);
  });

  it('answers an unknown city with 404', async () => {
    expect((await new Agent(t.app).get('/api/v1/cities/atlantis/progress')).statusCode).toBe(404);
  });
});

describe('targets', () => {
  it('lets the coordinator set a target, checks it against the catalogue, and records it', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    const saved = await agent.request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', {
      targetValue: 98,
      targetYear: 2030,
    });
    expect(saved.statusCode).toBe(200);
    expect(TargetOutSchema.parse(saved.json())).toMatchObject({
      targetValue: '98',
      targetYear: 2030,
      baselineValue: null,
    });
    const list = (await new Agent(t.app).get('/api/v1/cities/cork/targets')).json() as { items: unknown[] };
    expect(list.items).toHaveLength(1);

    const outOfRange = await agent.request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', {
      targetValue: 120,
      targetYear: 2030,
    });
    expect(ProblemSchema.parse(outOfRange.json()).errors?.[0]?.field).toBe('targetValue');
    const halfBaseline = await agent.request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', {
      targetValue: 97,
      targetYear: 2030,
      baselineValue: 90,
    });
    expect(halfBaseline.statusCode).toBe(400);
    const backwards = await agent.request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', {
      targetValue: 97,
      targetYear: 2020,
      baselineValue: 90,
      baselineYear: 2022,
    });
    expect(ProblemSchema.parse(backwards.json()).errors?.[0]?.field).toBe('targetYear');
    expect((await agent.delete('/api/v1/cities/cork/targets/1.1.1a/total')).statusCode).toBe(204);
    expect((await agent.delete('/api/v1/cities/cork/targets/1.1.1a/total')).statusCode).toBe(404);
  });

  it('refuses editors, other cities and anonymous writers', async () => {
    const { agent: editor } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] });
    expect(
      (await editor.request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', { targetValue: 98, targetYear: 2030 }))
        .statusCode,
    ).toBe(403);
    const { agent: other } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'dublin' }] });
    expect(
      (await other.request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', { targetValue: 98, targetYear: 2030 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await new Agent(t.app).request('PUT', '/api/v1/cities/cork/targets/1.1.1a/total', {
          targetValue: 98,
          targetYear: 2030,
        })
      ).statusCode,
    ).toBe(401);
  });
});
