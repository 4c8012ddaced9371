import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { oidcLogins } from './oidc.tables.ts';

export type OidcLoginRow = typeof oidcLogins.$inferSelect;

export class OidcRepository {
  constructor(private readonly db: Database) {}

  async insertLogin(values: typeof oidcLogins.$inferInsert): Promise<void> {
    await this.db.insert(oidcLogins).values(values);
  }

  /**
   * Mark a sign-in in progress as used and give it back, in one statement, so two callbacks racing with
   * the same handle cannot both proceed. Unknown, used or expired handles give undefined.
   */
  async consumeLogin(handleHash: string, now: Date): Promise<OidcLoginRow | undefined> {
    const [row] = await this.db
      .update(oidcLogins)
      .set({ usedAt: now })
      .where(and(eq(oidcLogins.handleHash, handleHash), isNull(oidcLogins.usedAt), gt(oidcLogins.expiresAt, now)))
      .returning();
    return row;
  }

  /** Forget sign-ins that can no longer finish, so anonymous starts cannot grow the table without bound. */
  async deleteExpiredLogins(now: Date): Promise<void> {
    await this.db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  }
}
