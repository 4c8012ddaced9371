// `lco import observations` and `lco export observations` as the operator runs them: the real binary on a
// fresh data folder, a JSON summary on standard output, exit 1 when the file has errors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportSummarySchema } from '@lco/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../../bin/lco.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-import-cli-'));
const dataDir = path.join(dir, 'data');

function lco(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  expect(lco('seed').code).toBe(0);
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lco import and export observations', () => {
  it('writes a template, imports it filled in, and says "unchanged" for the same file again', () => {
    const exported = lco(
      'export',
      'observations',
      '--city',
      'cork',
      '--year',
      '2023',
      '--template',
      '--out',
      file('t.csv'),
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('78 rows (csv)');
    const lines = fs.readFileSync(file('t.csv'), 'utf8').trim().split('\n');
    const filled = lines.map((line) =>
      line.startsWith('1.2.2a,total,2023,,percent,,')
        ? line.replace(',,percent,,', ',4.1,percent,Labour Force Survey,')
        : line,
    );
    fs.writeFileSync(file('filled.csv'), `${filled.join('\n')}\n`);

    const dry = lco(
      'import',
      'observations',
      '--city',
      'cork',
      '--year',
      '2023',
      '--file',
      file('filled.csv'),
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(ImportSummarySchema.parse(JSON.parse(dry.stdout))).toMatchObject({ dryRun: true, inserted: 1, skipped: 77 });

    const first = lco('import', 'observations', '--city', 'cork', '--year', '2023', '--file', file('filled.csv'));
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, errors: [] });
    const again = lco('import', 'observations', '--city', 'cork', '--year', '2023', '--file', file('filled.csv'));
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });

    const xlsx = lco('export', 'observations', '--city', 'cork', '--year', '2023', '--out', file('values.xlsx'));
    expect(xlsx.stdout).toContain('1 rows (xlsx)');
    expect(fs.readFileSync(file('values.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 300_000);

  it('exits 1 with every error in the summary, and imports a network-wide file without --city and --year', () => {
    fs.writeFileSync(
      file('bad.csv'),
      'measurement_id,breakdown,year,value,unit,source,note\n1.2.2a,total,2023,140,percent,LFS,\n9.9.9z,total,2023,1,,x,\n',
    );
    const bad = lco('import', 'observations', '--city', 'limerick', '--year', '2023', '--file', file('bad.csv'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors.map((e: { field: string }) => e.field)).toEqual([
      'row 2, column value',
      'row 3, column measurement_id',
    ]);

    fs.writeFileSync(
      file('network.csv'),
      'city,measurement_id,breakdown,year,value,unit,source,note\nlimerick,1.2.2a,total,2019,4,,LFS,\ncork,1.2.2a,total,2019,5,,LFS,\n',
    );
    const network = lco('import', 'observations', '--file', file('network.csv'));
    expect(network.code).toBe(0);
    expect(JSON.parse(network.stdout)).toMatchObject({
      inserted: 2,
      openedCycles: [{ city: 'cork' }, { city: 'limerick' }],
    });

    const half = lco('import', 'observations', '--city', 'cork', '--file', file('network.csv'));
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('give both --city and --year');
  }, 300_000);
});
