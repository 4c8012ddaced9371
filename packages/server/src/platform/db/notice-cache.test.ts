import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../testing/database.ts';
import { type DatabaseHandle, fromPglite } from './client.ts';
import { CHANNELS, NoticeCache } from './notice-cache.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = fromPglite(await PGlite.create());
});
afterAll(async () => handle.close());

const now = new Date('2026-12-04T12:00:00Z');
const notify = (payload: string) => handle.db.execute(sql`select pg_notify(${CHANNELS.progress}, ${payload})`);

/** A cache that has started listening (it starts on its first ticket). */
async function listeningCache(options: { capacity?: number; maxAgeMs?: number } = {}) {
  const cache = new NoticeCache<string>(handle, {
    channel: CHANNELS.progress,
    capacity: options.capacity ?? 10,
    ...options,
  });
  cache.ticket();
  await expect.poll(() => cache.ticket()).not.toBeNull();
  return cache;
}

describe('NoticeCache', () => {
  it('keeps nothing without notices to listen to', () => {
    const cache = new NoticeCache<string>(null, { channel: CHANNELS.progress, capacity: 10 });
    cache.set('a', 'value', cache.ticket(), now);
    expect(cache.get('a', now)).toBeUndefined();
  });

  it('keeps a value until the database announces a change to its key', async () => {
    const cache = await listeningCache();
    cache.set('a', 'one', cache.ticket(), now);
    cache.set('b', 'two', cache.ticket(), now);
    expect(cache.get('a', now)).toBe('one');
    await notify('a');
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('b', now)).toBe('two');
  });

  it('does not keep a value read before a notice arrived: it may already be stale', async () => {
    const cache = await listeningCache();
    const ticket = cache.ticket();
    await notify('someone else'); // a change committed while the value was being computed
    cache.set('a', 'computed before the change', ticket, now);
    expect(cache.get('a', now)).toBeUndefined();
  });

  it('forgets the oldest past its capacity, and anything past its maximum age', async () => {
    const cache = await listeningCache({ capacity: 2, maxAgeMs: 1_000 });
    for (const key of ['a', 'b', 'c']) cache.set(key, key, cache.ticket(), now);
    expect([cache.get('a', now), cache.get('b', now), cache.get('c', now)]).toEqual([undefined, 'b', 'c']);
    expect(cache.get('b', new Date(now.getTime() + 1_001))).toBeUndefined();
  });

  it('hears a writer echo its own change at once', async () => {
    const cache = await listeningCache();
    cache.set('a', 'one', cache.ticket(), now);
    handle.echo(CHANNELS.progress, 'a');
    expect(cache.get('a', now)).toBeUndefined();
  });
});

describe('listening over PostgreSQL', () => {
  it.runIf(process.env.TEST_DATABASE_URL)('ends a listener still connecting when the handle closes', async () => {
    const database = await testDatabase();
    const listening = database.listen(
      CHANNELS.progress,
      () => undefined,
      () => undefined,
    );
    const refused = expect(listening).rejects.toThrow('the database was closed');
    // Closing drops the test database, which PostgreSQL refuses while a connection to it stays open.
    await database.close();
    await refused;
  });
});
