import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api-client.ts';
import { launch, screenshot, seriousViolations, signIn } from '../browser.ts';

const base = inject('baseUrl');
const admin = inject('admins').award;
// Espoo (Finland) received the Award in 2015 and has been a member since: eligible for a cycle in 2027.
const city = { slug: 'espoo', name: 'Espoo', country: 'FI' };
const cycleName = 'Learning City Award 2027';
const people = {
  coordinator: { email: 'coordinator@espoo.example', name: 'Eero Espoo', password: 'learning by the gulf of finland' },
  natcom: { email: 'natcom@fi.example', name: 'Fiia Commission', password: 'two nominations a cycle' },
  reviewer: { email: 'reviewer@award.example', name: 'Rita Reviewer', password: 'six criteria read twice' },
  juror: { email: 'juror@award.example', name: 'Jorge Juror', password: 'the jury decides in secret' },
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CRITERIA = [
  'Promoting inclusive learning from basic to higher education',
  'Revitalizing learning in families and communities',
  'Facilitating effective learning for and in the workplace',
  'Extending the use of modern learning technologies',
  'Enhancing quality and excellence in learning',
  'Fostering a culture of learning throughout life',
];
let browser: Browser;

/** Invited by the administrator and accepted through the API. */
async function createPerson(
  person: { email: string; name: string; password: string },
  invitation: { role: string; scope?: { city: string } | { country: string } },
): Promise<void> {
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
}

beforeAll(async () => {
  browser = await launch();
  await createPerson(people.coordinator, { role: 'city-coordinator', scope: { city: city.slug } });
  await createPerson(people.natcom, { role: 'natcom', scope: { country: city.country } });
  await createPerson(people.reviewer, { role: 'expert' });
  await createPerson(people.juror, { role: 'jury' });
});
afterAll(async () => browser?.close());

async function signedIn(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, base, email, password);
  return page;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the Learning City Award: from application to awardee', () => {
  let desk: Page;
  let applicationUrl = '';
  let cycleUrl = '';

  afterAll(async () => desk?.context().close());

  it('lets the secretariat open a cycle with current practice', async () => {
    desk = await signedIn(admin.email, admin.password);
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Award', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Award workspace' }).waitFor();
    const form = desk.locator('form').filter({ hasText: 'Open a cycle' });
    await form.getByLabel('Name').fill(cycleName);
    await form.getByLabel('Award year').fill('2027');
    await form.getByLabel('Applications open').fill(day(-1));
    await form.getByLabel('Applications close').fill(day(30));
    await form.getByLabel('Nominations close').fill(day(60));
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    const link = desk.getByRole('link', { name: cycleName });
    await link.waitFor();
    cycleUrl = (await link.getAttribute('href')) ?? '';
    expect(cycleUrl).toMatch(/^\/awards\/cycles\//);
  });

  it('lets the city coordinator apply: the report per criterion, the signed consent form, then submit', async () => {
    const page = await signedIn(people.coordinator.email, people.coordinator.password);
    await page.goto(`${base}/awards/workspace`);
    await page.getByRole('button', { name: `Apply for ${city.name} in ${cycleName}` }).click();
    await page.getByRole('heading', { level: 1, name: `Award application of ${city.name}` }).waitFor();
    applicationUrl = new URL(page.url()).pathname;
    await page.getByText('Still missing before the application can be submitted:').waitFor();
    await page
      .getByLabel('The city’s development as a learning city')
      .fill('Espoo has built learning into every neighbourhood, from libraries to the university campus.');
    for (const criterion of CRITERIA) {
      await page.getByLabel(criterion, { exact: true }).fill(`What Espoo did: ${criterion.toLowerCase()}.`);
    }
    await page.getByLabel('Title').fill('The Espoo story (video)');
    await page.getByLabel('Address (https://…)').fill('https://example.org/espoo-video');
    await page.getByRole('button', { name: 'Add the material' }).click();
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByText('Report saved.').waitFor();
    await page
      .getByLabel('Consent form for the use and distribution of materials (PDF, PNG or JPEG)')
      .setInputFiles({ name: 'consent.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload the consent form' }).click();
    await page.getByRole('link', { name: 'Download the consent form (consent.pdf)' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'award-application-en');
    await page.getByRole('button', { name: 'Submit to the National Commission' }).click();
    await page.getByText('Submitted', { exact: true }).first().waitFor();
    await page.getByText(/Accepted monitoring data attached/).waitFor();
    await page.context().close();
  });

  it('lets the National Commission nominate within its quota', async () => {
    const page = await signedIn(people.natcom.email, people.natcom.password);
    await page.goto(`${base}/awards/workspace`);
    const quota = page.getByRole('table', { name: 'Nominations and quota' });
    await quota.getByText('2 of 2').waitFor();
    await page.getByRole('link', { name: city.name }).first().click();
    await page.getByRole('button', { name: 'Nominate', exact: true }).click();
    await page.getByText('Nominated', { exact: true }).first().waitFor();
    await page.goto(`${base}/awards/workspace`);
    await page.getByRole('table', { name: 'Nominations and quota' }).getByText('1 of 2').waitFor();
    await page.context().close();
  });

  it('lets a reviewer score each criterion with a rationale', async () => {
    const page = await signedIn(people.reviewer.email, people.reviewer.password);
    await page.goto(`${base}${applicationUrl}`);
    await page.getByRole('heading', { name: 'Your scores' }).waitFor();
    for (const criterion of CRITERIA) {
      const group = page.getByRole('group', { name: criterion });
      await group.getByLabel('Score').selectOption('4');
      await group.getByLabel('Rationale').fill(`Strong evidence on ${criterion.toLowerCase()}.`);
      await group.getByRole('button', { name: `Save the score for ${criterion}` }).click();
      await group.getByText('Saved: 4').waitFor();
    }
    await page.context().close();
  });

  it('lets the secretariat read the review board, shortlist and open the jury', async () => {
    await desk.goto(`${base}${cycleUrl}`);
    const board = desk.getByRole('table', { name: 'Scores per criterion and reviewer' });
    await board.getByText('Weighted total 4 from 1 reviewer(s)').waitFor();
    await board.getByText(`${people.reviewer.name}: 4`).first().waitFor();
    await desk.waitForLoadState('networkidle');
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'award-review-board-en');
    await desk.goto(`${base}${applicationUrl}`);
    await desk.getByRole('button', { name: 'Shortlist', exact: true }).click();
    await desk.getByText('Shortlisted', { exact: true }).first().waitFor();
    await desk.goto(`${base}${cycleUrl}`);
    await desk.getByRole('button', { name: 'Open the jury' }).click();
    await desk.getByText('Jury sitting').waitFor();
  });

  it('lets a juror vote on the shortlist, once, in secret', async () => {
    const page = await signedIn(people.juror.email, people.juror.password);
    await page.goto(`${base}${cycleUrl}`);
    const ballot = page.getByRole('table', { name: 'The shortlist' });
    await ballot.getByRole('button', { name: `Vote for ${city.name}` }).click();
    await ballot.getByText('For', { exact: true }).waitFor();
    expect(await ballot.getByRole('button').count()).toBe(0);
    // The votes are not shown while the jury sits.
    expect(await page.getByRole('heading', { name: 'The jury’s votes' }).count()).toBe(0);
    await page.context().close();
  });

  it('lets the secretariat close the jury, select the awardee and announce', async () => {
    await desk.reload();
    await desk.getByRole('button', { name: 'Close the jury' }).click();
    const tally = desk.getByRole('table', { name: 'Votes of 1 juror(s)' });
    await tally
      .getByRole('row', { name: new RegExp(city.name) })
      .getByText('Yes')
      .waitFor();
    await desk.goto(`${base}${applicationUrl}`);
    await desk.getByRole('button', { name: 'Select as awardee' }).click();
    await desk.getByText('Awarded', { exact: true }).first().waitFor();
    await desk.goto(`${base}${cycleUrl}`);
    await desk.getByRole('button', { name: 'Announce the awardees' }).click();
    await desk.getByText('Announced', { exact: true }).waitFor();
  });

  it('shows the new awardee on the public awards page beside the seeded history, and on the city’s profile', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/awards`);
    await page.getByRole('heading', { level: 1, name: 'UNESCO Learning City Award' }).waitFor();
    const latest = page.getByRole('region', { name: cycleName });
    await latest.getByRole('link', { name: city.name }).waitFor();
    await latest.getByText('Run on this platform.').waitFor();
    await latest.getByText(CRITERIA[0] as string).waitFor();
    const first = page.getByRole('region', { name: 'UNESCO Learning City Award 2015' });
    await first.getByRole('link', { name: 'Cork' }).waitFor();
    await first.getByRole('link', { name: city.name }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'award-public-en');
    // In Arabic, right to left, with the criteria in Arabic.
    await page.goto(`${base}/awards?lang=ar`);
    await page.getByRole('heading', { level: 1, name: 'جائزة اليونسكو لمدن التعلّم' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page
      .getByRole('region', { name: cycleName })
      .getByText('تعزيز التعلّم الشامل من التعليم الأساسي إلى التعليم العالي')
      .waitFor();
    await page.goto(`${base}/awards?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'UNESCO Learning City Award' }).waitFor();
    await page.goto(`${base}/cities/${city.slug}`);
    const awards = page.getByRole('list', { name: 'UNESCO Learning City Award' });
    await awards.getByText('2027').waitFor();
    await context.close();
  });
});
