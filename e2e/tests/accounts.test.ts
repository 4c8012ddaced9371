import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, seriousViolations, signIn } from '../browser.ts';

const base = inject('baseUrl');
const admin = inject('admins').accounts;
const coordinator = {
  email: 'coordinator@cork.example',
  name: 'Aoife Cork',
  password: 'the river lee runs to the sea',
};
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

/** Sign in through the form, as a person would, and wait for the account page. */
async function signInToAccount(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, base, email, password);
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
}

/** Choose an option of a React Aria Select, found by its visible label in the page's content or a dialog. */
async function choose(page: Page, label: string, option: string | RegExp, within?: Locator): Promise<void> {
  const select = (within ?? page.locator('main'))
    .locator('.select')
    .filter({ has: page.locator('.select__label', { hasText: new RegExp(`^${label}$`) }) });
  // Enabled once its options have arrived (the cities load when a city role is chosen).
  await select.locator('button:not([data-disabled])').click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('accounts: an administrator invites a city coordinator', () => {
  // One person's journey, step by step: each step starts where the previous one left the browser.
  let page: Page;
  let invitationPath = '';

  afterAll(async () => page?.context().close());

  it('shows "Sign in" to an anonymous visitor and sends /account to the sign-in page', async () => {
    page = await open('/account');
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.locator('header').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Forgot your password?' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a wrong password with a message that does not say which part was wrong', async () => {
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.locator('main').getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(async () => (await page.getByRole('alert').allTextContents()).join(' '))
      .toContain('email address or the password is not right');
  });

  it('signs the administrator in through the form, back to where she was going', async () => {
    await signInToAccount(page, admin.email, admin.password);
    await page
      .locator('header')
      .getByRole('button', { name: /E2E Admin/ })
      .waitFor();
    // The workspaces her roles open are in the navigation; those without pages are not.
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['People and roles', 'Audit trail', 'Mail outbox']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    expect(await page.getByText('Administrator', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('invites a city coordinator for Cork from /admin/users', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People and roles' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and roles' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'E2E Admin' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send the invitation' }) });
    await form.getByLabel('Email address').fill(coordinator.email);
    await choose(page, 'Role', 'City coordinator');
    await choose(page, 'City', /^Cork/);
    await screenshot(page, 'admin-users-invite');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText(`Invitation sent to ${coordinator.email}.`).waitFor();
    await screenshot(page, 'admin-users-invited');
    const row = page.getByRole('row').filter({ hasText: coordinator.email });
    await row.filter({ hasText: 'Waiting' }).waitFor();
    expect(await row.textContent()).toContain('City coordinator — Cork');
  });

  it('finds the invitation link in the outbox', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mail outbox' }).waitFor();
    const mail = page.getByRole('listitem').filter({ hasText: coordinator.email }).first();
    await mail.getByRole('button', { name: /Show the message/ }).click();
    const link = mail.locator('a[href*="/accept-invitation#token="]');
    const href = (await link.getAttribute('href')) ?? '';
    const url = new URL(href);
    invitationPath = `${url.pathname}${url.hash}`;
    expect(invitationPath).toMatch(/^\/accept-invitation#token=[\w-]{20,}$/);
    await screenshot(page, 'admin-outbox');
  });

  it('signs out from the menu', async () => {
    await page
      .locator('header')
      .getByRole('button', { name: /E2E Admin/ })
      .click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.locator('header').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: 'People and roles' }).count()).toBe(0);
  });

  it('opens the link, creates the account and lands signed in as the Cork coordinator', async () => {
    await page.goto(`${base}${invitationPath}`);
    await page.getByRole('heading', { level: 1, name: 'Accept an invitation' }).waitFor();
    await page.getByText('City coordinator — Cork').waitFor();
    expect(await page.getByText(coordinator.email).count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'accept-invitation');

    await page.getByLabel('Display name').fill(coordinator.name);
    await page.getByLabel('Choose a password').fill(coordinator.password);
    await page.getByLabel('Repeat the password').fill(coordinator.password);
    await page.getByRole('button', { name: 'Create my account and accept' }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page
      .locator('header')
      .getByRole('button', { name: new RegExp(coordinator.name) })
      .waitFor();
    const roles = page.getByRole('region', { name: 'Your roles' });
    expect(await roles.textContent()).toContain('City coordinator — Cork');
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'account-en');
  });

  it('tells the coordinator clearly that the outbox is not for her', async () => {
    await page.goto(`${base}/admin/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  });

  it('switches the interface to French by changing the language of the account', async () => {
    await choose(page, 'Language', 'Français');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page.getByText('Vos modifications sont enregistrées.').waitFor();
    expect(await page.getByRole('region', { name: 'Vos rôles' }).textContent()).toContain(
      'Coordinateur de la ville — Cork',
    );
    // The choice is the account's: it survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await screenshot(page, 'account-fr');
  });
});

describe('accounts: a forgotten password', () => {
  const newPassword = 'a brand new phrase for cork';

  it('mails a single-use link that sets a new password, and the new password signs in', async () => {
    const visitor = await open('/sign-in');
    await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await visitor.getByLabel('Email address').fill(coordinator.email);
    await visitor.getByRole('button', { name: 'Send the link' }).click();
    await visitor.getByText(`If an account uses ${coordinator.email}`).waitFor();

    // No mail server here: an administrator finds the link in the outbox, written in the coordinator's
    // language (she chose French above).
    const desk = await open('/sign-in');
    await signInToAccount(desk, admin.email, admin.password);
    await desk.goto(`${base}/admin/outbox`);
    const mail = desk
      .getByRole('listitem')
      .filter({ hasText: coordinator.email })
      .filter({ has: desk.getByRole('heading', { name: 'Réinitialisation de votre mot de passe' }) })
      .first();
    await mail.getByRole('button', { name: /Show the message/ }).click();
    const href = (await mail.locator('a[href*="/reset-password#token="]').getAttribute('href')) ?? '';
    await desk.context().close();

    const link = new URL(href);
    await visitor.goto(`${base}${link.pathname}${link.hash}`);
    await visitor.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // Too short first: the form says so beside the field and sends nothing.
    await visitor.getByLabel('New password').fill('short');
    await visitor.getByLabel('Repeat the password').fill('short');
    await visitor.getByRole('button', { name: 'Save the new password' }).click();
    await visitor.getByText('Use at least 12 characters.').first().waitFor();
    await visitor.getByLabel('New password').fill(newPassword);
    await visitor.getByLabel('Repeat the password').fill(newPassword);
    await visitor.getByRole('button', { name: 'Save the new password' }).click();
    await visitor.getByText('Your password is changed').waitFor();
    await visitor.locator('main').getByRole('link', { name: 'Sign in' }).click();
    await signInToAccount(visitor, coordinator.email, newPassword);
    coordinator.password = newPassword;
    await visitor.context().close();
  });
});

describe('accounts: roles granted and revoked from /admin/users, and the trail that keeps them', () => {
  it('grants a role in a dialog, revokes it after a confirmation, and finds both in the audit trail', async () => {
    const page = await open('/sign-in');
    await signInToAccount(page, admin.email, admin.password);
    await page.goto(`${base}/admin/users`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: coordinator.name }) });
    await card.getByRole('button', { name: /Grant a role/ }).click();
    const dialog = page.getByRole('dialog', { name: `Grant a role to ${coordinator.name}` });
    await dialog.waitFor();
    await choose(page, 'Role', 'City editor', dialog);
    await choose(page, 'City', /^Cork/, dialog);
    await screenshot(page, 'admin-users-grant-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Grant the role' }).click();
    await page.getByText(`${coordinator.name} now holds the role “City editor”.`).waitFor();
    await card.getByText('City editor — Cork').waitFor();

    await card.getByRole('button', { name: `Revoke City editor — Cork from ${coordinator.name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke this role?' });
    await confirm.waitFor();
    await screenshot(page, 'admin-users-revoke-dialog');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(`${coordinator.name} no longer holds the role “City editor — Cork”.`).waitFor();
    // The list is read again: the role goes, and the focus does not fall to the page's start with its
    // button but lands on the person whose roles changed.
    await expect.poll(() => card.getByText('City editor — Cork').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(coordinator.name);

    await page.goto(`${base}/admin/audit?action=role.revoke`);
    const row = page.getByRole('row').filter({ hasText: 'Revoked a role' });
    await row.first().waitFor();
    await row.first().getByRole('button', { name: /Show/ }).click();
    expect(await row.first().textContent()).toContain('"role": "city-editor"');
    await screenshot(page, 'admin-audit-revoke');
    await page.context().close();
  });
});

describe('accounts pages in English and Arabic, wide and on a phone', () => {
  const pages = ['/sign-in', '/account', '/admin/users', '/admin/audit', '/admin/outbox'];

  for (const lang of ['en', 'ar'] as const) {
    for (const width of [1280, 360]) {
      it(`${lang} at ${width}px: every page fits and reads in its direction`, async () => {
        // Pages for anonymous visitors first: a request for a new password, and a link that is not valid.
        const page = await open(`/forgot-password?lang=${lang}`, { width });
        await page.locator('main form').waitFor();
        await screenshot(page, `accounts-${lang}-${width}-forgot-password`);
        expect(await noHorizontalScroll(page), `/forgot-password scrolls sideways`).toBeLessThanOrEqual(0);
        await page.goto(`${base}/accept-invitation#token=this-link-was-never-sent-to-anyone`);
        await page.getByRole('alert').waitFor();
        await screenshot(page, `accounts-${lang}-${width}-bad-invitation`);
        if (width === 1280) expect(await seriousViolations(page), 'bad invitation').toEqual([]);
        await page.goto(`${base}/sign-in`);
        await page.locator('main form').waitFor();
        await screenshot(page, `accounts-${lang}-${width}-sign-in`);
        expect(await noHorizontalScroll(page), `/sign-in scrolls sideways`).toBeLessThanOrEqual(0);
        // Sign in (the form is labelled in Arabic there: fill it by type).
        await page.locator('input[type="email"]').fill(admin.email);
        await page.locator('input[type="password"]').fill(admin.password);
        await page.locator('main button[type="submit"]').click();
        await page.waitForURL(/\/account$/);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        for (const path of pages.slice(1)) {
          await page.goto(`${base}${path}`);
          await page.locator('main h1').waitFor();
          await page.waitForLoadState('networkidle');
          await expect.poll(() => page.locator('main .loading').count()).toBe(0);
          const name = path.replaceAll('/', '-').slice(1);
          await screenshot(page, `accounts-${lang}-${width}-${name}`);
          expect(await noHorizontalScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          if (lang === 'ar' && width === 1280) expect(await seriousViolations(page), path).toEqual([]);
        }
        await page.context().close();
      });
    }
  }
});
