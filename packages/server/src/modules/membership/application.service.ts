import {
  APPLICATION_STATES,
  type ApplicationCounts,
  type ApplicationDetail,
  type ApplicationForm,
  type ApplicationOut,
  type ApplicationState,
  type ApplicationsQuery,
  type ApplicationTransitionBody,
  applicationWordIssues,
  type CreateMembershipCallBody,
  foldForSearch,
  isLang,
  type MembershipCallOut,
  missingApplicationFields,
  type UpdateMembershipCallBody,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { contentDisposition, safeFileName, sniffContent } from '../../platform/files/content.ts';
import { opener, receiveUpload, scanOrRefuse, type Upload } from '../../platform/files/upload.ts';
import {
  badRequest,
  forbidden,
  HttpProblem,
  notFound,
  PROBLEM_TYPES,
  unauthorized,
} from '../../platform/http/problem.ts';
import { type Actor, hasRole } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import {
  allowedActions,
  EXPIRY,
  type Recipient,
  type Refusal,
  refuseActor,
  refuseStep,
  TRANSITIONS,
  type TransitionFacts,
} from './membership.machine.ts';
import { type MembershipMailEvent, membershipMail } from './membership.mail.ts';
import { can, isCityEditorOnly, type MembershipAction, type MembershipScope } from './membership.policy.ts';
import { membershipProblem } from './membership.problems.ts';
import { type ApplicationRow, type CallRow, type MemberCity, MembershipRepository } from './membership.repository.ts';
import type { membershipApplications, SignatureRecord } from './membership.tables.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The signed and stamped form: a PDF or a photo of the page. */
const SIGNED_FORM_TYPES = new Map([
  ['application/pdf', []],
  ['image/png', []],
  ['image/jpeg', ['jpeg']],
]);

export interface SignedFormDownload {
  stream: NodeJS.ReadableStream;
  contentType: string;
  contentDisposition: string;
  size: number;
}

/**
 * Membership calls and applications: the calls the secretariat opens, and each city's application taken through
 * the state machine of membership.machine.ts, one named command per step, each in one transaction with its event,
 * its audit record and its mails to the next actor.
 */
export class ApplicationService {
  private readonly repository: MembershipRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new MembershipRepository(ctx.db);
  }

  // calls

  async calls(): Promise<MembershipCallOut[]> {
    const now = this.ctx.now();
    return (await this.repository.listCalls()).map((c) => presentCall(c, now));
  }

  async call(id: string): Promise<MembershipCallOut> {
    return presentCall(await this.findCall(id), this.ctx.now());
  }

  async createCall(actor: Actor, body: CreateMembershipCallBody, meta: RequestMeta): Promise<MembershipCallOut> {
    this.authorize(actor, 'call.write', NETWORK);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const row = await new MembershipRepository(tx).insertCall({
        ...body,
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      });
      await audit(tx, actor, 'call.create', 'membership-call', row.id, null, callSettings(row), meta, now);
      return presentCall(row, now);
    });
  }

  async updateCall(actor: Actor, id: string, body: UpdateMembershipCallBody, meta: RequestMeta) {
    this.authorize(actor, 'call.write', NETWORK);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      const before = await repository.findCall(id, { lock: true });
      if (!before) throw notFound('No such membership call.');
      const { opensAt, closesAt, ...rest } = body;
      const next = {
        ...rest,
        ...(opensAt === undefined ? {} : { opensAt: new Date(opensAt) }),
        ...(closesAt === undefined ? {} : { closesAt: new Date(closesAt) }),
      };
      if ((next.closesAt ?? before.closesAt) <= (next.opensAt ?? before.opensAt)) {
        throw badRequest('A call closes after it opens.', [{ field: 'closesAt', message: 'closes after it opens' }]);
      }
      const row = await repository.updateCall(id, { ...next, updatedAt: now });
      if (!row) throw notFound('No such membership call.');
      await audit(tx, actor, 'call.update', 'membership-call', id, callSettings(before), callSettings(row), meta, now);
      return presentCall(row, now);
    });
  }

  /** How many applications a country's National Commission has endorsed in a call, of its quota. */
  async quota(actor: Actor, callId: string, countryIso2: string) {
    if (!can(actor, 'compliance.read', NETWORK) && !hasRole(actor, 'natcom', countryIso2)) throw forbidden();
    const call = await this.findCall(callId);
    return {
      callId,
      countryIso2,
      quota: call.quotaPerCountry,
      used: await this.repository.endorsedInCountry(callId, countryIso2),
    };
  }

  // applicant cities

  /**
   * A city that is not in the directory yet is added by the secretariat as an applicant, so that its coordinator
   * can be invited and apply. Cities already in the directory apply as they are.
   */
  async addApplicantCity(actor: Actor, body: { name: string; countryIso2: string }, meta: RequestMeta) {
    this.authorize(actor, 'applicant-city.create', NETWORK);
    const countryNames = await this.repository.countryNames(body.countryIso2);
    if (!countryNames) {
      throw badRequest(`No country ${body.countryIso2}.`, [{ field: 'countryIso2', message: 'is unknown' }]);
    }
    const now = this.ctx.now();
    const base =
      foldForSearch(body.name)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'city';
    return this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      for (const slug of [base, `${base}-${body.countryIso2.toLowerCase()}`]) {
        const row = await repository.insertCity({
          slug,
          name: body.name,
          countryIso2: body.countryIso2,
          membershipStatus: 'applicant',
          searchText: foldForSearch([body.name, ...Object.values(countryNames)].join(' | ')),
        });
        if (!row) continue;
        await audit(tx, actor, 'applicant-city.create', 'city', row.id, null, { slug, name: row.name }, meta, now);
        return { slug: row.slug, name: row.name, countryIso2: row.countryIso2 };
      }
      throw membershipProblem('alreadyApplied', `A city with the slug "${base}" is already in the directory.`);
    });
  }

  // applications

  async list(actor: Actor, query: ApplicationsQuery): Promise<ApplicationOut[]> {
    // What the actor may read: everything for the network staff and the jury, else its cities and countries.
    let visible: { cityIds: string[]; countryCodes: string[] } | null = null;
    if (!can(actor, 'compliance.read', NETWORK) && !hasRole(actor, 'jury')) {
      const cityIds = actor.grants
        .filter((g) => (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scopeId)
        .map((g) => g.scopeId as string);
      const countryCodes = actor.grants.filter((g) => g.role === 'natcom' && g.scopeId).map((g) => g.scopeId as string);
      if (cityIds.length === 0 && countryCodes.length === 0) return [];
      visible = { cityIds, countryCodes };
    }
    const rows = await this.repository.listApplications(visible, query);
    const calls = new Map((await this.repository.listCalls()).map((c) => [c.id, c]));
    const now = this.ctx.now();
    const out: ApplicationOut[] = [];
    for (const { application, city } of rows) {
      const call = calls.get(application.callId);
      // The jury reads only the applications of calls that ask for its recommendation.
      if (!call || !can(actor, 'application.read', scopeOf(city, call))) continue;
      const endorsed =
        application.state === 'submitted' ? await this.repository.endorsedInCountry(call.id, city.countryIso2) : 0;
      out.push(presentApplication(actor, application, city, call, endorsed, now));
    }
    return out;
  }

  /** The secretariat's counts of applications by state and region. */
  async counts(actor: Actor, query: { call?: string }): Promise<ApplicationCounts> {
    this.authorize(actor, 'application.count', NETWORK);
    if (query.call) await this.findCall(query.call);
    const zero = () =>
      Object.fromEntries(APPLICATION_STATES.map((state) => [state, 0])) as Record<ApplicationState, number>;
    const out: ApplicationCounts = { total: 0, byState: zero(), byRegion: [] };
    for (const { region, state, n } of await this.repository.countApplications(query.call)) {
      let row = out.byRegion.find((r) => r.region === region);
      if (!row) {
        row = { region, total: 0, byState: zero() };
        out.byRegion.push(row);
      }
      row.byState[state as ApplicationState] += n;
      row.total += n;
      out.byState[state as ApplicationState] += n;
      out.total += n;
    }
    return out;
  }

  async detail(actor: Actor | null, id: string): Promise<ApplicationDetail> {
    if (!actor) throw unauthorized();
    const { application, city, call } = await this.load(this.repository, id);
    if (!can(actor, 'application.read', scopeOf(city, call))) throw forbidden();
    const endorsed = await this.repository.endorsedInCountry(call.id, city.countryIso2);
    const history = await this.repository.history(city.id, id);
    const signature = application.signature;
    return {
      ...presentApplication(actor, application, city, call, endorsed, this.ctx.now()),
      form: application.form,
      missingFields: missingApplicationFields(application.form),
      signature: signature
        ? {
            method: signature.method,
            signatoryName: signature.signatoryName,
            signatoryTitle: signature.signatoryTitle,
            file: signature.file
              ? {
                  fileName: signature.file.fileName,
                  contentType: signature.file.contentType,
                  size: signature.file.size,
                  sha256: signature.file.sha256,
                }
              : null,
            downloadPath: signature.file ? `/api/v1/membership-applications/${id}/signed-form` : null,
            signedBy: signature.signedBy,
            signedAt: signature.signedAt,
          }
        : null,
      history: history.map(({ event, actorName }) => ({
        at: event.at.toISOString(),
        action: event.action,
        from: (event.fromState as ApplicationState | null) ?? null,
        to: event.toState as ApplicationState,
        by: actorName,
        reasons: event.reasons,
      })),
    };
  }

  /** A city of the directory that is not a member opens a draft in a call that has not closed. */
  async create(actor: Actor, body: { callId: string; city: string }, meta: RequestMeta): Promise<ApplicationDetail> {
    const city = await this.repository.findCity(body.city);
    if (!city) throw notFound(`No city with the slug "${body.city}" is in the network directory.`);
    if (!can(actor, 'application.create', scopeOf(city))) {
      if (isCityEditorOnly(actor, scopeOf(city))) {
        throw membershipProblem('coordinatorOnly', 'Only the city coordinator may open the application.');
      }
      throw forbidden();
    }
    const call = await this.findCall(body.callId);
    const now = this.ctx.now();
    if (city.membershipStatus === 'member') {
      throw membershipProblem('alreadyMember', `${city.name} is already a member of the network.`);
    }
    if (now > call.closesAt) {
      throw membershipProblem('windowClosed', `The call "${call.name}" closed on ${day(call.closesAt)}.`);
    }
    const id = await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      const row = await repository.insertApplication({
        cityId: city.id,
        callId: call.id,
        state: 'draft',
        form: {},
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      });
      if (!row) {
        throw membershipProblem('alreadyApplied', `${city.name} already has an application in "${call.name}".`);
      }
      await repository.insertEvent({
        cityId: city.id,
        applicationId: row.id,
        at: now,
        actorId: actor.userId,
        action: 'create',
        fromState: null,
        toState: 'draft',
      });
      await audit(
        tx,
        actor,
        'application.create',
        'membership-application',
        row.id,
        null,
        { state: 'draft' },
        meta,
        now,
        city.id,
      );
      return row.id;
    });
    return this.detail(actor, id);
  }

  /** Save the draft's form (the city team). Given fields are checked; completeness waits for signing. */
  async saveForm(
    actor: Actor,
    id: string,
    body: { form: ApplicationForm; expectedVersion: number },
    meta: RequestMeta,
  ): Promise<ApplicationDetail> {
    const { city } = await this.load(this.repository, id);
    if (!can(actor, 'application.edit', scopeOf(city))) throw forbidden();
    const words = applicationWordIssues(body.form);
    if (words.length > 0) {
      throw membershipProblem('wordLimit', words.map((w) => `${w.field} ${w.message}`).join('; '), words);
    }
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      const application = await repository.findApplication(id, { lock: true });
      if (!application) throw notFound('No such membership application.');
      if (application.state !== 'draft') {
        throw membershipProblem(
          'transitionNotAllowed',
          `The application is ${application.state}: its form is changed only as a draft (revise it first).`,
        );
      }
      const saved = await repository.updateApplication(city.id, id, body.expectedVersion, {
        form: body.form,
        updatedAt: now,
      });
      if (!saved) throw stale(application.version);
      await audit(
        tx,
        actor,
        'application.edit',
        'membership-application',
        id,
        application.form,
        body.form,
        meta,
        now,
        city.id,
      );
    });
    return this.detail(actor, id);
  }

  /** One named step of the state machine (not signing by upload, which has its own endpoint). */
  async transition(actor: Actor, id: string, body: ApplicationTransitionBody, meta: RequestMeta) {
    const signature =
      body.action === 'sign'
        ? (now: Date): SignatureRecord => ({
            method: 'attestation',
            signatoryName: body.attestation.signatoryName,
            signatoryTitle: body.attestation.signatoryTitle,
            file: null,
            signedBy: actor.userId,
            signedAt: now.toISOString(),
          })
        : undefined;
    await this.step(actor, id, body, meta, signature);
    return this.detail(actor, id);
  }

  /**
   * Sign by uploading the signed and stamped form (PDF, PNG or JPEG, typed from its content and scanned). Who and
   * when are checked before a byte is read; the file is removed again when the step is refused.
   */
  async signWithUpload(actor: Actor, id: string, upload: Upload, meta: RequestMeta): Promise<ApplicationDetail> {
    const { application, city, call } = await this.load(this.repository, id);
    this.refuse(refuseActor(actor, TRANSITIONS.sign, scopeOf(city)));
    this.refuse(refuseStep(TRANSITIONS.sign, await this.facts(this.repository, application, city, call, 'sign')));
    const max = this.ctx.settings.evidenceMaxBytes;
    const stored = await receiveUpload(this.ctx.files, upload, {
      maxBytes: max,
      tooLarge: () =>
        new HttpProblem(
          413,
          PROBLEM_TYPES.payloadTooLarge,
          'File too large',
          `The signed form may be at most ${Math.round((max / (1024 * 1024)) * 10) / 10} MB.`,
        ),
    });
    try {
      const open = opener(this.ctx.files, stored.key);
      const sniffed = await sniffContent(open);
      const aliases = sniffed ? SIGNED_FORM_TYPES.get(sniffed.mime) : undefined;
      if (!sniffed || !aliases) {
        throw new HttpProblem(
          415,
          PROBLEM_TYPES.unsupportedMediaType,
          'File type not accepted',
          `${sniffed ? `This file is ${sniffed.mime}` : 'This file is of no type we recognise'}, whatever its name says. ` +
            'The signed and stamped form may be a PDF, PNG or JPEG.',
        );
      }
      const scanner = await scanOrRefuse(this.ctx.scanner, open, stored.size);
      await this.step(actor, id, { action: 'sign' } as ApplicationTransitionBody, meta, (now) => ({
        method: 'upload',
        signatoryName: null,
        signatoryTitle: null,
        file: {
          storageKey: stored.key,
          fileName: safeFileName(stored.fileName, sniffed, aliases),
          contentType: sniffed.mime,
          size: stored.size,
          sha256: stored.sha256,
          scanner,
        },
        signedBy: actor.userId,
        signedAt: now.toISOString(),
      }));
    } catch (error) {
      await this.ctx.files.delete(stored.key);
      throw error;
    }
    return this.detail(actor, id);
  }

  async signedForm(actor: Actor | null, id: string): Promise<SignedFormDownload> {
    if (!actor) throw unauthorized();
    const { application, city, call } = await this.load(this.repository, id);
    if (!can(actor, 'application.read', scopeOf(city, call))) throw forbidden();
    const file = application.signature?.file;
    if (!file) throw notFound('This application was not signed by uploading the form.');
    const stream = await this.ctx.files.get(file.storageKey);
    if (!stream) throw notFound('The signed form is missing from storage.');
    return {
      stream,
      contentType: file.contentType,
      contentDisposition: contentDisposition(file.fileName),
      size: file.size,
    };
  }

  /**
   * The deadline sweep: reminds National Commissions before their deadline (once per submission) and lets
   * submissions expire past it where the call's rules say so. Idempotent: a second run finds nothing to do.
   */
  async sweepDeadlines(now: Date): Promise<{ reminded: number; expired: number }> {
    const result = await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      const reminded = await repository.claimEndorsementReminders(now);
      for (const application of reminded) {
        const city = await repository.findCityById(application.cityId);
        const call = await repository.findCall(application.callId);
        if (!city || !call || !application.endorsementDeadline) continue;
        await this.mail(
          tx,
          repository,
          ['natcom'],
          'endorsement-reminder',
          city,
          call,
          application.endorsementDeadline,
        );
        await appendAudit(
          tx,
          {
            actorId: null,
            action: 'application.remind',
            resourceType: 'membership-application',
            resourceId: application.id,
            scopeId: city.id,
            after: { remindedFor: application.endorsementDeadline.toISOString() },
          },
          now,
        );
      }
      let expired = 0;
      for (const found of await repository.expiredSubmissions(now)) {
        const application = await repository.findApplication(found.id, { lock: true });
        // Someone may have answered since the list was read.
        if (!application) continue;
        if (application.state !== 'submitted') continue;
        const city = await repository.findCityById(application.cityId);
        const call = await repository.findCall(application.callId);
        if (!city || !call) continue;
        await repository.updateApplication(city.id, application.id, application.version, {
          state: EXPIRY.to,
          updatedAt: now,
        });
        await repository.insertEvent({
          cityId: city.id,
          applicationId: application.id,
          at: now,
          actorId: null,
          action: EXPIRY.action,
          fromState: 'submitted',
          toState: EXPIRY.to,
          reasons: `No answer from the National Commission by ${day(application.endorsementDeadline ?? now)}.`,
        });
        await appendAudit(
          tx,
          {
            actorId: null,
            action: 'application.expire',
            resourceType: 'membership-application',
            resourceId: application.id,
            scopeId: city.id,
            before: { state: 'submitted' },
            after: { state: EXPIRY.to },
          },
          now,
        );
        await this.mail(tx, repository, EXPIRY.notify, 'expired', city, call, application.endorsementDeadline ?? now);
        expired++;
      }
      return { reminded: reminded.length, expired };
    });
    if (result.reminded + result.expired > 0) this.ctx.mailer.deliverSoon();
    return result;
  }

  // Internals

  private async step(
    actor: Actor,
    id: string,
    body: ApplicationTransitionBody,
    meta: RequestMeta,
    signature?: (now: Date) => SignatureRecord,
  ): Promise<void> {
    const transition = TRANSITIONS[body.action];
    const loaded = await this.load(this.repository, id);
    this.refuse(refuseActor(actor, transition, scopeOf(loaded.city)));
    const now = this.ctx.now();
    const reasons = 'reasons' in body ? (body.reasons ?? null) : null;
    await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      // The call first, then the application: endorsements of one call queue here, so the quota holds.
      const call = await repository.findCall(loaded.call.id, { lock: true });
      const application = await repository.findApplication(id, { lock: true });
      if (!call || !application) throw notFound('No such membership application.');
      const city = loaded.city;
      if (body.expectedVersion !== undefined && body.expectedVersion !== application.version) {
        throw stale(application.version);
      }
      this.refuse(refuseStep(transition, await this.facts(repository, application, city, call, body.action, now)));
      const values: Partial<typeof membershipApplications.$inferInsert> = { state: transition.to, updatedAt: now };
      if (signature) values.signature = signature(now);
      if (body.action === 'revise') values.signature = null;
      if (body.action === 'submit') {
        values.submittedAt = now;
        values.endorsementDeadline = new Date(now.getTime() + call.endorsementDays * DAY);
        values.remindedAt = null;
      }
      if (body.action === 'recommend') values.recommendation = body.recommendation;
      const saved = await repository.updateApplication(city.id, id, application.version, values);
      if (!saved) throw stale(application.version);
      await repository.insertEvent({
        cityId: city.id,
        applicationId: id,
        at: now,
        actorId: actor.userId,
        action: body.action,
        fromState: application.state,
        toState: transition.to,
        reasons: body.action === 'recommend' ? `${body.recommendation}: ${reasons}` : reasons,
      });
      if (body.action === 'accept') {
        // The city's public profile goes live: member since this year, with the facts of its application.
        await repository.makeMember(city.id, now.getUTCFullYear(), {
          population: application.form.population ?? null,
          populationYear: application.form.populationYear ?? null,
        });
        await repository.upsertMembership({
          cityId: city.id,
          joinedAt: now,
          applicationId: id,
          standing: 'active',
          facts: application.form,
          updatedAt: now,
        });
      }
      await audit(
        tx,
        actor,
        `application.${body.action}`,
        'membership-application',
        id,
        { state: application.state },
        {
          state: transition.to,
          reasons,
          ...(body.action === 'recommend' ? { recommendation: body.recommendation } : {}),
          ...(values.signature
            ? { signature: { method: values.signature.method, signatoryName: values.signature.signatoryName } }
            : {}),
          ...(values.endorsementDeadline ? { endorsementDeadline: values.endorsementDeadline.toISOString() } : {}),
        },
        meta,
        now,
        city.id,
      );
      // Whoever comes next when the call has a jury, else the secretariat: the jury hears of endorsements only then.
      const notify = transition.notify.filter((r) => r !== 'jury' || call.juryRecommendation);
      await this.mail(tx, repository, notify, transition.mail, city, call, saved.endorsementDeadline ?? now);
    });
    this.ctx.mailer.deliverSoon();
  }

  private async facts(
    repository: MembershipRepository,
    application: ApplicationRow,
    city: MemberCity,
    call: CallRow,
    action: string,
    now: Date = this.ctx.now(),
  ): Promise<TransitionFacts> {
    return {
      state: application.state as ApplicationState,
      call,
      endorsementDeadline: application.endorsementDeadline,
      endorsedInCountry: action === 'endorse' ? await repository.endorsedInCountry(call.id, city.countryIso2) : 0,
      missingFields: missingApplicationFields(application.form),
      now,
    };
  }

  private async mail(
    tx: Database,
    repository: MembershipRepository,
    notify: readonly Recipient[],
    event: MembershipMailEvent,
    city: MemberCity,
    call: CallRow,
    date: Date,
  ): Promise<void> {
    if (notify.length === 0) return;
    const people = await repository.recipients(notify, city);
    for (const person of people) {
      const lang = isLang(person.lang) ? person.lang : 'en';
      const mail = membershipMail(
        lang,
        event,
        { city: city.name, call: call.name, date: day(date) },
        `${this.ctx.settings.publicUrl}/membership/applications`,
      );
      await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: `membership-${event}` });
    }
  }

  private async load(repository: MembershipRepository, id: string) {
    const application = await repository.findApplication(id);
    if (!application) throw notFound('No such membership application.');
    const city = await repository.findCityById(application.cityId);
    const call = await repository.findCall(application.callId);
    if (!city || !call) throw notFound('No such membership application.');
    return { application, city, call };
  }

  private async findCall(id: string): Promise<CallRow> {
    const call = await this.repository.findCall(id);
    if (!call) throw notFound('No such membership call.');
    return call;
  }

  private refuse(refusal: Refusal | null): void {
    if (!refusal) return;
    if (refusal.rule === 'forbidden') throw forbidden(refusal.detail);
    throw membershipProblem(refusal.rule, refusal.detail, refusal.errors);
  }

  private authorize(actor: Actor, action: MembershipAction, scope: MembershipScope): void {
    if (!can(actor, action, scope)) throw forbidden();
  }
}

