import {
  ApplicantCityBodySchema,
  ApplicationCountsQuerySchema,
  ApplicationCountsSchema,
  ApplicationDetailSchema,
  ApplicationOutSchema,
  ApplicationsQuerySchema,
  ApplicationTransitionBodySchema,
  CityMembershipSchema,
  ComplianceBoardSchema,
  ComplianceQuerySchema,
  ComplianceRowSchema,
  CreateApplicationBodySchema,
  CreateMembershipCallBodySchema,
  CreateReportBodySchema,
  MembershipCallOutSchema,
  MembershipSettingsSchema,
  MembershipStatsSchema,
  ProblemSchema,
  QuotaOutSchema,
  ReminderBodySchema,
  ReportOutSchema,
  SaveApplicationFormBodySchema,
  StandingBodySchema,
  UpdateMembershipCallBodySchema,
  UpdateMembershipSettingsBodySchema,
} from '@lco/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { closingOnRefusal, registerMultipart, sendStoredFile, uploadOf } from '../../platform/files/upload.ts';
import { requestMeta, requireActor } from '../../platform/http/auth.ts';
import { ApplicationService } from './application.service.ts';
import { ReportService } from './report.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const byId = z.object({ id: z.uuid() });
const city = z.object({ slug: z.string().min(1).max(200) });
const tags = ['membership'];

