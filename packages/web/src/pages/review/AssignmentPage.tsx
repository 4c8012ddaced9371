import type { AssignmentDetail, AssignmentOut, MeResponse, RatingOut, RubricOut } from '@lco/core';
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  DialogTrigger,
  FieldError,
  Label,
  Link,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus } from '../../components/forms.tsx';
import { AppModal } from '../../components/Modal.tsx';
import { type Evidence, EvidenceLink } from '../../components/monitoring/evidence.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import {
  DaysLeft,
  RATING_VALUES,
  RatingText,
  useExpertCatalogue,
  useRatingLabels,
  useReviewProblem,
} from '../../components/review/common.tsx';
import { AnonymousRatings } from '../../components/review/ReviewResults.tsx';
import { Time } from '../../components/roles.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LANGUAGE_NAMES } from '../../i18n/i18n.ts';
import { AssignmentState, Progress } from './InboxPage.tsx';
import '../../styles/accounts.css';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';
import '../../styles/review.css';

type Block = AssignmentDetail['measurements'][number];
type ReviewEvidence = AssignmentDetail['cycleEvidence'][number];
const NONE = 'none';

/** The review API's evidence as the monitoring evidence link draws it (files download, links open). */
function asEvidence(item: ReviewEvidence): Evidence {
  return { ...item, breakdown: null, sha256: null, uploadedBy: null };
}

function EvidenceList({ items }: { items: readonly ReviewEvidence[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="evidence__none">{t('review.rate.noEvidence')}</p>;
  return (
    <ul className="evidence__list">
      {items.map((item) => (
        <li key={item.id} className="evidence__item">
          <span aria-hidden="true">{item.kind === 'file' ? '📄 ' : '🔗 '}</span>
          <span className="visually-hidden">{t(`review.rate.kind.${item.kind}`)}: </span>
          <EvidenceLink item={asEvidence(item)} />
        </li>
      ))}
    </ul>
  );
}

/** The left column: what the city says and shows for this measurement. */
function EvidenceColumn({ block }: { block: Block }) {
  const { t } = useTranslation();
  const catalogue = useExpertCatalogue();
  const n = block.narrative;
  return (
    <section className="rate__evidence" aria-labelledby={`evidence-h-${block.measurementId}`}>
      <h3 id={`evidence-h-${block.measurementId}`}>{t('review.rate.evidenceHeading')}</h3>
      <p className="entry-measurement__definition">
        <span className="muted">{t('review.rate.definition')} </span>
        {catalogue.definition(block.measurementId, block.definition)}
      </p>
      <h4>{t('review.rate.narrative')}</h4>
      {n ? (
        <>
          <p className="narrative__meta">
            {t('review.rate.narrativeMeta', { lang: LANGUAGE_NAMES[n.lang], words: n.words })}
          </p>
          <div className="narrative__text" lang={n.lang} dir="auto">
            {n.text}
          </div>
        </>
      ) : (
        <p className="muted">{t('review.rate.noNarrative')}</p>
      )}
      <h4>{t('review.rate.files')}</h4>
      <EvidenceList items={block.evidence} />
    </section>
  );
}

/** The 1–5 scale as radio buttons, each level's name with what it looks like for this measurement. */
function Scale({
  value,
  onChange,
  rubric,
  readOnly,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  rubric: RubricOut | null;
  readOnly?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const labels = useRatingLabels();
  return (
    <RadioGroup className="scale-group" value={value} onChange={onChange} isReadOnly={readOnly} isRequired>
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__description">
        {rubric ? t('review.rate.rubricVersion', { version: rubric.version }) : t('review.rate.noRubric')}
      </Text>
      {RATING_VALUES.map((v) => (
        <Radio key={v} value={String(v)} className="scale-option">
          <span className="scale-option__mark" aria-hidden="true" />
          <span className="scale-option__body">
            <span className="scale-option__name">
              <RatingText value={v} name={labels.name} />
            </span>
            {rubric ? (
              <span className="scale-option__text" lang="en" dir="ltr">
                {rubric.levels[String(v) as keyof RubricOut['levels']]}
              </span>
            ) : null}
          </span>
        </Radio>
      ))}
      <Radio value={NONE} className="scale-option scale-option--none">
        <span className="scale-option__mark" aria-hidden="true" />
        <span className="scale-option__body">
          <span className="scale-option__name">{t('review.cannotRate')}</span>
          <span className="scale-option__text">{t('review.rate.cannotRateHint')}</span>
        </span>
      </Radio>
    </RadioGroup>
  );
}

const toChoice = (rating: RatingOut | null) =>
  rating === null ? '' : rating.value === null ? NONE : String(rating.value);
const toValue = (choice: string) => (choice === NONE ? null : Number(choice));

type SaveState = 'idle' | 'saving' | 'saved' | 'incomplete' | 'failed';

/** A draft rating, saved as she goes: when a level is chosen and the rationale has words. */
function DraftRating({
  assignmentId,
  block,
  onSaved,
}: {
  assignmentId: string;
  block: Block;
  onSaved: (rating: RatingOut) => void;
}) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const [choice, setChoice] = useState(toChoice(block.rating));
  const [rationale, setRationale] = useState(block.rating?.rationale ?? '');
  const [state, setState] = useState<SaveState>(block.rating ? 'saved' : 'idle');
  const [error, setError] = useState<ApiError>();
  const latest = useRef({ choice, rationale });
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<number>(undefined);
  latest.current = { choice, rationale };

  const save = async () => {
    const { choice: c, rationale: r } = latest.current;
    if (c === '' || r.trim() === '') {
      setState('incomplete');
      return;
    }
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState('saving');
    setError(undefined);
    try {
      const saved = await apiSend<RatingOut>(
        'PUT',
        `/review/assignments/${assignmentId}/ratings/${encodeURIComponent(block.measurementId)}`,
        { value: toValue(c), rationale: r },
      );
      onSaved(saved);
      setState('saved');
    } catch (caught) {
      setError(asApiError(caught));
      setState('failed');
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  };

  const soon = (delay: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void save();
    }, delay);
  };
  // Leaving the measurement (next, previous, another page) saves what is still waiting for its timer.
  const flush = useRef(save);
  flush.current = save;
  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      window.clearTimeout(timer.current);
      void flush.current();
    },
    [],
  );

  const status =
    state === 'saving'
      ? t('review.rate.saving')
      : state === 'saved'
        ? t('review.rate.saved')
        : state === 'incomplete'
          ? choice === ''
            ? t('review.rate.needLevel')
            : t('review.rate.needRationale')
          : '';

  return (
    <div className="rate__form">
      <Scale
        value={choice}
        onChange={(value) => {
          setChoice(value);
          latest.current = { choice: value, rationale };
          setState('idle');
          soon(0);
        }}
        rubric={block.rubric}
        label={t('review.rate.yourRating')}
      />
      <TextField
        className="field"
        value={rationale}
        onChange={(value) => {
          setRationale(value);
          latest.current = { choice, rationale: value };
          setState('idle');
          soon(1200);
        }}
        onBlur={() => soon(0)}
        isRequired
      >
        <Label className="field__label">{t('review.rate.rationale')}</Label>
        <TextArea className="field__input field__textarea" rows={5} dir="auto" />
        <Text slot="description" className="field__description">
          {t('review.rate.rationaleHint')}
        </Text>
        <FieldError className="field__error">{t('review.rate.needRationale')}</FieldError>
      </TextField>
      <p className={`rate__status rate__status--${state}`} role="status">
        {state === 'saved' ? <span aria-hidden="true">✓ </span> : null}
        {status}
      </p>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </div>
  );
}

