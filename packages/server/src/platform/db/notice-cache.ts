import type { Notices } from './client.ts';

/** The channels the migrations' triggers announce on, with what their payload names. */
export const CHANNELS = {
  /** A person's id: their account, roles or sessions changed (migration 0011). */
  accounts: 'lco_accounts',
  /** A city's id: a cycle event or a target changed its progress (migration 0012). */
  progress: 'lco_progress',
  /** A city's id: one of its survey waves, or its slug or name, changed (migration 0014). */
  surveyWaves: 'lco_survey_waves',
} as const;

export interface NoticeCacheOptions<V> {
  channel: (typeof CHANNELS)[keyof typeof CHANNELS];
  /** Entries kept at most; the least recently stored go first. */
  capacity: number;
  /** Longest an entry is trusted, should a notice ever be missed; unbounded when absent. */
  maxAgeMs?: number;
  /** Which entries a notice's payload makes stale; by default the entry whose key is the payload. */
  staleOn?: (payload: string, key: string, value: V) => boolean;
}

/** Taken before reading what a value is computed from; a value is kept only if no notice came since. */
export type Ticket = number | null;

/**
 * Values computed from the database, kept in this process's memory until the database announces a change to
 * what they were computed from (LISTEN/NOTIFY, sent by triggers in the migrations, so no write path can
 * forget). Several server processes stay consistent this way: each hears every commit's notices.
 *
 * Nothing is kept until the cache listens (it starts on first use), nor after the listening connection
 * failed: then every read goes to the database, as without a cache. A value read before a notice arrived is
 * not kept (see `ticket`). Writers `echo` the notice after their commit (see Notices.echo).
 */
export class NoticeCache<V> {
  private readonly entries = new Map<string, { value: V; storedAt: number }>();
  private state: 'idle' | 'starting' | 'listening' | 'unavailable' = 'idle';
  /** Counts notices; a ticket is the count when a read began. */
  private generation = 0;

  constructor(
    private readonly notices: Notices | null,
    private readonly options: NoticeCacheOptions<V>,
  ) {
    if (!notices) this.state = 'unavailable';
  }

  /** Call before reading the database for a value to `set`; null while the cache is not listening. */
  ticket(): Ticket {
    if (this.state === 'idle') this.start();
    return this.state === 'listening' ? this.generation : null;
  }

  get(key: string, now: Date): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = now.getTime() - entry.storedAt;
    if (age < 0 || (this.options.maxAgeMs !== undefined && age > this.options.maxAgeMs)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keep a value read under `ticket`, unless a notice arrived since (the value may be stale already). */
  set(key: string, value: V, ticket: Ticket, now: Date): void {
    if (ticket === null || ticket !== this.generation || this.state !== 'listening') return;
    this.entries.delete(key); // re-inserted last: a Map iterates in insertion order, oldest first
    this.entries.set(key, { value, storedAt: now.getTime() });
    if (this.entries.size > this.options.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forget what a change announced with this payload makes stale (a writer's own commit, or a notice). */
  forget(payload: string): void {
    this.generation += 1;
    const { staleOn } = this.options;
    if (!staleOn) {
      this.entries.delete(payload);
      return;
    }
    for (const [key, entry] of this.entries) if (staleOn(payload, key, entry.value)) this.entries.delete(key);
  }

  private start(): void {
    if (!this.notices) return;
    this.state = 'starting';
    const unavailable = () => {
      this.state = 'unavailable';
      this.generation += 1;
      this.entries.clear();
    };
    // The engine closes its listeners when it closes; there is nothing to stop here.
    this.notices
      .listen(this.options.channel, (payload) => this.forget(payload), unavailable)
      .then(() => {
        if (this.state === 'starting') this.state = 'listening';
      }, unavailable);
  }
}
