import { type FormEvent, useId, useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { BusyButton, FormAlert, SubmitButton, useProblem } from '../../components/forms.tsx';
import { ServerDetail } from '../../components/monitoring/cycle.tsx';
import { type Evidence, EvidenceLink, evidencePath } from '../../components/monitoring/evidence.tsx';
import { useValueFormat } from '../../components/monitoring/progress.tsx';
import { Time } from '../../components/roles.tsx';

/**
 * A cycle's evidence as loaded, with what was added and removed on this page on top: an upload shows at
 * once, without reading the whole list again.
 */
export function useEvidence(slug: string, year: number) {
  const list = useApi<{ items: Evidence[] }>(evidencePath(slug, year), {}, { personal: true });
  const [added, setAdded] = useState<Evidence[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const loaded = list.data?.items ?? [];
  const known = new Set(loaded.map((e) => e.id));
  const items = [...loaded, ...added.filter((e) => !known.has(e.id))].filter((e) => !removed.has(e.id));
  return {
    items,
    error: list.error,
    of: (measurementId: string) => items.filter((e) => e.measurementId === measurementId),
    add: (item: Evidence) => setAdded((previous) => [...previous, item]),
    remove: (id: string) => setRemoved((previous) => new Set([...previous, id])),
  };
}

export type EvidenceState = ReturnType<typeof useEvidence>;

/** The problems an upload or a link may meet, in the interface language, the server's detail after. */
function useEvidenceProblem() {
  const { t } = useTranslation();
  const problem = useProblem();
  return (error: ApiError) => {
    const detail = error.problem?.detail;
    if (error.status === 413) return <ServerDetail lead={t('monitoring.evidence.tooLarge')} detail={detail} />;
    if (error.status === 415) return <ServerDetail lead={t('monitoring.evidence.typeRefused')} detail={detail} />;
    if (error.status === 422) return <ServerDetail lead={t('monitoring.evidence.unsafe')} detail={detail} />;
    if (error.status === 409) return <ServerDetail lead={t('monitoring.evidence.locked')} detail={detail} />;
    if (error.status === 400 && detail && !error.problem?.errors?.length) {
      return <ServerDetail lead={t('monitoring.evidence.refused')} detail={detail} />;
    }
    return problem.message(error);
  };
}

function UploadForm({
  path,
  measurementId,
  label,
  onAdded,
}: {
  path: string;
  measurementId: string;
  label: string;
  onAdded: (item: Evidence) => void;
}) {
  const { t } = useTranslation();
  const say = useEvidenceProblem();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  // A ref as well as state: a second click in the same frame sees the first one's upload at once.
  const pending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'missing' } | { kind: 'failed'; error: ApiError } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending.current) return;
    const file = input.current?.files?.[0];
    if (!file) {
      setResult({ kind: 'missing' });
      input.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('measurementId', measurementId);
    body.append('file', file);
    pending.current = true;
    setBusy(true);
    setResult(null);
    try {
      onAdded(await apiSend<Evidence>('POST', path, body));
      if (input.current) input.current.value = '';
    } catch (error) {
      setResult({ kind: 'failed', error: asApiError(error) });
    } finally {
      pending.current = false;
      setBusy(false);
    }
  };

  const errorId = `${fileId}-error`;
  return (
    <Form
      className="form evidence__form"
      onSubmit={submit}
      aria-label={t('monitoring.evidence.uploadLabel', { label })}
    >
      <div className="field">
        <label className="field__label" htmlFor={fileId}>
          {t('monitoring.evidence.file')}
        </label>
        <input
          ref={input}
          id={fileId}
          className="field__file"
          type="file"
          name="file"
          disabled={busy}
          aria-describedby={`${fileId}-hint${result ? ` ${errorId}` : ''}`}
          aria-invalid={result ? true : undefined}
          onChange={() => setResult(null)}
        />
        <span id={`${fileId}-hint`} className="field__description">
          {t('monitoring.evidence.fileHint')}
        </span>
        {result ? (
          <div id={errorId} className="form-alert" role="alert">
            <span aria-hidden="true">⚠ </span>
            {result.kind === 'missing' ? t('monitoring.evidence.chooseFile') : say(result.error)}
          </div>
        ) : null}
      </div>
      <div className="form__actions">
        <SubmitButton busy={busy}>
          {busy ? t('monitoring.evidence.uploading') : t('monitoring.evidence.upload')}
        </SubmitButton>
      </div>
    </Form>
  );
}

