import { brotliDecompressSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttles } from '../../platform/security/throttle.tables.ts';
import { hashToken } from '../../platform/security/tokens.ts';
import { cityId, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { cities } from '../network/network.tables.ts';
import { SURVEY_ADDRESS_POLICY } from './response.service.ts';
import { PAGE_TEXTS } from './response.texts.ts';
import { SurveyRepository } from './survey.repository.ts';
import { surveyResponses, surveyWaves } from './survey.tables.ts';
import { surveyWithWave } from './survey.testing.ts';

let t: TestApp;
let corkId: string;
beforeAll(async () => {
  t = await testApp();
  corkId = await cityId(t.app, 'cork');
});
afterAll(async () => t.close());

let addressCounter = 0;
/** A phone with JavaScript off: GETs and form POSTs, following 303s by hand, from its own address. */
function phone(address = `198.51.100.${++addressCounter}`) {
  return {
    get: (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers, remoteAddress: address }),
    post: (url: string, fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        remoteAddress: address,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
  };
}

const FIRST_PAGE = {
  sex: 'female',
  age_group: '25-34',
  district: 'north',
  employment: 'employed',
  disadvantaged: 'no',
};

async function openWave(design?: Record<string, unknown>) {
  const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
  const { waveId, code } = await surveyWithWave(agent, 'cork', new Date(), design as never);
  return { agent, waveId, code, base: `/s/cork/${code}` };
}

async function responseRows(waveId: string) {
  return t.app.db.$count(surveyResponses, and(eq(surveyResponses.cityId, corkId), eq(surveyResponses.waveId, waveId)));
}

/** Starts a response and gives its first page's address. */
async function start(p: ReturnType<typeof phone>, base: string, lang = 'en') {
  const res = await p.post(`${base}/start`, { lang });
  expect(res.statusCode, res.body).toBe(303);
  return res.headers.location as string;
}

describe('the public response page', () => {
  it('is answered page by page with JavaScript off, progress saved between pages, and counted once', async () => {
    const { waveId, base } = await openWave();
    const p = phone();
    const intro = await p.get(base);
    expect(intro.statusCode).toBe(200);
    expect(intro.body).toContain('<form method="post"');
    expect(intro.body).not.toContain('<script');
    const page1 = await start(p, base);
    expect(page1).toMatch(/\/r\/[A-Za-z0-9_-]{43}\/1$/);
    const tokenPath = page1.replace(/\/1$/, '');

    const shown = await p.get(page1);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('name="age_group"');
    const next = await p.post(page1, { lang: 'en', go: 'next', ...FIRST_PAGE });
    expect(next.statusCode, next.body).toBe(303);
    expect(next.headers.location).toBe(`${tokenPath}/2`);

    // Coming back later: page 1 shows the saved answers.
    const back = await p.get(`${tokenPath}/1`);
    expect(back.body).toMatch(/value="25-34" checked/);

    const pages = (
      await t.app.db
        .select({ page: surveyResponses.page })
        .from(surveyResponses)
        .where(eq(surveyResponses.waveId, waveId))
    )[0];
    expect(pages?.page).toBe(2);
    let location = `${tokenPath}/2`;
    for (let n = 2; n <= 4; n++) {
      const res = await p.post(location, {
        lang: 'en',
        go: 'next',
        volunteering: 'yes',
        adult_learning: 'yes',
        online_learning_hours: '2.5',
      });
      expect(res.statusCode, res.body).toBe(303);
      location = res.headers.location as string;
      if (location.endsWith('/done')) break;
    }
    expect(location).toBe(`${tokenPath}/done`);
    expect((await p.get(location)).body).toContain('Thank you');
    const [row] = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    expect(row?.submittedAt).not.toBeNull();
    expect(row?.answers).toMatchObject({
      ...FIRST_PAGE,
      volunteering: 'yes',
      adult_learning: 'yes',
      online_learning_hours: 2.5,
    });
  });

  it('sends a page not yet answered as the same bytes to everyone, holding nothing of a respondent', async () => {
    const { base } = await openWave();
    const [a, b] = [phone(), phone()];
    const [pageA, pageB] = [await start(a, base), await start(b, base)];
    const brotli = { 'accept-encoding': 'gzip, deflate, br' };
    const [shownA, shownB] = [await a.get(pageA, brotli), await b.get(pageB, brotli)];
    expect(shownA.headers['content-encoding']).toBe('br');
    expect(shownA.headers.vary).toContain('accept-encoding');
    expect(shownA.rawPayload.equals(shownB.rawPayload)).toBe(true);
    const html = brotliDecompressSync(shownA.rawPayload).toString();
    expect(html).toContain('<form method="post" novalidate>'); // posts to its own address
    for (const link of [pageA, pageB]) expect(html).not.toContain(link.split('/r/')[1]?.slice(0, 43));
    expect((await a.get(pageA, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await a.get(pageA)).body).toBe(html);

    // Once answered, the page shows its respondent's answers: made for that respondent alone.
    await a.post(pageA, { lang: 'en', go: 'next', ...FIRST_PAGE });
    const answered = await a.get(pageA, brotli);
    expect(brotliDecompressSync(answered.rawPayload).toString()).toMatch(/value="25-34" checked/);
    const other = await b.get(pageB, brotli);
    expect(other.rawPayload.equals(shownB.rawPayload)).toBe(true);
    expect(brotliDecompressSync(other.rawPayload).toString()).not.toContain('checked');
  });

  it('refuses an answer outside the allowed choices with a message beside it, and saves nothing', async () => {
    const { waveId, base } = await openWave();
    const p = phone();
    const page1 = await start(p, base);
    const res = await p.post(page1, { lang: 'en', go: 'next', ...FIRST_PAGE, sex: 'robot', district: 'atlantis' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Please choose one of the answers.');
    expect(res.body).toContain('role="alert"');
    const [row] = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    expect(row?.answers).toEqual({});
    expect(row?.page).toBe(1);
  });

  it('counts a double tap and a replayed token once', async () => {
    const { waveId, base } = await openWave({
      kind: 'educator',
      name: 'Educators',
      districts: [{ code: 'north', name: 'North' }],
      languages: ['en'],
    });
    const p = phone();
    const page1 = await start(p, base);
    const tokenPath = page1.replace(/\/1$/, '');
    await p.post(page1, { go: 'next', sex: 'male', age_group: '35-44', district: 'north', setting: 'schools' });
    const last = `${tokenPath}/2`;
    const taps = await Promise.all([
      p.post(last, { go: 'next', ict_training: 'yes' }),
      p.post(last, { go: 'next', ict_training: 'no' }),
    ]);
    expect(taps.map((r) => r.statusCode).sort()).toEqual([200, 303]);
    const replay = await p.post(last, { go: 'next', ict_training: 'no' });
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toContain('already received');
    const rows = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answers.ict_training).toBe(taps[0]?.statusCode === 303 ? 'yes' : 'no');
    expect(await responseRows(waveId)).toBe(1);
  });

  it('saves the pages of many phones posting at once, each its own', async () => {
    const { waveId, base } = await openWave();
    const phones = Array.from({ length: 40 }, () => phone());
    const firstPages = await Promise.all(phones.map((p) => start(p, base)));
    const districts = ['north', 'south'];
    const posted = await Promise.all(
      phones.map((p, i) =>
        p.post(firstPages[i] as string, { go: 'next', ...FIRST_PAGE, district: districts[i % 2] as string }),
      ),
    );
    expect(posted.map((r) => r.statusCode)).toEqual(phones.map(() => 303));
    const rows = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.page === 2 && r.submittedAt === null)).toBe(true);
    expect(rows.filter((r) => r.answers.district === 'south')).toHaveLength(20);
  });

  it('writes a response twice in one batch as two statements, so a double submission counts once', async () => {
    const { waveId } = await openWave();
    const repository = new SurveyRepository(t.app.db);
    const at = new Date();
    const of = (tokenHash: string) => ({ cityId: corkId, waveId, tokenHash, lang: 'en', at });
    const started = await repository.writeResponses([
      { ...of('a'), kind: 'start' },
      { ...of('b'), kind: 'start' },
    ]);
    expect(started).toEqual([true, true]);
    const written = await repository.writeResponses([
      { ...of('a'), kind: 'submit', answers: { sex: 'female' } },
      { ...of('a'), kind: 'submit', answers: { sex: 'male' } },
      { ...of('b'), kind: 'page', answers: { sex: 'male' }, page: 2 },
      { ...of('unknown'), kind: 'page', answers: {}, page: 2 },
    ]);
    expect(written).toEqual([true, false, true, false]);
    const rows = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    const a = rows.find((r) => r.tokenHash === 'a');
    const b = rows.find((r) => r.tokenHash === 'b');
    expect(a?.answers).toEqual({ sex: 'female' });
    expect(a?.submittedAt).not.toBeNull();
    expect([b?.answers, b?.page, b?.submittedAt]).toEqual([{ sex: 'male' }, 2, null]);
    expect(rows).toHaveLength(2);
  });

  it('takes nothing after the closing date, and says when it closed', async () => {
    const { agent, waveId, base } = await openWave();
    const p = phone();
    const page1 = await start(p, base);
    await agent.patch(`/api/v1/cities/cork/survey-waves/${waveId}`, {
      opensAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      // An hour before now: the app's frozen clock, set when this file started, is well past it.
      closesAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const late = await p.post(page1, { go: 'next', ...FIRST_PAGE });
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('This survey closed on');
    expect((await p.post(`${base}/start`, { lang: 'en' })).statusCode).toBe(410);
    const rows = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answers).toEqual({});
  });

  it('throttles a flood from one address without storing the address', async () => {
    const { waveId, base } = await openWave();
    const address = '203.0.113.77';
    const p = phone(address);
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await p.post(`${base}/start`, { lang: 'en' })).statusCode);
    // The free posts, and the one that starts the wait; every later one is refused before any write.
    const allowed = SURVEY_ADDRESS_POLICY.freeFailures + 1;
    expect(statuses.filter((s) => s === 303)).toHaveLength(allowed);
    expect(statuses.slice(allowed).every((s) => s === 429)).toBe(true);
    expect(await responseRows(waveId)).toBe(allowed);
    // Another address is not held up.
    expect((await phone().post(`${base}/start`, { lang: 'en' })).statusCode).toBe(303);
    // Counted in memory under a key that lives only there: nothing about the address reaches the database.
    const keys = (await t.app.db.select({ key: throttles.key }).from(throttles)).map((r) => r.key).join(' ');
    expect(keys).not.toContain('survey:address:');
    expect(keys).not.toContain(address);
    const stored = JSON.stringify(await t.app.db.select().from(surveyResponses));
    expect(stored).not.toContain(address);
  });

  it('speaks the respondent’s language, right to left in Arabic, and marks the translation unofficial', async () => {
    const { base } = await openWave();
    const p = phone();
    const intro = await p.get(base, { 'accept-language': 'ar-EG,ar;q=0.9' });
    expect(intro.body).toContain('<html lang="ar" dir="rtl">');
    expect(intro.body).toContain('ترجمة غير رسمية');
    const page1 = await start(p, base, 'fr');
    const shown = await p.get(page1);
    expect(shown.body).toContain('<html lang="fr" dir="ltr">');
    expect(shown.body).toContain('Quel âge avez-vous ?');
    expect(shown.body).toContain('traduction non officielle');
  });

  it('weighs under 30 KB a page, asks nothing of another origin, and keeps the strict CSP', async () => {
    const { base } = await openWave();
    const p = phone();
    const page1 = await start(p, base);
    const tokenPath = page1.replace(/\/1$/, '');
    await p.post(page1, { go: 'next', ...FIRST_PAGE });
    for (const url of [base, page1, `${tokenPath}/2`, '/s/survey.css']) {
      const res = await p.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(Buffer.byteLength(res.body), url).toBeLessThan(30 * 1024);
      expect(res.body).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers an unknown wave or token with a page, not JSON', async () => {
    const p = phone();
    const res = await p.get('/s/cork/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    const bad = await p.post('/s/cork/nope/r/AAAAAAAAAAAAAAAAAAAAAAAA/1', { sex: 'female' });
    expect(bad.statusCode).toBe(404);
  });

  it('finds a token only under its own wave: another wave’s link with it is not found and changes nothing', async () => {
    const first = await openWave();
    const second = await openWave();
    const p = phone();
    const page1 = await start(p, first.base);
    const token = page1.split('/r/')[1]?.replace(/\/1$/, '') ?? '';
    const elsewhere = `${second.base}/r/${token}/1`;
    // The first read finds the second wave with the response (one query), the second the response alone (the wave kept).
    expect((await p.get(elsewhere)).statusCode).toBe(404);
    expect((await p.post(elsewhere, { go: 'next', ...FIRST_PAGE })).statusCode).toBe(404);
    expect(await responseRows(second.waveId)).toBe(0);
    const [row] = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, first.waveId));
    expect([row?.page, row?.answers]).toEqual([1, {}]);
  });

  // The embedded engine has this process as its only client; over PostgreSQL another may write a response.
  it.runIf(process.env.TEST_DATABASE_URL)('reads a response again that another process may have written', async () => {
    const { base } = await openWave();
    const p = phone();
    const page1 = await start(p, base);
    const page2 = (await p.post(page1, { go: 'next', ...FIRST_PAGE })).headers.location as string;
    expect((await p.get(page2)).statusCode).toBe(200);
    const token = page1.split('/r/')[1]?.replace(/\/1$/, '') ?? '';
    // As another server process would, having taken the rest of this phone's questionnaire.
    await t.app.db
      .update(surveyResponses)
      .set({ submittedAt: new Date() })
      .where(eq(surveyResponses.tokenHash, hashToken(token)));
    const again = await p.get(page2);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain(PAGE_TEXTS.en.already);
  });

  it('follows a wave or city changed by another process, through the database notice', async () => {
    const { waveId, base } = await openWave();
    const p = phone();
    const page1 = await start(p, base); // the wave is now kept in memory
    expect((await p.get(page1)).statusCode).toBe(200);
    const [cork] = await t.app.db.select().from(cities).where(eq(cities.id, corkId));
    // As another server process would: straight into the database, bypassing this one's services.
    await t.app.db.update(cities).set({ name: 'Corcaigh' }).where(eq(cities.id, corkId));
    try {
      await expect.poll(async () => (await p.get(base)).body, { timeout: 2_000 }).toContain('Corcaigh');
      await t.app.db
        .update(surveyWaves)
        .set({ closesAt: new Date(Date.now() - 3600_000) })
        .where(eq(surveyWaves.id, waveId));
      await expect.poll(async () => (await p.get(page1)).statusCode, { timeout: 2_000 }).toBe(410);
      expect((await p.post(page1, { go: 'next', ...FIRST_PAGE })).statusCode).toBe(410);
      await t.app.db.update(cities).set({ slug: 'cork-renamed' }).where(eq(cities.id, corkId));
      await expect.poll(async () => (await p.get(base)).statusCode, { timeout: 2_000 }).toBe(404);
      expect((await p.get(base.replace('/cork/', '/cork-renamed/'))).statusCode).toBe(410);
    } finally {
      await t.app.db
        .update(cities)
        .set({ slug: 'cork', name: cork?.name ?? '' })
        .where(eq(cities.id, corkId));
    }
    const [row] = await t.app.db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    expect(row?.answers).toEqual({});
  });
});
