import {
  AcknowledgeFlagBodySchema,
  AddRoundCycleBodySchema,
  AnonymousRatingSchema,
  AssignmentDetailSchema,
  AssignmentListSchema,
  AssignmentOutSchema,
  ConsolidateBodySchema,
  ConsolidationOutSchema,
  CreateAssignmentBodySchema,
  CreateRoundBodySchema,
  DeclareConflictBodySchema,
  ExpertProfileSchema,
  FlagOutSchema,
  NarrativeListSchema,
  NarrativeOutSchema,
  ProblemSchema,
  RatingOutSchema,
  ReviewerCandidateListSchema,
  ReviewResultsSchema,
  ReviseRatingBodySchema,
  RoundDashboardSchema,
  RoundListSchema,
  RoundOutSchema,
  RubricListSchema,
  RubricOutSchema,
  SaveExpertProfileBodySchema,
  SaveNarrativeBodySchema,
  SaveRatingBodySchema,
  SaveRubricBodySchema,
  UpdateRoundBodySchema,
  YearSchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { ExpertService } from './expert.service.ts';
import { NarrativeService } from './narrative.service.ts';
import { RatingService } from './rating.service.ts';
import { RoundService } from './round.service.ts';
import { RubricService } from './rubric.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const tags = ['review'];
const slug = z.string().min(1).max(200);
const measurementId = z.string().min(1).max(20);
const cityYear = z.object({ slug, year: YearSchema });
const roundId = z.object({ id: z.uuid() });
const assignmentId = z.object({ id: z.uuid() });
const noStore = { 'cache-control': 'no-store' } as const;

export function reviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const narratives = new NarrativeService(ctx);
    const rubrics = new RubricService(ctx);
    const experts = new ExpertService(ctx);
    const rounds = new RoundService(ctx);
    const ratings = new RatingService(ctx);

    // ── the city's narratives and results ──

    app.get(
      '/cities/:slug/cycles/:year/narratives',
      {
        schema: {
          tags,
          summary:
            "A cycle's narratives for the expert measurements, with the word limit (as visible as the cycle, and to its reviewers)",
          params: cityYear,
          response: { 200: NarrativeListSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return narratives.list(request.actor, request.params.slug, request.params.year);
      },
    );

    app.put(
      '/cities/:slug/cycles/:year/narratives/:measurementId',
      {
        schema: {
          tags,
          summary: 'Save the narrative of one expert measurement (city team, while the cycle is a draft or returned)',
          params: cityYear.extend({ measurementId }),
          body: SaveNarrativeBodySchema,
          response: { 200: NarrativeOutSchema, ...problems },
        },
      },
      async (request) => {
        const { slug: city, year, measurementId: id } = request.params;
        return narratives.save(requireActor(request), city, year, id, request.body, requestMeta(request));
      },
    );

    app.get(
      '/cities/:slug/cycles/:year/review-results',
      {
        schema: {
          tags,
          summary: "The city's consolidated expert ratings with the reviewers' rationales, anonymised",
          params: cityYear,
          response: { 200: ReviewResultsSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return rounds.results(requireActor(request), request.params.slug, request.params.year);
      },
    );

    // ── rubrics ──

    app.get(
      '/review/rubrics',
      {
        schema: {
          tags,
          summary: 'The current rubric of every expert measurement',
          response: { 200: RubricListSchema },
        },
      },
      async () => ({ items: await rubrics.list() }),
    );

    app.get(
      '/review/rubrics/:measurementId',
      {
        schema: {
          tags,
          summary: "Every version of one measurement's rubric, newest first",
          params: z.object({ measurementId }),
          response: { 200: RubricListSchema, ...problems },
        },
      },
      async (request) => ({ items: await rubrics.history(request.params.measurementId) }),
    );

    app.put(
      '/review/rubrics/:measurementId',
      {
        schema: {
          tags,
          summary: 'Edit a rubric: a new version (secretariat)',
          params: z.object({ measurementId }),
          body: SaveRubricBodySchema,
          response: { 200: RubricOutSchema, ...problems },
        },
      },
      async (request) =>
        rubrics.save(requireActor(request), request.params.measurementId, request.body, requestMeta(request)),
    );

    // ── experts ──

    app.get(
      '/review/experts/:userId',
      {
        schema: {
          tags,
          summary: "An expert's country and declared conflicts (the expert herself or the secretariat)",
          params: z.object({ userId: z.uuid() }),
          response: { 200: ExpertProfileSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return experts.profile(requireActor(request), request.params.userId);
      },
    );

    app.put(
      '/review/experts/:userId',
      {
        schema: {
          tags,
          summary: "Set an expert's country (the expert herself or the secretariat)",
          params: z.object({ userId: z.uuid() }),
          body: SaveExpertProfileBodySchema,
          response: { 200: ExpertProfileSchema, ...problems },
        },
      },
      async (request) =>
        experts.saveProfile(
          requireActor(request),
          request.params.userId,
          request.body.countryIso2,
          requestMeta(request),
        ),
    );

    app.post(
      '/review/me/conflicts',
      {
        schema: {
          tags,
          summary: 'Declare a conflict of interest with a city (steps back from unsubmitted assignments there)',
          body: DeclareConflictBodySchema,
          response: { 201: ExpertProfileSchema, ...problems },
        },
      },
      async (request, reply) => {
        const profile = await experts.declareConflict(
          requireActor(request),
          request.body.city,
          request.body.reason,
          requestMeta(request),
        );
        return reply.status(201).send(profile);
      },
    );

    app.delete(
      '/review/experts/:userId/conflicts/:slug',
      {
        schema: {
          tags,
          summary: 'Lift a declared conflict of interest (secretariat)',
          params: z.object({ userId: z.uuid(), slug }),
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await experts.withdrawConflict(
          requireActor(request),
          request.params.userId,
          request.params.slug,
          requestMeta(request),
        );
        return reply.status(204).send(null);
      },
    );

    // ── rounds (secretariat) ──

    app.get(
      '/review/rounds',
      { schema: { tags, summary: 'Review rounds, newest first', response: { 200: RoundListSchema, ...problems } } },
      async (request, reply) => {
        reply.headers(noStore);
        return { items: await rounds.list(requireActor(request)) };
      },
    );

    app.post(
      '/review/rounds',
      {
        schema: {
          tags,
          summary: 'Open a review round (pins the current rubric versions)',
          body: CreateRoundBodySchema,
          response: { 201: RoundOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await rounds.create(requireActor(request), request.body, requestMeta(request))),
    );

    app.get(
      '/review/rounds/:id',
      {
        schema: { tags, summary: 'One review round', params: roundId, response: { 200: RoundOutSchema, ...problems } },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return rounds.get(requireActor(request), request.params.id);
      },
    );

    app.patch(
      '/review/rounds/:id',
      {
        schema: {
          tags,
          summary: "Change an open round's name or settings",
          params: roundId,
          body: UpdateRoundBodySchema,
          response: { 200: RoundOutSchema, ...problems },
        },
      },
      async (request) => rounds.update(requireActor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.post(
      '/review/rounds/:id/close',
      {
        schema: {
          tags,
          summary: 'Close an open round without consolidating what is left',
          params: roundId,
          response: { 200: RoundOutSchema, ...problems },
        },
      },
      async (request) => rounds.close(requireActor(request), request.params.id, requestMeta(request)),
    );

    app.post(
      '/review/rounds/:id/cycles',
      {
        schema: {
          tags,
          summary: "Put a city's submitted cycle under review in the round",
          params: roundId,
          body: AddRoundCycleBodySchema,
          response: { 201: RoundOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await rounds.addCycle(
              requireActor(request),
              request.params.id,
              request.body.city,
              request.body.year,
              requestMeta(request),
            ),
          ),
    );

    app.get(
      '/review/rounds/:id/candidates',
      {
        schema: {
          tags,
          summary: 'Experts for a city of the round: workload, and the rule that refuses each ineligible one',
          params: roundId,
          querystring: z.object({ city: slug }),
          response: { 200: ReviewerCandidateListSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return rounds.candidates(requireActor(request), request.params.id, request.query.city);
      },
    );

    app.post(
      '/review/rounds/:id/assignments',
      {
        schema: {
          tags,
          summary: 'Assign a reviewer to a city of the round (refused for her own country or a declared conflict)',
          params: roundId,
          body: CreateAssignmentBodySchema,
          response: { 201: AssignmentOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await rounds.assign(
              requireActor(request),
              request.params.id,
              request.body.city,
              request.body.reviewerId,
              requestMeta(request),
            ),
          ),
    );

    app.get(
      '/review/rounds/:id/dashboard',
      {
        schema: {
          tags,
          summary: 'Progress, agreement (initial and final, per measurement), flags and workload of a round',
          params: roundId,
          response: { 200: RoundDashboardSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return rounds.dashboard(requireActor(request), request.params.id);
      },
    );

    app.post(
      '/review/rounds/:id/flags/:slug/:measurementId/acknowledge',
      {
        schema: {
          tags,
          summary: 'Accept that a flagged disagreement stands, saying why (consolidation may then go ahead)',
          params: roundId.extend({ slug, measurementId }),
          body: AcknowledgeFlagBodySchema,
          response: { 200: FlagOutSchema, ...problems },
        },
      },
      async (request) => {
        const { id, slug: city, measurementId: m } = request.params;
        return rounds.acknowledgeFlag(requireActor(request), id, city, m, request.body.comment, requestMeta(request));
      },
    );

    app.post(
      '/review/rounds/:id/consolidate',
      {
        schema: {
          tags,
          summary: "Consolidate the round's ready cities (or one) into observations with provenance",
          params: roundId,
          body: ConsolidateBodySchema,
          response: { 200: ConsolidationOutSchema, ...problems },
        },
      },
      async (request) =>
        rounds.consolidate(requireActor(request), request.params.id, request.body.city, requestMeta(request)),
    );

    // ── assignments (the reviewer) ──

    app.get(
      '/review/me/assignments',
      {
        schema: {
          tags,
          summary: "The reviewer's inbox: her assignments, deadlines and progress",
          response: { 200: AssignmentListSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return { items: await ratings.inbox(requireActor(request)) };
      },
    );

    app.get(
      '/review/assignments/:id',
      {
        schema: {
          tags,
          summary:
            "The rating screen: evidence, narratives, pinned rubrics, my ratings; others' only after I submitted and where flagged",
          params: assignmentId,
          response: { 200: AssignmentDetailSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return ratings.detail(requireActor(request), request.params.id);
      },
    );

    app.delete(
      '/review/assignments/:id',
      {
        schema: {
          tags,
          summary: 'Take back an assignment that is not submitted (secretariat)',
          params: assignmentId,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await rounds.unassign(requireActor(request), request.params.id, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/review/assignments/:id/peer-ratings',
      {
        schema: {
          tags,
          summary: "Other reviewers' ratings of flagged measurements: refused (blind) until I have submitted",
          params: assignmentId,
          response: {
            200: z.object({
              items: z.array(z.object({ measurementId: z.string(), ratings: z.array(AnonymousRatingSchema) })),
            }),
            ...problems,
          },
        },
      },
      async (request, reply) => {
        reply.headers(noStore);
        return { items: await ratings.peers(requireActor(request), request.params.id) };
      },
    );

    app.put(
      '/review/assignments/:id/ratings/:measurementId',
      {
        schema: {
          tags,
          summary: 'Save a draft rating (1–5, or null for "cannot rate") with its rationale',
          params: assignmentId.extend({ measurementId }),
          body: SaveRatingBodySchema,
          response: { 200: RatingOutSchema, ...problems },
        },
      },
      async (request) =>
        ratings.save(
          requireActor(request),
          request.params.id,
          request.params.measurementId,
          request.body,
          requestMeta(request),
        ),
    );

    app.post(
      '/review/assignments/:id/submit',
      {
        schema: {
          tags,
          summary: 'Submit every rating: locked from then on',
          params: assignmentId,
          response: { 200: AssignmentOutSchema, ...problems },
        },
      },
      async (request) => ratings.submit(requireActor(request), request.params.id, requestMeta(request)),
    );

    app.post(
      '/review/assignments/:id/ratings/:measurementId/revise',
      {
        schema: {
          tags,
          summary: 'Revise a flagged rating during reconciliation: a new version, the submitted one kept',
          params: assignmentId.extend({ measurementId }),
          body: ReviseRatingBodySchema,
          response: { 201: RatingOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ratings.revise(
              requireActor(request),
              request.params.id,
              request.params.measurementId,
              request.body,
              requestMeta(request),
            ),
          ),
    );
  };
}
