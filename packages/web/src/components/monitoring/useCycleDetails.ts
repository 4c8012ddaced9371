import type { CycleDetail } from '@lco/core';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, apiGet, apiUrl, asApiError, cached } from '../../api/client.ts';

/** At most this many cycles are asked for at once (ten years of a series is what the pages show). */
export const MAX_CYCLES = 10;

interface State {
  key: string;
  details: CycleDetail[] | undefined;
  error: ApiError | undefined;
}

/**
 * The details of several cycles of one city, fetched in parallel (at most MAX_CYCLES, the latest years
 * first). `years` null means "not known yet". Accepted cycles are public and kept in the response cache;
 * `personal` is for the city team's and the secretariat's unpublished ones, which are never cached.
 */
export function useCycleDetails(
  slug: string,
  years: readonly number[] | null,
  { personal = false }: { personal?: boolean } = {},
) {
  const chosen = years === null ? null : [...years].sort((a, b) => b - a).slice(0, MAX_CYCLES);
  const key = chosen === null ? '' : `${slug}|${chosen.join(',')}`;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ key: '', details: undefined, error: undefined });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for slug and the chosen years.
  useEffect(() => {
    if (chosen === null) return;
    const urls = chosen.map((year) => apiUrl(`/cities/${encodeURIComponent(slug)}/cycles/${year}`));
    const hits = personal || attempt > 0 ? [] : urls.map((url) => cached<CycleDetail>(url));
    if (hits.length > 0 && hits.every((hit) => hit !== undefined)) {
      setState({ key, details: hits as CycleDetail[], error: undefined });
      return;
    }
    setState({ key, details: undefined, error: undefined });
    const controller = new AbortController();
    Promise.all(urls.map((url) => apiGet<CycleDetail>(url, controller.signal, { keep: !personal }))).then(
      (details) => setState({ key, details, error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, details: undefined, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt, personal]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === key && key !== '';
  return {
    details: current ? state.details : undefined,
    error: current ? state.error : undefined,
    loading: chosen !== null && (!current || (state.details === undefined && state.error === undefined)),
    /** The years asked for, latest first. */
    years: chosen,
    retry,
  };
}
