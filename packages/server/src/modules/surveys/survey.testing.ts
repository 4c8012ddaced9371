import { generateResponses, type PopulationMargins } from '@lco/core';
import type { FastifyInstance } from 'fastify';
import { hashToken } from '../../platform/security/tokens.ts';
import type { Agent } from '../../platform/testing/agent.ts';
import { SurveyRepository } from './survey.repository.ts';

/** Factories for survey tests: a design, a survey with an open wave, margins that add up, answers. */
export const DISTRICTS = [
  { code: 'north', name: 'North' },
  { code: 'south', name: 'South' },
];

export function citizenDesign(extra: Record<string, unknown> = {}) {
  return { kind: 'citizen', name: 'Residents 2025', districts: DISTRICTS, languages: ['en', 'fr', 'ar'], ...extra };
}

export const AGE_GROUPS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'];

export function margins(): PopulationMargins {
  const ageSex = AGE_GROUPS.flatMap((ageGroup, i) => [
    { ageGroup, sex: 'female', count: 8000 + i * 100 },
    { ageGroup, sex: 'male', count: 7800 + i * 90 },
  ]);
  const total = ageSex.reduce((a, c) => a + c.count, 0);
  return {
    ageSex,
    district: [
      { district: 'north', count: 50_000 },
      { district: 'south', count: total - 50_000 },
    ],
  };
}

/** A survey of the agent's city with one wave open from an hour ago for thirty days; returns their ids. */
export async function surveyWithWave(agent: Agent, slug: string, now: Date, design = citizenDesign()) {
  const survey = await agent.post(`/api/v1/cities/${slug}/surveys`, design);
  if (survey.statusCode !== 201) throw new Error(`test survey: ${survey.body}`);
  const surveyId = (survey.json() as { id: string }).id;
  const wave = await agent.post(`/api/v1/cities/${slug}/surveys/${surveyId}/waves`, {
    name: 'Spring wave',
    opensAt: new Date(now.getTime() - 3600_000).toISOString(),
    closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
  });
  if (wave.statusCode !== 201) throw new Error(`test wave: ${wave.body}`);
  const body = wave.json() as { id: string; code: string };
  return { surveyId, waveId: body.id, code: body.code };
}

/** Submitted answers straight into a wave (as an import would), generated from a seed. */
export async function seedAnswers(app: FastifyInstance, cityId: string, waveId: string, count: number, seed: number) {
  const repository = new SurveyRepository(app.db);
  const wave = await repository.findWave(cityId, waveId);
  if (!wave) throw new Error('test wave missing');
  const answers = generateResponses(wave.instrument, count, seed);
  return repository.insertImported(
    cityId,
    waveId,
    answers.map((a, i) => ({ tokenHash: hashToken(`seed-${seed}-${i}`), answers: a, lang: 'en' })),
    new Date(),
  );
}
