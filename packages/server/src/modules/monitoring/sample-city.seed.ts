import { SAMPLE_SOURCE, type SampleData, sampleData } from '@lco/core';
import type { SampleCityRepository } from './sample-city.repository.ts';

export function sampleCitySeed(): SampleData {
  return sampleData();
}

/** Ten accepted years of invented figures and some targets for the fictional Sample City. */
export async function seedSampleCity(
  repository: SampleCityRepository,
  cityId: string,
  data: SampleData,
  at: Date,
): Promise<void> {
  await repository.upsertAcceptedCycles(cityId, data.years, at);
  await repository.upsertObservations(cityId, data.observations, SAMPLE_SOURCE, at);
  await repository.upsertTargets(cityId, data.targets, at);
}
