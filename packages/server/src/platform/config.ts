import path from 'node:path';
import { DEFAULT_SETTINGS, type OidcSettings, type Settings } from './context.ts';
import { SERVER_ROOT } from './paths.ts';

/** Runtime settings, read once from the environment (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database (and later uploaded files). */
  dataDir: string;
  /** When set, PostgreSQL through `pg` instead of the embedded engine. */
  databaseUrl: string | null;
  logLevel: string;
  /** Built web app to serve at `/`; null serves the API only. */
  webDist: string | null;
  /** Outgoing mail server; null keeps mail in the outbox for admins to read. */
  smtpUrl: string | null;
  mailFrom: string;
  /** TRUST_PROXY=1 behind a reverse proxy, so rate limits see the client's address, not the proxy's. */
  trustProxy: boolean;
  settings: Settings;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.WEB_DIST === '' ? null : path.resolve(cwd, env.WEB_DIST ?? defaultWebDist()),
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM ?? 'Learning City Observatory <no-reply@localhost>',
    trustProxy: env.TRUST_PROXY === '1',
    settings: {
      ...DEFAULT_SETTINGS,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      secureCookies: env.LCO_SECURE_COOKIES === '1' || (env.PUBLIC_URL ?? '').startsWith('https://'),
      oidc: readOidc(env),
      evidenceMaxBytes: readEvidenceMaxBytes(env.EVIDENCE_MAX_MB),
    },
  };
}

/** EVIDENCE_MAX_MB: a whole number of mebibytes, 1 to 1024 (a larger file belongs in a link). */
function readEvidenceMaxBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SETTINGS.evidenceMaxBytes;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 1 || mb > 1024) {
    throw new ConfigError(`EVIDENCE_MAX_MB must be a whole number from 1 to 1024, got "${value}"`);
  }
  return mb * 1024 * 1024;
}

/** Single sign-on is on when all four OIDC_* variables are set, and a partial setting is an error. */
function readOidc(env: NodeJS.ProcessEnv): OidcSettings | null {
  const values = {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: env.OIDC_REDIRECT_URI,
  };
  const missing = Object.entries(values).filter(([, v]) => !v);
  if (missing.length === 4) return null;
  if (missing.length > 0) {
    const names = missing.map(([k]) => `OIDC_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`);
    throw new ConfigError(`single sign-on is half configured: set ${names.join(', ')} too, or none of OIDC_*`);
  }
  return values as OidcSettings;
}

function defaultWebDist(): string {
  return path.resolve(SERVER_ROOT, '../web/dist');
}
