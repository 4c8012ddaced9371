import { MeResponseSchema, ProblemSchema } from '@lco/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { mailOutbox } from '../../platform/mail/mail.tables.ts';
import { Agent, cityId, createPerson, signedIn, TEST_PASSWORD } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { invitations, roleGrants, sessions, users } from './accounts.tables.ts';

// The real argon2, counted: the flood test proves refused attempts do no password work.
const argon2 = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      argon2.calls++;
      return real.hash(...args);
    },
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2.calls++;
      return real.verify(...args);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const problem = (body: string) => ProblemSchema.parse(JSON.parse(body));

async function latestMailTo(address: string) {
  const rows = await t.app.db.select().from(mailOutbox);
  return rows.filter((m) => m.toAddress === address).sort((a, b) => +b.createdAt - +a.createdAt)[0];
}

function tokenFrom(text: string): string {
  const match = text.match(/#token=([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error(`no token link in: ${text}`);
  return match[1];
}

describe('signing in and out', () => {
  it('signs in with a session cookie that scripts cannot read, and /me tells who and what', async () => {
    const person = await createPerson(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    const agent = new Agent(t.app);
    const res = await agent.signIn(person.email.toUpperCase(), person.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lco_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = MeResponseSchema.parse((await agent.get('/api/v1/me')).json());
    expect(me.user.email).toBe(person.email);
    expect(me.user.grants).toEqual([
      expect.objectContaining({
        role: 'city-coordinator',
        scope: expect.objectContaining({ kind: 'city', ref: 'cork', name: 'Cork' }),
      }),
    ]);
    expect(me.workspaces).toEqual(['administration', 'audit', 'city']);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const person = await createPerson(t.app);
    const wrong = await new Agent(t.app).signIn(person.email, 'not the password at all');
    const unknown = await new Agent(t.app).signIn('nobody-here@example.org', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(problem(wrong.body).detail).toBe(problem(unknown.body).detail);
  });

  it('refuses /me without a session (401) and with the cookie of a signed-out session', async () => {
    expect((await new Agent(t.app).get('/api/v1/me')).statusCode).toBe(401);
    const { agent } = await signedIn(t.app);
    const stolen = agent.cookie('lco_session') as string;
    expect((await agent.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    const thief = new Agent(t.app);
    thief.setCookie('lco_session', stolen);
    expect((await thief.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const person = await createPerson(t.app);
    const laptop = new Agent(t.app);
    const phone = new Agent(t.app);
    await laptop.signIn(person.email, person.password);
    await phone.signIn(person.email, person.password);
    expect((await laptop.post('/api/v1/auth/sign-out-everywhere')).statusCode).toBe(204);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends an idle session, and any session past its absolute lifetime', async () => {
    const idle = await testApp({ settings: { sessionIdleMinutes: 30, sessionMaxHours: 2 } });
    try {
      const { agent } = await signedIn(idle.app);
      idle.advance(29 * 60_000);
      expect((await agent.get('/api/v1/me')).statusCode).toBe(200); // activity slides the idle window
      idle.advance(29 * 60_000);
      expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
      idle.advance(31 * 60_000);
      expect((await agent.get('/api/v1/me')).statusCode).toBe(401);

      const { agent: busy } = await signedIn(idle.app);
      for (let i = 0; i < 5; i++) {
        idle.advance(25 * 60_000);
        await busy.get('/api/v1/me');
      }
      expect((await busy.get('/api/v1/me')).statusCode).toBe(401); // 125 minutes > 2 hours
    } finally {
      await idle.close();
    }
  });
});

describe('my account', () => {
  it('changes my name and language, and the answer shows the change', async () => {
    const { agent } = await signedIn(t.app);
    const res = await agent.patch('/api/v1/me', { displayName: 'Amal', preferredLang: 'ar' });
    expect(res.statusCode).toBe(200);
    expect(MeResponseSchema.parse(res.json()).user).toMatchObject({ displayName: 'Amal', preferredLang: 'ar' });
    expect((await agent.patch('/api/v1/me', {})).statusCode).toBe(400);
    expect((await agent.patch('/api/v1/me', { preferredLang: 'de' })).statusCode).toBe(400);
  });
});

describe('CSRF', () => {
  it('refuses a change without the token and changes nothing', async () => {
    const { agent, person } = await signedIn(t.app);
    const res = await agent.request('PATCH', '/api/v1/me', { displayName: 'Hijacked' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(problem(res.body).type).toBe('/problems/csrf');
    const me = MeResponseSchema.parse((await agent.get('/api/v1/me')).json());
    expect(me.user.displayName).not.toBe('Hijacked');
    expect(me.user.email).toBe(person.email);
  });

  it('refuses a forged token', async () => {
    const { agent } = await signedIn(t.app);
    const res = await agent.request(
      'PATCH',
      '/api/v1/me',
      { displayName: 'Hijacked' },
      { csrf: false, headers: { 'x-csrf-token': 'forged-token-value' } },
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('throttling', () => {
  it('backs off after repeated failures on one account, with Retry-After, even for the right password', async () => {
    const person = await createPerson(t.app);
    const agent = new Agent(t.app);
    for (let i = 0; i < 5; i++)
      expect((await agent.signIn(person.email, 'wrong password number x')).statusCode).toBe(401);
    await agent.signIn(person.email, 'wrong password number x'); // the 6th failure starts the wait
    const blocked = await agent.signIn(person.email, person.password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.advance(3_000);
    expect((await agent.signIn(person.email, person.password)).statusCode).toBe(200);
  });

  it('stops a flood from one address without doing password work for it', async () => {
    const flood = await testApp();
    try {
      const agent = new Agent(flood.app);
      let last = 0;
      for (let i = 0; i < 40; i++)
        last = (await agent.signIn(`guess${i}@example.org`, 'a guessed password')).statusCode;
      expect(last).toBe(429);
      const before = argon2.calls;
      const sessionsBefore = (await flood.app.db.select().from(sessions)).length;
      const statuses = new Map<number, number>();
      // The 10,000 attempts, 100 at a time as a script would send them.
      for (let batch = 0; batch < 100; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            agent.signIn(`more${batch * 100 + i}@example.org`, 'a guessed password'),
          ),
        );
        for (const { statusCode } of answers) statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({ 429: 10_000 });
      expect(argon2.calls - before).toBe(0);
      expect((await flood.app.db.select().from(sessions)).length).toBe(sessionsBefore);
    } finally {
      await flood.close();
    }
  }, 300_000);
});

describe('passwords', () => {
  it.each([
    ['short1', 'at least 12 characters'],
    ['password1234', 'too common'],
    ['aaaaaaaaaaaaaaa', 'too few'],
  ])('refuses %s as a new password', async (candidate, reason) => {
    const { agent } = await signedIn(t.app);
    const res = await agent.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: candidate });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(problem(res.body))).toContain(reason);
  });

  it('changes the password, ending the other sessions but not this one', async () => {
    const person = await createPerson(t.app);
    const here = new Agent(t.app);
    const elsewhere = new Agent(t.app);
    await here.signIn(person.email, person.password);
    await elsewhere.signIn(person.email, person.password);
    const res = await here.post('/api/v1/me/password', {
      currentPassword: person.password,
      newPassword: 'a brand new long passphrase',
    });
    expect(res.statusCode).toBe(204);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await new Agent(t.app).signIn(person.email, 'a brand new long passphrase')).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('mails a single-use link in the person’s language, and answers alike for unknown emails', async () => {
    const person = await createPerson(t.app, { lang: 'fr' });
    const anon = new Agent(t.app);
    expect((await anon.post('/api/v1/auth/password-reset', { email: person.email })).statusCode).toBe(202);
    expect((await anon.post('/api/v1/auth/password-reset', { email: 'nobody@example.org' })).statusCode).toBe(202);
    expect(await latestMailTo('nobody@example.org')).toBeUndefined();
    const mail = await latestMailTo(person.email);
    expect(mail?.lang).toBe('fr');
    expect(mail?.subject).toContain('mot de passe');
    const token = tokenFrom(mail?.bodyText ?? '');

    const weak = await anon.post('/api/v1/auth/password-reset/complete', { token, newPassword: 'short' });
    expect(weak.statusCode).toBe(400); // and the link still works:
    expect(
      (await anon.post('/api/v1/auth/password-reset/complete', { token, newPassword: 'reset to a long passphrase' }))
        .statusCode,
    ).toBe(204);
    const reuse = await anon.post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: 'another long passphrase',
    });
    expect(reuse.statusCode).toBe(400);
    expect(problem(reuse.body).type).toBe('/problems/invalid-token');
    expect((await new Agent(t.app).signIn(person.email, 'reset to a long passphrase')).statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    const person = await createPerson(t.app);
    await new Agent(t.app).post('/api/v1/auth/password-reset', { email: person.email });
    const token = tokenFrom((await latestMailTo(person.email))?.bodyText ?? '');
    t.advance(61 * 60_000);
    const res = await new Agent(t.app).post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: 'too late long passphrase',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('invitations', () => {
  it('lets the secretariat invite a city coordinator, who accepts and is signed in with the role', async () => {
    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    const email = 'new.coordinator@cork.example';
    const res = await secretariat.post('/api/v1/invitations', {
      email,
      role: 'city-coordinator',
      scope: { city: 'cork' },
      lang: 'es',
    });
    expect(res.statusCode).toBe(201);
    const mail = await latestMailTo(email);
    expect(mail?.subject).toContain('Invitación');
    const token = tokenFrom(mail?.bodyText ?? '');

    const invitee = new Agent(t.app);
    const preview = await invitee.post('/api/v1/invitations/preview', { token });
    expect(preview.json()).toMatchObject({
      email,
      role: 'city-coordinator',
      scopeName: 'Cork',
      existingAccount: false,
    });
    const missing = await invitee.post('/api/v1/invitations/accept', { token });
    expect(missing.statusCode).toBe(400);
    const accepted = await invitee.post('/api/v1/invitations/accept', {
      token,
      displayName: 'Nuala',
      password: 'a long new passphrase',
      preferredLang: 'es',
    });
    expect(accepted.statusCode).toBe(200);
    const me = MeResponseSchema.parse(accepted.json());
    expect(me.user).toMatchObject({ email, displayName: 'Nuala', preferredLang: 'es' });
    expect(me.user.grants[0]).toMatchObject({ role: 'city-coordinator', scope: { ref: 'cork' } });

    const again = await new Agent(t.app).post('/api/v1/invitations/accept', {
      token,
      displayName: 'Other',
      password: 'another long passphrase',
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an expired invitation with 410', async () => {
    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    const email = 'late@example.org';
    await secretariat.post('/api/v1/invitations', { email, role: 'expert' });
    const token = tokenFrom((await latestMailTo(email))?.bodyText ?? '');
    t.advance(15 * 86_400_000);
    const res = await new Agent(t.app).post('/api/v1/invitations/accept', {
      token,
      displayName: 'Late',
      password: 'a long new passphrase',
    });
    expect(res.statusCode).toBe(410);
  });

  it("lets a coordinator invite editors for her city, not for another city's", async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    expect(
      (
        await agent.post('/api/v1/invitations', {
          email: 'editor@cork.example',
          role: 'city-editor',
          scope: { city: 'cork' },
        })
      ).statusCode,
    ).toBe(201);
    const before = await t.app.db.$count(invitations);
    const mailsBefore = await t.app.db.$count(mailOutbox);
    const res = await agent.post('/api/v1/invitations', {
      email: 'editor@dublin.example',
      role: 'city-editor',
      scope: { city: 'dublin' },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.app.db.$count(invitations)).toBe(before);
    expect(await t.app.db.$count(mailOutbox)).toBe(mailsBefore);
    expect(
      (
        await agent.post('/api/v1/invitations', {
          email: 'x@cork.example',
          role: 'city-coordinator',
          scope: { city: 'cork' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('checks that the scope fits the role', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'admin' }] });
    const noCity = await agent.post('/api/v1/invitations', { email: 'a@example.org', role: 'city-editor' });
    expect(problem(noCity.body).errors?.[0]?.field).toBe('scope.city');
    const scopedExpert = await agent.post('/api/v1/invitations', {
      email: 'a@example.org',
      role: 'expert',
      scope: { country: 'IE' },
    });
    expect(scopedExpert.statusCode).toBe(400);
    const natcom = await agent.post('/api/v1/invitations', {
      email: 'natcom@ie.example',
      role: 'natcom',
      scope: { country: 'ie' },
    });
    expect(natcom.statusCode).toBe(201);
  });
});

describe('outbox', () => {
  it('shows administrators the mail held without SMTP, and nobody else', async () => {
    const { agent: admin } = await signedIn(t.app, { grants: [{ role: 'admin' }] });
    await admin.post('/api/v1/invitations', { email: 'outbox-reader@example.org', role: 'expert', lang: 'zh' });
    const res = await admin.get('/api/v1/outbox?pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      smtpConfigured: boolean;
      items: { to: string; lang: string; sentAt: string | null; body: string }[];
    };
    expect(body.smtpConfigured).toBe(false);
    expect(body.items[0]).toMatchObject({ to: 'outbox-reader@example.org', lang: 'zh', sentAt: null });
    expect(body.items[0]?.body).toContain('/accept-invitation#token=');
    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    expect((await secretariat.get('/api/v1/outbox')).statusCode).toBe(403);
  });
});

describe('roles', () => {
  it('lets an admin grant and revoke, and keeps the last admin', async () => {
    const { agent: admin, person: adminPerson } = await signedIn(t.app, { grants: [{ role: 'admin' }] });
    const target = await createPerson(t.app);
    const granted = await admin.post(`/api/v1/users/${target.id}/roles`, { role: 'jury' });
    expect(granted.statusCode).toBe(201);
    const twice = await admin.post(`/api/v1/users/${target.id}/roles`, { role: 'jury' });
    expect(twice.statusCode).toBe(409);
    const { id } = granted.json() as { id: string };
    expect((await admin.delete(`/api/v1/role-grants/${id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/role-grants/${id}`)).statusCode).toBe(404);
    expect(adminPerson.email).toContain('@');
  });

  it('refuses a role grant by someone not allowed to, and records nothing', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] });
    const target = await createPerson(t.app);
    const res = await agent.post(`/api/v1/users/${target.id}/roles`, { role: 'city-editor', scope: { city: 'cork' } });
    expect(res.statusCode).toBe(403);
  });
});

// Each process keeps the sessions it resolved in memory (platform/db/notice-cache.ts). These changes are made straight in
// the database, as another server process would: each must still take effect on this one, at once on the
// embedded engine and within moments on PostgreSQL, where the notice comes over its own connection.
describe('sessions kept in memory', () => {
  async function meOf(agent: Agent) {
    const res = await agent.get('/api/v1/me');
    return {
      status: res.statusCode,
      roles: res.statusCode === 200 ? MeResponseSchema.parse(res.json()).user.grants.map((g) => g.role) : [],
    };
  }

  it('drops a role revoked by another process', async () => {
    const { agent, person } = await signedIn(t.app, { grants: [{ role: 'jury' }] });
    expect(await meOf(agent)).toEqual({ status: 200, roles: ['jury'] });
    expect(await meOf(agent)).toEqual({ status: 200, roles: ['jury'] }); // now answered from memory
    await t.app.db.update(roleGrants).set({ revokedAt: new Date() }).where(eq(roleGrants.userId, person.id));
    await expect.poll(() => meOf(agent), { timeout: 2_000 }).toEqual({ status: 200, roles: [] });
  });

  it('ends a session revoked, or a person disabled, by another process', async () => {
    const revoked = await signedIn(t.app);
    const disabled = await signedIn(t.app);
    for (const { agent } of [revoked, disabled]) {
      expect((await meOf(agent)).status).toBe(200);
      expect((await meOf(agent)).status).toBe(200);
    }
    await t.app.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, revoked.person.id));
    await t.app.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.person.id));
    await expect.poll(() => meOf(revoked.agent), { timeout: 2_000 }).toMatchObject({ status: 401 });
    await expect.poll(() => meOf(disabled.agent), { timeout: 2_000 }).toMatchObject({ status: 401 });
  });
});

describe('bad bodies', () => {
  it('answers malformed JSON and wrong types with problem+json, and oversized bodies with 413', async () => {
    const agent = new Agent(t.app);
    const malformed = await agent.request('POST', '/api/v1/auth/sign-in', undefined, {
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    const wrongType = await agent.post('/api/v1/auth/sign-in', { email: 42, password: ['x'] });
    expect(wrongType.statusCode).toBe(400);
    expect(problem(wrongType.body).errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['email', 'password']));
    const huge = await agent.post('/api/v1/auth/sign-in', {
      email: 'a@example.org',
      password: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and friends', async () => {
    const res = await new Agent(t.app).get('/api/v1/regions');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('audit trail', () => {
  it('records who did what, and the chain verifies', async () => {
    const { agent: admin } = await signedIn(t.app, { grants: [{ role: 'admin' }] });
    const target = await createPerson(t.app);
    await admin.post(`/api/v1/users/${target.id}/roles`, { role: 'expert' });
    const trail = (await admin.get('/api/v1/audit?action=role.grant')).json() as {
      items: { action: string; after: { role: string } }[];
    };
    expect(trail.items[0]).toMatchObject({ action: 'role.grant', after: { role: 'expert' } });
    expect(await verifyAuditChain(t.app.db)).toMatchObject({ ok: true });
  });

  it("shows a coordinator her city's trail only", async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    await agent.post('/api/v1/invitations', {
      email: 'ed2@cork.example',
      role: 'city-editor',
      scope: { city: 'cork' },
    });
    const own = (await agent.get('/api/v1/audit')).json() as { items: { scopeId: string }[] };
    const cork = await cityId(t.app, 'cork');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.scopeId === cork)).toBe(true);
    expect((await agent.get('/api/v1/audit?city=dublin')).statusCode).toBe(403);
    const { agent: editor } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] });
    expect((await editor.get('/api/v1/audit')).statusCode).toBe(403);
  });
});
