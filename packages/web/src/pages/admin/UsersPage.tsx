import type {
  CitiesResponse,
  CountriesResponse,
  GrantOut,
  InvitationOut,
  MeResponse,
  ScopeRef,
  UserOut,
} from '@lco/core';
import { isLang, type Lang } from '@lco/core/i18n';
import { isRole, ROLE_SCOPE, type Role } from '@lco/core/roles';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, DialogTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, SubmitButton, TextInput, useProblem } from '../../components/forms.tsx';
import { AppModal } from '../../components/Modal.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { GrantLabel, offerableRoles, Time, useDateFormat } from '../../components/roles.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/i18n.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/accounts.css';
import '../../styles/admin.css';

const LANGUAGE_OPTIONS: readonly Option[] = LANGUAGES.map((lang) => ({ id: lang, text: LANGUAGE_NAMES[lang], lang }));

type Offer = ReturnType<typeof offerableRoles>;

export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.administration'));
  return <RequireSession>{(me) => <Users me={me} />}</RequireSession>;
}

/** Conflicts name the situation in English; the ones this page meets are said in the interface language. */
function useChangeProblem() {
  const { t } = useTranslation();
  const problem = useProblem();
  return (error: ApiError): string => {
    if (error.status === 409) {
      if (/last administrator/.test(error.message)) return t('users.lastAdmin');
      if (/already holds/.test(error.message)) return t('users.alreadyHolds');
      if (/revoked meanwhile/.test(error.message)) return t('users.alreadyRevoked');
    }
    if (error.status === 404) return t('users.gone');
    return problem.message(error);
  };
}

function Users({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const users = useApi<{ items: UserOut[] }>('/users', {}, { personal: true });
  const invitations = useApi<{ items: InvitationOut[] }>('/invitations', {}, { personal: true });
  const offer = offerableRoles(me);
  const [status, setStatus] = useState<string>();

  if (users.error?.status === 403) return <NotAllowed />;

  return (
    <div className="page page--admin">
      <PageHeading>{t('workspaces.administration')}</PageHeading>
      <p className="lead">{t('users.intro')}</p>

      {offer.roles.length > 0 ? (
        <InviteForm
          offer={offer}
          onInvited={(email) => {
            setStatus(t('users.invited', { email }));
            invitations.retry();
          }}
        />
      ) : null}
      <FormStatus>{status}</FormStatus>

      <section className="admin-section" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('users.people')}</h2>
        {users.error ? (
          <PageError error={users.error} onRetry={users.retry} />
        ) : !users.data ? (
          <Loading />
        ) : users.data.items.length === 0 ? (
          <p>{t('users.nobody')}</p>
        ) : (
          <ul className="people">
            {users.data.items.map((user) => (
              <Person
                key={user.id}
                user={user}
                offer={offer}
                onChanged={(message) => {
                  setStatus(message);
                  users.retry();
                }}
              />
            ))}
          </ul>
        )}
      </section>

      {/* The table's scrolling region carries the heading's name; the block itself is no second landmark. */}
      <div className="admin-section">
        <h2 id="invitations-heading">{t('users.invitations')}</h2>
        {invitations.error ? (
          <PageError error={invitations.error} onRetry={invitations.retry} />
        ) : !invitations.data ? (
          <Loading lines={2} />
        ) : invitations.data.items.length === 0 ? (
          <p>{t('users.noInvitations')}</p>
        ) : (
          <InvitationTable items={invitations.data.items} />
        )}
      </div>
    </div>
  );
}

interface ScopeChoice {
  role: Role | '';
  /** A city slug or a country code, as the role's scope needs; '' for none yet. */
  scope: string;
}

function scopeRef(choice: ScopeChoice): ScopeRef | undefined {
  if (choice.role === '' || choice.scope === '') return undefined;
  const kind = ROLE_SCOPE[choice.role];
  if (kind === 'city') return { city: choice.scope };
  if (kind === 'country') return { country: choice.scope };
  return undefined;
}

