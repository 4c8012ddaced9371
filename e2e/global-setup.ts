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
    /**
     * An administrator per test file, created the way `lco user add` does. One each, because invitations are
     * throttled per inviting person (five, then a growing wait), and the files together invite more.
     */
    admins: Record<AdminOf, { email: string; password: string }>;
  }
}

type AdminOf = 'accounts' | 'monitoring' | 'review' | 'survey' | 'award';
const ADMINS: Record<AdminOf, { email: string; password: string }> = {
  accounts: { email: 'admin@e2e.example', password: 'e2e admin passphrase 2026' },
  monitoring: { email: 'admin-monitoring@e2e.example', password: 'e2e admin passphrase 2026' },
  review: { email: 'admin-review@e2e.example', password: 'e2e admin passphrase 2026' },
  survey: { email: 'admin-survey@e2e.example', password: 'e2e admin passphrase 2026' },
  award: { email: 'admin-award@e2e.example', password: 'e2e admin passphrase 2026' },
};

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
  const accounts = new AccountsService(app.ctx);
  // Only the accounts test's administrator is called "E2E Admin": its pages look the name up.
  for (const [file, admin] of Object.entries(ADMINS))
    await accounts.createUserFromCli(
      admin.email,
      file === 'accounts' ? 'E2E Admin' : `Desk for ${file}`,
      'admin',
      admin.password,
    );
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', address);
  project.provide('admins', ADMINS);
  return async () => {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
