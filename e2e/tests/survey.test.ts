import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api-client.ts';
import { launch, screenshot, seriousViolations, signIn } from '../browser.ts';

const base = inject('baseUrl');
const admin = inject('admins').survey;
const coordinator = {
  email: 'coordinator@sample-city.example',
  name: 'Sam Sample',
  password: 'surveys from every phone',
};
let browser: Browser;

/** Sample City's coordinator, invited and accepted through the API; she signs in through the form. */
async function createCoordinator(): Promise<ApiClient> {
  const desk = new ApiClient(base);
  await desk.call('POST', '/auth/sign-in', { email: admin.email, password: admin.password });
  await desk.call('POST', '/invitations', {
    email: coordinator.email,
    role: 'city-coordinator',
    scope: { city: 'sample-city' },
    lang: 'en',
  });
  const outbox = await desk.call<{ items: { to: string; body: string }[] }>('GET', '/outbox?pageSize=100');
  const token = /#token=([\w-]+)/.exec(outbox.items.find((m) => m.to === coordinator.email)?.body ?? '')?.[1];
  if (!token) throw new Error('no invitation link in the outbox');
  await new ApiClient(base).call('POST', '/invitations/accept', {
    token,
    displayName: coordinator.name,
    password: coordinator.password,
  });
  const client = new ApiClient(base);
  await client.call('POST', '/auth/sign-in', { email: coordinator.email, password: coordinator.password });
  return client;
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** A cheap phone: 360 px wide, JavaScript off. */
async function phone(lang = 'en'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
    locale: lang,
  });
  return context.newPage();
}

/** Answers what a page asks: the first choice of every question, 2 for a number. */
async function answerPage(page: Page): Promise<void> {
  for (const fieldset of await page.locator('fieldset').all()) await fieldset.locator('label').first().click();
  for (const input of await page.locator('input[type=number]').all()) await input.fill('2');
}

