import type { Problem } from '@lco/core';

/** A failed API call. `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly problem?: Problem,
    /** Seconds to wait before trying again (429), from the Retry-After header. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

type QueryValue = string | number | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

const BASE = '/api/v1';

/**
 * The address of an API resource; empty and missing parameters are left out so equal queries make
 * equal addresses (they are also the cache keys).
 */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

// Public reads change rarely; keeping the last answers spares slow connections a second download
// when a visitor moves between pages (Home and Framework share the framework, Network its lists).
const CACHE_LIMIT = 40;
const cache = new Map<string, unknown>();

export function cached<T>(url: string): T | undefined {
  return cache.get(url) as T | undefined;
}

function remember(url: string, value: unknown): void {
  cache.delete(url);
  cache.set(url, value);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

const ACCEPT = 'application/json, application/problem+json';

async function failure(response: Response): Promise<ApiError> {
  const problem = await readProblem(response);
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return new ApiError(
    problem?.detail || problem?.title || response.statusText,
    response.status,
    problem,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    // Same-origin credentials carry the session cookie; the API is never called across origins.
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError('', 0);
  }
}

interface GetOptions {
  /**
   * False for personal answers (who I am, my sessions, the people I manage) and for what must be current
   * (a cycle being edited, targets just saved): never kept in the cache, and revalidated with the server
   * rather than taken from the browser's HTTP cache (public reads may be cached there for a minute).
   */
  keep?: boolean;
}

/** GET a JSON resource; errors become an ApiError carrying the problem+json detail. */
export async function apiGet<T>(url: string, signal?: AbortSignal, { keep = true }: GetOptions = {}): Promise<T> {
  const response = await request(url, { signal, headers: { Accept: ACCEPT }, cache: keep ? 'default' : 'no-cache' });
  if (!response.ok) throw await failure(response);
  const body = (await response.json()) as T;
  if (keep) remember(url, body);
  return body;
}

// The server checks a CSRF token on every change (double-submit: the secret rides in a cookie). One
// token serves the whole visit; it is fetched on the first change and fetched again only when refused.
let csrf: Promise<string> | undefined;

function csrfToken(fresh: boolean): Promise<string> {
  if (fresh || csrf === undefined) {
    const pending = apiGet<{ token: string }>(apiUrl('/auth/csrf'), undefined, { keep: false }).then((b) => b.token);
    csrf = pending;
    pending.catch(() => {
      if (csrf === pending) csrf = undefined;
    });
  }
  return csrf;
}

export type ChangeMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function change(url: string, method: ChangeMethod, body: unknown, token: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: ACCEPT, 'X-CSRF-Token': token };
  // A form (a file upload) sets its own multipart type and boundary.
  if (body instanceof FormData) return request(url, { method, headers, body });
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * Send a change to the API with its CSRF token; resolves to the JSON answer, or undefined for an empty
 * one (202, 204). A refused token (a new cookie, an expired secret) is replaced once and the change retried.
 * A FormData body goes as multipart/form-data (file uploads); `query` adds parameters to the address.
 */
export async function apiSend<T = undefined>(
  method: ChangeMethod,
  path: string,
  body?: unknown,
  query: Query = {},
): Promise<T> {
  const url = apiUrl(path, query);
  let response = await change(url, method, body, await csrfToken(false));
  if (response.status === 403 && (await readProblem(response.clone()))?.type === '/problems/csrf') {
    response = await change(url, method, body, await csrfToken(true));
  }
  if (!response.ok) throw await failure(response);
  const text = response.status === 204 ? '' : await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Whatever a call threw, as an ApiError (anything unexpected counts as "could not reach the server"). */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(String(error), 0);
}
