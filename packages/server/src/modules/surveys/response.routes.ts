import formbody from '@fastify/formbody';
import type { Lang } from '@lco/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { formPage, introPage, messagePage, type PageFrame, RESPONSE_CSS, sharedPageKey } from './response.page.ts';
import { type OpenWave, pickLang, type ResponseOutcome, ResponseService } from './response.service.ts';
import { PAGE_TEXTS } from './response.texts.ts';

const wave = z.object({ slug: z.string().min(1).max(200), code: z.string().min(1).max(40) });
const response = wave.extend({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
const page = response.extend({ page: z.coerce.number().int().min(1).max(100) });
const langQuery = z.object({ lang: z.string().max(35).optional() });
const form = z.record(z.string(), z.string().max(2000));
/** Public HTML, not part of the JSON API (documented in docs/api.md under "Survey response pages"). */
const html = { hide: true };
const formOnly = { csrf: false };

function formatDate(date: Date, lang: Lang): string {
  return `${new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/**
 * The public response pages of survey waves, at /s/:slug/:code: server-rendered HTML forms that work with
 * JavaScript off, one small same-origin stylesheet, no third-party request, no cookie.
 */
export function responseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const responses = new ResponseService(ctx);
    await app.register(formbody, {
      bodyLimit: 64 * 1024,
      parser: (text) => Object.fromEntries(new URLSearchParams(text)),
    });

    const frameOf = (at: OpenWave | undefined, lang: Lang): PageFrame => ({
      lang,
      title: at ? `${at.city.name}: ${PAGE_TEXTS[lang].title[at.wave.instrument.kind]}` : PAGE_TEXTS[lang].notFound,
      languages: at
        ? at.wave.languages.filter((l): l is Lang => (PAGE_TEXTS as Record<string, unknown>)[l] !== undefined)
        : [],
    });

    /** A page the same for every respondent of the wave: made and compressed once (`SharedBodies`). */
    const sendShared = (reply: FastifyReply, at: OpenWave, key: string, make: () => string) => {
      const { body, encoding } = at.shared.get(key, make, reply.request.headers['accept-encoding']);
      reply.header('vary', 'accept-encoding');
      if (encoding) reply.header('content-encoding', encoding);
      return reply.send(body);
    };

    const send = (
      reply: FastifyReply,
      outcome: ResponseOutcome,
      langAsked: string | undefined,
      accept: string | undefined,
    ) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (outcome.kind === 'redirect') return reply.redirect(outcome.to, 303);
      reply.type('text/html; charset=utf-8');
      if (outcome.kind === 'not-found') {
        const lang = pickLangLoose(langAsked, accept);
        return reply
          .status(404)
          .send(messagePage(frameOf(undefined, lang), PAGE_TEXTS[lang].notFound, PAGE_TEXTS[lang].notFound));
      }
      const at = outcome.at;
      const lang = outcome.kind === 'page' ? outcome.lang : pickLang(at.wave, langAsked, null, accept);
      const t = PAGE_TEXTS[lang];
      const frame = frameOf(at, lang);
      const title = t.title[at.wave.instrument.kind];
      switch (outcome.kind) {
        case 'intro':
          return sendShared(reply, at, `intro ${lang}`, () =>
            introPage(frame, title, at.city.name, `${responses.base(at)}/start`),
          );
        case 'not-yet-open':
          return reply.status(403).send(messagePage(frame, title, t.notYetOpen(formatDate(at.wave.opensAt, lang))));
        case 'closed':
          return reply.status(410).send(messagePage(frame, title, t.closed(formatDate(at.wave.closesAt, lang))));
        case 'too-many':
          return reply
            .status(429)
            .header('retry-after', String(outcome.retryAfter))
            .send(messagePage(frame, title, t.tooMany(Math.ceil(outcome.retryAfter / 60))));
        case 'already':
          return sendShared(reply, at, `already ${lang}`, () => messagePage(frame, title, t.already));
        case 'thanks':
          return sendShared(reply, at, `thanks ${lang}`, () => messagePage(frame, title, t.thanks));
        case 'page': {
          const page = {
            instrument: at.wave.instrument,
            page: outcome.page,
            answers: outcome.answers,
            ...(outcome.raw ? { raw: outcome.raw } : {}),
            ...(outcome.issues ? { issues: outcome.issues } : {}),
            kindTitle: title,
            cityName: at.city.name,
          };
          const shared = sharedPageKey(frame, page);
          return shared && outcome.status === 200
            ? sendShared(reply, at, shared, () => formPage(frame, page))
            : reply.status(outcome.status).send(formPage(frame, page));
        }
      }
    };

    // Anything refused before a handler (a bad path, a body too large) still gets a page, not JSON.
    app.setErrorHandler((error, request, reply) => {
      const lang = pickLangLoose(undefined, request.headers['accept-language']);
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) request.log.error(error);
      return reply
        .status(status >= 500 ? 500 : status === 400 ? 404 : status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(messagePage(frameOf(undefined, lang), PAGE_TEXTS[lang].notFound, PAGE_TEXTS[lang].notFound));
    });

    app.get('/s/survey.css', { schema: html }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(RESPONSE_CSS),
    );

    app.get('/s/:slug/:code', { schema: { ...html, params: wave, querystring: langQuery } }, async (request, reply) => {
      const { slug, code } = request.params;
      const outcome = await responses.intro(slug, code);
      return send(reply, outcome, request.query.lang, request.headers['accept-language']);
    });

    app.post(
      '/s/:slug/:code/start',
      { schema: { ...html, params: wave, body: form.optional() }, config: formOnly },
      async (request, reply) => {
        const { slug, code } = request.params;
        const lang = request.body?.lang;
        const outcome = await responses.start(slug, code, lang, request.ip);
        return send(reply, outcome, lang, request.headers['accept-language']);
      },
    );

    app.get(
      '/s/:slug/:code/r/:token/done',
      { schema: { ...html, params: response, querystring: langQuery } },
      async (request, reply) => {
        const { slug, code, token } = request.params;
        const outcome = await responses.done(slug, code, token);
        return send(reply, outcome, request.query.lang, request.headers['accept-language']);
      },
    );

    app.get(
      '/s/:slug/:code/r/:token/:page',
      { schema: { ...html, params: page, querystring: langQuery } },
      async (request, reply) => {
        const { slug, code, token, page: n } = request.params;
        const outcome = await responses.show(
          slug,
          code,
          token,
          n,
          request.query.lang,
          request.headers['accept-language'],
        );
        return send(reply, outcome, request.query.lang, request.headers['accept-language']);
      },
    );

    app.post(
      '/s/:slug/:code/r/:token/:page',
      { schema: { ...html, params: page, body: form.optional() }, config: formOnly },
      async (request, reply) => {
        const { slug, code, token, page: n } = request.params;
        const body = request.body ?? {};
        const outcome = await responses.save(slug, code, token, n, body, request.ip);
        return send(reply, outcome, body.lang, request.headers['accept-language']);
      },
    );
  };
}

/** A language for a page that has no wave to offer languages (not found): the browser's, else English. */
function pickLangLoose(asked: string | undefined, accept: string | undefined): Lang {
  const candidates = [asked, ...(accept ?? '').split(',').map((p) => p.split(';')[0]?.trim())];
  for (const c of candidates) {
    const tag = c?.toLowerCase().split('-')[0];
    if (tag && tag in PAGE_TEXTS) return tag as Lang;
  }
  return 'en';
}
