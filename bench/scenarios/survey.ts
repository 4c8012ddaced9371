// Survey statistics (issue #5) against R's survey package on the same generated data, in the same run:
// one city of 1,000 respondents, a network of 300 cities × 800, one design of a million respondents. Each
// city: a stratified cluster design raked on three margins (sex, age group, district), then 10 weighted means
// and 10 proportions with standard errors (ours also give intervals and design effects). Only computation is
// timed on either side, after the data are in memory. R is skipped, with a note, when it is not installed.
// Standalone: npx tsx bench/scenarios/survey.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CategoricalColumn, type Estimate, estimateSurvey, type NumericColumn, type SurveySpec } from '@lco/core';
import type { Result } from '../run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const R_SCRIPT = path.join(ROOT, 'scripts/statistics/bench.R');
const SEXES = ['F', 'M'];
const AGES = ['15-24', '25-39', '40-54', '55-69', '70+'];
const AGE_SHARES = [0.16, 0.26, 0.25, 0.2, 0.13];
const MEANS = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);
const QUESTIONS = Array.from({ length: 10 }, (_, i) => `q${i + 1}`);

/** mulberry32, seeded: the same respondents on every run and machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()) };
}

interface City {
  name: string;
  rows: number;
  columns: Record<string, NumericColumn | CategoricalColumn>;
  spec: SurveySpec;
  margins: { variable: string; population: Record<string, number> }[];
}

/** A city's respondents: `districts` strata × `blocks` clusters each, `rows` in all, and its population margins. */
function makeCity(
  name: string,
  seed: number,
  rows: number,
  districts: number,
  blocks: number,
  population: number,
): City {
  const r = prng(seed);
  // Category codes straight away (no per-row strings): a million rows stay as small as their typed columns.
  const district = new Int32Array(rows);
  const block = new Int32Array(rows);
  const sex = new Int32Array(rows);
  const age = new Int32Array(rows);
  const w = new Float64Array(rows);
  const means = MEANS.map(() => new Float64Array(rows));
  const answers = QUESTIONS.map(() => new Int32Array(rows));
  const clusters = districts * blocks;
  for (let i = 0; i < rows; i++) {
    const c = Math.floor((i * clusters) / rows);
    const d = Math.floor(c / blocks);
    district[i] = d;
    block[i] = c;
    sex[i] = r.next() < 0.56 ? 0 : 1;
    const u = r.next();
    let a = 0;
    for (let acc = 0.3; a < AGES.length - 1 && u > acc; acc += 0.2) a++;
    age[i] = a;
    w[i] = Math.round((50 + 100 * r.next()) * (1 + d / districts) * 1e4) / 1e4;
    for (const [k, m] of means.entries()) m[i] = Math.round((10 + k + 3 * r.normal() + (d % 3)) * 1e4) / 1e4;
    for (const [k, q] of answers.entries()) q[i] = r.next() < 0.3 + 0.04 * k + (sex[i] === 0 ? 0.05 : 0) ? 0 : 1;
  }
  const share = (values: string[], shares: number[]) => {
    const out: Record<string, number> = {};
    let left = population;
    values.forEach((v, i) => {
      const count = i === values.length - 1 ? left : Math.round(population * (shares[i] as number));
      out[v] = count;
      left -= count;
    });
    return out;
  };
  const districtNames = Array.from({ length: districts }, (_, d) => `D${d + 1}`);
  const margins = [
    { variable: 'sex', population: share(SEXES, [0.51, 0.49]) },
    { variable: 'age', population: share(AGES, AGE_SHARES) },
    {
      variable: 'district',
      population: share(
        districtNames,
        districtNames.map(() => 1 / districts),
      ),
    },
  ];
  const categorical = (codes: Int32Array, levels: string[]): CategoricalColumn => ({
    kind: 'categorical',
    codes,
    levels,
  });
  const columns: City['columns'] = {
    district: categorical(district, districtNames),
    block: categorical(
      block,
      Array.from({ length: clusters }, (_, c) => `D${Math.floor(c / blocks) + 1}-B${c % blocks}`),
    ),
    sex: categorical(sex, SEXES),
    age: categorical(age, AGES),
    w: { kind: 'numeric', values: w },
  };
  MEANS.forEach((m, k) => {
    columns[m] = { kind: 'numeric', values: means[k] as Float64Array };
  });
  QUESTIONS.forEach((q, k) => {
    columns[q] = categorical(answers[k] as Int32Array, ['Yes', 'No']);
  });
  const spec: SurveySpec = {
    weights: 'w',
    strata: 'district',
    clusters: 'block',
    rake: { margins, tolerance: 1e-8, maxIterations: 100 },
    estimate: [...MEANS.map((m) => ({ mean: m })), ...QUESTIONS.map((q) => ({ proportion: q, level: 'Yes' }))],
  };
  return { name, rows, columns, spec, margins };
}

