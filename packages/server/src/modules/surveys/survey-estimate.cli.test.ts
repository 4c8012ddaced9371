// `lco survey estimate` as a person runs it: the real binary on files, one JSON document on success, one line
// on standard error and exit code 1 for every kind of bad input the issue lists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../../bin/lco.mjs');
const fixtures = path.resolve(import.meta.dirname, '../../../../core/src/statistics/fixtures');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-survey-cli-'));

function write(name: string, content: string | object): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

function estimate(data: string, design: string | object) {
  const designFile =
    typeof design === 'string' ? design : write(`design-${Math.random().toString(36).slice(2)}.json`, design);
  const result = spawnSync(process.execPath, [bin, 'survey', 'estimate', '--data', data, '--design', designFile], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 1 with exactly one line on standard error, matching `message`. */
function expectRefusal(run: ReturnType<typeof estimate>, message: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(message);
}

const SMALL = ['id,stratum,psu,w,age,sex', '1,A,1,10,31,F', '2,A,1,12,45,M', '3,A,2,8,,F', '4,A,2,10,60,F'];
const smallCsv = (rows: string[] = SMALL) =>
  write(`small-${Math.random().toString(36).slice(2)}.csv`, `${rows.join('\n')}\n`);
const more = ['5,B,3,20,22,M', '6,B,3,20,38,', '7,B,4,25,51,F', '8,B,4,15,70,M'];

describe('lco survey estimate', { timeout: 120_000 }, () => {
  it('prints estimates equal to R survey for a fixture design, and the weighting diagnostics', () => {
    const designs = JSON.parse(fs.readFileSync(path.join(fixtures, 'designs.generated.json'), 'utf8'));
    const reference = JSON.parse(fs.readFileSync(path.join(fixtures, 'reference.generated.json'), 'utf8'));
    const run = estimate(path.join(fixtures, 'households.csv'), designs.designs.stratified.design);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(['estimates', 'weighting']);
    expect(output.estimates).toHaveLength(reference.designs.stratified.length);
    const first = output.estimates[0];
    expect(Object.keys(first)).toEqual(['statistic', 'variable', 'estimate', 'se', 'ci', 'deff', 'n']);
    const r = reference.designs.stratified[0];
    expect(Math.abs(first.estimate - r.estimate) / r.estimate).toBeLessThan(1e-9);
    expect(Math.abs(first.se - r.se) / r.se).toBeLessThan(1e-6);
    const domain = output.estimates.find((e: { domain?: { district: string } }) => e.domain?.district === 'Zone "A"');
    expect(Object.keys(domain)).toEqual(['statistic', 'variable', 'domain', 'estimate', 'se', 'ci', 'deff', 'n']);
    expect(output.weighting).toMatchObject({
      respondents: 310,
      weightsFrom: "column 'w'",
      design: { strata: 5, fpc: true },
    });
  });

  it('reads a BOM, semicolons, CRLF and quoted newlines to the same figures as plain CSV', () => {
    const design = { weights: 'w', strata: 'stratum', estimate: [{ mean: 'age' }, { proportion: 'sex', level: 'F' }] };
    const plain = estimate(smallCsv([...SMALL, ...more]), design);
    const rows = [...SMALL, ...more].map((line) => line.replaceAll(',', ';'));
    rows[0] = `${rows[0]};note`;
    for (let i = 1; i < rows.length; i++) rows[i] = `${rows[i]};"a; b\r\nc ""d"""`;
    const excel = estimate(write('excel.csv', `\ufeff${rows.join('\r\n')}\r\n`), design);
    expect(excel.stderr).toBe('');
    expect(JSON.parse(excel.stdout).estimates).toEqual(JSON.parse(plain.stdout).estimates);
    const tabs = estimate(
      write('tabs.tsv', `${[...SMALL, ...more].map((l) => l.replaceAll(',', '\t')).join('\n')}\n`),
      design,
    );
    expect(JSON.parse(tabs.stdout).estimates).toEqual(JSON.parse(plain.stdout).estimates);
  });

  it('writes null where a figure does not exist (design effect of equal weights)', () => {
    const run = estimate(smallCsv([...SMALL, ...more]), { estimate: [{ mean: 'age' }] });
    expect(JSON.parse(run.stdout).estimates[0].deff).toBeNull();
  });

  it('refuses a design naming a missing column', () => {
    expectRefusal(
      estimate(smallCsv(), { weights: 'pw', estimate: [{ mean: 'age' }] }),
      /^lco: weights names column 'pw', which is not in the data \(columns: id, stratum, psu, w, age, sex\)$/,
    );
  });

  it('refuses weights that are zero, negative, missing or not numbers', () => {
    const design = { weights: 'w', estimate: [{ mean: 'age' }] };
    const withWeight = (w: string) => smallCsv([...SMALL.slice(0, 2), `9,A,2,${w},40,F`]);
    expectRefusal(
      estimate(withWeight('0'), design),
      /^lco: weights column 'w', row 2: weight 0 is not a positive number$/,
    );
    expectRefusal(estimate(withWeight('-4'), design), /weight -4 is not a positive number$/);
    expectRefusal(estimate(withWeight(''), design), /^lco: weights column 'w' has a missing value at row 2$/);
    expectRefusal(
      estimate(withWeight('heavy'), design),
      /^lco: column 'w' \(weights\), row 2: 'heavy' is not a number$/,
    );
  });

  it('refuses an fpc smaller than the sample', () => {
    const rows = [`${SMALL[0]},N`, ...SMALL.slice(1).map((l) => `${l},3`)];
    expectRefusal(
      estimate(smallCsv(rows), { strata: 'stratum', fpc: 'N', estimate: [{ mean: 'age' }] }),
      /^lco: fpc column 'N' gives stratum 'A' \(stage 1\) a population of 3 units, fewer than the 4 in the sample$/,
    );
  });

  it('refuses a stratum with a single cluster unless told what to do with it', () => {
    const rows = [...SMALL, '5,B,3,20,22,M', '6,B,3,20,38,F'];
    const design = { weights: 'w', strata: 'stratum', clusters: 'psu', estimate: [{ mean: 'age' }] };
    expectRefusal(
      estimate(smallCsv(rows), design),
      /^lco: stratum 'B' has only one sampling unit at stage 1: choose "lonelyPsu"/,
    );
    expect(estimate(smallCsv(rows), { ...design, lonelyPsu: 'adjust' }).code).toBe(0);
  });

  it('refuses raking that does not converge, margins that do not match the data, and totals that disagree', () => {
    const data = smallCsv([...SMALL, ...more]);
    const rake = (margins: object[], extra: object = {}) =>
      estimate(data, { weights: 'w', rake: { margins, ...extra }, estimate: [{ mean: 'age' }] });
    const sex = { variable: 'stratum', population: { A: 60, B: 40 } };
    expectRefusal(
      rake([sex, { variable: 'psu', population: { 1: 10, 2: 10, 3: 70, 4: 10 } }], {
        maxIterations: 3,
        tolerance: 1e-15,
      }),
      /^lco: rake: (did not converge after 3 iterations|the margins cannot all be met)/,
    );
    expectRefusal(
      rake([{ variable: 'stratum', population: { A: 60, C: 40 } }]),
      /^lco: rake margin 'stratum': the data have stratum=B but the population has no such category$/,
    );
    expectRefusal(
      rake([sex, { variable: 'psu', population: { 1: 10, 2: 10, 3: 10, 4: 10 } }]),
      /^lco: rake: margin totals disagree: 'stratum' adds up to 100 but 'psu' to 40$/,
    );
  });

  it('refuses a design file that is not JSON or has an unknown key, and files that are not there', () => {
    expectRefusal(estimate(smallCsv(), write('broken.json', '{"estimate": [')), /^lco: .*broken\.json: not valid JSON/);
    expectRefusal(
      estimate(smallCsv(), { weight: 'w', estimate: [{ mean: 'age' }] }),
      /^lco: design: unknown key 'weight'$/,
    );
    expectRefusal(
      estimate(path.join(dir, 'missing.csv'), { estimate: [{ mean: 'age' }] }),
      /^lco: cannot read the data file .*missing\.csv': no such file$/,
    );
  });

  it('refuses a CSV with a ragged row or an unclosed quote, naming the line', () => {
    expectRefusal(
      estimate(smallCsv([...SMALL, '5,B,3']), { estimate: [{ mean: 'age' }] }),
      /, line 6: 3 fields where the header has 6/,
    );
    expectRefusal(
      estimate(smallCsv([...SMALL, '5,B,"3,20,22,M']), { estimate: [{ mean: 'age' }] }),
      /a quoted field is never closed$/,
    );
  });

  it('asks for both files', () => {
    const result = spawnSync(process.execPath, [bin, 'survey', 'estimate', '--data', 'x.csv'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("required option '--design <file.json>' not specified");
  });
});
