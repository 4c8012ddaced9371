import type { FrameworkResponse, NarrativeList, NarrativeOut } from '@lco/core';
import { LANGUAGES, type Lang } from '@lco/core/i18n';
import { countWords } from '@lco/core/words';
import { useId, useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiGet, apiSend, apiUrl, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { type Evidence, EvidenceLink } from '../../components/monitoring/evidence.tsx';
import { expertMeasurementsOf, useReviewProblem } from '../../components/review/common.tsx';
import { ReviewResultsView } from '../../components/review/ReviewResults.tsx';
import { Time } from '../../components/roles.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { WordCount } from '../../components/WordCount.tsx';
import { LANGUAGE_NAMES } from '../../i18n/i18n.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/review.css';

type Measurement = ReturnType<typeof expertMeasurementsOf>[number];

/** The path of a cycle's narratives. */
const narrativesPath = (slug: string, year: number) => `/cities/${encodeURIComponent(slug)}/cycles/${year}/narratives`;

type Status =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'conflict'; theirs: NarrativeOut | undefined }
  | { kind: 'failed'; error: ApiError };

/** One narrative: the text with its live word count, its language, saving with the version read. */
function NarrativeEditor({
  slug,
  year,
  measurement,
  saved,
  limit,
  editable,
  onSaved,
}: {
  slug: string;
  year: number;
  measurement: Measurement;
  saved: NarrativeOut | undefined;
  limit: number;
  editable: boolean;
  onSaved: (narrative: NarrativeOut) => void;
}) {
  const { t } = useTranslation();
  const interfaceLang = useLang();
  const say = useReviewProblem();
  const countId = useId();
  const [text, setText] = useState(saved?.text ?? '');
  const [lang, setLang] = useState<Lang>(saved?.lang ?? interfaceLang);
  const [version, setVersion] = useState<number | null>(saved?.version ?? null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const pending = useRef(false);
  const words = countWords(text);
  const dirty = text !== (saved?.text ?? '') || lang !== (saved?.lang ?? lang);
  const label = `${measurement.id} ${measurement.name.text}`;

  if (!editable) {
    return saved ? (
      <div className="narrative narrative--locked">
        <p className="narrative__meta">
          {t('review.narrative.lockedMeta', { lang: LANGUAGE_NAMES[saved.lang] })} ·{' '}
          <Time iso={saved.updatedAt} withTime={false} />
        </p>
        <div className="narrative__text" lang={saved.lang} dir="auto">
          {saved.text}
        </div>
      </div>
    ) : (
      <p className="muted">{t('review.narrative.noneLocked')}</p>
    );
  }

  const save = async () => {
    if (pending.current) return;
    if (text.trim() === '') {
      setStatus({ kind: 'failed', error: asApiError(new Error(t('review.narrative.empty'))) });
      return;
    }
    pending.current = true;
    setBusy(true);
    setStatus({ kind: 'idle' });
    try {
      const out = await apiSend<NarrativeOut>(
        'PUT',
        `${narrativesPath(slug, year)}/${encodeURIComponent(measurement.id)}`,
        { text, lang, expectedVersion: version },
      );
      setVersion(out.version);
      setStatus({ kind: 'saved' });
      onSaved(out);
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 409 && !error.problem?.type?.startsWith('/problems/review/')) {
        // Someone saved in between: her text stays; theirs is shown beside it, and she chooses.
        const fresh = await apiGet<NarrativeList>(apiUrl(narrativesPath(slug, year)), undefined, { keep: false }).catch(
          () => undefined,
        );
        setStatus({ kind: 'conflict', theirs: fresh?.items.find((n) => n.measurementId === measurement.id) });
      } else {
        setStatus({ kind: 'failed', error });
      }
    } finally {
      pending.current = false;
      setBusy(false);
    }
  };

  return (
    <div className="narrative">
      <TextField className="field" value={text} onChange={setText}>
        <Label className="field__label">
          {t('review.narrative.label')}
          <span className="visually-hidden"> — {measurement.id}</span>
        </Label>
        <TextArea className="field__input field__textarea narrative__input" rows={8} lang={lang} dir="auto" />
        <WordCount words={words} limit={limit} id={countId} />
      </TextField>
      <div className="narrative__tools">
        <SelectField
          label={t('review.narrative.language')}
          options={LANGUAGES.map((l) => ({ id: l, text: LANGUAGE_NAMES[l], lang: l }))}
          value={lang}
          onChange={(id) => setLang(id as Lang)}
        />
        <BusyButton busy={busy} onPress={() => void save()} aria-describedby={countId}>
          {t('review.narrative.save')}
          <span className="visually-hidden"> — {label}</span>
        </BusyButton>
      </div>
      {status.kind === 'failed' ? <FormAlert>{say(status.error)}</FormAlert> : null}
      {status.kind === 'conflict' ? (
        <div className="form-alert narrative__conflict" role="alert">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('review.narrative.conflict')}
          </p>
          {status.theirs ? (
            <>
              <div className="narrative__text" lang={status.theirs.lang} dir="auto">
                {status.theirs.text}
              </div>
              <div className="form__actions">
                <Button
                  className="button button--small"
                  onPress={() => {
                    const theirs = status.theirs;
                    if (!theirs) return;
                    setText(theirs.text);
                    setLang(theirs.lang);
                    setVersion(theirs.version);
                    setStatus({ kind: 'idle' });
                    onSaved(theirs);
                  }}
                >
                  {t('review.narrative.useTheirs')}
                </Button>
                <Button
                  className="button button--small button--secondary"
                  onPress={() => {
                    setVersion(status.theirs?.version ?? version);
                    setStatus({ kind: 'idle' });
                  }}
                >
                  {t('review.narrative.keepMine')}
                </Button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      <FormStatus>{status.kind === 'saved' && !dirty ? t('review.narrative.saved') : null}</FormStatus>
    </div>
  );
}

/**
 * The narratives of the expert measurements of one cycle, each with its measurement's definition and the
 * evidence attached to it in data entry (files and links are added there); then, once a review round has
 * been consolidated, the city's results.
 */
export function ExpertNarratives({
  slug,
  year,
  editable,
  framework,
  evidence,
  onShow,
}: {
  slug: string;
  year: number;
  editable: boolean;
  framework: FrameworkResponse;
  /** The cycle's evidence by measurement (attached in data entry). */
  evidence: (measurementId: string) => Evidence[];
  /** Go to a measurement in data entry. */
  onShow: (measurementId: string) => void;
}) {
  const { t } = useTranslation();
  const list = useApi<NarrativeList>(narrativesPath(slug, year), {}, { personal: true });
  const [saved, setSaved] = useState<Map<string, NarrativeOut>>(new Map());
  if (list.error) return <PageError error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading lines={3} />;
  const measurements = expertMeasurementsOf(framework, list.data.measurements);
  const byId = new Map(list.data.items.map((n) => [n.measurementId, n]));
  for (const [id, n] of saved) byId.set(id, n);
  const written = measurements.filter((m) => byId.has(m.id)).length;

  return (
    <div className="narratives">
      <p>{editable ? t('review.narrative.intro', { limit: list.data.wordLimit }) : t('review.narrative.locked')}</p>
      <p className="coverage-line">
        <strong>{t('review.narrative.written', { n: written, total: measurements.length })}</strong>
      </p>
      <ul className="plain-list narratives__list">
        {measurements.map((m) => {
          const narrative = byId.get(m.id);
          const items = evidence(m.id);
          return (
            <li key={m.id}>
              <Disclosure className="narrative-item" id={`narrative-${m.id}`}>
                <Heading level={3} className="narrative-item__heading">
                  <Button slot="trigger" className="disclosure__trigger narrative-item__trigger">
                    <span aria-hidden="true" className="disclosure__chevron">
                      ▸
                    </span>
                    <span className="code">{m.id}</span> <LText value={m.name} />
                    <span className="narrative-item__state">
                      {narrative
                        ? t('review.narrative.stateWritten', { n: narrative.words })
                        : t('review.narrative.stateEmpty')}
                    </span>
                  </Button>
                </Heading>
                <DisclosurePanel className="narrative-item__panel">
                  <p className="entry-measurement__definition">
                    <LText value={m.definition} />
                  </p>
                  <NarrativeEditor
                    slug={slug}
                    year={year}
                    measurement={m}
                    saved={narrative}
                    limit={list.data?.wordLimit ?? 500}
                    editable={editable}
                    onSaved={(n) => setSaved((previous) => new Map(previous).set(n.measurementId, n))}
                  />
                  <h4 className="evidence__title">{t('review.narrative.evidence', { n: items.length })}</h4>
                  {items.length === 0 ? (
                    <p className="evidence__none">{t('review.narrative.noEvidence')}</p>
                  ) : (
                    <ul className="evidence__list">
                      {items.map((item) => (
                        <li key={item.id} className="evidence__item">
                          <span aria-hidden="true">{item.kind === 'file' ? '📄 ' : '🔗 '}</span>
                          <EvidenceLink item={item} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <Button className="text-link-button" onPress={() => onShow(m.id)}>
                    {editable ? t('review.narrative.addEvidence') : t('review.narrative.showEntry')}
                    <span className="visually-hidden"> — {m.id}</span>
                  </Button>
                </DisclosurePanel>
              </Disclosure>
            </li>
          );
        })}
      </ul>
      <ReviewResultsView slug={slug} year={year} headingLevel={3} />
    </div>
  );
}
