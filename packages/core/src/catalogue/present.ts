import type { Lang, LocalizedText, Translations } from '../i18n/languages.ts';
import { localize, SOURCE_LANG } from '../i18n/languages.ts';
import type { FrameworkResponse, MeasurementOut, MeasurementResponse } from '../schemas/framework.ts';
import { allMeasurementContexts, catalogue, findMeasurementContext, type MeasurementContext } from './catalogue.ts';
import { type CatalogueTranslations, translationsFor } from './translations/index.ts';
import type { Commitment, Feature, Measurement, TranslatedKind } from './types.ts';
import { catalogueKey } from './types.ts';

/*
 * Presenters: the catalogue as the public JSON shapes of schemas/framework.ts, in one language. Each takes
 * the translations to use as an optional last argument (default: ours for that language), so that a test or
 * a preview of a draft translation can pass its own.
 * Titles and names are translated where a translation exists; every other text (definitions, commitments,
 * actions, direction texts) is English-only for now. Every text says which language it is really in, so a
 * fallback to English is always visible.
 */

type LanguageMeta = 'lang' | 'requestedLang' | 'fallback';
/** The framework response without the language meta fields, which the server adds. */
export type FrameworkBody = Omit<FrameworkResponse, LanguageMeta>;
/** The measurement response without the language meta fields, which the server adds. */
export type MeasurementBody = Omit<MeasurementResponse, LanguageMeta>;

/** In the requested language: the English text is authoritative, the others are unofficial translations. */
export const TRANSLATION_NOTICES: Readonly<Record<Lang, string>> = {
  en: 'The English text of this catalogue is authoritative; the other languages are unofficial translations.',
  fr: 'Le texte anglais de ce catalogue fait foi ; les autres langues sont des traductions non officielles.',
  es: 'El texto en inglés de este catálogo es el único auténtico; los demás idiomas son traducciones no oficiales.',
  ar: 'النص الإنجليزي لهذا الفهرس هو النص المعتمد، أما اللغات الأخرى فهي ترجمات غير رسمية.',
  zh: '本目录以英文文本为准，其他语言版本均为非官方译文。',
  ru: 'Аутентичным является текст этого каталога на английском языке; тексты на других языках — неофициальные переводы.',
};

/** A title in `lang` when translated, else the English text marked as English. */
function titleIn(
  translations: CatalogueTranslations,
  lang: Lang,
  kind: TranslatedKind,
  id: string | number,
  english: string,
): LocalizedText {
  const texts: Translations = { en: english };
  const translated = translations[catalogueKey(kind, id)];
  if (lang !== SOURCE_LANG && translated !== undefined) texts[lang] = translated;
  return localize(texts, lang);
}

/** Text we only have in English. */
function english(text: string): LocalizedText {
  return { text, lang: SOURCE_LANG };
}

function presentCommitment(commitment: Commitment): MeasurementBody['focusArea']['commitment'] {
  return {
    number: commitment.number,
    text: english(commitment.text),
    actions: commitment.actions.map(english),
  };
}

function presentMeasurementOut(
  context: MeasurementContext,
  translations: CatalogueTranslations,
  lang: Lang,
): MeasurementOut {
  const m: Measurement = context.measurement;
  return {
    id: m.id,
    featureCode: m.featureCode,
    focusAreaId: context.focusArea.id,
    areaId: context.area.id,
    name: titleIn(translations, lang, 'measurement', m.id, m.name),
    definition: english(m.definition),
    source: m.source,
    unit: m.unit,
    breakdowns: m.breakdowns.map((b) => ({ dimension: b.dimension, categories: [...b.categories] })),
    polarity: m.polarity,
    range: { min: m.range.min, max: m.range.max },
    sdgTargets: [...m.sdgTargets],
    mexicoDirections: [...m.mexicoDirections],
    reconstruction: m.reconstruction ? { ...m.reconstruction } : null,
  };
}

function featureTitle(feature: Feature, translations: CatalogueTranslations, lang: Lang): LocalizedText {
  return titleIn(translations, lang, 'feature', feature.code, feature.title);
}

/**
 * The whole framework in one language, shaped as `FrameworkResponse` minus its language meta fields.
 * @example
 * const body = presentFramework('fr');
 * body.areas[0].title // { text: '<French title>', lang: 'fr' } or, untranslated, { text: 'Wider benefits …', lang: 'en' }
 * body.areas[0].focusAreas[0].commitment.text.lang // 'en' (commitments are English-only for now)
 * presentFramework('fr', {}).areas[0].title // { text: 'Wider benefits …', lang: 'en' } (translations injected)
 */
