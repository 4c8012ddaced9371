import {
  allMeasurements,
  type CycleDetail,
  type CycleState,
  checkObservation,
  findMeasurement,
  isLang,
  type ObservationIssue,
  type ObservationOut,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { CHANNELS } from '../../platform/db/notice-cache.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { type CycleMailEvent, cycleMail } from './cycle.mail.ts';
import { type CityScope, type CycleAction, can } from './cycle.policy.ts';
import { type CityRef, CycleRepository, type CycleRow, type ObservationRow } from './cycle.repository.ts';
import {
  isLocalMeasurementId,
  localMeasurementRules,
  localMeasurementsRules,
  type RulesMeasurement,
} from './local-measurement.service.ts';

export interface SaveObservation {
  value: number;
  unit?: string | undefined;
  sourceDetail: string;
  note?: string | undefined;
  electionYear?: number | undefined;
  confirmWarnings: boolean;
  expectedVersion: number | null;
}

const EDITABLE: readonly CycleState[] = ['draft', 'returned'];

/** Monitoring cycles: a city's yearly figures, their checks, and the way to acceptance. */
export class CycleService {
  private readonly repository: CycleRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new CycleRepository(ctx.db);
  }

  /** Cycles of a city: all of them for its team and the network staff, the accepted ones for everyone else. */
  async list(actor: Actor | null, slug: string) {
    const city = await this.city(slug);
    const states = this.allowed(actor, 'cycle.read-unpublished', city) ? undefined : ['accepted'];
    const rows = await this.repository.listCycles(city.id, states);
    return rows.map((row) => presentCycle(city, row));
  }

  async detail(actor: Actor | null, slug: string, year: number): Promise<CycleDetail> {
    const city = await this.city(slug);
    const cycle = await this.repository.findCycle(city.id, year);
    // An unpublished cycle does not exist for those who may not see it.
    if (!cycle || (cycle.state !== 'accepted' && !this.allowed(actor, 'cycle.read-unpublished', city))) {
      throw notFound(`${city.name} has no published monitoring cycle for ${year}.`);
    }
    const rows = await this.repository.observationsOf(city.id, [year - 1, year]);
    const observations = withWarnings(rows, year, await localMeasurementsRules(this.ctx.db, city.id));
    const [comments, history] = await Promise.all([
      this.repository.comments(city.id, year),
      this.repository.history(city.id, year),
    ]);
    return {
      ...presentCycle(city, cycle),
      observations,
      unconfirmedWarnings: observations.filter((o) => o.warnings.length > 0 && !o.warningsConfirmed).length,
      coverage: {
        measurementsWithData: new Set(observations.map((o) => o.measurementId)).size,
        measurements: allMeasurements().length,
      },
      comments: comments.map((c) => ({ measurementId: c.measurementId, comment: c.comment, at: c.at.toISOString() })),
      history: history.map(({ event, actorName }) => ({
        at: event.at.toISOString(),
        from: (event.fromState as CycleState | null) ?? null,
        to: event.toState as CycleState,
        by: actorName,
        comment: event.comment,
      })),
    };
  }

  async create(actor: Actor, slug: string, year: number, meta: RequestMeta) {
    const city = await this.city(slug);
    this.authorize(actor, 'cycle.create', city);
    const created = await this.ctx.db.transaction(async (tx) => this.openCycle(tx, city, year, actor, meta));
    if (!created) throw conflict(`${city.name} already has a cycle for ${year}.`);
    return this.detail(actor, slug, year);
  }

  /**
   * Save one value. Errors refuse it; warnings are kept with it and block submitting until confirmed.
   * The editor names the version she read, so a concurrent save is reported, never overwritten.
   */
  async saveObservation(
    actor: Actor,
    slug: string,
    year: number,
    measurementId: string,
    breakdown: string,
    body: SaveObservation,
    meta: RequestMeta,
  ): Promise<ObservationOut> {
    const city = await this.city(slug);
    this.authorize(actor, 'observation.write', city);
    // A catalogue measurement, or one of the city's own local measurements ('local-…'), which the same
    // rules check with a range taken from its unit.
    const measurement =
      findMeasurement(measurementId) ?? (await localMeasurementRules(this.ctx.db, city.id, measurementId));
    if (!measurement) {
      throw notFound(`No measurement "${measurementId}" in the Key Features or ${city.name}'s local measurements.`);
    }
    const now = this.ctx.now();

    return this.ctx.db.transaction(async (tx) => {
      const repository = new CycleRepository(tx);
      // A local measurement is held until the commit, so it cannot be deleted while its value is saved.
      if (
        isLocalMeasurementId(measurementId) &&
        !(await localMeasurementRules(tx, city.id, measurementId, { hold: true }))
      ) {
        throw notFound(`${city.name} has no local measurement "${measurementId}" any more.`);
      }
      await this.openCycle(tx, city, year, actor, meta);
      const cycle = await repository.lockCycle(city.id, year);
      if (!cycle || !EDITABLE.includes(cycle.state as CycleState)) {
        throw conflict(`The ${year} cycle of ${city.name} is ${cycle?.state}: it cannot be changed now.`);
      }
      const around = await repository.observationsOf(city.id, [year - 1, year]);
      const check = checkObservation(
        measurement,
        { breakdown, value: body.value, unit: body.unit, electionYear: body.electionYear },
        contextFor(around, measurementId, breakdown, year),
      );
      if (check.errors.length > 0) {
        throw badRequest(
          check.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
          check.errors.map((e) => ({ field: e.field, message: e.message })),
        );
      }
      const before = around.find(
        (o) => o.year === year && o.measurementId === measurementId && o.breakdown === breakdown,
      );
      const values = {
        cityId: city.id,
        year,
        measurementId,
        breakdown,
        value: String(body.value),
        unit: measurement.unit,
        sourceDetail: body.sourceDetail,
        note: body.note ?? null,
        provenance: 'manual',
        electionYear: body.electionYear ?? null,
        // Kept as said: a warning that appears later (a neighbour changed) still needs confirming.
        warningsConfirmed: body.confirmWarnings,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      const saved =
        body.expectedVersion === null
          ? await repository.insertObservation(values)
          : await repository.updateObservation(values, body.expectedVersion);
      if (!saved) {
        throw conflict(
          before
            ? `Someone saved ${measurementId} (${breakdown}) meanwhile (now version ${before.version}, value ${before.value}). Reload and try again.`
            : `${measurementId} (${breakdown}) has no saved value to update. Reload and try again.`,
        );
      }
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'observation.save',
          resourceType: 'observation',
          resourceId: `${slug}/${year}/${measurementId}/${breakdown}`,
          scopeId: city.id,
          before: before ? auditView(before) : null,
          after: auditView(saved),
          requestId: meta.requestId,
        },
        now,
      );
      return presentObservation(saved, check.warnings);
    });
  }

  async deleteObservation(
    actor: Actor,
    slug: string,
    year: number,
    measurementId: string,
    breakdown: string,
    expectedVersion: number,
    meta: RequestMeta,
  ): Promise<void> {
    const city = await this.city(slug);
    this.authorize(actor, 'observation.write', city);
    await this.ctx.db.transaction(async (tx) => {
      const repository = new CycleRepository(tx);
      const cycle = await repository.lockCycle(city.id, year);
      if (!cycle) throw notFound(`${city.name} has no cycle for ${year}.`);
      if (!EDITABLE.includes(cycle.state as CycleState))
        throw conflict(`The ${year} cycle is ${cycle.state}: it cannot be changed now.`);
      const before = await repository.findObservation(city.id, year, measurementId, breakdown);
      if (!before) throw notFound(`No value of ${measurementId} (${breakdown}) for ${year}.`);
      if (!(await repository.deleteObservation(city.id, year, measurementId, breakdown, expectedVersion))) {
        throw conflict(`Someone changed ${measurementId} (${breakdown}) meanwhile. Reload and try again.`);
      }
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'observation.delete',
          resourceType: 'observation',
          resourceId: `${slug}/${year}/${measurementId}/${breakdown}`,
          scopeId: city.id,
          before: auditView(before),
          requestId: meta.requestId,
        },
        this.ctx.now(),
      );
    });
  }

  async submit(actor: Actor, slug: string, year: number, meta: RequestMeta) {
    // Read before the transaction: the embedded engine has one connection, which the transaction holds.
    const locals = await localMeasurementsRules(this.ctx.db, (await this.city(slug)).id);
    return this.transition(actor, slug, year, meta, {
      action: 'cycle.submit',
      from: ['draft', 'returned'],
      to: 'submitted',
      mail: { event: 'submitted', roles: ['secretariat'], network: true },
      check: async (repository, city) => {
        const rows = await repository.observationsOf(city.id, [year - 1, year]);
        const current = withWarnings(rows, year, locals);
        if (current.length === 0) throw conflict('There is nothing to submit yet: enter at least one value.');
        const open = current.filter((o) => o.warnings.length > 0 && !o.warningsConfirmed);
        if (open.length > 0) {
          throw conflict(
            `Confirm or correct the warnings first: ${open.map((o) => `${o.measurementId} (${o.breakdown})`).join(', ')}.`,
          );
        }
      },
    });
  }

  async accept(actor: Actor, slug: string, year: number, meta: RequestMeta) {
    return this.transition(actor, slug, year, meta, {
      action: 'cycle.accept',
      from: ['submitted'],
      to: 'accepted',
      mail: { event: 'accepted', roles: ['city-coordinator', 'city-editor'], network: false },
    });
  }

  async return(
    actor: Actor,
    slug: string,
    year: number,
    comments: { measurementId: string | null; comment: string }[],
    meta: RequestMeta,
  ) {
    // Read before the transaction, as submit does (the embedded engine's one connection).
    const locals = await localMeasurementsRules(this.ctx.db, (await this.city(slug)).id);
    return this.transition(actor, slug, year, meta, {
      action: 'cycle.return',
      from: ['submitted'],
      to: 'returned',
      // A comment names a catalogue measurement or one of this city's own.
      check: async () => {
        for (const c of comments) {
          if (c.measurementId !== null && !findMeasurement(c.measurementId) && !locals.has(c.measurementId)) {
            throw badRequest(`No measurement "${c.measurementId}" to comment on.`, [
              { field: 'comments.measurementId', message: 'is unknown' },
            ]);
          }
        }
      },
      comment: `${comments.length} comment${comments.length === 1 ? '' : 's'}`,
      mail: { event: 'returned', roles: ['city-coordinator', 'city-editor'], network: false },
      after: async (repository, city, at) =>
        repository.insertComments(
          comments.map((c) => ({
            cityId: city.id,
            year,
            measurementId: c.measurementId,
            comment: c.comment,
            authorId: actor.userId,
            at,
          })),
        ),
    });
  }

  /** Reopening an accepted cycle is a recorded act with a reason; the city team can then correct it. */
  async reopen(actor: Actor, slug: string, year: number, reason: string, meta: RequestMeta) {
    return this.transition(actor, slug, year, meta, {
      action: 'cycle.reopen',
      from: ['accepted'],
      to: 'returned',
      comment: reason,
      mail: { event: 'reopened', roles: ['city-coordinator', 'city-editor'], network: false },
      after: async (repository, city, at) =>
        repository.insertComments([
          { cityId: city.id, year, measurementId: null, comment: reason, authorId: actor.userId, at },
        ]),
    });
  }

  /** The secretariat's queue: submitted cycles, oldest first. */
  async queue(actor: Actor) {
    if (!can(actor, 'cycle.accept', { cityId: '', countryIso2: '' })) throw forbidden();
    const rows = await this.repository.submittedQueue();
    return rows.map((r) => ({
      city: r.citySlug,
      cityName: r.cityName,
      year: r.cycle.year,
      submittedAt: r.cycle.updatedAt.toISOString(),
    }));
  }

  // Internals

  private async transition(
    actor: Actor,
    slug: string,
    year: number,
    meta: RequestMeta,
    step: {
      action: CycleAction;
      from: CycleState[];
      to: CycleState;
      comment?: string;
      mail: { event: CycleMailEvent; roles: string[]; network: boolean };
      check?: (repository: CycleRepository, city: CityRef) => Promise<void>;
      after?: (repository: CycleRepository, city: CityRef, at: Date) => Promise<void>;
    },
  ) {
    const city = await this.city(slug);
    this.authorize(actor, step.action, city);
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new CycleRepository(tx);
      const cycle = await repository.lockCycle(city.id, year);
      if (!cycle) throw notFound(`${city.name} has no cycle for ${year}.`);
      // A double click lands here the second time: a clear conflict, nothing changed.
      if (!step.from.includes(cycle.state as CycleState)) {
        throw conflict(`The ${year} cycle of ${city.name} is ${cycle.state}; it cannot become ${step.to} from there.`);
      }
      await step.check?.(repository, city);
      await repository.setState(city.id, year, step.to, now);
      await repository.insertEvent({
        cityId: city.id,
        year,
        at: now,
        actorId: actor.userId,
        fromState: cycle.state,
        toState: step.to,
        comment: step.comment ?? null,
      });
      await step.after?.(repository, city, now);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: step.action,
          resourceType: 'cycle',
          resourceId: `${slug}/${year}`,
          scopeId: city.id,
          before: { state: cycle.state },
          after: { state: step.to, comment: step.comment ?? null },
          requestId: meta.requestId,
        },
        now,
      );
      const recipients = await repository.peopleWithRoles(step.mail.roles, step.mail.network ? null : city.id);
      for (const person of recipients) {
        const lang = isLang(person.lang) ? person.lang : 'en';
        const mail = cycleMail(lang, step.mail.event, city.name, year, `${this.ctx.settings.publicUrl}/cities/${slug}`);
        await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: `cycle-${step.mail.event}` });
      }
    });
    // Acceptance and reopening change what the city's progress is computed from.
    this.ctx.notices?.echo(CHANNELS.progress, city.id);
    this.ctx.mailer.deliverSoon();
    return this.detail(actor, slug, year);
  }

  /** Open a draft for the year when none exists (saving or importing into a new year does this). */
  private async openCycle(
    tx: Database,
    city: CityRef,
    year: number,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<boolean> {
    const repository = new CycleRepository(tx);
    const now = this.ctx.now();
    if (
      !(await repository.insertCycle({
        cityId: city.id,
        year,
        state: 'draft',
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      }))
    )
      return false;
    await repository.insertEvent({
      cityId: city.id,
      year,
      at: now,
      actorId: actor.userId,
      fromState: null,
      toState: 'draft',
      comment: null,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        action: 'cycle.create',
        resourceType: 'cycle',
        resourceId: `${city.slug}/${year}`,
        scopeId: city.id,
        after: { state: 'draft' },
        requestId: meta.requestId,
      },
      now,
    );
    return true;
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await this.repository.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }

  private allowed(actor: Actor | null, action: CycleAction, city: CityRef): boolean {
    return can(actor, action, scopeOf(city));
  }

  private authorize(actor: Actor, action: CycleAction, city: CityRef): void {
    if (!this.allowed(actor, action, city)) throw forbidden();
  }
}

