import type { InvitationPreview, MeResponse } from '@lco/core';
import { isLang, type Lang } from '@lco/core/i18n';
import { type FormEvent, useEffect, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../api/client.ts';
import { useMe } from '../api/session.tsx';
import { FormAlert, SubmitButton, TextInput, useProblem } from '../components/forms.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { GrantLabel, Time } from '../components/roles.tsx';
import { type Option, SelectField } from '../components/SelectField.tsx';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFragmentToken } from '../components/useFragmentToken.ts';
import { changeLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/i18n.ts';
import { useLang } from '../i18n/useLang.ts';
import '../styles/accounts.css';

const LANGUAGE_OPTIONS: readonly Option[] = LANGUAGES.map((lang) => ({ id: lang, text: LANGUAGE_NAMES[lang], lang }));

/** Why a link cannot be used, in words for the person holding it. */
function LinkProblem({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const problem = useProblem();
  const invalid =
    error.problem?.type === '/problems/invalid-token' || error.problem?.errors?.some((e) => e.field === 'token');
  const text =
    error.status === 409
      ? t('invitation.used')
      : error.status === 410
        ? t('invitation.expired')
        : invalid
          ? t('invitation.unknown')
          : problem.message(error);
  return (
    <div className="notice notice--warning" role="alert">
      <p>{text}</p>
      <p>
        {error.status === 409 ? (
          <Link href="/sign-in">{t('session.signIn')}</Link>
        ) : (
          <Link href="/">{t('nav.home')}</Link>
        )}
      </p>
    </div>
  );
}

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const token = useFragmentToken();
  const ui = useLang();
  const navigate = useNavigate();
  const { signedIn } = useMe();
  const problem = useProblem();

  const [preview, setPreview] = useState<InvitationPreview>();
  const [previewError, setPreviewError] = useState<ApiError>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [lang, setLang] = useState<Lang>(ui);

  // The preview is a POST (the token belongs in a body, never in an address), so it is not useApi.
  useEffect(() => {
    if (!token) return;
    let current = true;
    setPreview(undefined);
    setPreviewError(undefined);
    apiSend<InvitationPreview>('POST', '/invitations/preview', { token }).then(
      (answer) => current && setPreview(answer),
      (caught: unknown) => current && setPreviewError(asApiError(caught)),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!preview || !token) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const body = preview.existingAccount
        ? { token }
        : { token, displayName: String(form.get('displayName') ?? '').trim(), password, preferredLang: lang };
      const me = await apiSend<MeResponse>('POST', '/invitations/accept', body);
      signedIn(me);
      if (!preview.existingAccount && lang !== ui) await changeLanguage(lang);
      navigate('/account', { replace: true });
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  const body = () => {
    if (!token) {
      return (
        <div className="notice notice--warning">
          <p>{t('invitation.noToken')}</p>
        </div>
      );
    }
    if (previewError) return <LinkProblem error={previewError} />;
    if (!preview) return <Loading lines={2} />;
    // Used or expired between the preview and the press: the link itself is the problem, not the form.
    if (error?.problem?.type === '/problems/invalid-token') return <LinkProblem error={error} />;
    return (
      <>
        <dl className="facts invitation-facts">
          <div>
            <dt>{t('invitation.role')}</dt>
            <dd>
              <strong>
                <GrantLabel role={preview.role} scopeName={preview.scopeName} />
              </strong>
            </dd>
          </div>
          <div>
            <dt>{t('auth.email')}</dt>
            <dd>
              <bdi>{preview.email}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('invitation.validUntil')}</dt>
            <dd>
              <Time iso={preview.expiresAt} />
            </dd>
          </div>
        </dl>
        <Form className="form" onSubmit={onSubmit} validationErrors={problem.fields(error)}>
          {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
          {preview.existingAccount ? (
            <p>{t('invitation.existingAccount', { email: preview.email })}</p>
          ) : (
            <>
              <p>{t('invitation.newAccount')}</p>
              <TextInput
                label={t('account.displayName')}
                description={t('account.displayNameHint')}
                name="displayName"
                autoComplete="name"
                maxLength={120}
                isRequired
              />
              <NewPasswordFields
                label={t('auth.choosePassword')}
                name="password"
                value={password}
                onChange={setPassword}
              />
              <SelectField
                label={t('account.language')}
                name="preferredLang"
                options={LANGUAGE_OPTIONS}
                value={lang}
                onChange={(id) => {
                  if (isLang(id)) setLang(id);
                }}
              />
            </>
          )}
          <div className="form__actions">
            <SubmitButton busy={busy}>
              {preview.existingAccount ? t('invitation.accept') : t('invitation.createAndAccept')}
            </SubmitButton>
          </div>
        </Form>
      </>
    );
  };

  return (
    <div className="auth-page">
      <PageHeading>{t('invitation.title')}</PageHeading>
      <div className="auth-card">{body()}</div>
    </div>
  );
}
