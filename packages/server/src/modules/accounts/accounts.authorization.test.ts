import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { Agent, cityId, createPerson, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { AccountsRepository } from './accounts.repository.ts';
import { roleGrants } from './accounts.tables.ts';

/**
 * Every write of the API, tried anonymously (401) and, where it has a scope, from the wrong city (403),
 * each time checking that nothing changed. A new write endpoint fails the first test until it is added here.
 */
let t: TestApp;
let dublinGrantId: string;
let someoneId: string;

beforeAll(async () => {
  t = await testApp();
  const someone = await createPerson(t.app, { grants: [{ role: 'city-editor', city: 'dublin' }] });
  someoneId = someone.id;
  const grants = await new AccountsRepository(t.app.db).activeGrants([someone.id]);
  dublinGrantId = grants.get(someone.id)?.[0]?.id ?? '';
});
afterAll(async () => t.close());

/** Writes anyone may call without a session (they are throttled and token-checked instead). */
const PUBLIC_WRITES = new Set([
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/complete',
  'POST /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
]);

const writes = (): [string, string, unknown][] => [
  ['POST', '/api/v1/auth/sign-out', {}],
  ['POST', '/api/v1/auth/sign-out-everywhere', {}],
  ['PATCH', '/api/v1/me', { displayName: 'X' }],
  ['POST', '/api/v1/me/password', { currentPassword: 'x', newPassword: 'a long enough passphrase' }],
  ['DELETE', '/api/v1/me/sessions/0123456789abcdef', undefined],
  ['POST', '/api/v1/invitations', { email: 'x@example.org', role: 'city-editor', scope: { city: 'dublin' } }],
  ['POST', `/api/v1/users/${someoneId}/roles`, { role: 'city-editor', scope: { city: 'dublin' } }],
  ['DELETE', `/api/v1/role-grants/${dublinGrantId}`, undefined],
];

async function fingerprint() {
  return {
    grants: await t.app.db.$count(roleGrants),
    audit: await t.app.db.$count(auditLog),
  };
}

describe('every write is covered', () => {
  it('the list above names every state-changing route the API has', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const declared = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set([
      ...PUBLIC_WRITES,
      ...writes().map(
        ([m, url]) =>
          `${m} ${url.replace(/[0-9a-f-]{36}/, '{id}').replace('/sessions/0123456789abcdef', '/sessions/{id}')}`,
      ),
    ]);
    expect(declared.filter((w) => !covered.has(w))).toEqual([]);
  });
});

describe('anonymous writes', () => {
  const labels = ['sign-out', 'sign-out-everywhere', 'profile', 'password', 'session', 'invitation', 'grant', 'revoke'];
  it.each(labels.map((label, index) => [label, index] as const))('%s → 401, nothing changes', async (_label, index) => {
    const [method, url, body] = writes()[index] as [string, string, unknown];
    const before = await fingerprint();
    const res = await new Agent(t.app).request(method as 'POST', url, body);
    expect(res.statusCode, `${method} ${url}`).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await fingerprint()).toEqual(before);
  });
});

describe("writes on another city's resources", () => {
  it('a Cork coordinator cannot invite, grant or revoke in Dublin', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    const before = await fingerprint();
    for (const [method, url, body] of writes().slice(5)) {
      const res = await agent.request(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await fingerprint()).toEqual(before);
    const still = await new AccountsRepository(t.app.db).findGrant(dublinGrantId);
    expect(still?.revokedAt).toBeNull();
    expect(await cityId(t.app, 'dublin')).toBe(still?.scopeId);
  });
});
