import { useEffect } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../styles/about.css';

// The five UNESCO texts this platform implements (see the seeds README), oldest first.
const DOCUMENTS = ['beijing', 'keyFeaturesNote', 'guidingDocuments', 'mexicoReport', 'mexicoStatement'] as const;
const YEARS: Record<(typeof DOCUMENTS)[number], number> = {
  beijing: 2013,
  keyFeaturesNote: 2013,
  guidingDocuments: 2015,
  mexicoReport: 2015,
  mexicoStatement: 2015,
};

export default function AboutPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  useDocumentTitle(t('about.title'));

  // Arriving at /about#disclaimer (from the footer or a map): bring that section into view and focus.
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView();
    }
  }, [hash]);

  return (
    <div className="page page--about prose">
      <PageHeading>{t('about.heading')}</PageHeading>

      <section aria-labelledby="about-what">
        <h2 id="about-what">{t('about.whatHeading')}</h2>
        <p>{t('about.what1')}</p>
        <p>{t('about.what2')}</p>
        <ul>
          <li>
            <Link href="/framework">{t('nav.framework')}</Link> — {t('about.frameworkLine')}
          </li>
          <li>
            <Link href="/network">{t('nav.network')}</Link> — {t('about.networkLine')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="about-sources">
        <h2 id="about-sources">{t('about.sourcesHeading')}</h2>
        <p>{t('about.sourcesIntro')}</p>
        <ol className="documents">
          {DOCUMENTS.map((key) => (
            <li key={key}>
              <cite>{t(`about.documents.${key}`)}</cite> <span className="documents__year">({YEARS[key]})</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="about-translation">
        <h2 id="about-translation">{t('about.translationHeading')}</h2>
        <p>{t('about.translation')}</p>
        <p>
          {t('about.fallback')} <span className="fallback-mark">EN</span>
        </p>
      </section>

      <section aria-labelledby="disclaimer">
        <h2 id="disclaimer" tabIndex={-1}>
          {t('about.disclaimerHeading')}
        </h2>
        <p className="disclaimer">{t('about.disclaimer')}</p>
      </section>
    </div>
  );
}
