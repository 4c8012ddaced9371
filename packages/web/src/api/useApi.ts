import { useCallback, useEffect, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { ApiError, apiGet, apiUrl, cached, type Query } from './client.ts';

export interface ApiState<T> {
  /** The last answer; kept while a new language or filter loads, dropped when the resource changes. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  retry: () => void;
}

interface Inner<T> {
  path: string | null;
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

interface Options {
  /**
   * A personal resource (my sessions, the people I manage, the audit trail): sent without `?lang=`,
   * never answered from or kept in the cache, so it is current and stays with the person who asked.
   */
  personal?: boolean;
}

/**
 * Fetch `path` in the interface language (`?lang=`), refetching when the language or query changes
 * and cancelling the request when the component unmounts. `path` null means "nothing to fetch yet".
 */
export function useApi<T>(path: string | null, query: Query = {}, { personal = false }: Options = {}): ApiState<T> {
  const lang = useLang();
  const url = path === null ? null : apiUrl(path, personal ? query : { ...query, lang });
  const fromCache = (address: string) => (personal ? undefined : cached<T>(address));
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Inner<T>>(() => ({
    path,
    data: url === null ? undefined : fromCache(url),
    error: undefined,
    loading: url !== null && fromCache(url) === undefined,
  }));

  useEffect(() => {
    if (url === null) return;
    const hit = attempt === 0 && !personal ? cached<T>(url) : undefined;
    if (hit !== undefined) {
      setState({ path, data: hit, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({
      path,
      data: previous.path === path ? previous.data : undefined,
      error: undefined,
      loading: true,
    }));
    apiGet<T>(url, controller.signal, { keep: !personal }).then(
      (data) => setState({ path, data, error: undefined, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0);
        setState((previous) => ({ ...previous, error: apiError, loading: false }));
      },
    );
    return () => controller.abort();
  }, [url, path, attempt, personal]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: url !== null && (!current || state.loading),
    retry,
  };
}
