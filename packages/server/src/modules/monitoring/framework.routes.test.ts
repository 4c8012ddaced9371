import { gunzipSync } from 'node:zlib';
import { FrameworkResponseSchema, MeasurementResponseSchema, ProblemSchema } from '@lco/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../platform/testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe('GET /api/v1/framework', () => {
  it('serves the whole catalogue in the requested language, valid against its schema', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/framework?lang=es' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = FrameworkResponseSchema.parse(res.json());
    expect(body).toMatchObject({ lang: 'es', fallback: false, version: 'key-features-2013' });
    expect(body.areas).toHaveLength(3);
    const focusAreas = body.areas.flatMap((a) => a.focusAreas);
    expect(focusAreas).toHaveLength(12);
    const measurements = focusAreas.flatMap((f) => f.features.flatMap((x) => x.measurements));
    expect(measurements).toHaveLength(60);
    expect(body.areas[0]?.title.lang).toBe('es');
  });

  it('falls back to English for an unknown language and says so', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/framework?lang=tlh' });
    const body = FrameworkResponseSchema.parse(res.json());
    expect(body).toMatchObject({ lang: 'en', requestedLang: 'tlh', fallback: true });
  });

  it('is gzipped for clients that accept it and revalidates by ETag', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/framework?lang=ar',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = FrameworkResponseSchema.parse(JSON.parse(gunzipSync(res.rawPayload).toString('utf8')));
    expect(body.lang).toBe('ar');
    const etag = res.headers.etag;
    expect(etag).toBeTruthy();
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/framework?lang=ar',
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('GET /api/v1/framework/measurements/:id', () => {
  it('gives a measurement with its feature, focus area and Beijing commitment', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/framework/measurements/1.1.2b?lang=fr' });
    expect(res.statusCode).toBe(200);
    const body = MeasurementResponseSchema.parse(res.json());
    expect(body.measurement).toMatchObject({ id: '1.1.2b', source: 'survey', unit: 'percent' });
    expect(body.feature.code).toBe('1.1.2');
    expect(body.focusArea).toMatchObject({ id: '1.1', commitment: { number: 1 } });
  });

  it('marks the reconstructed feature title 2.4.2', async () => {
    const body = MeasurementResponseSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/v1/framework/measurements/2.4.2a' })).json(),
    );
    expect(body.feature.code).toBe('2.4.2');
    expect(body.feature.reconstruction).toMatchObject({ reconstructed: true });
  });

  it('answers an unknown measurement with 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/framework/measurements/9.9.9z' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(ProblemSchema.parse(res.json()).detail).toContain('9.9.9z');
  });
});

describe('the API as a whole', () => {
  it('describes itself in OpenAPI 3.1 with every public route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/framework',
        '/api/v1/framework/measurements/{id}',
        '/api/v1/regions',
        '/api/v1/countries',
        '/api/v1/cities',
        '/api/v1/cities/{slug}',
      ]),
    );
  });

  it('answers an unknown API path with 404 problem+json and health checks with ok', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
  });
});
