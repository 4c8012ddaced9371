import type { SurveyOut } from '@lco/core';
import { describe, expect, it } from 'vitest';
import {
  chooseMeasurement,
  createBody,
  type DesignDraft,
  designOf,
  emptyChoice,
  emptyQuestion,
  fielded,
  isChosen,
  newDesign,
  updateBody,
} from './surveyDesign.ts';

const AVAILABLE = ['1.1.2b', '1.1.4b', '2.1.3a'];

/** A new-survey form filled in like a city team would, with `change` applied on top. */
function filled(change: (draft: DesignDraft) => DesignDraft = (d) => d): DesignDraft {
  return change({
    ...newDesign(),
    name: ' Residents 2026 ',
    districts: 'Old Town\n\nRiverside\n',
    languages: ['en', 'fr'],
  });
}

/** A saved survey as the API answers it. */
function saved(design: Partial<SurveyOut['design']> = {}, waves: number[] = []): SurveyOut {
  return {
    id: 's1',
    city: 'sample-city',
    kind: 'citizen',
    name: 'Residents 2026',
    version: 1,
    design: {
      districts: [
        { code: 'old-town', name: 'Old Town' },
        { code: 'riverside', name: 'Riverside' },
      ],
      languages: ['en', 'fr'],
      ...design,
    },
    instrument: {} as SurveyOut['instrument'],
    translationNotice: '',
    waves: waves.map((version, i) => ({
      id: `w${i}`,
      name: `Wave ${i}`,
      code: `code${i}`,
      instrumentVersion: version,
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2026-02-01T00:00:00Z',
      languages: ['en'],
      url: '',
    })),
    createdAt: '',
    updatedAt: '',
  };
}

