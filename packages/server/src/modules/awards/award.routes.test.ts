import {
  AWARD_RULES_CURRENT,
  AwardApplicationDetailSchema,
  AwardBallotSchema,
  type AwardReport,
  type AwardRules,
  AwardVoteTallySchema,
  CityResponseSchema,
  ProblemSchema,
  PublicAwardsResponseSchema,
  ReviewBoardSchema,
} from '@lco/core';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { mailOutbox } from '../../platform/mail/mail.tables.ts';
import { Agent, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { cityMemberships } from '../membership/membership.tables.ts';
import { cities, cityAwards } from '../network/network.tables.ts';
import { awardApplicationEvents, awardApplications, awardCycles, awardScores, awardVotes } from './award.tables.ts';

let t: TestApp;
let secretariat: Agent;
let reviewers: Agent[];
let jurors: Agent[];
const natcoms = new Map<string, Agent>();

beforeAll(async () => {
  // Sessions outlive the days these tests move the clock by.
  t = await testApp({ settings: { sessionIdleMinutes: 365 * 24 * 60, sessionMaxHours: 365 * 24 } });
  secretariat = (await signedIn(t.app, { grants: [{ role: 'secretariat' }] })).agent;
  reviewers = [
    (await signedIn(t.app, { grants: [{ role: 'expert' }] })).agent,
    (await signedIn(t.app, { grants: [{ role: 'expert' }] })).agent,
  ];
  jurors = [];
  for (let i = 0; i < 3; i++) jurors.push((await signedIn(t.app, { grants: [{ role: 'jury' }] })).agent);
  for (const [country, lang] of [
    ['IE', 'fr'],
    ['FR', 'en'],
    ['KR', 'zh'],
  ] as const) {
    natcoms.set(country, (await signedIn(t.app, { grants: [{ role: 'natcom', country }], lang })).agent);
  }
});
afterAll(async () => t.close());

const DAY = 24 * 60 * 60 * 1000;
const now = () => t.app.ctx.now();
const APPS = '/api/v1/award-applications';
const CYCLES = '/api/v1/award-cycles';
const natcom = (country: string) => natcoms.get(country) as Agent;

/** The seeded history ends in 2024; under current practice (triennial) the next cycle is 2027. */
let nextYear = 2027;

/** Open a cycle: current practice (null: as the server defaults it), cycles of this file coming yearly. */
async function openCycle(rules: Partial<AwardRules> | null = {}, dates: { closesInDays?: number } = {}) {
  const year = nextYear++;
  const res = await secretariat.post(CYCLES, {
    name: `Award ${year}`,
    year,
    opensAt: new Date(now().getTime() - DAY).toISOString(),
    closesAt: new Date(now().getTime() + (dates.closesInDays ?? 30) * DAY).toISOString(),
    nominationsCloseAt: new Date(now().getTime() + 60 * DAY).toISOString(),
    ...(rules ? { rules: { ...AWARD_RULES_CURRENT, periodicityYears: 1, ...rules } } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; year: number; name: string; rules: AwardRules };
}

let cityCounter = 0;

/** Factory: a member city of the directory with a coordinator and an editor. */
async function memberCity(
  country: string,
  options: { joinedMonthsAgo?: number; awardYears?: number[]; region?: string } = {},
) {
  cityCounter++;
  const slug = `award-city-${cityCounter}`;
  const joinedAt = new Date(now().getTime());
  joinedAt.setUTCMonth(joinedAt.getUTCMonth() - (options.joinedMonthsAgo ?? 36));
  const [city] = await t.app.db
    .insert(cities)
    .values({
      slug,
      name: `Award City ${cityCounter}`,
      countryIso2: country,
      membershipStatus: 'member',
      memberSince: joinedAt.getUTCFullYear(),
      searchText: slug,
    })
    .returning();
  if (!city) throw new Error('city not inserted');
  await t.app.db.insert(cityMemberships).values({ cityId: city.id, joinedAt, standing: 'active', updatedAt: now() });
  for (const year of options.awardYears ?? []) {
    await t.app.db.insert(cityAwards).values({ cityId: city.id, year, title: `UNESCO Learning City Award ${year}` });
  }
  const coordinator = (await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: slug }], lang: 'es' })).agent;
  const editor = (await signedIn(t.app, { grants: [{ role: 'city-editor', city: slug }] })).agent;
  return { id: city.id, slug, name: city.name, coordinator, editor };
}

