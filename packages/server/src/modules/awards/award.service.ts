import {
  AWARD_APPLICATION_STATES,
  AWARD_RULES_2015,
  AWARD_RULES_CURRENT,
  type AwardApplicationDetail,
  type AwardApplicationOut,
  type AwardApplicationState,
  type AwardApplicationsQuery,
  type AwardApplicationTransitionBody,
  type AwardBallot,
  type AwardCriterionId,
  type AwardCycleAction,
  type AwardCycleOut,
  type AwardCycleState,
  type AwardReport,
  type AwardRules,
  type AwardVoteTally,
  awardCriterion,
  awardEligibility,
  awardReportWordIssues,
  type CreateAwardCycleBody,
  isLang,
  type Lang,
  localize,
  missingAwardReportFields,
  type PublicAwardCycle,
  type ReviewBoard,
  scoreRefusal,
  summarizeScores,
  weightedScore,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { contentDisposition, safeFileName, sniffContent } from '../../platform/files/content.ts';
import { opener, receiveUpload, scanOrRefuse, type Upload } from '../../platform/files/upload.ts';
import { forbidden, HttpProblem, notFound, PROBLEM_TYPES, unauthorized } from '../../platform/http/problem.ts';
import { type Actor, hasRole } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import {
  type AwardFacts,
  allowedActions,
  CYCLE_TRANSITIONS,
  type Recipient,
  type Refusal,
  refuseActor,
  refuseStep,
  TRANSITIONS,
} from './award.machine.ts';
import { type AwardMailEvent, awardMail } from './award.mail.ts';
import { type AwardAction, type AwardScope, can, isCityEditorOnly } from './award.policy.ts';
import { awardProblem } from './award.problems.ts';
import {
  type ApplicationRow,
  type AwardCity,
  AwardRepository,
  type CycleRow,
  NOMINATED_STATES,
} from './award.repository.ts';
import type { awardApplications, ConsentFormRecord } from './award.tables.ts';

/** The signed consent form: a PDF or a photo of the page, as the membership's signed form. */
const CONSENT_FORM_TYPES = new Map([
  ['application/pdf', []],
  ['image/png', []],
  ['image/jpeg', ['jpeg']],
]);

/** Mails about results, which link to the public record rather than the workspace. */
const PUBLIC_EVENTS: readonly AwardMailEvent[] = ['announced', 'awarded', 'not-awarded'];

/** What the jury sees: the shortlist and what became of it. */
const JURY_STATES = ['shortlisted', 'awarded', 'not-awarded'];

export interface ConsentFormDownload {
  stream: NodeJS.ReadableStream;
  contentType: string;
  contentDisposition: string;
  size: number;
}

/**
 * The UNESCO Learning City Award: cycles the secretariat opens with their rules, and each member city's
 * application taken through the state machine of award.machine.ts — one named command per step, each in one
 * transaction with its event, its audit record and its mails to the next actor — with reviewers' scores, the
 * jury's secret votes and the announcement that puts the award on the city's public profile.
 */
export class AwardService {
  private readonly repository: AwardRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new AwardRepository(ctx.db);
  }

  // cycles

  async cycles(actor: Actor | null): Promise<AwardCycleOut[]> {
    const now = this.ctx.now();
    return (await this.repository.listCycles()).map((c) => presentCycle(actor, c, now));
  }

  async cycle(actor: Actor | null, id: string): Promise<AwardCycleOut> {
    return presentCycle(actor, await this.findCycle(id), this.ctx.now());
  }

  /** Open a cycle with its rules (current practice unless others are given), a periodicity after the last award. */
  async createCycle(actor: Actor, body: CreateAwardCycleBody, meta: RequestMeta): Promise<AwardCycleOut> {
    this.authorize(actor, 'cycle.write', NETWORK);
    const rules: AwardRules = body.rules ?? AWARD_RULES_CURRENT;
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      const last = await repository.lastAwardYear();
      if (last !== null && body.year < last + rules.periodicityYears) {
        throw awardProblem(
          'periodicity',
          `The last award was in ${last}; with a cycle every ${rules.periodicityYears} year${rules.periodicityYears === 1 ? '' : 's'} the next is ${last + rules.periodicityYears} at the earliest.`,
        );
      }
      const inserted = await repository.insertCycle({
        name: body.name,
        year: body.year,
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
        nominationsCloseAt: new Date(body.nominationsCloseAt),
        rules,
        state: 'open',
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      });
      if (!inserted) throw awardProblem('periodicity', `A cycle for ${body.year} already exists.`);
      await audit(tx, actor, 'cycle.create', 'award-cycle', inserted.id, null, cycleSettings(inserted), meta, now);
      const people = await repository.cycleOpenedRecipients();
      await this.mailPeople(tx, people, 'cycle-opened', '', inserted, inserted.closesAt);
      return inserted;
    });
    this.ctx.mailer.deliverSoon();
    return presentCycle(actor, row, now);
  }

  /** A step of the cycle: open the jury, close it, announce the awardees. */
  async transitionCycle(actor: Actor, id: string, action: AwardCycleAction, meta: RequestMeta) {
    this.authorize(actor, 'cycle.transition', NETWORK);
    const transition = CYCLE_TRANSITIONS[action];
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      const cycle = await repository.findCycle(id, { lock: true });
      if (!cycle) throw notFound('No such award cycle.');
      if (cycle.state !== transition.from) {
        throw awardProblem(
          'transitionNotAllowed',
          `The cycle is ${cycle.state}: "${action}" is taken only from ${transition.from}.`,
        );
      }
      if (action === 'open-jury' && (await repository.countInState(id, 'shortlisted')) === 0) {
        throw awardProblem('noShortlist', 'Shortlist at least one application before the jury opens.');
      }
      if (action === 'announce' && (await repository.countInState(id, 'awarded')) === 0) {
        throw awardProblem('noAwardees', 'Select at least one awardee before announcing.');
      }
      const values: Partial<CycleRow> = { state: transition.to, updatedAt: now };
      if (action === 'open-jury') values.juryOpenedAt = now;
      if (action === 'close-jury') values.juryClosedAt = now;
      if (action === 'announce') values.announcedAt = now;
      await repository.updateCycle(id, values);
      await audit(
        tx,
        actor,
        `cycle.${action}`,
        'award-cycle',
        id,
        { state: cycle.state },
        {
          state: transition.to,
          // The announcement names its awardees, as the record the public page shows.
          ...(action === 'announce' ? { awardees: (await repository.awardees(id)).map((a) => a.applicationId) } : {}),
        },
        meta,
        now,
      );
      if (action === 'announce') await this.announce(tx, repository, actor, cycle, meta, now);
      else await this.mail(tx, repository, transition.notify, transition.mail, null, cycle, now);
    });
    this.ctx.mailer.deliverSoon();
    return this.cycle(actor, id);
  }

  /** How many cities a country's National Commission has nominated in a cycle, of its quota. */
  async quota(actor: Actor, cycleId: string, countryIso2: string) {
    if (!can(actor, 'quota.read', { cityId: null, countryIso2 })) throw forbidden();
    const cycle = await this.findCycle(cycleId);
    return {
      cycleId,
      countryIso2,
      quota: cycle.rules.nominationsPerCountry,
      used: await this.repository.nominatedInCountry(cycleId, countryIso2),
    };
  }

  // applications

  async list(actor: Actor, query: AwardApplicationsQuery): Promise<AwardApplicationOut[]> {
    let visible: { cityIds: string[]; countryCodes: string[]; states: string[] } | null = null;
    if (!can(actor, 'board.read', NETWORK)) {
      const cityIds = actor.grants
        .filter((g) => (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scopeId)
        .map((g) => g.scopeId as string);
      const countryCodes = actor.grants.filter((g) => g.role === 'natcom' && g.scopeId).map((g) => g.scopeId as string);
      const states = [
        ...(hasRole(actor, 'expert') ? NOMINATED_STATES : []),
        ...(hasRole(actor, 'jury') ? JURY_STATES : []),
      ];
      if (cityIds.length === 0 && countryCodes.length === 0 && states.length === 0) return [];
      visible = { cityIds, countryCodes, states };
    }
    const rows = await this.repository.listApplications(visible, query);
    const cycles = new Map((await this.repository.listCycles()).map((c) => [c.id, c]));
    const out: AwardApplicationOut[] = [];
    for (const { application, city } of rows) {
      const cycle = cycles.get(application.cycleId);
      if (!cycle) continue;
      const facts = await this.facts(this.repository, application, city, cycle, this.ctx.now());
      out.push(presentApplication(actor, application, city, cycle, facts));
    }
    return out;
  }

  async detail(actor: Actor | null, id: string): Promise<AwardApplicationDetail> {
    if (!actor) throw unauthorized();
    const { application, city, cycle } = await this.load(this.repository, id);
    if (!mayRead(actor, scopeOf(city), application.state)) throw forbidden();
    const facts = await this.facts(this.repository, application, city, cycle, this.ctx.now());
    const history = await this.repository.history(city.id, id);
    const mine = hasRole(actor, 'expert') ? await this.repository.scoresOf(city.id, id, actor.userId) : [];
    const consent = application.consentForm;
    return {
      ...presentApplication(actor, application, city, cycle, facts),
      report: application.report,
      missingFields: [...facts.missingFields],
      consentForm: consent
        ? {
            fileName: consent.fileName,
            contentType: consent.contentType,
            size: consent.size,
            sha256: consent.sha256,
            uploadedAt: consent.uploadedAt,
            downloadPath: `/api/v1/award-applications/${id}/consent-form`,
          }
        : null,
      monitoring: application.monitoring
        ? { ...application.monitoring, publicPath: `/api/v1/cities/${city.slug}/progress` }
        : null,
      // Steps only move forward through the states, so steps of one instant are ordered by the state they reached.
      history: [...history]
        .sort(
          (a, b) =>
            a.event.at.getTime() - b.event.at.getTime() || stateOrder(a.event.toState) - stateOrder(b.event.toState),
        )
        .map(({ event, actorName }) => ({
          at: event.at.toISOString(),
          action: event.action,
          from: (event.fromState as AwardApplicationState | null) ?? null,
          to: event.toState as AwardApplicationState,
          by: actorName,
          reasons: event.reasons,
        })),
      myScores: mine.map(({ score }) => ({
        criterion: score.criterion as AwardCriterionId,
        score: score.score,
        rationale: score.rationale,
        updatedAt: score.updatedAt.toISOString(),
      })),
    };
  }

  /** A member city opens a draft in a cycle that takes applications, if it is eligible. */
  async create(actor: Actor, body: { cycleId: string; city: string }, meta: RequestMeta) {
    const city = await this.repository.findCity(body.city);
    if (!city) throw notFound(`No city with the slug "${body.city}" is in the network directory.`);
    if (!can(actor, 'application.create', scopeOf(city))) {
      if (isCityEditorOnly(actor, scopeOf(city))) {
        throw awardProblem('coordinatorOnly', 'Only the city coordinator may open the application.');
      }
      throw forbidden();
    }
    const cycle = await this.findCycle(body.cycleId);
    const now = this.ctx.now();
    if (cycle.state !== 'open' || now > cycle.closesAt || now < cycle.opensAt) {
      throw awardProblem(
        'applicationDeadline',
        now < cycle.opensAt
          ? `"${cycle.name}" takes applications from ${day(cycle.opensAt)}.`
          : `Applications to "${cycle.name}" closed on ${day(cycle.closesAt)}.`,
      );
    }
    this.refuse(awardEligibility(cycle.rules, cycle.year, now, candidate(city)));
    const id = await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      const row = await repository.insertApplication({
        cityId: city.id,
        cycleId: cycle.id,
        state: 'draft',
        report: {},
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      });
      if (!row) throw awardProblem('alreadyApplied', `${city.name} already has an application in "${cycle.name}".`);
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
        'award-application',
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

  /** Save the draft's report (the city team). Given texts are checked; completeness waits for submission. */
  async saveReport(
    actor: Actor,
    id: string,
    body: { report: AwardReport; expectedVersion: number },
    meta: RequestMeta,
  ): Promise<AwardApplicationDetail> {
    const { city } = await this.load(this.repository, id);
    if (!can(actor, 'application.edit', scopeOf(city))) throw forbidden();
    const words = awardReportWordIssues(body.report);
    if (words.length > 0)
      throw awardProblem('wordLimit', words.map((w) => `${w.field} ${w.message}`).join('; '), words);
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      const application = await repository.findApplication(id, { lock: true });
      if (!application) throw notFound('No such award application.');
      assertDraft(application);
      const saved = await repository.updateApplication(city.id, id, body.expectedVersion, {
        report: body.report,
        updatedAt: now,
      });
      if (!saved) throw stale(application.version);
      await audit(
        tx,
        actor,
        'application.edit',
        'award-application',
        id,
        application.report,
        body.report,
        meta,
        now,
        city.id,
      );
    });
    return this.detail(actor, id);
  }

  /** Upload the signed consent form (PDF, PNG or JPEG, typed from its content and scanned) to a draft. */
  async uploadConsentForm(actor: Actor, id: string, upload: Upload, meta: RequestMeta) {
    const { application, city } = await this.load(this.repository, id);
    if (!can(actor, 'application.edit', scopeOf(city))) throw forbidden();
    assertDraft(application);
    const max = this.ctx.settings.evidenceMaxBytes;
    const stored = await receiveUpload(this.ctx.files, upload, {
      maxBytes: max,
      tooLarge: () =>
        new HttpProblem(
          413,
          PROBLEM_TYPES.payloadTooLarge,
          'File too large',
          `The consent form may be at most ${Math.round((max / (1024 * 1024)) * 10) / 10} MB.`,
        ),
    });
    let replaced: string | null = null;
    try {
      const open = opener(this.ctx.files, stored.key);
      const sniffed = await sniffContent(open);
      const aliases = sniffed ? CONSENT_FORM_TYPES.get(sniffed.mime) : undefined;
      if (!sniffed || !aliases) {
        throw new HttpProblem(
          415,
          PROBLEM_TYPES.unsupportedMediaType,
          'File type not accepted',
          `${sniffed ? `This file is ${sniffed.mime}` : 'This file is of no type we recognise'}, whatever its name says. ` +
            'The signed consent form may be a PDF, PNG or JPEG.',
        );
      }
      const scanner = await scanOrRefuse(this.ctx.scanner, open, stored.size);
      const now = this.ctx.now();
      const record: ConsentFormRecord = {
        storageKey: stored.key,
        fileName: safeFileName(stored.fileName, sniffed, aliases),
        contentType: sniffed.mime,
        size: stored.size,
        sha256: stored.sha256,
        scanner,
        uploadedBy: actor.userId,
        uploadedAt: now.toISOString(),
      };
      await this.ctx.db.transaction(async (tx) => {
        const repository = new AwardRepository(tx);
        const current = await repository.findApplication(id, { lock: true });
        if (!current) throw notFound('No such award application.');
        assertDraft(current);
        const saved = await repository.updateApplication(city.id, id, current.version, {
          consentForm: record,
          updatedAt: now,
        });
        if (!saved) throw stale(current.version);
        replaced = current.consentForm?.storageKey ?? null;
        await audit(
          tx,
          actor,
          'application.consent-form',
          'award-application',
          id,
          current.consentForm ? { sha256: current.consentForm.sha256 } : null,
          { fileName: record.fileName, sha256: record.sha256, size: record.size },
          meta,
          now,
          city.id,
        );
      });
    } catch (error) {
      await this.ctx.files.delete(stored.key);
      throw error;
    }
    if (replaced) await this.ctx.files.delete(replaced);
    return this.detail(actor, id);
  }

  async consentForm(actor: Actor | null, id: string): Promise<ConsentFormDownload> {
    if (!actor) throw unauthorized();
    const { application, city } = await this.load(this.repository, id);
    if (!mayRead(actor, scopeOf(city), application.state)) throw forbidden();
    const file = application.consentForm;
    if (!file) throw notFound('No consent form has been uploaded to this application.');
    const stream = await this.ctx.files.get(file.storageKey);
    if (!stream) throw notFound('The consent form is missing from storage.');
    return {
      stream,
      contentType: file.contentType,
      contentDisposition: contentDisposition(file.fileName),
      size: file.size,
    };
  }

  /** One named step of the application's state machine. */
  async transition(actor: Actor, id: string, body: AwardApplicationTransitionBody, meta: RequestMeta) {
    const transition = TRANSITIONS[body.action];
    const loaded = await this.load(this.repository, id);
    this.refuse(refuseActor(actor, transition, scopeOf(loaded.city)));
    const now = this.ctx.now();
    const reasons = 'reasons' in body ? (body.reasons ?? null) : null;
    await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      // The cycle first, then the application: nominations and selections of one cycle queue here, so quotas hold.
      const cycle = await repository.findCycle(loaded.cycle.id, { lock: true });
      const application = await repository.findApplication(id, { lock: true });
      if (!cycle || !application) throw notFound('No such award application.');
      if (body.expectedVersion !== undefined && body.expectedVersion !== application.version) {
        throw stale(application.version);
      }
      const city = loaded.city;
      this.refuse(refuseStep(transition, await this.facts(repository, application, city, cycle, now)));
      const values: Partial<typeof awardApplications.$inferInsert> = { state: transition.to, updatedAt: now };
      if (body.action === 'submit') {
        values.submittedAt = now;
        // The city's accepted monitoring data goes with the application, as it stands on the day of submission.
        values.monitoring = { attachedAt: now.toISOString(), acceptedCycles: await repository.acceptedCycles(city.id) };
      }
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
        reasons,
      });
      await audit(
        tx,
        actor,
        `application.${body.action}`,
        'award-application',
        id,
        { state: application.state },
        {
          state: transition.to,
          reasons,
          ...(values.monitoring ? { monitoring: values.monitoring } : {}),
        },
        meta,
        now,
        city.id,
      );
      const next = body.action === 'submit' ? cycle.nominationsCloseAt : now;
      await this.mail(tx, repository, transition.notify, transition.mail, city, cycle, next);
    });
    this.ctx.mailer.deliverSoon();
    return this.detail(actor, id);
  }

  // scores

  /** A reviewer scores one criterion of a nominated application, with a rationale; her score may change until shortlisting. */
  async score(
    actor: Actor,
    id: string,
    criterion: string,
    body: { score: number; rationale: string },
    meta: RequestMeta,
  ) {
    if (!can(actor, 'score.write', NETWORK)) throw forbidden('Only the secretariat’s reviewers score applications.');
    const { city, cycle } = await this.load(this.repository, id);
    const criteria = cycle.rules.criteria.map((c) => c.id as string);
    if (!criteria.includes(criterion)) {
      throw awardProblem(
        'unknownCriterion',
        `"${criterion}" is not a criterion of ${cycle.name}: ${criteria.join(', ')}.`,
      );
    }
    this.refuse(scoreRefusal(cycle.rules, body.score, body.rationale));
    if (cycle.state !== 'open') {
      throw awardProblem('cyclePhase', `The cycle is ${cycle.state}: reviewers score only while it is open.`);
    }
    const now = this.ctx.now();
    let completed = false;
    await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      const application = await repository.findApplication(id, { lock: true });
      if (!application) throw notFound('No such award application.');
      if (application.state !== 'nominated') {
        throw awardProblem(
          'notUnderReview',
          `The application is ${application.state}: reviewers score nominated applications, until the shortlist.`,
        );
      }
      const before = await repository.findScore(city.id, id, actor.userId, criterion);
      const mineBefore = await repository.scoresOf(city.id, id, actor.userId);
      await repository.upsertScore({
        cityId: city.id,
        applicationId: id,
        reviewerId: actor.userId,
        criterion,
        score: body.score,
        rationale: body.rationale.trim(),
        updatedAt: now,
      });
      await audit(
        tx,
        actor,
        'score.save',
        'award-application',
        id,
        before ? { criterion, score: before.score, rationale: before.rationale } : null,
        { criterion, score: body.score, rationale: body.rationale.trim() },
        meta,
        now,
        city.id,
      );
      const scored = new Set(mineBefore.map((s) => s.score.criterion));
      completed = !scored.has(criterion) && scored.size + 1 === criteria.length;
      // The secretariat hears once a reviewer has scored every criterion: the application may be shortlisted.
      if (completed) await this.mail(tx, repository, ['secretariat'], 'scored', city, cycle, now);
    });
    if (completed) this.ctx.mailer.deliverSoon();
    return this.detail(actor, id);
  }

  /** The secretariat's review board: scores per criterion and reviewer, their mean and spread, the weighted total. */
  async board(actor: Actor, cycleId: string, lang: Lang): Promise<ReviewBoard> {
    this.authorize(actor, 'board.read', NETWORK);
    const cycle = await this.findCycle(cycleId);
    const rows = await this.repository.listApplications(null, { cycle: cycleId });
    const scores = await this.repository.scoresOfCycle(cycleId);
    return {
      cycle: { id: cycle.id, name: cycle.name, year: cycle.year },
      scale: cycle.rules.scale,
      criteria: presentCriteria(cycle.rules, lang),
      items: rows
        .filter(({ application }) => NOMINATED_STATES.includes(application.state))
        .map(({ application, city }) => {
          const mine = scores.filter((s) => s.score.applicationId === application.id);
          const criteria = cycle.rules.criteria.map((c) => {
            const these = mine.filter((s) => s.score.criterion === c.id);
            return {
              criterion: c.id,
              ...summarizeScores(these.map((s) => s.score.score)),
              scores: these.map((s) => ({ reviewer: s.reviewer, score: s.score.score, rationale: s.score.rationale })),
            };
          });
          return {
            application: { id: application.id, state: application.state as AwardApplicationState, city: cityRef(city) },
            reviewers: new Set(mine.map((s) => s.score.reviewerId)).size,
            weightedScore: weightedScore(
              cycle.rules.criteria,
              Object.fromEntries(criteria.map((c) => [c.criterion, c.mean])),
            ),
            criteria,
          };
        }),
    };
  }

  // jury

  /** A juror's ballot: the shortlist with her own votes. */
  async ballot(actor: Actor, cycleId: string): Promise<AwardBallot> {
    this.authorize(actor, 'ballot.read', NETWORK);
    const cycle = await this.findCycle(cycleId);
    const rows = await this.repository.listApplications(null, { cycle: cycleId });
    const mine = new Map(
      (await this.repository.votesOfJuror(cycleId, actor.userId)).map((v) => [v.applicationId, v.vote]),
    );
    return {
      cycle: { id: cycle.id, name: cycle.name, year: cycle.year, state: cycle.state as AwardCycleState },
      items: rows
        .filter(({ application }) => JURY_STATES.includes(application.state))
        .map(({ application, city }) => ({
          application: { id: application.id, city: cityRef(city) },
          myVote: (mine.get(application.id) as 'for' | 'against' | undefined) ?? null,
        })),
    };
  }

  /** A juror votes once on a shortlisted application while the jury sits; the vote stays secret until it closes. */
  async vote(actor: Actor, id: string, vote: 'for' | 'against', meta: RequestMeta): Promise<AwardBallot> {
    this.authorize(actor, 'vote.cast', NETWORK);
    const loaded = await this.load(this.repository, id);
    const now = this.ctx.now();
    let complete = false;
    await this.ctx.db.transaction(async (tx) => {
      const repository = new AwardRepository(tx);
      const cycle = await repository.findCycle(loaded.cycle.id, { lock: true });
      if (!cycle) throw notFound('No such award cycle.');
      if (cycle.state !== 'jury') {
        throw awardProblem('cyclePhase', `The cycle is ${cycle.state}: the jury votes only while it sits.`);
      }
      if (loaded.application.state !== 'shortlisted') {
        throw awardProblem('notShortlisted', 'The jury votes on shortlisted applications only.');
      }
      const cast = await repository.insertVote({
        cityId: loaded.city.id,
        applicationId: id,
        jurorId: actor.userId,
        cycleId: cycle.id,
        vote,
        castAt: now,
      });
      if (!cast) throw awardProblem('alreadyVoted', 'You have already voted on this application: one vote per juror.');
      // The audit says that a juror voted, not how: the vote itself stays secret until the jury closes.
      await audit(tx, actor, 'vote.cast', 'award-application', id, null, { voted: true }, meta, now, loaded.city.id);
      const mine = await repository.votesOfJuror(cycle.id, actor.userId);
      complete = mine.length === (await repository.countInState(cycle.id, 'shortlisted'));
      if (complete) await this.mail(tx, repository, ['secretariat'], 'ballot-complete', null, cycle, now);
    });
    if (complete) this.ctx.mailer.deliverSoon();
    return this.ballot(actor, loaded.cycle.id);
  }

  /** The votes counted, once the jury has closed; before that nobody reads them. */
  async votes(actor: Actor, cycleId: string): Promise<AwardVoteTally> {
    this.authorize(actor, 'votes.read', NETWORK);
    const cycle = await this.findCycle(cycleId);
    if (cycle.state === 'open' || cycle.state === 'jury') {
      throw awardProblem('votesSecret', 'The votes are secret until the jury closes.');
    }
    const rows = await this.repository.listApplications(null, { cycle: cycleId });
    const tally = await this.repository.tally(cycleId);
    return {
      cycle: { id: cycle.id, name: cycle.name, year: cycle.year, state: cycle.state as AwardCycleState },
      jurors: await this.repository.jurorsWhoVoted(cycleId),
      items: rows
        .filter(({ application }) => JURY_STATES.includes(application.state))
        .map(({ application, city }) => {
          const t = tally.get(application.id) ?? { for: 0, against: 0 };
          return {
            application: { id: application.id, state: application.state as AwardApplicationState, city: cityRef(city) },
            for: t.for,
            against: t.against,
            chosen: t.for > t.against,
          };
        }),
    };
  }

  // the public record

  /** Every cycle with its awardees: the seeded history and the cycles announced here, newest first. */
  async publicAwards(lang: Lang): Promise<PublicAwardCycle[]> {
    const record = await this.repository.awardRecord();
    const announced = new Map(
      (await this.repository.listCycles()).filter((c) => c.state === 'announced').map((c) => [c.year, c]),
    );
    const years = [...new Set(record.map((r) => r.year))].sort((a, b) => b - a);
    return years.map((year) => {
      const cycle = announced.get(year);
      // The 2015 rules are in the seeds (Conference report, Appendix 3); later history does not record its criteria.
      const rules = cycle?.rules ?? (year === 2015 ? AWARD_RULES_2015 : null);
      return {
        year,
        name: cycle?.name ?? `UNESCO Learning City Award ${year}`,
        source: cycle ? 'platform' : 'history',
        cycleId: cycle?.id ?? null,
        criteria: rules ? presentCriteria(rules, lang) : null,
        awardees: record
          .filter((r) => r.year === year)
          .map((r) => ({
            slug: r.slug,
            name: r.name,
            countryIso2: r.countryIso2,
            country: localize(r.countryNames, lang),
            region: r.region,
          })),
      };
    });
  }

  // internals

  /** Announcement: the awardees go on their cities' public profiles; every shortlisted city not selected is told. */
  private async announce(
    tx: Database,
    repository: AwardRepository,
    actor: Actor,
    cycle: CycleRow,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    for (const application of await repository.applicationsInState(cycle.id, 'shortlisted')) {
      await repository.updateApplication(application.cityId, application.id, application.version, {
        state: 'not-awarded',
        updatedAt: now,
      });
      await repository.insertEvent({
        cityId: application.cityId,
        applicationId: application.id,
        at: now,
        actorId: actor.userId,
        action: 'announce',
        fromState: 'shortlisted',
        toState: 'not-awarded',
      });
      await audit(
        tx,
        actor,
        'application.announce',
        'award-application',
        application.id,
        { state: 'shortlisted' },
        { state: 'not-awarded' },
        meta,
        now,
        application.cityId,
      );
      const city = await repository.findCityById(application.cityId);
      if (city) await this.mail(tx, repository, ['city-team', 'natcom'], 'not-awarded', city, cycle, now);
    }
    for (const application of await repository.applicationsInState(cycle.id, 'awarded')) {
      await repository.recordCityAward(application.cityId, cycle.year, `UNESCO Learning City Award ${cycle.year}`);
      const city = await repository.findCityById(application.cityId);
      if (city) await this.mail(tx, repository, ['city-team', 'natcom'], 'awarded', city, cycle, now);
    }
    await this.mail(tx, repository, ['secretariat', 'jury'], 'announced', null, cycle, now);
  }

  private async facts(
    repository: AwardRepository,
    application: ApplicationRow,
    city: AwardCity,
    cycle: CycleRow,
    now: Date,
  ): Promise<AwardFacts> {
    const state = application.state as AwardApplicationState;
    const criteria = cycle.rules.criteria.map((c) => c.id);
    let completeReviews = 0;
    if (state === 'nominated') {
      const scores = await repository.scoresOf(city.id, application.id);
      const byReviewer = new Map<string, Set<string>>();
      for (const { score } of scores) {
        byReviewer.set(score.reviewerId, (byReviewer.get(score.reviewerId) ?? new Set()).add(score.criterion));
      }
      completeReviews = [...byReviewer.values()].filter((set) => criteria.every((c) => set.has(c))).length;
    }
    const judged = state === 'shortlisted' && cycle.state === 'jury-closed';
    return {
      state,
      cycle: { ...cycle, state: cycle.state as AwardCycleState },
      city: { ...candidate(city), countryIso2: city.countryIso2, region: city.regionCode },
      missingFields: missingAwardReportFields(application.report, criteria, application.consentForm !== null),
      nominatedInCountry: state === 'submitted' ? await repository.nominatedInCountry(cycle.id, city.countryIso2) : 0,
      completeReviews,
      votes: judged
        ? ((await repository.tally(cycle.id)).get(application.id) ?? { for: 0, against: 0 })
        : { for: 0, against: 0 },
      awardees: judged ? await repository.awardees(cycle.id) : [],
      now,
    };
  }

  private async mail(
    tx: Database,
    repository: AwardRepository,
    notify: readonly Recipient[],
    event: AwardMailEvent,
    city: AwardCity | null,
    cycle: CycleRow,
    date: Date,
  ): Promise<void> {
    if (notify.length === 0) return;
    const people = await repository.recipients(notify, city);
    await this.mailPeople(tx, people, event, city?.name ?? '', cycle, date);
  }

  private async mailPeople(
    tx: Database,
    people: { email: string; lang: string }[],
    event: AwardMailEvent,
    cityName: string,
    cycle: CycleRow,
    date: Date,
  ): Promise<void> {
    for (const person of people) {
      const lang = isLang(person.lang) ? person.lang : 'en';
      const mail = awardMail(
        lang,
        event,
        { city: cityName, cycle: cycle.name, date: day(date) },
        // The public record for results, the workspace for a step someone has to take.
        `${this.ctx.settings.publicUrl}${PUBLIC_EVENTS.includes(event) ? '/awards' : '/awards/workspace'}`,
      );
      await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: `award-${event}` });
    }
  }

  private async load(repository: AwardRepository, id: string) {
    const application = await repository.findApplication(id);
    if (!application) throw notFound('No such award application.');
    const city = await repository.findCityById(application.cityId);
    const cycle = await repository.findCycle(application.cycleId);
    if (!city || !cycle) throw notFound('No such award application.');
    return { application, city, cycle };
  }

  private async findCycle(id: string): Promise<CycleRow> {
    const cycle = await this.repository.findCycle(id);
    if (!cycle) throw notFound('No such award cycle.');
    return cycle;
  }

  private refuse(refusal: Refusal | null): void {
    if (!refusal) return;
    if (refusal.rule === 'forbidden') throw forbidden(refusal.detail);
    throw awardProblem(refusal.rule, refusal.detail, refusal.errors);
  }

  private authorize(actor: Actor, action: AwardAction, scope: AwardScope): void {
    if (!can(actor, action, scope)) throw forbidden();
  }
}

