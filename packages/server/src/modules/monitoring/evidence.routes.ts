import { ProblemSchema, YearSchema } from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { closingOnRefusal, registerMultipart, sendStoredFile, uploadOf } from '../../platform/files/upload.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { EvidenceLinkBodySchema, EvidenceOutSchema } from './evidence.schema.ts';
import { EvidenceService } from './evidence.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const cityYear = z.object({ slug: z.string().min(1).max(200), year: YearSchema });
const oneEvidence = cityYear.extend({ id: z.uuid() });
const tags = ['monitoring'];

export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const evidence = new EvidenceService(ctx);
    // Multipart is parsed only here, and streamed: never buffered whole. The service's meter refuses a file one
    // byte over the setting (413) and stops reading the request.
    await registerMultipart(app);

    app.get(
      '/cities/:slug/cycles/:year/evidence',
      {
        schema: {
          tags,
          summary: "A cycle's evidence: files and links (as visible as the cycle)",
          params: cityYear,
          response: { 200: z.object({ items: z.array(EvidenceOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return { items: await evidence.list(request.actor, request.params.slug, request.params.year) };
      },
    );

    app.post(
      '/cities/:slug/cycles/:year/evidence',
      {
        schema: {
          tags,
          summary:
            'Upload an evidence file (multipart/form-data: file, and optional measurementId, breakdown, title). ' +
            'Typed from its content; PDF, images, office files, CSV or text; size limited (413)',
          consumes: ['multipart/form-data'],
          params: cityYear,
          response: { 201: EvidenceOutSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, ...problems },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const created = await closingOnRefusal(
          reply,
          evidence.upload(
            actor,
            request.params.slug,
            request.params.year,
            uploadOf(request, ctx.settings.evidenceMaxBytes),
            requestMeta(request),
          ),
        );
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/cities/:slug/cycles/:year/evidence/links',
      {
        schema: {
          tags,
          summary: 'Add a link (http or https) as evidence',
          params: cityYear,
          body: EvidenceLinkBodySchema,
          response: { 201: EvidenceOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        const created = await evidence.addLink(
          requireActor(request),
          request.params.slug,
          request.params.year,
          request.body,
          requestMeta(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/cities/:slug/cycles/:year/evidence/:id',
      {
        schema: {
          tags,
          summary: 'Download an evidence file (as an attachment, with the type read from its content)',
          params: oneEvidence,
          response: { 200: z.unknown().describe('the file, as stored'), ...problems },
        },
      },
      async (request, reply) => {
        const { slug, year, id } = request.params;
        const file = await evidence.download(request.actor, slug, year, id);
        return sendStoredFile(reply, file);
      },
    );

    app.delete(
      '/cities/:slug/cycles/:year/evidence/:id',
      {
        schema: {
          tags,
          summary: 'Remove evidence (the city team, while the cycle is a draft or returned)',
          params: oneEvidence,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        const { slug, year, id } = request.params;
        await evidence.delete(requireActor(request), slug, year, id, requestMeta(request));
        return reply.status(204).send(null);
      },
    );
  };
}
