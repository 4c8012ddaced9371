import {
  type AwardApplicationAction,
  type AwardApplicationState,
  type AwardCandidate,
  type AwardCycleAction,
  type AwardCycleState,
  type AwardRules,
  awardEligibility,
  awardeeQuota,
  nominationQuota,
  type RegionCode,
} from '@lco/core';
import type { Actor } from '../../platform/security/actor.ts';
import type { AwardMailEvent } from './award.mail.ts';
import { type AwardAction, type AwardScope, can, isCityEditorOnly, isSomeNationalCommission } from './award.policy.ts';
import type { AwardRule } from './award.problems.ts';

/** Who hears of a step: the next actor, and the city team when a decision concerns it. */
export type Recipient = 'coordinator' | 'city-team' | 'natcom' | 'secretariat' | 'reviewers' | 'jury';

/** What the rules of a step look at. Read by the service, judged here. */
export interface AwardFacts {
  state: AwardApplicationState;
  cycle: {
    year: number;
    state: AwardCycleState;
    closesAt: Date;
    nominationsCloseAt: Date;
    rules: AwardRules;
  };
  city: AwardCandidate & { countryIso2: string; region: RegionCode };
  /** What the application still lacks before it can be submitted. */
  missingFields: readonly string[];
  /** Cities of the same country its National Commission has already nominated in the cycle. */
  nominatedInCountry: number;
  /** Reviewers who scored every criterion of the cycle. */
  completeReviews: number;
  /** The jury's votes on the application (counted only once the jury has closed). */
  votes: { for: number; against: number };
  /** The awardees already selected in the cycle. */
  awardees: readonly { countryIso2: string; region: RegionCode }[];
  now: Date;
}

export interface Refusal {
  /** A rule of award.problems.ts, or 'forbidden' when only the roles are at stake. */
  rule: AwardRule | 'forbidden';
  detail: string;
  errors?: { field: string; message: string }[];
}

type Check = (facts: AwardFacts) => Refusal | null;

