import type { SampleWave } from '@lco/core';
import { hashToken } from '../../platform/security/tokens.ts';
import type { SurveyRepository } from './survey.repository.ts';

/**
 * Sample City's residents' survey, its wave (open, at /s/sample-city/sample), census margins and 600
 * generated responses, so the fieldwork flow can be seen on first start. Idempotent: the same rows again.
 */
export async function seedSampleWave(repository: SurveyRepository, cityId: string, sample: SampleWave, at: Date) {
  const { kind, ...design } = sample.design;
  await repository.upsertSurvey({
    cityId,
    id: sample.surveyId,
    kind,
    name: sample.name,
    design,
    version: sample.instrument.version,
    createdAt: at,
    updatedAt: at,
  });
  await repository.upsertWave({
    cityId,
    id: sample.waveId,
    surveyId: sample.surveyId,
    name: sample.name,
    code: sample.code,
    instrument: sample.instrument,
    opensAt: new Date(sample.opensAt),
    closesAt: new Date(sample.closesAt),
    languages: [...sample.design.languages],
    margins: sample.margins,
    createdAt: at,
    updatedAt: at,
  });
  await repository.insertImported(
    cityId,
    sample.waveId,
    sample.responses.map((answers, i) => ({ tokenHash: hashToken(`sample-wave:${i}`), answers, lang: 'en' })),
    new Date(sample.opensAt),
  );
}
