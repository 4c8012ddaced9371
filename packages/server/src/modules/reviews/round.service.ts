import {
  type AgreementOut,
  type ConsolidationRule,
  type CreateRoundBody,
  consolidate,
  type ExpertProvenance,
  findMeasurement,
  isLang,
  type ReviewResults,
  type RoundDashboard,
  type RoundOut,
  type UpdateRoundBody,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { type CityRef, CycleRepository } from '../monitoring/cycle.repository.ts';
import { agreementOf, type RatedValue } from './agreement.ts';
import { reviewMail } from './review.mail.ts';
import { can, type ReviewAction } from './review.policy.ts';
import { currentRatings, presentAssignment, presentFlag, presentRound } from './review.presenter.ts';
import { expertMeasurements, reviewProblem } from './review.problems.ts';
import { type AssignmentView, ReviewRepository, type RoundRow } from './review.repository.ts';

type Level = RoundOut['alphaLevel'];
const NETWORK = { cityId: null, countryIso2: null, personId: null };

/**
 * Review rounds, run by the secretariat: settings, the submitted cycles under review, assignments of reviewers
 * (never from the city's country, never with a declared conflict), the dashboard with agreement and flags, and
 * consolidation into observations. Also the city's view of its results and the reminders before a deadline.
 */
export class RoundService {
  private readonly repository: ReviewRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new ReviewRepository(ctx.db);
  }

  async list(actor: Actor): Promise<RoundOut[]> {
    this.authorize(actor, 'round.read');
    const rounds = await this.repository.rounds();
    const ids = rounds.map((r) => r.id);
    const cycles = await this.repository.roundCycles(ids);
    const assignments = (await Promise.all(ids.map((id) => this.repository.assignmentsOfRound(id)))).flat();
    return rounds.map((round) => presentRound(round, cycles, assignments));
  }

  async get(actor: Actor, id: string): Promise<RoundOut> {
    this.authorize(actor, 'round.read');
    return this.present(this.repository, await this.round(this.repository, id));
  }

  async create(actor: Actor, body: CreateRoundBody, meta: RequestMeta): Promise<RoundOut> {
    this.authorize(actor, 'round.create');
    const now = this.ctx.now();
    const deadline = new Date(body.deadline);
    if (deadline <= now) {
      throw badRequest('The deadline must be in the future.', [{ field: 'deadline', message: 'is in the past' }]);
    }
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      // The round pins the rubric versions of today: later edits do not move the ground under its reviewers.
      const rubricVersions = Object.fromEntries(
        (await repository.latestRubrics()).map((r) => [r.measurementId, r.version]),
      );
      const round = await repository.insertRound({
        name: body.name,
        state: 'open',
        deadline,
        reminderDaysBefore: body.reminderDaysBefore,
        alphaLevel: body.alphaLevel,
        consolidationRule: body.consolidationRule,
        minReviewers: body.minReviewers,
        rubricVersions,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      });
      await this.audit(tx, actor, 'round.create', round.id, null, settingsOf(round), meta, now);
      return this.present(repository, round);
    });
  }

  async update(actor: Actor, id: string, body: UpdateRoundBody, meta: RequestMeta): Promise<RoundOut> {
    this.authorize(actor, 'round.update');
    const now = this.ctx.now();
    if (body.deadline !== undefined && new Date(body.deadline) <= now) {
      throw badRequest('The deadline must be in the future.', [{ field: 'deadline', message: 'is in the past' }]);
    }
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const round = await this.openRound(repository, id);
      const { deadline, ...rest } = body;
      const updated = await repository.updateRound(id, {
        ...rest,
        ...(deadline === undefined ? {} : { deadline: new Date(deadline) }),
        updatedAt: now,
      });
      await this.audit(tx, actor, 'round.update', id, settingsOf(round), settingsOf(updated), meta, now);
      return this.present(repository, updated);
    });
  }

  async close(actor: Actor, id: string, meta: RequestMeta): Promise<RoundOut> {
    this.authorize(actor, 'round.close');
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      await this.openRound(repository, id);
      const closed = await repository.updateRound(id, { state: 'closed', updatedAt: now });
      await this.audit(tx, actor, 'round.close', id, { state: 'open' }, { state: 'closed' }, meta, now);
      return this.present(repository, closed);
    });
  }

  /** Put a city's submitted cycle under review in the round. */
  async addCycle(actor: Actor, id: string, slug: string, year: number, meta: RequestMeta): Promise<RoundOut> {
    this.authorize(actor, 'round.add-cycle');
    const city = await this.city(slug);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const round = await this.openRound(repository, id);
      const cycle = await new CycleRepository(tx).findCycle(city.id, year);
      if (!cycle) throw notFound(`${city.name} has no cycle for ${year}.`);
      if (cycle.state !== 'submitted') {
        throw reviewProblem(
          'cycleNotSubmitted',
          `The ${year} cycle of ${city.name} is ${cycle.state}: only submitted cycles can be reviewed.`,
        );
      }
      if (
        !(await repository.insertRoundCycle({
          cityId: city.id,
          roundId: id,
          year,
          addedAt: now,
          addedBy: actor.userId,
        }))
      ) {
        throw conflict(`${city.name} is already in the round "${round.name}".`);
      }
      await this.audit(tx, actor, 'round.add-cycle', id, null, { city: slug, year }, meta, now, city.id);
      return this.present(repository, round);
    });
  }

  /** Experts with their country, workload and whether a rule keeps them from reviewing this city. */
  async candidates(actor: Actor, id: string, slug: string) {
    this.authorize(actor, 'round.read');
    const round = await this.round(this.repository, id);
    const city = await this.city(slug);
    const [experts, conflicts, assignments] = await Promise.all([
      this.repository.experts(),
      this.repository.conflictsWith(city.id),
      this.repository.assignmentsOfRound(round.id),
    ]);
    return {
      city: slug,
      items: experts.map((e) => {
        const refusedBy = refusal(e, city, conflicts, assignments);
        return {
          id: e.id,
          name: e.name,
          countryIso2: e.countryIso2,
          workload: {
            open: Number(e.open),
            inRound: assignments.filter((a) => a.assignment.reviewerId === e.id && a.assignment.state !== 'recused')
              .length,
          },
          eligible: refusedBy === null,
          refusedBy,
        };
      }),
    };
  }

  async assign(actor: Actor, id: string, slug: string, reviewerId: string, meta: RequestMeta) {
    this.authorize(actor, 'assignment.create');
    const city = await this.city(slug);
    const now = this.ctx.now();
    const created = await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const round = await this.openRound(repository, id);
      const roundCycle = await repository.roundCycle(id, city.id);
      if (!roundCycle) throw notFound(`${city.name} is not in the round "${round.name}": add its cycle first.`);
      if (roundCycle.consolidatedAt) throw conflict(`${city.name} is already consolidated in this round.`);
      const expert = await repository.expert(reviewerId);
      if (!expert) {
        throw reviewProblem('notAnExpert', 'Only a person with the expert role can be assigned.', [
          { field: 'reviewerId', message: 'is not an active expert reviewer' },
        ]);
      }
      const profile = await repository.profile(reviewerId);
      const rule = refusal(
        { id: reviewerId, countryIso2: profile?.countryIso2 ?? null },
        city,
        await repository.conflictsWith(city.id),
        await repository.assignmentsOfRound(id, city.id),
      );
      if (rule !== null) throw refusalProblem(rule, expert.name, city);
      const assignment = await repository.insertAssignment({
        cityId: city.id,
        roundId: id,
        reviewerId,
        state: 'assigned',
        createdAt: now,
        createdBy: actor.userId,
      });
      if (!assignment) throw refusalProblem('already-assigned', expert.name, city);
      await this.audit(
        tx,
        actor,
        'assignment.create',
        id,
        null,
        { city: slug, reviewerId, assignmentId: assignment.id },
        meta,
        now,
        city.id,
      );
      const lang = isLang(expert.lang) ? expert.lang : 'en';
      const mail = reviewMail(
        lang,
        'assigned',
        { city: city.name, year: roundCycle.year, round: round.name, deadline: day(round.deadline) },
        `${this.ctx.settings.publicUrl}/review/assignments/${assignment.id}`,
      );
      await this.ctx.mailer.queue(tx, { to: expert.email, ...mail, lang, kind: 'review-assigned' });
      return assignment;
    });
    this.ctx.mailer.deliverSoon();
    const view = await this.repository.assignment(created.id);
    if (!view) throw new Error('assignment vanished after insert');
    return presentAssignment(view, [], [], expertMeasurements().length);
  }

  /** Take back an assignment nobody has submitted yet (its draft ratings go with it). */
  async unassign(actor: Actor, assignmentId: string, meta: RequestMeta): Promise<void> {
    this.authorize(actor, 'assignment.delete');
    const view = await this.repository.assignment(assignmentId);
    if (!view) throw notFound('No such assignment.');
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      await this.openRound(repository, view.round.id);
      const assignment = await repository.lockAssignment(view.assignment.cityId, assignmentId);
      if (!assignment) throw notFound('No such assignment.');
      if (assignment.state === 'submitted') {
        throw reviewProblem('ratingLocked', 'This reviewer has submitted her ratings: the assignment stays.');
      }
      await repository.deleteAssignment(assignment.cityId, assignmentId);
      await this.audit(
        tx,
        actor,
        'assignment.delete',
        view.round.id,
        { assignmentId, reviewerId: assignment.reviewerId, state: assignment.state },
        null,
        meta,
        now,
        assignment.cityId,
      );
    });
  }

  /** The secretariat accepts that a disagreement stands, with the reason; consolidation may then go ahead. */
  async acknowledgeFlag(
    actor: Actor,
    id: string,
    slug: string,
    measurementId: string,
    comment: string,
    meta: RequestMeta,
  ) {
    this.authorize(actor, 'flag.acknowledge');
    const city = await this.city(slug);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      await this.openRound(repository, id);
      const [flag] = (await repository.flagsOfRound(id, city.id)).filter((f) => f.measurementId === measurementId);
      if (!flag) throw reviewProblem('notFlagged', `${measurementId} is not flagged for ${city.name} in this round.`);
      if (flag.state !== 'open') throw conflict(`The flag on ${measurementId} is already ${flag.state}.`);
      const updated = await repository.updateFlag(city.id, id, measurementId, {
        state: 'acknowledged',
        closedAt: now,
        closedBy: actor.userId,
        comment,
      });
      await this.audit(
        tx,
        actor,
        'flag.acknowledge',
        id,
        { measurementId, state: 'open' },
        { measurementId, state: 'acknowledged', comment },
        meta,
        now,
        city.id,
      );
      if (!updated) throw new Error('flag vanished');
      return presentFlag(updated, slug);
    });
  }

  async dashboard(actor: Actor, id: string): Promise<RoundDashboard> {
    this.authorize(actor, 'round.read');
    const round = await this.round(this.repository, id);
    const [cycles, assignments, flags, rated] = await Promise.all([
      this.repository.roundCycles([id]),
      this.repository.assignmentsOfRound(id),
      this.repository.flagsOfRound(id),
      this.repository.submittedRatingsOfRound(id),
    ]);
    const measurements = expertMeasurements();
    const allRatings = await Promise.all(
      cycles.map((c) =>
        this.repository.ratingsOf(
          c.roundCycle.cityId,
          assignments.filter((a) => a.assignment.cityId === c.roundCycle.cityId).map((a) => a.assignment.id),
        ),
      ),
    );
    const ratings = allRatings.flat();
    const slugOf = new Map(cycles.map((c) => [c.roundCycle.cityId, c.slug]));
    const level = round.alphaLevel as Level;
    const stats = statistics(rated, level);
    const active = assignments.filter((a) => a.assignment.state !== 'recused');
    return {
      round: presentRound(round, cycles, assignments),
      progress: {
        assignments: active.length,
        submitted: active.filter((a) => a.assignment.state === 'submitted').length,
        cities: cycles.length,
        consolidated: cycles.filter((c) => c.roundCycle.consolidatedAt !== null).length,
      },
      cities: cycles.map((c) => {
        const mine = assignments.filter((a) => a.assignment.cityId === c.roundCycle.cityId);
        const blockers = readiness(
          round,
          mine,
          flags.filter((f) => f.cityId === c.roundCycle.cityId),
        );
        return {
          city: c.slug,
          cityName: c.cityName,
          year: c.roundCycle.year,
          reviewers: mine.map((a) => {
            const out = presentAssignment(a, ratings, flags, measurements.length);
            return {
              assignmentId: a.assignment.id,
              reviewerId: a.assignment.reviewerId,
              name: a.reviewerName,
              state: out.state,
              rated: out.rated,
              submittedAt: out.submittedAt,
            };
          }),
          ready: c.roundCycle.consolidatedAt === null && blockers.length === 0,
          blockers,
          consolidatedAt: c.roundCycle.consolidatedAt?.toISOString() ?? null,
        };
      }),
      flags: flags.map((f) => presentFlag(f, slugOf.get(f.cityId) ?? f.cityId)),
      agreement: {
        level,
        initial: stats.round('initial'),
        final: stats.round('final'),
        measurements: measurements.map((m) => ({
          measurementId: m.id,
          initial: stats.measurement(m.id, 'initial'),
          final: stats.measurement(m.id, 'final'),
        })),
      },
      workload: [...new Map(active.map((a) => [a.assignment.reviewerId, a.reviewerName]))].map(([reviewerId, name]) => {
        const theirs = active.filter((a) => a.assignment.reviewerId === reviewerId);
        return {
          reviewerId,
          name,
          assigned: theirs.length,
          submitted: theirs.filter((a) => a.assignment.state === 'submitted').length,
        };
      }),
    };
  }

  /**
   * Consolidate the round's ready cities (or one city): one figure per expert measurement by the round's rule,
   * written into the city's submitted cycle as an observation with its provenance; the city team is told.
   */
  async consolidate(actor: Actor, id: string, slug: string | undefined, meta: RequestMeta) {
    this.authorize(actor, 'round.consolidate');
    const only = slug === undefined ? undefined : await this.city(slug);
    const now = this.ctx.now();
    const done = await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const round = await this.openRound(repository, id);
      const cycles = (await repository.roundCycles([id])).filter(
        (c) => c.roundCycle.consolidatedAt === null && (only === undefined || c.roundCycle.cityId === only.id),
      );
      if (only && cycles.length === 0) {
        throw reviewProblem('notReady', `${only.name} is not in this round, or is already consolidated.`);
      }
      const assignments = await repository.assignmentsOfRound(id);
      const flags = await repository.flagsOfRound(id);
      const blocked: string[] = [];
      const ready = [];
      for (const c of cycles) {
        const blockers = readiness(
          round,
          assignments.filter((a) => a.assignment.cityId === c.roundCycle.cityId),
          flags.filter((f) => f.cityId === c.roundCycle.cityId),
        );
        const cycle = await new CycleRepository(tx).lockCycle(c.roundCycle.cityId, c.roundCycle.year);
        if (cycle?.state !== 'submitted') {
          blockers.push(`its ${c.roundCycle.year} cycle is ${cycle?.state ?? 'missing'}, not submitted`);
        }
        if (blockers.length > 0) blocked.push(`${c.cityName}: ${blockers.join('; ')}`);
        else ready.push(c);
      }
      if (ready.length === 0 || (only && blocked.length > 0)) {
        throw reviewProblem('notReady', `Nothing can be consolidated yet. ${blocked.join('. ')}.`);
      }
      const stats = statistics(await repository.submittedRatingsOfRound(id), round.alphaLevel as Level);
      const rule = round.consolidationRule as ConsolidationRule;
      const results = [];
      for (const c of ready) {
        const cityId = c.roundCycle.cityId;
        const year = c.roundCycle.year;
        let written = 0;
        const rows = [];
        for (const m of expertMeasurements()) {
          const values = stats.finalValues(cityId, m.id);
          const alpha = stats.measurement(m.id, 'final').alpha;
          const value = values.length > 0 ? consolidate(values, rule) : null;
          rows.push({
            cityId,
            roundId: id,
            measurementId: m.id,
            value: value === null ? null : String(value),
            reviewers: values.length,
            alpha: alpha === null ? null : String(alpha),
            consolidatedAt: now,
            consolidatedBy: actor.userId,
          });
          if (value === null) continue;
          const provenance: ExpertProvenance = {
            roundId: id,
            roundName: round.name,
            rule,
            reviewers: values.length,
            alpha,
            alphaLevel: round.alphaLevel as Level,
          };
          const saved = await repository.upsertObservation({
            cityId,
            year,
            measurementId: m.id,
            breakdown: 'total',
            value: String(value),
            unit: m.unit,
            sourceDetail: `Expert review "${round.name}": ${rule} of ${values.length} reviewers' final ratings`,
            note: null,
            provenance: 'expert-consolidation',
            provenanceDetail: provenance,
            updatedAt: now,
            updatedBy: actor.userId,
          });
          await appendAudit(
            tx,
            {
              actorId: actor.userId,
              action: 'observation.consolidate',
              resourceType: 'observation',
              resourceId: `${c.slug}/${year}/${m.id}/total`,
              scopeId: cityId,
              after: { value: saved.value, version: saved.version, provenance: provenance },
              requestId: meta.requestId,
            },
            now,
          );
          written++;
        }
        await repository.insertConsolidations(rows);
        await repository.markConsolidated(id, cityId, now, actor.userId);
        await this.audit(
          tx,
          actor,
          'round.consolidate',
          id,
          null,
          { city: c.slug, year, observations: written, rule },
          meta,
          now,
          cityId,
        );
        for (const person of await repository.cityTeam(cityId)) {
          const lang = isLang(person.lang) ? person.lang : 'en';
          const mail = reviewMail(
            lang,
            'results',
            { city: c.cityName, year, round: round.name, deadline: day(round.deadline) },
            `${this.ctx.settings.publicUrl}/cities/${c.slug}/cycles/${year}/review-results`,
          );
          await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: 'review-results' });
        }
        results.push({ city: c.slug, year, observations: written });
      }
      const remaining = (await repository.roundCycles([id])).filter((c) => c.roundCycle.consolidatedAt === null);
      if (remaining.length === 0) {
        await repository.updateRound(id, { state: 'consolidated', updatedAt: now });
        await this.audit(tx, actor, 'round.consolidated', id, { state: 'open' }, { state: 'consolidated' }, meta, now);
      }
      return results;
    });
    this.ctx.mailer.deliverSoon();
    return { consolidated: done, round: await this.present(this.repository, await this.round(this.repository, id)) };
  }

  /** The city's consolidated ratings, with every reviewer's final rationale under "Reviewer n". */
  async results(actor: Actor, slug: string, year: number): Promise<ReviewResults> {
    const city = await this.city(slug);
    if (!can(actor, 'results.read', { cityId: city.id, countryIso2: city.countryIso2, personId: null })) {
      throw forbidden();
    }
    const rows = await this.repository.consolidationsOf(city.id, year);
    const roundIds = [...new Set(rows.map((r) => r.round.id))];
    const rounds = [];
    for (const roundId of roundIds) {
      const mine = rows.filter((r) => r.round.id === roundId);
      const first = mine[0];
      if (!first) continue;
      const assignments = (await this.repository.assignmentsOfRound(roundId, city.id)).filter(
        (a) => a.assignment.state === 'submitted',
      );
      const ratings = currentRatings(
        await this.repository.ratingsOf(
          city.id,
          assignments.map((a) => a.assignment.id),
        ),
      );
      rounds.push({
        roundId,
        roundName: first.round.name,
        rule: first.round.consolidationRule as ConsolidationRule,
        alphaLevel: first.round.alphaLevel as Level,
        consolidatedAt: (first.roundCycle.consolidatedAt ?? first.consolidation.consolidatedAt).toISOString(),
        measurements: mine.map(({ consolidation }) => ({
          measurementId: consolidation.measurementId,
          name: findMeasurement(consolidation.measurementId)?.name ?? consolidation.measurementId,
          value: consolidation.value,
          reviewers: consolidation.reviewers,
          alpha: consolidation.alpha === null ? null : Number(consolidation.alpha),
          ratings: assignments.flatMap((a, index) => {
            const rating = ratings.get(`${a.assignment.id}|${consolidation.measurementId}`);
            return rating
              ? [
                  {
                    reviewer: `Reviewer ${index + 1}`,
                    value: rating.value,
                    rationale: rating.rationale,
                    version: rating.version,
                  },
                ]
              : [];
          }),
        })),
      });
    }
    return { city: slug, year, rounds };
  }

  /**
   * Mail each reviewer with unsubmitted ratings once per deadline, when the round's reminder window opens.
   * Idempotent: the claim and the mail commit together, so a second run (or a second server) sends nothing.
   */
  async sendDueReminders(now: Date): Promise<number> {
    const sent = await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const claimed = await repository.claimDueReminders(now);
      for (const { id } of claimed) {
        const view = await repository.assignment(id);
        const person = view ? await repository.person(view.assignment.reviewerId) : undefined;
        if (!view || !person) continue;
        const lang = isLang(person.lang) ? person.lang : 'en';
        const mail = reviewMail(
          lang,
          'reminder',
          { city: view.cityName, year: view.year, round: view.round.name, deadline: day(view.round.deadline) },
          `${this.ctx.settings.publicUrl}/review/assignments/${id}`,
        );
        await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: 'review-reminder' });
        await appendAudit(
          tx,
          {
            actorId: null,
            action: 'assignment.remind',
            resourceType: 'review-assignment',
            resourceId: id,
            scopeId: view.assignment.cityId,
            after: { remindedFor: view.round.deadline.toISOString() },
          },
          now,
        );
      }
      return claimed.length;
    });
    if (sent > 0) this.ctx.mailer.deliverSoon();
    return sent;
  }

  // Internals

  private async present(repository: ReviewRepository, round: RoundRow): Promise<RoundOut> {
    const [cycles, assignments] = await Promise.all([
      repository.roundCycles([round.id]),
      repository.assignmentsOfRound(round.id),
    ]);
    return presentRound(round, cycles, assignments);
  }

  private async round(repository: ReviewRepository, id: string): Promise<RoundRow> {
    const round = await repository.round(id);
    if (!round) throw notFound('No such review round.');
    return round;
  }

  /** The round, locked for the transaction, and still open. */
  private async openRound(repository: ReviewRepository, id: string): Promise<RoundRow> {
    const round = await repository.round(id, { lock: true });
    if (!round) throw notFound('No such review round.');
    if (round.state !== 'open') {
      throw reviewProblem('roundNotOpen', `The round "${round.name}" is ${round.state}: it cannot be changed.`);
    }
    return round;
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await new CycleRepository(this.ctx.db).findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }

  private authorize(actor: Actor, action: ReviewAction): void {
    if (!can(actor, action, NETWORK)) throw forbidden();
  }

  private async audit(
    tx: Database,
    actor: Actor,
    action: string,
    roundId: string,
    before: unknown,
    after: unknown,
    meta: RequestMeta,
    now: Date,
    scopeId: string | null = null,
  ): Promise<void> {
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        action,
        resourceType: 'review-round',
        resourceId: roundId,
        scopeId,
        before,
        after,
        requestId: meta.requestId,
      },
      now,
    );
  }
}