const NETWORK: AwardScope = { cityId: null, countryIso2: null };

export function scopeOf(city: { id: string; countryIso2: string }): AwardScope {
  return { cityId: city.id, countryIso2: city.countryIso2 };
}

/** Reading an application: its city team and National Commission, the secretariat; reviewers once it is nominated, the jury once shortlisted. */
function mayRead(actor: Actor, scope: AwardScope, state: string): boolean {
  if (!can(actor, 'application.read', scope)) return false;
  const team =
    scope.cityId !== null &&
    (hasRole(actor, 'city-coordinator', scope.cityId) || hasRole(actor, 'city-editor', scope.cityId));
  const natcom = scope.countryIso2 !== null && hasRole(actor, 'natcom', scope.countryIso2);
  if (team || natcom || can(actor, 'board.read', NETWORK)) return true;
  return (
    (hasRole(actor, 'expert') && NOMINATED_STATES.includes(state)) ||
    (hasRole(actor, 'jury') && JURY_STATES.includes(state))
  );
}

function candidate(city: AwardCity) {
  return {
    name: city.name,
    isMember: city.membershipStatus === 'member',
    joinedAt: city.joinedAt,
    memberSince: city.memberSince,
    awardYears: city.awardYears,
  };
}

function cityRef(city: AwardCity) {
  return { slug: city.slug, name: city.name, countryIso2: city.countryIso2, region: city.regionCode };
}

