import { ProblemSchema } from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import {
  CreateLocalMeasurementBodySchema,
  LocalMeasurementIdSchema,
  LocalMeasurementOutSchema,
  UpdateLocalMeasurementBodySchema,
} from './local-measurement.schema.ts';
import { LocalMeasurementService } from './local-measurement.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const city = z.object({ slug: z.string().min(1).max(200) });
const one = city.extend({ id: LocalMeasurementIdSchema });
const tags = ['monitoring'];

export function localMeasurementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const locals = new LocalMeasurementService(ctx);

    app.get(
      '/cities/:slug/local-measurements',
      {
        schema: {
          tags,
          summary: "A city's own indicators, beside the catalogue (public, each marked local)",
          params: city,
          response: { 200: z.object({ items: z.array(LocalMeasurementOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        // Public, but revalidated (ETag) so a coordinator's change shows at once.
        reply.header('cache-control', 'public, no-cache');
        return { items: await locals.list(request.params.slug) };
      },
    );

    app.post(
      '/cities/:slug/local-measurements',
      {
        schema: {
          tags,
          summary: 'Define a local measurement (city coordinator)',
          params: city,
          body: CreateLocalMeasurementBodySchema,
          response: { 201: LocalMeasurementOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        const created = await locals.create(
          requireActor(request),
          request.params.slug,
          request.body,
          requestMeta(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/cities/:slug/local-measurements/:id',
      {
        schema: {
          tags,
          summary: 'Change a local measurement (city coordinator; unit and used breakdowns stay once it has values)',
          params: one,
          body: UpdateLocalMeasurementBodySchema,
          response: { 200: LocalMeasurementOutSchema, ...problems },
        },
      },
      async (request) =>
        locals.update(
          requireActor(request),
          request.params.slug,
          request.params.id,
          request.body,
          requestMeta(request),
        ),
    );

    app.delete(
      '/cities/:slug/local-measurements/:id',
      {
        schema: {
          tags,
          summary: 'Delete an unused local measurement (city coordinator; 409 once values or evidence use it)',
          params: one,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await locals.delete(requireActor(request), request.params.slug, request.params.id, requestMeta(request));
        return reply.status(204).send(null);
      },
    );
  };
}
