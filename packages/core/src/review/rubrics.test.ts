import { describe, expect, it } from 'vitest';
import { allMeasurements, catalogue } from '../catalogue/catalogue.ts';
import { expertRubrics, rubricFor, SEED_RUBRIC_VERSION } from './rubrics.ts';

const expertIds = allMeasurements()
  .filter((m) => m.source === 'expert')
  .map((m) => m.id);

describe('expert rubrics', () => {
  it('gives every expert measurement exactly one rubric, in catalogue order', () => {
    expect(expertIds).toHaveLength(18);
    expect(expertRubrics.map((r) => r.measurementId)).toEqual(expertIds);
  });

  it('gives no rubric to a measurement that is not rated by experts', () => {
    const others = allMeasurements().filter((m) => m.source !== 'expert');
    expect(others.filter((m) => rubricFor(m.id) !== undefined)).toEqual([]);
    expect(rubricFor('9.9.9z')).toBeUndefined();
  });

  it('describes all five levels, 5 first, with the catalogue’s rating labels', () => {
    for (const rubric of expertRubrics) {
      expect(rubric.levels.map(({ value, label }) => ({ value, label }))).toEqual(catalogue.ratingLabels);
      for (const level of rubric.levels) expect(level.description.trim().length).toBeGreaterThan(20);
      expect(new Set(rubric.levels.map((l) => l.description)).size).toBe(5);
    }
  });

  it('is versioned against the catalogue it was drafted for', () => {
    expect(SEED_RUBRIC_VERSION).toBe(1);
    for (const rubric of expertRubrics) {
      expect(rubric).toMatchObject({ version: SEED_RUBRIC_VERSION, frameworkVersion: 'key-features-2013' });
    }
  });

  it('cannot be changed by a caller (the server copies them into its own, editable version)', () => {
    const rubric = rubricFor('3.1.1a');
    expect(Object.isFrozen(rubric)).toBe(true);
    expect(Object.isFrozen(rubric?.levels[0])).toBe(true);
  });
});