export function membershipRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const applications = new ApplicationService(ctx);
    const reports = new ReportService(ctx);
    await registerMultipart(app);

    // ── calls ──

    app.get(
      '/membership-calls',
      {
        schema: {
          tags,
          summary: 'Membership calls with their window and rules (public)',
          response: { 200: z.object({ items: z.array(MembershipCallOutSchema) }) },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-cache');
        return { items: await applications.calls() };
      },
    );

    app.get(
      '/membership-calls/:id',
      {
        schema: {
          tags,
          summary: 'One membership call (public)',
          params: byId,
          response: { 200: MembershipCallOutSchema, 404: ProblemSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-cache');
        return applications.call(request.params.id);
      },
    );

    app.post(
      '/membership-calls',
      {
        schema: {
          tags,
          summary:
            'Open a call: window, endorsement days (default 30), quota per country (default 3), jury, expiry (secretariat)',
          body: CreateMembershipCallBodySchema,
          response: { 201: MembershipCallOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await applications.createCall(requireActor(request), request.body, requestMeta(request))),
    );

    app.patch(
      '/membership-calls/:id',
      {
        schema: {
          tags,
          summary: "Change a call's settings (secretariat)",
          params: byId,
          body: UpdateMembershipCallBodySchema,
          response: { 200: MembershipCallOutSchema, ...problems },
        },
      },
      async (request) =>
        applications.updateCall(requireActor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.get(
      '/membership-calls/:id/quota/:country',
      {
        schema: {
          tags,
          summary: "A National Commission's endorsements in a call, of its quota (that commission, secretariat)",
          params: byId.extend({ country: z.string().regex(/^[A-Z]{2}$/) }),
          response: { 200: QuotaOutSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return applications.quota(requireActor(request), request.params.id, request.params.country);
      },
    );

    app.post(
      '/applicant-cities',
      {
        schema: {
          tags,
          summary: 'Add a city that is not in the directory yet, as an applicant (secretariat)',
          body: ApplicantCityBodySchema,
          response: {
            201: z.object({ slug: z.string(), name: z.string(), countryIso2: z.string() }),
            ...problems,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await applications.addApplicantCity(requireActor(request), request.body, requestMeta(request))),
    );

    // ── applications ──

    app.get(
      '/membership-applications',
      {
        schema: {
          tags,
          summary:
            'Applications the actor may see (city team: its own; National Commission: its country; secretariat, jury: all)',
          querystring: ApplicationsQuerySchema,
          response: { 200: z.object({ items: z.array(ApplicationOutSchema) }), ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await applications.list(requireActor(request), request.query) };
      },
    );

    app.get(
      '/membership-application-counts',
      {
        schema: {
          tags,
          summary: 'Applications counted by state and by UNESCO region, of one call or of all (secretariat)',
          querystring: ApplicationCountsQuerySchema,
          response: { 200: ApplicationCountsSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return applications.counts(requireActor(request), request.query);
      },
    );

    app.post(
      '/membership-applications',
      {
        schema: {
          tags,
          summary: 'Open a draft application for a non-member city of the directory (its coordinator)',
          body: CreateApplicationBodySchema,
          response: { 201: ApplicationDetailSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await applications.create(requireActor(request), request.body, requestMeta(request))),
    );

    app.get(
      '/membership-applications/:id',
      {
        schema: {
          tags,
          summary: 'An application with its form, signature, history and the steps the actor may take',
          params: byId,
          response: { 200: ApplicationDetailSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return applications.detail(request.actor, request.params.id);
      },
    );

    app.put(
      '/membership-applications/:id/form',
      {
        schema: {
          tags,
          summary: "Save the draft's form (city team); texts of at most 200 words",
          params: byId,
          body: SaveApplicationFormBodySchema,
          response: { 200: ApplicationDetailSchema, ...problems },
        },
      },
      async (request) =>
        applications.saveForm(requireActor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.post(
      '/membership-applications/:id/transitions',
      {
        schema: {
          tags,
          summary:
            'Take a named step: sign (attestation), revise, submit, endorse, decline, recommend, accept, not-accept',
          params: byId,
          body: ApplicationTransitionBodySchema,
          response: { 200: ApplicationDetailSchema, ...problems },
        },
      },
      async (request) =>
        applications.transition(requireActor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.post(
      '/membership-applications/:id/signed-form',
      {
        schema: {
          tags,
          summary:
            'Sign by uploading the mayor\'s signed and stamped form (multipart/form-data, field "file": PDF, PNG or JPEG)',
          consumes: ['multipart/form-data'],
          params: byId,
          response: {
            200: ApplicationDetailSchema,
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
          applications.signWithUpload(
            requireActor(request),
            request.params.id,
            uploadOf(request, ctx.settings.evidenceMaxBytes),
            requestMeta(request),
          ),
        ),
    );

    app.get(
      '/membership-applications/:id/signed-form',
      {
        schema: {
          tags,
          summary: 'Download the signed and stamped form',
          params: byId,
          response: { 200: z.unknown().describe('the file, as stored'), ...problems },
        },
      },
      async (request, reply) => {
        const file = await applications.signedForm(request.actor, request.params.id);
        return sendStoredFile(reply, file);
      },
    );

    // ── members: profile, reports, compliance, standing, settings ──

    app.get(
      '/cities/:slug/membership',
      {
        schema: {
          tags,
          summary: "A city's public membership facts: status, year of joining, standing, last report, key figures",
          params: city,
          response: { 200: CityMembershipSchema, 404: ProblemSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-cache');
        return reports.profile(request.params.slug);
      },
    );

    app.get(
      '/membership-stats',
      {
        schema: {
          tags,
          summary: 'Member cities by UNESCO region and by year of joining (public)',
          response: { 200: MembershipStatsSchema },
        },
      },
      async () => reports.stats(),
    );

    app.get(
      '/cities/:slug/membership-reports',
      {
        schema: {
          tags,
          summary:
            "A member's biennial progress reports, newest first, the narrative to start the next from, and its compliance (when the next is due)",
          params: city,
          response: {
            200: z.object({
              items: z.array(ReportOutSchema),
              prefill: z.object({ narrative: z.string() }).nullable(),
              compliance: ComplianceRowSchema.nullable(),
            }),
            ...problems,
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return reports.reports(requireActor(request), request.params.slug);
      },
    );

    app.post(
      '/cities/:slug/membership-reports',
      {
        schema: {
          tags,
          summary: 'Submit the biennial progress report: an accepted monitoring cycle and a narrative (coordinator)',
          params: city,
          body: CreateReportBodySchema,
          response: { 201: ReportOutSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await reports.submit(requireActor(request), request.params.slug, request.body, requestMeta(request))),
    );

    app.get(
      '/membership-compliance',
      {
        schema: {
          tags,
          summary: "Every member's reporting status: on-time, due, overdue, missing (secretariat)",
          querystring: ComplianceQuerySchema,
          response: { 200: ComplianceBoardSchema, ...problems },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return reports.board(requireActor(request), request.query);
      },
    );

    app.post(
      '/membership-compliance/reminders',
      {
        schema: {
          tags,
          summary: 'Mail report reminders to members (those named, or every one due, overdue or missing) (secretariat)',
          body: ReminderBodySchema,
          response: { 200: z.object({ reminded: z.array(z.string()) }), ...problems },
        },
      },
      async (request) => reports.remind(requireActor(request), request.body.cities, requestMeta(request)),
    );

    app.post(
      '/cities/:slug/membership/standing',
      {
        schema: {
          tags,
          summary:
            'Mark a member inactive (after the set number of missed reports) or active again, with a reason (secretariat)',
          params: city,
          body: StandingBodySchema.extend({ standing: z.enum(['active', 'inactive']) }),
          response: { 200: ComplianceRowSchema, ...problems },
        },
      },
      async (request) =>
        reports.setStanding(
          requireActor(request),
          request.params.slug,
          request.body.standing,
          request.body.reason,
          requestMeta(request),
        ),
    );

    app.get(
      '/membership-settings',
      {
        schema: {
          tags,
          summary: 'The reporting rules: period, due window, grace days, missed reports before inactive (public)',
          response: { 200: MembershipSettingsSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-cache');
        return reports.settings();
      },
    );

    app.put(
      '/membership-settings',
      {
        schema: {
          tags,
          summary: 'Change the reporting rules (secretariat)',
          body: UpdateMembershipSettingsBodySchema,
          response: { 200: MembershipSettingsSchema, ...problems },
        },
      },
      async (request) => reports.updateSettings(requireActor(request), request.body, requestMeta(request)),
    );
  };
}
