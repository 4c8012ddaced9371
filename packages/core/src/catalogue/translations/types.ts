/** Translated titles keyed by `catalogueKey(kind, id)`, e.g. `'measurement:1.1.2a'`. */
export type CatalogueTranslations = Readonly<Record<string, string>>;
