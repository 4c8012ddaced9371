import type { CatalogueTranslations } from './types.ts';

/** Unofficial translation of catalogue titles; English (the seeds) is authoritative. */
export const ru: CatalogueTranslations = {};
