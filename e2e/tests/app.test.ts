import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, seriousViolations } from '../browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(path: string, options: { width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

describe('Home', () => {
  it('draws the temple with all twelve focus areas as links into the framework', async () => {
    const page = await open('/');
    await page.locator('a[href^="/framework/"]').first().waitFor();
    const hrefs = await page
      .locator('a[href^="/framework/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const id of ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '3.1', '3.2', '3.3']) {
      expect(hrefs).toContain(`/framework/${id}`);
    }
    await screenshot(page, 'home-en');
    await page.context().close();
  });

  it('switches to Arabic: the page turns right-to-left, and the choice survives a reload', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: /language/i }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    // The catalogue arrives in Arabic too: the temple's first focus area is not in Latin script.
    await page.locator('a[href="/framework/1.1"]').waitFor();
    await page.waitForFunction(
      () => !/[A-Za-z]{4}/.test(document.querySelector('a[href="/framework/1.1"]')?.textContent ?? 'x'),
    );
    await screenshot(page, 'home-ar');
    await page.context().close();
  });

  it('can be used from the keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await open('/');
    // The app renders after the load event; a Tab pressed before that finds nothing to focus.
    await page.locator('a.skip-link').waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe('#main');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('fits a 360-pixel phone without sideways scrolling', async () => {
    for (const path of ['/', '/network', '/framework/2.4']) {
      const page = await open(path, { width: 360 });
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await screenshot(page, `phone${path.replaceAll('/', '-') || '-home'}`);
      await page.context().close();
    }
  });
});

describe('Network and city profile', () => {
  it('lists member cities beside the map and opens a city profile', async () => {
    const page = await open('/network');
    await page.locator('svg path').first().waitFor(); // the offline Natural Earth map is drawn
    // The list is the primary path; on the world map Cork's dot sits under Limerick's.
    const cork = page.locator('.city-card a[href="/cities/cork"]');
    await cork.waitFor();
    await screenshot(page, 'network');
    await cork.click();
    await page.getByRole('heading', { level: 1, name: /Cork/ }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('2015');
    expect(text).toContain('2024');
    await page.context().close();
  });

  it('filters by search from a plain keyboard', async () => {
    const page = await open('/network?q=medellin');
    await page.locator('main a[href="/cities/medellin"]').first().waitFor();
    expect(await page.locator('main a[href="/cities/cork"]').count()).toBe(0);
    await page.context().close();
  });

  it('labels the fictional Sample City as fictional', async () => {
    const page = await open('/cities/sample-city');
    await page.getByRole('heading', { level: 1, name: /Sample City/ }).waitFor();
    expect(((await page.locator('main').textContent()) ?? '').toLowerCase()).toContain('fictional');
    await page.context().close();
  });
});

describe('accessibility (axe-core)', () => {
  it.each([
    ['Home', '/'],
    ['Framework', '/framework/1.1'],
    ['Network', '/network'],
    ['Home in Arabic', '/?lang=ar'],
  ])('%s has no serious or critical violations', async (_name, path) => {
    const page = await open(path);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
