import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Result } from '../run.ts';
import { startServer } from '../server.ts';

const CONNECTIONS = 20;

/**
 * GET /api/v1/cities/sample-city/progress — ten accepted years of all 60 measurements — at 20 concurrent
 * clients (target p95 ≤ 30 ms), on the embedded database, and on PostgreSQL when the run has one
 * (`TEST_DATABASE_URL`, as `node scripts/with-postgres.mjs npm run bench` provides).
 */
export async function progressLatency(work: string): Promise<Result[]> {
  const results = [await measure('embedded', { DATA_DIR: path.join(work, 'progress-data'), WEB_DIST: '' })];
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query('drop database if exists lco_bench_progress');
    await admin.query('create database lco_bench_progress');
    await admin.end();
    const url = new URL(server);
    url.pathname = '/lco_bench_progress';
    results.push(await measure('PostgreSQL', { DATABASE_URL: url.toString(), WEB_DIST: '' }));
  }
  return results;
}

async function measure(engine: string, env: Record<string, string>): Promise<Result> {
  const server = await startServer(env);
  try {
    const url = `${server.url}/api/v1/cities/sample-city/progress`;
    await autocannon({ url, connections: CONNECTIONS, duration: 2 });
    const run = await autocannon({ url, connections: CONNECTIONS, duration: 8 });
    if (run.non2xx > 0) throw new Error(`${url}: ${run.non2xx} non-2xx answers`);
    // autocannon reports p90 and p97.5, not p95: p97.5 is reported, an upper bound of p95.
    const upper = run.latency.p97_5;
    return {
      scenario: `GET /cities/:slug/progress (${engine})`,
      value: upper,
      unit: 'ms p97.5 (≥ p95)',
      target: 'p95 ≤ 30 ms, 20 clients',
      met: upper <= 30,
      reference: `p50 ${run.latency.p50} ms, p90 ${run.latency.p90} ms, ${Math.round(run.requests.average)} req/s`,
    };
  } finally {
    await server.stop();
  }
}
