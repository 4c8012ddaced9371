import type { MeResponse, RoundOut } from '@lco/core';
import { type FormEvent, useId, useState } from 'react';
import { FieldError, Form, Input, Label, Link, NumberField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { FormAlert, SubmitButton, TextInput, useProblem } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ALPHA_LEVELS, RULES, useLevelName, useReviewProblem, useRuleName } from '../../components/review/common.tsx';
import { Time } from '../../components/roles.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import '../../styles/accounts.css';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';
import '../../styles/review.css';

export const isStaff = (me: MeResponse) => me.user.grants.some((g) => g.role === 'admin' || g.role === 'secretariat');

/** A round's state in words with a symbol. */
export function RoundState({ state }: { state: RoundOut['state'] }) {
  const { t } = useTranslation();
  const symbol = { open: '○', closed: '⊘', consolidated: '●' }[state];
  return (
    <span className={`round-state round-state--${state}`}>
      <span aria-hidden="true">{symbol} </span>
      {t(`review.roundState.${state}`)}
    </span>
  );
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function Count({
  label,
  value,
  onChange,
  min,
  max,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  return (
    <NumberField className="field" value={value} onChange={onChange} minValue={min} maxValue={max} isRequired>
      <Label className="field__label">{label}</Label>
      <Input className="field__input field__input--number" />
      <FieldError className="field__error">{t('form.required')}</FieldError>
    </NumberField>
  );
}

function CreateRound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = useProblem();
  const say = useReviewProblem();
  const ruleName = useRuleName();
  const levelName = useLevelName();
  const dateId = useId();
  const [name, setName] = useState('');
  const [deadline, setDeadline] = useState(inDays(30));
  const [reminder, setReminder] = useState(7);
  const [level, setLevel] = useState<string>('ordinal');
  const [rule, setRule] = useState<string>('median');
  const [min, setMin] = useState(2);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const round = await apiSend<RoundOut>('POST', '/review/rounds', {
        name: name.trim(),
        // Ratings are due at the end of the chosen day, UTC.
        deadline: `${deadline}T23:59:59Z`,
        reminderDaysBefore: reminder,
        alphaLevel: level,
        consolidationRule: rule,
        minReviewers: min,
      });
      navigate(`/admin/review-rounds/${round.id}`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  const fields = problem.fields(error);
  return (
    <Form className="form round-form" onSubmit={submit} validationErrors={fields}>
      <TextInput label={t('review.rounds.name')} name="name" value={name} onChange={setName} isRequired />
      <div className="field">
        <label className="field__label" htmlFor={dateId}>
          {t('review.rounds.deadline')}
        </label>
        <input
          id={dateId}
          className="field__input"
          type="date"
          required
          min={inDays(1)}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          aria-describedby={`${dateId}-hint`}
        />
        <span id={`${dateId}-hint`} className="field__description">
          {t('review.rounds.deadlineHint')}
        </span>
        {fields.deadline ? <span className="field__error">{t('review.rounds.deadlinePast')}</span> : null}
      </div>
      <Count label={t('review.rounds.reminder')} value={reminder} onChange={setReminder} min={0} max={60} />
      <Count label={t('review.rounds.minReviewers')} value={min} onChange={setMin} min={2} max={10} />
      <SelectField
        label={t('review.rounds.alphaLevel')}
        options={ALPHA_LEVELS.map((l) => ({ id: l, text: levelName(l) }))}
        value={level}
        onChange={setLevel}
        description={t('review.rounds.alphaLevelHint')}
      />
      <SelectField
        label={t('review.rounds.rule')}
        options={RULES.map((r) => ({ id: r, text: ruleName(r) }))}
        value={rule}
        onChange={setRule}
        description={t('review.rounds.ruleHint')}
      />
      <div className="form__actions">
        <SubmitButton busy={busy}>{t('review.rounds.create')}</SubmitButton>
      </div>
      {error && Object.keys(fields).length === 0 ? <FormAlert>{say(error)}</FormAlert> : null}
    </Form>
  );
}

function Rounds() {
  const { t } = useTranslation();
  const ruleName = useRuleName();
  const list = useApi<{ items: RoundOut[] }>('/review/rounds', {}, { personal: true });
  if (list.error) return <PageError error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading lines={3} />;
  if (list.data.items.length === 0) return <p>{t('review.rounds.none')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="rounds-heading" tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('review.rounds.name')}</th>
            <th scope="col">{t('review.rounds.state')}</th>
            <th scope="col">{t('review.rounds.deadline')}</th>
            <th scope="col">{t('review.rounds.cities')}</th>
            <th scope="col">{t('review.rounds.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/admin/review-rounds/${r.id}`}>{r.name}</Link>
              </th>
              <td>
                <RoundState state={r.state} />
              </td>
              <td>
                <Time iso={r.deadline} withTime={false} />
              </td>
              <td>{r.cycles.map((c) => `${c.cityName} ${c.year}`).join(', ') || '—'}</td>
              <td>{ruleName(r.consolidationRule)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RoundsWorkspace({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('review.rounds.title'));
  if (!isStaff(me)) return <NotAllowed />;
  return (
    <div className="page page--review">
      <PageHeading>{t('review.rounds.title')}</PageHeading>
      <p>
        {t('review.rounds.intro')} <Link href="/admin/rubrics">{t('review.rubrics.title')}</Link>
      </p>
      <section aria-labelledby="rounds-heading" className="workspace-section">
        <h2 id="rounds-heading">{t('review.rounds.listHeading')}</h2>
        <Rounds />
      </section>
      <section aria-labelledby="create-heading" className="workspace-section">
        <h2 id="create-heading">{t('review.rounds.createHeading')}</h2>
        <CreateRound />
      </section>
    </div>
  );
}

/** The secretariat's review rounds: the list, and opening a new one with its settings. */
export default function RoundsPage() {
  return <RequireSession>{(me) => <RoundsWorkspace me={me} />}</RequireSession>;
}
