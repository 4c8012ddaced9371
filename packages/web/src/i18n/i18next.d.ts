import 'i18next';
import type en from './locales/en.json';

// Type-checks every t('key') against the English messages, which the other five mirror.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
