import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountsRoutes } from '../../modules/accounts/accounts.routes.ts';
import { AccountsService } from '../../modules/accounts/accounts.service.ts';
import { oidcRoutes } from '../../modules/accounts/oidc.routes.ts';
import { awardRoutes } from '../../modules/awards/award.routes.ts';
import { membershipRoutes } from '../../modules/membership/membership.routes.ts';
import { cycleRoutes } from '../../modules/monitoring/cycle.routes.ts';
import { evidenceRoutes } from '../../modules/monitoring/evidence.routes.ts';
import { frameworkRoutes } from '../../modules/monitoring/framework.routes.ts';
import { localMeasurementRoutes } from '../../modules/monitoring/local-measurement.routes.ts';
import { observationImportRoutes } from '../../modules/monitoring/observation-import.routes.ts';
import { progressRoutes } from '../../modules/monitoring/progress.routes.ts';
import { networkRoutes } from '../../modules/network/network.routes.ts';
import { reviewRoutes } from '../../modules/reviews/review.routes.ts';
import { responseRoutes } from '../../modules/surveys/response.routes.ts';
import { responseImportRoutes } from '../../modules/surveys/response-import.routes.ts';
import { surveyRoutes } from '../../modules/surveys/survey.routes.ts';
import { waveEstimateRoutes } from '../../modules/surveys/wave-estimate.routes.ts';
import { type AppContext, DEFAULT_SETTINGS, type Settings } from '../context.ts';
import type { Database, Notices } from '../db/client.ts';
import { NO_SCANNER, type VirusScanner } from '../files/scanner.ts';
import { dataDirFiles, type FileStorage } from '../files/storage.ts';
import { Mailer } from '../mail/mailer.ts';
import { registerAuthentication } from './auth.ts';
import { errorHandler, notFound, PROBLEM_TYPES, sendProblem } from './problem.ts';
import { registerSecurity } from './security.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    ctx: AppContext;
  }
}

export interface AppOptions {
  db: Database;
  /** The database's change notices; without them nothing computed from the database is kept in memory. */
  notices?: Notices;
  /** See AppContext.engine. */
  engine?: AppContext['engine'];
  settings?: Settings;
  /** Defaults to a mailer that keeps mail in the outbox. */
  mailer?: Mailer;
  now?: () => Date;
  /** Behind a reverse proxy: trust its X-Forwarded-For for the client address (rate limits, sessions). */
  trustProxy?: boolean;
  /** Built web app served at `/` with a single-page-app fallback; null for an API-only server. */
  webDist?: string | null;
  logger?: boolean | { level: string };
  /** Data folder: uploaded files go to its `files/` (a fresh temporary folder when not given). */
  dataDir?: string;
  /** Defaults to local files under the data folder. */
  files?: FileStorage;
  /** Defaults to no virus scanning (recorded as scanner 'none'). */
  scanner?: VirusScanner;
}

/** The HTTP application: the API under /api/v1, its OpenAPI description, and the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Query strings like ?region=a&region=b must not turn into arrays behind the schemas' back.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('db', options.db);
  const ctx: AppContext = {
    db: options.db,
    notices: options.notices ?? null,
    ...(options.engine ? { engine: options.engine } : {}),
    settings: options.settings ?? DEFAULT_SETTINGS,
    mailer: options.mailer ?? new Mailer(options.db, null, 'no-reply@localhost'),
    now: options.now ?? (() => new Date()),
    files: options.files ?? dataDirFiles(options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lco-data-'))),
    scanner: options.scanner ?? NO_SCANNER,
  };
  app.decorate('ctx', ctx);
  const accounts = new AccountsService(ctx);

  await registerSecurity(app, ctx.settings);
  registerAuthentication(app, (token) => accounts.actorForToken(token));

  await app.register(compress, {
    threshold: 1024,
    brotliOptions: {
      params: {
        // The plugin's own choices (text, quality 4; this object replaces them, so they are repeated) with a
        // 1 MB window instead of brotli's 4 MB: the same bytes for anything we send, a quarter less work per
        // small page (the survey pages are the busiest responses, issue #6).
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 20,
      },
    },
  });
  await app.register(etag);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Learning City Observatory API',
        version: '1',
        description:
          "UNESCO's Key Features of Learning Cities and the Global Network of Learning Cities. Errors are application/problem+json (RFC 9457).",
      },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
  });

  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async (_request, reply) => {
      await options.db.execute(sql`select 1`);
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );

  await app.register(
    async (api) => {
      api.addHook('onSend', async (request, reply, payload) => {
        // Public reads may be cached by browsers and proxies; the ETag makes revalidation cheap.
        if (request.method === 'GET' && !reply.hasHeader('cache-control') && reply.statusCode < 400) {
          reply.header('cache-control', 'public, max-age=60');
        }
        return payload;
      });
      await api.register(frameworkRoutes);
      await api.register(networkRoutes);
      await api.register(accountsRoutes(ctx, accounts));
      await api.register(cycleRoutes(ctx));
      await api.register(observationImportRoutes(ctx));
      await api.register(progressRoutes(ctx));
      await api.register(evidenceRoutes(ctx));
      await api.register(localMeasurementRoutes(ctx));
      await api.register(reviewRoutes(ctx));
      await api.register(membershipRoutes(ctx));
      await api.register(awardRoutes(ctx));
      await api.register(surveyRoutes(ctx));
      await api.register(waveEstimateRoutes(ctx));
      await api.register(responseImportRoutes(ctx));
      await api.register(oidcRoutes(ctx, accounts));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  // The public survey response pages: HTML forms, outside the JSON API.
  await app.register(responseRoutes(ctx));

  // Decided once at start: a web build that appears later is picked up by the next start.
  const webDist = options.webDist && fs.existsSync(path.join(options.webDist, 'index.html')) ? options.webDist : null;
  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h' });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (webDist && (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/')) {
      // Client-side routes (/network, /cities/cork …) all load the app shell.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const problem = notFound(`Nothing is at ${request.method} ${request.url.split('?')[0]}.`);
    return sendProblem(reply, {
      type: PROBLEM_TYPES.notFound,
      title: problem.title,
      status: 404,
      detail: problem.message,
      instance: request.url,
    });
  });

  return app;
}
