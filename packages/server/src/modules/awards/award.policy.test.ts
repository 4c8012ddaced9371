import { AWARD_RULES_2015, AWARD_RULES_CURRENT, type AwardApplicationAction } from '@lco/core';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/security/actor.ts';
import { type AwardFacts, allowedActions, refuseActor, refuseStep, TRANSITIONS } from './award.machine.ts';
import { type AwardAction, type AwardScope, can } from './award.policy.ts';

const CORK = 'city-cork';
const LYON = 'city-lyon';

function actor(userId: string, ...grants: Grant[]): Actor {
  return { userId, email: `${userId}@example.org`, sessionId: 's', grants };
}

const people: Record<string, Actor | null> = {
  admin: actor('admin', { role: 'admin', scopeId: null }),
  secretariat: actor('secretariat', { role: 'secretariat', scopeId: null }),
  'natcom IE': actor('natcom', { role: 'natcom', scopeId: 'IE' }),
  'natcom FR': actor('natcom-fr', { role: 'natcom', scopeId: 'FR' }),
  'coordinator Cork': actor('coordinator', { role: 'city-coordinator', scopeId: CORK }),
  'editor Cork': actor('editor', { role: 'city-editor', scopeId: CORK }),
  'coordinator Lyon': actor('coordinator-lyon', { role: 'city-coordinator', scopeId: LYON }),
  expert: actor('expert', { role: 'expert', scopeId: null }),
  jury: actor('jury', { role: 'jury', scopeId: null }),
  anonymous: null,
};

/** Cork, Ireland: the city the request is about. */
const SCOPE: AwardScope = { cityId: CORK, countryIso2: 'IE' };
const STAFF = ['admin', 'secretariat'];

/** Every action, with who may do it in that scope. Every write of the awards API is one of these. */
const ALLOWED: Record<AwardAction, string[]> = {
  'cycle.write': STAFF,
  'cycle.transition': STAFF,
  'application.shortlist': STAFF,
  'application.not-shortlist': STAFF,
  'application.select': STAFF,
  'board.read': STAFF,
  'application.create': ['coordinator Cork'],
  'application.edit': ['coordinator Cork', 'editor Cork'],
  'application.submit': ['coordinator Cork'],
  'application.nominate': ['natcom IE'],
  'application.decline': ['natcom IE'],
  'quota.read': [...STAFF, 'natcom IE'],
  'score.write': ['expert'],
  'vote.cast': ['jury'],
  'ballot.read': ['jury'],
  'votes.read': [...STAFF, 'jury'],
  'application.read': [...STAFF, 'natcom IE', 'coordinator Cork', 'editor Cork', 'expert', 'jury'],
  'application.list': [
    ...STAFF,
    'natcom IE',
    'natcom FR',
    'coordinator Cork',
    'editor Cork',
    'coordinator Lyon',
    'expert',
    'jury',
  ],
};

