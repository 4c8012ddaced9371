import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api-client.ts';
import { launch, screenshot, seriousViolations, signIn } from '../browser.ts';

const base = inject('baseUrl');
const admin = inject('admins').monitoring;
// A real city without figures, so its public page changes visibly once its first report is accepted.
const city = { slug: 'belfast', name: 'Belfast' };
const coordinator = {
  email: 'coordinator@belfast.example',
  name: 'Niamh Belfast',
  password: 'the lagan flows into the lough',
};
const editor = {
  email: 'editor@belfast.example',
  name: 'Ciarán Belfast',
  password: 'the cranes of the shipyard',
};
let browser: Browser;
let files: string;

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
/** The start of a Linux program: what an executable renamed .pdf really is. */
function elfExecutable(): Buffer {
  const header = Buffer.alloc(64);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  header.writeUInt16LE(2, 16);
  header.writeUInt16LE(0x3e, 18);
  header.writeUInt32LE(1, 20);
  return Buffer.concat([header, Buffer.alloc(512, 0x90)]);
}

/** For speed, the city team is invited and accepts through the API; its members sign in through the form. */
async function createMember(
  person: { email: string; name: string; password: string },
  role: 'city-coordinator' | 'city-editor',
): Promise<void> {
  const desk = new ApiClient(base);
  await desk.call('POST', '/auth/sign-in', { email: admin.email, password: admin.password });
  await desk.call('POST', '/invitations', { email: person.email, role, scope: { city: city.slug }, lang: 'en' });
  const outbox = await desk.call<{ items: { to: string; body: string }[] }>('GET', '/outbox?pageSize=100');
  const mail = outbox.items.find((m) => m.to === person.email);
  const token = /#token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
  if (!token) throw new Error('no invitation link in the outbox');
  await new ApiClient(base).call('POST', '/invitations/accept', {
    token,
    displayName: person.name,
    password: person.password,
  });
}

