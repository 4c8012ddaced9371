import { allMeasurements, catalogue } from '@lco/core';
import type { CatalogueRepository } from './catalogue.repository.ts';

/** Registers the catalogue's measurements in the database; safe to run on every start. */
export async function seedCatalogue(repository: CatalogueRepository): Promise<void> {
  await repository.upsertMeasurements(
    allMeasurements().map((m) => ({
      version: catalogue.version,
      id: m.id,
      featureCode: m.featureCode,
      source: m.source,
      unit: m.unit,
      polarity: m.polarity,
    })),
  );
}
