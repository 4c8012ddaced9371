import {
  type AssignmentDetail,
  type AssignmentOut,
  isLang,
  needsReconciliation,
  type RatingOut,
  type ReviseRatingBody,
  type SaveRatingBody,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { EvidenceRepository, type EvidenceWithUploader } from '../monitoring/evidence.repository.ts';
import { presentNarrative } from './narrative.service.ts';
import { reviewMail } from './review.mail.ts';
import { can, type ReviewAction } from './review.policy.ts';
import { currentRatings, presentAssignment, presentFlag, presentRating } from './review.presenter.ts';
import { expertMeasurements, isExpertMeasurement, reviewProblem } from './review.problems.ts';
import { type AssignmentView, type RatingRow, ReviewRepository } from './review.repository.ts';
import { presentRubric } from './rubric.service.ts';

/**
 * The reviewer's side: her inbox, the rating screen, draft ratings, one submit that locks them, and revisions
 * of flagged measurements during reconciliation. Blind: nobody's ratings are shown to a reviewer before she has
 * submitted hers, and then only where the reviewers of the city disagree by two points or more.
 */
export class RatingService {
  private readonly repository: ReviewRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new ReviewRepository(ctx.db);
  }

  async inbox(actor: Actor): Promise<AssignmentOut[]> {
    this.coarse(actor, 'assignment.read');
    const views = await this.repository.assignmentsOfReviewer(actor.userId);
    return Promise.all(views.map((view) => this.presentOne(this.repository, view)));
  }

  async detail(actor: Actor, id: string): Promise<AssignmentDetail> {
    const view = await this.assignment(actor, id, 'assignment.read');
    const { cityId } = view.assignment;
    const [assignment, narratives, evidence, rubrics, ratings, flags, peers] = await Promise.all([
      this.presentOne(this.repository, view),
      this.repository.narratives(cityId, view.year),
      new EvidenceRepository(this.ctx.db).list(cityId, view.year),
      this.repository.rubricVersions(
        Object.entries(view.round.rubricVersions).map(([measurementId, version]) => ({ measurementId, version })),
      ),
      this.repository.ratingsOf(cityId, [id]),
      this.repository.flagsOfRound(view.round.id, cityId),
      this.peerRatings(view),
    ]);
    return {
      assignment,
      cycleEvidence: evidence.filter((e) => e.evidence.measurementId === null).map((e) => presentEvidence(view, e)),
      measurements: expertMeasurements().map((m) => {
        const history = ratings.filter((r) => r.measurementId === m.id);
        const narrative = narratives.find((n) => n.measurementId === m.id);
        const rubric = rubrics.find((r) => r.measurementId === m.id);
        const flag = flags.find((f) => f.measurementId === m.id);
        const latest = history.at(-1);
        return {
          measurementId: m.id,
          name: m.name,
          definition: m.definition,
          rubric: rubric ? presentRubric(rubric) : null,
          narrative: narrative ? presentNarrative(narrative, narrative.updatedByName) : null,
          evidence: evidence.filter((e) => e.evidence.measurementId === m.id).map((e) => presentEvidence(view, e)),
          rating: latest ? presentRating(latest) : null,
          history: history.map(presentRating),
          flag: flag ? presentFlag(flag, view.slug) : null,
          others: peers?.get(m.id) ?? null,
        };
      }),
    };
  }

  /**
   * The other reviewers' current ratings of the flagged measurements. Refused, naming the blind rule, until
   * she has submitted her own.
   */
  async peers(actor: Actor, id: string) {
    const view = await this.assignment(actor, id, 'assignment.read');
    const peers = await this.peerRatings(view);
    if (peers === null) {
      throw reviewProblem(
        'blind',
        "Other reviewers' ratings stay hidden until you have submitted yours (blind review), and are then shown only where you disagree by two points or more.",
      );
    }
    return [...peers].map(([measurementId, ratings]) => ({ measurementId, ratings }));
  }

  async save(
    actor: Actor,
    id: string,
    measurementId: string,
    body: SaveRatingBody,
    meta: RequestMeta,
  ): Promise<RatingOut> {
    const view = await this.assignment(actor, id, 'rating.write');
    this.expertMeasurement(measurementId);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const assignment = await this.lockOpen(repository, view);
      if (assignment.state === 'submitted') {
        throw reviewProblem(
          'ratingLocked',
          'Your ratings are submitted and locked. A flagged measurement can be revised during reconciliation.',
        );
      }
      const [before] = (await repository.ratingsOf(view.assignment.cityId, [id])).filter(
        (r) => r.measurementId === measurementId,
      );
      const saved = await repository.upsertDraft({
        cityId: view.assignment.cityId,
        assignmentId: id,
        measurementId,
        version: 1,
        value: body.value,
        rationale: body.rationale,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit(
        tx,
        actor,
        'rating.save',
        view,
        measurementId,
        before ? ratingView(before) : null,
        ratingView(saved),
        meta,
        now,
      );
      return presentRating(saved);
    });
  }

  /**
   * Submit every rating at once: each expert measurement needs a rating (or a reasoned "cannot rate"). Locks
   * them; when the city's last reviewer submits, measurements two points apart or more are flagged and the
   * city's reviewers are told.
   */
  async submit(actor: Actor, id: string, meta: RequestMeta): Promise<AssignmentOut> {
    const view = await this.assignment(actor, id, 'rating.submit');
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const assignment = await this.lockOpen(repository, view);
      if (assignment.state === 'submitted') {
        throw reviewProblem('alreadySubmitted', 'You have already submitted these ratings; they are locked.');
      }
      const ratings = await repository.ratingsOf(view.assignment.cityId, [id]);
      const missing = expertMeasurements()
        .map((m) => m.id)
        .filter((m) => !ratings.some((r) => r.measurementId === m));
      if (missing.length > 0) {
        throw reviewProblem(
          'incomplete',
          `Rate every measurement (or say why you cannot) before submitting: ${missing.join(', ')}.`,
          missing.map((m) => ({ field: m, message: 'has no rating' })),
        );
      }
      await repository.markSubmitted(view.assignment.cityId, id, now);
      await this.audit(
        tx,
        actor,
        'assignment.submit',
        view,
        null,
        { state: 'assigned' },
        { state: 'submitted', ratings: ratings.length },
        meta,
        now,
      );
      await this.raiseFlags(tx, view, now);
    });
    this.ctx.mailer.deliverSoon();
    const updated = await this.repository.assignment(id);
    if (!updated) throw notFound('No such assignment.');
    return this.presentOne(this.repository, updated);
  }

  /** A new version of a flagged measurement's rating, beside the submitted one; both are kept. */
  async revise(
    actor: Actor,
    id: string,
    measurementId: string,
    body: ReviseRatingBody,
    meta: RequestMeta,
  ): Promise<RatingOut> {
    const view = await this.assignment(actor, id, 'rating.revise');
    this.expertMeasurement(measurementId);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const assignment = await this.lockOpen(repository, view);
      if (assignment.state !== 'submitted') {
        throw reviewProblem('notFlagged', 'Submit your ratings first; until then, change the draft instead.');
      }
      const [flag] = (await repository.flagsOfRound(view.round.id, view.assignment.cityId)).filter(
        (f) => f.measurementId === measurementId,
      );
      if (flag?.state !== 'open') {
        throw reviewProblem(
          'notFlagged',
          `${measurementId} is not open for reconciliation in ${view.cityName}: submitted ratings are locked.`,
        );
      }
      const history = (await repository.ratingsOf(view.assignment.cityId, [id])).filter(
        (r) => r.measurementId === measurementId,
      );
      const current = history.at(-1);
      if (!current || current.version !== body.expectedVersion) {
        throw conflict(
          `Your rating of ${measurementId} is at version ${current?.version ?? 0}, not ${body.expectedVersion}. Reload and try again.`,
        );
      }
      const saved = await repository.insertRating({
        cityId: view.assignment.cityId,
        assignmentId: id,
        measurementId,
        version: current.version + 1,
        value: body.value,
        rationale: body.rationale,
        createdAt: now,
        updatedAt: now,
        submittedAt: now,
      });
      if (!saved) throw conflict(`Your rating of ${measurementId} changed meanwhile. Reload and try again.`);
      await this.audit(
        tx,
        actor,
        'rating.revise',
        view,
        measurementId,
        ratingView(current),
        ratingView(saved),
        meta,
        now,
      );
      // The flag resolves itself once the current ratings are less than two points apart.
      const values = await this.currentValues(repository, view, measurementId);
      const spread = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
      await repository.updateFlag(view.assignment.cityId, view.round.id, measurementId, {
        spread,
        ...(needsReconciliation(values) ? {} : { state: 'resolved', closedAt: now, closedBy: actor.userId }),
      });
      return presentRating(saved);
    });
  }

  // Internals

  /** When every active reviewer of the city has submitted: flag the measurements two points apart or more. */
  private async raiseFlags(tx: Database, view: AssignmentView, now: Date): Promise<void> {
    const repository = new ReviewRepository(tx);
    const assignments = (await repository.assignmentsOfRound(view.round.id, view.assignment.cityId)).filter(
      (a) => a.assignment.state !== 'recused',
    );
    if (assignments.length < 2 || assignments.some((a) => a.assignment.state !== 'submitted')) return;
    const current = [
      ...currentRatings(
        await repository.ratingsOf(
          view.assignment.cityId,
          assignments.map((a) => a.assignment.id),
        ),
      ).values(),
    ];
    const flags = [];
    for (const m of expertMeasurements()) {
      const values = current.filter((r) => r.measurementId === m.id && r.value !== null).map((r) => r.value as number);
      if (!needsReconciliation(values)) continue;
      flags.push({
        cityId: view.assignment.cityId,
        roundId: view.round.id,
        measurementId: m.id,
        state: 'open',
        spread: Math.max(...values) - Math.min(...values),
        raisedAt: now,
      });
    }
    const raised = await repository.insertFlags(flags);
    if (raised.length === 0) return;
    await appendAudit(
      tx,
      {
        actorId: null,
        action: 'review.flag',
        resourceType: 'review-round',
        resourceId: view.round.id,
        scopeId: view.assignment.cityId,
        after: { city: view.slug, measurements: raised.map((f) => ({ id: f.measurementId, spread: f.spread })) },
      },
      now,
    );
    for (const a of assignments) {
      const person = await repository.person(a.assignment.reviewerId);
      if (!person) continue;
      const lang = isLang(person.lang) ? person.lang : 'en';
      const mail = reviewMail(
        lang,
        'flagged',
        {
          city: view.cityName,
          year: view.year,
          round: view.round.name,
          deadline: view.round.deadline.toISOString().slice(0, 10),
          count: raised.length,
        },
        `${this.ctx.settings.publicUrl}/review/assignments/${a.assignment.id}`,
      );
      await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: 'review-flagged' });
    }
  }

  private async currentValues(repository: ReviewRepository, view: AssignmentView, measurementId: string) {
    const assignments = (await repository.assignmentsOfRound(view.round.id, view.assignment.cityId)).filter(
      (a) => a.assignment.state === 'submitted',
    );
    const current = currentRatings(
      (
        await repository.ratingsOf(
          view.assignment.cityId,
          assignments.map((a) => a.assignment.id),
        )
      ).filter((r) => r.measurementId === measurementId),
    );
    return [...current.values()].filter((r) => r.value !== null).map((r) => r.value as number);
  }

  /**
   * Others' current ratings by flagged measurement, as "Reviewer n" — or null while this assignment is not
   * submitted (the blind rule). Only flagged measurements are shown.
   */
  private async peerRatings(view: AssignmentView) {
    if (view.assignment.state !== 'submitted') return null;
    const { cityId } = view.assignment;
    const flags = await this.repository.flagsOfRound(view.round.id, cityId);
    const peers = new Map<string, { reviewer: string; value: number | null; rationale: string; version: number }[]>();
    if (flags.length === 0) return peers;
    const assignments = (await this.repository.assignmentsOfRound(view.round.id, cityId)).filter(
      (a) => a.assignment.state !== 'recused',
    );
    const current = currentRatings(
      await this.repository.ratingsOf(
        cityId,
        assignments.map((a) => a.assignment.id),
      ),
    );
    for (const flag of flags) {
      peers.set(
        flag.measurementId,
        assignments.flatMap((a, index) => {
          if (a.assignment.id === view.assignment.id || a.assignment.state !== 'submitted') return [];
          const rating = current.get(`${a.assignment.id}|${flag.measurementId}`);
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
      );
    }
    return peers;
  }

  private async presentOne(repository: ReviewRepository, view: AssignmentView): Promise<AssignmentOut> {
    const [ratings, flags] = await Promise.all([
      repository.ratingsOf(view.assignment.cityId, [view.assignment.id]),
      view.assignment.state === 'submitted'
        ? repository.flagsOfRound(view.round.id, view.assignment.cityId)
        : Promise.resolve([]),
    ]);
    return presentAssignment(view, ratings, flags, expertMeasurements().length);
  }

  /** The round open, the assignment locked and not recused. */
  private async lockOpen(repository: ReviewRepository, view: AssignmentView) {
    const round = await repository.round(view.round.id);
    if (round?.state !== 'open') {
      throw reviewProblem('roundNotOpen', `The round "${view.round.name}" is ${round?.state}: ratings are closed.`);
    }
    const assignment = await repository.lockAssignment(view.assignment.cityId, view.assignment.id);
    if (!assignment) throw notFound('No such assignment.');
    if (assignment.state === 'recused') {
      throw reviewProblem(
        'recused',
        `You declared a conflict of interest with ${view.cityName}: you no longer rate it.`,
      );
    }
    return assignment;
  }

  /** Could she do this on an assignment of her own at all? Checked before anything is looked up. */
  private coarse(actor: Actor, action: ReviewAction): void {
    if (!can(actor, action, { cityId: null, countryIso2: null, personId: actor.userId })) throw forbidden();
  }

  /** The assignment, if this person may act on it: the reviewer herself (staff may read it). */
  private async assignment(actor: Actor, id: string, action: ReviewAction): Promise<AssignmentView> {
    this.coarse(actor, action);
    const view = await this.repository.assignment(id);
    if (!view) throw notFound('No such assignment.');
    const scope = {
      cityId: view.assignment.cityId,
      countryIso2: view.countryIso2,
      personId: view.assignment.reviewerId,
    };
    if (!can(actor, action, scope)) {
      throw reviewProblem(
        'notAssigned',
        `This assignment (${view.cityName}) is not yours: you can only rate the cities assigned to you.`,
      );
    }
    return view;
  }

  private expertMeasurement(measurementId: string): void {
    if (!isExpertMeasurement(measurementId)) {
      throw reviewProblem(
        'notExpertMeasurement',
        `"${measurementId}" is not one of the measurements rated by experts.`,
      );
    }
  }

  private async audit(
    tx: Database,
    actor: Actor,
    action: string,
    view: AssignmentView,
    measurementId: string | null,
    before: unknown,
    after: unknown,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        action,
        resourceType: 'review-assignment',
        resourceId: measurementId ? `${view.assignment.id}/${measurementId}` : view.assignment.id,
        scopeId: view.assignment.cityId,
        before,
        after,
        requestId: meta.requestId,
      },
      now,
    );
  }
}

function ratingView(row: RatingRow) {
  return { value: row.value, rationale: row.rationale, version: row.version, submitted: row.submittedAt !== null };
}

function presentEvidence(view: AssignmentView, { evidence: row }: EvidenceWithUploader) {
  return {
    id: row.id,
    kind: row.kind as 'file' | 'link',
    measurementId: row.measurementId,
    title: row.title,
    url: row.url,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    downloadPath: row.kind === 'file' ? `/api/v1/cities/${view.slug}/cycles/${view.year}/evidence/${row.id}` : null,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
