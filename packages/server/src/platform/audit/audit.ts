import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';

/** What a change says about itself; who and when are added by `appendAudit`. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  scopeId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Append one record, inside the caller's transaction so it commits or rolls back with the change it
 * describes. A transaction-scoped advisory lock serializes appends so the chain never forks.
 */
export async function appendAudit(tx: Database, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await appendAudits(tx, [entry], now);
}

/**
 * Append several records in this order, chained exactly as one `appendAudit` after another would chain them,
 * with one lock, one read of the chain's head and one insert: an import writes a record per city, and each
 * statement costs a millisecond or more on the embedded engine.
 */
export async function appendAudits(
  tx: Database,
  entries: readonly AuditEntry[],
  now: Date = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(7410001)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Whole milliseconds: what both engines store and give back exactly, so the hash can be recomputed.
  const at = new Date(Math.floor(now.getTime()));
  const rows = entries.map((entry) => {
    const record = {
      at,
      actorId: entry.actorId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      scopeId: entry.scopeId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId ?? null,
      prevHash,
    };
    prevHash = hashRecord(record);
    return { ...record, hash: prevHash };
  });
  // One statement: its rows take their sequence numbers in the order they are listed.
  await tx.insert(auditLog).values(rows);
}

type HashedFields = Omit<typeof auditLog.$inferSelect, 'seq' | 'hash'>;

/** SHA-256 over a canonical JSON of the record (keys sorted at every depth, as jsonb would reorder them). */
export function hashRecord(record: HashedFields): string {
  return createHash('sha256')
    .update(canonicalJson({ ...record, at: record.at.toISOString() }))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type ChainVerdict =
  | { ok: true; records: number; headHash: string }
  | { ok: false; records: number; brokenAt: number; reason: string };

/** Walk the whole chain in order; the first record whose hash or link does not hold is named. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<ChainVerdict> {
  let previous = GENESIS_HASH;
  let records = 0;
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${afterSeq}`)
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of rows) {
      records++;
      const { seq, hash, ...fields } = row;
      if (fields.prevHash !== previous) {
        return {
          ok: false,
          records,
          brokenAt: seq,
          reason: 'its link to the previous record does not match (a record before it was removed or altered)',
        };
      }
      if (hashRecord(fields) !== hash) {
        return {
          ok: false,
          records,
          brokenAt: seq,
          reason: 'its content does not match its hash (the record was altered)',
        };
      }
      previous = hash;
      afterSeq = seq;
    }
    if (rows.length < batchSize) return { ok: true, records, headHash: previous };
  }
}
