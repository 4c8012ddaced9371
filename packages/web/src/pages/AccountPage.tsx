import type { MeResponse, SessionOut } from '@lco/core';
import { isLang, type Lang } from '@lco/core/i18n';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../api/client.ts';
import { useMe } from '../api/session.tsx';
import { useApi } from '../api/useApi.ts';
import { PageError, RequireSession } from '../components/Access.tsx';
import {
  BusyButton,
  FormAlert,
  FormStatus,
  PasswordInput,
  SubmitButton,
  TextInput,
  useProblem,
} from '../components/forms.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { GrantLabel, useDateFormat } from '../components/roles.tsx';
import { type Option, SelectField } from '../components/SelectField.tsx';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { changeLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/i18n.ts';
import { useLang } from '../i18n/useLang.ts';
import '../styles/accounts.css';

const LANGUAGE_OPTIONS: readonly Option[] = LANGUAGES.map((lang) => ({ id: lang, text: LANGUAGE_NAMES[lang], lang }));

export default function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('session.myAccount'));
  return <RequireSession>{(me) => <Account me={me} />}</RequireSession>;
}

function Account({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  return (
    <div className="page page--account">
      <PageHeading>{t('session.myAccount')}</PageHeading>
      <p className="lead">
        {t('account.signedInAs', { name: me.user.displayName })} <bdi className="muted">{me.user.email}</bdi>
      </p>
      <div className="account-grid">
        <section className="panel" aria-labelledby="account-roles">
          <h2 id="account-roles">{t('account.roles')}</h2>
          {me.user.grants.length === 0 ? (
            <p>{t('account.noRoles')}</p>
          ) : (
            <ul className="grant-list">
              {me.user.grants.map((grant) => (
                <li key={grant.id}>
                  <span className="badge badge--role">
                    <GrantLabel role={grant.role} scopeName={grant.scope?.name} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Profile me={me} />
        <PasswordChange me={me} />
      </div>
      <Sessions />
    </div>
  );
}

function Profile({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const ui = useLang();
  const { signedIn } = useMe();
  const problem = useProblem();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [lang, setLang] = useState<Lang>(me.user.preferredLang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const answer = await apiSend<MeResponse>('PATCH', '/me', {
        displayName: displayName.trim(),
        preferredLang: lang,
      });
      signedIn(answer);
      // The language one chooses for one's account is the language one wants to read now.
      if (lang !== ui) await changeLanguage(lang);
      setSaved(true);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('account.profile')}</h2>
      <Form className="form" onSubmit={onSubmit} validationErrors={problem.fields(error)}>
        {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
        <TextInput
          label={t('account.displayName')}
          description={t('account.displayNameHint')}
          name="displayName"
          autoComplete="name"
          maxLength={120}
          isRequired
          value={displayName}
          onChange={(value) => {
            setDisplayName(value);
            setSaved(false);
          }}
        />
        <SelectField
          label={t('account.language')}
          description={t('account.languageHint')}
          name="preferredLang"
          options={LANGUAGE_OPTIONS}
          value={lang}
          onChange={(id) => {
            if (isLang(id)) setLang(id);
            setSaved(false);
          }}
        />
        <div className="form__actions">
          <SubmitButton busy={busy}>{t('account.save')}</SubmitButton>
        </div>
        <FormStatus>{saved ? t('account.saved') : null}</FormStatus>
      </Form>
    </section>
  );
}

function PasswordChange({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const problem = useProblem();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const [password, setPassword] = useState('');
  // A new key empties the form after a change (no password stays in the page).
  const [round, setRound] = useState(0);

  if (!me.user.hasPassword) {
    return (
      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.password')}</h2>
        <p>{t('account.noPassword')}</p>
      </section>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await apiSend('POST', '/me/password', {
        currentPassword: String(form.get('currentPassword') ?? ''),
        newPassword: password,
      });
      setDone(true);
      setPassword('');
      setRound((n) => n + 1);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password')}</h2>
      <Form key={round} className="form" onSubmit={onSubmit} validationErrors={problem.fields(error)}>
        {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
        <PasswordInput label={t('account.currentPassword')} name="currentPassword" kind="current" isRequired />
        <NewPasswordFields name="newPassword" value={password} onChange={setPassword} />
        <div className="form__actions">
          <SubmitButton busy={busy}>{t('account.changePassword')}</SubmitButton>
        </div>
      </Form>
      <FormStatus>{done ? t('account.passwordChanged') : null}</FormStatus>
    </section>
  );
}

/** "Chrome · Linux" from a user agent: enough to recognise one's devices, no more. */
function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = [
    [/Edg\//, 'Edge'],
    [/OPR\//, 'Opera'],
    [/Firefox\//, 'Firefox'],
    [/Chrom(e|ium)\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
  const system = [
    [/Android/, 'Android'],
    [/iPhone|iPad/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function Sessions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signOut } = useMe();
  const problem = useProblem();
  const sessions = useApi<{ items: SessionOut[] }>('/me/sessions', {}, { personal: true });
  const format = useDateFormat();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [ended, setEnded] = useState(false);

  const act = async (id: string, action: () => Promise<void>) => {
    setBusy(id);
    setError(undefined);
    setEnded(false);
    try {
      await action();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  const end = (session: SessionOut) =>
    act(session.id, async () => {
      if (session.current) {
        await signOut();
        navigate('/');
        return;
      }
      await apiSend('DELETE', `/me/sessions/${encodeURIComponent(session.id)}`);
      setEnded(true);
      sessions.retry();
    });

  const everywhere = () =>
    act('everywhere', async () => {
      await signOut(true);
      navigate('/sign-in', { replace: true });
    });

  return (
    <section className="panel sessions" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('account.sessions')}</h2>
      <p>{t('account.sessionsIntro')}</p>
      {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
      {sessions.error ? (
        <PageError error={sessions.error} onRetry={sessions.retry} />
      ) : !sessions.data ? (
        <Loading lines={2} />
      ) : (
        <ul className="session-list">
          {sessions.data.items.map((session) => (
            <li key={session.id} className="session-list__item">
              <div className="session-list__text" id={`session-${session.id}`}>
                <p className="session-list__device">
                  {deviceName(session.userAgent) ?? t('account.unknownDevice')}
                  {session.current ? (
                    <>
                      {' '}
                      <span className="badge badge--current">{t('account.thisSession')}</span>
                    </>
                  ) : null}
                </p>
                <p className="session-list__meta">
                  {t('account.sessionTimes', {
                    started: format.dateTime(session.createdAt),
                    seen: format.dateTime(session.lastSeenAt),
                  })}
                  <span aria-hidden="true"> · </span>
                  <span className="visually-hidden">, </span>
                  {session.method === 'oidc' ? t('account.methodOidc') : t('account.methodPassword')}
                  {session.ipAddress ? (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span className="visually-hidden">, </span>
                      <bdi>{session.ipAddress}</bdi>
                    </>
                  ) : null}
                </p>
              </div>
              <BusyButton
                className="button button--secondary button--small"
                aria-describedby={`session-${session.id}`}
                busy={busy === session.id}
                onPress={() => void end(session)}
              >
                {session.current ? t('session.signOut') : t('account.endSession')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <FormStatus>{ended ? t('account.sessionEnded') : null}</FormStatus>
      <div className="sessions__everywhere">
        <p>{t('account.everywhereHint')}</p>
        <BusyButton className="button button--danger" busy={busy === 'everywhere'} onPress={() => void everywhere()}>
          {t('account.signOutEverywhere')}
        </BusyButton>
      </div>
    </section>
  );
}
