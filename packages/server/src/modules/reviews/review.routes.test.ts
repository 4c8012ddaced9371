import {
  AssignmentDetailSchema,
  AssignmentOutSchema,
  allMeasurements,
  CycleDetailSchema,
  NarrativeListSchema,
  ProblemSchema,
  RatingOutSchema,
  ReviewerCandidateListSchema,
  ReviewResultsSchema,
  RoundDashboardSchema,
  RoundOutSchema,
  RubricListSchema,
} from '@lco/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { mailOutbox } from '../../platform/mail/mail.tables.ts';
import { type Agent, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { observations } from '../monitoring/cycle.tables.ts';
import { narratives, reviewAssignments, reviewRatings } from './review.tables.ts';
import { RoundService } from './round.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const EXPERT = allMeasurements()
  .filter((m) => m.source === 'expert')
  .map((m) => m.id);
const DAY = 24 * 60 * 60 * 1000;
const cycleUrl = (city: string, year: number) => `/api/v1/cities/${city}/cycles/${year}`;

/** A city's team with a submitted cycle for the year (one value entered). */
async function submittedCycle(city: string, year: number) {
  const coordinator = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city }] });
  const saved = await coordinator.agent.request('PUT', `${cycleUrl(city, year)}/observations/1.2.3b/total`, {
    value: 2,
    sourceDetail: 'City records',
    expectedVersion: null,
  });
  expect(saved.statusCode).toBe(200);
  return coordinator;
}

async function submit(agent: Agent, city: string, year: number) {
  expect((await agent.post(`${cycleUrl(city, year)}/submit`)).statusCode).toBe(200);
}

/** An expert reviewer with her country recorded. */
async function expert(country: string, lang = 'en') {
  const who = await signedIn(t.app, { grants: [{ role: 'expert' }], lang });
  const res = await secretariat.request('PUT', `/api/v1/review/experts/${who.person.id}`, { countryIso2: country });
  expect(res.statusCode).toBe(200);
  return who;
}

async function openRound(name: string, settings: Record<string, unknown> = {}) {
  const res = await secretariat.post('/api/v1/review/rounds', {
    name,
    deadline: new Date(Date.now() + 30 * DAY).toISOString(),
    ...settings,
  });
  expect(res.statusCode).toBe(201);
  return RoundOutSchema.parse(res.json());
}

async function assign(roundId: string, city: string, reviewerId: string) {
  return secretariat.post(`/api/v1/review/rounds/${roundId}/assignments`, { city, reviewerId });
}

