// `lco agreement` as a person runs it: the real binary on a file, one JSON document on success, one line on
// standard error and a non-zero exit for every kind of bad input.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../bin/lco.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-agreement-cli-'));

function write(content: string): string {
  const target = path.join(dir, `ratings-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(target, content);
  return target;
}

function agreement(args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'agreement', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A non-zero exit with exactly one line on standard error, matching `message`. */
function expectRefusal(run: ReturnType<typeof agreement>, message: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(message);
}

/** Krippendorff's reliability data "C": units 1–12 by observers A–D, empty = missing. */
const DATA_C = [
  'unit,A,B,C,D',
  '1,1,1,,1',
  '2,2,2,3,2',
  '3,3,3,3,3',
  '4,3,3,3,3',
  '5,2,2,2,2',
  '6,1,2,3,4',
  '7,4,4,4,4',
  '8,1,1,2,1',
  '9,2,2,2,2',
  '10,,5,5,5',
  '11,,,1,1',
  '12,,3,,',
];

describe('lco agreement', { timeout: 120_000 }, () => {
  it('prints the published alphas of Krippendorff’s data C at every level', () => {
    const file = write(`${DATA_C.join('\n')}\n`);
    const published = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
    for (const [level, alpha] of Object.entries(published)) {
      const run = agreement(['--data', file, '--level', level]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const output = JSON.parse(run.stdout);
      expect(Object.keys(output)).toEqual(['alpha', 'units', 'raters', 'pairable']);
      expect(Math.abs(output.alpha - alpha)).toBeLessThan(0.0005);
      expect(output).toMatchObject({ units: 11, raters: 4, pairable: 40 });
    }
  });

  it('reads a file without a unit column, with semicolons, a BOM and CRLF, to the same figures', () => {
    const plain = JSON.parse(agreement(['--data', write(`${DATA_C.join('\n')}\n`), '--level', 'ordinal']).stdout);
    const rows = DATA_C.map((line) => line.split(',').slice(1).join(';'));
    const run = agreement(['--data', write(`\ufeff${rows.join('\r\n')}\r\n`), '--level', 'ordinal']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(plain);
  });

  it('refuses a missing or unknown level', () => {
    const file = write(`${DATA_C.join('\n')}\n`);
    expectRefusal(agreement(['--data', file]), /required option '--level <level>' not specified/);
    expectRefusal(
      agreement(['--data', file, '--level', 'circular']),
      /argument 'circular' is invalid\. Allowed choices are nominal, ordinal, interval, ratio/,
    );
  });

  it('refuses a file it cannot read', () => {
    expectRefusal(
      agreement(['--data', path.join(dir, 'missing.csv'), '--level', 'nominal']),
      /^lco: cannot read the data file .*missing\.csv': no such file$/,
    );
  });

  it('refuses a cell that is not a number, naming its row, unit and column', () => {
    const rows = [...DATA_C];
    rows[3] = '3,3,three,3,3';
    expectRefusal(
      agreement(['--data', write(rows.join('\n')), '--level', 'interval']),
      /^lco: .*\.csv: row 3 \(unit '3'\), column 'B': 'three' is not a number \(leave the cell empty when a rater gave no value\)$/,
    );
  });

  it('says how to name a column of unit names when the first column is not numbers', () => {
    expectRefusal(
      agreement(['--data', write('city,A,B\nLyon,1,2\nOsaka,2,2\n'), '--level', 'nominal']),
      /^lco: .*: row 1, column 'city': 'Lyon' is not a number .*a column of unit names is headed 'unit'\)$/,
    );
  });

  it('refuses fewer than two raters', () => {
    expectRefusal(
      agreement(['--data', write('unit,A\n1,3\n2,4\n'), '--level', 'ordinal']),
      /^lco: .*: agreement needs at least two raters with a value; the data have 1$/,
    );
    expectRefusal(agreement(['--data', write('A,B\n3,\n4,\n'), '--level', 'ordinal']), /the data have 1$/);
  });

  it('refuses data where no unit has two values', () => {
    expectRefusal(
      agreement(['--data', write('A,B\n3,\n,4\n'), '--level', 'interval']),
      /^lco: .*: no unit has values from two raters, so there is nothing to compare$/,
    );
  });

  it('refuses data without variation rather than printing NaN', () => {
    expectRefusal(
      agreement(['--data', write('A,B\n4,4\n4,4\n'), '--level', 'interval']),
      /alpha is undefined: every pairable value is 4/,
    );
  });

  it('refuses a negative value at the ratio level, naming row and column', () => {
    expectRefusal(
      agreement(['--data', write('A,B\n1,1\n2,-2\n'), '--level', 'ratio']),
      /^lco: .*: row 2, column 'B': -2 is negative, and ratio data start at an absolute zero$/,
    );
  });
});
