import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { testDatabase } from '../testing/database.ts';
import { auditLog } from './audit.tables.ts';
import { type AuditEntry, appendAudit, appendAudits, verifyAuditChain } from './audit.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await testDatabase();
});
afterAll(async () => handle.close());

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await handle.db.transaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: `test.${i}`,
        resourceType: 'thing',
        resourceId: String(i),
        before: { b: i },
        after: { nested: { z: 1, a: [i, 'x'] } },
      }),
    );
  }
}

async function seqs(): Promise<number[]> {
  return (await handle.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(auditLog.seq)).map((r) => r.seq);
}

/** Tampering as a database owner could: switch the append-only trigger off first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await handle.db.execute(sql`alter table audit_log disable trigger user`);
  await handle.db.execute(statement);
  await handle.db.execute(sql`alter table audit_log enable trigger user`);
}

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head', async () => {
    await append(5);
    const verdict = await verifyAuditChain(handle.db);
    expect(verdict).toMatchObject({ ok: true, records: 5 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE outright', async () => {
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      const error = await handle.db.execute(statement).then(
        () => null,
        (e: Error) => e,
      );
      // drizzle wraps the engine's error; the trigger's message is in the cause.
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/append-only/);
    }
  });

  it('names the first altered record', async () => {
    const third = (await seqs())[2];
    await tamper(sql`update audit_log set after = '{"nested":{"z":2}}' where seq = ${third}`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      brokenAt: third,
      reason: expect.stringContaining('altered'),
    });
  });

  it('names the record after a removed one', async () => {
    const fresh = await testDatabase();
    try {
      const previous = handle;
      handle = fresh;
      await append(4);
      const rows = await seqs();
      await tamper(sql`delete from audit_log where seq = ${rows[1]}`);
      expect(await verifyAuditChain(handle.db)).toMatchObject({
        ok: false,
        brokenAt: rows[2],
        reason: expect.stringContaining('removed'),
      });
      handle = previous;
    } finally {
      await fresh.close();
    }
  });

  it('appends several records at once in their order, chained as appending them one after another would', async () => {
    const entries: AuditEntry[] = [0, 1, 2].map((i) => ({
      actorId: null,
      action: `batch.${i}`,
      resourceType: 'thing',
      resourceId: String(i),
      scopeId: 'scope',
      after: { cycles: [{ year: 2000 + i }] },
    }));
    const at = new Date('2026-12-04T12:00:00.123Z');
    const oneByOne = await testDatabase();
    const together = await testDatabase();
    const records = async (h: DatabaseHandle) =>
      (await h.db.select().from(auditLog).orderBy(auditLog.seq)).map(({ seq: _, ...record }) => record);
    try {
      await oneByOne.db.transaction((tx) =>
        appendAudit(tx, { actorId: null, action: 'before', resourceType: 'thing' }, at),
      );
      await together.db.transaction((tx) =>
        appendAudit(tx, { actorId: null, action: 'before', resourceType: 'thing' }, at),
      );
      for (const entry of entries) await oneByOne.db.transaction((tx) => appendAudit(tx, entry, at));
      await together.db.transaction((tx) => appendAudits(tx, entries, at));
      const written = await records(together);
      expect(written.map((r) => r.action)).toEqual(['before', 'batch.0', 'batch.1', 'batch.2']);
      expect(written).toEqual(await records(oneByOne));
      expect(await verifyAuditChain(together.db)).toMatchObject({ ok: true, records: 4 });
      await together.db.transaction((tx) => appendAudits(tx, [], at));
      expect(await records(together)).toHaveLength(4);
    } finally {
      await oneByOne.close();
      await together.close();
    }
  });
});
