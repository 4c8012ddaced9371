import type { Notices } from '../../platform/db/client.ts';
import type { LiveSession } from './accounts.repository.ts';

/** The channel migration 0011's triggers announce on, with the id of the person whose account changed. */
export const ACCOUNTS_CHANNEL = 'lco_accounts';

/** Longest a resolved session is trusted without reading it again, should a notice ever be missed. */
const MAX_AGE_MS = 60_000;
/** Entries kept at most; the oldest go first. */
const CAPACITY = 10_000;

/**
 * The sessions this process resolved lately, so a signed-in request needs no query (issue #3: an
 * authenticated read at ≥ 80 % of an anonymous one). Sessions stay in the database, shared by every process:
 * the database announces each change that can end a session or alter a person's roles or profile (triggers
 * of migration 0011), and every process forgets that person's entries when the notice arrives. The cache
 * only answers while it is listening; before that, or after the listening connection failed, every request
 * reads the database as if there were no cache.
 */
export class SessionCache {
  private readonly entries = new Map<string, { live: LiveSession; storedAt: number }>();
  private listening = false;
  private stop: (() => Promise<void>) | null = null;

  /** Start listening for account changes; without it the cache stays empty. */
  async listen(notices: Notices): Promise<void> {
    this.stop = await notices.listen(
      ACCOUNTS_CHANNEL,
      (userId) => this.forgetPerson(userId),
      () => {
        this.listening = false;
        this.entries.clear();
      },
    );
    this.listening = true;
  }

  async close(): Promise<void> {
    this.listening = false;
    this.entries.clear();
    await this.stop?.();
  }

  /** The session as last read, if read within the maximum age; expiry is checked by the caller. */
  get(sessionId: string, now: Date): LiveSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now.getTime() - entry.storedAt > MAX_AGE_MS || now.getTime() < entry.storedAt) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.live;
  }

  remember(sessionId: string, live: LiveSession, now: Date): void {
    if (!this.listening) return;
    this.entries.delete(sessionId); // re-inserted last: a Map iterates in insertion order, oldest first
    this.entries.set(sessionId, { live, storedAt: now.getTime() });
    if (this.entries.size > CAPACITY) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  forgetPerson(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.live.user.id === userId) this.entries.delete(id);
  }
}
