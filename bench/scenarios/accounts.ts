import path from 'node:path';
import { AccountsService } from '@lco/server/accounts';
import { openPrepared } from '@lco/server/bootstrap';
import { offlineContext } from '@lco/server/context';
import autocannon from 'autocannon';
import type { Result } from '../run.ts';
import { startServer } from '../server.ts';

const USERS = 20;
const SIGN_INS_PER_USER = 10;
const PASSWORD = 'bench passphrase for accounts';

/**
 * Sign-in latency under 20 concurrent users (argon2id at OWASP's 19 MiB, t=2, p=1), and an authenticated
 * GET /api/v1/me against an anonymous GET /healthz in the same run (target ≥ 80%).
 */
export async function accountsScenarios(work: string): Promise<Result[]> {
  const dataDir = path.join(work, 'accounts-data');
  const handle = await openPrepared({ databaseUrl: null, dataDir });
  const accounts = new AccountsService(offlineContext(handle.db, dataDir));
  for (let i = 0; i < USERS; i++)
    await accounts.createUserFromCli(`user${i}@bench.example`, `User ${i}`, 'expert', PASSWORD);
  await handle.close();

  const server = await startServer({ DATA_DIR: dataDir, WEB_DIST: '' });
  try {
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        for (let n = 0; n < SIGN_INS_PER_USER; n++) latencies.push(await signIn(server.url, `user${i}@bench.example`));
      }),
    );
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN;
    const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? Number.NaN;

    const cookie = await sessionCookie(server.url, 'user0@bench.example');
    // Alternating rounds, so a change in the machine's load during the run weighs on both alike.
    let me = 0;
    let health = 0;
    for (let round = 0; round < 3; round++) {
      me += (await rate(`${server.url}/api/v1/me`, { cookie })) / 3;
      health += (await rate(`${server.url}/healthz`, {})) / 3;
    }
    return [
      {
        scenario: 'sign-in latency, 20 concurrent users',
        value: Math.round(p95),
        unit: 'ms p95',
        target: 'report (argon2id m=19 MiB, t=2, p=1)',
        met: true,
        reference: `p50 ${Math.round(p50)} ms`,
        detail: `${latencies.length} sign-ins; p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`,
      },
      {
        scenario: 'GET /api/v1/me throughput (signed in)',
        value: Math.round(me),
        unit: 'req/s',
        target: '≥ 80% of /healthz',
        met: me / health >= 0.8,
        reference: `/healthz ${Math.round(health)} req/s → ${((me / health) * 100).toFixed(0)}%`,
      },
    ];
  } finally {
    await server.stop();
  }
}

async function signIn(base: string, email: string): Promise<number> {
  const csrf = await fetch(`${base}/api/v1/auth/csrf`);
  const { token } = (await csrf.json()) as { token: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return elapsed;
}

async function sessionCookie(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/v1/auth/csrf`);
  const { token } = (await csrf.json()) as { token: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function rate(url: string, headers: Record<string, string>): Promise<number> {
  await autocannon({ url, headers, connections: 20, duration: 1 });
  const result = await autocannon({ url, headers, connections: 20, duration: 3 });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}
