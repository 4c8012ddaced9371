import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Settings } from '../context.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * false for the public survey forms: anonymous, without a session to ride on, they carry their own
     * single-use submission token instead and are throttled per address.
     */
    csrf?: boolean;
  }
}

/**
 * Cookies, CSRF protection on every state-changing request, and security headers with a strict
 * Content-Security-Policy (no inline scripts, nothing from other origins: the app needs none).
 */
export async function registerSecurity(app: FastifyInstance, settings: Settings): Promise<void> {
  await app.register(cookie);
  await app.register(csrf, {
    // Double-submit: a secret in an HttpOnly cookie, a token derived from it in the X-CSRF-Token header.
    cookieKey: 'lco_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: settings.secureCookies },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (STATE_CHANGING.has(request.method) && request.routeOptions.config?.csrf !== false) {
      return app.csrfProtection(request, reply, done);
    }
    done();
  });
  // helmet itself, built once: @fastify/helmet builds the same middleware again on every request, which
  // cost about 5 % of a cached public read (issue #4's progress benchmark).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(settings.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only makes sense behind TLS.
    strictTransportSecurity: settings.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
}
