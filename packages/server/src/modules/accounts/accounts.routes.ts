import {
  AuditQuerySchema,
  AuditRecordOutSchema,
  ChangePasswordBodySchema,
  GrantBodySchema,
  InvitationAcceptBodySchema,
  InvitationBodySchema,
  InvitationOutSchema,
  InvitationPreviewSchema,
  InvitationTokenBodySchema,
  MeResponseSchema,
  OutboxMailOutSchema,
  ProblemSchema,
  ProfileBodySchema,
  pageSchema,
  ResetCompleteBodySchema,
  ResetRequestBodySchema,
  SessionOutSchema,
  SignInBodySchema,
  UserOutSchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { clearSessionCookie, requestMeta, requireActor, setSessionCookie } from '../../platform/http/auth.ts';
import type { AccountsService } from './accounts.service.ts';
import { AuditService } from './audit.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
const noContent = z.null().describe('No content');

export function accountsRoutes(ctx: AppContext, accounts: AccountsService): FastifyPluginAsyncZod {
  return async (app) => {
    const audit = new AuditService(ctx);
    const tag = { tags: ['accounts'] };

    app.get(
      '/auth/csrf',
      {
        schema: {
          ...tag,
          summary: 'A CSRF token to send as X-CSRF-Token with every change',
          response: { 200: z.object({ token: z.string() }) },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return { token: reply.generateCsrf() };
      },
    );

    app.post(
      '/auth/sign-in',
      {
        schema: {
          ...tag,
          summary: 'Sign in with email and password',
          body: SignInBodySchema,
          response: { 200: MeResponseSchema, ...problems },
        },
      },
      async (request, reply) => {
        const session = await accounts.signIn(request.body.email, request.body.password, requestMeta(request));
        setSessionCookie(reply, ctx.settings, session.token, session.expiresAt);
        const actor = await accounts.actorForToken(session.token);
        if (!actor) throw new Error('a session just created could not be read back');
        return accounts.me(actor);
      },
    );

    app.post(
      '/auth/sign-out',
      { schema: { ...tag, summary: 'End this session', response: { 204: noContent, ...problems } } },
      async (request, reply) => {
        await accounts.signOut(requireActor(request), requestMeta(request));
        clearSessionCookie(reply, ctx.settings);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/sign-out-everywhere',
      {
        schema: {
          ...tag,
          summary: 'End every session of mine, on every device',
          response: { 204: noContent, ...problems },
        },
      },
      async (request, reply) => {
        await accounts.signOutEverywhere(requireActor(request), requestMeta(request));
        clearSessionCookie(reply, ctx.settings);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          ...tag,
          summary: 'Mail a single-use reset link (answers the same whether or not the account exists)',
          body: ResetRequestBodySchema,
          response: { 202: noContent, ...problems },
        },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(request.body.email, requestMeta(request));
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/auth/password-reset/complete',
      {
        schema: {
          ...tag,
          summary: 'Choose a new password with a reset link',
          body: ResetCompleteBodySchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (request, reply) => {
        await accounts.completePasswordReset(request.body.token, request.body.newPassword, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        schema: {
          ...tag,
          summary: 'Who I am, my roles, and the workspaces they open',
          response: { 200: MeResponseSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return accounts.me(requireActor(request));
      },
    );

    app.patch(
      '/me',
      {
        schema: {
          ...tag,
          summary: 'Change my name or language',
          body: ProfileBodySchema,
          response: { 200: MeResponseSchema, ...problems },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await accounts.updateProfile(actor, request.body, requestMeta(request));
        return accounts.me(actor);
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          ...tag,
          summary: 'Change my password (ends my other sessions)',
          body: ChangePasswordBodySchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (request, reply) => {
        await accounts.changePassword(
          requireActor(request),
          request.body.currentPassword,
          request.body.newPassword,
          requestMeta(request),
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/sessions',
      {
        schema: {
          ...tag,
          summary: 'My open sessions',
          response: { 200: z.object({ items: z.array(SessionOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await accounts.listSessions(requireActor(request)) };
      },
    );

    app.delete(
      '/me/sessions/:id',
      {
        schema: {
          ...tag,
          summary: 'End one of my sessions',
          params: z.object({ id: z.string().min(16).max(64) }),
          response: { 204: noContent, ...problems },
        },
      },
      async (request, reply) => {
        await accounts.revokeSession(requireActor(request), request.params.id, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/invitations',
      {
        schema: {
          ...tag,
          summary: 'Invite someone to a role (mailed in their language)',
          body: InvitationBodySchema,
          response: { 201: InvitationOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        const invitation = await accounts.invite(requireActor(request), request.body, requestMeta(request));
        return reply.status(201).send(invitation);
      },
    );

    app.get(
      '/invitations',
      {
        schema: {
          ...tag,
          summary: 'Invitations I may see',
          response: { 200: z.object({ items: z.array(InvitationOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await accounts.listInvitations(requireActor(request)) };
      },
    );

    app.post(
      '/invitations/preview',
      {
        schema: {
          ...tag,
          summary: 'What an invitation offers, before accepting it',
          body: InvitationTokenBodySchema,
          response: { 200: InvitationPreviewSchema, ...problems, 410: ProblemSchema },
        },
      },
      async (request) => accounts.previewInvitation(request.body.token),
    );

    app.post(
      '/invitations/accept',
      {
        schema: {
          ...tag,
          summary: 'Accept an invitation: creates the account if needed and signs in',
          body: InvitationAcceptBodySchema,
          response: { 200: MeResponseSchema, ...problems, 410: ProblemSchema },
        },
      },
      async (request, reply) => {
        const session = await accounts.acceptInvitation(request.body, requestMeta(request));
        setSessionCookie(reply, ctx.settings, session.token, session.expiresAt);
        const actor = await accounts.actorForToken(session.token);
        if (!actor) throw new Error('a session just created could not be read back');
        return accounts.me(actor);
      },
    );

    app.get(
      '/users',
      {
        schema: {
          ...tag,
          summary: 'People and their roles (a city coordinator sees her city’s)',
          response: { 200: z.object({ items: z.array(UserOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await accounts.listUsers(requireActor(request)) };
      },
    );

    app.post(
      '/users/:id/roles',
      {
        schema: {
          ...tag,
          summary: 'Grant a role',
          params: z.object({ id: z.uuid() }),
          body: GrantBodySchema,
          response: { 201: z.object({ id: z.string() }), ...problems },
        },
      },
      async (request, reply) => {
        const id = await accounts.grantRole(
          requireActor(request),
          request.params.id,
          request.body.role,
          request.body.scope,
          requestMeta(request),
        );
        return reply.status(201).send({ id });
      },
    );

    app.delete(
      '/role-grants/:id',
      {
        schema: {
          ...tag,
          summary: 'Revoke a role grant',
          params: z.object({ id: z.uuid() }),
          response: { 204: noContent, ...problems },
        },
      },
      async (request, reply) => {
        await accounts.revokeRole(requireActor(request), request.params.id, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit trail, newest first',
          querystring: AuditQuerySchema,
          response: { 200: pageSchema(AuditRecordOutSchema), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return audit.trail(requireActor(request), request.query);
      },
    );

    app.get(
      '/outbox',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Mail the platform has sent or holds (administrators)',
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: pageSchema(OutboxMailOutSchema).extend({ smtpConfigured: z.boolean() }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return accounts.outbox(requireActor(request), request.query);
      },
    );
  };
}
