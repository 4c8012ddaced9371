import { describe, expect, it } from 'vitest';
import { type RakeMargin, rake } from './calibration.ts';
import { type SurveyData, SurveyTable } from './columns.ts';
import { degreesOfFreedom, surveyDesign } from './design.ts';
import { qnorm, qt } from './distributions.ts';
import { SurveyCalibrationError, SurveyDataError, SurveyDesignError } from './errors.ts';
import { estimateSurvey } from './estimate.ts';
import { surveyMean, surveyProportion } from './estimators.ts';
import { parseSurveySpec } from './spec.ts';

/** A small stratified cluster sample written as CSV text columns. */
function sample(overrides: Record<string, string[]> = {}): SurveyData {
  const columns: Record<string, string[]> = {
    stratum: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'],
    psu: ['1', '1', '2', '2', '3', '3', '4', '4'],
    w: ['10', '12', '8', '10', '20', '20', '25', '15'],
    N: ['40', '40', '40', '40', '50', '50', '50', '50'],
    age: ['31', '45', '', '60', '22', '38', '51', '70'],
    sex: ['F', 'M', 'F', 'F', 'M', '', 'F', 'M'],
    ...overrides,
  };
  return { rowCount: 8, columns };
}

describe('survey design', () => {
  it('computes a weighted mean by hand', () => {
    const design = surveyDesign(
      {
        rowCount: 4,
        columns: { w: ['10', '10', '20', '20'], district: ['N', 'N', 'S', 'S'], age: ['31', '45', '', '60'] },
      },
      { weights: 'w', strata: 'district' },
    );
    expect(surveyMean(design, 'age').estimate).toBeCloseTo(49, 12);
  });

  it('matches a stratified standard error worked by hand', () => {
    // Two strata of two units, no fpc: V = Σ_h n_h/(n_h−1) Σ_i (z_hi − z̄_h)² with z = w(y − ȳ)/Σw.
    const data = {
      rowCount: 4,
      columns: { h: ['a', 'a', 'b', 'b'], w: ['1', '3', '2', '2'], y: ['1', '5', '2', '4'] },
    };
    const mean = (1 + 15 + 4 + 8) / 8;
    const [z1, z2, z3, z4] = [1 * (1 - mean), 3 * (5 - mean), 2 * (2 - mean), 2 * (4 - mean)].map((v) => v / 8) as [
      number,
      number,
      number,
      number,
    ];
    const v = 2 * ((z1 - z2) ** 2 / 2) + 2 * ((z3 - z4) ** 2 / 2);
    const estimate = surveyMean(surveyDesign(data, { weights: 'w', strata: 'h' }), 'y');
    expect(estimate.estimate).toBeCloseTo(mean, 14);
    expect(estimate.se).toBeCloseTo(Math.sqrt(v), 14);
  });

  it('takes no weights as equal weights, and weights from population sizes when fpc gives them', () => {
    expect(surveyDesign(sample(), { strata: 'stratum' }).weights.every((w) => w === 1)).toBe(true);
    const implied = surveyDesign(sample(), { strata: 'stratum', clusters: 'psu', fpc: 'N' }).weights;
    expect([...implied]).toEqual([20, 20, 20, 20, 25, 25, 25, 25]);
  });

  it('counts degrees of freedom as PSUs minus strata, in a domain too', () => {
    const design = surveyDesign(sample(), { weights: 'w', strata: 'stratum', clusters: 'psu' });
    expect(degreesOfFreedom(design, null)).toBe(2);
    expect(degreesOfFreedom(design, Uint8Array.of(1, 1, 1, 1, 0, 0, 0, 0))).toBe(1);
  });

  it('refuses a column the data do not have, naming it and the columns there are', () => {
    expect(() => surveyDesign(sample(), { weights: 'weight' })).toThrow(
      /weights names column 'weight', which is not in the data \(columns: stratum, psu, w, N, age, sex\)/,
    );
    expect(() => surveyMean(surveyDesign(sample()), 'income')).toThrow(SurveyDesignError);
  });

  it('refuses weights that are missing, not numbers, zero or negative', () => {
    expect(() => surveyDesign(sample({ w: ['10', '', '8', '10', '20', '20', '25', '15'] }), { weights: 'w' })).toThrow(
      "weights column 'w' has a missing value at row 2",
    );
    expect(() =>
      surveyDesign(sample({ w: ['10', 'ten', '8', '10', '20', '20', '25', '15'] }), { weights: 'w' }),
    ).toThrow("column 'w' (weights), row 2: 'ten' is not a number");
    expect(() => surveyDesign(sample({ w: ['10', '0', '8', '10', '20', '20', '25', '15'] }), { weights: 'w' })).toThrow(
      "weights column 'w', row 2: weight 0 is not a positive number",
    );
    expect(() =>
      surveyDesign(sample({ w: ['10', '-3', '8', '10', '20', '20', '25', '15'] }), { weights: 'w' }),
    ).toThrow(SurveyDataError);
  });

  it('points at decimal commas', () => {
    expect(() =>
      surveyDesign(sample({ w: ['10', '2,5', '8', '10', '20', '20', '25', '15'] }), { weights: 'w' }),
    ).toThrow(/'2,5' is not a number \(write decimals with a point\)/);
  });

  it('refuses an fpc smaller than the sample, one that varies within a stratum, and a mix of sizes and fractions', () => {
    expect(() =>
      surveyDesign(sample({ N: ['1', '1', '1', '1', '50', '50', '50', '50'] }), {
        strata: 'stratum',
        clusters: 'psu',
        fpc: 'N',
      }),
    ).toThrow("fpc column 'N' gives stratum 'A' (stage 1) a population of 1 units, fewer than the 2 in the sample");
    expect(() =>
      surveyDesign(sample({ N: ['40', '41', '40', '40', '50', '50', '50', '50'] }), { strata: 'stratum', fpc: 'N' }),
    ).toThrow("fpc column 'N' varies within stratum 'A' (stage 1): 40 and 41");
    expect(() =>
      surveyDesign(sample({ N: ['40', '40', '40', '40', '0.5', '0.5', '0.5', '0.5'] }), {
        strata: 'stratum',
        fpc: 'N',
      }),
    ).toThrow(/mixes population sizes/);
    expect(() => surveyDesign(sample(), { clusters: ['stratum', 'psu'], fpc: 'N' })).toThrow(/one per stage/);
  });

  it('refuses clusters that cross strata unless nested, and a single PSU', () => {
    const crossing = sample({ psu: ['1', '1', '2', '2', '1', '1', '2', '2'] });
    expect(() => surveyDesign(crossing, { strata: 'stratum', clusters: 'psu' })).toThrow(
      /clusters are not nested in strata: cluster '1' \(column 'psu'\) is in strata 'A' and 'B'; set "nest": true/,
    );
    expect(surveyDesign(crossing, { strata: 'stratum', clusters: 'psu', nest: true }).stages[0]?.unitCount).toBe(4);
    expect(() => surveyDesign(sample({ psu: Array(8).fill('1') }), { clusters: 'psu' })).toThrow(
      /only one primary sampling unit/,
    );
  });

  it('refuses missing strata or cluster ids', () => {
    expect(() => surveyDesign(sample({ psu: ['1', '1', '2', '', '3', '3', '4', '4'] }), { clusters: 'psu' })).toThrow(
      "column 'psu' (clusters, stage 1) has a missing value at row 4",
    );
  });

  it('stops at a stratum with one PSU by default, and offers R’s choices', () => {
    const lonely = sample({ psu: ['1', '1', '2', '2', '3', '3', '3', '3'] });
    const design = surveyDesign(lonely, { weights: 'w', strata: 'stratum', clusters: 'psu' });
    expect(() => surveyMean(design, 'age')).toThrow(
      `stratum 'B' has only one sampling unit at stage 1: choose "lonelyPsu" (remove, certainty, adjust or average) or merge strata`,
    );
    for (const lonelyPsu of ['remove', 'certainty', 'adjust', 'average'] as const) {
      const se = surveyMean(
        surveyDesign(lonely, { weights: 'w', strata: 'stratum', clusters: 'psu', lonelyPsu }),
        'age',
      ).se;
      expect(Number.isFinite(se)).toBe(true);
    }
  });

  it('drops missing values per estimate and counts the respondents used', () => {
    const design = surveyDesign(sample(), { weights: 'w', strata: 'stratum', clusters: 'psu' });
    expect(surveyMean(design, 'age').n).toBe(7);
    expect(surveyProportion(design, 'sex', 'F').n).toBe(7);
  });

  it('reads a table once per column and role', () => {
    const table = new SurveyTable(sample());
    expect(table.numeric('age', 'mean')).toBe(table.numeric('age', 'mean'));
    expect(() => new SurveyTable({ rowCount: 3, columns: { a: ['1', '2'] } })).toThrow(
      /has 2 values but the data have 3 rows/,
    );
  });
});