const NETWORK: MembershipScope = { cityId: null, countryIso2: null };

export function scopeOf(
  city: { id: string; countryIso2: string },
  call?: { juryRecommendation: boolean },
): MembershipScope {
  return { cityId: city.id, countryIso2: city.countryIso2, juryCall: call?.juryRecommendation ?? false };
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function stale(version: number): HttpProblem {
  return membershipProblem(
    'staleVersion',
    `The application changed meanwhile (now version ${version}). Reload it and try again.`,
  );
}

function callSettings(row: CallRow) {
  return {
    name: row.name,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    endorsementDays: row.endorsementDays,
    quotaPerCountry: row.quotaPerCountry,
    juryRecommendation: row.juryRecommendation,
    expireAfterDeadline: row.expireAfterDeadline,
    reminderDaysBefore: row.reminderDaysBefore,
  };
}

function presentCall(row: CallRow, now: Date): MembershipCallOut {
  return { id: row.id, ...callSettings(row), open: now >= row.opensAt && now <= row.closesAt };
}

function presentApplication(
  actor: Actor | null,
  row: ApplicationRow,
  city: MemberCity,
  call: CallRow,
  endorsedInCountry: number,
  now: Date,
): ApplicationOut {
  const deadline = row.state === 'submitted' ? row.endorsementDeadline : null;
  const facts: TransitionFacts = {
    state: row.state as ApplicationState,
    call,
    endorsementDeadline: row.endorsementDeadline,
    endorsedInCountry,
    missingFields: missingApplicationFields(row.form),
    now,
  };
  return {
    id: row.id,
    call: { id: call.id, name: call.name },
    city: { slug: city.slug, name: city.name, countryIso2: city.countryIso2, region: city.regionCode },
    state: row.state as ApplicationState,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    endorsementDeadline: row.endorsementDeadline?.toISOString() ?? null,
    daysToDeadline: deadline ? Math.ceil((deadline.getTime() - now.getTime()) / DAY) : null,
    deadlinePassed: deadline !== null && now > deadline,
    recommendation: (row.recommendation as ApplicationOut['recommendation']) ?? null,
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, scopeOf(city, call), facts),
  };
}

async function audit(
  tx: Database,
  actor: Actor,
  action: string,
  resourceType: string,
  resourceId: string,
  before: unknown,
  after: unknown,
  meta: RequestMeta,
  now: Date,
  scopeId: string | null = null,
): Promise<void> {
  await appendAudit(
    tx,
    { actorId: actor.userId, action, resourceType, resourceId, scopeId, before, after, requestId: meta.requestId },
    now,
  );
}
