import { ROLES, type Role } from '@lco/core';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/security/actor.ts';
import { type AccountAction, can } from './accounts.policy.ts';

const CORK = 'city-cork';
const DUBLIN = 'city-dublin';

function actor(...grants: Grant[]): Actor {
  return { userId: 'me', email: 'me@example.org', sessionId: 's', grants };
}

const people: Record<string, Actor> = {
  admin: actor({ role: 'admin', scopeId: null }),
  secretariat: actor({ role: 'secretariat', scopeId: null }),
  'natcom IE': actor({ role: 'natcom', scopeId: 'IE' }),
  'coordinator Cork': actor({ role: 'city-coordinator', scopeId: CORK }),
  'editor Cork': actor({ role: 'city-editor', scopeId: CORK }),
  expert: actor({ role: 'expert', scopeId: null }),
  jury: actor({ role: 'jury', scopeId: null }),
  nobody: actor(),
};

const scopeFor = (role: Role, city = CORK) =>
  role === 'natcom' ? 'IE' : role === 'city-coordinator' || role === 'city-editor' ? city : null;

/** Who may hand out which role (invite, grant, revoke) — in Cork; the Dublin column is the other city. */
const HAND_OUT: Record<string, readonly Role[]> = {
  admin: ROLES,
  secretariat: ['natcom', 'city-coordinator', 'city-editor', 'expert', 'jury'],
  'natcom IE': [],
  'coordinator Cork': ['city-editor'],
  'editor Cork': [],
  expert: [],
  jury: [],
  nobody: [],
};

describe('accounts policy: who may hand out which role', () => {
  for (const [name, who] of Object.entries(people)) {
    for (const role of ROLES) {
      for (const verb of ['role.grant', 'role.revoke', 'invitation.create'] as const) {
        const expected = HAND_OUT[name]?.includes(role) ?? false;
        it(`${name} ${expected ? 'may' : 'may not'} ${verb} ${role} in Cork`, () => {
          expect(can(who, { action: verb, role, scopeId: scopeFor(role) })).toBe(expected);
        });
      }
    }
  }

  it("no city coordinator acts in another city's name", () => {
    for (const verb of ['role.grant', 'role.revoke', 'invitation.create'] as const) {
      expect(can(people['coordinator Cork'] as Actor, { action: verb, role: 'city-editor', scopeId: DUBLIN })).toBe(
        false,
      );
    }
  });
});

describe('accounts policy: reading', () => {
  const cases: [string, AccountAction, string[]][] = [
    ['list users', { action: 'user.list' }, ['admin', 'secretariat', 'coordinator Cork']],
    ['list invitations', { action: 'invitation.list' }, ['admin', 'secretariat', 'coordinator Cork']],
    ['read the whole audit trail', { action: 'audit.read-all' }, ['admin', 'secretariat']],
    ["read Cork's audit trail", { action: 'audit.read', scopeId: CORK }, ['admin', 'secretariat', 'coordinator Cork']],
    ["read Dublin's audit trail", { action: 'audit.read', scopeId: DUBLIN }, ['admin', 'secretariat']],
    ['read the outbox', { action: 'outbox.read' }, ['admin']],
    ['disable another user', { action: 'user.disable', userId: 'someone-else' }, ['admin']],
    ['disable themself', { action: 'user.disable', userId: 'me' }, []],
  ];
  for (const [label, action, allowed] of cases) {
    for (const [name, who] of Object.entries(people)) {
      const expected = allowed.includes(name);
      it(`${name} ${expected ? 'may' : 'may not'} ${label}`, () => expect(can(who, action)).toBe(expected));
    }
  }
});
