import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, seriousViolations } from '../browser.ts';

const base = inject('baseUrl');
const admin = inject('admin');
// A real city without figures, so its public page changes visibly once its first report is accepted.
const city = { slug: 'belfast', name: 'Belfast' };
const coordinator = {
  email: 'coordinator@belfast.example',
  name: 'Niamh Belfast',
  password: 'the lagan flows into the lough',
};
let browser: Browser;
let files: string;

/** The API as a script would use it: a cookie jar and the CSRF token on every change. */
class ApiClient {
  private cookies = new Map<string, string>();
  private token: string | undefined;

  async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    if (method !== 'GET' && this.token === undefined) {
      this.token = (await this.call<{ token: string }>('GET', '/auth/csrf')).token;
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (method !== 'GET' && this.token) headers['x-csrf-token'] = this.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}/api/v1${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** For speed, the coordinator is invited and accepts through the API; she signs in through the form. */
async function createCoordinator(): Promise<void> {
  const desk = new ApiClient();
  await desk.call('POST', '/auth/sign-in', { email: admin.email, password: admin.password });
  await desk.call('POST', '/invitations', {
    email: coordinator.email,
    role: 'city-coordinator',
    scope: { city: city.slug },
    lang: 'en',
  });
  const outbox = await desk.call<{ items: { to: string; body: string }[] }>('GET', '/outbox?pageSize=100');
  const mail = outbox.items.find((m) => m.to === coordinator.email);
  const token = /#token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
  if (!token) throw new Error('no invitation link in the outbox');
  await new ApiClient().call('POST', '/invitations/accept', {
    token,
    displayName: coordinator.name,
    password: coordinator.password,
  });
}

beforeAll(async () => {
  browser = await launch();
  await createCoordinator();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-e2e-import-'));
});
afterAll(async () => {
  await browser?.close();
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

async function open(route: string, options: { width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}${route}`);
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.locator('main').getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/account$/);
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('monitoring: public progress of a city', () => {
  it('draws the temple of Sample City with each focus area’s statuses and coverage, never one score', async () => {
    const page = await open('/cities/sample-city');
    const progress = page.getByRole('region', { name: 'Progress towards the Key Features' });
    await progress.getByText('60 of 60 measurements have data.').first().waitFor();
    // Every focus area leads to its list of measurements on the same page, with a text roll-up beside it.
    for (const id of ['1.1', '2.4', '3.3']) {
      await progress.locator(`a[href$="#focus-${id}"]`).waitFor();
      await progress.locator(`[id="focus-${id}"]`).waitFor();
    }
    expect(await progress.locator('.rollup').count()).toBe(12);
    expect(await progress.textContent()).toMatch(/improving: \d+/);
    // Statuses are named in words next to their symbols, and each measurement links to its own page.
    const literacy = progress.getByRole('listitem').filter({ hasText: '1.1.1a' }).first();
    expect(await literacy.textContent()).toMatch(/improving.*77\.7 % \(2024\)/);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'monitoring-city-en');
    await page.context().close();
  });

  it('reads right to left in Arabic and fits a 360-pixel phone', async () => {
    const page = await open('/cities/sample-city?lang=ar', { width: 360 });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.rollup').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'monitoring-city-ar-360');
    await page.context().close();
  });
});

describe('monitoring: a measurement of a city', () => {
  it('shows the series as a chart and the same figures as a table, with status, sources and the sample label', async () => {
    const page = await open('/cities/sample-city/measurements/1.1.2a');
    await page.getByRole('heading', { level: 1, name: /1\.1\.2a/ }).waitFor();
    await page.getByRole('img', { name: /Participation rate in election, Total: from 26\.8 %/ }).waitFor();
    // The table has a row per accepted year and the target the chart draws as a dashed line.
    const table = page.getByRole('table').filter({ hasText: 'Values by year and breakdown' });
    expect(await table.getByRole('row').count()).toBe(1 + 10 + 2);
    expect(await table.textContent()).toContain('33.2 (2030)');
    expect(await page.getByText('Sample data — invented figures').count()).toBe(1);
    expect(await page.getByText('Sample data (invented)').count()).toBeGreaterThan(0);
    await page.getByText('moderate progress').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'monitoring-measurement-en');
    await page.context().close();
  });

  it('fits a 360-pixel phone in Arabic', async () => {
    const page = await open('/cities/sample-city/measurements/1.1.1a?lang=ar', { width: 360 });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.chart__svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'monitoring-measurement-ar-360');
    await page.context().close();
  });
});

describe('monitoring: a city reports a year and the secretariat accepts it', () => {
  // One journey: each step starts where the previous one left the browser.
  let page: Page;
  const entryRow = (label: RegExp) => page.getByRole('group', { name: label });

  afterAll(async () => page?.context().close());

  it('shows the city as having no accepted report yet', async () => {
    const visitor = await open(`/cities/${city.slug}`);
    await visitor.getByText('No report of this city has been accepted yet.').waitFor();
    await visitor.context().close();
  });

  it('leads the coordinator from the navigation to her city’s workspace, where she opens a year', async () => {
    page = await open('/sign-in');
    await signIn(page, coordinator.email, coordinator.password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: `Workspace: ${city.name}` })
      .click();
    await page.getByRole('heading', { level: 1, name: `Workspace: ${city.name}` }).waitFor();
    await page.getByText('No reporting year is open yet.').waitFor();
    await page.getByLabel('Open another year').fill('2025');
    await page.getByRole('button', { name: 'Open a draft' }).click();
    await page.getByRole('heading', { level: 2, name: 'Report for 2025' }).waitFor();
  });

  it('refuses a literacy rate of 120 % with the error beside the field, then saves a correct value', async () => {
    const total = entryRow(/1\.1\.1a .*Total$/);
    await total.getByLabel('Source').fill('Census 2025, table 4');
    await total.getByLabel('Value').fill('120');
    await total.getByLabel('Value').press('Enter');
    await total.getByText('Must be between 0 and 100.').waitFor();
    expect(await total.getByLabel('Value').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'monitoring-workspace-error');

    await total.getByLabel('Value').fill('95.5');
    await total.getByLabel('Value').press('Enter');
    await total.getByText('✓ Saved').waitFor();
    expect(await total.getByLabel('Value').getAttribute('aria-invalid')).toBeNull();
  });

  it('lists every error of an imported file by row and column, and imports nothing', async () => {
    const file = path.join(files, 'belfast-2025.csv');
    fs.writeFileSync(
      file,
      [
        'measurement_id,breakdown,year,value,unit,source,note,election_year',
        '1.1.1a,sex:female,2025,140,percent,Census 2025,,',
        '9.9.9z,total,2025,10,percent,Census 2025,,',
      ].join('\n'),
    );
    await page.getByLabel('File (CSV or XLSX)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('The file has errors: nothing was imported.').waitFor();
    const errors = page.getByRole('table', { name: /Errors in the file/ });
    const rows = errors.getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/^2\s*value/);
    expect(await rows.nth(2).textContent()).toMatch(/^3\s*measurement_id/);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'monitoring-workspace-en');
    // The same workspace on a phone: tables scroll in their own regions, never the page.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'monitoring-workspace-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('blocks submitting while a warning is unconfirmed, and submits once it is confirmed', async () => {
    // Parts of 90 and 92 put the total of 95.5 outside them: a warning to confirm or correct.
    for (const [label, value] of [
      [/1\.1\.1a .*male$/, '90'],
      [/1\.1\.1a .*female$/, '92'],
    ] as const) {
      const row = entryRow(label).first();
      await row.getByLabel('Source').fill('Census 2025, table 4');
      await row.getByLabel('Value').fill(value);
      await row.getByLabel('Value').press('Enter');
      await row.getByText('✓ Saved').waitFor();
    }
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByRole('alert').filter({ hasText: 'The report was not submitted.' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'The report was not submitted.' }).textContent()).toContain(
      '1.1.1a (total)',
    );

    const total = entryRow(/1\.1\.1a .*Total$/);
    await total.getByText('The total lies outside the values of its parts').waitFor();
    await total
      .getByLabel('Note', { exact: true })
      .fill('Parts come from a sample survey; the total is the census count.');
    await total.getByText('The value is right (say why in the note)').click();
    await total.getByText('✓ Saved').waitFor();
    await page.getByRole('heading', { name: 'Warnings to confirm: 0' }).waitFor();

    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByText('The report is submitted: the secretariat has been told.').waitFor();
    await page.locator('.cycle-state', { hasText: 'submitted' }).first().waitFor();
  });

  it('is accepted by the secretariat from the review queue', async () => {
    const desk = await open('/sign-in');
    await signIn(desk, admin.email, admin.password);
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report review' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Report review' }).waitFor();
    await desk.getByRole('button', { name: new RegExp(`${city.name} · 2025`) }).click();
    await desk.getByRole('heading', { level: 2, name: `${city.name}, 2025` }).waitFor();
    await desk.getByText('95.5 %').first().waitFor();
    await desk.waitForLoadState('networkidle');
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'monitoring-review-en');
    await desk.setViewportSize({ width: 360, height: 800 });
    expect(await noHorizontalScroll(desk)).toBeLessThanOrEqual(0);
    await desk.setViewportSize({ width: 1280, height: 900 });
    await desk.getByRole('button', { name: 'Accept the report' }).click();
    await desk.getByText('Accepted: the figures are now public.').waitFor();
    await desk.context().close();
  });

  it('shows the accepted figures on the city’s public page', async () => {
    const visitor = await open(`/cities/${city.slug}`);
    const progress = visitor.getByRole('region', { name: 'Progress towards the Key Features' });
    await progress.getByText('1 of 60 measurements have data.').first().waitFor();
    await progress.getByRole('link', { name: /1\.1\.1a/ }).click();
    await visitor.getByRole('heading', { level: 1, name: /1\.1\.1a/ }).waitFor();
    const table = visitor.getByRole('table').filter({ hasText: 'Values by year and breakdown' });
    expect(await table.textContent()).toContain('95.5');
    expect(await visitor.getByText('Census 2025, table 4').count()).toBeGreaterThan(0);
    await visitor.context().close();
  });
});
