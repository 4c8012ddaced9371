import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  /** What is paged, for the navigation landmark ("Pages of cities"). */
  label: string;
}

/** Previous / "Page 2 of 7" / next, as links so every page has its own address. */
export function Pagination({ page, pages, hrefFor, label }: Props) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link className="button button--secondary" href={hrefFor(page - 1)}>
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {t('pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <p className="pagination__status">{t('pagination.status', { page, pages })}</p>
      {page < pages ? (
        <Link className="button button--secondary" href={hrefFor(page + 1)}>
          {t('pagination.next')}
          <span aria-hidden="true" className="flip">
            {' '}
            →
          </span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
