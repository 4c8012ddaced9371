import {
  type CycleState,
  countWords,
  isLang,
  NARRATIVE_WORD_LIMIT,
  type NarrativeList,
  type NarrativeOut,
  type SaveNarrativeBody,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import { type Actor, hasRole } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { can as canCycle } from '../monitoring/cycle.policy.ts';
import { type CityRef, CycleRepository } from '../monitoring/cycle.repository.ts';
import { can } from './review.policy.ts';
import { expertMeasurements, isExpertMeasurement, reviewProblem } from './review.problems.ts';
import { isAssignedReviewer, type NarrativeRow, ReviewRepository } from './review.repository.ts';

const EDITABLE: readonly CycleState[] = ['draft', 'returned'];

/**
 * The city's narrative for each expert measurement of a cycle: written while the cycle is a draft or returned,
 * locked with it, read by whoever may read the cycle and by the cycle's reviewers.
 */
export class NarrativeService {
  private readonly cycles: CycleRepository;
  private readonly repository: ReviewRepository;

  constructor(private readonly ctx: AppContext) {
    this.cycles = new CycleRepository(ctx.db);
    this.repository = new ReviewRepository(ctx.db);
  }

  async list(actor: Actor | null, slug: string, year: number): Promise<NarrativeList> {
    const city = await this.readable(actor, slug, year);
    const rows = await this.repository.narratives(city.id, year);
    return {
      wordLimit: NARRATIVE_WORD_LIMIT,
      measurements: expertMeasurements().map((m) => m.id),
      items: rows.map((row) => presentNarrative(row, row.updatedByName)),
    };
  }

  async save(
    actor: Actor,
    slug: string,
    year: number,
    measurementId: string,
    body: SaveNarrativeBody,
    meta: RequestMeta,
  ): Promise<NarrativeOut> {
    const city = await this.city(slug);
    if (!can(actor, 'narrative.write', { cityId: city.id, countryIso2: city.countryIso2, personId: null })) {
      throw forbidden();
    }
    if (!isExpertMeasurement(measurementId)) {
      throw reviewProblem(
        'notExpertMeasurement',
        `"${measurementId}" is not one of the measurements rated by experts: narratives are written for those.`,
      );
    }
    // The schema counts too; this is the rule itself, whatever route reaches it.
    const words = countWords(body.text);
    if (words > NARRATIVE_WORD_LIMIT) {
      throw reviewProblem('wordLimit', `The narrative has ${words} words; the limit is ${NARRATIVE_WORD_LIMIT}.`, [
        { field: 'text', message: `is at most ${NARRATIVE_WORD_LIMIT} words` },
      ]);
    }
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const cycle = await new CycleRepository(tx).lockCycle(city.id, year);
      if (!cycle) throw notFound(`${city.name} has no cycle for ${year}: open it first.`);
      if (!EDITABLE.includes(cycle.state as CycleState)) {
        throw reviewProblem(
          'cycleLocked',
          `The ${year} cycle of ${city.name} is ${cycle.state}: its narratives are locked with it.`,
        );
      }
      const repository = new ReviewRepository(tx);
      const before = await repository.findNarrative(city.id, year, measurementId);
      const values = {
        cityId: city.id,
        year,
        measurementId,
        text: body.text,
        lang: body.lang,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      const saved =
        body.expectedVersion === null
          ? await repository.insertNarrative(values)
          : await repository.updateNarrative(values, body.expectedVersion);
      if (!saved) {
        throw conflict(
          before
            ? `Someone saved the narrative of ${measurementId} meanwhile (now version ${before.version}). Reload and try again.`
            : `The narrative of ${measurementId} has no saved version to update. Reload and try again.`,
        );
      }
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'narrative.save',
          resourceType: 'narrative',
          resourceId: `${slug}/${year}/${measurementId}`,
          scopeId: city.id,
          before: before ? { text: before.text, lang: before.lang, version: before.version } : null,
          after: { text: saved.text, lang: saved.lang, version: saved.version },
          requestId: meta.requestId,
        },
        now,
      );
      return presentNarrative(saved, null);
    });
  }

  /** As visible as the cycle, and to its reviewers: an unpublished cycle's narratives do not exist for others. */
  private async readable(actor: Actor | null, slug: string, year: number): Promise<CityRef> {
    const city = await this.city(slug);
    const cycle = await this.cycles.findCycle(city.id, year);
    const visible =
      cycle !== undefined &&
      (cycle.state === 'accepted' ||
        canCycle(actor, 'cycle.read-unpublished', { cityId: city.id, countryIso2: city.countryIso2 }) ||
        (actor !== null &&
          hasRole(actor, 'expert') &&
          (await isAssignedReviewer(this.ctx.db, actor.userId, city.id, year))));
    if (!visible) throw notFound(`${city.name} has no published monitoring cycle for ${year}.`);
    return city;
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await this.cycles.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }
}

export function presentNarrative(row: NarrativeRow, updatedBy: string | null): NarrativeOut {
  return {
    measurementId: row.measurementId,
    text: row.text,
    lang: isLang(row.lang) ? row.lang : 'en',
    words: countWords(row.text),
    wordLimit: NARRATIVE_WORD_LIMIT,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}
