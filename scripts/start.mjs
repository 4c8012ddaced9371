#!/usr/bin/env node
// `npm start`: build the web app when its build is missing or stale, then serve (see README).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureWebBuild } from './web-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
try {
  ensureWebBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const server = spawnSync(
  process.execPath,
  [path.join(root, 'packages/server/bin/lco.mjs'), 'serve', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(server.status ?? 1);
