import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  ApplicationCountsSchema,
  ApplicationDetailSchema,
  type ApplicationForm,
  ApplicationOutSchema,
  ComplianceBoardSchema,
  ProblemSchema,
} from '@lco/core';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { mailOutbox } from '../../platform/mail/mail.tables.ts';
import { type Agent, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { ApplicationService } from './application.service.ts';
import { cityMemberships, membershipApplicationEvents, membershipApplications } from './membership.tables.ts';
import { ReportService } from './report.service.ts';

let t: TestApp;
let secretariat: Agent;
let natcomIE: Agent;
let natcomFR: Agent;
beforeAll(async () => {
  // Sessions outlive the days these tests move the clock by.
  t = await testApp({ settings: { sessionIdleMinutes: 90 * 24 * 60, sessionMaxHours: 90 * 24 } });
  secretariat = (await signedIn(t.app, { grants: [{ role: 'secretariat' }] })).agent;
  natcomIE = (await signedIn(t.app, { grants: [{ role: 'natcom', country: 'IE' }], lang: 'fr' })).agent;
  natcomFR = (await signedIn(t.app, { grants: [{ role: 'natcom', country: 'FR' }] })).agent;
});
afterAll(async () => t.close());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = () => t.app.ctx.now();
const APPS = '/api/v1/membership-applications';

const COMPLETE: ApplicationForm = {
  commitment: true,
  guidingDocuments: { beijingDeclaration: true, keyFeatures: true, lang: 'en' },
  mayor: { name: 'Mary Mayor', title: 'Mayor' },
  focalPoint: { name: 'Fiona Focal', email: 'focal@example.org' },
  population: 27_000,
  populationYear: 2022,
  areaKm2: 117.5,
  gdpPerCapita: { city: 54_000, country: 103_000, year: 2023 },
  schoolingYears: { female: 12.1, male: 11.8 },
  motivation: 'We want to learn with the world.',
  implementation: 'A lifelong learning festival and a plan.',
  challenges: {
    'economic-development': 3,
    employment: 2,
    'social-inclusion': 4,
    'health-and-well-being': 3,
    'environment-and-climate': 5,
    'urbanisation-and-migration': 2,
    'access-to-education': 3,
    'digital-divide': 4,
    'culture-and-heritage': 1,
    'governance-and-participation': 2,
  },
};

async function openCall(settings: Record<string, unknown> = {}) {
  const res = await secretariat.post('/api/v1/membership-calls', {
    name: `Call ${Math.random().toString(36).slice(2, 7)}`,
    opensAt: new Date(now().getTime() - DAY).toISOString(),
    closesAt: new Date(now().getTime() + 60 * DAY).toISOString(),
    ...settings,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; quotaPerCountry: number; endorsementDays: number };
}

/** A city not yet in the directory, added by the secretariat, with a coordinator and an editor. */
async function applicantCity(name: string, country = 'IE') {
  const res = await secretariat.post('/api/v1/applicant-cities', { name, countryIso2: country });
  expect(res.statusCode, res.body).toBe(201);
  const { slug } = res.json() as { slug: string };
  const coordinator = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: slug }], lang: 'es' });
  const editor = await signedIn(t.app, { grants: [{ role: 'city-editor', city: slug }] });
  return { slug, coordinator: coordinator.agent, editor: editor.agent };
}

/** A draft with the complete form, signed by attestation; `submit` takes it to the National Commission. */
async function signedApplication(name: string, callId: string, options: { submit?: boolean; country?: string } = {}) {
  const city = await applicantCity(name, options.country);
  const created = await city.coordinator.post(APPS, { callId, city: city.slug });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = ApplicationDetailSchema.parse(created.json());
  const saved = await city.editor.request('PUT', `${APPS}/${id}/form`, { form: COMPLETE, expectedVersion: 1 });
  expect(saved.statusCode, saved.body).toBe(200);
  const signed = await step(city.coordinator, id, {
    action: 'sign',
    attestation: { signatoryName: 'Deputy Mayor', signatoryTitle: 'Deputy Mayor', holdsMayorsDelegation: true },
  });
  expect(signed.statusCode, signed.body).toBe(200);
  if (options.submit) expect((await step(city.coordinator, id, { action: 'submit' })).statusCode).toBe(200);
  return { ...city, id };
}

