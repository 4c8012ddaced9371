import { isLang, type Lang } from '@lco/core/i18n';
import { useTranslation } from 'react-i18next';

/** The current interface language; components re-render when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : 'en';
}
