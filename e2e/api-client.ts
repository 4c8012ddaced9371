/**
 * The JSON API as a script would use it, for what a test sets up or checks outside the browser: keeps the
 * session cookie, fetches a CSRF token before the first change, and throws on any answer that is not 2xx.
 */
export class ApiClient {
  private cookies = new Map<string, string>();
  private token: string | undefined;

  /** `base` is the server's origin, e.g. http://127.0.0.1:4123. */
  constructor(private readonly base: string) {}

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
    const response = await fetch(`${this.base}/api/v1${route}`, {
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
