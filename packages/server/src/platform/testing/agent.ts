import type { Role } from '@lco/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { AccountsRepository } from '../../modules/accounts/accounts.repository.ts';
import { hashPassword } from '../security/passwords.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A browser-like client for `inject()`: keeps cookies, and fetches and sends the CSRF token the way the
 * web app does. `anonymous` skips signing in.
 */
export class Agent {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = await this.csrf();
    const response = await this.app.inject({
      method,
      url,
      headers: { ...headers, cookie: this.cookieHeader() },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.remember(response);
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async signIn(email: string, password: string) {
    return this.post('/api/v1/auth/sign-in', { email, password });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const response = await this.app.inject({
        method: 'GET',
        url: '/api/v1/auth/csrf',
        headers: { cookie: this.cookieHeader() },
      });
      this.remember(response);
      this.csrfToken = (response.json() as { token: string }).token;
    }
    return this.csrfToken;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const TEST_PASSWORD = 'a long test passphrase 42';
let hashed: Promise<string> | undefined;

export interface PersonSpec {
  email?: string;
  grants?: { role: Role; city?: string; country?: string }[];
  lang?: string;
}

let counter = 0;

/** Factory: a person with the given grants (cities by slug), password TEST_PASSWORD. */
export async function createPerson(app: FastifyInstance, spec: PersonSpec = {}) {
  const repository = new AccountsRepository(app.db);
  hashed ??= hashPassword(TEST_PASSWORD);
  counter += 1;
  const email = spec.email ?? `person${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const user = await repository.insertUser({
    email,
    displayName: `Person ${counter}`,
    preferredLang: spec.lang ?? 'en',
    passwordHash: await hashed,
  });
  for (const grant of spec.grants ?? []) {
    let scopeId: string | null = grant.country ?? null;
    if (grant.city) {
      const city = await repository.findCityBySlug(grant.city);
      if (!city) throw new Error(`test city ${grant.city} is not seeded`);
      scopeId = city.id;
    }
    await repository.insertGrant({ userId: user.id, role: grant.role, scopeId });
  }
  return { id: user.id, email, password: TEST_PASSWORD };
}

/** Factory: a signed-in agent for a new person with these grants. */
export async function signedIn(app: FastifyInstance, spec: PersonSpec = {}) {
  const person = await createPerson(app, spec);
  const agent = new Agent(app);
  const response = await agent.signIn(person.email, person.password);
  if (response.statusCode !== 200) throw new Error(`test sign-in failed: ${response.body}`);
  return { agent, person };
}

export async function cityId(app: FastifyInstance, slug: string): Promise<string> {
  const city = await new AccountsRepository(app.db).findCityBySlug(slug);
  if (!city) throw new Error(`test city ${slug} is not seeded`);
  return city.id;
}