/** A flagged measurement after submitting: the others' rationales, and a revision that keeps the submitted rating. */
function Reconciliation({
  assignmentId,
  block,
  onRevised,
}: {
  assignmentId: string;
  block: Block;
  onRevised: () => void;
}) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(toChoice(block.rating));
  const [rationale, setRationale] = useState(block.rating?.rationale ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const flagOpen = block.flag?.state === 'open';

  const revise = async () => {
    if (busy || !block.rating) return;
    if (choice === '' || rationale.trim() === '') {
      setError(asApiError(new Error(t('review.rate.needRationale'))));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await apiSend(
        'POST',
        `/review/assignments/${assignmentId}/ratings/${encodeURIComponent(block.measurementId)}/revise`,
        {
          value: toValue(choice),
          rationale,
          expectedVersion: block.rating.version,
        },
      );
      setDone(t('review.rate.revised'));
      setOpen(false);
      onRevised();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reconcile">
      <div className="notice notice--warning">
        <p>
          <span aria-hidden="true">⚑ </span>
          <strong>{t(`review.rate.flag.${block.flag?.state ?? 'open'}`, { spread: block.flag?.spread ?? 0 })}</strong>
        </p>
        {block.flag?.comment ? (
          <p dir="auto">
            {t('review.rate.flagComment')} {block.flag.comment}
          </p>
        ) : null}
      </div>
      <h4>{t('review.rate.othersHeading')}</h4>
      {block.others && block.others.length > 0 ? (
        <AnonymousRatings ratings={block.others} />
      ) : (
        <p className="muted">{t('review.rate.noOthers')}</p>
      )}
      {flagOpen ? (
        open ? (
          <div className="reconcile__form">
            <Scale value={choice} onChange={setChoice} rubric={block.rubric} label={t('review.rate.revisedRating')} />
            <TextField className="field" value={rationale} onChange={setRationale} isRequired>
              <Label className="field__label">{t('review.rate.revisedRationale')}</Label>
              <TextArea className="field__input field__textarea" rows={5} dir="auto" />
            </TextField>
            <div className="form__actions">
              <BusyButton busy={busy} onPress={() => void revise()}>
                {t('review.rate.saveRevision')}
              </BusyButton>
              <Button className="button button--secondary" onPress={() => setOpen(false)}>
                {t('review.rate.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button className="button" onPress={() => setOpen(true)}>
            {t('review.rate.revise')}
            <span className="visually-hidden"> — {block.measurementId}</span>
          </Button>
        )
      ) : null}
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}

/** The right column: the rubric and the rating (a draft, or locked once submitted). */
function RatingColumn({
  assignment,
  block,
  onSaved,
  onChanged,
}: {
  assignment: AssignmentOut;
  block: Block;
  onSaved: (rating: RatingOut) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const labels = useRatingLabels();
  const submitted = assignment.state === 'submitted';
  const locked = submitted || assignment.roundState !== 'open' || assignment.state === 'recused';
  return (
    <section className="rate__rating" aria-labelledby={`rating-h-${block.measurementId}`}>
      <h3 id={`rating-h-${block.measurementId}`}>{t('review.rate.ratingHeading')}</h3>
      {locked ? (
        <>
          {block.rating ? (
            <div className="rate__locked">
              <p>
                {t('review.rate.lockedRating')} <RatingText value={block.rating.value} name={labels.name} />
              </p>
              <p className="rationale__text" dir="auto">
                {block.rating.rationale}
              </p>
            </div>
          ) : (
            <p className="muted">{t('review.rate.notRated')}</p>
          )}
          {block.history.length > 1 ? (
            <>
              <h4>{t('review.rate.versions')}</h4>
              <ol className="plain-list rationales">
                {block.history.map((r) => (
                  <li key={r.version} className="rationale">
                    <p className="rationale__head">
                      <strong>
                        {r.version === 1 ? t('review.rate.asSubmitted') : t('review.revisedVersion', { n: r.version })}
                      </strong>
                      : <RatingText value={r.value} name={labels.name} />
                    </p>
                    <p className="rationale__text" dir="auto">
                      {r.rationale}
                    </p>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {submitted && block.flag ? (
            <Reconciliation assignmentId={assignment.id} block={block} onRevised={onChanged} />
          ) : null}
        </>
      ) : (
        <>
          <DraftRating key={block.measurementId} assignmentId={assignment.id} block={block} onSaved={onSaved} />
          <p className="muted small">{t('review.rate.blind')}</p>
        </>
      )}
    </section>
  );
}

function SubmitAll({
  assignment,
  rated,
  onSubmitted,
}: {
  assignment: AssignmentOut;
  rated: number;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async (close: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/review/assignments/${assignment.id}/submit`);
      close();
      onSubmitted();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rate__submit">
      <DialogTrigger onOpenChange={() => setError(undefined)}>
        <Button className="button">{t('review.rate.submit')}</Button>
        <AppModal title={t('review.rate.submitTitle')} role="alertdialog">
          {(close) => (
            <>
              <p>
                {rated < assignment.measurements
                  ? t('review.rate.submitMissing', { n: assignment.measurements - rated })
                  : t('review.rate.submitText', { n: assignment.measurements })}
              </p>
              {error ? <FormAlert>{say(error)}</FormAlert> : null}
              <div className="dialog__actions">
                <Button className="button button--secondary" onPress={close} autoFocus>
                  {t('review.rate.cancel')}
                </Button>
                <BusyButton busy={busy} onPress={() => void submit(close)}>
                  {t('review.rate.submitConfirm')}
                </BusyButton>
              </div>
            </>
          )}
        </AppModal>
      </DialogTrigger>
    </div>
  );
}

function Rating({ id }: { id: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const detail = useApi<AssignmentDetail>(`/review/assignments/${id}`, {}, { personal: true });
  const [drafts, setDrafts] = useState<{ base: AssignmentDetail | undefined; map: Map<string, RatingOut> }>({
    base: undefined,
    map: new Map(),
  });
  const [announcement, setAnnouncement] = useState('');
  const catalogue = useExpertCatalogue();
  const data = detail.data;
  useDocumentTitle(
    data
      ? t('review.rate.title', { city: data.assignment.cityName, year: String(data.assignment.year) })
      : t('review.inbox.title'),
  );
  if (detail.error) return <PageError error={detail.error} onRetry={detail.retry} />;
  if (!data) return <Loading lines={6} />;

  const saved = drafts.base === data ? drafts.map : new Map<string, RatingOut>();
  const blocks = data.measurements.map((b) => {
    const draft = saved.get(b.measurementId);
    return draft ? { ...b, rating: draft } : b;
  });
  const rated = blocks.filter((b) => b.rating !== null).length;
  const a = data.assignment;
  const asked = params.get('m');
  const index = Math.max(
    0,
    blocks.findIndex((b) => b.measurementId === asked),
  );
  const block = blocks[index];
  const go = (to: number) => {
    const next = blocks[to];
    if (!next) return;
    const p = new URLSearchParams(params);
    p.set('m', next.measurementId);
    setParams(p, { replace: true });
    window.setTimeout(() => document.getElementById('measurement-heading')?.focus(), 0);
  };
  const onSaved = (rating: RatingOut) =>
    setDrafts((previous) => ({
      base: data,
      map: new Map(previous.base === data ? previous.map : []).set(rating.measurementId, rating),
    }));

  return (
    <div className="page page--review page--rate">
      <p className="breadcrumb">
        <Link href="/review">
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {t('review.rate.back')}
        </Link>
      </p>
      <header className="rate__header">
        <PageHeading>{t('review.rate.title', { city: a.cityName, year: String(a.year) })}</PageHeading>
        <p className="rate__facts">
          {a.roundName} · {t('review.inbox.deadline')}: <DaysLeft deadline={a.deadline} /> ·{' '}
          <AssignmentState assignment={a} /> · <Progress rated={rated} total={a.measurements} />
        </p>
        {a.state === 'submitted' ? (
          <p className="notice">
            {t('review.rate.submittedNotice')}
            {a.submittedAt ? (
              <>
                {' '}
                (<Time iso={a.submittedAt} />)
              </>
            ) : null}
            {a.flagged.length > 0 ? ` ${t('review.rate.flaggedNotice', { list: a.flagged.join(', ') })}` : null}
          </p>
        ) : null}
      </header>

      {data.cycleEvidence.length > 0 ? (
        <section aria-labelledby="cycle-evidence" className="rate__cycle-evidence">
          <h2 id="cycle-evidence">{t('review.rate.cycleEvidence')}</h2>
          <EvidenceList items={data.cycleEvidence} />
        </section>
      ) : null}

      <nav className="rate__nav" aria-label={t('review.rate.measurements')}>
        <ol className="rate__nav-list">
          {blocks.map((b, i) => (
            <li key={b.measurementId}>
              <Button className="rate__nav-item" aria-current={i === index ? 'step' : undefined} onPress={() => go(i)}>
                <span className="code">{b.measurementId}</span>{' '}
                <span className="rate__nav-state">
                  {b.flag?.state === 'open' ? (
                    <span title={t('review.rate.flaggedShort')}>⚑</span>
                  ) : b.rating ? (
                    <span aria-hidden="true">✓</span>
                  ) : (
                    <span aria-hidden="true">·</span>
                  )}
                  <span className="visually-hidden">
                    {b.flag?.state === 'open'
                      ? t('review.rate.flaggedShort')
                      : b.rating
                        ? t('review.rate.ratedShort')
                        : t('review.rate.notRatedShort')}
                  </span>
                </span>
              </Button>
            </li>
          ))}
        </ol>
      </nav>

      {block ? (
        <article className="rate__measurement" aria-labelledby="measurement-heading">
          <h2 id="measurement-heading" tabIndex={-1}>
            <span className="code">{block.measurementId}</span> {catalogue.name(block.measurementId, block.name)}{' '}
            <span className="muted small">{t('review.rate.position', { n: index + 1, total: blocks.length })}</span>
          </h2>
          <div className="rate__columns">
            <EvidenceColumn block={block} />
            <RatingColumn
              assignment={a}
              block={block}
              onSaved={onSaved}
              onChanged={() => {
                setAnnouncement(t('review.rate.revised'));
                detail.retry();
              }}
            />
          </div>
          <div className="rate__pager">
            <Button className="button button--secondary" isDisabled={index === 0} onPress={() => go(index - 1)}>
              <span aria-hidden="true" className="flip">
                ←{' '}
              </span>
              {t('review.rate.previous')}
            </Button>
            <Button
              className="button button--secondary"
              isDisabled={index === blocks.length - 1}
              onPress={() => go(index + 1)}
            >
              {t('review.rate.next')}
              <span aria-hidden="true" className="flip">
                {' '}
                →
              </span>
            </Button>
          </div>
        </article>
      ) : null}

      {a.state === 'assigned' && a.roundState === 'open' ? (
        <SubmitAll
          assignment={a}
          rated={rated}
          onSubmitted={() => {
            setAnnouncement(t('review.rate.submittedNotice'));
            detail.retry();
          }}
        />
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}

/** The rating screen: the city's evidence on the left, the rubric and the rating on the right. */
export default function AssignmentPage() {
  const { id = '' } = useParams();
  return <RequireSession>{(_me: MeResponse) => <Rating id={id} />}</RequireSession>;
}