function scopeOf(city: CityRef): CityScope {
  return { cityId: city.id, countryIso2: city.countryIso2 };
}

function presentCycle(city: CityRef, row: CycleRow) {
  return { city: city.slug, year: row.year, state: row.state as CycleState, updatedAt: row.updatedAt.toISOString() };
}

function presentObservation(row: ObservationRow, warnings: ObservationIssue[]): ObservationOut {
  return {
    measurementId: row.measurementId,
    local: isLocalMeasurementId(row.measurementId),
    breakdown: row.breakdown,
    year: row.year,
    value: row.value,
    unit: row.unit,
    sourceDetail: row.sourceDetail,
    note: row.note,
    provenance: row.provenance as ObservationOut['provenance'],
    provenanceDetail: row.provenanceDetail ?? null,
    electionYear: row.electionYear,
    warnings,
    warningsConfirmed: row.warningsConfirmed,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function auditView(row: ObservationRow) {
  return {
    value: row.value,
    sourceDetail: row.sourceDetail,
    note: row.note,
    electionYear: row.electionYear,
    warningsConfirmed: row.warningsConfirmed,
    version: row.version,
  };
}

/** The neighbours a value is checked against: the same year's other breakdowns and last year's value. */
function contextFor(rows: ObservationRow[], measurementId: string, breakdown: string, year: number) {
  const sameYear = new Map(
    rows
      .filter((o) => o.year === year && o.measurementId === measurementId && o.breakdown !== breakdown)
      .map((o) => [o.breakdown, Number(o.value)]),
  );
  const previous = rows.find(
    (o) => o.year === year - 1 && o.measurementId === measurementId && o.breakdown === breakdown,
  );
  return { year, sameYear, previousYear: previous ? Number(previous.value) : undefined };
}

/** This year's observations with their current warnings (recomputed: a neighbour may have changed since). */
function withWarnings(
  rows: ObservationRow[],
  year: number,
  locals: ReadonlyMap<string, RulesMeasurement>,
): ObservationOut[] {
  return rows
    .filter((o) => o.year === year)
    .map((o) => {
      const measurement = findMeasurement(o.measurementId) ?? locals.get(o.measurementId);
      const warnings = measurement
        ? checkObservation(
            measurement,
            { breakdown: o.breakdown, value: Number(o.value), electionYear: o.electionYear },
            contextFor(rows, o.measurementId, o.breakdown, year),
          ).warnings
        : [];
      // A total outside its parts is one question, asked (and confirmed) once: on the total.
      return presentObservation(
        o,
        warnings.filter((w) => w.code !== 'total-outside-parts' || o.breakdown === 'total'),
      );
    });
}