export interface Transition {
  action: AwardApplicationAction;
  from: readonly AwardApplicationState[];
  to: AwardApplicationState;
  /** The policy action the actor needs (award.policy.ts). */
  who: AwardAction;
  /** Rules beyond the state, in the order they are checked. */
  checks: readonly Check[];
  notify: readonly Recipient[];
  mail: AwardMailEvent;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

const cycleIn =
  (state: AwardCycleState, what: string): Check =>
  (f) =>
    f.cycle.state === state
      ? null
      : { rule: 'cyclePhase', detail: `The cycle is ${f.cycle.state}: ${what} only while it is ${state}.` };

const beforeApplicationDeadline: Check = (f) =>
  f.now <= f.cycle.closesAt
    ? null
    : {
        rule: 'applicationDeadline',
        detail: `Applications closed on ${day(f.cycle.closesAt)}: the application can no longer be submitted.`,
      };

const beforeNominationDeadline: Check = (f) =>
  f.now <= f.cycle.nominationsCloseAt
    ? null
    : {
        rule: 'nominationDeadline',
        detail: `Nominations closed on ${day(f.cycle.nominationsCloseAt)}: the National Commission can no longer nominate or decline.`,
      };

const eligible: Check = (f) => awardEligibility(f.cycle.rules, f.cycle.year, f.now, f.city);

const complete: Check = (f) =>
  f.missingFields.length === 0
    ? null
    : {
        rule: 'incomplete',
        detail: `The application is not complete: ${f.missingFields.join(', ')}.`,
        errors: f.missingFields.map((field) => ({ field, message: 'is required' })),
      };

const withinNominationQuota: Check = (f) => nominationQuota(f.cycle.rules, f.nominatedInCountry);

const reviewed: Check = (f) =>
  f.completeReviews > 0
    ? null
    : { rule: 'notReviewed', detail: 'No reviewer has scored every criterion of this application yet.' };

const chosenByJury: Check = (f) =>
  f.votes.for > f.votes.against
    ? null
    : {
        rule: 'notChosen',
        detail: `The jury's decision is final: ${f.votes.for} vote${f.votes.for === 1 ? '' : 's'} for and ${f.votes.against} against do not make this city its choice.`,
      };

const withinAwardeeQuota: Check = (f) => awardeeQuota(f.cycle.rules, f.awardees, f.city);

/**
 * The application's state machine: draft → submitted → nominated | declined → shortlisted | not-shortlisted →
 * awarded (or not-awarded when the cycle is announced). Every step names the rules it checks.
 */
export const TRANSITIONS: Readonly<Record<AwardApplicationAction, Transition>> = {
  submit: {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    who: 'application.submit',
    checks: [cycleIn('open', 'applications are taken'), beforeApplicationDeadline, eligible, complete],
    // To the National Commission, the city's coordinator copied, as the paper process sends it.
    notify: ['natcom', 'coordinator'],
    mail: 'submitted',
  },
  nominate: {
    action: 'nominate',
    from: ['submitted'],
    to: 'nominated',
    who: 'application.nominate',
    checks: [beforeNominationDeadline, eligible, withinNominationQuota],
    notify: ['secretariat', 'reviewers', 'city-team'],
    mail: 'nominated',
  },
  decline: {
    action: 'decline',
    from: ['submitted'],
    to: 'declined',
    who: 'application.decline',
    checks: [beforeNominationDeadline],
    notify: ['city-team', 'secretariat'],
    mail: 'declined',
  },
  shortlist: {
    action: 'shortlist',
    from: ['nominated'],
    to: 'shortlisted',
    who: 'application.shortlist',
    checks: [cycleIn('open', 'the shortlist is drawn'), reviewed],
    notify: ['city-team', 'natcom'],
    mail: 'shortlisted',
  },
  'not-shortlist': {
    action: 'not-shortlist',
    from: ['nominated'],
    to: 'not-shortlisted',
    who: 'application.not-shortlist',
    checks: [cycleIn('open', 'the shortlist is drawn')],
    notify: ['city-team', 'natcom'],
    mail: 'not-shortlisted',
  },
  select: {
    action: 'select',
    from: ['shortlisted'],
    to: 'awarded',
    who: 'application.select',
    checks: [cycleIn('jury-closed', 'awardees are selected'), chosenByJury, withinAwardeeQuota],
    // The secretariat itself announces next; the cities hear on announcement.
    notify: [],
    mail: 'selected',
  },
};

/** The cycle's own steps, taken by the secretariat. */
export interface CycleTransition {
  action: AwardCycleAction;
  from: AwardCycleState;
  to: AwardCycleState;
  notify: readonly Recipient[];
  mail: AwardMailEvent;
}

export const CYCLE_TRANSITIONS: Readonly<Record<AwardCycleAction, CycleTransition>> = {
  'open-jury': { action: 'open-jury', from: 'open', to: 'jury', notify: ['jury'], mail: 'jury-opened' },
  'close-jury': {
    action: 'close-jury',
    from: 'jury',
    to: 'jury-closed',
    notify: ['secretariat', 'jury'],
    mail: 'jury-closed',
  },
  // Announcement mails each application's city team and National Commission with its own result.
  announce: { action: 'announce', from: 'jury-closed', to: 'announced', notify: [], mail: 'announced' },
};

/**
 * Why the actor may not take the step at all, naming the rule where one is at stake: a National Commission acting on
 * another country's city, a city editor doing the coordinator's part. Null when the policy allows it.
 */
export function refuseActor(actor: Actor, transition: Transition, scope: AwardScope): Refusal | null {
  if (can(actor, transition.who, scope)) return null;
  if (
    (transition.who === 'application.nominate' || transition.who === 'application.decline') &&
    isSomeNationalCommission(actor)
  ) {
    return {
      rule: 'otherCountry',
      detail: `A National Commission nominates only its own country's cities; this city is in ${scope.countryIso2}.`,
    };
  }
  if (isCityEditorOnly(actor, scope)) {
    return { rule: 'coordinatorOnly', detail: `Only the city coordinator may ${transition.action} the application.` };
  }
  return { rule: 'forbidden', detail: 'Your roles do not allow this.' };
}

/** Why the step is refused in this state and under these rules, or null when it may be taken. */
export function refuseStep(transition: Transition, facts: AwardFacts): Refusal | null {
  if (!transition.from.includes(facts.state)) {
    return {
      rule: 'transitionNotAllowed',
      detail: `The application is ${facts.state}: "${transition.action}" is taken only from ${transition.from.join(' or ')}.`,
    };
  }
  for (const check of transition.checks) {
    const refusal = check(facts);
    if (refusal) return refusal;
  }
  return null;
}

/** The steps the actor may take now: what the web app offers as buttons. */
export function allowedActions(actor: Actor | null, scope: AwardScope, facts: AwardFacts): AwardApplicationAction[] {
  if (!actor) return [];
  return Object.values(TRANSITIONS)
    .filter((t) => can(actor, t.who, scope) && refuseStep(t, facts) === null)
    .map((t) => t.action);
}