describe('raking', () => {
  const data = {
    rowCount: 6,
    columns: {
      sex: ['F', 'F', 'F', 'M', 'M', 'M'],
      age: ['y', 'y', 'y', 'o', 'o', 'o'],
      w: ['1', '1', '1', '1', '1', '1'],
    },
  };

  const impossible: RakeMargin[] = [
    { variable: 'sex', population: { F: 90, M: 10 } },
    { variable: 'age', population: { y: 10, o: 90 } },
  ];

  it('reports margins that cannot all be met, where R would stop on a cycle and call it converged', () => {
    const { report } = rake(surveyDesign(data, { weights: 'w' }), { margins: impossible, maxIterations: 25 });
    expect(report.converged).toBe(false);
    expect(report.iterations).toBeLessThan(25);
    expect(() =>
      estimateSurvey(data, {
        weights: 'w',
        rake: { margins: impossible },
        estimate: [{ proportion: 'sex', level: 'F' }],
      }),
    ).toThrow("rake: the margins cannot all be met (after 2 iterations 'sex' is still off by 800%)");
  });

  it('stops at the iteration limit and says so', () => {
    const slow = {
      rowCount: 6,
      columns: {
        sex: ['F', 'F', 'M', 'M', 'F', 'M'],
        age: ['y', 'o', 'y', 'o', 'y', 'y'],
        w: ['1', '2', '3', '4', '5', '6'],
      },
    };
    const margins: RakeMargin[] = [
      { variable: 'sex', population: { F: 50, M: 50 } },
      { variable: 'age', population: { y: 30, o: 70 } },
    ];
    const { report } = rake(surveyDesign(slow, { weights: 'w' }), { margins, maxIterations: 1, tolerance: 1e-12 });
    expect(report).toMatchObject({ converged: false, iterations: 1 });
    expect(() =>
      estimateSurvey(slow, {
        weights: 'w',
        rake: { margins, maxIterations: 1, tolerance: 1e-12 },
        estimate: [{ mean: 'w' }],
      }),
    ).toThrow(/^rake: did not converge after 1 iterations \('sex' is still off by/);
  });

  it('refuses margins whose categories do not match the data, or whose totals disagree', () => {
    const design = surveyDesign(data, { weights: 'w' });
    expect(() => rake(design, { margins: [{ variable: 'sex', population: { F: 50, X: 50 } }] })).toThrow(
      "rake margin 'sex': the data have sex=M but the population has no such category",
    );
    expect(() => rake(design, { margins: [{ variable: 'sex', population: { F: 50, M: 40, X: 10 } }] })).toThrow(
      "rake margin 'sex': the population has sex=X (10) but no respondent in the data does",
    );
    expect(() =>
      rake(design, {
        margins: [
          { variable: 'sex', population: { F: 50, M: 50 } },
          { variable: 'age', population: { y: 50, o: 40 } },
        ],
      }),
    ).toThrow("rake: margin totals disagree: 'sex' adds up to 100 but 'age' to 90");
    expect(() => rake(design, { margins: [{ variable: 'sex', population: { F: 50, M: 50 } }] })).not.toThrow();
  });

  it('refuses a calibration variable with missing values', () => {
    const gap = { ...data, columns: { ...data.columns, sex: ['F', '', 'F', 'M', 'M', 'M'] } };
    expect(() =>
      rake(surveyDesign(gap, { weights: 'w' }), { margins: [{ variable: 'sex', population: { F: 1, M: 1 } }] }),
    ).toThrow(SurveyCalibrationError);
  });
});

describe('design file', () => {
  it('reads the example of the issue', () => {
    const spec = parseSurveySpec({
      weights: 'pw',
      strata: 'stype',
      clusters: ['dnum', 'snum'],
      fpc: ['fpc1', 'fpc2'],
      nest: false,
      postStratify: { variables: ['sex', 'age'], population: [{ sex: 'F', age: '15-34', count: 17000 }] },
      rake: { margins: [{ variable: 'sex', population: { F: 51000, M: 49000 } }], tolerance: 1e-8, maxIterations: 100 },
      trim: { lower: 0.3, upper: 3 },
      estimate: [{ mean: 'api00' }, { total: 'enroll' }, { proportion: 'sch.wide', level: 'Yes' }],
      by: 'stype',
    });
    expect(spec.estimate).toHaveLength(3);
  });

  it('names the first problem and where it is', () => {
    expect(() => parseSurveySpec({ weight: 'w', estimate: [{ mean: 'age' }] })).toThrow("design: unknown key 'weight'");
    expect(() => parseSurveySpec({ estimate: [] })).toThrow('design.estimate: name at least one estimate');
    expect(() => parseSurveySpec({ estimate: [{ mean: 'age', total: 'age' }] })).toThrow(
      'design.estimate[0]: give exactly one of "mean", "total" or "proportion"',
    );
    expect(() => parseSurveySpec({ estimate: [{ mean: 'age' }], lonelyPsu: 'drop' })).toThrow(/^design\.lonelyPsu: /);
    expect(() => parseSurveySpec({})).toThrow(/^design\.estimate: /);
  });

  it('refuses a level the data never take', () => {
    expect(() => estimateSurvey(sample(), { estimate: [{ proportion: 'sex', level: 'f' }] })).toThrow(
      "proportion of 'sex': level 'f' does not occur in the data (levels: F, M)",
    );
  });

  it('estimates every level of a proportion when none is named, for the sample and each domain', () => {
    const { estimates, weighting } = estimateSurvey(sample(), {
      weights: 'w',
      strata: 'stratum',
      clusters: 'psu',
      estimate: [{ proportion: 'sex' }],
      by: 'stratum',
    });
    expect(estimates.map((e) => [e.level, e.domain?.stratum])).toEqual([
      ['F', undefined],
      ['M', undefined],
      ['F', 'A'],
      ['M', 'A'],
      ['F', 'B'],
      ['M', 'B'],
    ]);
    expect(weighting).toMatchObject({
      respondents: 8,
      weightsFrom: "column 'w'",
      design: { strata: 2, primaryUnits: 4 },
    });
  });
});

describe('distributions', () => {
  it('gives R’s quantiles', () => {
    // Values printed by R 4.2 with sprintf("%.17g").
    expect(qnorm(0.975)).toBeCloseTo(1.9599639845400536, 15);
    expect(qnorm(1e-10)).toBeCloseTo(-6.3613409024040557, 14);
    expect(qt(0.975, 1)).toBeCloseTo(12.706204736174694, 13);
    expect(qt(0.975, 5)).toBeCloseTo(2.5705818356363137, 14);
    expect(qt(0.975, 37)).toBeCloseTo(2.0261924630291088, 14);
    expect(qt(0.975, 1000)).toBeCloseTo(1.9623390808264076, 14);
    expect(qt(0.975, 0)).toBeNaN();
  });
});
