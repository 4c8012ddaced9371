import type { AuditRecordOut } from '@lco/core';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import { can } from './accounts.policy.ts';
import { AccountsRepository } from './accounts.repository.ts';
import { AuditRepository } from './audit.repository.ts';

export interface AuditQuery {
  action?: string | undefined;
  resourceType?: string | undefined;
  actor?: string | undefined;
  city?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Reading the audit trail: the network's staff see all of it, a city coordinator her cities' part. */
export class AuditService {
  private readonly repository: AuditRepository;
  private readonly accounts: AccountsRepository;

  constructor(ctx: AppContext) {
    this.repository = new AuditRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
  }

  async trail(actor: Actor, query: AuditQuery) {
    let scopeIds: string[] | undefined;
    if (query.city) {
      const city = await this.accounts.findCityBySlug(query.city);
      const scopeId = city?.id ?? null;
      if (!can(actor, { action: 'audit.read', scopeId }))
        throw forbidden('You may read the trail of your own city only.');
      scopeIds = [scopeId ?? ''];
    } else if (!can(actor, { action: 'audit.read-all' })) {
      scopeIds = actor.grants.filter((g) => g.role === 'city-coordinator' && g.scopeId).map((g) => g.scopeId as string);
      if (scopeIds.length === 0) throw forbidden('Your roles do not include reading the audit trail.');
    }
    const { rows, total } = await this.repository.page(
      {
        ...(query.action ? { action: query.action } : {}),
        ...(query.resourceType ? { resourceType: query.resourceType } : {}),
        ...(query.actor ? { actorId: query.actor } : {}),
        ...(scopeIds ? { scopeIds } : {}),
        ...(query.from ? { from: new Date(query.from) } : {}),
        ...(query.to ? { to: new Date(query.to) } : {}),
      },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    const items: AuditRecordOut[] = rows.map(({ record, actorEmail, actorName }) => ({
      seq: record.seq,
      at: record.at.toISOString(),
      actor:
        record.actorId && actorEmail && actorName
          ? { id: record.actorId, email: actorEmail, displayName: actorName }
          : null,
      action: record.action,
      resourceType: record.resourceType,
      resourceId: record.resourceId,
      scopeId: record.scopeId,
      before: record.before,
      after: record.after,
      requestId: record.requestId,
      hash: record.hash,
    }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }
}
