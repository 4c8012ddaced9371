import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/security/actor.ts';
import { can } from './survey.policy.ts';

const CORK = { cityId: 'cork-id', countryIso2: 'IE' };
const actor = (...grants: Grant[]): Actor => ({ userId: 'u', email: 'u@example.org', sessionId: 's', grants });

describe('survey policy', () => {
  it.each([
    ['the coordinator of the city', actor({ role: 'city-coordinator', scopeId: 'cork-id' }), true],
    ['an editor of the city', actor({ role: 'city-editor', scopeId: 'cork-id' }), true],
    ["another city's coordinator", actor({ role: 'city-coordinator', scopeId: 'dublin-id' }), false],
    ['the secretariat', actor({ role: 'secretariat', scopeId: null }), false],
    ["the country's National Commission", actor({ role: 'natcom', scopeId: 'IE' }), false],
    ['an expert', actor({ role: 'expert', scopeId: null }), false],
  ])('%s: read and write → %s', (_who, who, allowed) => {
    expect(can(who, 'survey.read', CORK)).toBe(allowed);
    expect(can(who, 'survey.write', CORK)).toBe(allowed);
  });

  it('nobody anonymous', () => {
    expect(can(null, 'survey.read', CORK)).toBe(false);
    expect(can(null, 'survey.write', CORK)).toBe(false);
  });
});