beforeAll(async () => {
  browser = await launch();
  await createMember(coordinator, 'city-coordinator');
  await createMember(editor, 'city-editor');
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
    await signIn(page, base, coordinator.email, coordinator.password);
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

  it('attaches a PDF as evidence of a measurement and lists it; an executable renamed .pdf is refused beside the control', async () => {
    const literacy = page.getByRole('article', { name: /^1\.1\.1a/ });
    await literacy.getByText('No evidence attached yet.').waitFor();
    await literacy.getByRole('button', { name: /^Add evidence/ }).click();
    const upload = literacy.getByRole('form', { name: /^Upload a file for 1\.1\.1a/ });
    await upload.getByLabel('File', { exact: true }).setInputFiles({
      name: 'census-table-4.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    // A double click sends one upload: the button ignores presses while the first is under way.
    await upload.getByRole('button', { name: 'Upload the file' }).dblclick();
    const listed = literacy.getByRole('link', { name: 'census-table-4.pdf' });
    await listed.waitFor();
    await literacy.getByRole('heading', { name: /^Evidence \(1\)/ }).waitFor();
    expect(await literacy.getByRole('link', { name: 'census-table-4.pdf' }).count()).toBe(1);

    await upload.getByLabel('File', { exact: true }).setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: elfExecutable(),
    });
    await upload.getByRole('button', { name: 'Upload the file' }).click();
    const refusal = upload.getByRole('alert');
    await refusal.getByText(/This kind of file is not accepted\./).waitFor();
    expect(await refusal.textContent()).toContain('whatever its name says');
    expect(await upload.getByLabel('File', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'monitoring-evidence-refused');

    const link = literacy.getByRole('form', { name: /^Add a link for 1\.1\.1a/ });
    await link.getByLabel('Web address').fill('https://www.nisra.gov.uk/statistics/census');
    await link.getByLabel('Title').fill('Census 2025 tables');
    await link.getByRole('button', { name: 'Add the link' }).click();
    await literacy.getByRole('link', { name: /Census 2025 tables/ }).waitFor();
    await literacy.getByRole('heading', { name: /^Evidence \(2\)/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
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
    await signIn(desk, base, admin.email, admin.password);
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
    // The evidence is published with the report, under the sources.
    await visitor.getByRole('heading', { level: 3, name: 'Evidence' }).waitFor();
    const file = visitor.getByRole('link', { name: 'census-table-4.pdf' });
    expect(await file.getAttribute('href')).toMatch(/\/api\/v1\/cities\/belfast\/cycles\/2025\/evidence\//);
    await visitor.getByRole('link', { name: /Census 2025 tables/ }).waitFor();
    await visitor.context().close();
  });
});

describe('monitoring: the city’s own measurement, a returned report and two editors at once', () => {
  let coordinatorPage: Page;
  let editorPage: Page;
  const workspace = `/workspace/${city.slug}?year=2024`;

  afterAll(async () => {
    await coordinatorPage?.context().close();
    await editorPage?.context().close();
  });

  it('lets the coordinator define a local measurement, marked local', async () => {
    coordinatorPage = await open('/sign-in');
    await signIn(coordinatorPage, base, coordinator.email, coordinator.password);
    await coordinatorPage.goto(`${base}/workspace/${city.slug}`);
    await coordinatorPage.getByLabel('Open another year').fill('2024');
    await coordinatorPage.getByRole('button', { name: 'Open a draft' }).click();
    await coordinatorPage.getByRole('heading', { level: 2, name: 'Report for 2024' }).waitFor();

    const local = coordinatorPage.getByRole('region', { name: "The city's own measurements" });
    await local.getByText('The city has no measurement of its own yet.').waitFor();
    await local.getByRole('button', { name: 'Define a local measurement' }).click();
    const dialog = coordinatorPage.getByRole('dialog', { name: 'A new local measurement' });
    // Refused without a name: the error is said beside the field, and nothing is defined.
    await dialog.getByLabel('Definition').fill('Share of adults who borrowed from a public library in the year');
    await dialog.getByRole('button', { name: 'Define the measurement' }).click();
    await dialog.getByText(/Give the name in at least one language/).waitFor();
    await dialog.getByLabel('Name 1').fill('Adults borrowing from libraries');
    await dialog.getByRole('button', { name: 'Add the name in another language' }).click();
    await dialog.getByLabel('Language 2').fill('ga');
    await dialog.getByLabel('Name 2').fill('Daoine fásta a fhaigheann leabhair ar iasacht');
    await dialog.getByRole('button', { name: /Unit/ }).click();
    await coordinatorPage.getByRole('option', { name: 'Percentage (%)' }).click();
    await dialog.getByLabel('Sex').fill('male, female');
    await screenshot(coordinatorPage, 'monitoring-local-define');
    await dialog.getByRole('button', { name: 'Define the measurement' }).click();
    await dialog.waitFor({ state: 'detached' });
    await local.getByText('Defined: Adults borrowing from libraries.').waitFor();
    const item = local.getByRole('listitem').filter({ hasText: 'local-adults-borrow' });
    await item.getByText('local', { exact: true }).waitFor();
    expect(await item.textContent()).toContain('Sex: female');
  });

  it('enters a value for it like any other, in the last tab of data entry, and submits', async () => {
    await coordinatorPage.getByRole('tab', { name: /^Own/ }).click();
    const panel = coordinatorPage.getByRole('tabpanel');
    await panel.getByRole('heading', { level: 3, name: "The city's own measurements" }).waitFor();
    const total = panel.getByRole('group', { name: /^local-adults-borrow\S* .*Total$/ });
    await total.getByLabel('Source').fill('Libraries NI annual report 2024');
    await total.getByLabel('Value').fill('140');
    await total.getByLabel('Value').press('Enter');
    await total.getByText('Must be between 0 and 100.').waitFor();
    await total.getByLabel('Value').fill('38.5');
    await total.getByLabel('Value').press('Enter');
    await total.getByText('✓ Saved').waitFor();
    await coordinatorPage.getByRole('tab', { name: /^Own.*1 of 1/ }).waitFor();
    await coordinatorPage.waitForLoadState('networkidle');
    expect(await seriousViolations(coordinatorPage)).toEqual([]);
    await screenshot(coordinatorPage, 'monitoring-local-entry');

    await coordinatorPage.getByRole('button', { name: 'Submit the report' }).click();
    await coordinatorPage.getByText('The report is submitted: the secretariat has been told.').waitFor();
  });

  it('is returned by the secretariat with a comment on that measurement', async () => {
    const desk = await open('/sign-in');
    await signIn(desk, base, admin.email, admin.password);
    await desk.goto(`${base}/admin/review`);
    await desk.getByRole('button', { name: new RegExp(`${city.name} · 2024`) }).click();
    await desk.getByRole('heading', { level: 2, name: `${city.name}, 2024` }).waitFor();
    // The secretariat reads the city's own values too, marked local.
    await desk.getByRole('heading', { level: 4, name: /The city's own measurements/ }).waitFor();
    await desk.getByText('38.5 %').waitFor();
    await desk.getByRole('button', { name: /Comment on/ }).click();
    await desk.getByRole('option', { name: /local-adults-borrow/ }).click();
    await desk
      .getByLabel('Comment', { exact: true })
      .fill('Which libraries count: public ones only, or school libraries too?');
    await desk.getByRole('button', { name: 'Add the comment' }).click();
    await desk.getByRole('button', { name: 'Return to the city with the comments (1)' }).click();
    await desk.getByText('Returned to the city with the comments.').waitFor();
    await desk.context().close();
  });

  it('shows the editor the comment beside the measurement, and where it is from the overview', async () => {
    editorPage = await open('/sign-in');
    await signIn(editorPage, base, editor.email, editor.password);
    await editorPage.goto(`${base}${workspace}`);
    await editorPage.getByRole('heading', { level: 2, name: 'Report for 2024' }).waitFor();
    await editorPage.locator('.cycle-state', { hasText: 'returned' }).first().waitFor();
    // Editors read the city's own measurements but do not define them.
    await editorPage.getByText("The city's coordinator defines and changes these measurements.").waitFor();
    expect(await editorPage.getByRole('button', { name: 'Define a local measurement' }).count()).toBe(0);
    // The tab that holds the commented measurement says so.
    await editorPage.getByRole('tab', { name: /^Own.*1 comment/ }).waitFor();
    await editorPage.getByRole('button', { name: /local-adults-borrow.*go to the measurement/ }).click();
    const measurement = editorPage.getByRole('article', { name: /^local-adults-borrow/ });
    await measurement.getByText('Which libraries count: public ones only, or school libraries too?').waitFor();
    expect(await measurement.textContent()).toContain('The secretariat asks:');
    await editorPage.waitForLoadState('networkidle');
    expect(await seriousViolations(editorPage)).toEqual([]);
    await screenshot(editorPage, 'monitoring-returned-comment');
  });

  it('shows a value saved meanwhile by someone else, and lets the editor take it', async () => {
    const total = editorPage.getByRole('group', { name: /^local-adults-borrow\S* .*Total$/ });
    await total.getByLabel('Value').waitFor();
    // The coordinator corrects the value from elsewhere while the editor's page shows the old one.
    await coordinatorPage.reload();
    await coordinatorPage.getByRole('tab', { name: /^Own/ }).click();
    const theirs = coordinatorPage.getByRole('group', { name: /^local-adults-borrow\S* .*Total$/ });
    await theirs.getByLabel('Value').fill('41');
    await theirs.getByLabel('Value').press('Enter');
    await theirs.getByText('✓ Saved').waitFor();

    await total.getByLabel('Value').fill('39');
    await total.getByLabel('Value').press('Enter');
    const conflict = total.getByRole('alert');
    await conflict
      .getByText(/Someone else saved this value meanwhile: 41 % \(source: Libraries NI annual report 2024\)/)
      .waitFor();
    await screenshot(editorPage, 'monitoring-conflict');
    await conflict.getByRole('button', { name: 'Use their value' }).click();
    expect(await total.getByLabel('Value').inputValue()).toBe('41');
  });

  it('reads right to left in Arabic on a 360-pixel phone, with the comment and the evidence forms', async () => {
    await editorPage.setViewportSize({ width: 360, height: 800 });
    await editorPage.goto(`${base}${workspace}&lang=ar&focus=local`);
    await editorPage.waitForFunction(() => document.documentElement.dir === 'rtl');
    const measurement = editorPage.getByRole('article', { name: /^local-adults-borrow/ });
    await measurement.getByText('Which libraries count: public ones only, or school libraries too?').waitFor();
    await measurement.getByRole('button', { name: /^إضافة دليل/ }).click();
    await measurement.getByRole('button', { name: 'رفع الملف' }).waitFor();
    await editorPage.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(editorPage)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(editorPage)).toEqual([]);
    await screenshot(editorPage, 'monitoring-returned-ar-360');
  });

  it('can be used with the keyboard alone: a tab, a value, and the evidence forms', async () => {
    await editorPage.setViewportSize({ width: 1280, height: 900 });
    await editorPage.goto(`${base}${workspace}&lang=en&focus=local`);
    const tab = editorPage.getByRole('tab', { name: /^Own/ });
    await tab.focus();
    await editorPage.keyboard.press('ArrowLeft');
    await editorPage.keyboard.press('Enter');
    await editorPage.getByRole('tabpanel').getByRole('heading', { level: 3, name: /^3\.3/ }).waitFor();
    await editorPage.keyboard.press('ArrowRight');
    await editorPage.keyboard.press('Enter');
    await editorPage
      .getByRole('tabpanel')
      .getByRole('heading', { level: 3, name: "The city's own measurements" })
      .waitFor();
    // Tab into the panel, then on to the measurement's value.
    const value = editorPage.getByRole('group', { name: /^local-adults-borrow\S* .*Total$/ }).getByLabel('Value');
    for (let i = 0; i < 40 && !(await value.evaluate((el) => el === document.activeElement)); i++) {
      await editorPage.keyboard.press('Tab');
    }
    expect(await value.evaluate((el) => el === document.activeElement)).toBe(true);
    const add = editorPage.getByRole('button', { name: /^Add evidence — local-adults-borrow/ });
    for (let i = 0; i < 40 && !(await add.evaluate((el) => el === document.activeElement)); i++) {
      await editorPage.keyboard.press('Tab');
    }
    await editorPage.keyboard.press('Enter');
    await editorPage.keyboard.press('Tab');
    expect(await editorPage.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    await screenshot(editorPage, 'monitoring-keyboard');
  });
});
