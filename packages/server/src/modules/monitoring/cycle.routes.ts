import {
  CycleDetailSchema,
  CycleOutSchema,
  ObservationOutSchema,
  ProblemSchema,
  ReopenBodySchema,
  ReturnBodySchema,
  SaveObservationBodySchema,
  YearSchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { CycleService } from './cycle.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const city = z.object({ slug: z.string().min(1).max(200) });
const cityYear = city.extend({ year: YearSchema });
const observationKey = cityYear.extend({
  measurementId: z.string().min(1).max(20),
  breakdown: z.string().regex(/^(total|[a-z]+:[a-z0-9-]+)$/, 'is total or dimension:category'),
});
const tags = ['monitoring'];

export function cycleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const cycles = new CycleService(ctx);

    app.get(
      '/cities/:slug/cycles',
      {
        schema: {
          tags,
          summary: "A city's cycles (accepted ones for the public)",
          params: city,
          response: { 200: z.object({ items: z.array(CycleOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return { items: await cycles.list(request.actor, request.params.slug) };
      },
    );

    app.post(
      '/cities/:slug/cycles',
      {
        schema: {
          tags,
          summary: 'Open a draft cycle for a reference year',
          params: city,
          body: z.object({ year: YearSchema }),
          response: { 201: CycleDetailSchema, ...problems },
        },
      },
      async (request, reply) => {
        const detail = await cycles.create(
          requireActor(request),
          request.params.slug,
          request.body.year,
          requestMeta(request),
        );
        return reply.status(201).send(detail);
      },
    );

    app.get(
      '/cities/:slug/cycles/:year',
      {
        schema: {
          tags,
          summary: 'A cycle with its values, warnings, comments and history',
          params: cityYear,
          response: { 200: CycleDetailSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return cycles.detail(request.actor, request.params.slug, request.params.year);
      },
    );

    app.put(
      '/cities/:slug/cycles/:year/observations/:measurementId/:breakdown',
      {
        schema: {
          tags,
          summary: 'Save one value (opens a draft cycle for a new year)',
          params: observationKey,
          body: SaveObservationBodySchema,
          response: { 200: ObservationOutSchema, ...problems },
        },
      },
      async (request) => {
        const { slug, year, measurementId, breakdown } = request.params;
        return cycles.saveObservation(
          requireActor(request),
          slug,
          year,
          measurementId,
          breakdown,
          request.body,
          requestMeta(request),
        );
      },
    );

    app.delete(
      '/cities/:slug/cycles/:year/observations/:measurementId/:breakdown',
      {
        schema: {
          tags,
          summary: 'Remove one value',
          params: observationKey,
          querystring: z.object({ version: z.coerce.number().int().min(1) }),
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        const { slug, year, measurementId, breakdown } = request.params;
        await cycles.deleteObservation(
          requireActor(request),
          slug,
          year,
          measurementId,
          breakdown,
          request.query.version,
          requestMeta(request),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cities/:slug/cycles/:year/submit',
      {
        schema: {
          tags,
          summary: 'Submit the cycle for review (coordinator)',
          params: cityYear,
          response: { 200: CycleDetailSchema, ...problems },
        },
      },
      async (request) =>
        cycles.submit(requireActor(request), request.params.slug, request.params.year, requestMeta(request)),
    );

    app.post(
      '/cities/:slug/cycles/:year/accept',
      {
        schema: {
          tags,
          summary: 'Accept a submitted cycle: locked and public (secretariat)',
          params: cityYear,
          response: { 200: CycleDetailSchema, ...problems },
        },
      },
      async (request) =>
        cycles.accept(requireActor(request), request.params.slug, request.params.year, requestMeta(request)),
    );

    app.post(
      '/cities/:slug/cycles/:year/return',
      {
        schema: {
          tags,
          summary: 'Return a submitted cycle with comments per measurement (secretariat)',
          params: cityYear,
          body: ReturnBodySchema,
          response: { 200: CycleDetailSchema, ...problems },
        },
      },
      async (request) =>
        cycles.return(
          requireActor(request),
          request.params.slug,
          request.params.year,
          request.body.comments,
          requestMeta(request),
        ),
    );

    app.post(
      '/cities/:slug/cycles/:year/reopen',
      {
        schema: {
          tags,
          summary: 'Reopen an accepted cycle, with a reason (secretariat)',
          params: cityYear,
          body: ReopenBodySchema,
          response: { 200: CycleDetailSchema, ...problems },
        },
      },
      async (request) =>
        cycles.reopen(
          requireActor(request),
          request.params.slug,
          request.params.year,
          request.body.reason,
          requestMeta(request),
        ),
    );

    app.get(
      '/review-queue',
      {
        schema: {
          tags,
          summary: 'Submitted cycles waiting for the secretariat',
          response: {
            200: z.object({
              items: z.array(
                z.object({ city: z.string(), cityName: z.string(), year: z.number().int(), submittedAt: z.string() }),
              ),
            }),
            ...problems,
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await cycles.queue(requireActor(request)) };
      },
    );
  };
}
