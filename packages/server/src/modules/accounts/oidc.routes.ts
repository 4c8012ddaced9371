import { ProblemSchema } from '@lco/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, setSessionCookie } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AccountsService } from './accounts.service.ts';
import { type OidcFailureCode, OidcService, OidcSignInError } from './oidc.service.ts';

/** Holds the handle of a sign-in in progress, only on its way to the provider and back. */
export const OIDC_COOKIE = 'lco_oidc';
const OIDC_PATH = '/api/v1/auth/oidc';

const redirect = z.null().describe('Redirect (Location header)');

export function oidcRoutes(ctx: AppContext, accounts: AccountsService): FastifyPluginAsyncZod {
  return async (app) => {
    const oidc = new OidcService(ctx, accounts);
    const tag = { tags: ['accounts'] };
    const cookieOptions = {
      path: OIDC_PATH,
      httpOnly: true,
      // Lax: the cookie must come back on the provider's top-level redirect to the callback.
      sameSite: 'lax' as const,
      secure: ctx.settings.secureCookies,
    };
    const requireEnabled = () => {
      if (!oidc.enabled) throw notFound('Single sign-on is not configured on this server.');
    };
    const toSignIn = (reply: FastifyReply, code: OidcFailureCode) =>
      reply.header('cache-control', 'no-store').redirect(`/sign-in?error=${code}`, 302);

    app.get(
      '/auth/oidc',
      {
        schema: {
          ...tag,
          summary: 'Whether single sign-on is available (the sign-in page shows its button when it is)',
          response: { 200: z.object({ enabled: z.boolean() }) },
        },
      },
      async () => ({ enabled: oidc.enabled }),
    );

    app.get(
      '/auth/oidc/start',
      {
        schema: {
          ...tag,
          summary: 'Begin single sign-on: redirects to the identity provider',
          response: { 302: redirect, 404: ProblemSchema },
        },
      },
      async (request, reply) => {
        requireEnabled();
        let start: Awaited<ReturnType<OidcService['begin']>>;
        try {
          start = await oidc.begin();
        } catch (error) {
          request.log.error({ err: error }, 'single sign-on could not start (is the provider reachable?)');
          return toSignIn(reply, 'sso-failed');
        }
        reply.setCookie(OIDC_COOKIE, start.handle, { ...cookieOptions, expires: start.expiresAt });
        return reply.header('cache-control', 'no-store').redirect(start.authorizationUrl.href, 302);
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        schema: {
          ...tag,
          summary: 'Where the identity provider sends the person back; signs in an existing account',
          description:
            'Takes the authorization response (code, state, iss or error) as the provider sends it. Redirects to / ' +
            'signed in, or to /sign-in?error=sso-unknown-account | sso-unverified-email | sso-expired | sso-failed.',
          response: { 302: redirect, 404: ProblemSchema },
        },
      },
      async (request, reply) => {
        requireEnabled();
        reply.clearCookie(OIDC_COOKIE, cookieOptions);
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        try {
          const session = await oidc.complete(request.cookies[OIDC_COOKIE], query, requestMeta(request));
          setSessionCookie(reply, ctx.settings, session.token, session.expiresAt);
          return reply.header('cache-control', 'no-store').redirect('/', 302);
        } catch (error) {
          if (error instanceof OidcSignInError) {
            request.log.warn({ code: error.code, reason: error.message }, 'single sign-on refused');
            return toSignIn(reply, error.code);
          }
          request.log.error({ err: error }, 'single sign-on failed');
          return toSignIn(reply, 'sso-failed');
        }
      },
    );
  };
}
