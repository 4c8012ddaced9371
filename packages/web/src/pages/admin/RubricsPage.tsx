import type { MeResponse, RubricLevels, RubricOut } from '@lco/core';
import { type FormEvent, useState } from 'react';
import {
  Button,
  Disclosure,
  DisclosurePanel,
  Form,
  Heading,
  Label,
  Link,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { FormAlert, FormStatus, SubmitButton } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import {
  RATING_VALUES,
  RatingText,
  useExpertCatalogue,
  useRatingLabels,
  useReviewProblem,
} from '../../components/review/common.tsx';
import { Time } from '../../components/roles.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { isStaff } from './RoundsPage.tsx';
import '../../styles/accounts.css';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';
import '../../styles/review.css';

type Level = keyof RubricLevels;

/** The five level texts of one rubric; saving makes a new version (rounds keep the version they pinned). */
function RubricEditor({ rubric, onSaved }: { rubric: RubricOut; onSaved: (rubric: RubricOut) => void }) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const labels = useRatingLabels();
  const [levels, setLevels] = useState<RubricLevels>(rubric.levels);
  const [version, setVersion] = useState(rubric.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const dirty = RATING_VALUES.some((v) => levels[String(v) as Level] !== rubric.levels[String(v) as Level]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      const saved = await apiSend<RubricOut>('PUT', `/review/rubrics/${encodeURIComponent(rubric.measurementId)}`, {
        levels,
        expectedVersion: version,
      });
      setVersion(saved.version);
      onSaved(saved);
      setDone(t('review.rubrics.saved', { version: saved.version }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="form rubric-form" onSubmit={submit}>
      {RATING_VALUES.map((v) => (
        <TextField
          key={v}
          className="field"
          value={levels[String(v) as Level]}
          onChange={(text) => setLevels((previous) => ({ ...previous, [String(v)]: text }))}
          isRequired
        >
          <Label className="field__label">
            <RatingText value={v} name={labels.name} />
          </Label>
          <TextArea className="field__input field__textarea" rows={3} dir="auto" />
        </TextField>
      ))}
      <div className="form__actions">
        <SubmitButton busy={busy}>{t('review.rubrics.save')}</SubmitButton>
        {dirty ? <span className="muted">{t('review.rubrics.unsaved')}</span> : null}
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </Form>
  );
}

function Rubrics() {
  const { t } = useTranslation();
  const catalogue = useExpertCatalogue();
  const list = useApi<{ items: RubricOut[] }>('/review/rubrics', {}, { personal: true });
  const [saved, setSaved] = useState<Map<string, RubricOut>>(new Map());
  if (list.error) return <PageError error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading lines={6} />;
  return (
    <ul className="plain-list rubrics">
      {list.data.items.map((loaded) => {
        const rubric = saved.get(loaded.measurementId) ?? loaded;
        return (
          <li key={rubric.measurementId}>
            <Disclosure className="narrative-item">
              <Heading level={2} className="narrative-item__heading">
                <Button slot="trigger" className="disclosure__trigger narrative-item__trigger">
                  <span aria-hidden="true" className="disclosure__chevron">
                    ▸
                  </span>
                  <span className="code">{rubric.measurementId}</span> {catalogue.name(rubric.measurementId, '')}
                  <span className="narrative-item__state">
                    {t('review.rubrics.version', { version: rubric.version })} ·{' '}
                    {t(`review.rubrics.source.${rubric.source}`)} · <Time iso={rubric.createdAt} withTime={false} />
                  </span>
                </Button>
              </Heading>
              <DisclosurePanel className="narrative-item__panel">
                <RubricEditor
                  rubric={rubric}
                  onSaved={(r) => setSaved((previous) => new Map(previous).set(r.measurementId, r))}
                />
              </DisclosurePanel>
            </Disclosure>
          </li>
        );
      })}
    </ul>
  );
}

function RubricsWorkspace({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('review.rubrics.title'));
  if (!isStaff(me)) return <NotAllowed />;
  return (
    <div className="page page--review">
      <p className="breadcrumb">
        <Link href="/admin/review-rounds">
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {t('review.rounds.title')}
        </Link>
      </p>
      <PageHeading>{t('review.rubrics.title')}</PageHeading>
      <p>{t('review.rubrics.intro')}</p>
      <Rubrics />
    </div>
  );
}

/** The secretariat's rubrics of the 18 expert measurements: five level texts each, versioned. */
export default function RubricsPage() {
  return <RequireSession>{(me) => <RubricsWorkspace me={me} />}</RequireSession>;
}