/** Factory: an application already in a state, for the rules of later steps. */
async function applicationIn(cycleId: string, cityId: string, state: string) {
  const [row] = await t.app.db
    .insert(awardApplications)
    .values({ cityId, cycleId, state, report: {}, createdAt: now(), updatedAt: now(), submittedAt: now() })
    .returning();
  if (!row) throw new Error('application not inserted');
  return row.id;
}

function report(rules: AwardRules): AwardReport {
  return {
    summary: 'Twenty years of lifelong learning festivals, a learning city plan and a network of learning spaces.',
    sections: Object.fromEntries(rules.criteria.map((c) => [c.id, `What the city did for ${c.id}.`])),
    materials: [{ kind: 'video', title: 'Festival film', url: 'https://example.org/festival' }],
  };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(agent: Agent, url: string, fileName: string, data: Buffer) {
  const boundary = `----lco${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.request('POST', url, body, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** A draft with its report and consent form, ready to submit. */
async function readyApplication(
  city: Awaited<ReturnType<typeof memberCity>>,
  cycle: { id: string; rules: AwardRules },
) {
  const created = await city.coordinator.post(APPS, { cycleId: cycle.id, city: city.slug });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = AwardApplicationDetailSchema.parse(created.json());
  const saved = await city.editor.request('PUT', `${APPS}/${id}/report`, {
    report: report(cycle.rules),
    expectedVersion: 1,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const consent = await upload(city.editor, `${APPS}/${id}/consent-form`, 'consent.pdf', PDF);
  expect(consent.statusCode, consent.body).toBe(200);
  return id;
}

function step(agent: Agent, id: string, body: Record<string, unknown>) {
  return agent.post(`${APPS}/${id}/transitions`, body);
}

function cycleStep(id: string, action: string) {
  return secretariat.post(`${CYCLES}/${id}/transitions`, { action });
}

async function scoreAll(agent: Agent, id: string, rules: AwardRules, score: number) {
  for (const c of rules.criteria) {
    const res = await agent.request('PUT', `${APPS}/${id}/scores/${c.id}`, {
      score,
      rationale: `Evidence on ${c.id}.`,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function fingerprint() {
  return {
    cycles: JSON.stringify((await t.app.db.select().from(awardCycles)).map((c) => [c.id, c.state])),
    applications: JSON.stringify(
      (await t.app.db.select().from(awardApplications)).map((a) => [a.id, a.state, a.version]),
    ),
    events: await t.app.db.$count(awardApplicationEvents),
    scores: JSON.stringify(
      (await t.app.db.select().from(awardScores)).map((s) => [s.applicationId, s.criterion, s.score]),
    ),
    votes: await t.app.db.$count(awardVotes),
    awards: await t.app.db.$count(cityAwards),
    audit: await t.app.db.$count(auditLog),
    mails: await t.app.db.$count(mailOutbox),
  };
}

/** The refusal is problem+json of the rule's type, and nothing changed. */
async function refused(
  run: () => Promise<{ statusCode: number; json: () => unknown; headers: Record<string, unknown> }>,
  status: number,
  type: string,
) {
  const before = await fingerprint();
  const res = await run();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(ProblemSchema.parse(res.json()).type).toBe(type);
  expect(await fingerprint()).toEqual(before);
  return ProblemSchema.parse(res.json());
}

describe('from application to awardee', () => {
  it('takes a member city through every step, audited and mailed to the next actor', async () => {
    // The secretariat opens a cycle with current practice; member cities' coordinators and National Commissions hear.
    const cycle = await openCycle(null);
    expect(cycle.year).toBe(2027);
    expect(cycle.rules).toEqual(AWARD_RULES_CURRENT);
    const city = await memberCity('IE');
    const opened = await t.app.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'award-cycle-opened'));
    expect(opened.length).toBeGreaterThan(0);

    const id = await readyApplication(city, cycle);
    const draft = AwardApplicationDetailSchema.parse((await city.coordinator.get(`${APPS}/${id}`)).json());
    expect(draft).toMatchObject({ state: 'draft', missingFields: [], allowedActions: ['submit'] });
    expect(draft.consentForm).toMatchObject({ fileName: 'consent.pdf', contentType: 'application/pdf' });
    const download = await natcom('IE').get(`${APPS}/${id}/consent-form`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // Submitting attaches the city's accepted monitoring data and mails its National Commission (in French).
    const submitted = AwardApplicationDetailSchema.parse(
      (await step(city.coordinator, id, { action: 'submit' })).json(),
    );
    expect(submitted.state).toBe('submitted');
    expect(submitted.monitoring).toMatchObject({
      acceptedCycles: [],
      publicPath: `/api/v1/cities/${city.slug}/progress`,
    });
    const natcomMail = await t.app.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, 'award-submitted'), eq(mailOutbox.lang, 'fr')));
    expect(natcomMail[0]?.subject).toContain(`${city.name} est candidate`);
    expect(natcomMail[0]?.bodyText).toContain('/awards/workspace');

    expect((await natcom('IE').get(`${CYCLES}/${cycle.id}/quota/IE`)).json()).toMatchObject({ quota: 2, used: 0 });
    const nominated = await step(natcom('IE'), id, { action: 'nominate', reasons: 'Our strongest learning city.' });
    expect(nominated.statusCode, nominated.body).toBe(200);
    expect((await natcom('IE').get(`${CYCLES}/${cycle.id}/quota/IE`)).json()).toMatchObject({ used: 1 });

    // Two reviewers score every criterion with a rationale; the board shows each score, the mean and the spread.
    const [first, second] = reviewers as [Agent, Agent];
    await scoreAll(first, id, cycle.rules, 4);
    await scoreAll(second, id, cycle.rules, 2);
    const scored = await t.app.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'award-scored'));
    expect(scored.length).toBeGreaterThan(0);
    const board = ReviewBoardSchema.parse((await secretariat.get(`${CYCLES}/${cycle.id}/review-board`)).json());
    const row = board.items.find((i) => i.application.id === id);
    expect(row).toMatchObject({ reviewers: 2, weightedScore: 3 });
    expect(row?.criteria[0]).toMatchObject({ count: 2, mean: 3, spread: 2 });
    expect(row?.criteria[0]?.scores.map((s) => s.rationale)).toEqual([
      'Evidence on inclusive-learning.',
      'Evidence on inclusive-learning.',
    ]);
    const mine = AwardApplicationDetailSchema.parse((await first.get(`${APPS}/${id}`)).json());
    expect(mine.myScores).toHaveLength(6);

    expect((await step(secretariat, id, { action: 'shortlist' })).statusCode).toBe(200);
    expect((await cycleStep(cycle.id, 'open-jury')).statusCode).toBe(200);
    const ballot = AwardBallotSchema.parse((await (jurors[0] as Agent).get(`${CYCLES}/${cycle.id}/ballot`)).json());
    expect(ballot.items.map((i) => [i.application.id, i.myVote])).toEqual([[id, null]]);
    for (const [juror, vote] of [
      [jurors[0], 'for'],
      [jurors[1], 'for'],
      [jurors[2], 'against'],
    ] as const) {
      const res = await (juror as Agent).post(`${APPS}/${id}/votes`, { vote });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await cycleStep(cycle.id, 'close-jury')).statusCode).toBe(200);
    const tally = AwardVoteTallySchema.parse((await (jurors[2] as Agent).get(`${CYCLES}/${cycle.id}/votes`)).json());
    expect(tally).toMatchObject({ jurors: 3, items: [{ for: 2, against: 1, chosen: true }] });

    const selected = await step(secretariat, id, { action: 'select', reasons: 'The jury’s choice.' });
    expect(selected.statusCode, selected.body).toBe(200);
    const announced = await cycleStep(cycle.id, 'announce');
    expect(announced.statusCode, announced.body).toBe(200);
    expect(announced.json()).toMatchObject({ state: 'announced' });

    // The award is public: on the awards page with the seeded history, and on the city's profile.
    const awards = PublicAwardsResponseSchema.parse((await t.app.inject({ url: '/api/v1/awards?lang=fr' })).json());
    expect(awards.items.map((c) => c.year)).toEqual([2027, 2024, 2021, 2019, 2017, 2015]);
    expect(awards.items[0]).toMatchObject({ source: 'platform', cycleId: cycle.id, awardees: [{ slug: city.slug }] });
    expect(awards.items[0]?.criteria?.[0]?.title.lang).toBe('fr');
    expect(awards.items.find((c) => c.year === 2015)).toMatchObject({ source: 'history' });
    expect(awards.items.find((c) => c.year === 2015)?.awardees).toHaveLength(12);
    expect(awards.items.find((c) => c.year === 2015)?.criteria).toHaveLength(6);
    expect(awards.items.find((c) => c.year === 2019)?.criteria).toBeNull();
    const profile = CityResponseSchema.parse((await t.app.inject({ url: `/api/v1/cities/${city.slug}` })).json());
    expect(profile.city.awards).toEqual([{ year: 2027, title: 'UNESCO Learning City Award 2027' }]);
    const awarded = await t.app.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, 'award-awarded'), eq(mailOutbox.lang, 'es')));
    expect(awarded[0]?.subject).toContain(`${city.name} recibe el Premio`);
    expect(awarded[0]?.bodyText).toMatch(/\/awards\n/);

    const detail = AwardApplicationDetailSchema.parse((await city.coordinator.get(`${APPS}/${id}`)).json());
    expect(detail.history.map((h) => `${h.action}:${h.to}`)).toEqual([
      'create:draft',
      'submit:submitted',
      'nominate:nominated',
      'shortlist:shortlisted',
      'select:awarded',
    ]);
    // Every step is audited.
    const audited = await t.app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.resourceId, id));
    expect(audited.map((a) => a.action)).toEqual([
      'application.create',
      'application.edit',
      'application.consent-form',
      'application.submit',
      'application.nominate',
      ...Array(12).fill('score.save'),
      'application.shortlist',
      'vote.cast',
      'vote.cast',
      'vote.cast',
      'application.select',
    ]);
    const cycleAudit = await t.app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, cycle.id), like(auditLog.action, 'cycle.%')));
    expect(cycleAudit.map((a) => a.action)).toEqual([
      'cycle.create',
      'cycle.open-jury',
      'cycle.close-jury',
      'cycle.announce',
    ]);
    const [announcement] = await t.app.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, cycle.id), eq(auditLog.action, 'cycle.announce')));
    expect(announcement?.after).toEqual({ state: 'announced', awardees: [id] });
  });
});

describe('bad input and hostile users are refused by rule, and nothing changes', () => {
  it('a nomination of a city that joined 6 months ago, or that won 4 years ago', async () => {
    const cycle = await openCycle();
    const recent = await memberCity('FR', { joinedMonthsAgo: 6 });
    // It cannot even open an application …
    await refused(
      () => recent.coordinator.post(APPS, { cycleId: cycle.id, city: recent.slug }),
      409,
      '/problems/awards/member-too-short',
    );
    // … and one that reached its National Commission is not nominated.
    const joined = await applicationIn(cycle.id, recent.id, 'submitted');
    const tooShort = await refused(
      () => step(natcom('FR'), joined, { action: 'nominate' }),
      409,
      '/problems/awards/member-too-short',
    );
    expect(tooShort.detail).toContain('at least 12 months');

    const winner = await memberCity('FR', { awardYears: [cycle.year - 4] });
    const won = await applicationIn(cycle.id, winner.id, 'submitted');
    const recently = await refused(
      () => step(natcom('FR'), won, { action: 'nominate' }),
      409,
      '/problems/awards/recently-awarded',
    );
    expect(recently.detail).toContain(`in ${cycle.year - 4}`);
  });

  it('a fourth nomination under a quota of three', async () => {
    const cycle = await openCycle({ nominationsPerCountry: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await applicationIn(cycle.id, (await memberCity('KR')).id, 'submitted'));
    for (const id of ids.slice(0, 3)) {
      const res = await step(natcom('KR'), id, { action: 'nominate' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const problem = await refused(
      () => step(natcom('KR'), ids[3] as string, { action: 'nominate' }),
      409,
      '/problems/awards/nomination-quota',
    );
    expect(problem.detail).toContain('nominate 3 cities');
    expect((await natcom('KR').get(`${CYCLES}/${cycle.id}/quota/KR`)).json()).toMatchObject({ quota: 3, used: 3 });
  });

  it("a National Commission nominating another country's city", async () => {
    const cycle = await openCycle();
    const id = await applicationIn(cycle.id, (await memberCity('IE')).id, 'submitted');
    await refused(() => step(natcom('FR'), id, { action: 'nominate' }), 403, '/problems/awards/other-country');
    await refused(() => natcom('FR').get(`${CYCLES}/${cycle.id}/quota/IE`), 403, '/problems/forbidden');
  });

  it('a reviewer scoring outside the scale or without rationale', async () => {
    const cycle = await openCycle();
    const id = await applicationIn(cycle.id, (await memberCity('IE')).id, 'nominated');
    const reviewer = reviewers[0] as Agent;
    const url = `${APPS}/${id}/scores/innovation`;
    await refused(
      () => reviewer.request('PUT', `${APPS}/${id}/scores/inclusive-learning`, { score: 6, rationale: 'Excellent' }),
      400,
      '/problems/awards/score-out-of-scale',
    );
    await refused(
      () => reviewer.request('PUT', `${APPS}/${id}/scores/inclusive-learning`, { score: 0, rationale: 'Poor' }),
      400,
      '/problems/awards/score-out-of-scale',
    );
    await refused(
      () => reviewer.request('PUT', `${APPS}/${id}/scores/inclusive-learning`, { score: 4, rationale: '  ' }),
      400,
      '/problems/awards/rationale-required',
    );
    await refused(
      () => reviewer.request('PUT', `${APPS}/${id}/scores/inclusive-learning`, { score: 4 }),
      400,
      '/problems/awards/rationale-required',
    );
    // A criterion the cycle does not score, a secretariat member scoring, and an application not under review.
    await refused(
      () => reviewer.request('PUT', url, { score: 4, rationale: 'New' }),
      404,
      '/problems/awards/unknown-criterion',
    );
    await refused(
      () => secretariat.request('PUT', `${APPS}/${id}/scores/inclusive-learning`, { score: 4, rationale: 'Fine' }),
      403,
      '/problems/forbidden',
    );
    const draft = await applicationIn(cycle.id, (await memberCity('IE')).id, 'draft');
    await refused(
      () => reviewer.request('PUT', `${APPS}/${draft}/scores/inclusive-learning`, { score: 4, rationale: 'Fine' }),
      409,
      '/problems/awards/not-under-review',
    );
    // Shortlisting waits for a complete review.
    await refused(() => step(secretariat, id, { action: 'shortlist' }), 409, '/problems/awards/not-reviewed');
  });

  it('a juror reading votes before the close, voting twice, or voting off the shortlist', async () => {
    const cycle = await openCycle();
    const shortlisted = await applicationIn(cycle.id, (await memberCity('IE')).id, 'shortlisted');
    const nominated = await applicationIn(cycle.id, (await memberCity('FR')).id, 'nominated');
    const juror = jurors[0] as Agent;
    // Before the jury sits nobody votes.
    await refused(
      () => juror.post(`${APPS}/${shortlisted}/votes`, { vote: 'for' }),
      409,
      '/problems/awards/cycle-phase',
    );
    expect((await cycleStep(cycle.id, 'open-jury')).statusCode).toBe(200);
    // Once the jury sits, reviewers no longer score what was left off the shortlist.
    await refused(
      () =>
        (reviewers[0] as Agent).request('PUT', `${APPS}/${nominated}/scores/innovation`, {
          score: 3,
          rationale: 'Late',
        }),
      404,
      '/problems/awards/unknown-criterion',
    );
    await refused(
      () =>
        (reviewers[0] as Agent).request('PUT', `${APPS}/${nominated}/scores/inclusive-learning`, {
          score: 3,
          rationale: 'Late',
        }),
      409,
      '/problems/awards/cycle-phase',
    );
    expect((await juror.post(`${APPS}/${shortlisted}/votes`, { vote: 'for' })).statusCode).toBe(200);
    await refused(() => juror.get(`${CYCLES}/${cycle.id}/votes`), 403, '/problems/awards/votes-secret');
    await refused(() => secretariat.get(`${CYCLES}/${cycle.id}/votes`), 403, '/problems/awards/votes-secret');
    await refused(
      () => juror.post(`${APPS}/${shortlisted}/votes`, { vote: 'against' }),
      409,
      '/problems/awards/already-voted',
    );
    await refused(
      () => juror.post(`${APPS}/${nominated}/votes`, { vote: 'for' }),
      409,
      '/problems/awards/not-shortlisted',
    );
    await refused(() => secretariat.post(`${APPS}/${shortlisted}/votes`, { vote: 'for' }), 403, '/problems/forbidden');
    // The first vote stands, and nobody but the juror herself sees it on her ballot.
    const ballot = AwardBallotSchema.parse((await juror.get(`${CYCLES}/${cycle.id}/ballot`)).json());
    expect(ballot.items).toMatchObject([{ application: { id: shortlisted }, myVote: 'for' }]);
    const other = AwardBallotSchema.parse((await (jurors[1] as Agent).get(`${CYCLES}/${cycle.id}/ballot`)).json());
    expect(other.items).toMatchObject([{ myVote: null }]);
    // Selecting before the jury closes is refused.
    await refused(() => step(secretariat, shortlisted, { action: 'select' }), 409, '/problems/awards/cycle-phase');
  });

  it('a second awardee from the same country, and a city the jury did not choose', async () => {
    const cycle = await openCycle();
    const dublin = await applicationIn(cycle.id, (await memberCity('IE')).id, 'shortlisted');
    const limerick = await applicationIn(cycle.id, (await memberCity('IE')).id, 'shortlisted');
    const lyon = await applicationIn(cycle.id, (await memberCity('FR')).id, 'shortlisted');
    expect((await cycleStep(cycle.id, 'open-jury')).statusCode).toBe(200);
    for (const juror of jurors) {
      expect((await juror.post(`${APPS}/${dublin}/votes`, { vote: 'for' })).statusCode).toBe(200);
      expect((await juror.post(`${APPS}/${limerick}/votes`, { vote: 'for' })).statusCode).toBe(200);
      expect((await juror.post(`${APPS}/${lyon}/votes`, { vote: 'against' })).statusCode).toBe(200);
    }
    await refused(() => cycleStep(cycle.id, 'announce'), 409, '/problems/awards/transition-not-allowed');
    expect((await cycleStep(cycle.id, 'close-jury')).statusCode).toBe(200);
    await refused(() => cycleStep(cycle.id, 'announce'), 409, '/problems/awards/no-awardees');
    expect((await step(secretariat, dublin, { action: 'select' })).statusCode).toBe(200);
    const second = await refused(
      () => step(secretariat, limerick, { action: 'select' }),
      409,
      '/problems/awards/country-awardees',
    );
    expect(second.detail).toContain('IE has 1');
    await refused(() => step(secretariat, lyon, { action: 'select' }), 409, '/problems/awards/not-chosen');
    // Selecting twice counts once: the second finds the application awarded.
    await refused(
      () => step(secretariat, dublin, { action: 'select' }),
      409,
      '/problems/awards/transition-not-allowed',
    );
    expect((await cycleStep(cycle.id, 'announce')).statusCode).toBe(200);
    const [limerickRow] = await t.app.db.select().from(awardApplications).where(eq(awardApplications.id, limerick));
    expect(limerickRow?.state).toBe('not-awarded');
  });

  it('an awardee beyond the limit per UNESCO region', async () => {
    const cycle = await openCycle({ maxAwardeesPerRegion: 1 });
    const cork = await applicationIn(cycle.id, (await memberCity('IE')).id, 'shortlisted');
    const lyon = await applicationIn(cycle.id, (await memberCity('FR')).id, 'shortlisted');
    expect((await cycleStep(cycle.id, 'open-jury')).statusCode).toBe(200);
    for (const id of [cork, lyon]) {
      expect((await (jurors[0] as Agent).post(`${APPS}/${id}/votes`, { vote: 'for' })).statusCode).toBe(200);
    }
    expect((await cycleStep(cycle.id, 'close-jury')).statusCode).toBe(200);
    expect((await step(secretariat, cork, { action: 'select' })).statusCode).toBe(200);
    const problem = await refused(
      () => step(secretariat, lyon, { action: 'select' }),
      409,
      '/problems/awards/region-awardees',
    );
    expect(problem.detail).toContain('europe-north-america has 1');
  });

  it('a nomination after the National Commission’s deadline', async () => {
    const cycle = await openCycle();
    const id = await applicationIn(cycle.id, (await memberCity('IE')).id, 'submitted');
    t.advance(61 * DAY);
    await refused(() => step(natcom('IE'), id, { action: 'nominate' }), 409, '/problems/awards/nomination-deadline');
    await refused(
      () => step(natcom('IE'), id, { action: 'decline', reasons: 'Too late anyway' }),
      409,
      '/problems/awards/nomination-deadline',
    );
  });

  it('an application after the deadline', async () => {
    const cycle = await openCycle({}, { closesInDays: 2 });
    const city = await memberCity('IE');
    const id = await readyApplication(city, cycle);
    const late = await memberCity('IE');
    t.advance(3 * DAY);
    const problem = await refused(
      () => step(city.coordinator, id, { action: 'submit' }),
      409,
      '/problems/awards/application-deadline',
    );
    expect(problem.detail).toContain('Applications closed on');
    await refused(
      () => late.coordinator.post(APPS, { cycleId: cycle.id, city: late.slug }),
      409,
      '/problems/awards/application-deadline',
    );
  });

  it('anonymous 401 and the wrong role 403, on every step', async () => {
    const cycle = await openCycle();
    const city = await memberCity('IE');
    const submitted = await applicationIn(cycle.id, city.id, 'submitted');
    const nominated = await applicationIn(cycle.id, (await memberCity('IE')).id, 'nominated');
    const anonymous = new Agent(t.app);
    await refused(
      () => anonymous.post(`${APPS}/${submitted}/transitions`, { action: 'nominate' }),
      401,
      '/problems/unauthorized',
    );
    await refused(() => anonymous.get(`${APPS}/${submitted}`), 401, '/problems/unauthorized');
    await refused(() => anonymous.get(`${CYCLES}/${cycle.id}/votes`), 401, '/problems/unauthorized');
    const juror = jurors[0] as Agent;
    const reviewer = reviewers[0] as Agent;
    await refused(
      () => juror.post(`${APPS}/${submitted}/transitions`, { action: 'nominate' }),
      403,
      '/problems/forbidden',
    );
    await refused(
      () => city.coordinator.post(`${APPS}/${nominated}/transitions`, { action: 'shortlist' }),
      403,
      '/problems/forbidden',
    );
    await refused(
      () => natcom('IE').post(`${APPS}/${nominated}/transitions`, { action: 'shortlist' }),
      403,
      '/problems/forbidden',
    );
    await refused(
      () => city.coordinator.post(`${CYCLES}/${cycle.id}/transitions`, { action: 'open-jury' }),
      403,
      '/problems/forbidden',
    );
    await refused(() => reviewer.get(`${CYCLES}/${cycle.id}/ballot`), 403, '/problems/forbidden');
    await refused(() => natcom('IE').get(`${CYCLES}/${cycle.id}/review-board`), 403, '/problems/forbidden');
    // Reviewers read nominated applications only; the jury, shortlisted ones only.
    await refused(() => reviewer.get(`${APPS}/${submitted}`), 403, '/problems/forbidden');
    expect((await reviewer.get(`${APPS}/${nominated}`)).statusCode).toBe(200);
    await refused(() => juror.get(`${APPS}/${nominated}`), 403, '/problems/forbidden');
    const listed = (await reviewer.get(`${APPS}?cycle=${cycle.id}`)).json() as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toEqual([nominated]);
  });

  it('an incomplete submission, an editor submitting, a non-member, a cycle too soon', async () => {
    const cycle = await openCycle();
    const city = await memberCity('IE');
    const created = await city.coordinator.post(APPS, { cycleId: cycle.id, city: city.slug });
    const { id } = AwardApplicationDetailSchema.parse(created.json());
    const incomplete = await refused(
      () => step(city.coordinator, id, { action: 'submit' }),
      409,
      '/problems/awards/incomplete',
    );
    expect(incomplete.errors?.map((e) => e.field)).toEqual([
      'summary',
      ...cycle.rules.criteria.map((c) => `sections.${c.id}`),
      'consentForm',
    ]);
    await refused(() => step(city.editor, id, { action: 'submit' }), 403, '/problems/awards/coordinator-only');
    await refused(
      () => city.coordinator.post(APPS, { cycleId: cycle.id, city: city.slug }),
      409,
      '/problems/awards/already-applied',
    );
    await refused(
      () =>
        city.editor.request('PUT', `${APPS}/${id}/report`, {
          report: { summary: 'word '.repeat(1001) },
          expectedVersion: 1,
        }),
      400,
      '/problems/awards/word-limit',
    );
    await refused(
      () => upload(city.editor, `${APPS}/${id}/consent-form`, 'consent.pdf', Buffer.from('MZ just an executable')),
      415,
      '/problems/unsupported-media-type',
    );
    const applicant = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'sample-city' }] });
    await t.app.db.update(cities).set({ membershipStatus: 'applicant' }).where(eq(cities.slug, 'sample-city'));
    await refused(
      () => applicant.agent.post(APPS, { cycleId: cycle.id, city: 'sample-city' }),
      409,
      '/problems/awards/not-member',
    );
    await t.app.db.update(cities).set({ membershipStatus: 'member' }).where(eq(cities.slug, 'sample-city'));
    await refused(
      () =>
        secretariat.post(CYCLES, {
          name: 'Too soon',
          year: cycle.year,
          opensAt: now().toISOString(),
          closesAt: new Date(now().getTime() + DAY).toISOString(),
          nominationsCloseAt: new Date(now().getTime() + 2 * DAY).toISOString(),
        }),
      409,
      '/problems/awards/periodicity',
    );
  });
});
