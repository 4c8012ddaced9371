import { ProblemSchema, UseEstimatesBodySchema, UseEstimatesOutSchema, WaveEstimatesOutSchema } from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { waveUrl } from './survey.presenter.ts';
import { SurveyService } from './survey.service.ts';
import { WaveEstimateService } from './wave-estimate.service.ts';
import { waveQrSvg } from './wave-qr.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const wave = z.object({ slug: z.string().min(1).max(200), waveId: z.uuid() });
const tags = ['surveys'];

export function waveEstimateRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const estimates = new WaveEstimateService(ctx);
    const surveys = new SurveyService(ctx);

    app.get(
      '/cities/:slug/survey-waves/:waveId/estimates',
      {
        schema: {
          tags,
          summary:
            "A wave's weighted estimates with standard errors, intervals and weighting diagnostics; small cells suppressed (city team)",
          params: wave,
          response: { 200: WaveEstimatesOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return estimates.estimates(requireActor(request), request.params.slug, request.params.waveId);
      },
    );

    app.post(
      '/cities/:slug/survey-waves/:waveId/estimates/use',
      {
        schema: {
          tags,
          summary:
            "Use these estimates: write them as observations of the city's cycle with their provenance (city team)",
          params: wave,
          body: UseEstimatesBodySchema,
          response: { 200: UseEstimatesOutSchema, ...problems },
        },
      },
      async (request) =>
        estimates.use(
          requireActor(request),
          request.params.slug,
          request.params.waveId,
          request.body.year,
          request.body.measurements,
          requestMeta(request),
        ),
    );

    app.get(
      '/cities/:slug/survey-waves/:waveId/qr.svg',
      {
        schema: {
          tags,
          summary: "A printable QR code (SVG) of the wave's public response page (city team)",
          params: wave,
          produces: ['image/svg+xml'],
          response: { 200: z.string(), ...problems },
        },
      },
      async (request, reply) => {
        const city = await surveys.authorized(requireActor(request), request.params.slug, 'survey.read');
        const row = await surveys.wave(city, request.params.waveId);
        return reply
          .type('image/svg+xml')
          .header('cache-control', 'private, max-age=3600')
          .header('content-disposition', `inline; filename="survey-${row.code}.svg"`)
          .send(waveQrSvg(waveUrl(ctx.settings.publicUrl, city, row)));
      },
    );
  };
}
