import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { throttles } from './throttle.tables.ts';

/**
 * Exponential back-off on failures, per key (an account, an address), stored in the database so every
 * server process sees the same counts. The first few failures are free (people mistype); after that each
 * failure doubles the wait, up to a ceiling. Success clears the key.
 */
export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** A quiet period after which the count starts again. */
  forgetAfterSeconds: number;
}

/** Per account: a few mistypes, then doubling waits up to 15 minutes (a back-off, never a lock-out). */
export const SIGN_IN_ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseSeconds: 1,
  maxSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 3600,
};
/** Per address: more room, since a city hall's staff may share one address. */
export const SIGN_IN_ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseSeconds: 1,
  maxSeconds: 60 * 60,
  forgetAfterSeconds: 24 * 3600,
};
/** Mail-sending endpoints: every request counts, since each one may send a mail. */
export const MAIL_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseSeconds: 30,
  maxSeconds: 3600,
  forgetAfterSeconds: 3600,
};

export class Throttle {
  constructor(
    private readonly db: Database,
    private readonly policy: ThrottlePolicy,
  ) {}

  /** Seconds to wait before the next attempt on any of these keys (0 = go ahead). */
  async waitSeconds(keys: string[], now: Date): Promise<number> {
    const rows = await this.db.select().from(throttles).where(inArray(throttles.key, keys));
    let wait = 0;
    for (const row of rows) {
      if (row.blockedUntil && row.blockedUntil > now) {
        wait = Math.max(wait, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
      }
    }
    return wait;
  }

  async recordFailure(keys: string[], now: Date): Promise<void> {
    const { freeFailures, baseSeconds, maxSeconds, forgetAfterSeconds } = this.policy;
    for (const key of keys) {
      // One statement per key: the count and the block are computed by the database, so two processes
      // failing at the same moment both count.
      await this.db.execute(sql`
        insert into ${throttles} (key, failures, last_failure_at, blocked_until)
        values (${key}, 1, ${now}, ${freeFailures < 1 ? new Date(now.getTime() + baseSeconds * 1000) : null})
        on conflict (key) do update set
          failures = case when ${throttles.lastFailureAt} < ${now}::timestamptz - make_interval(secs => ${forgetAfterSeconds})
                          then 1 else ${throttles.failures} + 1 end,
          last_failure_at = excluded.last_failure_at,
          blocked_until = case
            when (case when ${throttles.lastFailureAt} < ${now}::timestamptz - make_interval(secs => ${forgetAfterSeconds})
                       then 1 else ${throttles.failures} + 1 end) <= ${freeFailures} then null
            else ${now}::timestamptz + make_interval(secs => least(${maxSeconds}::float8,
                   ${baseSeconds}::float8 * power(2, (${throttles.failures} + 1 - ${freeFailures} - 1)::float8)))
          end`);
    }
  }

  async clear(keys: string[]): Promise<void> {
    await this.db.delete(throttles).where(inArray(throttles.key, keys));
  }
}

/**
 * The same back-off counted in this process's memory, for keys no other process could produce: the survey
 * pages' address keys are HMACs under a key that lives only in memory (so a count stored in the database
 * could never be found again, by another process or after a restart), and a post there should cost no
 * query. A key quiet for `forgetAfterSeconds` is forgotten; beyond `capacity` keys, the least recently
 * counted go first, so a flood of addresses cannot grow the map without bound.
 */
export class MemoryThrottle {
  /** By key, in the order last counted (a counted key moves to the end). */
  private readonly counts = new Map<string, { failures: number; last: number; blockedUntil: number }>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly capacity = 100_000,
  ) {}

  waitSeconds(keys: string[], now: Date): number {
    let wait = 0;
    for (const key of keys) {
      const blockedUntil = this.counts.get(key)?.blockedUntil ?? 0;
      if (blockedUntil > now.getTime()) wait = Math.max(wait, Math.ceil((blockedUntil - now.getTime()) / 1000));
    }
    return wait;
  }

  recordFailure(keys: string[], now: Date): void {
    const { freeFailures, baseSeconds, maxSeconds, forgetAfterSeconds } = this.policy;
    const at = now.getTime();
    const forgetBefore = at - forgetAfterSeconds * 1000;
    for (const key of keys) {
      const known = this.counts.get(key);
      const failures = known && known.last >= forgetBefore ? known.failures + 1 : 1;
      const blockedUntil =
        failures <= freeFailures
          ? 0
          : at + Math.min(maxSeconds, baseSeconds * 2 ** (failures - freeFailures - 1)) * 1000;
      this.counts.delete(key);
      this.counts.set(key, { failures, last: at, blockedUntil });
    }
    // The least recently counted first: stop at the first key still remembered, once within capacity.
    for (const [key, count] of this.counts) {
      const forgotten = count.last < forgetBefore && count.blockedUntil <= at;
      if (!forgotten && this.counts.size <= this.capacity) break;
      this.counts.delete(key);
    }
  }

  get size(): number {
    return this.counts.size;
  }
}
