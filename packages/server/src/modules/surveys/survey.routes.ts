import {
  buildInstrument,
  CreateSurveyBodySchema,
  CreateWaveBodySchema,
  InstrumentOutSchema,
  NOT_SURVEYED,
  PopulationMarginsSchema,
  ProblemSchema,
  SURVEY_TRANSLATION_NOTICES,
  SurveyKindSchema,
  SurveyOutSchema,
  UpdateSurveyBodySchema,
  UpdateWaveBodySchema,
  WaveOutSchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { SurveyService } from './survey.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const city = z.object({ slug: z.string().min(1).max(200) });
const survey = city.extend({ surveyId: z.uuid() });
const wave = city.extend({ waveId: z.uuid() });
const tags = ['surveys'];

export function surveyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const surveys = new SurveyService(ctx);

    app.get(
      '/survey-instruments/:kind',
      {
        schema: {
          tags,
          summary:
            'The standard instrument of a kind with every question in six languages (public; one example district)',
          params: z.object({ kind: SurveyKindSchema }),
          response: {
            200: z.object({
              instrument: InstrumentOutSchema,
              translationNotices: z.record(z.string(), z.string()),
              notSurveyed: z.record(z.string(), z.string()),
            }),
            ...problems,
          },
        },
      },
      async (request) => ({
        instrument: buildInstrument(
          {
            kind: request.params.kind,
            districts: [{ code: 'district-1', name: 'District 1' }],
            languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
          },
          1,
        ),
        translationNotices: { ...SURVEY_TRANSLATION_NOTICES },
        notSurveyed: { ...NOT_SURVEYED },
      }),
    );

    app.get(
      '/cities/:slug/surveys',
      {
        schema: {
          tags,
          summary: "The city's survey instruments with their waves (city team)",
          params: city,
          response: { 200: z.object({ items: z.array(SurveyOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return { items: await surveys.list(requireActor(request), request.params.slug) };
      },
    );

    app.post(
      '/cities/:slug/surveys',
      {
        schema: {
          tags,
          summary:
            'Design a survey from the catalogue: kind, measurements, districts, local questions, languages (city team)',
          params: city,
          body: CreateSurveyBodySchema,
          response: { 201: SurveyOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        const created = await surveys.create(
          requireActor(request),
          request.params.slug,
          request.body,
          requestMeta(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/cities/:slug/surveys/:surveyId',
      {
        schema: {
          tags,
          summary: 'A survey: its design, the instrument the next wave fields, its waves (city team)',
          params: survey,
          response: { 200: SurveyOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return surveys.get(requireActor(request), request.params.slug, request.params.surveyId);
      },
    );

    app.patch(
      '/cities/:slug/surveys/:surveyId',
      {
        schema: {
          tags,
          summary: 'Change a survey design; once a wave fielded it, the change is a new version (city team)',
          params: survey,
          body: UpdateSurveyBodySchema,
          response: { 200: SurveyOutSchema, ...problems },
        },
      },
      async (request) =>
        surveys.update(
          requireActor(request),
          request.params.slug,
          request.params.surveyId,
          request.body,
          requestMeta(request),
        ),
    );

    app.post(
      '/cities/:slug/surveys/:surveyId/waves',
      {
        schema: {
          tags,
          summary: 'Field the current version in a wave with opening and closing dates and languages (city team)',
          params: survey,
          body: CreateWaveBodySchema,
          response: { 201: WaveOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        const created = await surveys.createWave(
          requireActor(request),
          request.params.slug,
          request.params.surveyId,
          request.body,
          requestMeta(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/cities/:slug/survey-waves/:waveId',
      {
        schema: {
          tags,
          summary: 'A wave: its instrument, dates, link, margins and responses so far (city team)',
          params: wave,
          response: { 200: WaveOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return surveys.getWave(requireActor(request), request.params.slug, request.params.waveId);
      },
    );

    app.patch(
      '/cities/:slug/survey-waves/:waveId',
      {
        schema: {
          tags,
          summary: "Change a wave's name, dates or languages (city team)",
          params: wave,
          body: UpdateWaveBodySchema,
          response: { 200: WaveOutSchema, ...problems },
        },
      },
      async (request) =>
        surveys.updateWave(
          requireActor(request),
          request.params.slug,
          request.params.waveId,
          request.body,
          requestMeta(request),
        ),
    );

    app.put(
      '/cities/:slug/survey-waves/:waveId/margins',
      {
        schema: {
          tags,
          summary:
            "Set the wave's population margins from the census: age group × sex and district, same total (city team)",
          params: wave,
          body: PopulationMarginsSchema,
          response: { 200: WaveOutSchema, ...problems },
        },
      },
      async (request) =>
        surveys.setMargins(
          requireActor(request),
          request.params.slug,
          request.params.waveId,
          request.body,
          requestMeta(request),
        ),
    );
  };
}
