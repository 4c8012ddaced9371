import { type FormEvent, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../api/client.ts';
import { FormAlert, SubmitButton, TextInput, useProblem } from '../components/forms.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../styles/accounts.css';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgotTitle'));
  const problem = useProblem();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', '/auth/password-reset', { email });
      setSentTo(email);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <PageHeading>{t('auth.forgotTitle')}</PageHeading>
      <div className="auth-card">
        {sentTo ? (
          // The same answer whether or not the address has an account: the page reveals no one.
          <div className="form-success" role="status">
            <p>{t('auth.forgotSent', { email: sentTo })}</p>
            <p>
              <Link href="/sign-in">{t('auth.backToSignIn')}</Link>
            </p>
          </div>
        ) : (
          <Form className="form" onSubmit={onSubmit} validationErrors={problem.fields(error)}>
            <p>{t('auth.forgotIntro')}</p>
            {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
            <TextInput label={t('auth.email')} name="email" type="email" autoComplete="email" isRequired />
            <div className="form__actions">
              <SubmitButton busy={busy}>{t('auth.forgotSend')}</SubmitButton>
              <Link className="form__secondary-link" href="/sign-in">
                {t('auth.backToSignIn')}
              </Link>
            </div>
          </Form>
        )}
      </div>
    </div>
  );
}
