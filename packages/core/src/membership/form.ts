import type { Lang } from '../i18n/languages.ts';

/**
 * The constants of joining the network and reporting, without zod, so the web app can import them
 * (`@lco/core/membership`) without the schemas. The schemas in schemas/membership.ts are built from them.
 */

/** Word limit of the motivation and of the implementation text, as on the paper form. */
export const APPLICATION_WORD_LIMIT = 200;

/** The city's main challenges the form asks to rate 1 (minor) to 5 (major). The web app labels them. */
export const CITY_CHALLENGES = [
  'economic-development',
  'employment',
  'social-inclusion',
  'health-and-well-being',
  'environment-and-climate',
  'urbanisation-and-migration',
  'access-to-education',
  'digital-divide',
  'culture-and-heritage',
  'governance-and-participation',
] as const;

/** The Guiding Documents an applicant adopts, titled in each language; the web app shows them in the applicant's. */
export const GUIDING_DOCUMENTS: Readonly<
  Record<'beijingDeclaration' | 'keyFeatures', { title: Record<Lang, string>; url: string }>
> = {
  beijingDeclaration: {
    title: {
      en: 'Beijing Declaration on Building Learning Cities',
      fr: 'Déclaration de Beijing sur la création de villes apprenantes',
      es: 'Declaración de Beijing sobre la Construcción de Ciudades del Aprendizaje',
      ar: 'إعلان بيجين بشأن بناء مدن التعلّم',
      zh: '建设学习型城市北京宣言',
      ru: 'Пекинская декларация о создании обучающихся городов',
    },
    url: 'https://uil.unesco.org/lifelong-learning/learning-cities/beijing-declaration',
  },
  keyFeatures: {
    title: {
      en: 'Key Features of Learning Cities',
      fr: 'Caractéristiques clés des villes apprenantes',
      es: 'Características Clave de las Ciudades del Aprendizaje',
      ar: 'السمات الرئيسية لمدن التعلّم',
      zh: '学习型城市的主要特征',
      ru: 'Ключевые характеристики обучающихся городов',
    },
    url: 'https://uil.unesco.org/lifelong-learning/learning-cities/key-features',
  },
};

/** The states of a membership application, in the order it moves through them. */
export const APPLICATION_STATES = [
  'draft',
  'signed',
  'submitted',
  'endorsed',
  'declined',
  'recommended',
  'accepted',
  'not-accepted',
  'expired',
] as const;

/** A member's reporting status on the compliance board. */
export const COMPLIANCE_STATUSES = ['on-time', 'due', 'overdue', 'missing'] as const;
