import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api-client.ts';
import { launch, screenshot, seriousViolations, signIn } from '../browser.ts';

const base = inject('baseUrl');
const admin = inject('admins').review;
// An Irish city of the network without figures; reviewers come from France and Germany, and an Irish expert
// is there to be refused by the same-country rule.
const city = { slug: 'limerick', name: 'Limerick', year: 2025 };
const coordinator = {
  email: 'coordinator@limerick.example',
  name: 'Aoife Limerick',
  password: 'the shannon runs through limerick',
};
const experts = {
  a: { email: 'amelie@review.example', name: 'Amélie Reviewer', password: 'rubrics read twice', country: 'FR' },
  b: { email: 'bernd@review.example', name: 'Bernd Reviewer', password: 'evidence before ratings', country: 'DE' },
  irish: { email: 'siobhan@review.example', name: 'Siobhán Reviewer', password: 'no reviews at home', country: 'IE' },
};
const roundName = 'Expert review 2026';
let browser: Browser;

/** Invited by the administrator and accepted through the API; returns the person signed in as a client. */
async function createPerson(
  person: { email: string; name: string; password: string },
  invitation: { role: string; scope?: { city: string } },
): Promise<{ client: ApiClient; id: string }> {
  const desk = new ApiClient(base);
  await desk.call('POST', '/auth/sign-in', { email: admin.email, password: admin.password });
  await desk.call('POST', '/invitations', { email: person.email, ...invitation, lang: 'en' });
  const outbox = await desk.call<{ items: { to: string; body: string }[] }>('GET', '/outbox?pageSize=100');
  const token = /#token=([\w-]+)/.exec(outbox.items.find((m) => m.to === person.email)?.body ?? '')?.[1];
  if (!token) throw new Error('no invitation link in the outbox');
  await new ApiClient(base).call('POST', '/invitations/accept', {
    token,
    displayName: person.name,
    password: person.password,
  });
  const client = new ApiClient(base);
  await client.call('POST', '/auth/sign-in', { email: person.email, password: person.password });
  const me = await client.call<{ user: { id: string } }>('GET', '/me');
  return { client, id: me.user.id };
}

beforeAll(async () => {
  browser = await launch();
  const team = await createPerson(coordinator, { role: 'city-coordinator', scope: { city: city.slug } });
  // One value, so the report can be submitted; the narrative is written in the browser.
  await team.client.call('POST', `/cities/${city.slug}/cycles`, { year: city.year });
  await team.client.call('PUT', `/cities/${city.slug}/cycles/${city.year}/observations/1.2.3b/total`, {
    value: 2,
    sourceDetail: 'City records',
    expectedVersion: null,
  });
  for (const expert of Object.values(experts)) {
    const person = await createPerson(expert, { role: 'expert' });
    // The expert records her own country (the same-country rule needs it).
    await person.client.call('PUT', `/review/experts/${person.id}`, { countryIso2: expert.country });
  }
});
afterAll(async () => browser?.close());

