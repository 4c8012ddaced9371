import { type FormEvent, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../api/client.ts';
import { useMe } from '../api/session.tsx';
import { FormAlert, SubmitButton, useProblem } from '../components/forms.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFragmentToken } from '../components/useFragmentToken.ts';
import '../styles/accounts.css';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.resetTitle'));
  const token = useFragmentToken();
  const { refresh } = useMe();
  const problem = useProblem();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [password, setPassword] = useState('');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', '/auth/password-reset/complete', { token, newPassword: password });
      setDone(true);
      // The server ended every session of the account, perhaps this one: the header must know.
      void refresh();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const fields = problem.fields(error);
  const badLink = error?.problem?.type === '/problems/invalid-token' || 'token' in fields;

  return (
    <div className="auth-page">
      <PageHeading>{t('auth.resetTitle')}</PageHeading>
      <div className="auth-card">
        {done ? (
          <div className="form-success" role="status">
            <p>{t('auth.resetDone')}</p>
            <p>
              <Link className="button" href="/sign-in">
                {t('session.signIn')}
              </Link>
            </p>
          </div>
        ) : !token || badLink ? (
          <div className="notice notice--warning" role={badLink ? 'alert' : undefined}>
            <p>{token ? t('auth.resetBadLink') : t('auth.resetNoToken')}</p>
            <p>
              <Link href="/forgot-password">{t('auth.resetAskAgain')}</Link>
            </p>
          </div>
        ) : (
          <Form className="form" onSubmit={onSubmit} validationErrors={fields}>
            {error ? <FormAlert>{problem.message(error)}</FormAlert> : null}
            <NewPasswordFields name="newPassword" value={password} onChange={setPassword} />
            <div className="form__actions">
              <SubmitButton busy={busy}>{t('auth.resetSave')}</SubmitButton>
            </div>
          </Form>
        )}
      </div>
    </div>
  );
}
