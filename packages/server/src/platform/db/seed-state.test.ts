import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../testing/database.ts';
import type { DatabaseHandle } from './client.ts';
import { applySeed } from './seed-state.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await testDatabase();
});
afterAll(async () => handle.close());
afterEach(() => {
  delete (globalThis as { LCO_SOURCE_HASH?: string }).LCO_SOURCE_HASH;
});

/** A seed whose derivations and writes are counted. */
function counted(rows: unknown) {
  const counts = { derived: 0, written: 0 };
  const run = (force = false) =>
    applySeed(
      handle.db,
      `test-${JSON.stringify(rows)}`,
      () => {
        counts.derived++;
        return rows;
      },
      async () => {
        counts.written++;
      },
      { force },
    );
  return { counts, run };
}

describe('applySeed', () => {
  it('writes once, then only derives the rows to find them unchanged (run from source)', async () => {
    const seed = counted({ cities: ['Cork', 'Espoo'] });
    expect(await seed.run()).toBe(true);
    expect(await seed.run()).toBe(false);
    expect(seed.counts).toEqual({ derived: 2, written: 1 });
    expect(await seed.run(true)).toBe(true); // `lco seed` forces
    expect(seed.counts.written).toBe(2);
  });

  it('in a bundle built from the sources that seeded last, skips even deriving the rows', async () => {
    const seed = counted({ cities: ['Swansea'] });
    (globalThis as { LCO_SOURCE_HASH?: string }).LCO_SOURCE_HASH = 'sources-a';
    expect(await seed.run()).toBe(true);
    expect(await seed.run()).toBe(false);
    expect(seed.counts).toEqual({ derived: 1, written: 1 });
    // Other sources: derived again, and written only if the rows differ (here they do not).
    (globalThis as { LCO_SOURCE_HASH?: string }).LCO_SOURCE_HASH = 'sources-b';
    expect(await seed.run()).toBe(false);
    expect(seed.counts).toEqual({ derived: 2, written: 1 });
  });

  it('forgets which sources seeded when a run from source writes, so the next bundle derives again', async () => {
    const seed = counted({ cities: ['Limerick'] });
    (globalThis as { LCO_SOURCE_HASH?: string }).LCO_SOURCE_HASH = 'sources-a';
    await seed.run();
    delete (globalThis as { LCO_SOURCE_HASH?: string }).LCO_SOURCE_HASH;
    await seed.run(true);
    (globalThis as { LCO_SOURCE_HASH?: string }).LCO_SOURCE_HASH = 'sources-a';
    await seed.run();
    expect(seed.counts.derived).toBe(3);
  });
});
