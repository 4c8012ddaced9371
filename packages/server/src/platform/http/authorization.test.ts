import { AWARD_RULES_CURRENT } from '@lco/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository } from '../../modules/accounts/accounts.repository.ts';
import { roleGrants } from '../../modules/accounts/accounts.tables.ts';
import { awardApplications, awardCycles, awardScores, awardVotes } from '../../modules/awards/award.tables.ts';
import {
  cityMemberships,
  membershipApplications,
  membershipCalls,
  membershipReports,
  membershipSettings,
} from '../../modules/membership/membership.tables.ts';
import { cycles, observations } from '../../modules/monitoring/cycle.tables.ts';
import { evidence } from '../../modules/monitoring/evidence.tables.ts';
import { localMeasurements } from '../../modules/monitoring/local-measurement.tables.ts';
import {
  expertConflicts,
  expertProfiles,
  narratives,
  reviewAssignments,
  reviewRatings,
  reviewRounds,
  rubrics,
} from '../../modules/reviews/review.tables.ts';
import { surveyResponses, surveys, surveyWaves } from '../../modules/surveys/survey.tables.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { Agent, cityId, createPerson, signedIn } from '../testing/agent.ts';
import { type TestApp, testApp } from '../testing/app.ts';

/**
 * Every write of the API, tried anonymously (401) and, where it has a scope, from the wrong city (403),
 * each time checking that nothing changed. A new write endpoint fails the first test until it is added here.
 */
let t: TestApp;
let dublinGrantId: string;
let someoneId: string;
let callId: string;
let applicationId: string;
let awardCycleId: string;
let awardApplicationId: string;

