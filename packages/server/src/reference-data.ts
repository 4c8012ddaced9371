import { sampleWave } from '@lco/core';
import { CatalogueRepository } from './modules/monitoring/catalogue.repository.ts';
import { catalogueSeed, seedCatalogue } from './modules/monitoring/catalogue.seed.ts';
import { SampleCityRepository } from './modules/monitoring/sample-city.repository.ts';
import { sampleCitySeed, seedSampleCity } from './modules/monitoring/sample-city.seed.ts';
import { NetworkRepository } from './modules/network/network.repository.ts';
import { networkSeed, SAMPLE_CITY_SLUG, seedNetwork } from './modules/network/network.seed.ts';
import { ReviewRepository } from './modules/reviews/review.repository.ts';
import { rubricSeed, seedRubrics } from './modules/reviews/rubric.service.ts';
import { seedSampleWave } from './modules/surveys/sample-wave.seed.ts';
import { SurveyRepository } from './modules/surveys/survey.repository.ts';
import type { Database } from './platform/db/client.ts';

/*
 * The reference data every installation has, derived from the code: the catalogue, the network directory, the
 * fictional Sample City's invented series and survey wave, and the expert-review rubrics. Loaded on demand by
 * `seed` (bootstrap.ts): the countries dataset alone is a megabyte of code, which a restart whose seed is
 * already current (issue #2: ready within 2 s) need not compile.
 */

export type ReferenceData = ReturnType<typeof referenceData>;

/** Every seeded row set (the Sample City's series and survey wave by seeded generators). */
export function referenceData() {
  return {
    catalogue: catalogueSeed(),
    network: networkSeed(),
    sample: sampleCitySeed(),
    rubrics: rubricSeed(),
    surveyWave: sampleWave(),
  };
}

/** Write the reference data, inside the caller's transaction. */
export async function writeReferenceData(tx: Database, data: ReferenceData): Promise<void> {
  const { catalogue, network, sample, rubrics, surveyWave } = data;
  await seedCatalogue(new CatalogueRepository(tx), catalogue);
  const networkRepository = new NetworkRepository(tx);
  await seedNetwork(networkRepository, network);
  const sampleCity = await networkRepository.findCityBySlug(SAMPLE_CITY_SLUG);
  if (!sampleCity) throw new Error('Sample City was not seeded');
  await seedSampleCity(new SampleCityRepository(tx), sampleCity.id, sample, new Date());
  await seedRubrics(new ReviewRepository(tx), rubrics, new Date());
  await seedSampleWave(new SurveyRepository(tx), sampleCity.id, surveyWave, new Date());
}
