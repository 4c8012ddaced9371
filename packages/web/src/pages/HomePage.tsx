import type { FrameworkResponse } from '@lco/core';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { Temple } from '../components/Temple.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(undefined);
  const framework = useApi<FrameworkResponse>('/framework');

  return (
    <div className="page page--home">
      <section className="hero" aria-labelledby="home-title">
        <PageHeading id="home-title">{t('app.name')}</PageHeading>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>

      <section className="intro" aria-labelledby="intro-title">
        <h2 id="intro-title">{t('home.introHeading')}</h2>
        <p className="intro__text">{t('home.intro')}</p>
        <p className="intro__source">{t('home.introSource')}</p>
        <ul className="cta-list">
          <li>
            <Link className="button" href="/framework">
              {t('home.ctaFramework')}
            </Link>
          </li>
          <li>
            <Link className="button button--secondary" href="/network">
              {t('home.ctaNetwork')}
            </Link>
          </li>
        </ul>
      </section>

      <section className="framework-figure" aria-labelledby="temple-title">
        <h2 id="temple-title">{t('home.templeHeading')}</h2>
        <p>{t('home.templeIntro')}</p>
        {framework.error ? <ErrorState error={framework.error} onRetry={framework.retry} /> : null}
        {framework.loading && !framework.data ? <Loading lines={0} /> : null}
        <Temple framework={framework.data} />
      </section>
    </div>
  );
}
