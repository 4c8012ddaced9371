import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/security/actor.ts';
import { can, type ImportAction } from './observation-import.policy.ts';

const CORK = { cityId: 'city-cork', countryIso2: 'IE' };
const BRISTOL = { cityId: 'city-bristol', countryIso2: 'GB' };

function actor(...grants: Grant[]): Actor {
  return { userId: 'me', email: 'me@example.org', sessionId: 's', grants };
}

const people: Record<string, Actor | null> = {
  admin: actor({ role: 'admin', scopeId: null }),
  secretariat: actor({ role: 'secretariat', scopeId: null }),
  'natcom IE': actor({ role: 'natcom', scopeId: 'IE' }),
  'coordinator Cork': actor({ role: 'city-coordinator', scopeId: CORK.cityId }),
  'editor Cork': actor({ role: 'city-editor', scopeId: CORK.cityId }),
  'editor Bristol': actor({ role: 'city-editor', scopeId: BRISTOL.cityId }),
  expert: actor({ role: 'expert', scopeId: null }),
  anonymous: null,
};

/** Who may do what with Cork's observation files (the network-wide import has no city). */
const ALLOWED: Record<ImportAction, string[]> = {
  'observations.import': ['coordinator Cork', 'editor Cork'],
  'observations.export-unpublished': ['admin', 'secretariat', 'natcom IE', 'coordinator Cork', 'editor Cork'],
  'observations.import-network': ['admin', 'secretariat'],
};

describe('observation files policy', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as [ImportAction, string[]][]) {
    it(`${action}: ${allowed.join(', ')}`, () => {
      const city = action === 'observations.import-network' ? null : CORK;
      const who = Object.entries(people)
        .filter(([, person]) => can(person, action, city))
        .map(([name]) => name);
      expect(who).toEqual(allowed);
    });
  }

  it('a city import needs a city', () => {
    expect(can(people['editor Cork'] ?? null, 'observations.import', null)).toBe(false);
  });
});
