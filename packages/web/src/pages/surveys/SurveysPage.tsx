import type { MeResponse, SurveyOut } from '@lco/core';
import { useId, useState } from 'react';
import { Button, Input, Label, Link, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, useProblem } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { SurveyDesign } from './SurveyDesign.tsx';
import { WaveWorkspace } from './WaveWorkspace.tsx';
// Fields, panels and buttons of forms (loaded here too when the page is opened directly).
import '../../styles/accounts.css';
import '../../styles/workspace.css';
import '../../styles/surveys.css';

/** Field the survey's current version: a wave with its opening and closing dates. */
function NewWave({ slug, survey, onCreated }: { slug: string; survey: SurveyOut; onCreated: () => void }) {
  const { t } = useTranslation();
  const say = useProblem();
  const today = new Date().toISOString().slice(0, 10);
  const [name, setName] = useState('');
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(slug)}/surveys/${survey.id}/waves`, {
        name: name.trim(),
        opensAt: `${opens}T00:00:00Z`,
        closesAt: `${closes}T23:59:59Z`,
      });
      setName('');
      onCreated();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="new-wave">
      <TextField className="field" value={name} onChange={setName} isRequired>
        <Label className="field__label">{t('surveys.create.waveName')}</Label>
        <Input className="field__input" />
      </TextField>
      <TextField className="field" value={opens} onChange={setOpens} type="date" isRequired>
        <Label className="field__label">{t('surveys.create.opens')}</Label>
        <Input className="field__input" />
      </TextField>
      <TextField className="field" value={closes} onChange={setCloses} type="date" isRequired>
        <Label className="field__label">{t('surveys.create.closes')}</Label>
        <Input className="field__input" />
      </TextField>
      <BusyButton busy={busy} onPress={() => void create()}>
        {t('surveys.create.waveButton')}
      </BusyButton>
      {error ? <FormAlert>{say.message(error)}</FormAlert> : null}
    </div>
  );
}

/** A survey's design behind a disclosure button, so the list stays short. */
function EditDesign({ slug, survey, onSaved }: { slug: string; survey: SurveyOut; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <div className="survey-edit">
      <Button
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={open ? panel : undefined}
        onPress={() => setOpen((o) => !o)}
      >
        {t('surveys.design.edit')}
      </Button>
      {open ? (
        <div id={panel}>
          <SurveyDesign
            slug={slug}
            survey={survey}
            onSaved={onSaved}
            title={t('surveys.design.heading', { name: survey.name })}
            level={3}
          />
        </div>
      ) : null}
    </div>
  );
}

function Surveys({ me, slug, waveId }: { me: MeResponse; slug: string; waveId: string | undefined }) {
  const { t } = useTranslation();
  const grants = me.user.grants.filter(
    (g) =>
      (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.kind === 'city' && g.scope.ref === slug,
  );
  const name = grants[0]?.scope?.name ?? slug;
  useDocumentTitle(t('surveys.title', { city: name }));
  const surveys = useApi<{ items: SurveyOut[] }>(
    grants.length > 0 ? `/cities/${encodeURIComponent(slug)}/surveys` : null,
    {},
    { personal: true },
  );
  if (grants.length === 0) return <NotAllowed />;
  const base = `/workspace/${encodeURIComponent(slug)}/surveys`;
  return (
    <div className="page page--surveys">
      <PageHeading>{t('surveys.title', { city: name })}</PageHeading>
      <p>
        <Link href={`/workspace/${encodeURIComponent(slug)}`}>{t('surveys.back')}</Link>
      </p>
      <p>{t('surveys.intro')}</p>
      {surveys.error ? <PageError error={surveys.error} onRetry={surveys.retry} /> : null}
      {!surveys.data ? (
        <Loading lines={2} />
      ) : surveys.data.items.length === 0 ? (
        <p>{t('surveys.none')}</p>
      ) : (
        <ul className="survey-list">
          {surveys.data.items.map((s) => (
            <li key={s.id}>
              <bdi>{s.name}</bdi> · {t(`surveys.kind.${s.kind}`)} · {t('surveys.version', { version: s.version })}
              <ul aria-label={t('surveys.waves')}>
                {s.waves.map((w) => (
                  <li key={w.id}>
                    <Link href={`${base}/${w.id}`} aria-current={w.id === waveId ? 'page' : undefined}>
                      <bdi>{w.name}</bdi>
                    </Link>
                  </li>
                ))}
              </ul>
              <EditDesign slug={slug} survey={s} onSaved={surveys.retry} />
              <NewWave slug={slug} survey={s} onCreated={surveys.retry} />
            </li>
          ))}
        </ul>
      )}
      {waveId ? <WaveWorkspace key={waveId} slug={slug} waveId={waveId} /> : null}
      <SurveyDesign slug={slug} onSaved={surveys.retry} title={t('surveys.create.heading')} level={2} />
    </div>
  );
}

export default function SurveysPage() {
  const { slug = '', waveId } = useParams();
  return <RequireSession>{(me) => <Surveys me={me} slug={slug} waveId={waveId} />}</RequireSession>;
}
