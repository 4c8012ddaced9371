import type { AssignmentOut, CitiesResponse, ExpertProfile, MeResponse } from '@lco/core';
import { type FormEvent, useState } from 'react';
import { FieldError, Form, Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { FormAlert, FormStatus, SubmitButton, TextInput } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DaysLeft, useReviewProblem } from '../../components/review/common.tsx';
import { Time } from '../../components/roles.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/accounts.css';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';
import '../../styles/review.css';

/** An assignment's state in words, with a symbol so colour is never alone. */
export function AssignmentState({ assignment }: { assignment: Pick<AssignmentOut, 'state'> }) {
  const { t } = useTranslation();
  const symbol = { assigned: '○', submitted: '●', recused: '⊘' }[assignment.state];
  return (
    <span className={`assignment-state assignment-state--${assignment.state}`}>
      <span aria-hidden="true">{symbol} </span>
      {t(`review.assignmentState.${assignment.state}`)}
    </span>
  );
}

/** "12 of 18" with a bar beside it (the numbers carry the meaning). */
export function Progress({ rated, total }: { rated: number; total: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  return (
    <span className="rated">
      <span className="rated__text">
        {t('review.inbox.rated', { rated: number.format(rated), total: number.format(total) })}
      </span>
      <span className="rated__bar" aria-hidden="true">
        <span className="rated__fill" style={{ inlineSize: `${total === 0 ? 0 : (100 * rated) / total}%` }} />
      </span>
    </span>
  );
}

function Assignments({ items }: { items: AssignmentOut[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="notice">{t('review.inbox.none')}</p>;
  const sorted = [...items].sort(
    (a, b) => Number(a.state !== 'assigned') - Number(b.state !== 'assigned') || a.deadline.localeCompare(b.deadline),
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="assignments-heading" tabIndex={0}>
      <table className="data-table inbox-table">
        <thead>
          <tr>
            <th scope="col">{t('review.inbox.city')}</th>
            <th scope="col">{t('review.inbox.round')}</th>
            <th scope="col">{t('review.inbox.deadline')}</th>
            <th scope="col">{t('review.inbox.progress')}</th>
            <th scope="col">{t('review.inbox.state')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/review/assignments/${a.id}`}>
                  {t('review.inbox.cityYear', { city: a.cityName, year: String(a.year) })}
                </Link>
              </th>
              <td>{a.roundName}</td>
              <td>
                {a.state === 'assigned' && a.roundState === 'open' ? (
                  <DaysLeft deadline={a.deadline} />
                ) : (
                  <Time iso={a.deadline} withTime={false} />
                )}
              </td>
              <td>
                <Progress rated={a.rated} total={a.measurements} />
              </td>
              <td>
                <AssignmentState assignment={a} />
                {a.flagged.length > 0 ? (
                  <>
                    <br />
                    <span className="flag-note">
                      <span aria-hidden="true">⚑ </span>
                      {t('review.inbox.flagged', { n: a.flagged.length })}
                    </span>
                  </>
                ) : null}
                {a.submittedAt ? (
                  <>
                    <br />
                    <span className="muted">
                      <Time iso={a.submittedAt} withTime={false} />
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The expert's country (the same-country rule) and her declared conflicts of interest. */
function Profile({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const profile = useApi<ExpertProfile>(`/review/experts/${me.user.id}`, {}, { personal: true });
  const cities = useApi<CitiesResponse>('/cities', { pageSize: 500 });
  const [country, setCountry] = useState<string>();
  const [city, setCity] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'country' | 'conflict' | null>(null);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [fresh, setFresh] = useState<ExpertProfile>();
  const current = fresh ?? profile.data;

  if (profile.error) return <PageError error={profile.error} onRetry={profile.retry} />;
  if (!current) return <Loading lines={2} />;

  const saveCountry = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy('country');
    setError(undefined);
    setDone('');
    try {
      setFresh(
        await apiSend<ExpertProfile>('PUT', `/review/experts/${me.user.id}`, {
          countryIso2: (country ?? current.countryIso2 ?? '').trim(),
        }),
      );
      setDone(t('review.profile.countrySaved'));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const declare = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy('conflict');
    setError(undefined);
    setDone('');
    try {
      setFresh(await apiSend<ExpertProfile>('POST', '/review/me/conflicts', { city, reason }));
      setDone(t('review.profile.declared'));
      setCity('');
      setReason('');
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="expert-profile">
      <Form className="form form--inline" onSubmit={saveCountry}>
        <TextInput
          label={t('review.profile.country')}
          description={t('review.profile.countryHint')}
          value={country ?? current.countryIso2 ?? ''}
          onChange={setCountry}
          maxLength={2}
          isRequired
        />
        <div className="form__actions">
          <SubmitButton busy={busy === 'country'}>{t('review.profile.saveCountry')}</SubmitButton>
        </div>
      </Form>
      <h3>{t('review.profile.conflictsHeading')}</h3>
      {current.conflicts.length === 0 ? (
        <p>{t('review.profile.noConflicts')}</p>
      ) : (
        <ul className="plain-list conflicts">
          {current.conflicts.map((c) => (
            <li key={c.city}>
              <strong>{c.cityName}</strong> · <Time iso={c.declaredAt} withTime={false} />
              <br />
              <span dir="auto">{c.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <Form className="form" onSubmit={declare} aria-label={t('review.profile.declareLabel')}>
        <p className="field__description">{t('review.profile.declareHint')}</p>
        <SelectField
          label={t('review.profile.city')}
          options={(cities.data?.items ?? []).map((c) => ({ id: c.slug, text: c.name }))}
          value={city}
          onChange={setCity}
          isRequired
        />
        <TextField className="field" value={reason} onChange={setReason} isRequired>
          <Label className="field__label">{t('review.profile.reason')}</Label>
          <TextArea className="field__input field__textarea" rows={3} dir="auto" />
          <FieldError className="field__error">{t('form.required')}</FieldError>
        </TextField>
        <div className="form__actions">
          <SubmitButton busy={busy === 'conflict'}>{t('review.profile.declare')}</SubmitButton>
        </div>
      </Form>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}

function Inbox({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('review.inbox.title'));
  const expert = me.user.grants.some((g) => g.role === 'expert');
  const list = useApi<{ items: AssignmentOut[] }>(expert ? '/review/me/assignments' : null, {}, { personal: true });
  if (!expert) return <NotAllowed />;
  return (
    <div className="page page--review">
      <PageHeading>{t('review.inbox.title')}</PageHeading>
      <p>{t('review.inbox.intro')}</p>
      <section aria-labelledby="assignments-heading" className="workspace-section">
        <h2 id="assignments-heading">{t('review.inbox.assignments')}</h2>
        {list.error ? (
          <PageError error={list.error} onRetry={list.retry} />
        ) : list.data ? (
          <Assignments items={list.data.items} />
        ) : (
          <Loading lines={3} />
        )}
      </section>
      <section aria-labelledby="profile-heading" className="workspace-section">
        <h2 id="profile-heading">{t('review.profile.heading')}</h2>
        <Profile me={me} />
      </section>
    </div>
  );
}

/** The reviewer's inbox: her assignments with deadlines and progress, and her country and conflicts. */
export default function InboxPage() {
  return <RequireSession>{(me) => <Inbox me={me} />}</RequireSession>;
}