async function open(route: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}${route}`);
  return page;
}

async function signedIn(email: string, password: string, width = 1280): Promise<Page> {
  const page = await open('/sign-in', width);
  await signIn(page, base, email, password);
  return page;
}

/** A screenshot of one part of the page, for people to look at (e2e/screenshots, ignored by git). */
async function shot(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: path.resolve(import.meta.dirname, '../screenshots', `${name}.png`) });
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The rating screen's measurement buttons, in order. */
const measurementButtons = (page: Page) =>
  page.getByRole('navigation', { name: 'Measurements to rate' }).getByRole('button');

/** Rate the measurement on screen: the rationale, then the level (which saves at once). */
async function rate(page: Page, value: number, rationale: string): Promise<void> {
  const rating = page.getByRole('region', { name: 'Rubric and rating' });
  await rating.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  await rating.getByRole('radio', { name: new RegExp(`^${value} `) }).check({ force: true });
  await rating.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** Rate all the measurements of the assignment, one screen after the other, with the given overrides. */
async function rateAll(page: Page, value: number, overrides: Record<string, number>, who: string): Promise<string[]> {
  const ids: string[] = [];
  const count = await measurementButtons(page).count();
  for (let i = 0; i < count; i++) {
    const heading = page.getByRole('heading', { level: 2 }).filter({ hasText: `(${i + 1} of ${count})` });
    await heading.waitFor();
    const id = (await heading.locator('.code').textContent()) ?? '';
    ids.push(id);
    await rate(page, overrides[id] ?? value, `${who}: the evidence for ${id} read against the rubric.`);
    if (i < count - 1) await page.getByRole('button', { name: 'Next measurement' }).click();
  }
  return ids;
}

async function submitRatings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit my ratings' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Submit your ratings?' });
  await dialog.getByText(/All 18 measurements are rated/).waitFor();
  await dialog.getByRole('button', { name: 'Submit and lock' }).click();
  await page.getByText('Your ratings are submitted and locked.').first().waitFor();
}

describe('expert review: a round from the city’s narrative to the public figure', () => {
  let desk: Page;
  let expertPage: Page;
  let flagged = '';
  const assignmentOf: Record<string, string> = {};

  afterAll(async () => {
    await desk?.context().close();
    await expertPage?.context().close();
  });

  it('lets the coordinator write a narrative with a live word count, then submit the report', async () => {
    const page = await signedIn(coordinator.email, coordinator.password);
    await page.goto(`${base}/workspace/${city.slug}?year=${city.year}`);
    const section = page.getByRole('region', { name: 'Expert review' });
    await section.getByText('Narratives written: 0 of 18').waitFor();
    const first = section.locator('.narrative-item__trigger').first();
    const id = (await first.locator('.code').textContent()) ?? '';
    await first.click();
    const narrative = section.getByLabel(`Narrative — ${id}`);
    await narrative.fill('The city runs forty community learning centres.');
    await section.getByText('Words: 7 of 500').waitFor();
    await section.getByRole('button', { name: /Language of the narrative/ }).click();
    await page.getByRole('option', { name: 'Français' }).click();
    await narrative.fill('La ville gère quarante centres d’apprentissage de quartier, ouverts à tous les âges.');
    await section.getByText('Words: 13 of 500').waitFor();
    await section.getByRole('button', { name: /^Save the narrative/ }).click();
    await section.getByText('Narrative saved.').waitFor();
    await section.getByText('Narratives written: 1 of 18').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(section, 'review-narrative-en');

    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByText('The report is submitted: the secretariat has been told.').waitFor();
    // Locked with the report: the narrative is shown, no longer editable.
    await section.getByText('The report is not a draft: its narratives are locked with it.').waitFor();
    expect(await section.getByRole('button', { name: /^Save the narrative/ }).count()).toBe(0);
    await page.context().close();
  });

  it('lets the secretariat open a round, add the report and assign two experts, never one of the city’s country', async () => {
    desk = await signedIn(admin.email, admin.password);
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review rounds' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Review rounds' }).waitFor();
    await desk.getByLabel('Name').fill(roundName);
    await desk.getByRole('button', { name: 'Open the round' }).click();
    await desk.getByRole('heading', { level: 1, name: roundName }).waitFor();

    await desk.getByRole('button', { name: /Submitted report/ }).click();
    await desk.getByRole('option', { name: `${city.name} · ${city.year}` }).click();
    await desk.getByRole('button', { name: 'Add to the round' }).click();
    const card = desk.getByRole('article', { name: `${city.name} · ${city.year}` });
    await card.waitFor();
    await card.getByRole('button', { name: /^Assign reviewers/ }).click();
    const candidates = card.getByRole('table');
    const irish = candidates.getByRole('row').filter({ hasText: experts.irish.name });
    await irish.getByText('Not eligible: same country as the city').waitFor();
    expect(await irish.getByRole('button', { name: /^Assign/ }).isDisabled()).toBe(true);
    for (const expert of [experts.a, experts.b]) {
      await candidates
        .getByRole('row')
        .filter({ hasText: expert.name })
        .getByRole('button', { name: /^Assign/ })
        .click();
      await desk.getByText(`${expert.name} is assigned to ${city.name}.`).waitFor();
    }
    await card.getByText('Reviewers: 2 (at least 2)').waitFor();
    await desk.waitForLoadState('networkidle');
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'review-round-assign');
  });

  it('lets the first expert rate every measurement blind and submit', async () => {
    expertPage = await signedIn(experts.a.email, experts.a.password);
    await expertPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Expert reviews' }).click();
    await expertPage.getByRole('heading', { level: 1, name: 'My expert reviews' }).waitFor();
    const row = expertPage.getByRole('row').filter({ hasText: `${city.name}, ${city.year}` });
    await row.getByText('0 of 18 rated').waitFor();
    await row.getByRole('link', { name: `${city.name}, ${city.year}` }).click();
    await expertPage.getByRole('heading', { level: 1, name: `Rating ${city.name}, ${city.year}` }).waitFor();
    assignmentOf.a = expertPage.url().split('/').at(-1)?.split('?')[0] ?? '';
    // The city's narrative beside the rubric, in the language she wrote it in.
    await expertPage.getByText(/La ville gère quarante centres/).waitFor();
    await expertPage.getByText("Blind review: other reviewers' ratings stay hidden until you submit yours.").waitFor();
    await expertPage.waitForLoadState('networkidle');
    expect(await seriousViolations(expertPage)).toEqual([]);
    await screenshot(expertPage, 'review-rating-en');
    const ids = await rateAll(expertPage, 3, {}, 'A');
    flagged = ids[0] ?? '';
    await submitRatings(expertPage);
    // Locked: no level can be chosen any more.
    await expertPage.getByText('Your rating:').waitFor();
    expect(await expertPage.getByRole('radio').count()).toBe(0);
  });

  it('keeps the second expert blind to the first one’s ratings until she submits; a two-point gap is flagged', async () => {
    const page = await signedIn(experts.b.email, experts.b.password);
    await page.goto(`${base}/review`);
    await page.getByRole('link', { name: `${city.name}, ${city.year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Rating ${city.name}, ${city.year}` }).waitFor();
    assignmentOf.b = page.url().split('/').at(-1)?.split('?')[0] ?? '';
    expect(await page.getByText('A: the evidence').count()).toBe(0);
    expect(await page.getByRole('heading', { name: "The other reviewers' ratings and rationales" }).count()).toBe(0);
    await rateAll(page, 3, { [flagged]: 5 }, 'B');
    // Still blind after rating everything: nothing of the first reviewer shows before submitting.
    expect(await page.getByText('A: the evidence').count()).toBe(0);
    await submitRatings(page);
    await page.getByText(`Flagged for reconciliation: ${flagged}.`).waitFor();
    await page.context().close();
  });

  it('shows the flagged measurement to the first expert with the other’s rationale; she revises, both versions kept', async () => {
    await expertPage.goto(`${base}/review/assignments/${assignmentOf.a}?m=${flagged}`);
    const rating = expertPage.getByRole('region', { name: 'Rubric and rating' });
    await rating.getByText('Flagged for reconciliation: the ratings differ by 2 points.').waitFor();
    await rating.getByText(`B: the evidence for ${flagged} read against the rubric.`).waitFor();
    await expertPage.waitForLoadState('networkidle');
    expect(await seriousViolations(expertPage)).toEqual([]);
    await screenshot(expertPage, 'review-reconcile-en');
    await rating.getByRole('button', { name: /^Revise my rating/ }).click();
    await rating.getByRole('radio', { name: /^4 / }).check({ force: true });
    await rating
      .getByLabel('Rationale of the revision')
      .fill('A, revised: the other reviewer read the centres’ reach better.');
    await rating.getByRole('button', { name: 'Save the revision' }).click();
    await rating.getByText('The flag is resolved: the ratings now differ by less than two points.').waitFor();
    await rating.getByRole('heading', { name: 'Versions of your rating' }).waitFor();
    await rating.getByText('As submitted').waitFor();
    await rating.getByText('(version 2, revised)').waitFor();
  });

  it('lets the secretariat see progress, agreement and the resolved flag, then consolidate', async () => {
    await desk.reload();
    await desk.getByRole('heading', { level: 1, name: roundName }).waitFor();
    const flags = desk.getByRole('region', { name: 'Flags for reconciliation' });
    await flags.getByText('resolved').waitFor();
    const agreement = desk.getByRole('region', { name: 'Agreement between reviewers' });
    await agreement.getByText('not computable').first().waitFor();
    await desk.getByText('2 of 2 assignments submitted; 0 of 1 cities consolidated').waitFor();
    await desk.waitForLoadState('networkidle');
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'review-round-dashboard');
    await desk.getByRole('button', { name: 'Consolidate every ready city' }).click();
    await desk.getByText('Cities consolidated: 1.').waitFor();
  });

  it('shows the consolidated ratings in the city’s cycle, with the rule and the anonymised rationales', async () => {
    const page = await signedIn(coordinator.email, coordinator.password);
    await page.goto(`${base}/workspace/${city.slug}?year=${city.year}`);
    const section = page.getByRole('region', { name: 'Expert review' });
    const results = section.getByRole('region', { name: `Expert ratings: ${roundName}` });
    await results.getByText(/the median of the reviewers' final ratings/).waitFor();
    const row = results.getByRole('row').filter({ hasText: flagged });
    // Final ratings 4 and 5: the median, in whole points as the methodology says.
    expect(await row.textContent()).toContain('4 Very good');
    await results.getByText(`B: the evidence for ${flagged} read against the rubric.`).waitFor();
    expect(await results.textContent()).not.toContain(experts.a.name);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'review-results-en');
    await page.context().close();
  });

  it('shows the figure on the public page with its provenance once the report is accepted', async () => {
    await desk.goto(`${base}/admin/review`);
    await desk.getByRole('button', { name: new RegExp(`${city.name} · ${city.year}`) }).click();
    await desk.getByRole('button', { name: 'Accept the report' }).click();
    await desk.getByText('Accepted: the figures are now public.').waitFor();

    const visitor = await open(`/cities/${city.slug}/measurements/${flagged}`);
    await visitor.getByRole('heading', { level: 1, name: new RegExp(flagged.replaceAll('.', '\\.')) }).waitFor();
    const sources = visitor.getByRole('region', { name: 'Sources and provenance' });
    await sources.getByText(`Expert review “${roundName}”: median of the final ratings of 2 reviewers;`).waitFor();
    expect(await visitor.getByRole('table').first().textContent()).toMatch(/2025\s*4/);
    await screenshot(visitor, 'review-public-en');
    await visitor.context().close();
  });
});

describe('expert review: the rating screen in Arabic, on a phone, with the keyboard', () => {
  let page: Page;
  afterAll(async () => page?.context().close());

  async function focusBy(target: Locator): Promise<boolean> {
    for (let i = 0; i < 60; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return true;
      await page.keyboard.press('Tab');
    }
    return false;
  }

  it('reads right to left in Arabic and fits a 360-pixel phone in one column', async () => {
    page = await signedIn(experts.a.email, experts.a.password, 360);
    await page.goto(`${base}/review?lang=ar`);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.inbox-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'review-inbox-ar-360');
    await page.locator('.inbox-table a').first().click();
    await page.locator('.rate__columns').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'review-rating-ar-360');
  });

  it('shows two columns on a tablet and moves between measurements with the keyboard alone', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${base}/review?lang=en`);
    await page.locator('.inbox-table a').first().click();
    await page.locator('.rate__columns').waitFor();
    const columns = await page
      .locator('.rate__columns')
      .evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(2);
    const next = page.getByRole('button', { name: 'Next measurement' });
    expect(await focusBy(next)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2 }).filter({ hasText: '(2 of 18)' }).waitFor();
    await screenshot(page, 'review-rating-tablet');
  });
});
