export {
  allFeatures,
  allFocusAreas,
  allMeasurementContexts,
  allMeasurements,
  catalogue,
  findMeasurement,
  findMeasurementContext,
  type MeasurementContext,
  translationKeys,
} from './catalogue.ts';
export {
  type FrameworkBody,
  type MeasurementBody,
  type MeasurementRow,
  measurementRows,
  presentFramework,
  presentMeasurement,
  TRANSLATION_NOTICES,
} from './present.ts';
export {
  type CatalogueTranslations,
  TRANSLATED_LANGS,
  type TranslatedLang,
  translationsFor,
} from './translations/index.ts';
export * from './types.ts';
