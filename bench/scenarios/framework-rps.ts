import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Result } from '../run.ts';
import { startServer } from '../server.ts';

const DURATION_S = 8;
const CONNECTIONS = 20;

/**
 * GET /api/v1/framework against a static file of the same bytes served by the same server in the same
 * run (target ≥ 50% of the static rate). Neither request asks for gzip, so both send the same bytes.
 */
export async function frameworkThroughput(work: string): Promise<Result> {
  const webDist = path.join(work, 'static-web');
  fs.mkdirSync(webDist, { recursive: true });
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startServer({ DATA_DIR: path.join(work, 'rps-data'), WEB_DIST: webDist });
  try {
    const body = await (await fetch(`${server.url}/api/v1/framework`)).text();
    fs.writeFileSync(path.join(webDist, 'framework.json'), body);
    const api = await measure(`${server.url}/api/v1/framework`);
    const file = await measure(`${server.url}/framework.json`);
    const ratio = api / file;
    return {
      scenario: 'GET /api/v1/framework throughput',
      value: Math.round(api),
      unit: 'req/s',
      target: '≥ 50% of static file',
      met: ratio >= 0.5,
      reference: `static ${Math.round(file)} req/s → ${(ratio * 100).toFixed(0)}%`,
      detail: `${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB per response, ${CONNECTIONS} connections, ${DURATION_S} s each`,
    };
  } finally {
    await server.stop();
  }
}

async function measure(url: string): Promise<number> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1 }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}
