import { FrameworkResponseSchema, LangQuerySchema, MeasurementResponseSchema, ProblemSchema } from '@lco/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { negotiateLanguage } from '../../platform/http/language.ts';
import { notFound } from '../../platform/http/problem.ts';
import { FrameworkService } from './framework.service.ts';

export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new FrameworkService();
  service.warm();

  app.get(
    '/framework',
    {
      schema: {
        tags: ['framework'],
        summary: 'The whole Key Features of Learning Cities catalogue, localized',
        querystring: LangQuerySchema,
        response: { 200: FrameworkResponseSchema },
      },
    },
    async (request, typedReply) => {
      const meta = negotiateLanguage(request.query.lang, typedReply);
      const body = service.framework(meta);
      // The body is pre-serialized (and pre-compressed), so it leaves as bytes rather than through the
      // schema's serializer; the tests validate it against FrameworkResponseSchema instead.
      const reply: FastifyReply = typedReply;
      reply.header('etag', body.etag).header('cache-control', 'public, max-age=3600').header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        return reply.header('content-encoding', 'gzip').send(body.gzip);
      }
      return reply.send(body.json);
    },
  );

  app.get(
    '/framework/measurements/:id',
    {
      schema: {
        tags: ['framework'],
        summary: 'One measurement with its feature, focus area, Beijing commitment and area',
        params: z.object({ id: z.string().min(1).max(20) }),
        querystring: LangQuerySchema,
        response: { 200: MeasurementResponseSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const meta = negotiateLanguage(request.query.lang, reply);
      const found = service.measurement(request.params.id, meta);
      if (!found) throw notFound(`No measurement "${request.params.id}" in the Key Features (ids look like 1.1.2a).`);
      reply.header('cache-control', 'public, max-age=3600');
      return found;
    },
  );
};
