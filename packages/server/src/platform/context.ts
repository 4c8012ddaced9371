import type { Database, DatabaseHandle, Notices } from './db/client.ts';
import type { VirusScanner } from './files/scanner.ts';
import { NO_SCANNER } from './files/scanner.ts';
import type { FileStorage } from './files/storage.ts';
import { dataDirFiles } from './files/storage.ts';
import { Mailer } from './mail/mailer.ts';
import type { ThrottlePolicy } from './security/throttle.ts';

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
  /** Largest evidence file accepted, in bytes (413 above it). */
  evidenceMaxBytes: number;
  /** Posts of the public survey pages allowed per address before back-off (a benchmark raises it). */
  surveyAddressPolicy?: ThrottlePolicy;
}

/** What every service may need, handed down from the app instead of imported as globals. */
export interface AppContext {
  db: Database;
  /** The database's change notices, for caches that must hear of other processes' writes; null offline. */
  notices: Notices | null;
  /**
   * The database engine. 'pglite', the embedded one, has this process as its only client: what it wrote, no
   * other process changed since. Unknown (absent) counts as shared.
   */
  engine?: DatabaseHandle['engine'];
  mailer: Mailer;
  settings: Settings;
  /** Uploaded files (evidence): local disk under DATA_DIR/files by default. */
  files: FileStorage;
  /** Virus-scan hook for uploads; the default scans nothing and says so. */
  scanner: VirusScanner;
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
  evidenceMaxBytes: 20 * 1024 * 1024,
};

/**
 * A context for work outside an HTTP request (the CLI, benchmarks): mail kept in the outbox, the real
 * clock, files under the data folder, no virus scanner.
 */
export function offlineContext(db: Database, dataDir: string, settings: Settings = DEFAULT_SETTINGS): AppContext {
  return {
    db,
    notices: null,
    settings,
    mailer: new Mailer(db, null, 'Learning City Observatory <no-reply@localhost>'),
    now: () => new Date(),
    files: dataDirFiles(dataDir),
    scanner: NO_SCANNER,
  };
}