function step(agent: Agent, id: string, body: Record<string, unknown>) {
  return agent.post(`${APPS}/${id}/transitions`, body);
}

async function state(id: string) {
  const [row] = await t.app.db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
  return row;
}

async function fingerprint() {
  return {
    applications: JSON.stringify(
      (await t.app.db.select().from(membershipApplications)).map((a) => [a.id, a.state, a.version]),
    ),
    events: await t.app.db.$count(membershipApplicationEvents),
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

describe('from a draft to member', () => {
  it('takes a city through every step, audited and mailed to the next actor in their language', async () => {
    const call = await openCall();
    const city = await applicantCity('Kilkenny');
    expect(city.slug).toBe('kilkenny');
    const created = await city.coordinator.post(APPS, { callId: call.id, city: city.slug });
    expect(created.statusCode, created.body).toBe(201);
    const draft = ApplicationDetailSchema.parse(created.json());
    expect(draft).toMatchObject({ state: 'draft', version: 1, allowedActions: [] });
    expect(draft.missingFields).toContain('motivation');

    // Signing an incomplete form is refused by name.
    const incomplete = await refused(
      () => step(city.coordinator, draft.id, signBody),
      409,
      '/problems/membership/incomplete',
    );
    expect(incomplete.errors?.map((e) => e.field)).toContain('motivation');

    const saved = await city.editor.request('PUT', `${APPS}/${draft.id}/form`, { form: COMPLETE, expectedVersion: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(ApplicationDetailSchema.parse(saved.json())).toMatchObject({ version: 2, missingFields: [] });

    const signed = ApplicationDetailSchema.parse((await step(city.coordinator, draft.id, signBody)).json());
    expect(signed.state).toBe('signed');
    expect(signed.signature).toMatchObject({ method: 'attestation', signatoryName: 'Deputy Mayor', file: null });
    expect(signed.allowedActions).toEqual(['revise', 'submit']);

    const submitted = ApplicationDetailSchema.parse(
      (await step(city.coordinator, draft.id, { action: 'submit' })).json(),
    );
    expect(submitted.state).toBe('submitted');
    expect(submitted.daysToDeadline).toBe(30);
    // The National Commission hears in French (its language); the secretariat is copied at once.
    const natcomMail = await t.app.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, 'membership-submitted'), eq(mailOutbox.lang, 'fr')));
    expect(natcomMail[0]?.subject).toContain('Kilkenny demande à rejoindre');
    const secretariatSees = await secretariat.get(`${APPS}?state=submitted`);
    expect((secretariatSees.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(draft.id);
    const natcomSees = (await natcomIE.get(`${APPS}?state=submitted`)).json() as {
      items: { id: string; daysToDeadline: number; allowedActions: string[] }[];
    };
    expect(natcomSees.items.find((i) => i.id === draft.id)).toMatchObject({
      daysToDeadline: 30,
      allowedActions: ['endorse', 'decline'],
    });
    const quota = await natcomIE.get(`/api/v1/membership-calls/${call.id}/quota/IE`);
    expect(quota.json()).toMatchObject({ quota: 3, used: 0 });

    const endorsed = await step(natcomIE, draft.id, { action: 'endorse', reasons: 'A committed city.' });
    expect(endorsed.statusCode, endorsed.body).toBe(200);
    const accepted = await step(secretariat, draft.id, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const detail = ApplicationDetailSchema.parse(accepted.json());
    expect(detail.state).toBe('accepted');
    expect(detail.history.map((h) => `${h.action}:${h.to}`)).toEqual([
      'create:draft',
      'sign:signed',
      'submit:submitted',
      'endorse:endorsed',
      'accept:accepted',
    ]);
    expect(detail.history[3]?.reasons).toBe('A committed city.');

    // Every transition is audited.
    const audited = await t.app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.resourceId, draft.id));
    expect(audited.map((a) => a.action)).toEqual([
      'application.create',
      'application.edit',
      'application.sign',
      'application.submit',
      'application.endorse',
      'application.accept',
    ]);
    // The coordinator hears of the acceptance in Spanish.
    const welcome = await t.app.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'membership-accepted'));
    expect(welcome.some((m) => m.lang === 'es' && m.subject.includes('ya es miembro'))).toBe(true);

    // The public profile goes live with the facts and the year of joining.
    const year = now().getUTCFullYear();
    const profile = await t.app.inject({ method: 'GET', url: `/api/v1/cities/${city.slug}/membership` });
    expect(profile.json()).toMatchObject({
      status: 'member',
      memberSince: year,
      standing: 'active',
      lastReportAt: null,
      facts: { population: 27_000, areaKm2: 117.5, gdpPerCapitaCity: 54_000, schoolingYearsFemale: 12.1 },
    });
    const directory = await t.app.inject({ method: 'GET', url: `/api/v1/cities/${city.slug}` });
    expect(directory.json()).toMatchObject({
      city: { membership: { status: 'member', since: year }, population: 27_000 },
    });
    const stats = (await t.app.inject({ method: 'GET', url: '/api/v1/membership-stats' })).json() as {
      byYear: { year: number | null; members: number }[];
    };
    expect(stats.byYear.find((y) => y.year === year)?.members).toBeGreaterThanOrEqual(1);

    // A member does not apply again.
    await refused(
      () => city.coordinator.post(APPS, { callId: (call as { id: string }).id, city: city.slug }),
      409,
      '/problems/membership/already-member',
    );
  });

  it('signs by uploading the signed and stamped form, typed from its content', async () => {
    const call = await openCall();
    const city = await applicantCity('Wexford');
    const { id } = ApplicationDetailSchema.parse(
      (await city.coordinator.post(APPS, { callId: call.id, city: city.slug })).json(),
    );
    await city.coordinator.request('PUT', `${APPS}/${id}/form`, { form: COMPLETE, expectedVersion: 1 });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    await refused(
      () => upload(city.coordinator, `${APPS}/${id}/signed-form`, 'form.pdf', exe),
      415,
      '/problems/unsupported-media-type',
    );
    await refused(
      () => upload(city.editor, `${APPS}/${id}/signed-form`, 'form.pdf', PDF),
      403,
      '/problems/membership/coordinator-only',
    );
    const res = await upload(city.coordinator, `${APPS}/${id}/signed-form`, 'signed form.pdf', PDF);
    expect(res.statusCode, res.body).toBe(200);
    const detail = ApplicationDetailSchema.parse(res.json());
    expect(detail.state).toBe('signed');
    expect(detail.signature).toMatchObject({
      method: 'upload',
      file: { contentType: 'application/pdf', fileName: 'signed form.pdf' },
    });
    const download = await natcomIE.get(detail.signature?.downloadPath ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.body.startsWith('%PDF')).toBe(true);
  });
});