function settingsOf(round: RoundRow) {
  return {
    name: round.name,
    deadline: round.deadline.toISOString(),
    reminderDaysBefore: round.reminderDaysBefore,
    alphaLevel: round.alphaLevel,
    consolidationRule: round.consolidationRule,
    minReviewers: round.minReviewers,
    rubricVersions: round.rubricVersions,
  };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

type Refusal = 'same-country' | 'conflict-of-interest' | 'country-unknown' | 'already-assigned';

/** Which rule, if any, keeps this expert from reviewing this city in the round. */
function refusal(
  expert: { id: string; countryIso2: string | null },
  city: CityRef,
  conflicts: ReadonlySet<string>,
  assignments: readonly AssignmentView[],
): Refusal | null {
  if (conflicts.has(expert.id)) return 'conflict-of-interest';
  if (expert.countryIso2 === null) return 'country-unknown';
  if (expert.countryIso2 === city.countryIso2) return 'same-country';
  if (assignments.some((a) => a.assignment.reviewerId === expert.id && a.assignment.cityId === city.id)) {
    return 'already-assigned';
  }
  return null;
}

function refusalProblem(rule: Refusal, name: string, city: CityRef) {
  const field = [{ field: 'reviewerId', message: `refused by the rule ${rule}` }];
  switch (rule) {
    case 'same-country':
      return reviewProblem(
        'sameCountry',
        `${name} is from ${city.countryIso2}, the country of ${city.name}: a reviewer never reviews a city of her own country.`,
        field,
      );
    case 'conflict-of-interest':
      return reviewProblem(
        'conflictOfInterest',
        `${name} has declared a conflict of interest with ${city.name}.`,
        field,
      );
    case 'country-unknown':
      return reviewProblem(
        'countryUnknown',
        `${name}'s country is not recorded, so the same-country rule cannot be checked: set it first.`,
        field,
      );
    case 'already-assigned':
      return reviewProblem('alreadyAssigned', `${name} is already assigned to ${city.name} in this round.`, field);
  }
}

/** What keeps a city of the round from being consolidated. */
function readiness(
  round: RoundRow,
  assignments: readonly AssignmentView[],
  flags: readonly { state: string; measurementId: string }[],
): string[] {
  const active = assignments.filter((a) => a.assignment.state !== 'recused');
  const blockers: string[] = [];
  if (active.length < round.minReviewers) {
    blockers.push(`${active.length} of at least ${round.minReviewers} reviewers assigned`);
  }
  const pending = active.filter((a) => a.assignment.state !== 'submitted').length;
  if (pending > 0) blockers.push(`${pending} reviewer(s) have not submitted`);
  const open = flags.filter((f) => f.state === 'open').map((f) => f.measurementId);
  if (open.length > 0) blockers.push(`open reconciliation flags on ${open.join(', ')}`);
  return blockers;
}

/**
 * Agreement over a round's submitted ratings: `initial` uses each reviewer's first submitted version, `final`
 * her latest. Per measurement the units are cities; over the round they are (city, measurement) pairs.
 */
export function statistics(
  rows: readonly {
    rating: { cityId: string; assignmentId: string; measurementId: string; version: number; value: number | null };
    reviewerId: string;
  }[],
  level: Level,
) {
  const initial = new Map<string, RatedValue & { measurementId: string; cityId: string }>();
  const final = new Map<string, RatedValue & { measurementId: string; cityId: string }>();
  for (const { rating, reviewerId } of rows) {
    const key = `${rating.assignmentId}|${rating.measurementId}`;
    const value = {
      unit: `${rating.cityId}|${rating.measurementId}`,
      rater: reviewerId,
      value: rating.value,
      measurementId: rating.measurementId,
      cityId: rating.cityId,
    };
    if (!initial.has(key) || rating.version === 1) initial.set(key, value);
    final.set(key, value); // rows come in version order: the last is the latest
  }
  const pick = (stage: 'initial' | 'final') => [...(stage === 'initial' ? initial : final).values()];
  const cache = new Map<string, AgreementOut>();
  const memo = (key: string, compute: () => AgreementOut) => {
    const hit = cache.get(key);
    if (hit) return hit;
    const result = compute();
    cache.set(key, result);
    return result;
  };
  return {
    round: (stage: 'initial' | 'final') => memo(`round|${stage}`, () => agreementOf(pick(stage), level)),
    measurement: (measurementId: string, stage: 'initial' | 'final') =>
      memo(`${measurementId}|${stage}`, () =>
        agreementOf(
          pick(stage)
            .filter((r) => r.measurementId === measurementId)
            .map((r) => ({ ...r, unit: r.cityId })),
          level,
        ),
      ),
    /** The city's final ratings of a measurement that are numbers (a "cannot rate" is missing). */
    finalValues: (cityId: string, measurementId: string) =>
      pick('final')
        .filter((r) => r.cityId === cityId && r.measurementId === measurementId && r.value !== null)
        .map((r) => r.value as number),
  };
}