/** Role, then the city or country it covers when it covers one: the scope list follows the role. */
function RoleScopeFields({
  offer,
  value,
  onChange,
  errors,
}: {
  offer: Offer;
  value: ScopeChoice;
  onChange: (value: ScopeChoice) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const kind = value.role === '' ? undefined : ROLE_SCOPE[value.role];
  const cities = useApi<CitiesResponse>(kind === 'city' ? '/cities' : null, { pageSize: 500 });
  const countries = useApi<CountriesResponse>(kind === 'country' ? '/countries' : null);

  const roleOptions: Option[] = offer.roles.map((role) => ({ id: role, text: t(`roles.${role}`) }));
  const cityOptions: Option[] = (cities.data?.items ?? [])
    .filter((city) => offer.cities === null || offer.cities.includes(city.slug))
    .map((city) => ({ id: city.slug, text: `${city.name} (${city.country.name.text})` }))
    .sort((a, b) => a.text.localeCompare(b.text, lang));
  const countryOptions: Option[] = (countries.data?.items ?? [])
    .map((country) => ({ id: country.iso2, text: country.name.text }))
    .sort((a, b) => a.text.localeCompare(b.text, lang));

  return (
    <>
      <SelectField
        label={t('users.role')}
        name="role"
        isRequired
        options={roleOptions}
        value={value.role}
        onChange={(id) => {
          if (isRole(id)) onChange({ role: id, scope: '' });
        }}
        errorMessage={errors.role}
      />
      {kind === 'city' ? (
        <SelectField
          label={t('users.city')}
          name="city"
          isRequired
          isDisabled={!cities.data}
          description={cities.data ? undefined : t('common.loading')}
          options={cityOptions}
          value={value.scope}
          onChange={(id) => onChange({ ...value, scope: id })}
          errorMessage={errors['scope.city'] ?? errors.scope}
        />
      ) : kind === 'country' ? (
        <SelectField
          label={t('users.country')}
          name="country"
          isRequired
          isDisabled={!countries.data}
          description={countries.data ? undefined : t('common.loading')}
          options={countryOptions}
          value={value.scope}
          onChange={(id) => onChange({ ...value, scope: id })}
          errorMessage={errors['scope.country'] ?? errors.scope}
        />
      ) : kind === 'network' ? (
        <p className="field__note">{t('users.networkScope')}</p>
      ) : null}
    </>
  );
}

function InviteForm({ offer, onInvited }: { offer: Offer; onInvited: (email: string) => void }) {
  const { t } = useTranslation();
  const ui = useLang();
  const problem = useProblem();
  const changeProblem = useChangeProblem();
  const [choice, setChoice] = useState<ScopeChoice>({ role: '', scope: '' });
  const [lang, setLang] = useState<Lang>(ui);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (choice.role === '') return;
    setBusy(true);
    setError(undefined);
    try {
      const address = email.trim();
      await apiSend<InvitationOut>('POST', '/invitations', {
        email: address,
        role: choice.role,
        scope: scopeRef(choice),
        lang,
      });
      setEmail('');
      setChoice({ role: '', scope: '' });
      onInvited(address);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-section panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.invite')}</h2>
      <p>{t('users.inviteIntro')}</p>
      <Form className="form form--grid" onSubmit={onSubmit} validationErrors={problem.fields(error)}>
        {error ? <FormAlert>{changeProblem(error)}</FormAlert> : null}
        <TextInput
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="off"
          isRequired
          value={email}
          onChange={setEmail}
        />
        <RoleScopeFields offer={offer} value={choice} onChange={setChoice} errors={problem.fields(error)} />
        <SelectField
          label={t('users.mailLanguage')}
          name="lang"
          options={LANGUAGE_OPTIONS}
          value={lang}
          onChange={(id) => {
            if (isLang(id)) setLang(id);
          }}
        />
        <div className="form__actions">
          <SubmitButton busy={busy}>{t('users.sendInvitation')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function Person({ user, offer, onChanged }: { user: UserOut; offer: Offer; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  // A revoked role's button leaves with the role when the list is read again, and the focus with it:
  // once the person's new roles arrive, the focus goes to the person instead of the page's start.
  const focusAfterReload = useRef(false);
  useEffect(() => {
    if (focusAfterReload.current && user.grants) {
      focusAfterReload.current = false;
      heading.current?.focus();
    }
  }, [user.grants]);
  const revoked = (message: string) => {
    focusAfterReload.current = true;
    onChanged(message);
  };
  const mayRevoke = (grant: GrantOut) =>
    offer.roles.includes(grant.role) &&
    (offer.cities === null || (grant.scope?.kind === 'city' && offer.cities.includes(grant.scope.ref)));

  return (
    <li className="person">
      <div className="person__head">
        <h3 ref={heading} className="person__name" tabIndex={-1}>
          {user.displayName}
        </h3>
        <p className="person__email">
          <bdi>{user.email}</bdi>
        </p>
        <p className="person__meta">
          <span lang={user.preferredLang}>{LANGUAGE_NAMES[user.preferredLang]}</span>
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">, </span>
          {t('users.joined', { date: format.date(user.createdAt) })}
          {user.disabled ? (
            <>
              {' '}
              <span className="badge badge--muted">{t('users.disabled')}</span>
            </>
          ) : null}
        </p>
      </div>
      {user.grants.length === 0 ? (
        <p className="person__none">{t('users.noRoles')}</p>
      ) : (
        <ul className="grant-list" aria-label={t('users.rolesOf', { name: user.displayName })}>
          {user.grants.map((grant) => (
            <li key={grant.id} className="grant-list__item">
              <span className="badge badge--role">
                <GrantLabel role={grant.role} scopeName={grant.scope?.name} />
              </span>
              {mayRevoke(grant) ? <RevokeButton user={user} grant={grant} onRevoked={revoked} /> : null}
            </li>
          ))}
        </ul>
      )}
      {offer.roles.length > 0 ? <GrantButton user={user} offer={offer} onGranted={onChanged} /> : null}
    </li>
  );
}

function RevokeButton({
  user,
  grant,
  onRevoked,
}: {
  user: UserOut;
  grant: GrantOut;
  onRevoked: (message: string) => void;
}) {
  const { t } = useTranslation();
  const changeProblem = useChangeProblem();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const role = t(`roles.${grant.role}`);
  const label = grant.scope ? `${role} — ${grant.scope.name}` : role;

  const revoke = async (close: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('DELETE', `/role-grants/${grant.id}`);
      close();
      onRevoked(t('users.revoked', { role: label, name: user.displayName }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogTrigger onOpenChange={() => setError(undefined)}>
      <Button className="text-link-button" aria-label={t('users.revokeLabel', { role: label, name: user.displayName })}>
        {t('users.revoke')}
      </Button>
      <AppModal title={t('users.revokeTitle')} role="alertdialog">
        {(close) => (
          <>
            <p>{t('users.revokeText', { role: label, name: user.displayName, email: user.email })}</p>
            {error ? <FormAlert>{changeProblem(error)}</FormAlert> : null}
            <div className="dialog__actions">
              <Button className="button button--secondary" onPress={close} autoFocus>
                {t('users.cancel')}
              </Button>
              <BusyButton className="button button--danger" busy={busy} onPress={() => void revoke(close)}>
                {t('users.revoke')}
              </BusyButton>
            </div>
          </>
        )}
      </AppModal>
    </DialogTrigger>
  );
}

function GrantButton({
  user,
  offer,
  onGranted,
}: {
  user: UserOut;
  offer: Offer;
  onGranted: (message: string) => void;
}) {
  const { t } = useTranslation();
  const problem = useProblem();
  const changeProblem = useChangeProblem();
  const [choice, setChoice] = useState<ScopeChoice>({ role: '', scope: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const grant = async (event: FormEvent<HTMLFormElement>, close: () => void) => {
    event.preventDefault();
    if (busy) return;
    if (choice.role === '') return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/users/${user.id}/roles`, { role: choice.role, scope: scopeRef(choice) });
      close();
      onGranted(t('users.granted', { role: t(`roles.${choice.role}`), name: user.displayName }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) {
          setChoice({ role: '', scope: '' });
          setError(undefined);
        }
      }}
    >
      <Button className="button button--secondary button--small">
        {t('users.grant')}
        <span className="visually-hidden"> — {user.displayName}</span>
      </Button>
      <AppModal title={t('users.grantTitle', { name: user.displayName })}>
        {(close) => (
          <Form
            className="form"
            onSubmit={(event) => void grant(event, close)}
            validationErrors={problem.fields(error)}
          >
            {error ? <FormAlert>{changeProblem(error)}</FormAlert> : null}
            <RoleScopeFields offer={offer} value={choice} onChange={setChoice} errors={problem.fields(error)} />
            <div className="dialog__actions">
              <Button className="button button--secondary" onPress={close}>
                {t('users.cancel')}
              </Button>
              <SubmitButton busy={busy}>{t('users.grantSubmit')}</SubmitButton>
            </div>
          </Form>
        )}
      </AppModal>
    </DialogTrigger>
  );
}

const STATUS_ICONS: Record<InvitationOut['status'], string> = {
  pending: '◷',
  accepted: '✓',
  expired: '⌛',
  revoked: '✕',
};

function InvitationTable({ items }: { items: readonly InvitationOut[] }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="invitations-heading" tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('auth.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.expires')}</th>
            <th scope="col">{t('users.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((invitation) => (
            <tr key={invitation.id}>
              <td>
                <bdi>{invitation.email}</bdi>
              </td>
              <td className="nowrap">
                <GrantLabel role={invitation.role} scopeName={invitation.scope?.name} />
              </td>
              <td>
                <Time iso={invitation.expiresAt} withTime={false} />
              </td>
              <td>
                <span className={`status status--${invitation.status}`}>
                  <span aria-hidden="true">{STATUS_ICONS[invitation.status]} </span>
                  {t(`invitationStatus.${invitation.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
