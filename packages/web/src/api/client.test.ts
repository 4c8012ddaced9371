import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Client = typeof import('./client.ts');

interface Call {
  url: string;
  init: RequestInit;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

const csrfProblem = () =>
  json(403, { type: '/problems/csrf', title: 'Missing or invalid CSRF token', status: 403, detail: 'Send the token' });

/** A fake server: answers /auth/csrf with numbered tokens and everything else from `answers`, in order. */
function serve(answers: (() => Response)[]): Call[] {
  const calls: Call[] = [];
  let tokens = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    if (url === '/api/v1/auth/csrf') return json(200, { token: `token-${++tokens}` });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request to ${url}`);
    return next();
  });
  return calls;
}

const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

describe('apiSend', () => {
  let client: Client;

  beforeEach(async () => {
    // The token is kept for the visit, in the module: each test starts a new visit.
    vi.resetModules();
    client = await import('./client.ts');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF token, the session cookie and a JSON body', async () => {
    const calls = serve([() => json(200, { ok: true })]);
    expect(await client.apiSend('PATCH', '/me', { displayName: 'Aoife' })).toEqual({ ok: true });
    const change = calls[1];
    expect(change?.url).toBe('/api/v1/me');
    expect(change?.init.method).toBe('PATCH');
    expect(change?.init.credentials).toBe('same-origin');
    expect(header(change, 'x-csrf-token')).toBe('token-1');
    expect(header(change, 'content-type')).toBe('application/json');
    expect(change?.init.body).toBe('{"displayName":"Aoife"}');
  });

  it('asks for the token once for the whole visit', async () => {
    const calls = serve([() => new Response(null, { status: 204 }), () => new Response(null, { status: 204 })]);
    expect(await client.apiSend('POST', '/auth/sign-out')).toBeUndefined();
    await client.apiSend('DELETE', '/me/sessions/0123456789abcdef');
    expect(calls.filter((c) => c.url === '/api/v1/auth/csrf')).toHaveLength(1);
    expect(header(calls[2], 'x-csrf-token')).toBe('token-1');
  });

  it('replaces a refused token once and retries the change', async () => {
    const calls = serve([csrfProblem, () => json(201, { id: 'g1' })]);
    expect(await client.apiSend('POST', '/invitations', { email: 'a@b.example' })).toEqual({ id: 'g1' });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/auth/csrf',
      '/api/v1/invitations',
      '/api/v1/auth/csrf',
      '/api/v1/invitations',
    ]);
    expect(header(calls[3], 'x-csrf-token')).toBe('token-2');
  });

  it('gives up after one retry rather than looping', async () => {
    serve([csrfProblem, csrfProblem]);
    await expect(client.apiSend('POST', '/auth/sign-out')).rejects.toMatchObject({ status: 403 });
  });

  it('does not retry other refusals', async () => {
    const calls = serve([
      () => json(403, { type: '/problems/forbidden', title: 'Forbidden', status: 403, detail: 'No.' }),
    ]);
    await expect(client.apiSend('DELETE', '/role-grants/x')).rejects.toMatchObject({ status: 403, message: 'No.' });
    expect(calls).toHaveLength(2);
  });

  it('reads the wait of a 429 from Retry-After', async () => {
    serve([
      () =>
        json(
          429,
          { type: '/problems/too-many-requests', title: 'Too many attempts', status: 429, detail: 'Wait.' },
          { 'retry-after': '42' },
        ),
    ]);
    await expect(client.apiSend('POST', '/auth/sign-in', {})).rejects.toMatchObject({ status: 429, retryAfter: 42 });
  });
});