function presentCriteria(rules: AwardRules, lang: Lang) {
  return rules.criteria.map((c) => ({ id: c.id, weight: c.weight, title: localize(awardCriterion(c.id).title, lang) }));
}

function assertDraft(application: ApplicationRow): void {
  if (application.state !== 'draft') {
    throw awardProblem(
      'transitionNotAllowed',
      `The application is ${application.state}: its report and consent form change only as a draft.`,
    );
  }
}

function stateOrder(state: string): number {
  return (AWARD_APPLICATION_STATES as readonly string[]).indexOf(state);
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function stale(version: number): HttpProblem {
  return awardProblem(
    'staleVersion',
    `The application changed meanwhile (now version ${version}). Reload it and try again.`,
  );
}

function cycleSettings(row: CycleRow) {
  return {
    name: row.name,
    year: row.year,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    nominationsCloseAt: row.nominationsCloseAt.toISOString(),
    rules: row.rules,
  };
}

function presentCycle(actor: Actor | null, row: CycleRow, now: Date): AwardCycleOut {
  const state = row.state as AwardCycleState;
  return {
    id: row.id,
    ...cycleSettings(row),
    state,
    open: state === 'open' && now >= row.opensAt && now <= row.closesAt,
    juryOpenedAt: row.juryOpenedAt?.toISOString() ?? null,
    juryClosedAt: row.juryClosedAt?.toISOString() ?? null,
    announcedAt: row.announcedAt?.toISOString() ?? null,
    allowedActions:
      actor && can(actor, 'cycle.transition', NETWORK)
        ? Object.values(CYCLE_TRANSITIONS)
            .filter((t) => t.from === state)
            .map((t) => t.action)
        : [],
  };
}

function presentApplication(
  actor: Actor | null,
  row: ApplicationRow,
  city: AwardCity,
  cycle: CycleRow,
  facts: AwardFacts,
): AwardApplicationOut {
  return {
    id: row.id,
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year },
    city: cityRef(city),
    state: row.state as AwardApplicationState,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, scopeOf(city), facts),
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
