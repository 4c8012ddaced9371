import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/security/actor.ts';
import { can, type ReviewAction, type ReviewScope } from './review.policy.ts';

const CORK = 'city-cork';
const DUBLIN = 'city-dublin';

function actor(userId: string, ...grants: Grant[]): Actor {
  return { userId, email: `${userId}@example.org`, sessionId: 's', grants };
}

const people: Record<string, Actor | null> = {
  admin: actor('admin', { role: 'admin', scopeId: null }),
  secretariat: actor('secretariat', { role: 'secretariat', scopeId: null }),
  'natcom IE': actor('natcom', { role: 'natcom', scopeId: 'IE' }),
  'coordinator Cork': actor('coordinator', { role: 'city-coordinator', scopeId: CORK }),
  'editor Cork': actor('editor', { role: 'city-editor', scopeId: CORK }),
  'editor Dublin': actor('editor-dublin', { role: 'city-editor', scopeId: DUBLIN }),
  'expert Ana': actor('ana', { role: 'expert', scopeId: null }),
  'expert Ben': actor('ben', { role: 'expert', scopeId: null }),
  'Ana without the expert role': actor('ana'),
  jury: actor('jury', { role: 'jury', scopeId: null }),
  anonymous: null,
};

/** Cork (Ireland), and Ana as the reviewer or expert the request touches. */
const SCOPE: ReviewScope = { cityId: CORK, countryIso2: 'IE', personId: 'ana' };

/** Every action, with who may do it in that scope. Every write of the review API is one of these. */
const ALLOWED: Record<ReviewAction, string[]> = {
  'narrative.write': ['coordinator Cork', 'editor Cork'],
  'results.read': ['admin', 'secretariat', 'natcom IE', 'coordinator Cork', 'editor Cork'],
  'rubric.write': ['admin', 'secretariat'],
  'round.read': ['admin', 'secretariat'],
  'round.create': ['admin', 'secretariat'],
  'round.update': ['admin', 'secretariat'],
  'round.close': ['admin', 'secretariat'],
  'round.add-cycle': ['admin', 'secretariat'],
  'assignment.create': ['admin', 'secretariat'],
  'assignment.delete': ['admin', 'secretariat'],
  'flag.acknowledge': ['admin', 'secretariat'],
  'round.consolidate': ['admin', 'secretariat'],
  'conflict.withdraw': ['admin', 'secretariat'],
  'expert.profile-read': ['admin', 'secretariat', 'expert Ana'],
  'expert.profile-write': ['admin', 'secretariat', 'expert Ana'],
  'conflict.declare': ['expert Ana'],
  'assignment.read': ['admin', 'secretariat', 'expert Ana'],
  'rating.write': ['expert Ana'],
  'rating.submit': ['expert Ana'],
  'rating.revise': ['expert Ana'],
};

describe('review policy: role by action', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as [ReviewAction, string[]][]) {
    it(`${action}: ${allowed.join(', ') || 'nobody'}`, () => {
      const who = Object.entries(people)
        .filter(([, person]) => can(person, action, SCOPE))
        .map(([name]) => name);
      expect(who).toEqual(allowed);
    });
  }
});

describe('review policy: scope', () => {
  it("a city team writes only its own city's narratives and reads only its own results", () => {
    const dublin: ReviewScope = { cityId: DUBLIN, countryIso2: 'IE', personId: null };
    expect(can(people['editor Cork'] ?? null, 'narrative.write', dublin)).toBe(false);
    expect(can(people['editor Cork'] ?? null, 'results.read', dublin)).toBe(false);
    expect(can(people['editor Dublin'] ?? null, 'narrative.write', dublin)).toBe(true);
  });

  it('a National Commission reads only the results of its own country', () => {
    expect(can(people['natcom IE'] ?? null, 'results.read', { cityId: 'x', countryIso2: 'FR', personId: null })).toBe(
      false,
    );
  });

  it("an expert never acts on another reviewer's assignment, and needs someone's assignment to act on", () => {
    for (const action of ['rating.write', 'rating.submit', 'rating.revise', 'assignment.read'] as const) {
      expect(can(people['expert Ben'] ?? null, action, SCOPE)).toBe(false);
      expect(can(people['expert Ana'] ?? null, action, { ...SCOPE, personId: null })).toBe(false);
    }
  });
});
