import { generateKeyPairSync } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeResponseSchema, ProblemSchema } from '@lco/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import type { OidcSettings } from '../../platform/context.ts';
import { hashToken } from '../../platform/security/tokens.ts';
import { Agent, createPerson } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { AccountsRepository } from './accounts.repository.ts';
import { oidcLogins } from './oidc.tables.ts';

// A real OpenID provider (oidc-provider) on a loopback port, with its own login and consent pages,
// driven over HTTP the way a browser would: no mocks between our server and the provider.

const PUBLIC_URL = 'http://observatory.test';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** The people the provider knows, by subject: what it will say about their email. */
const PROVIDER_ACCOUNTS = new Map<string, { email: string; email_verified: boolean }>();

// oidc-provider ships no type declarations; this is the part of it the test uses.
interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
const OIDC_PROVIDER_MODULE: string = 'oidc-provider';

async function startProvider(redirectUri: string): Promise<{ settings: OidcSettings; close: () => Promise<void> }> {
  const { Provider } = (await import(OIDC_PROVIDER_MODULE)) as { Provider: ProviderClass };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings = { issuer, clientId: 'observatory', clientSecret: 'a client secret for tests', redirectUri };
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    async findAccount(_ctx: unknown, sub: string) {
      const account = PROVIDER_ACCOUNTS.get(sub);
      return account && { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    pkce: { required: () => true },
    cookies: { keys: ['a cookie signing key for tests'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test' }] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    settings,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** A browser at the provider: keeps the provider's cookies and fills in its login and consent forms. */
class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  /** From our redirect to the provider, to the provider's redirect back to our callback (returned). */
  async signIn(authorizationUrl: string, subject: string): Promise<string> {
    let url = authorizationUrl;
    for (let step = 0; step < 12; step++) {
      if (url.startsWith(`${PUBLIC_URL}${CALLBACK_PATH}`)) return url;
      const response = await this.fetch(url);
      if (response.status !== 200) {
        url = this.next(response, url);
        continue;
      }
      const page = await response.text();
      const action = page.match(/<form[^>]*action="([^"]+)"/)?.[1];
      const prompt = page.match(/name="prompt" value="(\w+)"/)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page at the provider: ${page.slice(0, 300)}`);
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt };
      const submitted = await this.fetch(new URL(action.replaceAll('&amp;', '&'), url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      url = this.next(submitted, url);
    }
    throw new Error('the provider never sent the browser back');
  }

  private next(response: Response, from: string): string {
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`the provider answered ${response.status} at ${from}`);
    }
    return new URL(location, from).href;
  }

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '') <= new Date());
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

let t: TestApp;
let provider: Awaited<ReturnType<typeof startProvider>>;

beforeAll(async () => {
  provider = await startProvider(`${PUBLIC_URL}${CALLBACK_PATH}`);
  t = await testApp({ settings: { oidc: provider.settings, publicUrl: PUBLIC_URL } });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

let subjects = 0;
/** Someone the provider knows, with the address it vouches for (or not). */
function providerAccount(email: string, verified = true): string {
  subjects += 1;
  const subject = `subject-${subjects}`;
  PROVIDER_ACCOUNTS.set(subject, { email, email_verified: verified });
  return subject;
}

/** Our /start, then the provider; gives our agent (holding our cookie) and the callback URL to visit. */
async function throughProvider(subject: string) {
  const agent = new Agent(t.app);
  const start = await agent.get('/api/v1/auth/oidc/start');
  expect(start.statusCode).toBe(302);
  const callbackUrl = await new ProviderBrowser().signIn(start.headers.location as string, subject);
  return { agent, start, callback: callbackUrl.slice(PUBLIC_URL.length) };
}

const signInError = (location: unknown) => new URL(String(location), PUBLIC_URL).searchParams.get('error');

describe('single sign-on with OpenID Connect', () => {
  it('tells the sign-in page that single sign-on is on', async () => {
    const res = await new Agent(t.app).get('/api/v1/auth/oidc');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enabled: true });
  });

  it('starts with state, nonce and PKCE, remembered in the database behind a short-lived HttpOnly cookie', async () => {
    const res = await new Agent(t.app).get('/api/v1/auth/oidc/start');
    expect(res.statusCode).toBe(302);
    expect(res.headers['cache-control']).toBe('no-store');
    const target = new URL(res.headers.location as string);
    expect(target.origin).toBe(provider.settings.issuer);
    const params = target.searchParams;
    expect(params.get('client_id')).toBe('observatory');
    expect(params.get('redirect_uri')).toBe(`${PUBLIC_URL}${CALLBACK_PATH}`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email');
    expect(params.get('code_challenge_method')).toBe('S256');

    const cookie = res.cookies.find((c) => c.name === 'lco_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
    const lifetime = (cookie?.expires?.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(9 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000);

    const [row] = await t.app.db
      .select()
      .from(oidcLogins)
      .where(eq(oidcLogins.handleHash, hashToken(cookie?.value ?? '')));
    expect(row).toMatchObject({ state: params.get('state'), nonce: params.get('nonce'), usedAt: null });
    expect(row?.verifier).toMatch(/^[\w-]{43,}$/);
    expect(params.get('code_challenge')).not.toBe(row?.verifier);
  });

  it('signs in an existing account whose verified address the provider gives, with a working session', async () => {
    const person = await createPerson(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] });
    const { agent, callback } = await throughProvider(providerAccount(person.email.toUpperCase()));

    const res = await agent.get(callback);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.cookies.find((c) => c.name === 'lco_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(res.cookies.find((c) => c.name === 'lco_oidc')?.value).toBe('');

    const me = await agent.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    const body = MeResponseSchema.parse(me.json());
    expect(body.user.email).toBe(person.email);
    expect(body.session.method).toBe('oidc');
    expect(body.workspaces).toEqual(['city']);

    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.resourceId, person.id));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'session.sign-in', actorId: person.id, after: { method: 'oidc' } }),
    ]);
    expect((await verifyAuditChain(t.app.db)).ok).toBe(true);
  });

  it('refuses an address no account has, and creates nothing', async () => {
    const email = 'stranger@example.org';
    const { agent, callback } = await throughProvider(providerAccount(email));
    const before = await t.app.db.select().from(auditLog);

    const res = await agent.get(callback);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/sign-in?error=sso-unknown-account');
    expect(res.cookies.find((c) => c.name === 'lco_session')).toBeUndefined();
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    expect(await t.app.db.select().from(auditLog)).toHaveLength(before.length);
    expect(await new AccountsRepository(t.app.db).findUserByEmail(email)).toBeUndefined();
  });

  it('refuses a disabled account like an unknown one', async () => {
    const person = await createPerson(t.app);
    await new AccountsRepository(t.app.db).updateUser(person.id, { disabledAt: new Date() });
    const { agent, callback } = await throughProvider(providerAccount(person.email));
    const res = await agent.get(callback);
    expect(signInError(res.headers.location)).toBe('sso-unknown-account');
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses an address the provider has not verified, even when an account has it', async () => {
    const person = await createPerson(t.app);
    const { agent, callback } = await throughProvider(providerAccount(person.email, false));
    const res = await agent.get(callback);
    expect(signInError(res.headers.location)).toBe('sso-unverified-email');
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses an answer whose state was tampered with or left out', async () => {
    const person = await createPerson(t.app);
    for (const tamper of [
      (q: URLSearchParams) => q.set('state', 'someone-elses-state'),
      (q: URLSearchParams) => q.delete('state'),
    ]) {
      const { agent, callback } = await throughProvider(providerAccount(person.email));
      const url = new URL(callback, PUBLIC_URL);
      tamper(url.searchParams);
      const res = await agent.get(`${url.pathname}${url.search}`);
      expect(signInError(res.headers.location)).toBe('sso-failed');
      expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    }
  });

  it('refuses a callback without the cookie of the browser that started (a code injected elsewhere)', async () => {
    const person = await createPerson(t.app);
    const { callback } = await throughProvider(providerAccount(person.email));
    const res = await new Agent(t.app).get(callback);
    expect(signInError(res.headers.location)).toBe('sso-expired');
  });

  it('uses a callback once: a replay is refused', async () => {
    const person = await createPerson(t.app);
    const { agent, callback } = await throughProvider(providerAccount(person.email));
    const cookie = agent.cookie('lco_oidc') as string;
    expect((await agent.get(callback)).headers.location).toBe('/');

    const replay = new Agent(t.app);
    replay.setCookie('lco_oidc', cookie);
    const res = await replay.get(callback);
    expect(signInError(res.headers.location)).toBe('sso-expired');
    expect((await replay.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('sends the person back with the provider’s refusal when they cancel there', async () => {
    const agent = new Agent(t.app);
    const start = await agent.get('/api/v1/auth/oidc/start');
    const state = new URL(start.headers.location as string).searchParams.get('state') ?? '';
    const query = new URLSearchParams({ error: 'access_denied', state, iss: provider.settings.issuer });
    const res = await agent.get(`${CALLBACK_PATH}?${query}`);
    expect(signInError(res.headers.location)).toBe('sso-failed');
  });

  it('lets a sign-in in progress lapse after ten minutes', async () => {
    const person = await createPerson(t.app);
    const { agent, callback } = await throughProvider(providerAccount(person.email));
    t.advance(10 * 60_000 + 1000);
    const res = await agent.get(callback);
    expect(signInError(res.headers.location)).toBe('sso-expired');
  });
});

describe('single sign-on switched off', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await testApp();
  });
  afterAll(async () => off?.close());

  it('says so, and its start and callback are not found', async () => {
    const agent = new Agent(off.app);
    expect((await agent.get('/api/v1/auth/oidc')).json()).toEqual({ enabled: false });
    for (const path of ['/api/v1/auth/oidc/start', `${CALLBACK_PATH}?code=x&state=y`]) {
      const res = await agent.get(path);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(ProblemSchema.parse(res.json()).status).toBe(404);
    }
  });
});
