import { ProblemSchema, ProgressResponseSchema, SaveTargetBodySchema, TargetOutSchema } from '@lco/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { ProgressService } from './progress.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const city = z.object({ slug: z.string().min(1).max(200) });
const targetKey = city.extend({
  measurementId: z.string().min(1).max(20),
  breakdown: z.string().regex(/^(total|[a-z]+:[a-z0-9-]+)$/, 'is total or dimension:category'),
});
const tags = ['monitoring'];

export function progressRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const service = new ProgressService(ctx);

    app.get(
      '/cities/:slug/progress',
      {
        schema: {
          tags,
          summary:
            'Progress of every series (from accepted data) and roll-ups: counts per status and coverage, no score',
          params: city,
          response: { 200: ProgressResponseSchema, ...problems },
        },
      },
      // Sent as the JSON text the service keeps, checked against the schema when it was computed; a plain
      // FastifyReply because the typed one only takes the schema's object.
      async (request, reply) => {
        const { json, etag } = await service.progressJson(request.params.slug);
        return (reply as FastifyReply).type('application/json; charset=utf-8').header('etag', etag).send(json);
      },
    );

    app.get(
      '/cities/:slug/targets',
      {
        schema: {
          tags,
          summary: "A city's targets",
          params: city,
          response: { 200: z.object({ items: z.array(TargetOutSchema) }), ...problems },
        },
      },
      async (request) => ({ items: await service.targets(request.params.slug) }),
    );

    app.put(
      '/cities/:slug/targets/:measurementId/:breakdown',
      {
        schema: {
          tags,
          summary: 'Set a target (city coordinator)',
          params: targetKey,
          body: SaveTargetBodySchema,
          response: { 200: TargetOutSchema, ...problems },
        },
      },
      async (request) => {
        const { slug, measurementId, breakdown } = request.params;
        return service.saveTarget(
          requireActor(request),
          slug,
          measurementId,
          breakdown,
          request.body,
          requestMeta(request),
        );
      },
    );

    app.delete(
      '/cities/:slug/targets/:measurementId/:breakdown',
      {
        schema: {
          tags,
          summary: 'Remove a target (city coordinator)',
          params: targetKey,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        const { slug, measurementId, breakdown } = request.params;
        await service.deleteTarget(requireActor(request), slug, measurementId, breakdown, requestMeta(request));
        return reply.status(204).send(null);
      },
    );
  };
}
