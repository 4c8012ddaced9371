import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, seriousViolations } from '../browser.ts';

const base = inject('baseUrl');
let browser: Browser;

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
});
