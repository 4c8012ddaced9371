import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';

/** A polite "Loading…" with a skeleton beneath it, for slow connections. */
export function Loading({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading">
      <p role="status" className="loading__text">
        {label ?? t('common.loading')}
      </p>
      {lines > 0 ? (
        <div className="skeleton" aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder bars have no identity.
            <span key={i} className="skeleton__line" />
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** The API's problem detail, or a connection hint, with a retry button. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = error.status === 0 ? t('error.network') : error.message || t('error.status', { status: error.status });
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">
        <span aria-hidden="true">⚠ </span>
        {t('error.title')}
      </p>
      <p className="error-state__detail">{detail}</p>
      {onRetry ? (
        <Button className="button" onPress={onRetry}>
          {t('error.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** A small inline "loading" note for data that is refreshing while the previous answer stays visible. */
export function Refreshing({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="refreshing">
      {active ? t('common.updating') : ''}
    </p>
  );
}
