import type { Problem } from '@lco/core';

/** A failed API call. `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly problem?: Problem,
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

/** GET a JSON resource; errors become an ApiError carrying the problem+json detail. */
export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, application/problem+json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('', 0);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(problem?.detail || problem?.title || response.statusText, response.status, problem);
  }
  const body = (await response.json()) as T;
  remember(url, body);
  return body;
}
