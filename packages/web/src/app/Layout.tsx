import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { requestHeadingFocus } from '../components/PageHeading.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

// Each entry is current for the sections it leads to (a city profile belongs to the network).
const NAV = [
  { to: '/', key: 'nav.home', sections: [''] },
  { to: '/framework', key: 'nav.framework', sections: ['framework'] },
  { to: '/network', key: 'nav.network', sections: ['network', 'cities'] },
  { to: '/about', key: 'nav.about', sections: ['about'] },
] as const;

/** The first path segment: pages are "the same page" while it stays the same (filters, focus areas). */
function sectionOf(pathname: string): string {
  return pathname.split('/')[1] ?? '';
}

export function Layout() {
  const { t } = useTranslation();
  const { pathname, hash } = useLocation();
  const section = sectionOf(pathname);
  const previous = useRef(pathname);

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
          <LanguageSwitcher />
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
