import type { MeResponse } from '@lco/core';
import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session.tsx';
import { requestHeadingFocus } from '../components/PageHeading.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

const AccountMenu = lazy(() => import('./AccountMenu.tsx'));

// Each entry is current for the sections it leads to (a city profile belongs to the network).
const NAV = [
  { to: '/', key: 'nav.home', sections: [''] },
  { to: '/framework', key: 'nav.framework', sections: ['framework'] },
  { to: '/network', key: 'nav.network', sections: ['network', 'cities'] },
  { to: '/awards', key: 'nav.awards', sections: ['awards'] },
  { to: '/about', key: 'nav.about', sections: ['about'] },
] as const;

// The workspaces a person's roles open (GET /me lists them) that have pages; the others come with
// their issues, and until then no link leads nowhere.
const WORKSPACE_PAGES: Partial<Record<MeResponse['workspaces'][number], { to: string; key: WorkspaceKey }>> = {
  administration: { to: '/admin/users', key: 'workspaces.administration' },
  audit: { to: '/admin/audit', key: 'workspaces.audit' },
  outbox: { to: '/admin/outbox', key: 'workspaces.outbox' },
};
type WorkspaceKey = 'workspaces.administration' | 'workspaces.audit' | 'workspaces.outbox';

/**
 * The links of a person's workspaces: one city workspace per city on whose team she is, the review of
 * reports for the network staff, then the administrative pages.
 */
function useWorkspaceLinks(me: MeResponse | undefined): { to: string; label: string }[] {
  const { t } = useTranslation();
  if (!me) return [];
  const grants = me.user.grants;
  const cities = me.workspaces.includes('city')
    ? grants
        .filter((g) => (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.kind === 'city')
        .flatMap((g) => (g.scope ? [g.scope] : []))
        .filter((scope, i, all) => all.findIndex((s) => s.ref === scope.ref) === i)
        .map((scope) => ({
          to: `/workspace/${encodeURIComponent(scope.ref)}`,
          label: t('workspaces.city', { city: scope.name }),
        }))
    : [];
  const review = grants.some((g) => g.role === 'admin' || g.role === 'secretariat')
    ? [
        { to: '/admin/review', label: t('workspaces.review') },
        { to: '/admin/review-rounds', label: t('workspaces.reviewRounds') },
        { to: '/admin/membership', label: t('workspaces.membership') },
      ]
    : [];
  // A National Commission's queue of applications from its country (the link its mails carry).
  const commission = me.workspaces.includes('country')
    ? [{ to: '/membership/applications', label: t('workspaces.country') }]
    : [];
  // An expert reviewer's inbox of assignments.
  const reviewer = me.workspaces.includes('reviews') ? [{ to: '/review', label: t('workspaces.reviews') }] : [];
  const pages = me.workspaces.flatMap((w) => {
    const page = WORKSPACE_PAGES[w];
    return page ? [{ to: page.to, label: t(page.key) }] : [];
  });
  // The Award workspace, for everyone who takes part in it.
  const awards = grants.length > 0 ? [{ to: '/awards/workspace', label: t('workspaces.awards') }] : [];
  return [...cities, ...review, ...commission, ...reviewer, ...awards, ...pages];
}

/** "Sign in", or the signed-in person's menu (nothing while the session is being asked for). */
function AccountArea() {
  const { t } = useTranslation();
  const { session } = useMe();
  const { pathname, search } = useLocation();
  if (session.status === 'signed-in') {
    // Looks like the menu button while its code loads (a moment, once per visit).
    const standIn = (
      <span className="account-menu__button account-menu__button--pending" aria-hidden="true">
        <span className="account-menu__icon">●</span>
        <span className="account-menu__name">{session.me.user.displayName}</span>
        <span className="select__chevron">▾</span>
      </span>
    );
    return (
      <Suspense fallback={standIn}>
        <AccountMenu me={session.me} />
      </Suspense>
    );
  }
  if (session.status === 'loading') return <span className="account-area__placeholder" />;
  // Coming back where one was is the point of signing in; from the sign-in page itself, nowhere new.
  const here = `${pathname}${search}`;
  const href = pathname === '/sign-in' || pathname === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
  return (
    <Link className="account-area__sign-in" href={href} aria-current={pathname === '/sign-in' ? 'page' : undefined}>
      {t('session.signIn')}
    </Link>
  );
}

/** The first path segment: pages are "the same page" while it stays the same (filters, focus areas). */
function sectionOf(pathname: string): string {
  return pathname.split('/')[1] ?? '';
}

export function Layout() {
  const { t } = useTranslation();
  const { pathname, hash } = useLocation();
  const section = sectionOf(pathname);
  const previous = useRef(pathname);
  const { me } = useMe();
  const workspaces = useWorkspaceLinks(me);

  // A layout effect runs before the new page's (passive) effects, so its heading sees the request.
  useLayoutEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // With a #fragment the page scrolls to and focuses that target itself.
    if (hash) return;
    window.scrollTo(0, 0);
    requestHeadingFocus();
  }, [pathname, hash]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" href="/">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <path d="M16 2 2 10h28z" />
              <path d="M5 12h4v12H5zm6 0h4v12h-4zm6 0h4v12h-4zm6 0h4v12h-4zM3 26h26v2H3zm-1 3h28v2H2z" />
            </svg>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitcher />
            <AccountArea />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="site-nav__list">
            {NAV.map((item) => (
              <li key={item.to}>
                <Link
                  className="site-nav__link"
                  href={item.to}
                  aria-current={(item.sections as readonly string[]).includes(section) ? 'page' : undefined}
                >
                  {t(item.key)}
                </Link>
              </li>
            ))}
            {workspaces.map((item) => (
              <li key={item.to} className="site-nav__workspace">
                <Link
                  className="site-nav__link"
                  href={item.to}
                  aria-current={pathname === item.to || pathname.startsWith(`${item.to}/`) ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footer.text')}</p>
          <p>
            <Link href="/about#disclaimer">{t('footer.disclaimer')}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
