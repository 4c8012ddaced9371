import { ruleProblem } from '../../platform/http/problem.ts';

/**
 * The rules of membership, each a stable problem type (docs/api.md): a client branches on the type, a person reads
 * the detail. Every refusal changes nothing.
 */
export const MEMBERSHIP_RULES = {
  wordLimit: { type: '/problems/membership/word-limit', status: 400, title: 'Text too long' },
  incomplete: { type: '/problems/membership/incomplete', status: 409, title: 'Application incomplete' },
  transitionNotAllowed: {
    type: '/problems/membership/transition-not-allowed',
    status: 409,
    title: 'Not allowed in this state',
  },
  staleVersion: { type: '/problems/membership/stale-version', status: 409, title: 'Changed meanwhile' },
  windowClosed: { type: '/problems/membership/window-closed', status: 409, title: 'Call not open' },
  coordinatorOnly: { type: '/problems/membership/coordinator-only', status: 403, title: 'Only the city coordinator' },
  otherCountry: {
    type: '/problems/membership/other-country',
    status: 403,
    title: "Another country's city",
  },
  quotaReached: { type: '/problems/membership/quota-reached', status: 409, title: 'Endorsement quota reached' },
  deadlinePassed: { type: '/problems/membership/deadline-passed', status: 409, title: 'Endorsement deadline passed' },
  noJury: { type: '/problems/membership/no-jury', status: 409, title: 'This call has no jury' },
  juryFirst: { type: '/problems/membership/jury-first', status: 409, title: 'The jury recommends first' },
  alreadyMember: { type: '/problems/membership/already-member', status: 409, title: 'Already a member' },
  alreadyApplied: { type: '/problems/membership/already-applied', status: 409, title: 'Already applying in this call' },
  notMember: { type: '/problems/membership/not-member', status: 409, title: 'Not a member' },
  cycleNotAccepted: {
    type: '/problems/membership/cycle-not-accepted',
    status: 409,
    title: 'Monitoring cycle not accepted',
  },
  notEnoughMissed: {
    type: '/problems/membership/not-enough-missed',
    status: 409,
    title: 'Not enough missed reports',
  },
  standingUnchanged: { type: '/problems/membership/standing-unchanged', status: 409, title: 'Standing unchanged' },
} as const;

export type MembershipRule = keyof typeof MEMBERSHIP_RULES;

export const membershipProblem = ruleProblem(MEMBERSHIP_RULES);
