import type { Lang } from '../../i18n/languages.ts';
import { ar } from './ar.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ru } from './ru.ts';
import type { CatalogueTranslations } from './types.ts';
import { zh } from './zh.ts';

export type { CatalogueTranslations } from './types.ts';

/** The languages that carry (unofficial) translations of the catalogue; English is the source. */
export const TRANSLATED_LANGS = ['fr', 'es', 'ar', 'zh', 'ru'] as const satisfies readonly Lang[];
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];

const BY_LANG: Readonly<Record<TranslatedLang, CatalogueTranslations>> = { fr, es, ar, zh, ru };

/** English is the source text, so it has nothing to look up. */
const NONE: CatalogueTranslations = Object.freeze({});

/**
 * The translated catalogue titles of a language, keyed by `catalogueKey(kind, id)`. A key that is missing
 * means "not translated yet": callers fall back to the English text and say so.
 * @example translationsFor('fr')['focus:1.1'] // the French title of focus area 1.1, or undefined
 * @example translationsFor('en') // {} — English is the source
 */
export function translationsFor(lang: Lang): CatalogueTranslations {
  return lang === 'en' ? NONE : BY_LANG[lang];
}
