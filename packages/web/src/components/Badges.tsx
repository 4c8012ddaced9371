import { useTranslation } from 'react-i18next';

/** Marks the invented Sample City wherever it is listed; text and icon, never colour alone. */
export function FictionalBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--fictional">
      <span aria-hidden="true">◇ </span>
      {t('fictional.badge')}
    </span>
  );
}

export function FictionalBanner() {
  const { t } = useTranslation();
  return (
    <div className="banner banner--fictional" role="note">
      <p className="banner__title">
        <span aria-hidden="true">◇ </span>
        {t('fictional.banner')}
      </p>
      <p>{t('fictional.bannerText')}</p>
    </div>
  );
}
