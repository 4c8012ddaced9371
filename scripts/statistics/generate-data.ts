// Seeded generator of the survey fixtures that the R reference (reference.R) and the engine's agreement tests
// share. Run: npx tsx scripts/statistics/generate-data.ts — it rewrites packages/core/src/statistics/fixtures/
// (data CSVs, population tables, designs.generated.json, requests.csv) identically on every run. R's own example data
// sets are kept out on purpose: they are for independent checks.
import fs from 'node:fs';
import path from 'node:path';

const OUT = path.resolve(import.meta.dirname, '../../packages/core/src/statistics/fixtures');

/** mulberry32: small, fast, and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: <T>(items: readonly T[], weights?: readonly number[]): T => {
      const w = weights ?? items.map(() => 1);
      let u = next() * w.reduce((x, y) => x + y, 0);
      for (let i = 0; i < items.length; i++) {
        u -= w[i] as number;
        if (u < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
  };
}

type Row = Record<string, string | number | null>;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeCsv(name: string, rows: readonly Row[]): void {
  const header = Object.keys(rows[0] as Row);
  const lines = [
    header.map(csvField).join(','),
    ...rows.map((r) => header.map((h) => csvField(r[h] ?? null)).join(',')),
  ];
  fs.writeFileSync(path.join(OUT, name), `${lines.join('\n')}\n`);
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));
const missing = <T>(r: ReturnType<typeof prng>, p: number, value: T): T | null => (r.next() < p ? null : value);

// Households: a stratified sample of five districts with awkward names, fpc as sizes and as fractions.
function households(): Row[] {
  const r = prng(20250101);
  const districts = [
    { name: 'Nord', n: 110, N: 12000 },
    { name: 'Sud-Est', n: 80, N: 30000 },
    { name: 'Centre, vieux port', n: 60, N: 9000 },
    { name: 'Zone "A"', n: 40, N: 4000 },
    { name: 'São Tomé', n: 20, N: 1500 },
  ];
  const rows: Row[] = [];
  for (const [d, district] of districts.entries()) {
    for (let i = 0; i < district.n; i++) {
      const age = 18 + Math.floor(r.next() * 70);
      const online = r.pick(['Yes', 'No', "Don't know", 'NA'], [0.9 - age / 120, 0.4 + age / 150, 0.06, 0.03]);
      rows.push({
        district: district.name,
        w: round((district.N / district.n) * (0.7 + 0.7 * r.next())),
        N_district: district.N,
        f_district: round(district.n / district.N, 12),
        // Too small for Nord (110 sampled): a design that uses it must be refused.
        N_wrong: d === 0 ? 100 : district.N,
        age: missing(r, 0.03, age),
        hours: missing(r, 0.12, round(Math.max(0, 3 + d + 3 * r.normal()), 2)),
        income: missing(r, 0.08, Math.round(Math.exp(9.5 + 0.2 * d + 0.6 * r.normal()))),
        sex: missing(r, 0.03, r.pick(['F', 'M'], [0.54, 0.46])),
        learns_online: missing(r, 0.04, online),
        satisfaction: r.pick(['1', '2', '3', '4', '5'], [0.02, 0.1, 0.3, 0.38, 0.2]),
        note: r.next() < 0.05 ? 'moved in,\nsecond line "quoted"' : '',
      });
    }
  }
  return rows;
}

// Pupils: 30 schools of 400, then pupils within schools; fpc at both stages.
function pupils(): Row[] {
  const r = prng(20250202);
  const rows: Row[] = [];
  for (let s = 1; s <= 30; s++) {
    const M = r.int(40, 400);
    const m = r.int(3, 14);
    const effect = 8 * r.normal();
    for (let p = 1; p <= m; p++) {
      rows.push({
        school: `S${String(s).padStart(3, '0')}`,
        pupil: p,
        fpc1: 400,
        fpc2: M,
        w: round((400 / 30) * (M / m)),
        score: missing(r, 0.05, round(60 + effect + 12 * r.normal(), 1)),
        reads_daily: missing(r, 0.06, r.next() < 0.45 + effect / 40 ? 'Yes' : 'No'),
        sex: r.pick(['F', 'M']),
        grade: r.pick(['5', '6', '7']),
      });
    }
  }
  return rows;
}

// Blocks: four regions, block ids that restart in each region (nest), households within blocks.
function blocks(): Row[] {
  const r = prng(20250303);
  const regions = [
    { name: 'north', k: 7, N: 40 },
    { name: 'south', k: 6, N: 60 },
    { name: 'east', k: 5, N: 25 },
    { name: 'west', k: 8, N: 80 },
  ];
  const rows: Row[] = [];
  for (const region of regions) {
    for (let b = 1; b <= region.k; b++) {
      const Nh = r.int(30, 120);
      const m = r.int(4, 10);
      const level = r.normal();
      for (let h = 1; h <= m; h++) {
        rows.push({
          region: region.name,
          block: b,
          hh: h,
          N_blocks: region.N,
          N_hh: Nh,
          w: round((region.N / region.k) * (Nh / m)),
          rent: missing(r, 0.07, Math.round(500 + 150 * level + 200 * r.normal())),
          persons: r.int(1, 7),
          tenure: missing(r, 0.05, r.pick(['owner', 'tenant', 'social housing'], [0.5 + level / 5, 0.35, 0.15])),
        });
      }
    }
  }
  return rows;
}

const SEXES = ['F', 'M'];
const AGES = ['15-24', '25-44', '45-64', '65+'];
const DISTRICTS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'];
const EDUCATION = ['primary', 'secondary', 'tertiary'];

// Residents: a stratified cluster sample to calibrate (post-stratify, rake, trim); the sample over-represents
// women and the young so that calibration moves the weights.
function residents(): Row[] {
  const r = prng(20250404);
  const rows: Row[] = [];
  for (const [z, zone] of ['Z1', 'Z2', 'Z3'].entries()) {
    const blocksInZone = 8 + 2 * z;
    for (let b = 1; b <= blocksInZone; b++) {
      const size = r.int(10, 20);
      const blockWeight = 40 + 30 * z + 20 * r.next();
      for (let i = 0; i < size; i++) {
        const sex = r.pick(SEXES, [0.58, 0.42]);
        const age = r.pick(AGES, [0.3, 0.35, 0.22, 0.13]);
        const education = r.pick(EDUCATION, [0.3, 0.45, 0.25]);
        const young = age === '15-24' || age === '25-44';
        rows.push({
          zone,
          block: `${zone}-B${b}`,
          w: round(blockWeight * (0.8 + 0.4 * r.next())),
          sex,
          age,
          district: r.pick(
            DISTRICTS,
            [1, 1.2, 0.8, 1, 0.6, 1.4].map((x, d) => x + (d % 3 === z ? 1 : 0)),
          ),
          education,
          learns: missing(
            r,
            0.05,
            r.next() < (young ? 0.55 : 0.3) + (education === 'tertiary' ? 0.2 : 0) ? 'Yes' : 'No',
          ),
          hours: missing(r, 0.1, round(Math.max(0, (young ? 4 : 2) + 2.5 * r.normal()), 2)),
          volunteers: r.next() < (sex === 'F' ? 0.3 : 0.22) ? 'Yes' : 'No',
        });
      }
    }
  }
  return rows;
}

// A stratified cluster sample where stratum 'S5' has one PSU: the lonely-PSU choices.
function lonely(): Row[] {
  const r = prng(20250505);
  const rows: Row[] = [];
  const psus = { S1: 3, S2: 2, S3: 4, S4: 2, S5: 1 };
  for (const [stratum, k] of Object.entries(psus)) {
    for (let p = 1; p <= k; p++) {
      const size = r.int(5, 8);
      const effect = r.normal();
      for (let i = 0; i < size; i++) {
        rows.push({
          stratum,
          psu: `${stratum}-${p}`,
          w: round(20 + 30 * r.next()),
          y: missing(r, 0.05, round(10 + 3 * effect + 2 * r.normal(), 2)),
          z: r.next() < 0.4 + effect / 10 ? 'Yes' : 'No',
          g: r.pick(['A', 'B']),
        });
      }
    }
  }
  return rows;
}

// Population tables for calibration: a sex × age table, and margins for district and education that add up
// to the same 250 000 people.
const CELLS: { sex: string; age: string; count: number }[] = [];
{
  const shares: Record<string, number[]> = { F: [0.075, 0.17, 0.15, 0.115], M: [0.08, 0.165, 0.145, 0.1] };
  for (const sex of SEXES)
    for (const [a, age] of AGES.entries())
      CELLS.push({ sex, age, count: Math.round(250_000 * (shares[sex]?.[a] ?? 0)) });
}
const TOTAL = CELLS.reduce((a, c) => a + c.count, 0);
function margin(values: readonly string[], shares: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  let left = TOTAL;
  values.forEach((v, i) => {
    const count = i === values.length - 1 ? left : Math.round(TOTAL * (shares[i] ?? 0));
    out[v] = count;
    left -= count;
  });
  return out;
}
const SEX_MARGIN = Object.fromEntries(
  SEXES.map((s) => [s, CELLS.filter((c) => c.sex === s).reduce((a, c) => a + c.count, 0)]),
);
const AGE_MARGIN = Object.fromEntries(
  AGES.map((g) => [g, CELLS.filter((c) => c.age === g).reduce((a, c) => a + c.count, 0)]),
);
const DISTRICT_MARGIN = margin(DISTRICTS, [0.2, 0.18, 0.15, 0.17, 0.1, 0.2]);
const EDUCATION_MARGIN = margin(EDUCATION, [0.35, 0.42, 0.23]);

type Request = Partial<Record<'mean' | 'total' | 'proportion' | 'level', string>>;
type Spec = Record<string, unknown> & { estimate: Request[]; by?: string | string[] };
const householdEstimates: Request[] = [
  { mean: 'age' },
  { mean: 'hours' },
  { total: 'income' },
  { proportion: 'learns_online' },
  { total: 'learns_online', level: "Don't know" },
  { proportion: 'satisfaction', level: '1' },
];
const pupilEstimates: Request[] = [{ mean: 'score' }, { total: 'score' }, { proportion: 'reads_daily', level: 'Yes' }];
const blockEstimates: Request[] = [{ mean: 'rent' }, { total: 'persons' }, { proportion: 'tenure' }];
const residentEstimates: Request[] = [
  { proportion: 'learns', level: 'Yes' },
  { mean: 'hours' },
  { total: 'hours' },
  { proportion: 'volunteers', level: 'Yes' },
  { total: 'learns', level: 'Yes' },
];
const lonelyEstimates: Request[] = [{ mean: 'y' }, { total: 'y' }, { proportion: 'z', level: 'Yes' }];
const rakeMargins = [
  { variable: 'sex', population: SEX_MARGIN },
  { variable: 'age', population: AGE_MARGIN },
  { variable: 'district', population: DISTRICT_MARGIN },
];

const DESIGNS: Record<string, { data: string; design: Spec }> = {
  stratified: {
    data: 'households.csv',
    design: { weights: 'w', strata: 'district', fpc: 'N_district', estimate: householdEstimates, by: 'district' },
  },
  'stratified-nofpc': {
    data: 'households.csv',
    design: { weights: 'w', strata: 'district', estimate: householdEstimates, by: ['sex', 'district'] },
  },
  'stratified-fpc-weights': {
    data: 'households.csv',
    design: { strata: 'district', fpc: 'f_district', estimate: householdEstimates, by: 'sex' },
  },
  srs: { data: 'households.csv', design: { estimate: householdEstimates, by: 'sex' } },
  cluster1: {
    data: 'pupils.csv',
    design: { weights: 'w', clusters: 'school', fpc: 'fpc1', estimate: pupilEstimates, by: 'sex' },
  },
  cluster2: {
    data: 'pupils.csv',
    design: {
      weights: 'w',
      clusters: ['school', 'pupil'],
      fpc: ['fpc1', 'fpc2'],
      estimate: pupilEstimates,
      by: 'grade',
    },
  },
  'cluster2-nofpc': {
    data: 'pupils.csv',
    design: { weights: 'w', clusters: ['school', 'pupil'], estimate: pupilEstimates, by: 'grade' },
  },
  nested: {
    data: 'blocks.csv',
    design: {
      weights: 'w',
      strata: 'region',
      clusters: 'block',
      fpc: 'N_blocks',
      nest: true,
      estimate: blockEstimates,
      by: 'tenure',
    },
  },
  'nested-2stage': {
    data: 'blocks.csv',
    design: {
      weights: 'w',
      strata: 'region',
      clusters: ['block', 'hh'],
      fpc: ['N_blocks', 'N_hh'],
      nest: true,
      estimate: blockEstimates,
      by: 'region',
    },
  },
  poststratified: {
    data: 'residents.csv',
    design: {
      weights: 'w',
      strata: 'zone',
      clusters: 'block',
      postStratify: { variables: ['sex', 'age'], population: CELLS },
      estimate: residentEstimates,
      by: 'district',
    },
  },
  raked: {
    data: 'residents.csv',
    design: {
      weights: 'w',
      strata: 'zone',
      clusters: 'block',
      rake: { margins: rakeMargins, tolerance: 1e-10, maxIterations: 100 },
      estimate: residentEstimates,
      by: 'sex',
    },
  },
  'raked-trimmed': {
    data: 'residents.csv',
    design: {
      weights: 'w',
      strata: 'zone',
      clusters: 'block',
      rake: { margins: rakeMargins, tolerance: 1e-10, maxIterations: 100 },
      trim: { lower: 0.6, upper: 1.6 },
      estimate: residentEstimates,
      by: 'age',
    },
  },
  'poststratified-raked': {
    data: 'residents.csv',
    design: {
      weights: 'w',
      strata: 'zone',
      clusters: 'block',
      postStratify: { variables: ['sex', 'age'], population: CELLS },
      rake: {
        margins: [
          { variable: 'district', population: DISTRICT_MARGIN },
          { variable: 'education', population: EDUCATION_MARGIN },
        ],
        tolerance: 1e-10,
        maxIterations: 100,
      },
      estimate: residentEstimates,
      by: 'education',
    },
  },
  ...Object.fromEntries(
    (['remove', 'certainty', 'adjust', 'average'] as const).map((choice) => [
      `lonely-${choice}`,
      {
        data: 'lonely.csv',
        design: {
          weights: 'w',
          strata: 'stratum',
          clusters: 'psu',
          lonelyPsu: choice,
          estimate: lonelyEstimates,
          by: 'g',
        },
      },
    ]),
  ),
};

/** Designs R refuses, with the data they use: the engine must refuse them too. */
const REFUSED: Record<string, { data: string; design: Spec }> = {
  'lonely-fail': {
    data: 'lonely.csv',
    design: { weights: 'w', strata: 'stratum', clusters: 'psu', estimate: lonelyEstimates },
  },
  'not-nested': {
    data: 'blocks.csv',
    design: { weights: 'w', strata: 'region', clusters: 'block', estimate: blockEstimates },
  },
  'fpc-too-small': {
    data: 'households.csv',
    design: { weights: 'w', strata: 'district', fpc: 'N_wrong', estimate: householdEstimates },
  },
};

