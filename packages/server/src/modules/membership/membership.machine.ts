import type { ApplicationAction, ApplicationState } from '@lco/core';
import type { Actor } from '../../platform/security/actor.ts';
import type { MembershipMailEvent } from './membership.mail.ts';
import {
  can,
  isCityEditorOnly,
  isSomeNationalCommission,
  type MembershipAction,
  type MembershipScope,
} from './membership.policy.ts';
import type { MembershipRule } from './membership.problems.ts';

/** Who hears of a step: the next actor, and the city team when a decision concerns it. */
export type Recipient = 'coordinator' | 'city-team' | 'natcom' | 'secretariat' | 'jury';

/** What the rules of a step look at: the application, its call, and the clock. Read by the service, judged here. */
export interface TransitionFacts {
  state: ApplicationState;
  call: {
    opensAt: Date;
    closesAt: Date;
    quotaPerCountry: number;
    juryRecommendation: boolean;
  };
  endorsementDeadline: Date | null;
  /** Applications of the same country this National Commission has already endorsed in the call. */
  endorsedInCountry: number;
  /** Fields the form still lacks (see missingApplicationFields). */
  missingFields: readonly string[];
  now: Date;
}

export interface Refusal {
  /** A rule of membership.problems.ts, or 'forbidden' when only the roles are at stake. */
  rule: MembershipRule | 'forbidden';
  detail: string;
  errors?: { field: string; message: string }[];
}

type Check = (facts: TransitionFacts) => Refusal | null;

export interface Transition {
  action: ApplicationAction;
  from: readonly ApplicationState[];
  to: ApplicationState;
  /** The policy action the actor needs (membership.policy.ts). */
  who: MembershipAction;
  /** Rules beyond the state, in the order they are checked. */
  checks: readonly Check[];
  /** Mailed after the step, in their languages, with this text. */
  notify: readonly Recipient[];
  mail: MembershipMailEvent;
  /** The step needs reasons in its body (a decision is explained). */
  reasons: 'required' | 'optional' | 'none';
}

const day = (d: Date) => d.toISOString().slice(0, 10);

const complete: Check = (f) =>
  f.missingFields.length === 0
    ? null
    : {
        rule: 'incomplete',
        detail: `The form is not complete: ${f.missingFields.join(', ')}.`,
        errors: f.missingFields.map((field) => ({ field, message: 'is required' })),
      };

const inWindow: Check = (f) =>
  f.now >= f.call.opensAt && f.now <= f.call.closesAt
    ? null
    : {
        rule: 'windowClosed',
        detail:
          f.now < f.call.opensAt
            ? `The call opens on ${day(f.call.opensAt)}: submissions are taken from then.`
            : `The call closed on ${day(f.call.closesAt)}: submissions are no longer taken.`,
      };

const beforeDeadline: Check = (f) =>
  f.endorsementDeadline === null || f.now <= f.endorsementDeadline
    ? null
    : {
        rule: 'deadlinePassed',
        detail: `The National Commission's deadline was ${day(f.endorsementDeadline)}: it can no longer endorse or decline.`,
      };

const withinQuota: Check = (f) =>
  f.endorsedInCountry < f.call.quotaPerCountry
    ? null
    : {
        rule: 'quotaReached',
        detail: `A National Commission may endorse ${f.call.quotaPerCountry} application${
          f.call.quotaPerCountry === 1 ? '' : 's'
        } in this call and has endorsed ${f.endorsedInCountry}.`,
      };

const juryAsked: Check = (f) =>
  f.call.juryRecommendation ? null : { rule: 'noJury', detail: 'This call asks no jury for recommendations.' };

const juryHeard: Check = (f) =>
  f.call.juryRecommendation && f.state === 'endorsed'
    ? { rule: 'juryFirst', detail: 'This call asks the jury to recommend before the secretariat decides.' }
    : null;

/**
 * The application's state machine: every named step, the states it leaves, the state it reaches, who takes it
 * and the rules it checks. draft → signed → submitted → endorsed | declined → (recommended) → accepted |
 * not-accepted; a submission its National Commission leaves past the deadline expires when the call says so
 * (the deadline sweep, not a person: see EXPIRY).
 */
