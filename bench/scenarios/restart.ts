import path from 'node:path';
import type { Result } from '../run.ts';
import { startServer } from '../server.ts';

/** Restart of the server on an existing data dir until /healthz answers (target ≤ 2 s); median of 5. */
export async function restartTime(work: string): Promise<Result> {
  const env = { DATA_DIR: path.join(work, 'restart-data'), WEB_DIST: '' };
  const first = await startServer(env); // creates, migrates and seeds the data dir
  await first.stop();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const server = await startServer(env);
    times.push(server.readyAfterMs);
    await server.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[2] ?? Number.NaN;
  return {
    scenario: 'restart until /healthz answers',
    value: Math.round(median),
    unit: 'ms',
    target: '≤ 2000 ms',
    met: median <= 2000,
    detail: `first start ${Math.round(first.readyAfterMs)} ms (creates the database); restarts ${times.map(Math.round).join(', ')} ms`,
  };
}
