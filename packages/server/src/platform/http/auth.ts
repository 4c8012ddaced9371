import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../context.ts';
import type { Actor } from '../security/actor.ts';
import { unauthorized } from './problem.ts';

export const SESSION_COOKIE = 'lco_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null for anonymous requests. */
    actor: Actor | null;
  }
}

/**
 * Resolves the session cookie into `request.actor` on every request. The lookup itself belongs to the
 * accounts context and is handed in, so the plumbing knows nothing about how sessions are stored.
 */
export function registerAuthentication(app: FastifyInstance, resolve: (token: string) => Promise<Actor | null>): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await resolve(token) : null;
  });
}

/** The signed-in person, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, settings: Settings, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    // Lax keeps a link from a mail working while signed in; changes are covered by the CSRF token.
    sameSite: 'lax',
    secure: settings.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: Settings): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: settings.secureCookies });
}

export function requestMeta(request: FastifyRequest) {
  return {
    requestId: String(request.id),
    ipAddress: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}
