/** The six official UN languages; English is the source language of every UNESCO text we carry. */
export const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const SOURCE_LANG: Lang = 'en';

/** Languages written right to left among ours. */
export const RTL_LANGUAGES: readonly Lang[] = ['ar'];

/**
 * Is this string one of our six languages?
 * @example isLang('fr') // true
 * @example isLang('de') // false
 */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** What a request asked for and what it gets: an unknown language falls back to English, visibly. */
export interface LangResolution {
  lang: Lang;
  requested: string | null;
  fallback: boolean;
}

/**
 * Resolve a requested language code (case-insensitive, region subtags ignored).
 * @example resolveLang('fr-CA') // { lang: 'fr', requested: 'fr-CA', fallback: false }
 * @example resolveLang('de')    // { lang: 'en', requested: 'de', fallback: true }
 * @example resolveLang(undefined) // { lang: 'en', requested: null, fallback: false }
 */
export function resolveLang(requested: string | null | undefined): LangResolution {
  if (requested === undefined || requested === null || requested === '') {
    return { lang: SOURCE_LANG, requested: null, fallback: false };
  }
  const primary = requested.toLowerCase().split(/[-_]/)[0];
  if (isLang(primary)) return { lang: primary, requested, fallback: false };
  return { lang: SOURCE_LANG, requested, fallback: true };
}

/** A text as served: its content and the language it is actually in (which may be the English fallback). */
export interface LocalizedText {
  text: string;
  lang: Lang;
}

/** A text with its English source and any translations we have (keyed by language). */
export type Translations = Partial<Record<Lang, string>> & { en: string };

/**
 * Pick a language's text, falling back to English and saying so through `lang`.
 * @example localize({ en: 'Leadership', fr: 'Leadership' }, 'fr') // { text: 'Leadership', lang: 'fr' }
 * @example localize({ en: 'Leadership' }, 'zh') // { text: 'Leadership', lang: 'en' }
 */
export function localize(texts: Translations, lang: Lang): LocalizedText {
  const text = texts[lang];
  if (text !== undefined && text.trim() !== '') return { text, lang };
  return { text: texts.en, lang: SOURCE_LANG };
}
