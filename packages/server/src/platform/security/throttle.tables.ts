import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Failed attempts per key ('sign-in:account:…', 'sign-in:address:…'), shared by every server process. */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
