#!/usr/bin/env node
// Runs a command against a throw-away PostgreSQL cluster: initdb in a temporary folder, start it on a
// free loopback port, export TEST_DATABASE_URL, run the command, then stop and delete the cluster.
// Usage: node scripts/with-postgres.mjs <command> [args…]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(64);
}

const bin = findPostgresBin();
const port = await freePort();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-pg-'));
const dataDir = path.join(folder, 'data');
// initdb refuses to run as root: run the server as the unprivileged postgres user when we are root.
const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
if (asUser.length > 0) execFileSync('chown', ['-R', 'postgres', folder]);

const run = (argv) => execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
run([...asUser, path.join(bin, 'initdb'), '-D', dataDir, '-U', 'lco', '--auth=trust', '-E', 'UTF8', '--no-locale']);
run([
  ...asUser,
  path.join(bin, 'pg_ctl'),
  '-D',
  dataDir,
  '-l',
  path.join(folder, 'server.log'),
  '-o',
  `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
  '-w',
  'start',
]);

let code = 1;
try {
  const url = `postgresql://lco@127.0.0.1:${port}/postgres`;
  console.log(`PostgreSQL ${pgVersion(bin)} on ${url}`);
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
  code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} finally {
  const stopArgv = [...asUser, path.join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'fast', 'stop'];
  spawnSync(stopArgv[0], stopArgv.slice(1), { stdio: 'ignore' });
  fs.rmSync(folder, { recursive: true, force: true });
}
process.exit(code);

function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(candidate, 'initdb'))) return candidate;
  }
  console.error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  process.exit(69);
}

function pgVersion(binDir) {
  const banner = execFileSync(path.join(binDir, 'postgres'), ['--version']).toString();
  return banner.match(/\d+(\.\d+)+/)?.[0] ?? banner.trim();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
