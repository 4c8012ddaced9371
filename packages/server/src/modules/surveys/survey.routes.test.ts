import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { cityId, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { observations } from '../monitoring/cycle.tables.ts';
import { surveys, surveyWaves } from './survey.tables.ts';
import { citizenDesign, margins, seedAnswers, surveyWithWave } from './survey.testing.ts';

let t: TestApp;
let corkId: string;
beforeAll(async () => {
  t = await testApp();
  corkId = await cityId(t.app, 'cork');
});
afterAll(async () => t.close());

const coordinator = () => signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
const now = () => new Date(Date.now());

describe('designing a survey', () => {
  it('builds the instrument from the catalogue with the city’s districts and local questions', async () => {
    const { agent } = await coordinator();
    const res = await agent.post(
      '/api/v1/cities/cork/surveys',
      citizenDesign({
        measurements: ['2.1.3a', '2.4.2c'],
        localQuestions: [
          {
            id: 'local_library',
            type: 'single',
            texts: { en: 'Do you hold a library card?', fr: 'Avez-vous une carte de bibliothèque ?' },
            choices: [
              { code: 'yes', texts: { en: 'Yes' } },
              { code: 'no', texts: { en: 'No' } },
            ],
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ city: 'cork', kind: 'citizen', version: 1, waves: [] });
    expect(body.instrument.estimators.map((e: { measurementId: string }) => e.measurementId)).toEqual([
      '2.1.3a',
      '2.4.2c',
    ]);
    expect(body.instrument.questions.at(-1)).toMatchObject({ id: 'local_library', block: 'local' });
    expect(body.instrument.questions.find((q: { id: string }) => q.id === 'district').choices).toHaveLength(2);
  });

  it('refuses a measurement of another instrument with the field named, and saves nothing', async () => {
    const { agent } = await coordinator();
    const before = await t.app.db.$count(surveys);
    const res = await agent.post('/api/v1/cities/cork/surveys', citizenDesign({ measurements: ['2.4.1a'] }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      { field: 'measurements[0]', message: expect.stringContaining('educator survey') },
    ]);
    expect(await t.app.db.$count(surveys)).toBe(before);
  });

  it('keeps the fielded instrument in its wave and versions the design once a wave fielded it', async () => {
    const { agent } = await coordinator();
    const { surveyId, waveId } = await surveyWithWave(agent, 'cork', now());
    const changed = await agent.patch(`/api/v1/cities/cork/surveys/${surveyId}`, { measurements: ['1.1.2b'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    const again = await agent.patch(`/api/v1/cities/cork/surveys/${surveyId}`, { measurements: ['1.1.2b', '2.5.2a'] });
    expect(again.json().version).toBe(2);
    const wave = (await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}`)).json();
    expect(wave.instrumentVersion).toBe(1);
    expect(wave.instrument.estimators.length).toBe(13);
    expect(wave.state).toBe('open');
    expect(wave.url).toMatch(/\/s\/cork\/[A-Za-z0-9_-]{10}$/);
  });

  it("is the city team's only: another city's coordinator and the secretariat are refused", async () => {
    const { agent } = await coordinator();
    const { surveyId, waveId } = await surveyWithWave(agent, 'cork', now());
    for (const spec of [{ role: 'city-coordinator' as const, city: 'dublin' }, { role: 'secretariat' as const }]) {
      const other = (await signedIn(t.app, { grants: [spec] })).agent;
      expect((await other.get(`/api/v1/cities/cork/surveys/${surveyId}`)).statusCode).toBe(403);
      expect((await other.get(`/api/v1/cities/cork/survey-waves/${waveId}/estimates`)).statusCode).toBe(403);
      expect((await other.patch(`/api/v1/cities/cork/surveys/${surveyId}`, { name: 'Mine' })).statusCode).toBe(403);
    }
  });
});

describe('margins', () => {
  it('refuses a margin table that does not add up, says by how much, and keeps the old one', async () => {
    const { agent } = await coordinator();
    const { waveId } = await surveyWithWave(agent, 'cork', now());
    const good = await agent.request('PUT', `/api/v1/cities/cork/survey-waves/${waveId}/margins`, margins());
    expect(good.statusCode, good.body).toBe(200);
    const bad = margins();
    const res = await agent.request('PUT', `/api/v1/cities/cork/survey-waves/${waveId}/margins`, {
      ...bad,
      district: [
        { district: 'north', count: 10 },
        { district: 'south', count: 10 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('add up to 20');
    const [stored] = await t.app.db
      .select({ margins: surveyWaves.margins })
      .from(surveyWaves)
      .where(and(eq(surveyWaves.cityId, corkId), eq(surveyWaves.id, waveId)));
    expect(stored?.margins).toEqual(margins());
  });
});

describe('estimates and "use these estimates"', () => {
  it('weights the responses to the margins, suppresses small cells, and writes observations with provenance', async () => {
    const { agent } = await coordinator();
    const { waveId } = await surveyWithWave(agent, 'cork', now());
    await agent.request('PUT', `/api/v1/cities/cork/survey-waves/${waveId}/margins`, margins());
    expect(await seedAnswers(t.app, corkId, waveId, 400, 11)).toBe(400);

    const res = await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}/estimates`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.weighting).toMatchObject({ method: 'raked', respondents: 400, excluded: 0 });
    expect(body.weighting.rake.converged).toBe(true);
    const adult = body.estimates.find((e: { measurementId: string }) => e.measurementId === '2.1.3a');
    expect(adult.suppressed).toBe(false);
    expect(adult.value).toBeGreaterThan(0);
    expect(adult.ci[0]).toBeLessThan(adult.value);

    const created = await agent.post('/api/v1/cities/cork/cycles', { year: 2025 });
    expect([201, 200]).toContain(created.statusCode);
    const auditBefore = await t.app.db.$count(auditLog);
    const used = await agent.post(`/api/v1/cities/cork/survey-waves/${waveId}/estimates/use`, { year: 2025 });
    expect(used.statusCode, used.body).toBe(200);
    const usedBody = used.json();
    expect(usedBody.written.map((w: { measurementId: string }) => w.measurementId)).toContain('2.1.3a');
    const [row] = await t.app.db
      .select()
      .from(observations)
      .where(
        and(eq(observations.cityId, corkId), eq(observations.year, 2025), eq(observations.measurementId, '2.1.3a')),
      );
    expect(row?.provenance).toBe('survey-estimate');
    expect(row?.provenanceDetail).toMatchObject({ kind: 'survey-wave', waveId, n: adult.n, weighting: 'raked' });
    expect(row?.sourceDetail).toContain(`n = ${adult.n}`);
    expect(await t.app.db.$count(auditLog)).toBe(auditBefore + usedBody.written.length);
    for (const skipped of usedBody.skipped) expect(skipped.reason).toContain('suppressed');

    // The cycle's own answer shows the figure with its provenance.
    const cycle = (await agent.get('/api/v1/cities/cork/cycles/2025')).json();
    const shown = cycle.observations.find((o: { measurementId: string }) => o.measurementId === '2.1.3a');
    expect(shown.provenanceDetail).toMatchObject({ kind: 'survey-wave', n: adult.n });
  });

  it('refuses to weight when a margin cell has no respondent, naming it', async () => {
    const { agent } = await coordinator();
    const { waveId } = await surveyWithWave(agent, 'cork', now());
    await agent.request('PUT', `/api/v1/cities/cork/survey-waves/${waveId}/margins`, margins());
    await seedAnswers(t.app, corkId, waveId, 5, 13);
    const res = await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}/estimates`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('no respondent');
  });

  it('offers a printable QR code of the public link', async () => {
    const { agent } = await coordinator();
    const { waveId } = await surveyWithWave(agent, 'cork', now());
    const res = await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toMatch(/^<svg [^>]*viewBox/);
  });
});

describe("Sample City's wave", () => {
  it('is there on first start: 600 responses weighted to its census margins, its public page open', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'sample-city' }] });
    const list = (await agent.get('/api/v1/cities/sample-city/surveys')).json();
    const waveId = list.items[0].waves[0].id;
    expect(list.items[0].waves[0].url).toMatch(/\/s\/sample-city\/sample$/);
    const res = await agent.get(`/api/v1/cities/sample-city/survey-waves/${waveId}/estimates`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().weighting).toMatchObject({ method: 'raked', respondents: 600, excluded: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/s/sample-city/sample' })).statusCode).toBe(200);
  });
});
