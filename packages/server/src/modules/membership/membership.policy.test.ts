import type { ApplicationAction } from '@lco/core';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/security/actor.ts';
import { complianceOf, reportingAnchor } from './compliance.ts';
import { allowedActions, refuseActor, refuseStep, TRANSITIONS, type TransitionFacts } from './membership.machine.ts';
import { can, type MembershipAction, type MembershipScope } from './membership.policy.ts';

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
const SCOPE: MembershipScope = { cityId: CORK, countryIso2: 'IE' };
const STAFF = ['admin', 'secretariat'];

/** Every action, with who may do it in that scope. Every write of the membership API is one of these. */
const ALLOWED: Record<MembershipAction, string[]> = {
  'call.write': STAFF,
  'applicant-city.create': STAFF,
  'application.accept': STAFF,
  'application.not-accept': STAFF,
  'application.count': STAFF,
  'compliance.read': STAFF,
  'compliance.remind': STAFF,
  'member.standing': STAFF,
  'settings.write': STAFF,
  'application.create': ['coordinator Cork'],
  'application.edit': ['coordinator Cork', 'editor Cork'],
  'application.sign': ['coordinator Cork'],
  'application.revise': ['coordinator Cork'],
  'application.submit': ['coordinator Cork'],
  'report.submit': ['coordinator Cork'],
  'application.endorse': ['natcom IE'],
  'application.decline': ['natcom IE'],
  'application.recommend': [...STAFF, 'jury'],
  'application.read': [...STAFF, 'natcom IE', 'coordinator Cork', 'editor Cork'],
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
  'report.read': [...STAFF, 'natcom IE', 'coordinator Cork', 'editor Cork'],
};

describe('membership policy: role by action', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as [MembershipAction, string[]][]) {
    it(`${action}: ${allowed.join(', ')}`, () => {
      const who = Object.entries(people)
        .filter(([, person]) => can(person, action, SCOPE))
        .map(([name]) => name);
      expect(who).toEqual(allowed);
    });
  }

  it('the jury reads an application, and its signed form, only when the call asks for its recommendation', () => {
    const jury = person('jury');
    expect(can(jury, 'application.read', SCOPE)).toBe(false);
    expect(can(jury, 'application.read', { ...SCOPE, juryCall: false })).toBe(false);
    expect(can(jury, 'application.read', { ...SCOPE, juryCall: true })).toBe(true);
    expect(can(person('expert'), 'application.read', { ...SCOPE, juryCall: true })).toBe(false);
    expect(can(null, 'application.read', { ...SCOPE, juryCall: true })).toBe(false);
  });

  it('every step of the state machine is one of the actions above', () => {
    for (const t of Object.values(TRANSITIONS)) expect(Object.keys(ALLOWED)).toContain(t.who);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-15T12:00:00Z');
const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  state: 'signed',
  call: {
    opensAt: new Date('2026-01-01T00:00:00Z'),
    closesAt: new Date('2026-06-30T00:00:00Z'),
    quotaPerCountry: 3,
    juryRecommendation: false,
  },
  endorsementDeadline: null,
  endorsedInCountry: 0,
  missingFields: [],
  now: NOW,
  ...over,
});
const person = (name: string) => people[name] as Actor;