beforeAll(async () => {
  t = await testApp();
  const someone = await createPerson(t.app, { grants: [{ role: 'city-editor', city: 'dublin' }] });
  someoneId = someone.id;
  const grants = await new AccountsRepository(t.app.db).activeGrants([someone.id]);
  dublinGrantId = grants.get(someone.id)?.[0]?.id ?? '';
  // A membership call and a draft application of Dublin's, for the writes that name them.
  const at = new Date();
  const [call] = await t.app.db
    .insert(membershipCalls)
    .values({
      name: 'Call',
      opensAt: at,
      closesAt: new Date(at.getTime() + 86_400_000),
      endorsementDays: 30,
      quotaPerCountry: 3,
      juryRecommendation: false,
      expireAfterDeadline: false,
      reminderDaysBefore: 7,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  callId = call?.id ?? '';
  const [application] = await t.app.db
    .insert(membershipApplications)
    .values({ cityId: await cityId(t.app, 'dublin'), callId, state: 'draft', form: {}, createdAt: at, updatedAt: at })
    .returning();
  applicationId = application?.id ?? '';
  // An award cycle and a draft award application of Dublin's.
  const [awardCycle] = await t.app.db
    .insert(awardCycles)
    .values({
      name: 'Award',
      year: 2090,
      opensAt: at,
      closesAt: new Date(at.getTime() + 86_400_000),
      nominationsCloseAt: new Date(at.getTime() + 2 * 86_400_000),
      rules: AWARD_RULES_CURRENT,
      state: 'open',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  awardCycleId = awardCycle?.id ?? '';
  const [awardApplication] = await t.app.db
    .insert(awardApplications)
    .values({
      cityId: await cityId(t.app, 'dublin'),
      cycleId: awardCycleId,
      state: 'draft',
      report: {},
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  awardApplicationId = awardApplication?.id ?? '';
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
  ['POST', '/api/v1/cities/dublin/cycles', { year: 2024 }],
  [
    'PUT',
    '/api/v1/cities/dublin/cycles/2024/observations/1.1.1a/total',
    { value: 95, sourceDetail: 'Census', expectedVersion: null },
  ],
  ['DELETE', '/api/v1/cities/dublin/cycles/2024/observations/1.1.1a/total?version=1', undefined],
  ['POST', '/api/v1/cities/dublin/cycles/2024/submit', {}],
  ['POST', '/api/v1/cities/dublin/cycles/2024/accept', {}],
  [
    'POST',
    '/api/v1/cities/dublin/cycles/2024/return',
    { comments: [{ measurementId: null, comment: 'Check the sources' }] },
  ],
  ['POST', '/api/v1/cities/dublin/cycles/2024/reopen', { reason: 'A correction' }],
  ['PUT', '/api/v1/cities/dublin/targets/1.1.1a/total', { targetValue: 98, targetYear: 2030 }],
  ['DELETE', '/api/v1/cities/dublin/targets/1.1.1a/total', undefined],
  ['POST', '/api/v1/cities/dublin/cycles/2024/evidence', {}],
  ['POST', '/api/v1/cities/dublin/cycles/2024/evidence/links', { url: 'https://example.org/report', title: 'Report' }],
  ['DELETE', '/api/v1/cities/dublin/cycles/2024/evidence/00000000-0000-4000-8000-000000000000', undefined],
  [
    'POST',
    '/api/v1/cities/dublin/local-measurements',
    { names: { en: 'Library visits' }, definition: 'Visits', unit: 'count', polarity: 'higher-better' },
  ],
  ['PATCH', '/api/v1/cities/dublin/local-measurements/local-library', { definition: 'Visits a year' }],
  ['DELETE', '/api/v1/cities/dublin/local-measurements/local-library', undefined],
  // Imports are refused before their file is read, so an empty body stands in for the upload.
  ['POST', '/api/v1/cities/dublin/cycles/2024/import', {}],
  ['POST', '/api/v1/observations/import', {}],
  // Expert review (every write of review.policy's matrix).
  ['PUT', '/api/v1/cities/dublin/cycles/2024/narratives/3.1.1a', { text: 'Plan', lang: 'en', expectedVersion: null }],
  ['PUT', '/api/v1/review/rubrics/3.1.1a', { levels: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' }, expectedVersion: 1 }],
  ['PUT', '/api/v1/review/experts/00000000-0000-4000-8000-000000000000', { countryIso2: 'FR' }],
  ['POST', '/api/v1/review/me/conflicts', { city: 'dublin', reason: 'Adviser' }],
  ['DELETE', '/api/v1/review/experts/00000000-0000-4000-8000-000000000000/conflicts/dublin', undefined],
  ['POST', '/api/v1/review/rounds', { name: 'R', deadline: '2100-01-01T00:00:00Z' }],
  ['PATCH', '/api/v1/review/rounds/00000000-0000-4000-8000-000000000000', { name: 'R2' }],
  ['POST', '/api/v1/review/rounds/00000000-0000-4000-8000-000000000000/close', {}],
  ['POST', '/api/v1/review/rounds/00000000-0000-4000-8000-000000000000/cycles', { city: 'dublin', year: 2024 }],
  [
    'POST',
    '/api/v1/review/rounds/00000000-0000-4000-8000-000000000000/assignments',
    { city: 'dublin', reviewerId: '00000000-0000-4000-8000-000000000000' },
  ],
  [
    'POST',
    '/api/v1/review/rounds/00000000-0000-4000-8000-000000000000/flags/dublin/3.1.1a/acknowledge',
    { comment: 'Stands' },
  ],
  ['POST', '/api/v1/review/rounds/00000000-0000-4000-8000-000000000000/consolidate', {}],
  ['DELETE', '/api/v1/review/assignments/00000000-0000-4000-8000-000000000000', undefined],
  [
    'PUT',
    '/api/v1/review/assignments/00000000-0000-4000-8000-000000000000/ratings/3.1.1a',
    { value: 3, rationale: 'Why' },
  ],
  ['POST', '/api/v1/review/assignments/00000000-0000-4000-8000-000000000000/submit', {}],
  [
    'POST',
    '/api/v1/review/assignments/00000000-0000-4000-8000-000000000000/ratings/3.1.1a/revise',
    { value: 3, rationale: 'Why', expectedVersion: 1 },
  ],
  // Membership (every write of membership.policy's matrix).
  [
    'POST',
    '/api/v1/membership-calls',
    { name: 'Call', opensAt: '2100-01-01T00:00:00Z', closesAt: '2100-02-01T00:00:00Z' },
  ],
  ['PATCH', `/api/v1/membership-calls/${callId}`, { name: 'Call 2' }],
  ['POST', '/api/v1/applicant-cities', { name: 'Newtown', countryIso2: 'IE' }],
  ['POST', '/api/v1/membership-applications', { callId, city: 'dublin' }],
  ['PUT', `/api/v1/membership-applications/${applicationId}/form`, { form: {}, expectedVersion: 1 }],
  ['POST', `/api/v1/membership-applications/${applicationId}/transitions`, { action: 'submit' }],
  // Refused before the file is read, so an empty body stands in for the upload.
  ['POST', `/api/v1/membership-applications/${applicationId}/signed-form`, {}],
  ['POST', '/api/v1/cities/dublin/membership-reports', { cycleYear: 2024, narrative: 'Progress' }],
  ['POST', '/api/v1/membership-compliance/reminders', {}],
  ['POST', '/api/v1/cities/dublin/membership/standing', { standing: 'inactive', reason: 'Missed reports' }],
  ['PUT', '/api/v1/membership-settings', { graceDays: 10 }],
  // Surveys (every write of survey.policy's matrix).
  [
    'POST',
    '/api/v1/cities/dublin/surveys',
    { kind: 'citizen', name: 'Residents', districts: [{ code: 'centre', name: 'Centre' }], languages: ['en'] },
  ],
  ['PATCH', '/api/v1/cities/dublin/surveys/00000000-0000-4000-8000-000000000000', { name: 'Residents 2' }],
  [
    'POST',
    '/api/v1/cities/dublin/surveys/00000000-0000-4000-8000-000000000000/waves',
    { name: 'Spring', opensAt: '2100-01-01T00:00:00Z', closesAt: '2100-02-01T00:00:00Z' },
  ],
  ['PATCH', '/api/v1/cities/dublin/survey-waves/00000000-0000-4000-8000-000000000000', { name: 'Autumn' }],
  [
    'PUT',
    '/api/v1/cities/dublin/survey-waves/00000000-0000-4000-8000-000000000000/margins',
    { ageSex: [], district: [] },
  ],
  ['POST', '/api/v1/cities/dublin/survey-waves/00000000-0000-4000-8000-000000000000/estimates/use', { year: 2024 }],
  // Refused before the file is read, so an empty body stands in for the upload.
  ['POST', '/api/v1/cities/dublin/survey-waves/00000000-0000-4000-8000-000000000000/responses/import', {}],
  // Awards (every write of award.policy's matrix).
  [
    'POST',
    '/api/v1/award-cycles',
    {
      name: 'Award',
      year: 2099,
      opensAt: '2098-01-01T00:00:00Z',
      closesAt: '2098-02-01T00:00:00Z',
      nominationsCloseAt: '2098-03-01T00:00:00Z',
    },
  ],
  ['POST', `/api/v1/award-cycles/${awardCycleId}/transitions`, { action: 'open-jury' }],
  ['POST', '/api/v1/award-applications', { cycleId: awardCycleId, city: 'dublin' }],
  ['PUT', `/api/v1/award-applications/${awardApplicationId}/report`, { report: {}, expectedVersion: 1 }],
  // Refused before the file is read, so an empty body stands in for the upload.
  ['POST', `/api/v1/award-applications/${awardApplicationId}/consent-form`, {}],
  ['POST', `/api/v1/award-applications/${awardApplicationId}/transitions`, { action: 'submit' }],
  [
    'PUT',
    `/api/v1/award-applications/${awardApplicationId}/scores/inclusive-learning`,
    { score: 4, rationale: 'Evidence' },
  ],
  ['POST', `/api/v1/award-applications/${awardApplicationId}/votes`, { vote: 'for' }],
];

/** The OpenAPI template of a concrete URL: ids and path values back to their {names}. */
function templateOf(url: string): string {
  return url
    .split('?')[0]
    ?.replace(/[0-9a-f-]{36}/, '{id}')
    .replace('/sessions/0123456789abcdef', '/sessions/{id}')
    .replace('/cities/dublin/', '/cities/{slug}/')
    .replace('/cycles/2024', '/cycles/{year}')
    .replace('/observations/1.1.1a/total', '/observations/{measurementId}/{breakdown}')
    .replace('/targets/1.1.1a/total', '/targets/{measurementId}/{breakdown}')
    .replace('/local-measurements/local-library', '/local-measurements/{id}')
    .replace('/narratives/3.1.1a', '/narratives/{measurementId}')
    .replace('/rubrics/3.1.1a', '/rubrics/{measurementId}')
    .replace('/ratings/3.1.1a', '/ratings/{measurementId}')
    .replace('/flags/dublin/3.1.1a/', '/flags/{slug}/{measurementId}/')
    .replace('/review/experts/{id}', '/review/experts/{userId}')
    .replace('/surveys/{id}', '/surveys/{surveyId}')
    .replace('/survey-waves/{id}', '/survey-waves/{waveId}')
    .replace('/conflicts/dublin', '/conflicts/{slug}')
    .replace('/scores/inclusive-learning', '/scores/{criterion}') as string;
}

async function fingerprint() {
  return {
    grants: await t.app.db.$count(roleGrants),
    audit: await t.app.db.$count(auditLog),
    cycles: await t.app.db.$count(cycles),
    observations: await t.app.db.$count(observations),
    evidence: await t.app.db.$count(evidence),
    localMeasurements: await t.app.db.$count(localMeasurements),
    narratives: await t.app.db.$count(narratives),
    rubrics: await t.app.db.$count(rubrics),
    rounds: await t.app.db.$count(reviewRounds),
    assignments: await t.app.db.$count(reviewAssignments),
    ratings: await t.app.db.$count(reviewRatings),
    conflicts: await t.app.db.$count(expertConflicts),
    profiles: await t.app.db.$count(expertProfiles),
    calls: JSON.stringify(await t.app.db.select().from(membershipCalls)),
    applications: JSON.stringify(await t.app.db.select().from(membershipApplications)),
    reports: await t.app.db.$count(membershipReports),
    memberships: await t.app.db.$count(cityMemberships),
    settings: await t.app.db.$count(membershipSettings),
    surveys: JSON.stringify(await t.app.db.select().from(surveys)),
    surveyWaves: JSON.stringify(await t.app.db.select().from(surveyWaves)),
    surveyResponses: await t.app.db.$count(surveyResponses),
    awardCycles: JSON.stringify(await t.app.db.select().from(awardCycles)),
    awardApplications: JSON.stringify(await t.app.db.select().from(awardApplications)),
    awardScores: await t.app.db.$count(awardScores),
    awardVotes: await t.app.db.$count(awardVotes),
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
    const covered = new Set([...PUBLIC_WRITES, ...writes().map(([m, url]) => `${m} ${templateOf(url)}`)]);
    expect(declared.filter((w) => !covered.has(w))).toEqual([]);
  });
});

describe('anonymous writes', () => {
  const labels = [
    'sign-out',
    'sign-out-everywhere',
    'profile',
    'password',
    'session',
    'invitation',
    'grant',
    'revoke',
    'cycle create',
    'observation save',
    'observation delete',
    'submit',
    'accept',
    'return',
    'reopen',
    'target save',
    'target delete',
    'evidence upload',
    'evidence link',
    'evidence delete',
    'local measurement create',
    'local measurement update',
    'local measurement delete',
    'observation import',
    'network observation import',
    'narrative save',
    'rubric save',
    'expert profile save',
    'conflict declare',
    'conflict withdraw',
    'round create',
    'round update',
    'round close',
    'round add cycle',
    'assignment create',
    'flag acknowledge',
    'round consolidate',
    'assignment delete',
    'rating save',
    'assignment submit',
    'rating revise',
    'membership call create',
    'membership call update',
    'applicant city create',
    'application create',
    'application form save',
    'application transition',
    'application signed form',
    'membership report submit',
    'compliance reminders',
    'member standing',
    'membership settings',
    'survey create',
    'survey update',
    'wave create',
    'wave update',
    'wave margins',
    'use estimates',
    'responses import',
    'award cycle create',
    'award cycle transition',
    'award application create',
    'award report save',
    'award consent form',
    'award application transition',
    'award score save',
    'award vote',
  ];
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
  it('a Cork coordinator cannot invite, grant, revoke, or touch Dublin’s cycles', async () => {
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
