import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page page--not-found">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <ul className="cta-list">
        <li>
          <Link className="button" href="/">
            {t('nav.home')}
          </Link>
        </li>
        <li>
          <Link className="button button--secondary" href="/network">
            {t('nav.network')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