describe('the state machine refuses, naming the rule', () => {
  it("a National Commission endorsing another country's city", () => {
    expect(refuseActor(person('natcom FR'), TRANSITIONS.endorse, SCOPE)?.rule).toBe('otherCountry');
    expect(refuseActor(person('natcom FR'), TRANSITIONS.decline, SCOPE)?.rule).toBe('otherCountry');
    expect(refuseActor(person('natcom IE'), TRANSITIONS.endorse, SCOPE)).toBeNull();
  });

  it('an endorsement beyond the quota', () => {
    const f = facts({ state: 'submitted', endorsedInCountry: 3, endorsementDeadline: new Date(NOW.getTime() + DAY) });
    expect(refuseStep(TRANSITIONS.endorse, f)?.rule).toBe('quotaReached');
    expect(refuseStep(TRANSITIONS.endorse, { ...f, endorsedInCountry: 2 })).toBeNull();
  });

  it('a submission after the window, or before it opens', () => {
    expect(refuseStep(TRANSITIONS.submit, facts({ now: new Date('2026-07-01T00:00:00Z') }))?.rule).toBe('windowClosed');
    expect(refuseStep(TRANSITIONS.submit, facts({ now: new Date('2025-12-31T00:00:00Z') }))?.rule).toBe('windowClosed');
    expect(refuseStep(TRANSITIONS.submit, facts())).toBeNull();
  });

  it('a city editor (not the coordinator) submitting or signing', () => {
    expect(refuseActor(person('editor Cork'), TRANSITIONS.submit, SCOPE)?.rule).toBe('coordinatorOnly');
    expect(refuseActor(person('editor Cork'), TRANSITIONS.sign, SCOPE)?.rule).toBe('coordinatorOnly');
    expect(refuseActor(person('coordinator Lyon'), TRANSITIONS.submit, SCOPE)?.rule).toBe('forbidden');
  });

  it('a double submit: the second finds the application submitted', () => {
    expect(refuseStep(TRANSITIONS.submit, facts({ state: 'submitted' }))?.rule).toBe('transitionNotAllowed');
  });

  it('an endorsement or a decline after the deadline', () => {
    const late = facts({ state: 'submitted', endorsementDeadline: new Date(NOW.getTime() - 1) });
    expect(refuseStep(TRANSITIONS.endorse, late)?.rule).toBe('deadlinePassed');
    expect(refuseStep(TRANSITIONS.decline, late)?.rule).toBe('deadlinePassed');
  });

  it('a transition the current state does not allow', () => {
    expect(refuseStep(TRANSITIONS.accept, facts({ state: 'draft' }))?.rule).toBe('transitionNotAllowed');
    expect(refuseStep(TRANSITIONS.endorse, facts({ state: 'accepted' }))?.rule).toBe('transitionNotAllowed');
    expect(refuseStep(TRANSITIONS.revise, facts({ state: 'submitted' }))?.rule).toBe('transitionNotAllowed');
  });

  it('signing an incomplete form, and the jury steps by the call', () => {
    expect(refuseStep(TRANSITIONS.sign, facts({ state: 'draft', missingFields: ['motivation'] }))).toMatchObject({
      rule: 'incomplete',
      errors: [{ field: 'motivation', message: 'is required' }],
    });
    expect(refuseStep(TRANSITIONS.recommend, facts({ state: 'endorsed' }))?.rule).toBe('noJury');
    const jury = facts({ state: 'endorsed', call: { ...facts().call, juryRecommendation: true } });
    expect(refuseStep(TRANSITIONS.accept, jury)?.rule).toBe('juryFirst');
    expect(refuseStep(TRANSITIONS.accept, { ...jury, state: 'recommended' })).toBeNull();
  });

  it('offers each actor the steps it may take now', () => {
    const submitted = facts({ state: 'submitted', endorsementDeadline: new Date(NOW.getTime() + DAY) });
    const offered = (name: string, f: TransitionFacts): ApplicationAction[] => allowedActions(person(name), SCOPE, f);
    expect(offered('natcom IE', submitted)).toEqual(['endorse', 'decline']);
    expect(offered('natcom FR', submitted)).toEqual([]);
    expect(offered('coordinator Cork', facts())).toEqual(['revise', 'submit']);
    expect(offered('editor Cork', facts())).toEqual([]);
    expect(offered('secretariat', facts({ state: 'endorsed' }))).toEqual(['accept', 'not-accept']);
  });
});

describe('compliance from dates', () => {
  const settings = {
    reportPeriodYears: 2,
    dueWindowDays: 90,
    graceDays: 180,
    inactiveAfterMissed: 2,
    reportingBaseline: '2024-01-01',
  };
  const joined = new Date('2024-03-01T00:00:00Z');
  it('is on time, then due, then overdue, then missing, counting missed reports', () => {
    expect(complianceOf(joined, new Date('2025-06-01T00:00:00Z'), settings)).toMatchObject({
      status: 'on-time',
      missedReports: 0,
    });
    expect(complianceOf(joined, new Date('2026-02-01T00:00:00Z'), settings).status).toBe('due');
    expect(complianceOf(joined, new Date('2026-04-01T00:00:00Z'), settings)).toMatchObject({
      status: 'overdue',
      missedReports: 1,
    });
    expect(complianceOf(joined, new Date('2026-12-01T00:00:00Z'), settings).status).toBe('missing');
    expect(complianceOf(joined, new Date('2028-03-02T00:00:00Z'), settings).missedReports).toBe(2);
    expect(complianceOf(joined, new Date('2026-02-01T00:00:00Z'), settings).dueOn.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it('runs from the last report, else the day of joining, else the year of joining, never before the baseline', () => {
    const report = new Date('2025-05-05T00:00:00Z');
    expect(reportingAnchor(report, joined, 2024, '2024-01-01')).toBe(report);
    expect(reportingAnchor(null, joined, 2024, '2024-01-01')).toBe(joined);
    expect(reportingAnchor(null, null, 2025, '2024-01-01').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(reportingAnchor(null, null, 2016, '2024-01-01').toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(reportingAnchor(null, null, null, '2024-01-01').toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
