import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only record of every change to data, workflows and roles. Each row's hash covers its content
 * and the previous row's hash, so altering or removing a row breaks the chain (`lco audit verify`);
 * a trigger (migration 0003) also refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    /** City id or country code the change belongs to, so a coordinator can see her city's trail. */
    scopeId: text('scope_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_scope').on(t.scopeId, t.seq), index('audit_log_resource').on(t.resourceType, t.resourceId)],
);
