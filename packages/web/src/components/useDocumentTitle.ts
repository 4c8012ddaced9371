import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Page — Learning City Observatory" in the interface language; the product name alone on Home. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} — ${product}` : product;
  }, [page, product]);
}
