import multipart from '@fastify/multipart';
import {
  ExportQuerySchema,
  IMPORT_MAX_BYTES,
  ImportProblemSchema,
  ImportQuerySchema,
  type ImportSummary,
  ImportSummarySchema,
  ProblemSchema,
  YearSchema,
} from '@lco/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { badRequest, HttpProblem, PROBLEM_TYPES, sendProblem } from '../../platform/http/problem.ts';
import { type ImportFile, ObservationImportService } from './observation-import.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const importAnswers = {
  200: ImportSummarySchema,
  413: ProblemSchema,
  422: ImportProblemSchema.describe('every error of the file (row and column), and the summary'),
  ...problems,
};
const cityYear = z.object({ slug: z.string().min(1).max(200), year: YearSchema });
const tags = ['monitoring'];
const MB = 1024 * 1024;
/** One file and nothing else: the dry-run flag travels in the query. */
const LIMITS = { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 };

export function observationImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const imports = new ObservationImportService(ctx);
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: LIMITS });

    /** The uploaded file, read whole (an import needs all of it before it can say anything). */
    async function upload(request: FastifyRequest, reply: FastifyReply): Promise<ImportFile> {
      if (!request.isMultipart()) {
        throw badRequest('Send the file as multipart/form-data in a field named "file".', [
          { field: 'file', message: 'is missing' },
        ]);
      }
      try {
        const part = await request.file({ limits: LIMITS });
        if (part?.fieldname !== 'file') {
          throw badRequest('Send the file in a field named "file".', [{ field: 'file', message: 'is missing' }]);
        }
        return { name: part.filename || 'upload', bytes: await part.toBuffer() };
      } catch (error) {
        // The rest of a refused body is not worth reading: the connection closes after the answer.
        reply.header('connection', 'close');
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw new HttpProblem(
            413,
            PROBLEM_TYPES.payloadTooLarge,
            'File too large',
            `The file is larger than ${IMPORT_MAX_BYTES / MB} MB: split it (by year, say) and import the parts.`,
          );
        }
        if (
          error instanceof app.multipartErrors.FilesLimitError ||
          error instanceof app.multipartErrors.PartsLimitError
        ) {
          throw badRequest('Send one file, and nothing else, in a field named "file".');
        }
        throw error;
      }
    }

    /** 200 with the summary; 422 problem+json with every error and the summary when the file has errors. */
    function answer(request: FastifyRequest, reply: FastifyReply, summary: ImportSummary) {
      if (summary.errors.length === 0) return reply.status(200).send(summary);
      const count = summary.errors.length;
      const problem: z.infer<typeof ImportProblemSchema> = {
        type: PROBLEM_TYPES.validation,
        title: 'The file has errors',
        status: 422,
        detail: `${count} error${count === 1 ? '' : 's'} in ${summary.file}: nothing was imported. ${summary.errors
          .slice(0, 3)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ')}${count > 3 ? '; …' : ''}`,
        instance: request.url,
        errors: summary.errors,
        summary,
      };
      return sendProblem(reply, problem);
    }

    app.post(
      '/cities/:slug/cycles/:year/import',
      {
        schema: {
          tags,
          summary:
            "Import a city's values for a year from a CSV or XLSX file (multipart/form-data, field `file`; " +
            `at most ${IMPORT_MAX_BYTES / MB} MB). All or nothing: a file with errors changes nothing (422). ` +
            'Opens a draft for a new year; a submitted or accepted cycle is refused (409)',
          consumes: ['multipart/form-data'],
          params: cityYear,
          querystring: ImportQuerySchema,
          response: importAnswers,
        },
      },
      async (request, reply) => {
        const summary = await imports.importCity(
          { actor: requireActor(request) },
          request.params.slug,
          request.params.year,
          () => upload(request, reply),
          { dryRun: request.query.dryRun, meta: requestMeta(request) },
        );
        return answer(request, reply, summary);
      },
    );

    app.post(
      '/observations/import',
      {
        schema: {
          tags,
          summary:
            'Network-wide back-fill from one file with city and year columns (network staff). All or nothing, ' +
            'as for a city',
          consumes: ['multipart/form-data'],
          querystring: ImportQuerySchema,
          response: importAnswers,
        },
      },
      async (request, reply) => {
        const summary = await imports.importNetwork({ actor: requireActor(request) }, () => upload(request, reply), {
          dryRun: request.query.dryRun,
          meta: requestMeta(request),
        });
        return answer(request, reply, summary);
      },
    );

    app.get(
      '/cities/:slug/cycles/:year/export',
      {
        schema: {
          tags,
          summary:
            "A city's values for a year as CSV or XLSX; with template=true every measurement and breakdown, " +
            'filled with what is known (accepted cycles for everyone, others for those who may read them)',
          params: cityYear,
          querystring: ExportQuerySchema,
          response: { 200: z.unknown().describe('the file, as an attachment'), ...problems },
        },
      },
      async (request, reply) => {
        const file = await imports.export({ actor: request.actor }, request.params.slug, request.params.year, {
          format: request.query.format,
          template: request.query.template,
        });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-cache')
          .header('x-content-type-options', 'nosniff')
          .send(file.body);
      },
    );
  };
}
