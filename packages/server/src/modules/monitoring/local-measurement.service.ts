import { type Breakdown, breakdownKeys, foldForSearch, type Measurement, type Polarity, type Unit } from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { type CityRef, CycleRepository } from './cycle.repository.ts';
import { can } from './local-measurement.policy.ts';
import { LocalMeasurementRepository, type LocalMeasurementRow } from './local-measurement.repository.ts';
import type {
  CreateLocalMeasurement,
  LocalMeasurementOut,
  UpdateLocalMeasurement,
} from './local-measurement.schema.ts';

/** What the observation rules of core need from a measurement. */
export type RulesMeasurement = Pick<Measurement, 'id' | 'unit' | 'range' | 'breakdowns'>;

const LOCAL_PREFIX = 'local-';
const MAX_ID = 20;

/** Local measurement ids never look like catalogue ids ('1.1.2a'). */
export function isLocalMeasurementId(id: string): boolean {
  return id.startsWith(LOCAL_PREFIX);
}

/**
 * The valid values of a local measurement, from its unit (a city gives no range of its own).
 * @example rangeOfUnit('percent') // { min: 0, max: 100 }
 * @example rangeOfUnit('count') // { min: 0, max: null }
 */
export function rangeOfUnit(unit: Unit): { min: number; max: number | null } {
  if (unit === 'percent') return { min: 0, max: 100 };
  if (unit === 'rating-1-5') return { min: 1, max: 5 };
  return { min: 0, max: null };
}

function asRules(row: LocalMeasurementRow): RulesMeasurement {
  const unit = row.unit as Unit;
  return { id: row.id, unit, range: rangeOfUnit(unit), breakdowns: row.breakdowns };
}

/**
 * A city's local measurement as the observation rules see it, or undefined when the city has none by
 * that id. With `hold`, it stays locked (shared) until the caller's transaction ends, so it cannot be
 * deleted while an observation of it is being saved.
 */
export async function localMeasurementRules(
  db: Database,
  cityId: string,
  id: string,
  options: { hold?: boolean } = {},
): Promise<RulesMeasurement | undefined> {
  if (!isLocalMeasurementId(id)) return undefined;
  const row = await new LocalMeasurementRepository(db).find(cityId, id, options.hold ? 'share' : undefined);
  return row ? asRules(row) : undefined;
}

/** All local measurements of a city as the observation rules see them, by id. */
export async function localMeasurementsRules(db: Database, cityId: string): Promise<Map<string, RulesMeasurement>> {
  const rows = await new LocalMeasurementRepository(db).list(cityId);
  return new Map(rows.map((row) => [row.id, asRules(row)]));
}

