import type { MeResponse } from '@lco/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, apiSend, apiUrl } from './client.ts';

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous' }
  /** The server could not say (unreachable, failing): neither signed in nor known to be anonymous. */
  | { status: 'unknown'; error: ApiError }
  | { status: 'signed-in'; me: MeResponse };

interface SessionContextValue {
  session: Session;
  /** The signed-in person, or undefined. */
  me: MeResponse | undefined;
  /** After a sign-in, an accepted invitation or a profile change: the server's fresh answer. */
  signedIn: (me: MeResponse) => void;
  /** Ask the server again (after a 401 on another call, or to retry after a failure). */
  refresh: () => Promise<void>;
  /** End this session; resolves once the page can treat the visitor as anonymous. */
  signOut: (everywhere?: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function loadSession(signal?: AbortSignal): Promise<Session> {
  try {
    const me = await apiGet<MeResponse>(apiUrl('/me'), signal, { keep: false });
    return { status: 'signed-in', me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'anonymous' };
    if (error instanceof ApiError) return { status: 'unknown', error };
    throw error;
  }
}

/** Who is signed in, loaded once for the visit from GET /me (401 means anonymous). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    loadSession(controller.signal).then(setSession, () => undefined);
    return () => controller.abort();
  }, []);

  // Personal answers are never cached (useApi's `personal`), so nothing of one person outlives a change
  // of session in memory; only the session itself changes here.
  const signedIn = useCallback((me: MeResponse) => setSession({ status: 'signed-in', me }), []);

  const refresh = useCallback(async () => {
    setSession(await loadSession());
  }, []);

  const signOut = useCallback(async (everywhere = false) => {
    try {
      await apiSend('POST', everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out');
    } catch (error) {
      // Already signed out elsewhere (401): the outcome is the same. Anything else is for the caller.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setSession({ status: 'anonymous' });
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      me: session.status === 'signed-in' ? session.me : undefined,
      signedIn,
      refresh,
      signOut,
    }),
    [session, signedIn, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and what can be done with it; used by the shell and every page that needs a person. */
export function useMe(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useMe needs a SessionProvider above it');
  return value;
}
