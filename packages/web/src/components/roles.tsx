import type { MeResponse } from '@lco/core';
import { ROLES, type Role } from '@lco/core/roles';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/useLang.ts';

/** "City coordinator — Cork", "Administrator": a role and, when it has one, the city or country it covers. */
export function GrantLabel({ role, scopeName }: { role: Role; scopeName: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`roles.${role}`)}
      {scopeName ? (
        <>
          {' — '}
          <bdi>{scopeName}</bdi>
        </>
      ) : null}
    </>
  );
}

/** Dates and times in the interface language ("12 May 2026, 14:05"); `date` alone for days. */
export function useDateFormat(): { dateTime: (iso: string) => string; date: (iso: string) => string } {
  const lang = useLang();
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  return { dateTime: (iso) => dateTime.format(new Date(iso)), date: (iso) => date.format(new Date(iso)) };
}

/** A time element with its machine-readable value. */
export function Time({ iso, withTime = true }: { iso: string; withTime?: boolean }) {
  const format = useDateFormat();
  return <time dateTime={iso}>{withTime ? format.dateTime(iso) : format.date(iso)}</time>;
}

/**
 * The roles this person may hand out, and where. The server decides (accounts.policy.ts); this only
 * spares people choices that would be refused: administrators offer every role, the secretariat every
 * role below its own, a city coordinator city editors for her cities.
 */
export function offerableRoles(me: MeResponse): { roles: readonly Role[]; cities: readonly string[] | null } {
  const held = new Set(me.user.grants.map((g) => g.role));
  if (held.has('admin')) return { roles: ROLES, cities: null };
  if (held.has('secretariat'))
    return { roles: ROLES.filter((r) => r !== 'admin' && r !== 'secretariat'), cities: null };
  return { roles: held.has('city-coordinator') ? ['city-editor'] : [], cities: coordinatorCities(me) };
}

/** The slugs of the cities a person coordinates (what a coordinator's audit trail and invitations cover). */
export function coordinatorCities(me: MeResponse): string[] {
  return me.user.grants.flatMap((g) =>
    g.role === 'city-coordinator' && g.scope?.kind === 'city' ? [g.scope.ref] : [],
  );
}
