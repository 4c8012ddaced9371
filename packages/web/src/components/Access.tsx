import type { MeResponse } from '@lco/core';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { ApiError } from '../api/client.ts';
import { useMe } from '../api/session.tsx';
import { PageHeading } from './PageHeading.tsx';
import { ErrorState, Loading } from './Status.tsx';

/** The address of the sign-in page that comes back here afterwards. */
function signInHref(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * A page for signed-in people: anonymous visitors go to the sign-in page, which brings them back.
 * `children` receives the person, so the page never renders without one.
 */
export function RequireSession({ children }: { children: (me: MeResponse) => ReactNode }) {
  const { session, refresh } = useMe();
  const { pathname, search } = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'unknown') return <ErrorState error={session.error} onRetry={() => void refresh()} />;
  if (session.status === 'anonymous') return <Navigate replace to={signInHref(`${pathname}${search}`)} />;
  return <>{children(session.me)}</>;
}

/** Shown when the person's roles do not open this page (403). */
export function NotAllowed({ heading = true }: { heading?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="not-allowed">
      {heading ? <PageHeading>{t('access.title')}</PageHeading> : null}
      <div className="notice notice--warning" role={heading ? undefined : 'alert'}>
        <p>
          <span aria-hidden="true">⛔ </span>
          {t('access.text')}
        </p>
      </div>
      <p>
        <Link href="/account">{t('session.myAccount')}</Link>
      </p>
    </div>
  );
}

/**
 * What a failed read on a signed-in page shows: a 401 means the session ended meanwhile (the session
 * is asked again, which sends the visitor to sign in), a 403 that the roles do not allow it.
 */
export function PageError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { refresh } = useMe();
  const expired = error.status === 401;
  useEffect(() => {
    if (expired) void refresh();
  }, [expired, refresh]);
  if (expired) return <Loading />;
  if (error.status === 403) return <NotAllowed heading={false} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