/** A city's own indicators: defined by its coordinator, public, observed like catalogue measurements. */
export class LocalMeasurementService {
  private readonly repository: LocalMeasurementRepository;
  private readonly cycles: CycleRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new LocalMeasurementRepository(ctx.db);
    this.cycles = new CycleRepository(ctx.db);
  }

  async list(slug: string): Promise<LocalMeasurementOut[]> {
    const city = await this.city(slug);
    const rows = await this.repository.list(city.id);
    return rows.map((row) => present(city, row));
  }

  async create(actor: Actor, slug: string, body: CreateLocalMeasurement, meta: RequestMeta) {
    const city = await this.city(slug);
    this.authorize(actor, city);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new LocalMeasurementRepository(tx);
      const id = body.id ?? (await this.freeId(repository, city, body.names));
      const row = await repository.insert({
        cityId: city.id,
        id,
        names: body.names,
        definition: body.definition,
        unit: body.unit,
        polarity: body.polarity,
        breakdowns: body.breakdowns as Breakdown[],
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      if (!row) throw conflict(`${city.name} already has a local measurement "${id}".`);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'local-measurement.create',
          resourceType: 'local-measurement',
          resourceId: `${slug}/${id}`,
          scopeId: city.id,
          after: auditView(row),
          requestId: meta.requestId,
        },
        now,
      );
      return present(city, row);
    });
  }

  /**
   * Names, definition and polarity may always change. Once values exist, the unit may not (the values
   * are in it), and the breakdowns must keep every breakdown a value uses.
   */
  async update(actor: Actor, slug: string, id: string, body: UpdateLocalMeasurement, meta: RequestMeta) {
    const city = await this.city(slug);
    this.authorize(actor, city);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new LocalMeasurementRepository(tx);
      const before = await repository.find(city.id, id, 'update');
      if (!before) throw notFound(`${city.name} has no local measurement "${id}".`);
      if (body.unit !== undefined || body.breakdowns !== undefined) {
        const usage = await repository.usage(city.id, id);
        if (body.unit !== undefined && body.unit !== before.unit && usage.observations > 0) {
          throw conflict(
            `${id} has ${usage.observations} value(s) in ${before.unit}: its unit cannot change. Define a new local measurement instead.`,
          );
        }
        if (body.breakdowns !== undefined) {
          const keys = new Set(breakdownKeys({ breakdowns: body.breakdowns as Breakdown[] }));
          const lost = usage.breakdowns.filter((b) => !keys.has(b));
          if (lost.length > 0) {
            throw conflict(`Values of ${id} use ${lost.join(', ')}: keep those breakdowns or delete the values first.`);
          }
        }
      }
      const row = await repository.update(city.id, id, {
        ...(body.names !== undefined ? { names: body.names } : {}),
        ...(body.definition !== undefined ? { definition: body.definition } : {}),
        ...(body.unit !== undefined ? { unit: body.unit } : {}),
        ...(body.polarity !== undefined ? { polarity: body.polarity } : {}),
        ...(body.breakdowns !== undefined ? { breakdowns: body.breakdowns as Breakdown[] } : {}),
        updatedAt: now,
      });
      if (!row) throw notFound(`${city.name} has no local measurement "${id}".`);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'local-measurement.update',
          resourceType: 'local-measurement',
          resourceId: `${slug}/${id}`,
          scopeId: city.id,
          before: auditView(before),
          after: auditView(row),
          requestId: meta.requestId,
        },
        now,
      );
      return present(city, row);
    });
  }

  /** Only an unused local measurement can go: values and evidence would otherwise lose their meaning. */
  async delete(actor: Actor, slug: string, id: string, meta: RequestMeta): Promise<void> {
    const city = await this.city(slug);
    this.authorize(actor, city);
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new LocalMeasurementRepository(tx);
      const before = await repository.find(city.id, id, 'update');
      if (!before) throw notFound(`${city.name} has no local measurement "${id}".`);
      const usage = await repository.usage(city.id, id);
      if (usage.observations > 0 || usage.evidence > 0) {
        throw conflict(
          `${id} is in use (${usage.observations} value(s), ${usage.evidence} evidence item(s)): delete those first.`,
        );
      }
      await repository.delete(city.id, id);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'local-measurement.delete',
          resourceType: 'local-measurement',
          resourceId: `${slug}/${id}`,
          scopeId: city.id,
          before: auditView(before),
          requestId: meta.requestId,
        },
        now,
      );
    });
  }

  /** 'local-' and a slug of the name (English first), numbered when the city already uses it. */
  private async freeId(repository: LocalMeasurementRepository, city: CityRef, names: Record<string, string>) {
    const name = names.en ?? Object.values(names)[0] ?? '';
    const room = MAX_ID - LOCAL_PREFIX.length;
    const slug =
      foldForSearch(name)
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, room)
        .replace(/^-+|-+$/g, '') || 'indicator';
    const taken = await repository.idsStartingWith(city.id, LOCAL_PREFIX);
    if (!taken.has(`${LOCAL_PREFIX}${slug}`)) return `${LOCAL_PREFIX}${slug}`;
    for (let n = 2; n < 1000; n++) {
      const suffix = `-${n}`;
      const id = `${LOCAL_PREFIX}${slug.slice(0, room - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!taken.has(id)) return id;
    }
    throw conflict(`Choose an id for this local measurement: the ones made from its name are taken.`);
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await this.cycles.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }

  private authorize(actor: Actor, city: CityRef): void {
    if (!can(actor, 'local-measurement.write', { cityId: city.id, countryIso2: city.countryIso2 })) throw forbidden();
  }
}

function present(city: CityRef, row: LocalMeasurementRow): LocalMeasurementOut {
  const rules = asRules(row);
  return {
    id: row.id,
    local: true,
    city: city.slug,
    names: row.names,
    definition: row.definition,
    unit: rules.unit,
    polarity: row.polarity as Polarity,
    breakdowns: row.breakdowns.map((b) => ({ dimension: b.dimension, categories: [...b.categories] })),
    breakdownKeys: breakdownKeys(rules),
    range: rules.range,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function auditView(row: LocalMeasurementRow) {
  return {
    names: row.names,
    definition: row.definition,
    unit: row.unit,
    polarity: row.polarity,
    breakdowns: row.breakdowns,
  };
}
