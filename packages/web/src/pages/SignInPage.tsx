import type { MeResponse } from '@lco/core';
import { type FormEvent, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../api/client.ts';
import { useMe } from '../api/session.tsx';
import { useApi } from '../api/useApi.ts';
import { FormAlert, PasswordInput, SubmitButton, TextInput, useProblem } from '../components/forms.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../styles/accounts.css';

const SSO_ERRORS = ['sso-unknown-account', 'sso-unverified-email', 'sso-expired', 'sso-failed'] as const;
type SsoError = (typeof SSO_ERRORS)[number];
const isSsoError = (value: string | null): value is SsoError =>
  (SSO_ERRORS as readonly (string | null)[]).includes(value);

/** Only a path of this site is a place to return to (never another origin, nor the sign-in page itself). */
function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/sign-in')) return null;
  return next;
}

export default function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signInTitle'));
  const { me, signedIn } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const ssoError = params.get('error');
  const problem = useProblem();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // Single sign-on shows only where the server offers it (404: the feature is not there at all).
  const oidc = useApi<{ enabled: boolean }>('/auth/oidc', {}, { personal: true });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const answer = await apiSend<MeResponse>('POST', '/auth/sign-in', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      signedIn(answer);
      navigate(next ?? '/account', { replace: true });
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <PageHeading>{t('auth.signInTitle')}</PageHeading>
      {isSsoError(ssoError) ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(`auth.sso.${ssoError}`)}</p>
        </div>
      ) : null}
      {me && !busy ? (
        <div className="notice">
          <p>{t('auth.alreadySignedIn', { name: me.user.displayName })}</p>
          <p>
            <Link href={next ?? '/account'}>{next ? t('auth.continue') : t('session.myAccount')}</Link>
          </p>
        </div>
      ) : null}
      <div className="auth-card">
        <Form className="form" onSubmit={onSubmit} validationErrors={problem.fields(error)}>
          {error ? <FormAlert>{error.status === 401 ? t('auth.failed') : problem.message(error)}</FormAlert> : null}
          <TextInput label={t('auth.email')} name="email" type="email" autoComplete="username" isRequired />
          <PasswordInput label={t('auth.password')} name="password" kind="current" isRequired />
          <p className="form__aside">
            <Link href="/forgot-password">{t('auth.forgot')}</Link>
          </p>
          <div className="form__actions">
            <SubmitButton busy={busy}>{t('session.signIn')}</SubmitButton>
          </div>
        </Form>
        {oidc.data?.enabled ? (
          <div className="auth-card__sso">
            <p className="auth-card__or">
              <span>{t('auth.or')}</span>
            </p>
            {/* A full page load: the server sends the browser on to the identity provider. */}
            <a className="button button--secondary button--wide" href="/api/v1/auth/oidc/start">
              {t('auth.sso.button')}
            </a>
          </div>
        ) : null}
      </div>
    </div>
  );
}
