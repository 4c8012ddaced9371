import 'i18next';
import type accounts from './locales/accounts/en.json';
import type awards from './locales/awards/en.json';
import type en from './locales/en.json';
import type membership from './locales/membership/en.json';
import type monitoring from './locales/monitoring/en.json';
import type review from './locales/review/en.json';
import type surveys from './locales/surveys/en.json';

// Type-checks every t('key') against the English messages, which the other five mirror. The accounts,
// monitoring and review messages load later into the same namespace (see i18n.ts), with top-level keys of their own.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en &
        typeof accounts &
        typeof monitoring &
        typeof review &
        typeof membership &
        typeof awards &
        typeof surveys;
    };
  }
}
