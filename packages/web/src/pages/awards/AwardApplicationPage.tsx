import type {
  AwardApplicationAction,
  AwardApplicationDetail,
  AwardCriterionId,
  AwardCycleOut,
  AwardMaterial,
  AwardReport,
  MeResponse,
} from '@lco/core';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError, RequireSession } from '../../components/Access.tsx';
import {
  AWARD_APPLICATIONS,
  AWARD_CYCLES,
  AwardStateBadge,
  useAwardProblem,
  useCriterionTitle,
} from '../../components/awards/common.tsx';
import { BusyButton, FormAlert, FormStatus, TextInput } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time } from '../../components/roles.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import '../../styles/accounts.css';
import '../../styles/workspace.css';

function TextArea({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} className="field__input" rows={5} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The city team writes the report: a summary, a section per criterion, materials as links. */
function ReportEditor({
  application,
  criteria,
  onSaved,
}: {
  application: AwardApplicationDetail;
  criteria: readonly AwardCriterionId[];
  onSaved: (d: AwardApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const title = useCriterionTitle();
  const [report, setReport] = useState<AwardReport>(application.report);
  const [material, setMaterial] = useState<AwardMaterial>({ kind: 'link', title: '', url: '' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();
  const save = async (next: AwardReport) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const detail = await apiSend<AwardApplicationDetail>('PUT', `${AWARD_APPLICATIONS}/${application.id}/report`, {
        report: next,
        expectedVersion: application.version,
      });
      setSaved(true);
      onSaved(detail);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const materials = report.materials ?? [];
  return (
    <section aria-labelledby="report-heading" className="workspace-section">
      <h2 id="report-heading">{t('awards.report.heading')}</h2>
      <TextArea
        label={t('awards.report.summary')}
        value={report.summary ?? ''}
        onChange={(summary) => setReport({ ...report, summary })}
      />
      {criteria.map((id) => (
        <TextArea
          key={id}
          label={title(id)}
          value={report.sections?.[id] ?? ''}
          onChange={(text) => setReport({ ...report, sections: { ...report.sections, [id]: text } })}
        />
      ))}
      <h3>{t('awards.report.materials')}</h3>
      <ul>
        {materials.map((m) => (
          <li key={`${m.kind}-${m.url}-${m.title}`}>
            <a href={m.url} rel="noreferrer noopener" target="_blank">
              {m.title}
            </a>{' '}
            <span className="muted">{t(`awards.material.${m.kind}`)}</span>
          </li>
        ))}
      </ul>
      <div className="panel">
        <TextInput
          label={t('awards.report.materialTitle')}
          value={material.title}
          onChange={(v) => setMaterial({ ...material, title: v })}
        />
        <TextInput
          label={t('awards.report.materialUrl')}
          type="url"
          value={material.url}
          onChange={(v) => setMaterial({ ...material, url: v })}
        />
        <div className="field">
          <label className="field__label" htmlFor="material-kind">
            {t('awards.report.materialKind')}
          </label>
          <select
            id="material-kind"
            className="field__input"
            value={material.kind}
            onChange={(e) => setMaterial({ ...material, kind: e.target.value as AwardMaterial['kind'] })}
          >
            {(['article', 'video', 'link', 'document'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`awards.material.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <BusyButton
          className="button button--secondary"
          busy={false}
          onPress={() => {
            if (!material.title.trim() || !material.url.trim()) return;
            setReport({ ...report, materials: [...materials, { ...material, title: material.title.trim() }] });
            setMaterial({ kind: 'link', title: '', url: '' });
          }}
        >
          {t('awards.report.addMaterial')}
        </BusyButton>
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <BusyButton busy={busy} onPress={() => void save(report)}>
        {t('awards.report.save')}
      </BusyButton>
      <FormStatus>{saved ? t('awards.report.saved') : null}</FormStatus>
    </section>
  );
}

function ConsentUpload({
  application,
  onDone,
}: {
  application: AwardApplicationDetail;
  onDone: (d: AwardApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setError(new ApiError(t('awards.consent.choose'), 400));
      return;
    }
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await apiSend<AwardApplicationDetail>('POST', `${AWARD_APPLICATIONS}/${application.id}/consent-form`, body),
      );
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      <h3 className="box-title">{t('awards.consent.heading')}</h3>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('awards.consent.file')}
        </label>
        <input
          id={id}
          ref={input}
          className="field__file"
          type="file"
          name="file"
          accept="application/pdf,image/png,image/jpeg"
        />
      </div>
      {error ? <FormAlert>{error.problem ? say(error) : error.message}</FormAlert> : null}
      <BusyButton busy={busy} onPress={() => void upload()}>
        {t('awards.consent.upload')}
      </BusyButton>
    </div>
  );
}

const NEEDS_REASONS: readonly AwardApplicationAction[] = ['decline', 'not-shortlist'];

/** The steps the reader may take now, each a button; declining and not shortlisting ask for reasons. */
function Steps({
  application,
  onDone,
}: {
  application: AwardApplicationDetail;
  onDone: (d: AwardApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState<AwardApplicationAction | null>(null);
  const [error, setError] = useState<ApiError>();
  if (application.allowedActions.length === 0) return null;
  const take = async (action: AwardApplicationAction) => {
    if (busy) return;
    if (NEEDS_REASONS.includes(action) && !reasons.trim()) {
      setError(new ApiError(t('awards.steps.reasonsNeeded'), 400));
      return;
    }
    setBusy(action);
    setError(undefined);
    try {
      onDone(
        await apiSend<AwardApplicationDetail>('POST', `${AWARD_APPLICATIONS}/${application.id}/transitions`, {
          action,
          expectedVersion: application.version,
          ...(reasons.trim() ? { reasons: reasons.trim() } : {}),
        }),
      );
      setReasons('');
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="steps-heading" className="workspace-section">
      <h2 id="steps-heading">{t('awards.steps.heading')}</h2>
      {application.allowedActions.some((a) => a !== 'submit') ? (
        <TextArea label={t('awards.steps.reasons')} value={reasons} onChange={setReasons} />
      ) : null}
      {error ? <FormAlert>{error.problem ? say(error) : error.message}</FormAlert> : null}
      <div className="button-row">
        {application.allowedActions.map((action) => (
          <BusyButton key={action} busy={busy === action} onPress={() => void take(action)}>
            {t(`awards.action.${action}`)}
          </BusyButton>
        ))}
      </div>
    </section>
  );
}

/** A reviewer scores each criterion on the cycle's scale with a rationale. */
function ScoreForm({
  application,
  cycle,
  onDone,
}: {
  application: AwardApplicationDetail;
  cycle: AwardCycleOut;
  onDone: (d: AwardApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const title = useCriterionTitle();
  return (
    <section aria-labelledby="scores-heading" className="workspace-section">
      <h2 id="scores-heading">{t('awards.scores.heading')}</h2>
      <p>{t('awards.scores.intro', { min: cycle.rules.scale.min, max: cycle.rules.scale.max })}</p>
      {cycle.rules.criteria.map((c) => (
        <ScoreRow
          key={c.id}
          application={application}
          criterion={c.id}
          label={title(c.id)}
          scale={cycle.rules.scale}
          onDone={onDone}
        />
      ))}
    </section>
  );
}

function ScoreRow({
  application,
  criterion,
  label,
  scale,
  onDone,
}: {
  application: AwardApplicationDetail;
  criterion: AwardCriterionId;
  label: string;
  scale: { min: number; max: number };
  onDone: (d: AwardApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const mine = application.myScores.find((s) => s.criterion === criterion);
  const [score, setScore] = useState(String(mine?.score ?? ''));
  const [rationale, setRationale] = useState(mine?.rationale ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const id = useId();
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <fieldset className="panel">
      <legend>{label}</legend>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('awards.scores.score')}
        </label>
        <select id={id} className="field__input" value={score} onChange={(e) => setScore(e.target.value)}>
          <option value="">—</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <TextArea label={t('awards.scores.rationale')} value={rationale} onChange={setRationale} />
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <BusyButton
        busy={busy}
        onPress={async () => {
          setBusy(true);
          setError(undefined);
          try {
            onDone(
              await apiSend<AwardApplicationDetail>(
                'PUT',
                `${AWARD_APPLICATIONS}/${application.id}/scores/${criterion}`,
                { score: Number(score), rationale },
              ),
            );
          } catch (caught) {
            setError(asApiError(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('awards.scores.save', { criterion: label })}
      </BusyButton>
      {mine ? <p className="muted">{t('awards.scores.savedAs', { score: mine.score })}</p> : null}
    </fieldset>
  );
}

function Application({ me, id }: { me: MeResponse; id: string }) {
  const { t } = useTranslation();
  const title = useCriterionTitle();
  const loaded = useApi<AwardApplicationDetail>(`${AWARD_APPLICATIONS}/${id}`, {}, { personal: true });
  const [fresh, setFresh] = useState<AwardApplicationDetail>();
  const application = fresh && fresh.version >= (loaded.data?.version ?? 0) ? fresh : loaded.data;
  const cycle = useApi<AwardCycleOut>(
    application ? `${AWARD_CYCLES}/${application.cycle.id}` : null,
    {},
    { personal: true },
  );
  useDocumentTitle(
    application ? t('awards.application.title', { city: application.city.name }) : t('awards.workspace.title'),
  );
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.retry} />;
  if (!application || !cycle.data) return <Loading lines={6} />;
  const team = me.user.grants.some(
    (g) =>
      (g.role === 'city-coordinator' || g.role === 'city-editor') &&
      g.scope?.kind === 'city' &&
      g.scope.ref === application.city.slug,
  );
  const expert = me.user.grants.some((g) => g.role === 'expert');
  const criteria = cycle.data.rules.criteria.map((c) => c.id);
  const draft = application.state === 'draft';
  return (
    <div className="page page--awards">
      <PageHeading>{t('awards.application.title', { city: application.city.name })}</PageHeading>
      <p>
        {application.cycle.name} · <AwardStateBadge state={application.state} />
      </p>
      <p>
        <Link href="/awards/workspace">{t('awards.workspace.title')}</Link>
      </p>
      {draft && application.missingFields.length > 0 ? (
        <div className="notice">
          <p>{t('awards.application.missing')}</p>
          <ul>
            {application.missingFields.map((f) => (
              <li key={f}>
                {f === 'summary'
                  ? t('awards.report.summary')
                  : f === 'consentForm'
                    ? t('awards.consent.heading')
                    : title(f.replace('sections.', '') as AwardCriterionId)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Steps application={application} onDone={setFresh} />
      {draft && team ? (
        <>
          <ReportEditor application={application} criteria={criteria} onSaved={setFresh} />
          <ConsentUpload application={application} onDone={setFresh} />
        </>
      ) : (
        <section aria-labelledby="report-heading" className="workspace-section">
          <h2 id="report-heading">{t('awards.report.heading')}</h2>
          <h3>{t('awards.report.summary')}</h3>
          <p className="prose">{application.report.summary}</p>
          {criteria.map((c) => (
            <div key={c}>
              <h3>{title(c)}</h3>
              <p className="prose">{application.report.sections?.[c]}</p>
            </div>
          ))}
          <h3>{t('awards.report.materials')}</h3>
          <ul>
            {(application.report.materials ?? []).map((m) => (
              <li key={`${m.kind}-${m.url}-${m.title}`}>
                <a href={m.url} rel="noreferrer noopener" target="_blank">
                  {m.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {application.consentForm ? (
        <p>
          <a href={application.consentForm.downloadPath}>
            {t('awards.consent.download', { file: application.consentForm.fileName })}
          </a>
        </p>
      ) : null}
      {application.monitoring ? (
        <p>
          {t('awards.application.monitoring', {
            years: application.monitoring.acceptedCycles.map((c) => c.year).join(', ') || '—',
          })}
        </p>
      ) : null}
      {expert && application.state === 'nominated' ? (
        <ScoreForm application={application} cycle={cycle.data} onDone={setFresh} />
      ) : null}
      <section aria-labelledby="history-heading" className="workspace-section">
        <h2 id="history-heading">{t('awards.application.history')}</h2>
        <ol>
          {application.history.map((h) => (
            <li key={`${h.at}-${h.action}-${h.to}`}>
              <Time iso={h.at} /> — {t(`awards.state.${h.to}`)}
              {h.by ? ` (${h.by})` : ''}
              {h.reasons ? `: ${h.reasons}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** One application: the city team's report, consent form and submission; the next actor's step; a reviewer's scores. */
export default function AwardApplicationPage() {
  const { id = '' } = useParams();
  return <RequireSession>{(me) => <Application me={me} id={id} />}</RequireSession>;
}
