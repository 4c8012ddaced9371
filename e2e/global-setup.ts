import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccountsService } from '@lco/server/accounts';
import { buildApp } from '@lco/server/app';
import { openPrepared } from '@lco/server/bootstrap';
import type { TestProject } from 'vitest/node';
// @ts-expect-error — a plain .mjs helper shared with `npm start`, without type declarations.
import { ensureWebBuild } from '../scripts/web-build.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** An administrator created the way `lco user add` does, for tests that sign in. */
    admin: { email: string; password: string };
  }
}

const ADMIN = { email: 'admin@e2e.example', password: 'e2e admin passphrase 2026' };

/** Build the web app if needed, then serve it with the real API on a fresh embedded database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-e2e-'));
  const handle = await openPrepared({ databaseUrl: null, dataDir });
  const app = await buildApp({
    db: handle.db,
    dataDir,
    webDist: path.resolve(import.meta.dirname, '../packages/web/dist'),
  });
  await new AccountsService(app.ctx).createUserFromCli(ADMIN.email, 'E2E Admin', 'admin', ADMIN.password);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', address);
  project.provide('admin', ADMIN);
  return async () => {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
