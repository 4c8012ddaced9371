// The server as one ES module bundle (packages/server/dist/lco.mjs), rebuilt when older than its sources.
// Why: running the TypeScript through tsx transpiles some two hundred modules on every start, which
// alone took most of the restart budget (issue #2: ready within 2 s). esbuild bundles in a fraction of
// a second, so `bin/lco.mjs` builds on demand and there is still no build step to remember.
import fs from 'node:fs';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '..');
const root = path.resolve(server, '../..');
const entry = path.join(server, 'src/cli/lco.ts');
export const BUNDLE = path.join(server, 'dist/lco.mjs');
const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pino', 'pg', 'esbuild', 'tsx'];

/** Newest modification time of the files under a path, skipping tests, dependencies and build output. */
function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return target.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const name of fs.readdirSync(target)) {
    if (name === 'node_modules' || name === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, name)));
  }
  return latest;
}

export function serverBuildIsStale() {
  if (!fs.existsSync(BUNDLE)) return true;
  const sources = [
    path.join(server, 'src'),
    path.join(server, 'package.json'),
    path.join(server, 'scripts/build.mjs'),
    path.join(root, 'packages/core/src'),
    path.join(root, 'package-lock.json'),
  ];
  return Math.max(...sources.map(newest)) > fs.statSync(BUNDLE).mtimeMs;
}

/** Build when stale and return the bundle's path. Safe when several processes start at once. */
export async function ensureServerBuild() {
  if (!serverBuildIsStale()) return BUNDLE;
  const { build } = await import('esbuild');
  // Written aside, then renamed: a concurrent start never imports a half-written file.
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // Dependencies go into the bundle too: resolving and compiling hundreds of small CommonJS files cost
    // more at start than parsing one file. Kept out: packages that load files next to their own code
    // (PGlite's WebAssembly, argon2's native addon, pino's worker transports), ExcelJS (loaded on demand)
    // and the PostgreSQL driver (loaded only with DATABASE_URL).
    banner: {
      js: "import { createRequire as __lcoRequire } from 'node:module'; const require = __lcoRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'some-dependencies-stay-external',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            EXTERNAL.some((name) => args.path === name || args.path.startsWith(`${name}/`))
              ? { path: args.path, external: true }
              : undefined,
          );
        },
      },
    ],
  });
  fs.renameSync(temporary, BUNDLE);
  return BUNDLE;
}
