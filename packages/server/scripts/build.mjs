// The server as one ES module bundle (packages/server/dist/lco.mjs), rebuilt when older than its sources.
// Why: running the TypeScript through tsx transpiles some two hundred modules on every start, which
// alone took most of the restart budget (issue #2: ready within 2 s). esbuild bundles in a fraction of
// a second, so `bin/lco.mjs` builds on demand and there is still no build step to remember.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '..');
const root = path.resolve(server, '../..');
const entry = path.join(server, 'src/cli/lco.ts');
export const BUNDLE = path.join(server, 'dist/lco.mjs');
const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pino', 'pg', 'esbuild', 'tsx'];

/** What the bundle is built from. */
const SOURCES = [
  path.join(server, 'src'),
  path.join(server, 'package.json'),
  path.join(server, 'scripts/build.mjs'),
  path.join(root, 'packages/core/src'),
  path.join(root, 'package-lock.json'),
];

/** The files under a path, skipping tests, dependencies and build output, in a stable order. */
function sourceFiles(target) {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return target.endsWith('.test.ts') ? [] : [target];
  return fs
    .readdirSync(target)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .sort()
    .flatMap((name) => sourceFiles(path.join(target, name)));
}

export function serverBuildIsStale() {
  if (!fs.existsSync(BUNDLE)) return true;
  const newest = Math.max(...SOURCES.flatMap(sourceFiles).map((file) => fs.statSync(file).mtimeMs));
  return newest > fs.statSync(BUNDLE).mtimeMs;
}

/** A hash of the sources' contents: the seed skips deriving reference data the same sources already wrote. */
function sourceHash() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(sourceFiles)) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** Build when stale and return the bundle's path. Safe when several processes start at once. */
export async function ensureServerBuild() {
  if (!serverBuildIsStale()) return BUNDLE;
  const { build } = await import('esbuild');
  // Written aside, then moved in, the entry last: a concurrent start never imports a half-written file. Chunks
  // (what is imported on demand, e.g. the PostgreSQL driver) have content-hashed names, so a server still
  // running on an older entry keeps finding its own.
  const temporary = path.join(path.dirname(BUNDLE), `.build-${process.pid}`);
  await build({
    entryPoints: { lco: entry },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    define: { LCO_SOURCE_HASH: JSON.stringify(sourceHash()) },
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
  const chunks = path.join(path.dirname(BUNDLE), 'chunks');
  fs.mkdirSync(chunks, { recursive: true });
  const built = path.join(temporary, 'chunks');
  for (const name of fs.existsSync(built) ? fs.readdirSync(built) : []) {
    fs.renameSync(path.join(built, name), path.join(chunks, name));
  }
  fs.renameSync(path.join(temporary, 'lco.mjs'), BUNDLE);
  fs.rmSync(temporary, { recursive: true, force: true });
  return BUNDLE;
}