function LinkForm({
  path,
  measurementId,
  label,
  onAdded,
}: {
  path: string;
  measurementId: string;
  label: string;
  onAdded: (item: Evidence) => void;
}) {
  const { t } = useTranslation();
  const problem = useProblem();
  const say = useEvidenceProblem();
  const pending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending.current) return;
    pending.current = true;
    setBusy(true);
    setError(undefined);
    try {
      onAdded(
        await apiSend<Evidence>('POST', `${path}/links`, { url: url.trim(), title: title.trim(), measurementId }),
      );
      setUrl('');
      setTitle('');
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      pending.current = false;
      setBusy(false);
    }
  };

  const fields = problem.fields(error);
  if (fields.url) fields.url = t('monitoring.evidence.badUrl');
  if (fields.title) fields.title = t('monitoring.evidence.needTitle');
  return (
    <Form
      className="form evidence__form"
      onSubmit={submit}
      validationBehavior="aria"
      aria-label={t('monitoring.evidence.linkLabel', { label })}
    >
      <TextField className="field" value={url} onChange={setUrl} isInvalid={Boolean(fields.url)} type="url">
        <Label className="field__label">{t('monitoring.evidence.url')}</Label>
        <Input className="field__input" dir="ltr" placeholder="https://" />
        <FieldError className="field__error">{fields.url}</FieldError>
      </TextField>
      <TextField className="field" value={title} onChange={setTitle} isInvalid={Boolean(fields.title)}>
        <Label className="field__label">{t('monitoring.evidence.title')}</Label>
        <Input className="field__input" dir="auto" />
        <Text slot="description" className="field__description">
          {t('monitoring.evidence.titleHint')}
        </Text>
        <FieldError className="field__error">{fields.title}</FieldError>
      </TextField>
      <div className="form__actions">
        <SubmitButton busy={busy}>{t('monitoring.evidence.addLink')}</SubmitButton>
      </div>
      {error && !fields.url && !fields.title ? <FormAlert>{say(error)}</FormAlert> : null}
    </Form>
  );
}

function RemoveButton({ path, item, onRemoved }: { path: string; item: Evidence; onRemoved: (id: string) => void }) {
  const { t } = useTranslation();
  const say = useEvidenceProblem();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const name = item.title ?? item.fileName ?? item.url ?? item.id;
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('DELETE', `${path}/${item.id}`);
      onRemoved(item.id);
    } catch (caught) {
      const apiError = asApiError(caught);
      // Already gone (removed by someone else): it leaves the list all the same.
      if (apiError.status === 404) onRemoved(item.id);
      else setError(apiError);
      setBusy(false);
    }
  };
  return (
    <>
      <BusyButton
        className="text-link-button"
        busy={busy}
        aria-label={t('monitoring.evidence.removeLabel', { name })}
        onPress={() => void remove()}
      >
        {t('monitoring.evidence.remove')}
      </BusyButton>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </>
  );
}

/**
 * The evidence backing one measurement: what is attached (files download, links open), and while the
 * report is editable, a file upload and a link form (behind a button, so the page stays readable).
 */
export function MeasurementEvidence({
  slug,
  year,
  measurementId,
  label,
  editable,
  evidence,
}: {
  slug: string;
  year: number;
  measurementId: string;
  /** The measurement's code and name, for the forms' accessible names. */
  label: string;
  editable: boolean;
  evidence: EvidenceState;
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const path = evidencePath(slug, year);
  const items = evidence.of(measurementId);
  const headingId = `evidence-${measurementId}`;
  const added = (item: Evidence) => {
    evidence.add(item);
    setAnnouncement(t('monitoring.evidence.added', { name: item.title ?? item.fileName ?? item.url ?? '' }));
  };
  const removed = (id: string) => {
    const item = items.find((e) => e.id === id);
    evidence.remove(id);
    setAnnouncement(t('monitoring.evidence.removed', { name: item?.title ?? item?.fileName ?? item?.url ?? '' }));
  };

  return (
    <section className="evidence" aria-labelledby={headingId}>
      <h5 id={headingId} className="evidence__title">
        {t('monitoring.evidence.heading', { n: format.number(items.length) })}
        <span className="visually-hidden"> — {label}</span>
      </h5>
      {items.length === 0 ? (
        <p className="evidence__none">{t('monitoring.evidence.none')}</p>
      ) : (
        <ul className="evidence__list">
          {items.map((item) => (
            <li key={item.id} className="evidence__item">
              <span className="evidence__kind">{t(`monitoring.evidence.kind.${item.kind}`)}</span>
              <EvidenceLink item={item} />
              <span className="evidence__meta">
                {item.uploadedBy ? (
                  <>
                    <bdi>{item.uploadedBy}</bdi>
                    {' · '}
                  </>
                ) : null}
                <Time iso={item.uploadedAt} withTime={false} />
              </span>
              {editable ? <RemoveButton path={path} item={item} onRemoved={removed} /> : null}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {editable ? (
        <>
          <Button
            className="button button--small button--secondary"
            aria-expanded={open}
            onPress={() => setOpen((o) => !o)}
          >
            {open ? t('monitoring.evidence.closeForms') : t('monitoring.evidence.add')}
            <span className="visually-hidden"> — {label}</span>
          </Button>
          {open ? (
            <div className="evidence__forms">
              <UploadForm path={path} measurementId={measurementId} label={label} onAdded={added} />
              <LinkForm path={path} measurementId={measurementId} label={label} onAdded={added} />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
