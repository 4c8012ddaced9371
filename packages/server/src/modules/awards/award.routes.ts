import {
  AwardApplicationDetailSchema,
  AwardApplicationOutSchema,
  AwardApplicationsQuerySchema,
  AwardApplicationTransitionBodySchema,
  AwardBallotSchema,
  AwardCycleOutSchema,
  AwardCycleTransitionBodySchema,
  AwardQuotaOutSchema,
  AwardVoteTallySchema,
  CastAwardVoteBodySchema,
  CreateAwardApplicationBodySchema,
  CreateAwardCycleBodySchema,
  LangQuerySchema,
  ProblemSchema,
  PublicAwardsResponseSchema,
  ReviewBoardSchema,
  SaveAwardReportBodySchema,
  SaveAwardScoreBodySchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { closingOnRefusal, registerMultipart, sendStoredFile, uploadOf } from '../../platform/files/upload.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { negotiateLanguage } from '../../platform/http/language.ts';
import { AwardService } from './award.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const byId = z.object({ id: z.uuid() });
const tags = ['awards'];

export function awardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const awards = new AwardService(ctx);
    await registerMultipart(app);

    // ── the public record ──

    app.get(
      '/awards',
      {
        schema: {
          tags,
          summary:
            'Every award cycle with its awardees, the seeded history included, with the criteria where known (public)',
          querystring: LangQuerySchema,
          response: { 200: PublicAwardsResponseSchema },
        },
      },
      async (request, reply) => {
        const meta = negotiateLanguage(request.query.lang, reply);
        reply.header('cache-control', 'no-cache');
        return { ...meta, items: await awards.publicAwards(meta.lang) };
      },
    );

    // ── cycles ──

    app.get(
      '/award-cycles',
      {
        schema: {
          tags,
          summary: 'Award cycles with their dates, rules and state (public)',
          response: { 200: z.object({ items: z.array(AwardCycleOutSchema) }) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-cache');
        return { items: await awards.cycles(request.actor) };
      },
    );

    app.get(
      '/award-cycles/:id',
      {
        schema: {
          tags,
          summary: 'One award cycle (public)',
          params: byId,
          response: { 200: AwardCycleOutSchema, 404: ProblemSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-cache');
        return awards.cycle(request.actor, request.params.id);
      },
    );

    app.post(
      '/award-cycles',
      {
        schema: {
          tags,
          summary: 'Open a cycle with its year, dates and rules (current practice by default) (secretariat)',
          body: CreateAwardCycleBodySchema,
          response: { 201: AwardCycleOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await awards.createCycle(requireActor(request), request.body, requestMeta(request))),
    );

    app.post(
      '/award-cycles/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Take a step of the cycle: open-jury, close-jury, announce (secretariat)',
          params: byId,
          body: AwardCycleTransitionBodySchema,
          response: { 200: AwardCycleOutSchema, ...problems },
        },
      },
      async (request) =>
        awards.transitionCycle(requireActor(request), request.params.id, request.body.action, requestMeta(request)),
    );

    app.get(
      '/award-cycles/:id/quota/:country',
      {
        schema: {
          tags,
          summary: "A National Commission's nominations in a cycle, of its quota (that commission, secretariat)",
          params: byId.extend({ country: z.string().regex(/^[A-Z]{2}$/) }),
          response: { 200: AwardQuotaOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return awards.quota(requireActor(request), request.params.id, request.params.country);
      },
    );

    app.get(
      '/award-cycles/:id/review-board',
      {
        schema: {
          tags,
          summary: 'Scores per application, criterion and reviewer, with mean, spread and weighted total (secretariat)',
          params: byId,
          querystring: LangQuerySchema,
          response: { 200: ReviewBoardSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const meta = negotiateLanguage(request.query.lang, reply);
        return awards.board(requireActor(request), request.params.id, meta.lang);
      },
    );

    app.get(
      '/award-cycles/:id/ballot',
      {
        schema: {
          tags,
          summary: "The juror's ballot: the shortlist with her own votes (jury)",
          params: byId,
          response: { 200: AwardBallotSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return awards.ballot(requireActor(request), request.params.id);
      },
    );

    app.get(
      '/award-cycles/:id/votes',
      {
        schema: {
          tags,
          summary: 'The jury’s votes counted, once the jury has closed (jury, secretariat)',
          params: byId,
          response: { 200: AwardVoteTallySchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return awards.votes(requireActor(request), request.params.id);
      },
    );

    // ── applications ──

    app.get(
      '/award-applications',
      {
        schema: {
          tags,
          summary:
            'Applications the actor may see (city team: its own; National Commission: its country; reviewers: nominated; jury: shortlisted; secretariat: all)',
          querystring: AwardApplicationsQuerySchema,
          response: { 200: z.object({ items: z.array(AwardApplicationOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await awards.list(requireActor(request), request.query) };
      },
    );

    app.post(
      '/award-applications',
      {
        schema: {
          tags,
          summary: 'Open a draft application for an eligible member city (its coordinator)',
          body: CreateAwardApplicationBodySchema,
          response: { 201: AwardApplicationDetailSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await awards.create(requireActor(request), request.body, requestMeta(request))),
    );

    app.get(
      '/award-applications/:id',
      {
        schema: {
          tags,
          summary:
            'An application with its report, consent form, monitoring data, history and the steps the actor may take',
          params: byId,
          response: { 200: AwardApplicationDetailSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return awards.detail(request.actor, request.params.id);
      },
    );

    app.put(
      '/award-applications/:id/report',
      {
        schema: {
          tags,
          summary: "Save the draft's report: summary, a section per criterion, materials as links (city team)",
          params: byId,
          body: SaveAwardReportBodySchema,
          response: { 200: AwardApplicationDetailSchema, ...problems },
        },
      },
      async (request) =>
        awards.saveReport(requireActor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.post(
      '/award-applications/:id/consent-form',
      {
        schema: {
          tags,
          summary: 'Upload the signed consent form (multipart/form-data, field "file": PDF, PNG or JPEG) (city team)',
          consumes: ['multipart/form-data'],
          params: byId,
          response: {
            200: AwardApplicationDetailSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            422: ProblemSchema,
            ...problems,
          },
        },
      },
      async (request, reply) =>
        closingOnRefusal(
          reply,
          awards.uploadConsentForm(
            requireActor(request),
            request.params.id,
            uploadOf(request, ctx.settings.evidenceMaxBytes),
            requestMeta(request),
          ),
        ),
    );

    app.get(
      '/award-applications/:id/consent-form',
      {
        schema: {
          tags,
          summary: 'Download the signed consent form',
          params: byId,
          response: { 200: z.unknown().describe('the file, as stored'), ...problems },
        },
      },
      async (request, reply) => {
        const file = await awards.consentForm(request.actor, request.params.id);
        return sendStoredFile(reply, file);
      },
    );

    app.post(
      '/award-applications/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Take a named step: submit, nominate, decline, shortlist, not-shortlist, select',
          params: byId,
          body: AwardApplicationTransitionBodySchema,
          response: { 200: AwardApplicationDetailSchema, ...problems },
        },
      },
      async (request) =>
        awards.transition(requireActor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.put(
      '/award-applications/:id/scores/:criterion',
      {
        schema: {
          tags,
          summary: "Score one criterion on the cycle's scale with a rationale (reviewer)",
          params: byId.extend({ criterion: z.string().min(1).max(100) }),
          body: SaveAwardScoreBodySchema,
          response: { 200: AwardApplicationDetailSchema, ...problems },
        },
      },
      async (request) =>
        awards.score(
          requireActor(request),
          request.params.id,
          request.params.criterion,
          request.body,
          requestMeta(request),
        ),
    );

    app.post(
      '/award-applications/:id/votes',
      {
        schema: {
          tags,
          summary: 'Vote for or against a shortlisted application, once (jury)',
          params: byId,
          body: CastAwardVoteBodySchema,
          response: { 200: AwardBallotSchema, ...problems },
        },
      },
      async (request) => awards.vote(requireActor(request), request.params.id, request.body.vote, requestMeta(request)),
    );
  };
}
