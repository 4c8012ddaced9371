import { describe, expect, it } from 'vitest';
import { allMeasurements } from '../catalogue/catalogue.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { buildInstrument, checkAnswers, checkDesign } from './instrument.ts';
import { measurementsOfKind, NOT_SURVEYED, QUESTION_BANK } from './question-bank.ts';
import type { InstrumentDesign } from './types.ts';

const districts = [
  { code: 'north', name: 'North' },
  { code: 'south', name: 'South' },
];
const citizen = (extra: Partial<InstrumentDesign> = {}): InstrumentDesign => ({
  kind: 'citizen',
  districts,
  languages: ['en', 'fr'],
  ...extra,
});

describe('the question bank', () => {
  it('has a question for every measurement of people the catalogue measures by survey, and no other', () => {
    const surveyed = allMeasurements()
      .filter((m) => m.source === 'survey' || m.source === 'official-or-survey')
      .map((m) => m.id);
    expect(Object.keys(QUESTION_BANK).sort()).toEqual(surveyed.filter((id) => !(id in NOT_SURVEYED)).sort());
    expect(Object.keys(NOT_SURVEYED)).toEqual(['1.1.3b']);
  });

  it('estimates each measurement in its catalogue unit', () => {
    for (const m of allMeasurements()) {
      const entry = QUESTION_BANK[m.id];
      if (entry) expect(entry.estimator.unit, m.id).toBe(m.unit);
    }
  });

  it('words every question and every choice in the six languages', () => {
    for (const kind of ['citizen', 'learner', 'educator'] as const) {
      for (const q of buildInstrument(citizen({ kind }), 1).questions) {
        for (const lang of LANGUAGES) expect(q.texts[lang]?.trim(), `${q.id} ${lang}`).toBeTruthy();
        if (q.type === 'single' && q.id !== 'district') {
          for (const c of q.choices)
            for (const lang of LANGUAGES) expect(c.texts[lang], `${q.id}.${c.code} ${lang}`).toBeTruthy();
        }
      }
    }
  });
});

describe('buildInstrument', () => {
  it('asks the demographic block first, then every measurement of the kind, a few per page', () => {
    const instrument = buildInstrument(citizen(), 1);
    expect(instrument.pages[0]).toEqual(['sex', 'age_group', 'district', 'employment', 'disadvantaged']);
    expect(instrument.estimators.map((e) => e.measurementId)).toEqual(measurementsOfKind('citizen'));
    expect(instrument.pages.slice(1).every((page) => page.length <= 5)).toBe(true);
    expect(instrument.pages.flat()).toEqual(instrument.questions.map((q) => q.id));
    const district = instrument.questions.find((q) => q.id === 'district');
    expect(district?.type === 'single' && district.choices.map((c) => c.code)).toEqual(['north', 'south']);
  });

  it('ties "took part in education or training" to 2.1.3a among those aged 25–64', () => {
    const [estimator] = buildInstrument(citizen({ measurements: ['2.1.3a'] }), 1).estimators;
    expect(estimator).toMatchObject({
      measurementId: '2.1.3a',
      question: 'adult_learning',
      statistic: 'proportion',
      levels: ['yes'],
      universe: { question: 'age_group', anyOf: ['25-34', '35-44', '45-54', '55-64'] },
      scale: 100,
    });
  });

  it('estimates hours a week learning online (2.4.2c) as a mean', () => {
    const [estimator] = buildInstrument(citizen({ measurements: ['2.4.2c'] }), 1).estimators;
    expect(estimator).toMatchObject({ statistic: 'mean', scale: 1, unit: 'hours-per-week' });
  });

  it('breaks educator measurements down by setting, as the catalogue does', () => {
    const instrument = buildInstrument({ kind: 'educator', districts, languages: ['en'] }, 1);
    expect(instrument.estimators.map((e) => [e.measurementId, e.breakdownBy?.dimension])).toEqual([
      ['2.4.1a', 'setting'],
      ['2.4.1b', 'setting'],
    ]);
  });

  it("keeps only the city's chosen measurements and adds its local questions last, marked local", () => {
    const instrument = buildInstrument(
      citizen({
        measurements: ['1.1.2b'],
        localQuestions: [
          {
            id: 'local_library',
            type: 'single',
            texts: { en: 'Do you hold a library card?' },
            choices: [
              { code: 'yes', texts: { en: 'Yes' } },
              { code: 'no', texts: { en: 'No' } },
            ],
            measurementId: 'local-library-cards',
            levels: ['yes'],
          },
        ],
      }),
      3,
    );
    expect(instrument.version).toBe(3);
    expect(instrument.questions.at(-1)).toMatchObject({ id: 'local_library', block: 'local' });
    expect(instrument.estimators.at(-1)).toMatchObject({ measurementId: 'local-library-cards', levels: ['yes'] });
  });
});

describe('checkDesign', () => {
  it('accepts a plain design', () => {
    expect(checkDesign(citizen())).toEqual([]);
  });

  it('names a measurement of another instrument, a duplicate district and a bad local question', () => {
    const issues = checkDesign(
      citizen({
        measurements: ['2.4.1a', '9.9.9z'],
        districts: [...districts, { code: 'north', name: 'Again' }],
        localQuestions: [{ id: 'Library', type: 'single', texts: { en: 'Card?' }, choices: [] }],
      }),
    );
    expect(issues.map((i) => i.field)).toEqual([
      'measurements[0]',
      'measurements[1]',
      'districts[2].code',
      'localQuestions[0].id',
      'localQuestions[0].choices',
    ]);
    expect(issues[0]?.message).toContain('educator survey');
  });
});

describe('checkAnswers', () => {
  const instrument = buildInstrument(citizen(), 1);

  it('refuses an answer outside the allowed choices and numbers out of range', () => {
    const { issues } = checkAnswers(instrument, {
      sex: 'robot',
      age_group: '25-34',
      district: 'north',
      cultural_visits: '2.5',
      online_learning_hours: '200',
      volunteering: 'maybe',
    });
    expect(issues.map((i) => [i.question, i.code])).toEqual([
      ['sex', 'not-a-choice'],
      ['volunteering', 'not-a-choice'],
      ['cultural_visits', 'not-whole'],
      ['online_learning_hours', 'out-of-range'],
    ]);
  });

  it('needs the demographics used for weighting and lets the rest be skipped', () => {
    const { issues, answers } = checkAnswers(instrument, { sex: 'female' });
    expect(issues.map((i) => i.question)).toEqual(['age_group', 'district']);
    expect(answers.volunteering).toBeNull();
  });

  it('drops an answer to a question that was not asked (job training of someone not employed)', () => {
    const { answers } = checkAnswers(instrument, {
      sex: 'male',
      age_group: '65+',
      district: 'south',
      employment: 'retired',
      job_training: 'yes',
      online_learning_hours: '3.5',
    });
    expect(answers.job_training).toBeNull();
    expect(answers.online_learning_hours).toBe(3.5);
  });

  it('names unknown fields when strict', () => {
    const { issues } = checkAnswers(instrument, { sex: 'male', colour: 'red' }, ['sex'], { strict: true });
    expect(issues).toEqual([expect.objectContaining({ question: 'colour', code: 'unknown-question' })]);
  });
});
