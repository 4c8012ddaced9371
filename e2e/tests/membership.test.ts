import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AccountsService } from '@lco/server/accounts';
import { buildApp } from '@lco/server/app';
import { openPrepared } from '@lco/server/bootstrap';
import { DEFAULT_SETTINGS } from '@lco/server/context';
import type { Browser, Locator, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's mailer, as `lco serve` builds it from SMTP_URL (the package exports no mail entry of its own).
import { Mailer } from '../../packages/server/src/platform/mail/mailer.ts';
import { ApiClient } from '../api-client.ts';
import { launch, screenshot, seriousViolations, signIn } from '../browser.ts';

// This file runs its own server, whose mail leaves through a real SMTP server started here: every step's mail
// to the next actor is read where a person would read it, and its link followed.
const people = {
  admin: { email: 'admin@membership.example', name: 'Ada Admin', password: 'membership admin passphrase' },
  secretariat: { email: 'sam@secretariat.example', name: 'Sam Secretariat', password: 'the network grows by calls' },
  natcom: { email: 'niamh@natcom-ie.example', name: 'Niamh Commission', password: 'three endorsements a call' },
  coordinator: { email: 'conor@sligo.example', name: 'Conor Sligo', password: 'sligo learns by the sea' },
  // A second applicant of the same country, whose mayor signs on paper.
  second: { email: 'orla@tralee.example', name: 'Orla Tralee', password: 'tralee signs on paper' },
};
const city = { name: 'Sligo', slug: 'sligo', country: 'IE' };
const callName = 'Membership call 2027';

interface Received {
  to: string[];
  subject: string;
  body: string;
}
const received: Received[] = [];
let smtp: SMTPServer;
let close: () => Promise<void>;
let base: string;
let browser: Browser;

/** The text of a mail as its recipient reads it (nodemailer sends non-ASCII text as base64). */
function decode(raw: string): { subject: string; body: string } {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join('\n\n');
  const body = /Content-Transfer-Encoding: base64/i.test(headers)
    ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
    : /Content-Transfer-Encoding: quoted-printable/i.test(headers)
      ? quotedPrintable(text)
      : text;
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  return { subject, body };
}

function quotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Wait for a mail to this person whose text matches. */
async function mailTo(email: string, matching: RegExp): Promise<Received> {
  for (let i = 0; i < 100; i++) {
    const mail = received.find((m) => m.to.includes(email) && matching.test(`${m.subject}\n${m.body}`));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${email} matching ${matching}; received: ${JSON.stringify(received, null, 1)}`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Invited by the administrator; the invitation arrives by SMTP and its link is followed through the API. */
async function invite(
  desk: ApiClient,
  person: { email: string; name: string; password: string },
  invitation: { role: string; scope?: { city: string } | { country: string } },
): Promise<void> {
  await desk.call('POST', '/invitations', { email: person.email, ...invitation, lang: 'en' });
  const mail = await mailTo(person.email, /accept-invitation#token=/);
  const token = /#token=([\w-]+)/.exec(mail.body)?.[1];
  if (!token) throw new Error('no invitation link in the mail');
  await new ApiClient(base).call('POST', '/invitations/accept', {
    token,
    displayName: person.name,
    password: person.password,
  });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decode(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-e2e-membership-'));
  const handle = await openPrepared({ databaseUrl: null, dataDir });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    db: handle.db,
    dataDir,
    settings: { ...DEFAULT_SETTINGS, publicUrl: base },
    mailer: new Mailer(handle.db, `smtp://127.0.0.1:${smtpPort}`, 'observatory@membership.example'),
    webDist: path.resolve(import.meta.dirname, '../../packages/web/dist'),
  });
  await new AccountsService(app.ctx).createUserFromCli(
    people.admin.email,
    people.admin.name,
    'admin',
    people.admin.password,
  );
  await app.listen({ port, host: '127.0.0.1' });
  close = async () => {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  // The secretariat adds the city to the directory as an applicant; the people are invited by mail.
  const desk = new ApiClient(base);
  await desk.call('POST', '/auth/sign-in', { email: people.admin.email, password: people.admin.password });
  await desk.call('POST', '/applicant-cities', { name: city.name, countryIso2: city.country });
  await invite(desk, people.secretariat, { role: 'secretariat' });
  await invite(desk, people.natcom, { role: 'natcom', scope: { country: city.country } });
  await invite(desk, people.coordinator, { role: 'city-coordinator', scope: { city: city.slug } });
  await desk.call('POST', '/applicant-cities', { name: 'Tralee', countryIso2: city.country });
  await invite(desk, people.second, { role: 'city-coordinator', scope: { city: 'tralee' } });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await close?.();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

async function signedIn(email: string, password: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, base, email, password);
  return page;
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Press Tab until the target has the focus (keyboard only); false if it never comes. */
async function focusBy(page: Page, target: Locator): Promise<boolean> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return true;
    await page.keyboard.press('Tab');
  }
  return false;
}