export const TRANSITIONS: Readonly<Record<ApplicationAction, Transition>> = {
  sign: {
    action: 'sign',
    mail: 'signed',
    from: ['draft'],
    to: 'signed',
    who: 'application.sign',
    checks: [complete],
    notify: ['coordinator'],
    reasons: 'none',
  },
  revise: {
    action: 'revise',
    mail: 'signed',
    from: ['signed'],
    to: 'draft',
    who: 'application.revise',
    checks: [],
    notify: [],
    reasons: 'none',
  },
  submit: {
    action: 'submit',
    mail: 'submitted',
    from: ['signed'],
    to: 'submitted',
    who: 'application.submit',
    checks: [complete, inWindow],
    // To the National Commission, copying the secretariat, as the paper process says.
    notify: ['natcom', 'secretariat'],
    reasons: 'none',
  },
  endorse: {
    action: 'endorse',
    mail: 'endorsed',
    from: ['submitted'],
    to: 'endorsed',
    who: 'application.endorse',
    checks: [beforeDeadline, withinQuota],
    notify: ['secretariat', 'jury', 'city-team'],
    reasons: 'required',
  },
  decline: {
    action: 'decline',
    mail: 'declined',
    from: ['submitted'],
    to: 'declined',
    who: 'application.decline',
    checks: [beforeDeadline],
    notify: ['city-team', 'secretariat'],
    reasons: 'required',
  },
  recommend: {
    action: 'recommend',
    mail: 'recommended',
    from: ['endorsed'],
    to: 'recommended',
    who: 'application.recommend',
    checks: [juryAsked],
    notify: ['secretariat'],
    reasons: 'required',
  },
  accept: {
    action: 'accept',
    mail: 'accepted',
    from: ['endorsed', 'recommended'],
    to: 'accepted',
    who: 'application.accept',
    checks: [juryHeard],
    notify: ['city-team', 'natcom'],
    reasons: 'optional',
  },
  'not-accept': {
    action: 'not-accept',
    mail: 'not-accepted',
    from: ['endorsed', 'recommended'],
    to: 'not-accepted',
    who: 'application.not-accept',
    checks: [juryHeard],
    notify: ['city-team', 'natcom'],
    reasons: 'required',
  },
};

/** The clock's own step: a submission left past its deadline, in a call whose rules say it expires. */
export const EXPIRY = {
  action: 'expire',
  from: ['submitted'] as const,
  to: 'expired' as const,
  notify: ['city-team', 'natcom', 'secretariat'] as const,
};

/**
 * Why the actor may not take the step at all, naming the rule where one is at stake: a National Commission acting on
 * another country's city, a city editor doing the coordinator's part. Null when the policy allows it.
 */
export function refuseActor(actor: Actor, transition: Transition, scope: MembershipScope): Refusal | null {
  if (can(actor, transition.who, scope)) return null;
  if (transition.who === 'application.endorse' || transition.who === 'application.decline') {
    if (isSomeNationalCommission(actor)) {
      return {
        rule: 'otherCountry',
        detail: `A National Commission acts only on its own country's cities; this city is in ${scope.countryIso2}.`,
      };
    }
  }
  if (isCityEditorOnly(actor, scope)) {
    return { rule: 'coordinatorOnly', detail: `Only the city coordinator may ${transition.action} the application.` };
  }
  return { rule: 'forbidden', detail: 'Your roles do not allow this.' };
}

/** Why the step is refused in this state and under these rules, or null when it may be taken. */
export function refuseStep(transition: Transition, facts: TransitionFacts): Refusal | null {
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
export function allowedActions(
  actor: Actor | null,
  scope: MembershipScope,
  facts: TransitionFacts,
): ApplicationAction[] {
  if (!actor) return [];
  return Object.values(TRANSITIONS)
    .filter((t) => can(actor, t.who, scope) && refuseStep(t, facts) === null)
    .map((t) => t.action);
}
