// Builds the web app when its build is missing or older than its sources (shared by `npm start` and e2e).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const built = path.join(web, 'dist/index.html');

/** Newest modification time under a path (files only), ignoring build output and dependencies. */
function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

export function webBuildIsStale() {
  if (!fs.existsSync(built)) return true;
  const sources = [web, path.join(root, 'packages/core/src'), path.join(root, 'package-lock.json')];
  return Math.max(...sources.map(newest)) > fs.statSync(built).mtimeMs;
}

/** Build when stale; exits the process with the build's status when the build fails. */
export function ensureWebBuild() {
  if (!webBuildIsStale()) return;
  console.log('Building the web app…');
  // NODE_ENV=production whatever the caller runs under: Vitest sets "test", which would ship React's
  // development build.
  const result = spawnSync('npm', ['run', 'build', '--workspace', '@lco/web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`web build failed with exit code ${result.status}`);
}