/** The path of the link a mail carries (the server's public address is this test's). */
function linkIn(mail: Received): string {
  const url = /https?:\/\/\S+/.exec(mail.body)?.[0];
  if (!url) throw new Error(`no link in ${mail.body}`);
  return new URL(url).pathname;
}

let applicationPath = '';

describe('membership: from a draft application to member', () => {
  it('the secretariat opens a call with its rules as settings', async () => {
    const page = await signedIn(people.secretariat.email, people.secretariat.password);
    await page.getByRole('link', { name: 'Membership', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Membership and reporting' }).waitFor();
    const form = page.getByRole('region', { name: 'Open a new call' });
    await form.getByLabel('Name').fill(callName);
    await form.getByLabel('Days for the National Commission').fill('30');
    await form.getByLabel('Applications per National Commission').fill('3');
    await form.getByRole('button', { name: 'Open the call' }).click();
    await form.getByText('The call is saved.').waitFor();
    const calls = page.getByRole('table', { name: 'Calls' });
    await calls
      .getByRole('row', { name: new RegExp(callName) })
      .getByText('open')
      .waitFor();
    await page.context().close();
  });

  it('the city coordinator fills the form, sees the word limit, signs by attestation and submits', async () => {
    const page = await signedIn(people.coordinator.email, people.coordinator.password);
    await page.goto(`${base}/workspace/${city.slug}/membership`);
    await page.getByRole('heading', { level: 1, name: `Membership: ${city.name}` }).waitFor();
    await page.getByRole('button', { name: 'Start an application' }).click();
    await page.getByRole('heading', { level: 1, name: `Application of ${city.name}` }).waitFor();
    applicationPath = new URL(page.url()).pathname;

    // Commitment and the Guiding Documents, titled in the reader's language, each adopted explicitly.
    await page.getByRole('checkbox', { name: 'The city commits to building a learning city.' }).check({ force: true });
    await page.getByRole('link', { name: 'Beijing Declaration on Building Learning Cities' }).waitFor();
    await page
      .getByRole('checkbox', { name: 'The city adopts the Beijing Declaration on Building Learning Cities.' })
      .check({ force: true });
    await page
      .getByRole('checkbox', { name: 'The city adopts the Key Features of Learning Cities.' })
      .check({ force: true });
    const mayor = page.getByRole('group', { name: 'Mayor', exact: true });
    await mayor.getByLabel('Name').fill('Máire Mayor');
    await mayor.getByLabel('Title').fill('Cathaoirleach');
    const focal = page.getByRole('group', { name: 'Focal point', exact: true });
    await focal.getByLabel('Name').fill('Fionn Focal');
    await focal.getByLabel('Email').fill('learning@sligo.example');
    for (const [label, value] of [
      ['Population', '20608'],
      ['Year of the population figure', '2022'],
      ['Area (km²)', '13.6'],
      ['GDP per capita of the city (US$)', '61000'],
      ['GDP per capita of the country (US$)', '103000'],
      ['Year of the GDP figures', '2023'],
      ['Average years of schooling, women', '12.4'],
      ['Average years of schooling, men', '12.1'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    // 201 words: the counter says so as one types, and the server refuses it by name.
    const motivation = page.getByLabel('Motivation to join the network (at most 200 words)');
    await motivation.fill('learn '.repeat(201).trim());
    await page.getByText('Words: 201 of 200').waitFor();
    await page
      .getByLabel('How the city implements the learning-city concept (at most 200 words)')
      .fill('A festival of learning every autumn, learning neighbourhoods and a plan agreed with the county.');
    for (const group of await page.locator('.membership-rating').all()) {
      await group.getByRole('radio', { name: '3' }).check({ force: true });
    }
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /201 words; at most 200/ })
      .waitFor();
    await motivation.fill('Sligo wants to learn with the cities of the world.');
    await page.getByText('Words: 10 of 200').waitFor();
    await page.getByRole('button', { name: 'Save the form' }).click();

    // Complete: the mayor's signature, by attestation under delegation.
    await page.getByRole('heading', { name: 'Or sign by attestation' }).waitFor();
    await page.getByLabel('Name of the signatory').fill('Deputy Mayor Dara');
    await page.getByLabel('Title of the signatory').fill('Leas-Chathaoirleach');
    await page
      .getByRole('checkbox', { name: "I hold the mayor's delegation to sign this application." })
      .check({ force: true });
    await page.getByRole('button', { name: 'Sign by attestation' }).click();
    await page.getByText("Signed by attestation under the mayor's delegation:").waitFor();
    await page.getByRole('button', { name: 'Submit to the National Commission' }).click();
    await page.locator('.membership-meta').getByText('With the National Commission').waitFor();
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(1);
    expect(await page.locator('.cycle-history li').count()).toBe(3); // draft, signed, submitted
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'membership-application-submitted-en');
    await page.context().close();
  });

  it('the National Commission gets the mail, sees its queue with days left and quota, and endorses with the keyboard', async () => {
    const mail = await mailTo(people.natcom.email, /Sligo has applied to join/);
    // The secretariat is copied at once.
    await mailTo(people.secretariat.email, /Sligo has applied to join/);
    const page = await signedIn(people.natcom.email, people.natcom.password);
    await page.goto(`${base}${linkIn(mail)}`);
    await page.getByRole('heading', { level: 1, name: 'Membership applications' }).waitFor();
    const waiting = page.getByRole('table', { name: 'Waiting for you' });
    await waiting
      .getByRole('row', { name: new RegExp(city.name) })
      .getByText(/days left: 30/)
      .waitFor();
    const quota = page.getByRole('table', { name: /Endorsements of the National Commission of / });
    const row = quota.getByRole('row', { name: new RegExp(callName) });
    // The call's row: closes, time to endorse, endorsed, remaining of the quota.
    await row.getByRole('cell').nth(2).filter({ hasText: /^0$/ }).waitFor();
    await row
      .getByRole('cell')
      .nth(3)
      .filter({ hasText: /^3\s*\/\s*3$/ })
      .waitFor();
    await waiting.getByRole('link', { name: city.name }).click();
    await page.getByRole('heading', { level: 1, name: `Application of ${city.name}` }).waitFor();
    await page.getByText(/endorsed 0 of its 3 applications/).waitFor();

    // Keyboard only: reasons, then Endorse.
    const reasons = page.getByLabel('Reasons');
    expect(await focusBy(page, reasons)).toBe(true);
    await page.keyboard.type('A committed city with a plan and a festival.');
    expect(await focusBy(page, page.getByRole('button', { name: 'Endorse' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.membership-meta').getByText('Endorsed').waitFor();
    await page.getByText('A committed city with a plan and a festival.').waitFor();
    await page.context().close();
  });

  it('the secretariat sees it by state and region, and accepts: the city is a member with its public facts', async () => {
    const mail = await mailTo(
      people.secretariat.email,
      /The National Commission has endorsed the application of Sligo/,
    );
    expect(linkIn(mail)).toBe('/membership/applications');
    const page = await signedIn(people.secretariat.email, people.secretariat.password);
    await page.goto(`${base}/admin/membership`);
    const counts = page.getByRole('table', { name: 'Applications by region and state' });
    await counts.getByRole('row', { name: /Europe and North America/ }).waitFor();
    const endorsedColumn = await counts
      .getByRole('columnheader')
      .evaluateAll((cells) => cells.findIndex((c) => c.textContent?.includes('Endorsed')));
    const europe = counts.getByRole('row', { name: /Europe and North America/ });
    expect((await europe.locator('th, td').nth(endorsedColumn).textContent())?.trim()).toBe('1');
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../screenshots/membership-admin-en.png') });

    await page.goto(`${base}${applicationPath}`);
    await page.getByRole('heading', { level: 1, name: `Application of ${city.name}` }).waitFor();
    await page.getByLabel('Reasons').fill('Welcome to the network.');
    await page.getByRole('button', { name: 'Accept as member' }).click();
    await page.locator('.membership-meta').getByText('Accepted — member').waitFor();
    await page.context().close();

    // The city team hears of it, and so does the National Commission.
    await mailTo(people.coordinator.email, /Sligo is now a member/);
    await mailTo(people.natcom.email, /Sligo is now a member/);
    const facts = (await (await fetch(`${base}/api/v1/cities/${city.slug}/membership`)).json()) as {
      status: string;
      memberSince: number;
      facts: { population: number; mayor: string };
    };
    expect(facts).toMatchObject({
      status: 'member',
      memberSince: new Date().getUTCFullYear(),
      facts: { population: 20608, mayor: 'Máire Mayor' },
    });
  });

  it('the network page counts the new member by region and year of joining', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/network`);
    const byYear = page.getByRole('table', { name: 'Member cities by year of joining' });
    await byYear.getByRole('row', { name: new RegExp(`^${new Date().getUTCFullYear()}\\b`) }).waitFor();
    await page.getByRole('table', { name: 'Member cities by UNESCO region' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('membership: after joining', () => {
  it('the member city sees its membership and when its first biennial report is due', async () => {
    const page = await signedIn(people.coordinator.email, people.coordinator.password);
    await page.goto(`${base}/workspace/${city.slug}/membership`);
    const year = new Date().getUTCFullYear();
    await page.getByText(`A member of the Global Network of Learning Cities since ${year}.`).waitFor();
    await page.getByRole('heading', { name: 'Biennial progress report' }).waitFor();
    await page.getByText(new RegExp(`On time Next report due on .*${year + 2}`)).waitFor();
    // A report is made of an accepted monitoring cycle: the city has none yet, and is told so.
    await page.getByText('A report is made of an accepted monitoring cycle: none is accepted yet.').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'membership-city-member-en');
    await page.context().close();
  });
});

describe('membership: signed on paper, then declined', () => {
  it('the coordinator uploads the signed and stamped form; the National Commission reads it and declines with reasons', async () => {
    // The form filled through the API (the browser path is above); signing and deciding in the browser.
    const team = new ApiClient(base);
    await team.call('POST', '/auth/sign-in', { email: people.second.email, password: people.second.password });
    const calls = await team.call<{ items: { id: string; name: string }[] }>('GET', '/membership-calls');
    const callId = calls.items.find((c) => c.name === callName)?.id;
    const created = await team.call<{ id: string }>('POST', '/membership-applications', { callId, city: 'tralee' });
    const challenges = Object.fromEntries(
      [
        'economic-development',
        'employment',
        'social-inclusion',
        'health-and-well-being',
        'environment-and-climate',
        'urbanisation-and-migration',
        'access-to-education',
        'digital-divide',
        'culture-and-heritage',
        'governance-and-participation',
      ].map((c) => [c, 2]),
    );
    await team.call('PUT', `/membership-applications/${created.id}/form`, {
      expectedVersion: 1,
      form: {
        commitment: true,
        guidingDocuments: { beijingDeclaration: true, keyFeatures: true, lang: 'en' },
        mayor: { name: 'Mayor of Tralee' },
        focalPoint: { name: 'Tralee Focal', email: 'learning@tralee.example' },
        population: 26_000,
        areaKm2: 16.2,
        gdpPerCapita: { city: 50_000, country: 103_000 },
        schoolingYears: { female: 12, male: 11.7 },
        motivation: 'Tralee learns.',
        implementation: 'A learning festival.',
        challenges,
      },
    });

    const page = await signedIn(people.second.email, people.second.password);
    await page.goto(`${base}/membership/applications/${created.id}`);
    await page.getByRole('heading', { name: 'Upload the signed and stamped form' }).waitFor();
    await page.getByLabel('Signed form (PDF, PNG or JPEG)').setInputFiles({
      name: 'signed form.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Upload and sign' }).click();
    await page.getByText('Signed by upload of the signed form:').waitFor();
    await page.getByRole('link', { name: 'Download signed form.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Submit to the National Commission' }).click();
    await page.locator('.membership-meta').getByText('With the National Commission').waitFor();
    await page.context().close();

    await mailTo(people.natcom.email, /Tralee has applied to join/);
    const desk = await signedIn(people.natcom.email, people.natcom.password);
    await desk.goto(`${base}/membership/applications/${created.id}`);
    // The National Commission reads the signed form as uploaded.
    const href = await desk.getByRole('link', { name: 'Download signed form.pdf' }).getAttribute('href');
    const file = await desk.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
    expect(file.startsWith('%PDF')).toBe(true);
    // A decline without reasons is not sent; with them it is, and the city hears of it.
    await desk.getByRole('button', { name: 'Decline', exact: true }).click();
    await desk.getByRole('alert').filter({ hasText: 'Give your reasons.' }).waitFor();
    await desk.getByLabel('Reasons').fill('The plan lacks a budget.');
    await desk.getByRole('button', { name: 'Decline', exact: true }).click();
    await desk.locator('.membership-meta').getByText('Declined').waitFor();
    await desk.getByText('The plan lacks a budget.').waitFor();
    await desk.context().close();
    await mailTo(people.second.email, /The National Commission has declined the application of Tralee/);
  });
});

describe('membership: the compliance board', () => {
  it('shows members by reporting status, sends reminders and marks a member inactive with a reason', async () => {
    // The directory's older members report from 2024: one report missed so far. The rule is a setting.
    const api = new ApiClient(base);
    await api.call('POST', '/auth/sign-in', { email: people.secretariat.email, password: people.secretariat.password });
    await api.call('PUT', '/membership-settings', { inactiveAfterMissed: 1 });
    const page = await signedIn(people.secretariat.email, people.secretariat.password);
    await page.goto(`${base}/admin/membership#compliance`);
    const board = page.locator('#compliance');
    // The directory's older members have never reported here: missing, with missed reports counted.
    const missing = Number(
      (await board.locator('.membership-compliance-counts li').filter({ hasText: 'Missing' }).textContent())?.replace(
        /\D/g,
        '',
      ),
    );
    expect(missing).toBeGreaterThan(0);
    await board.getByRole('button', { name: 'Remind every member due, overdue or missing' }).click();
    await board.getByText(/^✓ Reminders sent: \d+\.$/).waitFor();

    const standing = board.locator('.panel').filter({ hasText: 'may be marked inactive after' });
    const member = (await standing.getByRole('button', { name: /Member/ }).textContent())?.split('(')[0]?.trim() ?? '';
    await standing.getByLabel('Reason').fill('No progress report since joining.');
    await standing.getByRole('button', { name: 'Mark inactive' }).click();
    await standing.getByText(`${member} is marked inactive.`).waitFor();
    await board
      .getByRole('row', { name: new RegExp(member) })
      .getByText('inactive')
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('membership in Arabic on a 360-pixel phone', () => {
  it('the application and the city membership pages read right to left and fit the screen', async () => {
    const page = await signedIn(people.coordinator.email, people.coordinator.password, 360);
    await page.goto(`${base}${applicationPath}?lang=ar`);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.membership-meta').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'membership-application-ar-360');
    await page.goto(`${base}/workspace/${city.slug}/membership`);
    await page.locator('.page--membership h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'membership-city-ar-360');
    await page.context().close();
  });

  it('the secretariat workspace fits a phone in Arabic', async () => {
    const page = await signedIn(people.secretariat.email, people.secretariat.password, 360);
    await page.goto(`${base}/admin/membership?lang=ar`);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.membership-compliance-counts').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'membership-admin-ar-360');
    await page.context().close();
  });
});
