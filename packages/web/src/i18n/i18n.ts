import { isLang, LANGUAGES, type Lang, RTL_LANGUAGES } from '@lco/core/i18n';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

const STORAGE_KEY = 'lco.lang';

// English ships with the entry chunk; the other five load on demand so Home stays small.
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<{ default: object }>> = {
  fr: () => import('./locales/fr.json'),
  es: () => import('./locales/es.json'),
  ar: () => import('./locales/ar.json'),
  zh: () => import('./locales/zh.json'),
  ru: () => import('./locales/ru.json'),
};

// Pages most visitors never open bring their own messages, merged into the same namespace when such a
// page first loads, so Home stays lighter by their weight: locales/<set>/<lang>.json, key for key like the
// main files. `accounts`: signing in, invitations, one's account, administration. `monitoring`: a city's
// progress, its measurements, the city workspace and the secretariat's review. `review`: expert review
// (narratives, the reviewers' inbox and rating screen, rounds, rubrics, results). `membership`: joining the
// network and biennial reports (the city's application, the National Commission's queue, the secretariat's board).
// `awards`: the Learning City Award (the public record, applications, nominations, review board, ballot).
// `surveys`: the city team's survey workspace (waves, margins, weighting, estimates).
type ExtraSet = 'accounts' | 'monitoring' | 'review' | 'membership' | 'awards' | 'surveys';
const extraLoaders: Record<ExtraSet, Record<string, () => Promise<{ default: object }>>> = {
  accounts: import.meta.glob<{ default: object }>('./locales/accounts/*.json'),
  monitoring: import.meta.glob<{ default: object }>('./locales/monitoring/*.json'),
  review: import.meta.glob<{ default: object }>('./locales/review/*.json'),
  membership: import.meta.glob<{ default: object }>('./locales/membership/*.json'),
  awards: import.meta.glob<{ default: object }>('./locales/awards/*.json'),
  surveys: import.meta.glob<{ default: object }>('./locales/surveys/*.json'),
};
const wanted = new Set<ExtraSet>();
const loaded = {
  main: new Set<Lang>(['en']),
  accounts: new Set<Lang>(),
  monitoring: new Set<Lang>(),
  review: new Set<Lang>(),
  membership: new Set<Lang>(),
  awards: new Set<Lang>(),
  surveys: new Set<Lang>(),
} satisfies Record<'main' | ExtraSet, Set<Lang>>;

/** Each language's name in its own script, for the switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
  ru: 'Русский',
};

export { LANGUAGES };

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private modes, strict settings): the choice then lasts for the visit.
    return null;
  }
}

function store(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See readStored.
  }
}

function fromBrowser(): Lang | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return null;
}

/**
 * The language to start in: `?lang=` in the address (links shared by cities), then the stored
 * choice, then the browser's preference. A `lang` query parameter is removed from the address once
 * read, so that a later switch is not undone by a reload.
 */
function initialLanguage(): Lang {
  const url = new URL(window.location.href);
  const requested = url.searchParams.get('lang')?.toLowerCase().split('-')[0];
  if (url.searchParams.has('lang')) {
    url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  if (isLang(requested)) {
    store(requested);
    return requested;
  }
  const stored = readStored();
  if (isLang(stored)) return stored;
  return fromBrowser() ?? 'en';
}

/** Sets `<html lang dir>`; Arabic turns the whole layout right-to-left through logical CSS properties. */
function applyDocumentLanguage(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
}

async function ensureMessages(lang: Lang): Promise<void> {
  if (!loaded.main.has(lang) && lang !== 'en') {
    const messages = await loaders[lang]();
    i18next.addResourceBundle(lang, 'translation', messages.default, true, true);
    loaded.main.add(lang);
  }
  await Promise.all(
    [...wanted]
      .filter((set) => !loaded[set].has(lang))
      .map(async (set) => {
        const load = extraLoaders[set][`./locales/${set}/${lang}.json`];
        if (!load) throw new Error(`no ${set} messages for ${lang}`);
        i18next.addResourceBundle(lang, 'translation', (await load()).default, true, true);
        loaded[set].add(lang);
      }),
  );
}

async function loadExtraMessages(set: ExtraSet): Promise<void> {
  wanted.add(set);
  const lang = i18next.language;
  if (isLang(lang)) await ensureMessages(lang);
  // English is the fallback of every key, as for the main messages.
  if (lang !== 'en') await ensureMessages('en');
}

/** Load the accounts pages' messages for the current language (and for every later switch). */
export function loadAccountMessages(): Promise<void> {
  return loadExtraMessages('accounts');
}

/** Load the monitoring pages' messages (progress, measurements, workspace, review), as for the accounts ones. */
export function loadMonitoringMessages(): Promise<void> {
  return loadExtraMessages('monitoring');
}

/** Load the expert review messages (narratives, inbox, rating, rounds, rubrics, results), as for the others. */
export function loadReviewMessages(): Promise<void> {
  return loadExtraMessages('review');
}

/** Load the membership messages (applications, endorsements, calls, reports, compliance), as for the others. */
export function loadMembershipMessages(): Promise<void> {
  return loadExtraMessages('membership');
}

/** Load the Award messages (public record, applications, nominations, scores, ballot), as for the others. */
export function loadAwardMessages(): Promise<void> {
  return loadExtraMessages('awards');
}

/** Load the survey workspace messages (waves, margins, weighting, estimates), as for the others. */
export function loadSurveyMessages(): Promise<void> {
  return loadExtraMessages('surveys');
}

/** Switch the interface language: load its messages, then re-render, persist and update `<html>`. */
export async function changeLanguage(lang: Lang): Promise<void> {
  await ensureMessages(lang);
  await i18next.changeLanguage(lang);
  store(lang);
}

/** Initialise i18next before the first render, so a French visitor never sees an English flash. */
export async function initI18n(): Promise<Lang> {
  const lang = initialLanguage();
  applyDocumentLanguage(lang);
  i18next.on('languageChanged', (lng) => {
    if (isLang(lng)) applyDocumentLanguage(lng);
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lang !== 'en') {
    try {
      await changeLanguage(lang);
    } catch {
      // The language chunk failed to load (offline, flaky network): carry on in English.
      applyDocumentLanguage('en');
    }
  }
  return lang;
}
