import type { CityResponse } from '@lco/core';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { RequireSession } from '../../components/Access.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ReviewResultsView } from '../../components/review/ReviewResults.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';
import '../../styles/review.css';

function Results({ slug, year }: { slug: string; year: number }) {
  const { t } = useTranslation();
  const city = useApi<CityResponse>(`/cities/${encodeURIComponent(slug)}`);
  const name = city.data?.city.name ?? slug;
  const title = t('review.results.pageTitle', { city: name, year: String(year) });
  useDocumentTitle(title);
  return (
    <div className="page page--review">
      <p className="breadcrumb">
        <Link href={`/workspace/${encodeURIComponent(slug)}?year=${year}#expert-review`}>
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {t('review.results.backToWorkspace')}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <ReviewResultsView slug={slug} year={year} empty={<p className="notice">{t('review.results.none')}</p>} />
    </div>
  );
}

/** A city's consolidated expert ratings for one year (the page the results mail links to). */
export default function ResultsPage() {
  const { slug = '', year = '' } = useParams();
  return <RequireSession>{() => <Results slug={slug} year={Number(year)} />}</RequireSession>;
}