/** Rate every expert measurement (overrides by measurement id) and submit. */
async function rateAll(agent: Agent, assignmentId: string, value: number, overrides: Record<string, number> = {}) {
  for (const m of EXPERT) {
    const res = await agent.request('PUT', `/api/v1/review/assignments/${assignmentId}/ratings/${m}`, {
      value: overrides[m] ?? value,
      rationale: `Evidence for ${m} read against the rubric`,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function fingerprint() {
  return {
    ratings: await t.app.db.$count(reviewRatings),
    assignments: await t.app.db.$count(reviewAssignments),
    narratives: await t.app.db.$count(narratives),
    audit: await t.app.db.$count(auditLog),
  };
}

function problemType(res: { json: () => unknown }) {
  return ProblemSchema.parse(res.json()).type;
}

let secretariat: Agent;
beforeAll(async () => {
  secretariat = (await signedIn(t.app, { grants: [{ role: 'secretariat' }] })).agent;
});

describe('narratives', () => {
  it('are saved per expert measurement with a word limit and versions, and locked with the cycle', async () => {
    const coordinator = await submittedCycle('limerick', 2022);
    const url = `${cycleUrl('limerick', 2022)}/narratives/3.1.1a`;
    const first = await coordinator.agent.request('PUT', url, {
      text: 'La ville a adopté un plan.',
      lang: 'fr',
      expectedVersion: null,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, words: 6, wordLimit: 500, lang: 'fr' });

    const { agent: stranger } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] });
    const before = await fingerprint();
    const long = await coordinator.agent.request('PUT', url, {
      text: 'word '.repeat(501),
      lang: 'en',
      expectedVersion: 1,
    });
    expect(long.statusCode).toBe(400);
    expect(ProblemSchema.parse(long.json()).errors?.[0]?.field).toBe('text');
    const stale = await coordinator.agent.request('PUT', url, { text: 'Again', lang: 'en', expectedVersion: null });
    expect(stale.statusCode).toBe(409);
    const notExpert = await coordinator.agent.request('PUT', `${cycleUrl('limerick', 2022)}/narratives/1.1.1a`, {
      text: 'x',
      lang: 'en',
      expectedVersion: null,
    });
    expect(problemType(notExpert)).toBe('/problems/review/not-expert-measurement');
    expect((await stranger.request('PUT', url, { text: 'x', lang: 'en', expectedVersion: 1 })).statusCode).toBe(403);
    expect(await fingerprint()).toEqual(before);

    await submit(coordinator.agent, 'limerick', 2022);
    const locked = await coordinator.agent.request('PUT', url, { text: 'Later', lang: 'en', expectedVersion: 1 });
    expect(locked.statusCode).toBe(409);
    expect(problemType(locked)).toBe('/problems/review/cycle-locked');

    const list = NarrativeListSchema.parse(
      (await coordinator.agent.get(`${cycleUrl('limerick', 2022)}/narratives`)).json(),
    );
    expect(list.wordLimit).toBe(500);
    expect(list.measurements).toHaveLength(18);
    expect(list.items.map((n) => n.text)).toEqual(['La ville a adopté un plan.']);
    // Not public until accepted.
    const { agent: outsider } = await signedIn(t.app);
    expect((await outsider.get(`${cycleUrl('limerick', 2022)}/narratives`)).statusCode).toBe(404);
  });
});

describe('rubrics', () => {
  it('are seeded for the 18 expert measurements; an edit is a new version and a round pins what it used', async () => {
    const rubrics = RubricListSchema.parse((await secretariat.get('/api/v1/review/rubrics')).json()).items;
    expect(rubrics.map((r) => r.measurementId).sort()).toEqual([...EXPERT].sort());
    const first = rubrics.find((r) => r.measurementId === '3.1.1a');
    expect(first).toMatchObject({ version: 1, source: 'seed', frameworkVersion: 'key-features-2013' });
    const round = await openRound('Pinned rubrics');
    expect(round.rubricVersions['3.1.1a']).toBe(1);

    const levels = { ...first?.levels, '5': 'A city-wide learning strategy, funded and evaluated.' };
    const { agent: expertAgent } = await signedIn(t.app, { grants: [{ role: 'expert' }] });
    expect(
      (await expertAgent.request('PUT', '/api/v1/review/rubrics/3.1.1a', { levels, expectedVersion: 1 })).statusCode,
    ).toBe(403);
    const edited = await secretariat.request('PUT', '/api/v1/review/rubrics/3.1.1a', { levels, expectedVersion: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, source: 'secretariat' });
    expect(
      (await secretariat.request('PUT', '/api/v1/review/rubrics/3.1.1a', { levels, expectedVersion: 1 })).statusCode,
    ).toBe(409);
    const history = RubricListSchema.parse((await secretariat.get('/api/v1/review/rubrics/3.1.1a')).json()).items;
    expect(history.map((r) => r.version)).toEqual([2, 1]);
    const again = RoundOutSchema.parse((await secretariat.get(`/api/v1/review/rounds/${round.id}`)).json());
    expect(again.rubricVersions['3.1.1a']).toBe(1);
    expect((await openRound('After the edit')).rubricVersions['3.1.1a']).toBe(2);
  });
});

describe('rounds and assignments', () => {
  it('take only submitted cycles, and refuse a reviewer of the same country or with a declared conflict', async () => {
    const round = await openRound('Assignment rules');
    const draft = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'bristol' }] });
    await draft.agent.request('PUT', `${cycleUrl('bristol', 2023)}/observations/1.2.3b/total`, {
      value: 2,
      sourceDetail: 'City records',
      expectedVersion: null,
    });
    const notSubmitted = await secretariat.post(`/api/v1/review/rounds/${round.id}/cycles`, {
      city: 'bristol',
      year: 2023,
    });
    expect(notSubmitted.statusCode).toBe(409);
    expect(problemType(notSubmitted)).toBe('/problems/review/cycle-not-submitted');

    const coordinator = await submittedCycle('dublin', 2023);
    await submit(coordinator.agent, 'dublin', 2023);
    expect(
      (await secretariat.post(`/api/v1/review/rounds/${round.id}/cycles`, { city: 'dublin', year: 2023 })).statusCode,
    ).toBe(201);

    const irish = await expert('IE');
    const conflicted = await expert('FR');
    const unknown = await signedIn(t.app, { grants: [{ role: 'expert' }] });
    const fine = await expert('DE');
    const declared = await conflicted.agent.post('/api/v1/review/me/conflicts', {
      city: 'dublin',
      reason: 'I advised the city on its plan',
    });
    expect(declared.statusCode).toBe(201);

    const { agent: editor } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'dublin' }] });
    const before = await fingerprint();
    const same = await assign(round.id, 'dublin', irish.person.id);
    expect(same.statusCode).toBe(409);
    expect(problemType(same)).toBe('/problems/review/same-country');
    const conflict = await assign(round.id, 'dublin', conflicted.person.id);
    expect(problemType(conflict)).toBe('/problems/review/conflict-of-interest');
    expect(ProblemSchema.parse(conflict.json()).detail).toContain('conflict of interest');
    expect(problemType(await assign(round.id, 'dublin', unknown.person.id))).toBe('/problems/review/country-unknown');
    expect(problemType(await assign(round.id, 'dublin', coordinator.person.id))).toBe('/problems/review/not-an-expert');
    expect(
      (
        await editor.post(`/api/v1/review/rounds/${round.id}/assignments`, {
          city: 'dublin',
          reviewerId: fine.person.id,
        })
      ).statusCode,
    ).toBe(403);
    expect(await fingerprint()).toEqual(before);

    const candidates = ReviewerCandidateListSchema.parse(
      (await secretariat.get(`/api/v1/review/rounds/${round.id}/candidates?city=dublin`)).json(),
    ).items;
    const refused = (id: string) => candidates.find((c) => c.id === id)?.refusedBy;
    expect(refused(irish.person.id)).toBe('same-country');
    expect(refused(conflicted.person.id)).toBe('conflict-of-interest');
    expect(refused(fine.person.id)).toBeNull();

    const ok = await assign(round.id, 'dublin', fine.person.id);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(problemType(await assign(round.id, 'dublin', fine.person.id))).toBe('/problems/review/already-assigned');
    const mails = await t.app.db.select().from(mailOutbox);
    expect(mails.filter((m) => m.toAddress === fine.person.email && m.kind === 'review-assigned')).toHaveLength(1);
  });
});