describe("Sample City's residents' survey", () => {
  it('is answered on a 360-px phone with JavaScript off, page by page, and counted once', async () => {
    const page = await phone();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${base}/s/sample-city/sample?lang=en`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Sample City');
    await screenshot(page, 'survey-en-360-intro');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]+\/1$/);
    const first = page.url();

    // A missing answer comes back with a message beside the question, on the same page.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('.summary').textContent()).toContain('need your attention');
    await screenshot(page, 'survey-en-360-error');

    for (let n = 0; n < 10 && !page.url().endsWith('/done'); n++) {
      await answerPage(page);
      const before = page.url();
      await Promise.all([
        page.waitForURL((url) => url.toString() !== before),
        page.locator('button[value=next]').click(),
      ]);
    }
    expect(page.url()).toMatch(/\/done$/);
    await expect.poll(() => page.locator('[role=status]').textContent()).toContain('Thank you');
    await screenshot(page, 'survey-en-360-thanks');

    // Back to the first page of the same response: it is in, and counts once.
    await page.goto(first);
    await expect.poll(() => page.locator('[role=status]').textContent()).toContain('already received');
    expect(requests.every((url) => url.startsWith(base))).toBe(true);
    await page.context().close();
  });

  it('fits 360 px in Arabic, right to left, without horizontal scrolling or serious accessibility problems', async () => {
    // JavaScript on here only to measure the page; the page itself has none.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ar' });
    const page = await context.newPage();
    await page.goto(`${base}/s/sample-city/sample`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]+\/1$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'survey-ar-360-page1');
    await context.close();
  });

  it('shows the estimates in the wave workspace, and "use these estimates" puts them in the cycle with their provenance', async () => {
    const api = await createCoordinator();
    await api.call('POST', '/cities/sample-city/cycles', { year: 2025 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, coordinator.email, coordinator.password);
    await page.goto(`${base}/workspace/sample-city`);
    await page.getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('link', { name: /Residents’ survey 2025/ }).click();
    await page.getByRole('row', { name: /^2\.1\.3a/ }).waitFor();
    expect(await page.getByText('Raked to the margins').count()).toBe(1);
    await screenshot(page, 'survey-en-1280-wave');
    await page.getByLabel('Reference year of the cycle').fill('2025');
    await page.getByRole('button', { name: 'Write them into the cycle' }).click();
    // Weighting 600 responses and writing each figure with its audit record takes a moment.
    await expect
      .poll(() => page.locator('[role=status], [role=alert]').allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringContaining('Written into the 2025 cycle'));
    const cycle = await api.call<{
      observations: {
        measurementId: string;
        provenance: string;
        provenanceDetail: { n?: number; se?: number } | null;
      }[];
    }>('GET', '/cities/sample-city/cycles/2025');
    const adult = cycle.observations.find((o) => o.measurementId === '2.1.3a');
    expect(adult?.provenance).toBe('survey-estimate');
    expect(adult?.provenanceDetail?.n).toBeGreaterThan(30);
    expect(adult?.provenanceDetail?.se).toBeGreaterThan(0);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
        .map((e) => `${e.tagName}.${e.className}`)
        .slice(0, 5),
    );
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'survey-en-360-wave');
    await context.close();
  });

  it('lets the city team design a survey from the catalogue, with a question of its own, and field it in a wave', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, coordinator.email, coordinator.password);
    await page.goto(`${base}/workspace/sample-city/surveys`);
    const form = page.getByRole('region', { name: 'A new survey' });
    await form.getByLabel('Name').fill('Learners 2026');
    await form.getByRole('button', { name: /Who answers/ }).click();
    await page.getByRole('option', { name: 'learners' }).click();
    await form.getByLabel('Districts of the city, one a line').fill('Old Town\nRiverside');
    await form.getByText('Français').click();
    // One of the two learner measurements, and a question of the city's own in English and French.
    await form.getByText('2.6.2a').click();
    expect(await form.getByText('1 of 2 chosen').count()).toBe(1);
    await form.getByRole('button', { name: 'Add a local question' }).click();
    await form.getByLabel('Question (English)').fill('Do you use the new city library?');
    await form.getByLabel('Question (Français)').fill('Utilisez-vous la nouvelle bibliothèque de la ville ?');
    await form.getByLabel('Choice 1 (English)').fill('Yes');
    await form.getByLabel('Choice 2 (English)').fill('Not yet');
    await form.getByRole('button', { name: 'Create the survey' }).click();
    await page.getByText('Learners 2026').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Learners 2026' });
    await item.getByLabel('Name of a new wave').fill('Spring 2026');
    await item.getByLabel('Closes on').fill('2099-06-30');
    await item.getByRole('button', { name: 'Field this version in a new wave' }).click();
    await item.getByRole('link', { name: 'Spring 2026' }).click();
    await page.getByRole('heading', { level: 2, name: /Spring 2026/ }).waitFor();
    const link = await page.getByRole('link', { name: /\/s\/sample-city\// }).getAttribute('href');
    expect(link).toMatch(/\/s\/sample-city\/[A-Za-z0-9_-]{10}$/);
    await screenshot(page, 'survey-en-1280-new');
    await context.close();

    // On the public page, after the standard questions: the measurement kept and the city's question.
    const respondent = await phone();
    await respondent.goto(`${base}${new URL(link ?? '').pathname}?lang=en`);
    await respondent.getByRole('button', { name: 'Start' }).click();
    await respondent.waitForURL(/\/r\/[A-Za-z0-9_-]+\/1$/);
    await answerPage(respondent);
    await Promise.all([respondent.waitForURL(/\/2$/), respondent.locator('button[value=next]').click()]);
    expect(await respondent.getByText('Do you use the new city library?').count()).toBe(1);
    expect(await respondent.getByText('Not yet').count()).toBe(1);
    expect(await respondent.getByText('satisfied with your learning environment').count()).toBe(1);
    expect(await respondent.getByText('information and counselling').count()).toBe(0);
    await respondent.context().close();
  });
});