describe('the survey design form', () => {
  it('chooses every measurement of the kind until one is unticked', () => {
    const draft = filled();
    expect(AVAILABLE.every((id) => isChosen(draft, id))).toBe(true);
    expect(createBody(draft, AVAILABLE).measurements).toEqual(AVAILABLE);
    const fewer = chooseMeasurement(draft, '1.1.4b', false, AVAILABLE);
    expect(isChosen(fewer, '1.1.4b')).toBe(false);
    expect(createBody(fewer, AVAILABLE).measurements).toEqual(['1.1.2b', '2.1.3a']);
    // Ticked again, it takes its catalogue place back.
    expect(createBody(chooseMeasurement(fewer, '1.1.4b', true, AVAILABLE), AVAILABLE).measurements).toEqual(AVAILABLE);
  });

  it('sends the chosen measurements, districts with codes and a local choice question with its translations', () => {
    const question = {
      ...emptyQuestion(),
      texts: { en: 'Do you use the new library?', fr: 'Utilisez-vous la nouvelle bibliothèque ?', es: '' },
      choices: [
        { ...emptyChoice(), texts: { en: 'Yes', fr: 'Oui' } },
        { ...emptyChoice(), texts: { en: 'Not yet', fr: 'Pas encore' } },
      ],
    };
    const draft = filled((d) => ({
      ...chooseMeasurement(d, '2.1.3a', false, AVAILABLE),
      questions: [question],
    }));
    expect(createBody(draft, AVAILABLE)).toEqual({
      kind: 'citizen',
      name: 'Residents 2026',
      measurements: ['1.1.2b', '1.1.4b'],
      districts: [
        { code: 'old-town', name: 'Old Town' },
        { code: 'riverside', name: 'Riverside' },
      ],
      localQuestions: [
        {
          id: 'local_do_you_use_the_new_library',
          type: 'single',
          texts: { en: 'Do you use the new library?', fr: 'Utilisez-vous la nouvelle bibliothèque ?' },
          choices: [
            { code: 'yes', texts: { en: 'Yes', fr: 'Oui' } },
            { code: 'not-yet', texts: { en: 'Not yet', fr: 'Pas encore' } },
          ],
        },
      ],
      languages: ['en', 'fr'],
    });
  });

  it('sends a number question with its range, and no choices', () => {
    const draft = filled((d) => ({
      ...d,
      questions: [{ ...emptyQuestion(), type: 'number', texts: { en: 'Books read last year' }, min: '0', max: '365' }],
    }));
    expect(createBody(draft, AVAILABLE).localQuestions).toEqual([
      {
        id: 'local_books_read_last_year',
        type: 'number',
        texts: { en: 'Books read last year' },
        min: 0,
        max: 365,
        integer: true,
      },
    ]);
  });

  it('gives questions and choices distinct names even when their texts clash or are not Latin', () => {
    const same = { ...emptyQuestion(), texts: { en: 'Library?' } };
    const draft = filled((d) => ({
      ...d,
      questions: [
        same,
        { ...same, key: 'other' },
        {
          ...emptyQuestion(),
          texts: { en: '图书馆' },
          choices: [{ ...emptyChoice(), texts: { en: '是' } }, emptyChoice()],
        },
      ],
    }));
    const questions = createBody(draft, AVAILABLE).localQuestions ?? [];
    expect(questions.map((q) => q.id)).toEqual(['local_library', 'local_library_2', 'local_q3']);
    expect(questions[2]?.choices?.map((c) => c.code)).toEqual(['choice-1', 'choice-2']);
  });

  it('removes a local question, and the body no longer carries it', () => {
    const keep = { ...emptyQuestion(), texts: { en: 'Keep me' } };
    const drop = { ...emptyQuestion(), texts: { en: 'Drop me' } };
    const draft = filled((d) => ({ ...d, questions: [keep, drop] }));
    const after = { ...draft, questions: draft.questions.filter((q) => q.key !== drop.key) };
    expect(createBody(after, AVAILABLE).localQuestions?.map((q) => q.id)).toEqual(['local_keep_me']);
  });

  it('changes a saved design with only what differs, keeping district codes and question names', () => {
    const survey = saved({
      localQuestions: [
        {
          id: 'local_library',
          type: 'single',
          texts: { en: 'Library?', fr: 'Bibliothèque ?' },
          choices: [
            { code: 'y', texts: { en: 'Yes' } },
            { code: 'n', texts: { en: 'No' } },
          ],
        },
      ],
    });
    const draft = designOf(survey);
    expect(updateBody(draft, survey, AVAILABLE)).toEqual({});
    const renamed = { ...draft, districts: 'Old Town\nRiverside\nHill Top' };
    expect(updateBody(renamed, survey, AVAILABLE)).toEqual({
      districts: [
        { code: 'old-town', name: 'Old Town' },
        { code: 'riverside', name: 'Riverside' },
        { code: 'hill-top', name: 'Hill Top' },
      ],
    });
    const reworded = {
      ...draft,
      questions: draft.questions.map((q) => ({ ...q, texts: { ...q.texts, en: 'A library card?' } })),
    };
    expect(updateBody(reworded, survey, AVAILABLE).localQuestions?.[0]).toMatchObject({
      id: 'local_library',
      texts: { en: 'A library card?', fr: 'Bibliothèque ?' },
      choices: [{ code: 'y' }, { code: 'n' }],
    });
    const fewer = chooseMeasurement(draft, '1.1.2b', false, AVAILABLE);
    expect(updateBody(fewer, survey, AVAILABLE)).toEqual({ measurements: ['1.1.4b', '2.1.3a'] });
  });

  it('sees no change in a saved number question that left its defaults to the server', () => {
    const survey = saved({
      localQuestions: [{ id: 'local_books', type: 'number', texts: { en: 'Books read' } }],
    });
    expect(updateBody(designOf(survey), survey, AVAILABLE)).toEqual({});
  });

  it('knows when a change makes a new version: a wave has fielded the current one', () => {
    expect(fielded(saved({}, []))).toBe(false);
    expect(fielded(saved({}, [1]))).toBe(true);
  });
});