describe('the signed form', () => {
  it('is read by the jury only when the call asks for its recommendation', async () => {
    const jury = (await signedIn(t.app, { grants: [{ role: 'jury' }] })).agent;
    const signWith = async (name: string, callId: string) => {
      const city = await applicantCity(name);
      const { id } = ApplicationDetailSchema.parse(
        (await city.coordinator.post(APPS, { callId, city: city.slug })).json(),
      );
      await city.coordinator.request('PUT', `${APPS}/${id}/form`, { form: COMPLETE, expectedVersion: 1 });
      expect((await upload(city.coordinator, `${APPS}/${id}/signed-form`, 'form.pdf', PDF)).statusCode).toBe(200);
      return id;
    };
    const withJury = await signWith('Athlone', (await openCall({ juryRecommendation: true })).id);
    const withoutJury = await signWith('Birr', (await openCall()).id);

    const download = await jury.get(`${APPS}/${withJury}/signed-form`);
    expect(download.statusCode).toBe(200);
    expect(download.body.startsWith('%PDF')).toBe(true);
    expect((await jury.get(`${APPS}/${withJury}`)).statusCode).toBe(200);

    for (const url of [`${APPS}/${withoutJury}/signed-form`, `${APPS}/${withoutJury}`]) {
      const res = await jury.get(url);
      expect(res.statusCode).toBe(403);
      expect(ProblemSchema.parse(res.json()).type).toBe('/problems/forbidden');
    }
    const listed = z.object({ items: z.array(ApplicationOutSchema) }).parse((await jury.get(APPS)).json());
    expect(listed.items.map((a) => a.id)).toContain(withJury);
    expect(listed.items.map((a) => a.id)).not.toContain(withoutJury);
  });

  it('over the size limit is refused with 413 before it is all read, and nothing changes', async () => {
    const call = await openCall();
    const city = await applicantCity('Carlow');
    const { id } = ApplicationDetailSchema.parse(
      (await city.coordinator.post(APPS, { callId: call.id, city: city.slug })).json(),
    );
    await city.coordinator.request('PUT', `${APPS}/${id}/form`, { form: COMPLETE, expectedVersion: 1 });
    const files = storedFiles().length;
    const boundary = 'lco-limit';
    let pulled = 0;
    const body = Readable.from(
      (function* () {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="form.pdf"\r\n` +
            'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
        );
        // 200 MB offered, produced lazily: the server must stop well before the end.
        for (let i = 0; i < 200; i++) {
          pulled += MB;
          yield Buffer.alloc(MB, 0x20);
        }
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
      { objectMode: false },
    );
    const problem = await refused(
      () =>
        city.coordinator.request('POST', `${APPS}/${id}/signed-form`, body, {
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        }),
      413,
      '/problems/payload-too-large',
    );
    expect(problem.detail).toContain('at most 20 MB');
    expect(pulled).toBeLessThan(40 * MB);
    expect(storedFiles()).toHaveLength(files);
    expect(await state(id)).toMatchObject({ state: 'draft', signature: null });
    body.destroy();
  });
});

describe("the secretariat's counts", () => {
  it('counts applications by state and by region, for one call or all, for the secretariat only', async () => {
    const call = await openCall();
    await signedApplication('Navan', call.id, { submit: true });
    await signedApplication('Naas', call.id);
    await signedApplication('Lille', call.id, { country: 'FR' });
    const res = await secretariat.get(`/api/v1/membership-application-counts?call=${call.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const counts = ApplicationCountsSchema.parse(res.json());
    expect(counts.total).toBe(3);
    expect(counts.byState).toMatchObject({ draft: 0, signed: 2, submitted: 1, accepted: 0 });
    expect(counts.byRegion).toEqual([
      {
        region: 'europe-north-america',
        total: 3,
        byState: expect.objectContaining({ signed: 2, submitted: 1 }),
      },
    ]);
    const all = ApplicationCountsSchema.parse((await secretariat.get('/api/v1/membership-application-counts')).json());
    expect(all.total).toBeGreaterThanOrEqual(3);

    const natcom = await natcomIE.get(`/api/v1/membership-application-counts?call=${call.id}`);
    expect(natcom.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/membership-application-counts' })).statusCode).toBe(401);
    const unknown = await secretariat.get(`/api/v1/membership-application-counts?call=${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    const bad = await secretariat.get('/api/v1/membership-application-counts?call=nope');
    expect(ProblemSchema.parse(bad.json()).status).toBe(400);
  });
});

const MB = 1024 * 1024;

function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const signBody = {
  action: 'sign',
  attestation: { signatoryName: 'Deputy Mayor', signatoryTitle: 'Deputy Mayor', holdsMayorsDelegation: true },
};
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

describe('bad input and hostile users are refused by rule, and nothing changes', () => {
  it("a National Commission endorsing another country's city", async () => {
    const call = await openCall();
    const { id } = await signedApplication('Tralee', call.id, { submit: true });
    await refused(
      () => step(natcomFR, id, { action: 'endorse', reasons: 'Why not' }),
      403,
      '/problems/membership/other-country',
    );
    expect((await state(id))?.state).toBe('submitted');
  });

  it('a National Commission endorsing beyond its quota', async () => {
    const call = await openCall({ quotaPerCountry: 1 });
    const first = await signedApplication('Sligo', call.id, { submit: true });
    const second = await signedApplication('Athlone', call.id, { submit: true });
    expect((await step(natcomIE, first.id, { action: 'endorse', reasons: 'Ready' })).statusCode).toBe(200);
    const problem = await refused(
      () => step(natcomIE, second.id, { action: 'endorse', reasons: 'Also ready' }),
      409,
      '/problems/membership/quota-reached',
    );
    expect(problem.detail).toContain('may endorse 1 application');
    // Declining stays possible: it forwards nothing.
    expect((await step(natcomIE, second.id, { action: 'decline', reasons: 'Quota used' })).statusCode).toBe(200);
  });

  it('a city editor (not the coordinator) submitting', async () => {
    const call = await openCall();
    const { id, editor } = await signedApplication('Carlow', call.id);
    await refused(() => step(editor, id, { action: 'submit' }), 403, '/problems/membership/coordinator-only');
  });

  it('a double submit', async () => {
    const call = await openCall();
    const { id, coordinator } = await signedApplication('Ennis', call.id);
    const version = (await state(id))?.version;
    expect((await step(coordinator, id, { action: 'submit', expectedVersion: version })).statusCode).toBe(200);
    await refused(
      () => step(coordinator, id, { action: 'submit', expectedVersion: version }),
      409,
      '/problems/membership/stale-version',
    );
    await refused(
      () => step(coordinator, id, { action: 'submit' }),
      409,
      '/problems/membership/transition-not-allowed',
    );
  });

  it('a 201-word motivation', async () => {
    const call = await openCall();
    const city = await applicantCity('Navan');
    const { id } = ApplicationDetailSchema.parse(
      (await city.coordinator.post(APPS, { callId: call.id, city: city.slug })).json(),
    );
    const problem = await refused(
      () =>
        city.coordinator.request('PUT', `${APPS}/${id}/form`, {
          form: { ...COMPLETE, motivation: 'word '.repeat(201) },
          expectedVersion: 1,
        }),
      400,
      '/problems/membership/word-limit',
    );
    expect(problem.errors).toEqual([{ field: 'motivation', message: 'has 201 words; at most 200' }]);
    const ok = await city.coordinator.request('PUT', `${APPS}/${id}/form`, {
      form: { motivation: 'word '.repeat(200) },
      expectedVersion: 1,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('a transition the current state does not allow', async () => {
    const call = await openCall();
    const { id, coordinator } = await signedApplication('Mullingar', call.id);
    await refused(
      () => step(secretariat, id, { action: 'accept' }),
      409,
      '/problems/membership/transition-not-allowed',
    );
    await refused(
      () => step(natcomIE, id, { action: 'endorse', reasons: 'Early' }),
      409,
      '/problems/membership/transition-not-allowed',
    );
    await refused(
      () => coordinator.request('PUT', `${APPS}/${id}/form`, { form: COMPLETE, expectedVersion: 3 }),
      409,
      '/problems/membership/transition-not-allowed',
    );
    await refused(
      () => step(secretariat, id, { action: 'recommend', recommendation: 'accept', reasons: 'x' }),
      409,
      '/problems/membership/transition-not-allowed',
    );
  });

  it('the jury recommends first when the call asks for it', async () => {
    const call = await openCall({ juryRecommendation: true });
    const { id } = await signedApplication('Tullamore', call.id, { submit: true });
    expect((await step(natcomIE, id, { action: 'endorse', reasons: 'Good' })).statusCode).toBe(200);
    await refused(() => step(secretariat, id, { action: 'accept' }), 409, '/problems/membership/jury-first');
    const jury = (await signedIn(t.app, { grants: [{ role: 'jury' }] })).agent;
    const recommended = await step(jury, id, {
      action: 'recommend',
      recommendation: 'not-accept',
      reasons: 'Thin plan',
    });
    expect(ApplicationDetailSchema.parse(recommended.json())).toMatchObject({
      state: 'recommended',
      recommendation: 'not-accept',
    });
    const decided = await step(secretariat, id, { action: 'not-accept', reasons: 'As the jury says' });
    expect(ApplicationDetailSchema.parse(decided.json()).state).toBe('not-accepted');
  });

  // These move the shared clock: they come last.
  it('a submission after the window', async () => {
    const call = await openCall({ closesAt: new Date(now().getTime() + HOUR).toISOString() });
    const { id, coordinator } = await signedApplication('Longford', call.id);
    t.advance(2 * HOUR);
    await refused(() => step(coordinator, id, { action: 'submit' }), 409, '/problems/membership/window-closed');
    expect((await state(id))?.state).toBe('signed');
  });

  it('an endorsement after the deadline, which stays visible, and expiry where the call says so', async () => {
    const keep = await openCall({ endorsementDays: 1, reminderDaysBefore: 1 });
    const expire = await openCall({ endorsementDays: 1, expireAfterDeadline: true });
    const kept = await signedApplication('Cavan', keep.id, { submit: true });
    const lapsing = await signedApplication('Monaghan', expire.id, { submit: true });
    const service = new ApplicationService(t.app.ctx);

    // Within a day of the deadline: the National Commission is reminded once, whoever runs the sweep how often.
    expect(await service.sweepDeadlines(now())).toEqual({ reminded: 2, expired: 0 });
    expect(await service.sweepDeadlines(now())).toEqual({ reminded: 0, expired: 0 });
    const reminders = await t.app.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, 'membership-endorsement-reminder'));
    expect(reminders.filter((m) => m.subject.includes('Cavan'))).toHaveLength(1);

    t.advance(DAY + HOUR);
    await refused(
      () => step(natcomIE, kept.id, { action: 'endorse', reasons: 'Late' }),
      409,
      '/problems/membership/deadline-passed',
    );
    await refused(
      () => step(natcomIE, kept.id, { action: 'decline', reasons: 'Late' }),
      409,
      '/problems/membership/deadline-passed',
    );
    const list = (await natcomIE.get(`${APPS}?call=${keep.id}`)).json() as {
      items: { deadlinePassed: boolean; daysToDeadline: number; allowedActions: string[] }[];
    };
    expect(list.items[0]).toMatchObject({ deadlinePassed: true, allowedActions: [] });
    expect(list.items[0]?.daysToDeadline).toBeLessThanOrEqual(0);

    expect(await service.sweepDeadlines(now())).toEqual({ reminded: 0, expired: 1 });
    expect(await service.sweepDeadlines(now())).toEqual({ reminded: 0, expired: 0 });
    expect((await state(lapsing.id))?.state).toBe('expired');
    expect((await state(kept.id))?.state).toBe('submitted');
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'application.expire'));
    expect(audit.map((a) => a.resourceId)).toEqual([lapsing.id]);
  });
});

describe('biennial reports and the compliance board', () => {
  let coordinator: Agent;
  beforeAll(async () => {
    coordinator = (await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] })).agent;
  });

  async function acceptedCycle(year: number) {
    const url = `/api/v1/cities/cork/cycles/${year}`;
    const saved = await coordinator.request('PUT', `${url}/observations/1.2.3b/total`, {
      value: 2,
      sourceDetail: 'City records',
      expectedVersion: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await coordinator.post(`${url}/submit`)).statusCode).toBe(200);
    expect((await secretariat.post(`${url}/accept`)).statusCode).toBe(200);
  }

  const baselineYearsAgo = (years: number, days = 10) => {
    const d = new Date(now().getTime() - days * DAY);
    d.setUTCFullYear(d.getUTCFullYear() - years);
    return d.toISOString().slice(0, 10);
  };

  it('shows an overdue member, refuses marking it inactive too early, then records the act', async () => {
    // Cork joined before our records: it reports from the baseline, set so that its report is ten days late.
    const set = await secretariat.request('PUT', '/api/v1/membership-settings', {
      reportingBaseline: baselineYearsAgo(2),
    });
    expect(set.statusCode, set.body).toBe(200);
    const board = ComplianceBoardSchema.parse(
      (await secretariat.get('/api/v1/membership-compliance?status=overdue')).json(),
    );
    expect(board.items.find((r) => r.city === 'cork')).toMatchObject({
      status: 'overdue',
      missedReports: 1,
      canMarkInactive: false,
    });
    expect(board.counts.overdue).toBeGreaterThanOrEqual(1);
    expect((await coordinator.get('/api/v1/membership-compliance')).statusCode).toBe(403);

    await refused(
      () => secretariat.post('/api/v1/cities/cork/membership/standing', { standing: 'inactive', reason: 'No reports' }),
      409,
      '/problems/membership/not-enough-missed',
    );

    const reminded = await secretariat.post('/api/v1/membership-compliance/reminders', { cities: ['cork'] });
    expect(reminded.json()).toEqual({ reminded: ['cork'] });
    expect(await t.app.db.$count(mailOutbox, like(mailOutbox.subject, '%progress report of Cork is due%'))).toBe(1);

    await secretariat.request('PUT', '/api/v1/membership-settings', { reportingBaseline: baselineYearsAgo(4) });
    const marked = await secretariat.post('/api/v1/cities/cork/membership/standing', {
      standing: 'inactive',
      reason: 'Two reports missed',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ standing: 'inactive', missedReports: 2 });
    const act = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'member.mark-inactive'));
    expect(act[0]?.after).toMatchObject({ standing: 'inactive', reason: 'Two reports missed', missedReports: 2 });
    await refused(
      () => secretariat.post('/api/v1/cities/cork/membership/standing', { standing: 'inactive', reason: 'Again' }),
      409,
      '/problems/membership/standing-unchanged',
    );
    const profile = await t.app.inject({ method: 'GET', url: '/api/v1/cities/cork/membership' });
    expect(profile.json()).toMatchObject({ status: 'member', standing: 'inactive' });
    expect(
      (await secretariat.post('/api/v1/cities/cork/membership/standing', { standing: 'active', reason: 'Back' }))
        .statusCode,
    ).toBe(200);
  });

  it('takes a report made of an accepted cycle and a narrative, and the profile shows its date', async () => {
    const editor = (await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] })).agent;
    await refused(
      () => coordinator.post('/api/v1/cities/cork/membership-reports', { cycleYear: 2021, narrative: 'We grew.' }),
      409,
      '/problems/membership/cycle-not-accepted',
    );
    await acceptedCycle(2021);
    await refused(
      () => editor.post('/api/v1/cities/cork/membership-reports', { cycleYear: 2021, narrative: 'We grew.' }),
      403,
      '/problems/membership/coordinator-only',
    );
    const res = await coordinator.post('/api/v1/cities/cork/membership-reports', {
      cycleYear: 2021,
      narrative: 'Three new community learning centres.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await editor.get('/api/v1/cities/cork/membership-reports')).json() as {
      items: unknown[];
      prefill: { narrative: string } | null;
      compliance: { status: string; dueOn: string } | null;
    };
    expect(list.prefill).toEqual({ narrative: 'Three new community learning centres.' });
    // The city sees what is expected next and by when: two years on.
    expect(list.compliance).toMatchObject({ status: 'on-time', missedReports: 0 });
    expect(Number(list.compliance?.dueOn.slice(0, 4))).toBe(now().getUTCFullYear() + 2);
    const profile = (await t.app.inject({ method: 'GET', url: '/api/v1/cities/cork/membership' })).json() as {
      lastReportAt: string;
    };
    expect(profile.lastReportAt).toBe(now().toISOString());
    const board = ComplianceBoardSchema.parse((await secretariat.get('/api/v1/membership-compliance')).json());
    expect(board.items.find((r) => r.city === 'cork')).toMatchObject({ status: 'on-time', missedReports: 0 });
    const notMember = await applicantCity('Portlaoise');
    await refused(
      () =>
        notMember.coordinator.post(`/api/v1/cities/${notMember.slug}/membership-reports`, {
          cycleYear: 2021,
          narrative: 'x',
        }),
      409,
      '/problems/membership/not-member',
    );
  });

  it('reminds members whose report is due, once per due date', async () => {
    // A report period of one year with a due window of a year: every member who has not reported is due.
    await secretariat.request('PUT', '/api/v1/membership-settings', {
      reportingBaseline: baselineYearsAgo(0, 1),
      reportPeriodYears: 1,
      dueWindowDays: 365,
    });
    const reports = new ReportService(t.app.ctx);
    const first = await reports.sendReportReminders(now());
    expect(first).toBeGreaterThan(0);
    expect(await reports.sendReportReminders(now())).toBe(0);
    const row = await t.app.db.select().from(cityMemberships);
    expect(row.length).toBeGreaterThan(0);
  });
});
