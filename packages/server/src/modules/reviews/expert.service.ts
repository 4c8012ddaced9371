import type { ExpertProfile } from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { type CityRef, CycleRepository } from '../monitoring/cycle.repository.ts';
import { can, type ReviewAction } from './review.policy.ts';
import { ReviewRepository } from './review.repository.ts';

/**
 * An expert's country and declared conflicts of interest: what decides which cities she may review. Declaring a
 * conflict with a city steps her back from her unsubmitted assignments there.
 */
export class ExpertService {
  private readonly repository: ReviewRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new ReviewRepository(ctx.db);
  }

  async profile(actor: Actor, userId: string): Promise<ExpertProfile> {
    this.authorize(actor, 'expert.profile-read', userId);
    const expert = await this.repository.expert(userId);
    if (!expert) throw notFound('No expert reviewer with this id.');
    const [profile, conflicts] = await Promise.all([
      this.repository.profile(userId),
      this.repository.conflictsOf(userId),
    ]);
    return {
      userId,
      name: expert.name,
      countryIso2: profile?.countryIso2 ?? null,
      conflicts: conflicts.map((c) => ({
        city: c.slug,
        cityName: c.cityName,
        reason: c.conflict.reason,
        declaredAt: c.conflict.declaredAt.toISOString(),
      })),
    };
  }

  async saveProfile(actor: Actor, userId: string, countryIso2: string, meta: RequestMeta): Promise<ExpertProfile> {
    this.authorize(actor, 'expert.profile-write', userId);
    if (!(await this.repository.expert(userId))) throw notFound('No expert reviewer with this id.');
    if (!(await this.repository.countryExists(countryIso2))) {
      throw badRequest(`No country ${countryIso2} in the directory.`, [
        { field: 'countryIso2', message: 'is not a known country' },
      ]);
    }
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const before = await repository.profile(userId);
      await repository.saveProfile({ userId, countryIso2, updatedAt: now, updatedBy: actor.userId });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'expert.profile-save',
          resourceType: 'expert',
          resourceId: userId,
          before: before ? { countryIso2: before.countryIso2 } : null,
          after: { countryIso2 },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.profile(actor, userId);
  }

  async declareConflict(actor: Actor, slug: string, reason: string, meta: RequestMeta): Promise<ExpertProfile> {
    this.authorize(actor, 'conflict.declare', actor.userId);
    const city = await this.city(slug);
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      if (!(await repository.insertConflict({ cityId: city.id, userId: actor.userId, reason, declaredAt: now }))) {
        throw conflict(`You have already declared a conflict of interest with ${city.name}.`);
      }
      const recused = await repository.recuse(city.id, actor.userId);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'conflict.declare',
          resourceType: 'expert-conflict',
          resourceId: `${actor.userId}/${city.slug}`,
          scopeId: city.id,
          after: { reason, recusedAssignments: recused.map((a) => a.id) },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.profile(actor, actor.userId);
  }

  async withdrawConflict(actor: Actor, userId: string, slug: string, meta: RequestMeta): Promise<void> {
    this.authorize(actor, 'conflict.withdraw', userId);
    const city = await this.city(slug);
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const removed = await new ReviewRepository(tx).deleteConflict(city.id, userId);
      if (!removed) throw notFound(`No declared conflict of interest with ${city.name} for this expert.`);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'conflict.withdraw',
          resourceType: 'expert-conflict',
          resourceId: `${userId}/${city.slug}`,
          scopeId: city.id,
          before: { reason: removed.reason, declaredAt: removed.declaredAt.toISOString() },
          requestId: meta.requestId,
        },
        now,
      );
    });
  }

  private authorize(actor: Actor, action: ReviewAction, personId: string): void {
    if (!can(actor, action, { cityId: null, countryIso2: null, personId })) throw forbidden();
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await new CycleRepository(this.ctx.db).findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }
}