describe('award policy: role by action', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as [AwardAction, string[]][]) {
    it(`${action}: ${allowed.join(', ')}`, () => {
      const who = Object.entries(people)
        .filter(([, person]) => can(person, action, SCOPE))
        .map(([name]) => name);
      expect(who).toEqual(allowed);
    });
  }

  it('every step of the state machine is one of the actions above', () => {
    for (const t of Object.values(TRANSITIONS)) expect(Object.keys(ALLOWED)).toContain(t.who);
  });

  it('anonymous may do nothing, not even list', () => {
    for (const action of Object.keys(ALLOWED) as AwardAction[]) expect(can(null, action, SCOPE)).toBe(false);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2027-03-15T12:00:00Z');
const facts = (over: Partial<AwardFacts> = {}): AwardFacts => ({
  state: 'submitted',
  cycle: {
    year: 2027,
    state: 'open',
    closesAt: new Date(NOW.getTime() + 10 * DAY),
    nominationsCloseAt: new Date(NOW.getTime() + 40 * DAY),
    rules: AWARD_RULES_CURRENT,
  },
  city: {
    name: 'Cork',
    isMember: true,
    joinedAt: new Date('2020-01-01T00:00:00Z'),
    memberSince: 2020,
    awardYears: [2015],
    countryIso2: 'IE',
    region: 'europe-north-america',
  },
  missingFields: [],
  nominatedInCountry: 0,
  completeReviews: 0,
  votes: { for: 0, against: 0 },
  awardees: [],
  now: NOW,
  ...over,
});
const person = (name: string) => people[name] as Actor;

describe('the state machine refuses, naming the rule', () => {
  it("a National Commission nominating another country's city; an editor submitting", () => {
    expect(refuseActor(person('natcom FR'), TRANSITIONS.nominate, SCOPE)?.rule).toBe('otherCountry');
    expect(refuseActor(person('natcom FR'), TRANSITIONS.decline, SCOPE)?.rule).toBe('otherCountry');
    expect(refuseActor(person('natcom IE'), TRANSITIONS.nominate, SCOPE)).toBeNull();
    expect(refuseActor(person('editor Cork'), TRANSITIONS.submit, SCOPE)?.rule).toBe('coordinatorOnly');
    expect(refuseActor(person('coordinator Lyon'), TRANSITIONS.submit, SCOPE)?.rule).toBe('forbidden');
    expect(refuseActor(person('jury'), TRANSITIONS.select, SCOPE)?.rule).toBe('forbidden');
  });

  it('a nomination of a city that joined 6 months ago, or won 4 years ago', () => {
    const joined = { ...facts().city, joinedAt: new Date(NOW.getTime() - 182 * DAY) };
    expect(refuseStep(TRANSITIONS.nominate, facts({ city: joined }))?.rule).toBe('memberTooShort');
    const won = { ...facts().city, awardYears: [2023] };
    expect(refuseStep(TRANSITIONS.nominate, facts({ city: won }))?.rule).toBe('recentlyAwarded');
    expect(refuseStep(TRANSITIONS.nominate, facts())).toBeNull();
  });

  it('a fourth nomination under a quota of three, the 2015 rules', () => {
    const in2015 = { ...facts().cycle, rules: AWARD_RULES_2015 };
    expect(refuseStep(TRANSITIONS.nominate, facts({ cycle: in2015, nominatedInCountry: 2 }))).toBeNull();
    expect(refuseStep(TRANSITIONS.nominate, facts({ cycle: in2015, nominatedInCountry: 3 }))?.rule).toBe(
      'nominationQuota',
    );
  });

  it('a submission or a nomination after its deadline', () => {
    const late = new Date(NOW.getTime() + 11 * DAY);
    expect(refuseStep(TRANSITIONS.submit, facts({ state: 'draft', now: late }))?.rule).toBe('applicationDeadline');
    const later = new Date(NOW.getTime() + 41 * DAY);
    expect(refuseStep(TRANSITIONS.nominate, facts({ now: later }))?.rule).toBe('nominationDeadline');
    expect(refuseStep(TRANSITIONS.decline, facts({ now: later }))?.rule).toBe('nominationDeadline');
  });

  it('an incomplete submission, a double submit', () => {
    expect(refuseStep(TRANSITIONS.submit, facts({ state: 'draft', missingFields: ['consentForm'] }))).toMatchObject({
      rule: 'incomplete',
      errors: [{ field: 'consentForm', message: 'is required' }],
    });
    expect(refuseStep(TRANSITIONS.submit, facts({ state: 'submitted' }))?.rule).toBe('transitionNotAllowed');
  });

  it('a shortlist before a complete review, a selection outside the closed jury, the jury’s choice or the limits', () => {
    expect(refuseStep(TRANSITIONS.shortlist, facts({ state: 'nominated' }))?.rule).toBe('notReviewed');
    expect(refuseStep(TRANSITIONS.shortlist, facts({ state: 'nominated', completeReviews: 1 }))).toBeNull();
    const closed = { ...facts().cycle, state: 'jury-closed' as const };
    const chosen = facts({ state: 'shortlisted', cycle: closed, votes: { for: 2, against: 1 } });
    expect(refuseStep(TRANSITIONS.select, { ...chosen, cycle: { ...closed, state: 'jury' } })?.rule).toBe('cyclePhase');
    expect(refuseStep(TRANSITIONS.select, { ...chosen, votes: { for: 1, against: 1 } })?.rule).toBe('notChosen');
    expect(
      refuseStep(TRANSITIONS.select, { ...chosen, awardees: [{ countryIso2: 'IE', region: 'europe-north-america' }] })
        ?.rule,
    ).toBe('countryAwardees');
    const europe = ['GB', 'FR', 'DE'].map((countryIso2) => ({ countryIso2, region: 'europe-north-america' as const }));
    expect(refuseStep(TRANSITIONS.select, { ...chosen, awardees: europe })?.rule).toBe('regionAwardees');
    expect(refuseStep(TRANSITIONS.select, chosen)).toBeNull();
  });

  it('offers each actor the steps it may take now', () => {
    const offered = (name: string, f: AwardFacts): AwardApplicationAction[] => allowedActions(person(name), SCOPE, f);
    expect(offered('natcom IE', facts())).toEqual(['nominate', 'decline']);
    expect(offered('natcom FR', facts())).toEqual([]);
    expect(offered('coordinator Cork', facts({ state: 'draft' }))).toEqual(['submit']);
    expect(offered('editor Cork', facts({ state: 'draft' }))).toEqual([]);
    expect(offered('secretariat', facts({ state: 'nominated', completeReviews: 2 }))).toEqual([
      'shortlist',
      'not-shortlist',
    ]);
    expect(allowedActions(null, SCOPE, facts())).toEqual([]);
  });
});
