import path from 'node:path';

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
  };
}

function defaultWebDist(): string {
  return path.resolve(import.meta.dirname, '../../../web/dist');
}
