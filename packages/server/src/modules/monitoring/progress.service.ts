import { createHash } from 'node:crypto';
import {
  assessSeries,
  breakdownKeys,
  type CityProgress,
  findMeasurement,
  ProgressInputError,
  type ProgressResponse,
  ProgressResponseSchema,
  type ProgressResult,
  type RollUp,
  rollUp,
  type TargetOut,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { CHANNELS, NoticeCache } from '../../platform/db/notice-cache.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { can } from './cycle.policy.ts';
import { type CityRef, CycleRepository } from './cycle.repository.ts';
import { ProgressRepository, type TargetRow } from './progress.repository.ts';

export interface SaveTarget {
  targetValue: number;
  targetYear: number;
  baselineValue?: number | undefined;
  baselineYear?: number | undefined;
}

/** A city's progress response as sent: the JSON text and its ETag. */
export interface ProgressBody {
  json: string;
  etag: string;
}

/** Targets a city sets, and its progress towards them computed from its accepted data. */
export class ProgressService {
  private readonly repository: ProgressRepository;
  private readonly cycles: CycleRepository;
  /**
   * Each city's progress response as JSON, by the slug it is asked for. Computing it reads every accepted
   * value and assesses every series (tens of milliseconds, issue #4 asks p95 ≤ 30 ms under 20 clients); it is
   * kept until the database announces a new cycle event, a changed target or a changed slug of the city
   * (migrations 0012 and 0013, with the city's id). Keyed by slug so that a read costs no query at all.
   */
  private readonly computed: NoticeCache<{ cityId: string; body: ProgressBody }>;

  constructor(private readonly ctx: AppContext) {
    this.repository = new ProgressRepository(ctx.db);
    this.cycles = new CycleRepository(ctx.db);
    this.computed = new NoticeCache(ctx.notices, {
      channel: CHANNELS.progress,
      capacity: 200,
      staleOn: (cityId, _slug, kept) => kept.cityId === cityId,
    });
  }

  async targets(slug: string): Promise<TargetOut[]> {
    const city = await this.city(slug);
    return (await this.repository.targets(city.id)).map(presentTarget);
  }

  async saveTarget(
    actor: Actor,
    slug: string,
    measurementId: string,
    breakdown: string,
    body: SaveTarget,
    meta: RequestMeta,
  ): Promise<TargetOut> {
    const city = await this.city(slug);
    if (!can(actor, 'target.write', { cityId: city.id, countryIso2: city.countryIso2 })) throw forbidden();
    const measurement = findMeasurement(measurementId);
    if (!measurement) throw notFound(`No measurement "${measurementId}" in the Key Features.`);
    const errors: { field: string; message: string }[] = [];
    if (!breakdownKeys(measurement).includes(breakdown))
      errors.push({ field: 'breakdown', message: `is not one of ${breakdownKeys(measurement).join(', ')}` });
    const { min, max } = measurement.range;
    for (const [field, value] of [
      ['targetValue', body.targetValue],
      ['baselineValue', body.baselineValue],
    ] as const) {
      if (value !== undefined && (value < min || (max !== null && value > max))) {
        errors.push({
          field,
          message: `must be between ${min} and ${max ?? 'any higher value'} (${measurement.unit})`,
        });
      }
    }
    if (body.baselineYear !== undefined && body.targetYear <= body.baselineYear)
      errors.push({ field: 'targetYear', message: 'must come after the baseline year' });
    if (errors.length > 0) throw badRequest(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);

    const now = this.ctx.now();
    const saved = await this.ctx.db.transaction(async (tx) => {
      const repository = new ProgressRepository(tx);
      const before = await repository.findTarget(city.id, measurementId, breakdown);
      const saved = await repository.upsertTarget({
        cityId: city.id,
        measurementId,
        breakdown,
        targetValue: String(body.targetValue),
        targetYear: body.targetYear,
        baselineValue: body.baselineValue === undefined ? null : String(body.baselineValue),
        baselineYear: body.baselineYear ?? null,
        updatedAt: now,
        updatedBy: actor.userId,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'target.save',
          resourceType: 'target',
          resourceId: `${slug}/${measurementId}/${breakdown}`,
          scopeId: city.id,
          before: before ? presentTarget(before) : null,
          after: presentTarget(saved),
          requestId: meta.requestId,
        },
        now,
      );
      return presentTarget(saved);
    });
    this.ctx.notices?.echo(CHANNELS.progress, city.id);
    return saved;
  }

  async deleteTarget(
    actor: Actor,
    slug: string,
    measurementId: string,
    breakdown: string,
    meta: RequestMeta,
  ): Promise<void> {
    const city = await this.city(slug);
    if (!can(actor, 'target.write', { cityId: city.id, countryIso2: city.countryIso2 })) throw forbidden();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new ProgressRepository(tx);
      const before = await repository.findTarget(city.id, measurementId, breakdown);
      if (!before || !(await repository.deleteTarget(city.id, measurementId, breakdown)))
        throw notFound('No such target.');
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'target.delete',
          resourceType: 'target',
          resourceId: `${slug}/${measurementId}/${breakdown}`,
          scopeId: city.id,
          before: presentTarget(before),
          requestId: meta.requestId,
        },
        this.ctx.now(),
      );
    });
    this.ctx.notices?.echo(CHANNELS.progress, city.id);
  }

  /**
   * Every series' status (against its target, or its direction) and the roll-ups to feature, focus area
   * and area: counts per status and coverage, never one score. As JSON text, computed again only when the
   * city's accepted data or targets have changed.
   */
  async progressJson(slug: string): Promise<ProgressBody> {
    const now = this.ctx.now();
    const cached = this.computed.get(slug, now);
    if (cached) return cached.body;
    const ticket = this.computed.ticket();
    const city = await this.city(slug);
    const [values, targetRows] = await Promise.all([
      this.repository.acceptedValues(city.id),
      this.repository.targets(city.id),
    ]);
    const json = JSON.stringify(ProgressResponseSchema.parse(await this.compute(city, values, targetRows)));
    // Its ETag computed once with it, rather than hashed again for every read.
    const body = { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
    this.computed.set(slug, { cityId: city.id, body }, ticket, now);
    return body;
  }

  private async compute(
    city: CityRef,
    values: Awaited<ReturnType<ProgressRepository['acceptedValues']>>,
    targetRows: TargetRow[],
  ): Promise<ProgressResponse> {
    const series = new Map<
      string,
      { measurementId: string; breakdown: string; points: { year: number; value: number }[] }
    >();
    for (const v of values) {
      const key = `${v.measurementId}|${v.breakdown}`;
      const entry = series.get(key) ?? { measurementId: v.measurementId, breakdown: v.breakdown, points: [] };
      entry.points.push({ year: v.year, value: Number(v.value) });
      series.set(key, entry);
    }
    const targetsByKey = new Map(targetRows.map((t) => [`${t.measurementId}|${t.breakdown}`, t]));
    const progress = new Map<string, Map<string, ProgressResult>>();
    const out: ProgressResponse['series'] = [];
    for (const [key, s] of series) {
      const measurement = findMeasurement(s.measurementId);
      if (!measurement) continue; // local measurements are outside the catalogue's roll-ups
      const target = targetsByKey.get(key);
      const input = {
        points: s.points,
        polarity: measurement.polarity,
        unit: measurement.unit,
        range: measurement.range,
        target: target ? { year: target.targetYear, value: Number(target.targetValue) } : undefined,
        baseline:
          target?.baselineValue != null && target.baselineYear != null
            ? { year: target.baselineYear, value: Number(target.baselineValue) }
            : undefined,
      };
      const result = assessOrExplain(input);
      const byBreakdown = progress.get(s.measurementId) ?? new Map<string, ProgressResult>();
      byBreakdown.set(s.breakdown, result);
      progress.set(s.measurementId, byBreakdown);
      out.push({
        measurementId: s.measurementId,
        breakdown: s.breakdown,
        status: result.status,
        method: result.method,
        baseline: result.baseline ?? null,
        latest: result.latest ?? null,
        target: result.target ?? null,
        valueCount: result.valueCount,
        ratio: result.ratio ?? null,
        notes: result.notes,
        explanation: result.explanation,
      });
    }
    const cityProgress: CityProgress = progress;
    return {
      city: city.slug,
      basedOn: { acceptedYears: [...new Set(values.map((v) => v.year))].sort((a, b) => a - b) },
      series: out,
      rollUps: {
        feature: rollUp(cityProgress, 'feature').map(presentRollUp),
        focusArea: rollUp(cityProgress, 'focus-area').map(presentRollUp),
        area: rollUp(cityProgress, 'area').map(presentRollUp),
      },
    };
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await this.cycles.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }
}

/**
 * A target that no longer fits the data (its year now before the first accepted value, say) must not take
 * the whole page down: the series is assessed by its direction, and a note says why.
 */
function assessOrExplain(input: Parameters<typeof assessSeries>[0]): ProgressResult {
  try {
    return assessSeries(input);
  } catch (error) {
    if (!(error instanceof ProgressInputError) || !input.target) throw error;
    const result = assessSeries({ ...input, target: undefined, baseline: undefined });
    return {
      ...result,
      notes: [
        ...result.notes,
        { code: 'target-not-assessed', message: `The target was not assessed: ${error.message}` },
      ],
    };
  }
}

function presentTarget(row: TargetRow): TargetOut {
  return {
    measurementId: row.measurementId,
    breakdown: row.breakdown,
    targetValue: row.targetValue,
    targetYear: row.targetYear,
    baselineValue: row.baselineValue,
    baselineYear: row.baselineYear,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentRollUp(r: RollUp) {
  return { id: r.id, measurements: r.measurements, counts: r.counts, coverage: r.coverage };
}