describe('a round from blind ratings to consolidated observations', () => {
  const city = 'cork';
  const year = 2024;
  let roundId: string;
  let ana: Awaited<ReturnType<typeof expert>>;
  let ben: Awaited<ReturnType<typeof expert>>;
  let anaAssignment: string;
  let benAssignment: string;
  let coordinator: Awaited<ReturnType<typeof submittedCycle>>;

  beforeAll(async () => {
    coordinator = await submittedCycle(city, year);
    await coordinator.agent.request('PUT', `${cycleUrl(city, year)}/narratives/3.1.1a`, {
      text: 'Our learning city strategy was adopted in 2022.',
      lang: 'en',
      expectedVersion: null,
    });
    await coordinator.agent.post(`${cycleUrl(city, year)}/evidence/links`, {
      url: 'https://example.org/strategy.pdf',
      title: 'Learning city strategy',
      measurementId: '3.1.1a',
    });
    await submit(coordinator.agent, city, year);
    roundId = (await openRound('Cork 2024 review')).id;
    expect((await secretariat.post(`/api/v1/review/rounds/${roundId}/cycles`, { city, year })).statusCode).toBe(201);
    ana = await expert('FR', 'fr');
    ben = await expert('ES');
    anaAssignment = AssignmentOutSchema.parse((await assign(roundId, city, ana.person.id)).json()).id;
    benAssignment = AssignmentOutSchema.parse((await assign(roundId, city, ben.person.id)).json()).id;
  });

  it("shows a reviewer her inbox and the cycle's evidence and narratives beside the pinned rubrics", async () => {
    const inbox = (await ana.agent.get('/api/v1/review/me/assignments')).json() as { items: unknown[] };
    expect(inbox.items.map((a) => AssignmentOutSchema.parse(a))).toMatchObject([
      { id: anaAssignment, city, year, state: 'assigned', rated: 0, measurements: 18 },
    ]);
    const detail = AssignmentDetailSchema.parse(
      (await ana.agent.get(`/api/v1/review/assignments/${anaAssignment}`)).json(),
    );
    const leadership = detail.measurements.find((m) => m.measurementId === '3.1.1a');
    expect(leadership?.narrative?.text).toContain('strategy');
    expect(leadership?.evidence.map((e) => e.title)).toEqual(['Learning city strategy']);
    expect(leadership?.rubric?.levels['5']).toBeTruthy();
    expect(leadership?.others).toBeNull();
    // The cycle is not public, but its reviewers read its evidence through the evidence route itself.
    expect((await ana.agent.get(`${cycleUrl(city, year)}/evidence`)).statusCode).toBe(200);
    const { agent: otherExpert } = await signedIn(t.app, { grants: [{ role: 'expert' }] });
    expect((await otherExpert.get(`${cycleUrl(city, year)}/evidence`)).statusCode).toBe(404);
  });

  it('refuses a rating of an unassigned city, outside 1–5, without rationale, a peek before submitting and an incomplete submit', async () => {
    const before = await fingerprint();
    const rating = { value: 4, rationale: 'Strong evidence' };
    const notMine = await ben.agent.request(
      'PUT',
      `/api/v1/review/assignments/${anaAssignment}/ratings/3.1.1a`,
      rating,
    );
    expect(notMine.statusCode).toBe(403);
    expect(problemType(notMine)).toBe('/problems/review/not-assigned');
    const url = `/api/v1/review/assignments/${anaAssignment}/ratings/3.1.1a`;
    const six = await ana.agent.request('PUT', url, { value: 6, rationale: 'Too good' });
    expect(six.statusCode).toBe(400);
    expect(ProblemSchema.parse(six.json()).errors?.[0]?.field).toBe('value');
    expect((await ana.agent.request('PUT', url, { value: 2.5, rationale: 'Half' })).statusCode).toBe(400);
    const bare = await ana.agent.request('PUT', url, { value: 3, rationale: '   ' });
    expect(bare.statusCode).toBe(400);
    expect(ProblemSchema.parse(bare.json()).errors?.[0]?.field).toBe('rationale');
    expect(
      problemType(await ana.agent.request('PUT', `/api/v1/review/assignments/${anaAssignment}/ratings/1.1.1a`, rating)),
    ).toBe('/problems/review/not-expert-measurement');
    expect((await secretariat.request('PUT', url, rating)).statusCode).toBe(403); // nobody rates in her name
    const peek = await ana.agent.get(`/api/v1/review/assignments/${anaAssignment}/peer-ratings`);
    expect(peek.statusCode).toBe(403);
    expect(problemType(peek)).toBe('/problems/review/blind');
    const incomplete = await ana.agent.post(`/api/v1/review/assignments/${anaAssignment}/submit`);
    expect(problemType(incomplete)).toBe('/problems/review/incomplete');
    expect(await fingerprint()).toEqual(before);
  });

  it('locks submitted ratings: a second submit and a later change are refused', async () => {
    await rateAll(ana.agent, anaAssignment, 4, { '3.1.1a': 2 });
    // Drafts can change until submitted.
    const draft = RatingOutSchema.parse(
      (
        await ana.agent.request('PUT', `/api/v1/review/assignments/${anaAssignment}/ratings/3.1.1a`, {
          value: 2,
          rationale: 'The strategy is adopted but not funded',
        })
      ).json(),
    );
    expect(draft).toMatchObject({ version: 1, submittedAt: null });
    const submitted = await ana.agent.post(`/api/v1/review/assignments/${anaAssignment}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(AssignmentOutSchema.parse(submitted.json())).toMatchObject({ state: 'submitted', rated: 18 });

    const before = await fingerprint();
    const again = await ana.agent.post(`/api/v1/review/assignments/${anaAssignment}/submit`);
    expect(again.statusCode).toBe(409);
    expect(problemType(again)).toBe('/problems/review/already-submitted');
    const change = await ana.agent.request('PUT', `/api/v1/review/assignments/${anaAssignment}/ratings/3.1.1a`, {
      value: 5,
      rationale: 'Changed my mind',
    });
    expect(problemType(change)).toBe('/problems/review/rating-locked');
    // Submitted, but Ben has not: nothing is flagged yet, so there is nothing to see.
    const peers = await ana.agent.get(`/api/v1/review/assignments/${anaAssignment}/peer-ratings`);
    expect(peers.json()).toEqual({ items: [] });
    expect(await fingerprint()).toEqual(before);
  });

  it('flags a two-point disagreement when the last reviewer submits, and mails both reviewers', async () => {
    await rateAll(ben.agent, benAssignment, 4);
    expect((await ben.agent.post(`/api/v1/review/assignments/${benAssignment}/submit`)).statusCode).toBe(200);
    const detail = AssignmentDetailSchema.parse(
      (await ben.agent.get(`/api/v1/review/assignments/${benAssignment}`)).json(),
    );
    expect(detail.assignment.flagged).toEqual(['3.1.1a']);
    const flagged = detail.measurements.find((m) => m.measurementId === '3.1.1a');
    expect(flagged?.flag).toMatchObject({ state: 'open', spread: 2 });
    expect(flagged?.others).toEqual([
      // Numbered in assignment order; both were assigned at the same (frozen) instant, so either number.
      {
        reviewer: expect.stringMatching(/^Reviewer [12]$/),
        value: 2,
        rationale: 'The strategy is adopted but not funded',
        version: 1,
      },
    ]);
    // Only flagged measurements are opened up.
    expect(detail.measurements.find((m) => m.measurementId !== '3.1.1a')?.others).toBeUndefined;
    expect(detail.measurements.filter((m) => (m.others ?? []).length > 0)).toHaveLength(1);
    const mails = await t.app.db.select().from(mailOutbox);
    const flagMails = mails.filter((m) => m.kind === 'review-flagged');
    expect(flagMails.map((m) => m.toAddress).sort()).toEqual([ana.person.email, ben.person.email].sort());
    expect(flagMails.find((m) => m.toAddress === ana.person.email)?.lang).toBe('fr');

    const blocked = await secretariat.post(`/api/v1/review/rounds/${roundId}/consolidate`, { city });
    expect(problemType(blocked)).toBe('/problems/review/not-ready');
    expect(ProblemSchema.parse(blocked.json()).detail).toContain('3.1.1a');
  });

  it('keeps both versions when a reviewer revises during reconciliation, and resolves the flag', async () => {
    const url = `/api/v1/review/assignments/${anaAssignment}/ratings`;
    const notFlagged = await ana.agent.post(`${url}/1.3.3a/revise`, { value: 5, rationale: 'x', expectedVersion: 1 });
    expect(problemType(notFlagged)).toBe('/problems/review/not-flagged');
    const stale = await ana.agent.post(`${url}/3.1.1a/revise`, { value: 3, rationale: 'x', expectedVersion: 2 });
    expect(stale.statusCode).toBe(409);
    const revised = await ana.agent.post(`${url}/3.1.1a/revise`, {
      value: 3,
      rationale: 'Reviewer 2 points at the budget line I missed',
      expectedVersion: 1,
    });
    expect(revised.statusCode, revised.body).toBe(201);
    expect(RatingOutSchema.parse(revised.json())).toMatchObject({ version: 2, value: 3 });
    const detail = AssignmentDetailSchema.parse(
      (await ana.agent.get(`/api/v1/review/assignments/${anaAssignment}`)).json(),
    );
    const leadership = detail.measurements.find((m) => m.measurementId === '3.1.1a');
    expect(leadership?.history.map((r) => [r.version, r.value])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(leadership?.flag?.state).toBe('resolved');
    const audits = await t.app.db.select().from(auditLog);
    expect(audits.find((a) => a.action === 'rating.revise')).toMatchObject({
      before: { value: 2, version: 1 },
      after: { value: 3, version: 2 },
    });
  });

  it('reports agreement per round and per measurement, null with the reason where it cannot be computed', async () => {
    const dashboard = RoundDashboardSchema.parse(
      (await secretariat.get(`/api/v1/review/rounds/${roundId}/dashboard`)).json(),
    );
    expect(dashboard.progress).toEqual({ assignments: 2, submitted: 2, cities: 1, consolidated: 0 });
    expect(dashboard.agreement.level).toBe('ordinal');
    // Over the round: 18 units (one city × 18 measurements), two raters.
    expect(dashboard.agreement.initial).toMatchObject({ units: 18, raters: 2, pairable: 36 });
    expect(dashboard.agreement.initial.alpha).toEqual(expect.any(Number));
    expect(dashboard.agreement.final).toMatchObject({ alpha: expect.any(Number), units: 18, reason: null });
    // Per measurement the units are cities: one city, all ratings equal — no variation, so no alpha.
    const one = dashboard.agreement.measurements.find((m) => m.measurementId === '1.3.3a');
    expect(one?.final).toMatchObject({ alpha: null, units: 1, raters: 2 });
    expect(one?.final.reason).toBeTruthy();
    expect(dashboard.cities[0]).toMatchObject({ city, ready: true, blockers: [] });
    expect(dashboard.workload.map((w) => w.assigned)).toEqual([1, 1]);
    expect(dashboard.flags).toMatchObject([{ city, measurementId: '3.1.1a', state: 'resolved' }]);
  });

  it('consolidates into observations with provenance, and shows the city its results anonymised', async () => {
    const { agent: other } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'espoo' }] });
    expect((await other.post(`/api/v1/review/rounds/${roundId}/consolidate`, {})).statusCode).toBe(403);
    const res = await secretariat.post(`/api/v1/review/rounds/${roundId}/consolidate`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      consolidated: [{ city, year, observations: 18 }],
      round: { state: 'consolidated' },
    });

    const detail = CycleDetailSchema.parse((await coordinator.agent.get(cycleUrl(city, year))).json());
    const leadership = detail.observations.find((o) => o.measurementId === '3.1.1a');
    // Final ratings 3 and 4: the lower median.
    expect(leadership).toMatchObject({
      value: '3',
      unit: 'rating-1-5',
      provenance: 'expert-consolidation',
      provenanceDetail: { roundId, roundName: 'Cork 2024 review', rule: 'median', reviewers: 2, alphaLevel: 'ordinal' },
    });
    expect(detail.observations.filter((o) => o.provenance === 'expert-consolidation')).toHaveLength(18);
    expect(detail.observations.find((o) => o.provenance === 'manual')?.provenanceDetail).toBeNull();

    const results = ReviewResultsSchema.parse(
      (await coordinator.agent.get(`${cycleUrl(city, year)}/review-results`)).json(),
    );
    const rated = results.rounds[0]?.measurements.find((m) => m.measurementId === '3.1.1a');
    expect(rated).toMatchObject({ value: '3', reviewers: 2 });
    expect(rated?.ratings.map((r) => r.reviewer)).toEqual(['Reviewer 1', 'Reviewer 2']);
    expect(JSON.stringify(results)).not.toContain(ana.person.email);
    const { agent: elsewhere } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'espoo' }] });
    expect((await elsewhere.get(`${cycleUrl(city, year)}/review-results`)).statusCode).toBe(403);
    const mails = await t.app.db.select().from(mailOutbox);
    expect(mails.some((m) => m.toAddress === coordinator.person.email && m.kind === 'review-results')).toBe(true);
    // A consolidated round is closed to changes.
    const late = await secretariat.post(`/api/v1/review/rounds/${roundId}/consolidate`, {});
    expect(problemType(late)).toBe('/problems/review/round-not-open');
    expect(await t.app.db.$count(observations)).toBeGreaterThan(18);
  });
});

describe('reminders', () => {
  it('mail each reviewer with unsubmitted ratings once before the deadline, however often they run', async () => {
    const coordinator = await submittedCycle('espoo', 2023);
    await submit(coordinator.agent, 'espoo', 2023);
    const round = await openRound('Reminders', {
      deadline: new Date(Date.now() + 20 * DAY).toISOString(),
      reminderDaysBefore: 7,
    });
    await secretariat.post(`/api/v1/review/rounds/${round.id}/cycles`, { city: 'espoo', year: 2023 });
    const reviewer = await expert('IT');
    expect((await assign(round.id, 'espoo', reviewer.person.id)).statusCode).toBe(201);
    const service = new RoundService(t.app.ctx);
    const reminders = async () =>
      (await t.app.db.select().from(mailOutbox)).filter(
        (m) => m.toAddress === reviewer.person.email && m.kind === 'review-reminder',
      );

    await service.sendDueReminders(new Date(Date.now() + 5 * DAY)); // too early
    expect(await reminders()).toHaveLength(0);
    await service.sendDueReminders(new Date(Date.now() + 14 * DAY));
    await service.sendDueReminders(new Date(Date.now() + 15 * DAY));
    expect(await service.sendDueReminders(new Date(Date.now() + 16 * DAY))).toBe(0); // nothing twice
    expect(await reminders()).toHaveLength(1);
    await service.sendDueReminders(new Date(Date.now() + 25 * DAY)); // past the deadline
    expect(await reminders()).toHaveLength(1);

    // A new deadline arms one new reminder.
    const moved = await secretariat.patch(`/api/v1/review/rounds/${round.id}`, {
      deadline: new Date(Date.now() + 40 * DAY).toISOString(),
    });
    expect(moved.statusCode).toBe(200);
    await service.sendDueReminders(new Date(Date.now() + 35 * DAY));
    await service.sendDueReminders(new Date(Date.now() + 36 * DAY));
    expect(await reminders()).toHaveLength(2);
  });
});
