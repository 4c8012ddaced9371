import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../testing/app.ts';

// docs/api.md is the human guide to the API; this keeps it from falling behind the routes.
const GUIDE = path.resolve(import.meta.dirname, '../../../../../docs/api.md');

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe('docs/api.md', () => {
  it('names every operation of the OpenAPI document, as "METHOD /path/:param"', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const guide = fs.readFileSync(GUIDE, 'utf8');
    const operations = Object.entries(doc.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((operation) => !guide.includes(`\`${operation}`))).toEqual([]);
  });
});
