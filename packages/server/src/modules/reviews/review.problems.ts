import { allMeasurements } from '@lco/core';
import { ruleProblem } from '../../platform/http/problem.ts';

/**
 * The rules of expert review, each a stable problem type (docs/api.md): a client branches on the type, a
 * person reads the detail. Every refusal changes nothing.
 */
export const REVIEW_RULES = {
  wordLimit: { type: '/problems/review/word-limit', status: 400, title: 'Narrative too long' },
  notExpertMeasurement: {
    type: '/problems/review/not-expert-measurement',
    status: 404,
    title: 'Not an expert measurement',
  },
  cycleLocked: { type: '/problems/review/cycle-locked', status: 409, title: 'Cycle locked' },
  cycleNotSubmitted: { type: '/problems/review/cycle-not-submitted', status: 409, title: 'Cycle not submitted' },
  roundNotOpen: { type: '/problems/review/round-not-open', status: 409, title: 'Round not open' },
  sameCountry: { type: '/problems/review/same-country', status: 409, title: 'Reviewer from the same country' },
  conflictOfInterest: {
    type: '/problems/review/conflict-of-interest',
    status: 409,
    title: 'Declared conflict of interest',
  },
  countryUnknown: { type: '/problems/review/country-unknown', status: 409, title: "Reviewer's country unknown" },
  alreadyAssigned: { type: '/problems/review/already-assigned', status: 409, title: 'Already assigned' },
  notAnExpert: { type: '/problems/review/not-an-expert', status: 400, title: 'Not an expert' },
  notAssigned: { type: '/problems/review/not-assigned', status: 403, title: 'Not your assignment' },
  ratingLocked: { type: '/problems/review/rating-locked', status: 409, title: 'Rating locked' },
  alreadySubmitted: { type: '/problems/review/already-submitted', status: 409, title: 'Already submitted' },
  incomplete: { type: '/problems/review/incomplete', status: 409, title: 'Ratings missing' },
  blind: { type: '/problems/review/blind', status: 403, title: 'Blind until submitted' },
  notFlagged: { type: '/problems/review/not-flagged', status: 409, title: 'Not flagged for reconciliation' },
  notReady: { type: '/problems/review/not-ready', status: 409, title: 'Not ready to consolidate' },
  recused: { type: '/problems/review/recused', status: 409, title: 'Recused' },
} as const;

export type ReviewRule = keyof typeof REVIEW_RULES;

export const reviewProblem = ruleProblem(REVIEW_RULES);

/** The 18 measurements rated by experts, in catalogue order. */
export function expertMeasurements() {
  return allMeasurements().filter((m) => m.source === 'expert');
}

export function isExpertMeasurement(id: string): boolean {
  return expertMeasurements().some((m) => m.id === id);
}
