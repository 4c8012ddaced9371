import type { ApplicationDetail, ApplicationForm, MeResponse } from '@lco/core';
import { CITY_CHALLENGES, GUIDING_DOCUMENTS } from '@lco/core/membership';
import { type ReactNode, useId, useRef, useState } from 'react';
import { Checkbox, Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, TextInput } from '../../components/forms.tsx';
import { ApplicationFormEditor, useFieldName } from '../../components/membership/ApplicationFormEditor.tsx';
import {
  APPLICATIONS,
  ApplicationStateBadge,
  DeadlineText,
  useMembershipProblem,
  useRegionNames,
} from '../../components/membership/common.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time } from '../../components/roles.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LANGUAGE_NAMES } from '../../i18n/i18n.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/accounts.css';
import '../../styles/workspace.css';
import '../../styles/review.css';
import '../../styles/membership.css';

/** Whether the person is on the team of the city (coordinator or editor). */
const onTeam = (me: MeResponse, slug: string) =>
  me.user.grants.some(
    (g) =>
      (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.kind === 'city' && g.scope.ref === slug,
  );

/** The form as read: every answer, the missing ones said so. */
function FormView({ form }: { form: ApplicationForm }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const none = <span className="muted">{t('networkMembership.form.notGiven')}</span>;
  const num = (value: number | undefined) => (value === undefined ? none : number.format(value));
  const person = (p: ApplicationForm['mayor']) =>
    p ? (
      <>
        <bdi>{p.name}</bdi>
        {p.title ? `, ${p.title}` : ''}
        {p.email ? (
          <>
            {' · '}
            <bdi>{p.email}</bdi>
          </>
        ) : null}
        {p.phone ? ` · ${p.phone}` : ''}
      </>
    ) : (
      none
    );
  const yes = (value: boolean | undefined) => (value ? t('networkMembership.form.yes') : none);
  const docs = form.guidingDocuments;
  return (
    <dl className="facts membership-facts">
      <Fact label={t('networkMembership.form.commitmentShort')}>{yes(form.commitment)}</Fact>
      {(['beijingDeclaration', 'keyFeatures'] as const).map((doc) => (
        <Fact key={doc} label={GUIDING_DOCUMENTS[doc].title[lang]}>
          {docs?.[doc] ? t('networkMembership.form.adoptedIn', { lang: LANGUAGE_NAMES[docs.lang] }) : none}
        </Fact>
      ))}
      <Fact label={t('networkMembership.form.mayor')}>{person(form.mayor)}</Fact>
      <Fact label={t('networkMembership.form.focalPoint')}>{person(form.focalPoint)}</Fact>
      <Fact label={t('networkMembership.form.population')}>
        {num(form.population)}
        {form.populationYear ? ` (${form.populationYear})` : ''}
      </Fact>
      <Fact label={t('networkMembership.form.area')}>{num(form.areaKm2)}</Fact>
      <Fact label={t('networkMembership.form.gdpCity')}>{num(form.gdpPerCapita?.city)}</Fact>
      <Fact label={t('networkMembership.form.gdpCountry')}>
        {num(form.gdpPerCapita?.country)}
        {form.gdpPerCapita?.year ? ` (${form.gdpPerCapita.year})` : ''}
      </Fact>
      <Fact label={t('networkMembership.form.schoolingFemale')}>{num(form.schoolingYears?.female)}</Fact>
      <Fact label={t('networkMembership.form.schoolingMale')}>{num(form.schoolingYears?.male)}</Fact>
      <Fact label={t('networkMembership.form.motivation')}>
        {form.motivation ? <span dir="auto">{form.motivation}</span> : none}
      </Fact>
      <Fact label={t('networkMembership.form.implementation')}>
        {form.implementation ? <span dir="auto">{form.implementation}</span> : none}
      </Fact>
      {CITY_CHALLENGES.map((challenge) => (
        <Fact key={challenge} label={t(`networkMembership.challenge.${challenge}`)}>
          {num(form.challenges?.[challenge])}
        </Fact>
      ))}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The mayor's signature: uploading the signed and stamped form, or a typed attestation under delegation. */
function SignPanel({
  application,
  onDone,
}: {
  application: ApplicationDetail;
  onDone: (d: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useMembershipProblem();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [delegation, setDelegation] = useState(false);
  const [busy, setBusy] = useState<'upload' | 'attest' | null>(null);
  const [error, setError] = useState<ApiError>();

  const run = async (kind: 'upload' | 'attest', send: () => Promise<ApplicationDetail>) => {
    if (busy) return;
    setBusy(kind);
    setError(undefined);
    try {
      onDone(await send());
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  const upload = () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setError(new ApiError(t('networkMembership.sign.chooseFile'), 400));
      return;
    }
    const body = new FormData();
    body.append('file', file);
    void run('upload', () => apiSend<ApplicationDetail>('POST', `${APPLICATIONS}/${application.id}/signed-form`, body));
  };
  const attest = () =>
    void run('attest', () =>
      apiSend<ApplicationDetail>('POST', `${APPLICATIONS}/${application.id}/transitions`, {
        action: 'sign',
        expectedVersion: application.version,
        attestation: { signatoryName: name.trim(), signatoryTitle: title.trim(), holdsMayorsDelegation: delegation },
      }),
    );

  return (
    <div className="membership-sign">
      <div className="panel">
        <h3 className="box-title">{t('networkMembership.sign.uploadHeading')}</h3>
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            {t('networkMembership.sign.file')}
          </label>
          <input
            id={fileId}
            ref={input}
            className="field__file"
            type="file"
            name="file"
            accept="application/pdf,image/png,image/jpeg"
            aria-describedby={`${fileId}-hint`}
          />
          <span id={`${fileId}-hint`} className="field__description">
            {t('networkMembership.sign.fileHint')}
          </span>
        </div>
        <BusyButton busy={busy === 'upload'} onPress={upload}>
          {t('networkMembership.sign.upload')}
        </BusyButton>
      </div>
      <div className="panel">
        <h3 className="box-title">{t('networkMembership.sign.attestHeading')}</h3>
        <TextInput label={t('networkMembership.sign.signatoryName')} value={name} onChange={setName} />
        <TextInput label={t('networkMembership.sign.signatoryTitle')} value={title} onChange={setTitle} />
        <Checkbox className="checkbox" isSelected={delegation} onChange={setDelegation}>
          <span className="checkbox__box" aria-hidden="true" />
          {t('networkMembership.sign.delegation')}
        </Checkbox>
        <BusyButton
          busy={busy === 'attest'}
          onPress={() => {
            if (!name.trim() || !title.trim() || !delegation) {
              setError(new ApiError(t('networkMembership.sign.attestMissing'), 400));
              return;
            }
            attest();
          }}
        >
          {t('networkMembership.sign.attest')}
        </BusyButton>
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </div>
  );
}

type Decision = 'endorse' | 'decline' | 'recommend' | 'accept' | 'not-accept';

/** A decision with its reasons: endorse or decline (National Commission), recommend (jury), accept or not. */
function DecisionPanel({
  application,
  actions,
  onDone,
}: {
  application: ApplicationDetail;
  actions: readonly Decision[];
  onDone: (d: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useMembershipProblem();
  const [reasons, setReasons] = useState('');
  const [recommendation, setRecommendation] = useState<'accept' | 'not-accept'>('accept');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');

  const decide = async (action: Decision) => {
    if (busy) return;
    // Every decision but an acceptance gives its reasons.
    if (action !== 'accept' && reasons.trim() === '') {
      setError(new ApiError(t('networkMembership.decision.reasonsNeeded'), 400));
      return;
    }
    setBusy(action);
    setError(undefined);
    setDone('');
    try {
      const body: Record<string, unknown> = { action, expectedVersion: application.version };
      if (reasons.trim()) body.reasons = reasons.trim();
      if (action === 'recommend') body.recommendation = recommendation;
      const next = await apiSend<ApplicationDetail>('POST', `${APPLICATIONS}/${application.id}/transitions`, body);
      setDone(t('networkMembership.decision.done', { state: t(`networkMembership.state.${next.state}`) }));
      setReasons('');
      onDone(next);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="panel membership-decision">
      <TextField className="field" value={reasons} onChange={setReasons}>
        <Label className="field__label">{t('networkMembership.decision.reasons')}</Label>
        <TextArea className="field__input field__textarea" rows={4} dir="auto" />
      </TextField>
      {actions.includes('recommend') ? (
        <SelectField
          label={t('networkMembership.decision.recommendation')}
          options={[
            { id: 'accept', text: t('networkMembership.recommendation.accept') },
            { id: 'not-accept', text: t('networkMembership.recommendation.not-accept') },
          ]}
          value={recommendation}
          onChange={(id) => setRecommendation(id as 'accept' | 'not-accept')}
        />
      ) : null}
      <div className="form__actions">
        {actions.map((action) => (
          <BusyButton
            key={action}
            busy={busy === action}
            className={action === 'decline' || action === 'not-accept' ? 'button button--secondary' : 'button'}
            onPress={() => void decide(action)}
          >
            {t(`networkMembership.action.${action}`)}
          </BusyButton>
        ))}
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}

/** Submit to the National Commission, or take a signed application back to draft. */
function StepButtons({
  application,
  onDone,
}: {
  application: ApplicationDetail;
  onDone: (d: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useMembershipProblem();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const steps = (['submit', 'revise'] as const).filter((a) => application.allowedActions.includes(a));
  if (steps.length === 0) return null;
  const take = async (action: 'submit' | 'revise') => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await apiSend<ApplicationDetail>('POST', `${APPLICATIONS}/${application.id}/transitions`, {
          action,
          expectedVersion: application.version,
        }),
      );
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      {application.allowedActions.includes('submit') ? <p>{t('networkMembership.steps.submitHelp')}</p> : null}
      <div className="form__actions">
        {steps.map((action) => (
          <BusyButton
            key={action}
            busy={busy}
            className={action === 'revise' ? 'button button--secondary' : 'button'}
            onPress={() => void take(action)}
          >
            {t(`networkMembership.action.${action}`)}
          </BusyButton>
        ))}
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </div>
  );
}

/** The National Commission's quota in the application's call (for it and the secretariat). */
function Quota({ application, me }: { application: ApplicationDetail; me: MeResponse }) {
  const { t } = useTranslation();
  const lang = useLang();
  const country = application.city.countryIso2;
  const mayRead = me.user.grants.some(
    (g) => g.role === 'admin' || g.role === 'secretariat' || (g.role === 'natcom' && g.scope?.ref === country),
  );
  const quota = useApi<{ quota: number; used: number }>(
    mayRead ? `/membership-calls/${application.call.id}/quota/${country}` : null,
    {},
    { personal: true },
  );
  if (!quota.data) return null;
  const number = new Intl.NumberFormat(lang);
  return (
    <p className="membership-quota">
      {t('networkMembership.quota.line', {
        used: number.format(quota.data.used),
        quota: number.format(quota.data.quota),
        left: number.format(Math.max(0, quota.data.quota - quota.data.used)),
      })}
    </p>
  );
}

function History({ history }: { history: ApplicationDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <ol className="cycle-history">
      {history.map((event) => (
        <li key={`${event.at}|${event.action}|${event.to}`}>
          <Time iso={event.at} /> <ApplicationStateBadge state={event.to} />
          {event.by ? (
            <>
              {' '}
              {t('networkMembership.history.by')} <bdi>{event.by}</bdi>
            </>
          ) : null}
          {event.reasons ? (
            <>
              {' — '}
              <span dir="auto">{event.reasons}</span>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Application({ me, id }: { me: MeResponse; id: string }) {
  const { t } = useTranslation();
  const region = useRegionNames();
  const fieldName = useFieldName();
  const loaded = useApi<ApplicationDetail>(`${APPLICATIONS}/${id}`, {}, { personal: true });
  const [fresh, setFresh] = useState<ApplicationDetail>();
  const application = fresh && fresh.version >= (loaded.data?.version ?? 0) ? fresh : loaded.data;
  useDocumentTitle(
    application
      ? t('networkMembership.application.title', { city: application.city.name })
      : t('networkMembership.applications.title'),
  );

  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.retry} />;
  if (!application) return <Loading lines={6} />;
  const team = onTeam(me, application.city.slug);
  const editable = team && application.state === 'draft';
  const decisions = (['endorse', 'decline', 'recommend', 'accept', 'not-accept'] as const).filter((a) =>
    application.allowedActions.includes(a),
  );
  const signature = application.signature;

  return (
    <div className="page page--membership">
      <PageHeading>{t('networkMembership.application.title', { city: application.city.name })}</PageHeading>
      <p className="membership-meta">
        <ApplicationStateBadge state={application.state} />
        {' · '}
        {application.call.name}
        {' · '}
        {region(application.city.region)}
        {team ? (
          <>
            {' · '}
            <Link href={`/workspace/${encodeURIComponent(application.city.slug)}/membership`}>
              {t('networkMembership.application.cityWorkspace')}
            </Link>
          </>
        ) : null}
      </p>
      <p className="notice">{t(`networkMembership.next.${application.state}`)}</p>
      {application.endorsementDeadline ? (
        <p>
          {t('networkMembership.application.deadline')} <DeadlineText application={application} />
        </p>
      ) : null}
      {application.state === 'submitted' ? <Quota application={application} me={me} /> : null}
      {application.recommendation ? (
        <p>
          {t('networkMembership.application.recommendation')}{' '}
          {t(`networkMembership.recommendation.${application.recommendation}`)}
        </p>
      ) : null}

      {decisions.length > 0 ? (
        <section aria-labelledby="decide-heading" className="workspace-section">
          <h2 id="decide-heading">{t('networkMembership.decision.heading')}</h2>
          <DecisionPanel key={application.version} application={application} actions={decisions} onDone={setFresh} />
        </section>
      ) : null}

      <section aria-labelledby="form-heading" className="workspace-section">
        <h2 id="form-heading">{t('networkMembership.form.heading')}</h2>
        {editable ? (
          <ApplicationFormEditor key={application.version} application={application} onSaved={setFresh} />
        ) : (
          <FormView form={application.form} />
        )}
      </section>

      <section aria-labelledby="sign-heading" className="workspace-section">
        <h2 id="sign-heading">{t('networkMembership.sign.heading')}</h2>
        {signature ? (
          <p>
            {signature.method === 'upload'
              ? t('networkMembership.sign.byUpload')
              : t('networkMembership.sign.byAttestation')}{' '}
            {signature.signatoryName ? (
              <>
                <bdi>{signature.signatoryName}</bdi>
                {signature.signatoryTitle ? `, ${signature.signatoryTitle}` : ''}{' '}
              </>
            ) : null}
            · <Time iso={signature.signedAt} /> · {t('networkMembership.history.by')} <bdi>{signature.signedBy}</bdi>
            {signature.downloadPath && signature.file ? (
              <>
                {' · '}
                <a href={signature.downloadPath} download={signature.file.fileName}>
                  {t('networkMembership.sign.download', { name: signature.file.fileName })}
                </a>
              </>
            ) : null}
          </p>
        ) : application.state === 'draft' && application.missingFields.length > 0 ? (
          <div>
            <p>{t('networkMembership.sign.missing')}</p>
            <ul className="membership-missing">
              {application.missingFields.map((field) => (
                <li key={field}>{fieldName(field)}</li>
              ))}
            </ul>
          </div>
        ) : application.allowedActions.includes('sign') ? (
          <SignPanel application={application} onDone={setFresh} />
        ) : (
          <p>{t('networkMembership.sign.none')}</p>
        )}
        <StepButtons application={application} onDone={setFresh} />
      </section>

      <section aria-labelledby="history-heading" className="workspace-section">
        <h2 id="history-heading">{t('networkMembership.history.heading')}</h2>
        <History history={application.history} />
      </section>
    </div>
  );
}

/** One membership application: its form, signature, the next step for whoever may take it, and its history. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  return <RequireSession>{(me) => <Application me={me} id={id} />}</RequireSession>;
}