fs.mkdirSync(OUT, { recursive: true });
writeCsv('households.csv', households());
writeCsv('pupils.csv', pupils());
writeCsv('blocks.csv', blocks());
writeCsv('residents.csv', residents());
writeCsv('lonely.csv', lonely());
writeCsv('residents-cells.csv', CELLS);
writeCsv(
  'residents-margins.csv',
  Object.entries({ sex: SEX_MARGIN, age: AGE_MARGIN, district: DISTRICT_MARGIN, education: EDUCATION_MARGIN }).flatMap(
    ([variable, population]) => Object.entries(population).map(([level, count]) => ({ variable, level, count })),
  ),
);
// The requests in a flat table R can read without a JSON parser: one row per estimate and domain variable.
writeCsv(
  'requests.csv',
  Object.entries(DESIGNS).flatMap(([name, { design }]) =>
    design.estimate.map((request) => {
      const statistic = (['mean', 'total', 'proportion'] as const).find((k) => request[k] !== undefined) ?? 'mean';
      return {
        design: name,
        statistic,
        variable: request[statistic] ?? '',
        level: request.level ?? '',
        by: design.by === undefined ? '' : typeof design.by === 'string' ? design.by : design.by.join('+'),
      };
    }),
  ),
);
fs.writeFileSync(
  path.join(OUT, 'designs.generated.json'),
  `${JSON.stringify({ designs: DESIGNS, refused: REFUSED }, null, 2)}\n`,
);
console.log(`fixtures written to ${path.relative(process.cwd(), OUT)}`);
