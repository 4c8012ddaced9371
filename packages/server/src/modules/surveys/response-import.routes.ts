import multipart from '@fastify/multipart';
import { ImportErrorSchema, ProblemSchema } from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { badRequest, HttpProblem, PROBLEM_TYPES, sendProblem } from '../../platform/http/problem.ts';
import { ImportRefused, ResponseImportService } from './response-import.service.ts';
import { parseColumnMap } from './response-import.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const wave = z.object({ slug: z.string().min(1).max(200), waveId: z.uuid() });
const tags = ['surveys'];
const MAX_BYTES = 20 * 1024 * 1024;
const LIMITS = { fileSize: MAX_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 };

const SummarySchema = z.object({
  file: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
});

export function responseImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const imports = new ResponseImportService(ctx);
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: LIMITS });

    app.get(
      '/cities/:slug/survey-waves/:waveId/xlsform',
      {
        schema: {
          tags,
          summary:
            "The wave's instrument as an XLSForm (.xlsx) for KoboToolbox or ODK Collect, a label column per language (city team)",
          params: wave,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: { 200: z.any(), ...problems },
        },
      },
      async (request, reply) => {
        const file = await imports.xlsform(requireActor(request), request.params.slug, request.params.waveId);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.bytes);
      },
    );

    app.post(
      '/cities/:slug/survey-waves/:waveId/responses/import',
      {
        schema: {
          tags,
          summary:
            'Import a KoboToolbox or ODK CSV export (XML values and headers), or microdata with `?map=their:ours,…`, as submitted responses ' +
            '(multipart, field `file`): all or nothing, 422 with every error by row and column; the same submission counts once (city team)',
          consumes: ['multipart/form-data'],
          params: wave,
          querystring: z.object({ map: z.string().max(2000).optional() }),
          response: {
            200: SummarySchema,
            413: ProblemSchema,
            422: ProblemSchema.extend({ errors: z.array(ImportErrorSchema) }),
            ...problems,
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await imports.authorize(actor, request.params.slug);
        if (!request.isMultipart()) {
          throw badRequest('Send the file as multipart/form-data in a field named "file".', [
            { field: 'file', message: 'is missing' },
          ]);
        }
        let file: { name: string; bytes: Buffer };
        try {
          const part = await request.file({ limits: LIMITS });
          if (part?.fieldname !== 'file')
            throw badRequest('Send the file in a field named "file".', [{ field: 'file', message: 'is missing' }]);
          file = { name: part.filename || 'upload.csv', bytes: await part.toBuffer() };
        } catch (error) {
          reply.header('connection', 'close');
          if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
            throw new HttpProblem(
              413,
              PROBLEM_TYPES.payloadTooLarge,
              'File too large',
              'The file is larger than 20 MB: split it and import the parts.',
            );
          }
          throw error;
        }
        try {
          return await imports.import(
            actor,
            request.params.slug,
            request.params.waveId,
            file,
            parseColumnMap(request.query.map),
            requestMeta(request),
          );
        } catch (error) {
          if (!(error instanceof ImportRefused)) throw error;
          return sendProblem(reply, {
            type: error.type,
            title: error.title,
            status: 422,
            detail: error.message,
            instance: request.url,
            errors: error.importErrors,
          });
        }
      },
    );
  };
}