function estimateCity(city: City): Estimate[] {
  return estimateSurvey({ rowCount: city.rows, columns: city.columns }, city.spec).estimates;
}

const cityOf1000 = () => makeCity('c1', 1, 1000, 8, 10, 500_000);
const network = () =>
  Array.from({ length: 300 }, (_, c) => makeCity(`n${c + 1}`, 1000 + c, 800, 6, 8, 80_000 + 1000 * c));
const million = () => makeCity('m', 7, 1_000_000, 50, 200, 9_000_000);

/** CSV for R: the same values, written at full precision. */
function writeCsv(file: string, cities: City[]): void {
  const fd = fs.openSync(file, 'w');
  const names = ['city', 'district', 'block', 'sex', 'age', 'w', ...MEANS, ...QUESTIONS];
  fs.writeSync(fd, `${names.join(',')}\n`);
  for (const city of cities) {
    const text = names.slice(1).map((name) => {
      const column = city.columns[name] as NumericColumn | CategoricalColumn;
      return column.kind === 'numeric'
        ? (i: number) => String(column.values[i])
        : (i: number) => column.levels[column.codes[i] as number] as string;
    });
    let chunk = '';
    for (let i = 0; i < city.rows; i++) {
      chunk += `${city.name},${text.map((cell) => cell(i)).join(',')}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
}

function writeMargins(file: string, cities: City[]): void {
  const lines = ['city,variable,level,count'];
  for (const city of cities)
    for (const margin of city.margins)
      for (const [level, count] of Object.entries(margin.population))
        lines.push(`${city.name},${margin.variable},${level},${count}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

interface RFigures {
  city?: { ms: number; runs: number; estimates: number[]; se: number[] };
  network?: { ms: number; cities: number };
  million?: { ms: number; gcMaxMb: number; peakRssMb: number; rows: number };
}

function haveR(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(survey))'], { encoding: 'utf8' });
  return probe.status === 0;
}

function runR(work: string, parts: string[]): RFigures {
  const run = spawnSync('Rscript', [R_SCRIPT, work, ...parts], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`Rscript failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as RFigures;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** The million-respondent design in a child process, so that its peak memory is its own. */
function millionInChild(): { ms: number; peakRssMb: number; baselineRssMb: number; dataMb: number } {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--million-child'], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`million child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string);
}

export async function surveyBenchmarks(work: string): Promise<Result[]> {
  const dir = path.join(work, 'survey');
  fs.mkdirSync(dir, { recursive: true });
  const withR = haveR();
  const rNote = 'R survey not installed (bash scripts/statistics/ensure-r.sh): R column skipped';

  // One city.
  const city = cityOf1000();
  for (let i = 0; i < 20; i++) estimateCity(city); // warm-up, as R's own first call is not counted either
  const cityTimes: number[] = [];
  let cityEstimates: Estimate[] = [];
  for (let i = 0; i < 101; i++) {
    const t0 = performance.now();
    cityEstimates = estimateCity(city);
    cityTimes.push(performance.now() - t0);
  }
  const cityMs = median(cityTimes);

  // The network.
  const cities = network();
  const t0 = performance.now();
  for (const c of cities) estimateCity(c);
  const networkMs = performance.now() - t0;

  // A million respondents.
  const big = millionInChild();

  let r: RFigures = {};
  if (withR) {
    writeCsv(path.join(dir, 'city.csv'), [city]);
    writeCsv(path.join(dir, 'network.csv'), cities);
    const m = million();
    writeCsv(path.join(dir, 'million.csv'), [m]);
    writeMargins(path.join(dir, 'margins.csv'), [city, ...cities, m]);
    r = runR(dir, ['city', 'network', 'million']);
  }

  let agreement = '';
  if (r.city) {
    let estimate = 0;
    let se = 0;
    cityEstimates.forEach((e, k) => {
      estimate = Math.max(estimate, Math.abs(e.estimate - (r.city?.estimates[k] ?? Number.NaN)) / Math.abs(e.estimate));
      se = Math.max(se, Math.abs(e.se - (r.city?.se[k] ?? Number.NaN)) / e.se);
    });
    agreement = `; same figures as R: max relative difference ${estimate.toExponential(1)} (estimates), ${se.toExponential(1)} (SE)`;
  }
  const speedup = (ours: number, theirs: number | undefined) => (theirs === undefined ? undefined : theirs / ours);
  const citySpeedup = speedup(cityMs, r.city?.ms);
  const networkSpeedup = speedup(networkMs, r.network?.ms);
  const millionSpeedup = speedup(big.ms, r.million?.ms);
  const vsR = (ms: number | undefined, factor: number | undefined) =>
    ms === undefined || factor === undefined ? 'R: not run' : `R survey ${round(ms)} ms (${round(factor)}× slower)`;

  return [
    {
      scenario: 'survey: 1 city of 1,000 — rake 3 margins + 20 estimates',
      value: round(cityMs, 2),
      unit: 'ms',
      target: '≤ 10 ms and ≥ 5× faster than R',
      met: cityMs <= 10 && (citySpeedup === undefined || citySpeedup >= 5),
      reference: vsR(r.city?.ms, citySpeedup),
      detail: `median of ${cityTimes.length} runs (R: ${r.city?.runs ?? 0})${agreement}${withR ? '' : `; ${rNote}`}`,
    },
    {
      scenario: 'survey: 300 cities × 800 — rake + 20 estimates each',
      value: Math.round(networkMs),
      unit: 'ms',
      target: '≤ 3000 ms and ≥ 10× faster than R',
      met: networkMs <= 3000 && (networkSpeedup === undefined || networkSpeedup >= 10),
      reference: vsR(r.network?.ms, networkSpeedup),
      detail: `${cities.length} designs, one after another${withR ? '' : `; ${rNote}`}`,
    },
    {
      scenario: 'survey: 1,000,000 respondents in one design',
      value: Math.round(big.ms),
      unit: 'ms',
      target: 'report time and memory',
      met: true,
      reference: vsR(r.million?.ms, millionSpeedup),
      detail:
        `50 strata × 200 clusters, rake + 20 estimates; peak RSS of the process ${Math.round(big.peakRssMb)} MB (its typed columns ${Math.round(big.dataMb)} MB; ${Math.round(big.baselineRssMb)} MB resident before estimating)` +
        (r.million
          ? `; R: peak RSS ${Math.round(r.million.peakRssMb)} MB, gc max used ${Math.round(r.million.gcMaxMb)} MB during the computation`
          : `; ${rNote}`),
    },
  ];
}

if (process.argv.includes('--million-child')) {
  const m = million();
  // Let the generator's garbage go, so that the baseline is the data the estimation works on.
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const dataMb =
    Object.values(m.columns).reduce(
      (bytes, c) => bytes + (c.kind === 'numeric' ? c.values.byteLength : c.codes.byteLength),
      0,
    ) /
    2 ** 20;
  const t0 = performance.now();
  estimateCity(m);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb, dataMb }));
} else if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-survey-bench-'));
  try {
    const results = await surveyBenchmarks(work);
    console.table(
      results.map((r) => ({
        scenario: r.scenario,
        value: `${r.value} ${r.unit}`,
        target: r.target,
        met: r.met ? 'yes' : 'NO',
        reference: r.reference ?? '',
      })),
    );
    for (const r of results) if (r.detail) console.log(`${r.scenario}: ${r.detail}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
