import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import type { Database } from '../../platform/db/client.ts';
import { users } from './accounts.tables.ts';

export interface AuditFilter {
  action?: string;
  resourceType?: string;
  actorId?: string;
  /** Only records scoped to one of these (a coordinator's cities); undefined for everything. */
  scopeIds?: string[];
  from?: Date;
  to?: Date;
}

export class AuditRepository {
  constructor(private readonly db: Database) {}

  async page(filter: AuditFilter, page: { offset: number; limit: number }) {
    const conditions: SQL[] = [];
    if (filter.action) conditions.push(eq(auditLog.action, filter.action));
    if (filter.resourceType) conditions.push(eq(auditLog.resourceType, filter.resourceType));
    if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
    if (filter.scopeIds) conditions.push(inArray(auditLog.scopeId, filter.scopeIds.length ? filter.scopeIds : ['']));
    if (filter.from) conditions.push(gte(auditLog.at, filter.from));
    if (filter.to) conditions.push(lte(auditLog.at, filter.to));
    const where = and(...conditions);
    const [rows, total] = await Promise.all([
      this.db
        .select({ record: auditLog, actorEmail: users.email, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(where)
        .orderBy(desc(auditLog.seq))
        .offset(page.offset)
        .limit(page.limit),
      this.db.$count(auditLog, where),
    ]);
    return { rows, total };
  }
}
