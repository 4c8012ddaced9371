import type { Database } from './db/client.ts';
import type { Mailer } from './mail/mailer.ts';

/** OpenID Connect settings; present only when a deployment turns single sign-on on. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface Settings {
  /** Base of the links in mails, e.g. https://observatory.example.org */
  publicUrl: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  invitationDays: number;
  resetMinutes: number;
  oidc: OidcSettings | null;
}

/** What every service may need, handed down from the app instead of imported as globals. */
export interface AppContext {
  db: Database;
  mailer: Mailer;
  settings: Settings;
  /** Injected so tests can move time (expiry of sessions, invitations, resets). */
  now: () => Date;
}

export const DEFAULT_SETTINGS: Settings = {
  publicUrl: 'http://localhost:3000',
  secureCookies: false,
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  invitationDays: 14,
  resetMinutes: 60,
  oidc: null,
};
