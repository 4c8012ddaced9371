import { allMeasurements, catalogue } from '@lco/core';
import type { CatalogueRepository } from './catalogue.repository.ts';

export type CatalogueSeed = Parameters<CatalogueRepository['upsertMeasurements']>[0];

/** The catalogue's measurements as the database keeps them (the text stays in @lco/core). */
export function catalogueSeed(): CatalogueSeed {
  return allMeasurements().map((m) => ({
    version: catalogue.version,
    id: m.id,
    featureCode: m.featureCode,
    source: m.source,
    unit: m.unit,
    polarity: m.polarity,
  }));
}

/** Register the measurements; safe to run on every start. */
export async function seedCatalogue(repository: CatalogueRepository, seed: CatalogueSeed): Promise<void> {
  await repository.upsertMeasurements(seed);
}