export function presentFramework(lang: Lang, t: CatalogueTranslations = translationsFor(lang)): FrameworkBody {
  return {
    version: catalogue.version,
    translationNotice: TRANSLATION_NOTICES[lang],
    areas: catalogue.areas.map((area) => ({
      id: area.id,
      role: area.role,
      title: titleIn(t, lang, 'area', area.id, area.title),
      focusAreas: area.focusAreas.map((focusArea) => ({
        id: focusArea.id,
        areaId: focusArea.areaId,
        title: titleIn(t, lang, 'focus', focusArea.id, focusArea.title),
        commitment: presentCommitment(focusArea.commitment),
        features: focusArea.features.map((feature) => ({
          code: feature.code,
          title: featureTitle(feature, t, lang),
          reconstruction: feature.reconstruction ? { ...feature.reconstruction } : null,
          measurements: feature.measurements.map((measurement) =>
            presentMeasurementOut({ area, focusArea, feature, measurement }, t, lang),
          ),
        })),
      })),
    })),
    strategicDirections: catalogue.strategicDirections.map((d) => ({
      number: d.number,
      title: titleIn(t, lang, 'direction', d.number, d.title),
      text: english(d.text),
    })),
    areasOfAction: catalogue.areasOfAction.map((a) => ({
      number: a.number,
      title: titleIn(t, lang, 'action-area', a.number, a.title),
      actions: a.actions.map(english),
    })),
    ratingLabels: catalogue.ratingLabels.map((r) => ({
      value: r.value,
      label: titleIn(t, lang, 'rating', r.value, r.label),
    })),
  };
}

/**
 * One measurement with its feature, focus area (and Beijing commitment) and area, shaped as
 * `MeasurementResponse` minus its language meta fields; undefined when the id is unknown.
 * @example presentMeasurement('1.1.1a', 'en')?.measurement.name // { text: 'Adult literacy rate', lang: 'en' }
 * @example presentMeasurement('nope', 'en') // undefined
 */
export function presentMeasurement(
  id: string,
  lang: Lang,
  t: CatalogueTranslations = translationsFor(lang),
): MeasurementBody | undefined {
  const context = findMeasurementContext(id);
  if (context === undefined) return undefined;
  const { area, focusArea, feature } = context;
  return {
    measurement: presentMeasurementOut(context, t, lang),
    feature: {
      code: feature.code,
      title: featureTitle(feature, t, lang),
      reconstruction: feature.reconstruction ? { ...feature.reconstruction } : null,
    },
    focusArea: {
      id: focusArea.id,
      title: titleIn(t, lang, 'focus', focusArea.id, focusArea.title),
      commitment: presentCommitment(focusArea.commitment),
    },
    area: { id: area.id, title: titleIn(t, lang, 'area', area.id, area.title) },
  };
}

/** One measurement as a flat, CSV-friendly row. */
export interface MeasurementRow {
  id: string;
  areaId: string;
  focusAreaId: string;
  featureCode: string;
  featureTitle: string;
  /** The language `featureTitle` is really in ('en' when not translated yet). */
  featureTitleLang: Lang;
  name: string;
  /** The language `name` is really in ('en' when not translated yet). */
  nameLang: Lang;
  /** English-only for now. */
  definition: string;
  source: Measurement['source'];
  unit: Measurement['unit'];
  /** 'sex:male|female|total;setting:schools|community-learning-spaces', or '' without breakdowns. */
  breakdowns: string;
  polarity: Measurement['polarity'];
  min: number;
  /** null when unbounded. */
  max: number | null;
  /** SDG targets joined by ';', e.g. '9.c;17.8'. */
  sdgTargets: string;
  /** Mexico City strategic directions joined by ';', e.g. '5;8'. */
  mexicoDirections: string;
  /** True when the measurement or the feature it belongs to carries reconstructed text. */
  reconstructed: boolean;
}

/**
 * The 60 measurements as flat rows, one per measurement, in table order (for `lco catalogue --format csv`).
 * @example measurementRows('en')[0]
 * // { id: '1.1.1a', areaId: '1', focusAreaId: '1.1', featureCode: '1.1.1', name: 'Adult literacy rate',
 * //   breakdowns: 'sex:male|female|total', unit: 'percent', min: 0, max: 100, sdgTargets: '4.6', … }
 */
export function measurementRows(lang: Lang, t: CatalogueTranslations = translationsFor(lang)): MeasurementRow[] {
  return allMeasurementContexts().map((context) => {
    const m = context.measurement;
    const title = featureTitle(context.feature, t, lang);
    const name = titleIn(t, lang, 'measurement', m.id, m.name);
    return {
      id: m.id,
      areaId: context.area.id,
      focusAreaId: context.focusArea.id,
      featureCode: m.featureCode,
      featureTitle: title.text,
      featureTitleLang: title.lang,
      name: name.text,
      nameLang: name.lang,
      definition: m.definition,
      source: m.source,
      unit: m.unit,
      breakdowns: m.breakdowns.map((b) => `${b.dimension}:${b.categories.join('|')}`).join(';'),
      polarity: m.polarity,
      min: m.range.min,
      max: m.range.max,
      sdgTargets: m.sdgTargets.join(';'),
      mexicoDirections: m.mexicoDirections.join(';'),
      reconstructed: m.reconstruction !== undefined || context.feature.reconstruction !== undefined,
    };
  });
}
