// Import of observations (issue #4): a network-wide back-fill of 100,000 rows — every catalogue measurement and
// breakdown for the network's cities over two decades — as ONE file through the network-wide import (the
// variant the secretariat and `lco import observations --file F` use), so the whole file is all-or-nothing in
// one transaction. Timed in-process from the file's bytes to the committed summary (read, check, open ~1,300
// draft cycles, upsert, audit), then the same file again (every row unchanged). On the embedded database, and
// on PostgreSQL when the run has one (`TEST_DATABASE_URL`, as `node scripts/with-postgres.mjs npm run bench`
// provides). Standalone: npx tsx bench/scenarios/import.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allMeasurements, breakdownKeys, type ImportSummary } from '@lco/core';
import { openPrepared } from '@lco/server/bootstrap';
import pg from 'pg';
import {
  ObservationImportService,
  OPERATOR,
} from '../../packages/server/src/modules/monitoring/observation-import.service.ts';
import { awardCitySeed } from '../../packages/server/src/modules/network/award-cities.ts';
import type { Result } from '../run.ts';

const ROWS = 100_000;
const FIRST_YEAR = 1995;
const TARGET_SECONDS = 3;

/** The back-fill: city by city, year by year, every measurement and breakdown, until there are ROWS rows. */
export function backFillCsv(rows = ROWS): Buffer {
  const cities = awardCitySeed().cities.map((c) => c.slug);
  const series = allMeasurements().flatMap((m) => breakdownKeys(m).map((b) => ({ m, b })));
  const lines = ['city,measurement_id,breakdown,year,value,unit,source,note,election_year'];
  for (let year = FIRST_YEAR; lines.length <= rows; year++) {
    for (const [c, city] of cities.entries()) {
      for (const { m, b } of series) {
        if (lines.length > rows) break;
        // Plausible, slowly moving values: parts either side of their total, no warnings to confirm.
        const part = b === 'total' ? 0 : b.endsWith('female') || b.endsWith('private') ? 1 : -1;
        const value =
          m.unit === 'rating-1-5'
            ? 3
            : m.unit === 'percent'
              ? 40 + (c % 20) + (year - FIRST_YEAR) * 0.2 + part
              : 100 + c + part;
        const election = m.id === '1.1.2a' ? year : '';
        lines.push(`${city},${m.id},${b},${year},${value.toFixed(1)},${m.unit},Back-fill ${year},,${election}`);
      }
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function measure(engine: string, databaseUrl: string | null, dataDir: string): Promise<Result> {
  const file = { name: 'back-fill.csv', bytes: backFillCsv() };
  const handle = await openPrepared({ databaseUrl, dataDir });
  try {
    const imports = new ObservationImportService({ db: handle.db, now: () => new Date() });
    const run = async (): Promise<[number, ImportSummary]> => {
      const started = performance.now();
      const summary = await imports.importNetwork(OPERATOR, async () => file, { dryRun: false, meta: null });
      const seconds = (performance.now() - started) / 1000;
      if (summary.errors.length > 0) throw new Error(`the back-fill has errors: ${JSON.stringify(summary.errors[0])}`);
      return [seconds, summary];
    };
    const [first, summary] = await run();
    const [again, repeat] = await run();
    return {
      scenario: `import 100,000 observations, one network file (${engine})`,
      value: Number(first.toFixed(2)),
      unit: 's',
      target: `≤ ${TARGET_SECONDS} s`,
      met: first <= TARGET_SECONDS,
      reference: `same file again ${again.toFixed(2)} s (all unchanged)`,
      detail:
        `${(file.bytes.length / 1024 / 1024).toFixed(1)} MB CSV; inserted ${summary.inserted}, ` +
        `${summary.openedCycles.length} draft cycles opened, ${summary.warnings.length} warnings; ` +
        `again: unchanged ${repeat.unchanged}, updated ${repeat.updated}`,
    };
  } finally {
    await handle.close();
  }
}

export async function importBenchmarks(work: string): Promise<Result[]> {
  const results = [await measure('embedded', null, path.join(work, 'import-data'))];
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    console.log('import on PostgreSQL skipped: no TEST_DATABASE_URL (run under node scripts/with-postgres.mjs)');
    return results;
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query('drop database if exists lco_bench_import');
    await admin.query('create database lco_bench_import');
    const url = new URL(server);
    url.pathname = '/lco_bench_import';
    results.push(await measure('PostgreSQL', url.toString(), ''));
  } finally {
    await admin.query('drop database if exists lco_bench_import');
    await admin.end();
  }
  return results;
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-bench-import-'));
  try {
    console.table(await importBenchmarks(work));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
