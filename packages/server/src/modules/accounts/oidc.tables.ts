import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A single sign-on in progress: what the callback must check, kept here rather than in the browser
 * (there is no server secret to sign a cookie with), and shared by every server process. The browser
 * holds only a random handle in a short-lived cookie; the row is used once.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    /** SHA-256 of the cookie's handle: a copy of the database cannot finish someone's sign-in. */
    handleHash: text('handle_hash').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    /** The PKCE code verifier, sent with the code to the provider's token endpoint. */
    verifier: text('verifier').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('oidc_logins_expires').on(t.expiresAt)],
);
