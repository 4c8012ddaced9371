import { ruleProblem } from '../../platform/http/problem.ts';

/**
 * The rules of the Award, each a stable problem type (docs/api.md): a client branches on the type, a person reads
 * the detail. Every refusal changes nothing.
 */
export const AWARD_RULES = {
  wordLimit: { type: '/problems/awards/word-limit', status: 400, title: 'Text too long' },
  incomplete: { type: '/problems/awards/incomplete', status: 409, title: 'Application incomplete' },
  transitionNotAllowed: {
    type: '/problems/awards/transition-not-allowed',
    status: 409,
    title: 'Not allowed in this state',
  },
  staleVersion: { type: '/problems/awards/stale-version', status: 409, title: 'Changed meanwhile' },
  applicationDeadline: {
    type: '/problems/awards/application-deadline',
    status: 409,
    title: 'Applications closed',
  },
  nominationDeadline: { type: '/problems/awards/nomination-deadline', status: 409, title: 'Nominations closed' },
  coordinatorOnly: { type: '/problems/awards/coordinator-only', status: 403, title: 'Only the city coordinator' },
  otherCountry: { type: '/problems/awards/other-country', status: 403, title: "Another country's city" },
  notMember: { type: '/problems/awards/not-member', status: 409, title: 'Not a member' },
  memberTooShort: {
    type: '/problems/awards/member-too-short',
    status: 409,
    title: 'Not a member for long enough',
  },
  recentlyAwarded: { type: '/problems/awards/recently-awarded', status: 409, title: 'Awarded too recently' },
  nominationQuota: { type: '/problems/awards/nomination-quota', status: 409, title: 'Nomination quota reached' },
  countryAwardees: {
    type: '/problems/awards/country-awardees',
    status: 409,
    title: 'Awardees per country reached',
  },
  regionAwardees: { type: '/problems/awards/region-awardees', status: 409, title: 'Awardees per region reached' },
  alreadyApplied: { type: '/problems/awards/already-applied', status: 409, title: 'Already applying in this cycle' },
  periodicity: { type: '/problems/awards/periodicity', status: 409, title: 'Too soon after the last cycle' },
  cyclePhase: { type: '/problems/awards/cycle-phase', status: 409, title: 'Not in this phase of the cycle' },
  notReviewed: { type: '/problems/awards/not-reviewed', status: 409, title: 'Not scored yet' },
  unknownCriterion: { type: '/problems/awards/unknown-criterion', status: 404, title: 'Not a criterion of the cycle' },
  scoreOutOfScale: { type: '/problems/awards/score-out-of-scale', status: 400, title: 'Score outside the scale' },
  rationaleRequired: { type: '/problems/awards/rationale-required', status: 400, title: 'Rationale required' },
  notUnderReview: { type: '/problems/awards/not-under-review', status: 409, title: 'Not under review' },
  notShortlisted: { type: '/problems/awards/not-shortlisted', status: 409, title: 'Not on the shortlist' },
  alreadyVoted: { type: '/problems/awards/already-voted', status: 409, title: 'Already voted' },
  votesSecret: { type: '/problems/awards/votes-secret', status: 403, title: 'Votes secret until the jury closes' },
  notChosen: { type: '/problems/awards/not-chosen', status: 409, title: 'Not the jury’s choice' },
  noAwardees: { type: '/problems/awards/no-awardees', status: 409, title: 'No awardee selected' },
  noShortlist: { type: '/problems/awards/no-shortlist', status: 409, title: 'Nothing shortlisted' },
} as const;

export type AwardRule = keyof typeof AWARD_RULES;

export const awardProblem = ruleProblem(AWARD_RULES);
