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
import { type DatabaseHandle, type Opening, type OpenOptions, startOpening } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { applySeed } from './platform/db/seed-state.ts';

export interface SeedOptions {
  /** Write even when the rows equal the last seed (e.g. `lco seed` after a hand edit of the database). */
  force?: boolean;
}

/**
 * Reference data every installation has: the catalogue, the network directory, the fictional Sample
 * City's invented series and survey wave, and the expert-review rubrics shipped with the code. Idempotent; skipped
 * when the rows equal the last seed. Returns whether anything was written.
 */
export async function seed(handle: DatabaseHandle, options: SeedOptions = {}): Promise<boolean> {
  let derived: ReturnType<typeof referenceData> | undefined;
  const data = () => {
    derived ??= referenceData();
    return derived;
  };
  // One transaction: a half-written directory never survives a crash or a failed constraint.
  return handle.db.transaction((tx) =>
    applySeed(
      tx,
      'reference-data',
      data,
      async () => {
        const { catalogue, network, sample, rubrics, surveyWave } = data();
        await seedCatalogue(new CatalogueRepository(tx), catalogue);
        const networkRepository = new NetworkRepository(tx);
        await seedNetwork(networkRepository, network);
        const sampleCity = await networkRepository.findCityBySlug(SAMPLE_CITY_SLUG);
        if (!sampleCity) throw new Error('Sample City was not seeded');
        await seedSampleCity(new SampleCityRepository(tx), sampleCity.id, sample, new Date());
        await seedRubrics(new ReviewRepository(tx), rubrics, new Date());
        await seedSampleWave(new SurveyRepository(tx), sampleCity.id, surveyWave, new Date());
      },
      options,
    ),
  );
}

/** Every seeded row set, derived from the code (the Sample City's series and survey wave by seeded generators). */
function referenceData() {
  return {
    catalogue: catalogueSeed(),
    network: networkSeed(),
    sample: sampleCitySeed(),
    rubrics: rubricSeed(),
    surveyWave: sampleWave(),
  };
}

/** Open the configured database, bring its schema up to date and seed it: what `lco serve` does first. */
export async function openPrepared(options: OpenOptions): Promise<DatabaseHandle> {
  return prepare(await startOpening(options));
}

/** Wait for an opening database, then migrate and seed it; closes it on failure. */
export async function prepare({ handle, ready }: Opening): Promise<DatabaseHandle> {
  try {
    await ready;
    await migrate(handle);
    await seed(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
